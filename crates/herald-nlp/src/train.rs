//! Training every model from the data sets in `../shared/data` (see its INDEX.md):
//! UD English-EWT and GUM's CC BY genres for the tagger, lemmatiser and parser, UNER English-EWT
//! for NER, and ship-class name lists for the gazetteer. Training is deterministic: the same data
//! and seed give byte-identical model files.

use crate::conllu::{parse_ner_columns, read_conllu, GoldSentence};
use crate::features::{lex, Clusters};
use crate::gazetteer::{self, Gazetteer};
use crate::io::{self, ByteWriter};
use crate::lemma::Lemmatizer;
use crate::ner::{self, NerExample, NerInput, TAGS};
use crate::parser::{self, ParseExample, ParseInput};
use crate::pipeline::files;
use crate::tagger::{self, TagExample, Tagger};
use std::path::{Path, PathBuf};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// `../shared/data`.
    pub data: PathBuf,
    /// Where models are written (and `clusters.tsv.gz` read from).
    pub out: PathBuf,
    /// Tagger epochs.
    pub tagger_epochs: usize,
    /// Parser epochs.
    pub parser_epochs: usize,
    /// NER epochs.
    pub ner_epochs: usize,
    /// Jackknife folds for the parser's training tags.
    pub folds: usize,
    /// Random seed.
    pub seed: u64,
    /// Which components to train: any of tagger, lemmatizer, parser, gazetteer, ner.
    pub only: Vec<String>,
    /// The hand-kept gazetteer additions (`data/gazetteer-extra.tsv`).
    pub gazetteer_extra: PathBuf,
    /// NER corpora added to UNER English-EWT train: any of wikigold, crossner, redocred.
    pub ner_extra: Vec<String>,
    /// Also train on the dev splits of EWT, GUM and UNER (never on test splits).
    pub with_dev: bool,
    /// Parsers trained (in parallel, on different shuffles) and averaged into the stored one.
    pub ensemble: usize,
}

/// Sentences of an additional NER training corpus, mapped to PERSON/ORG/LOC.
pub fn extra_ner_corpus(
    data: &Path,
    name: &str,
    tagger: &Tagger,
    clusters: &Clusters,
) -> std::io::Result<Vec<GoldSentence>> {
    match name {
        "wikigold" => {
            let text = std::fs::read_to_string(data.join("wikigold/wikigold.conll.txt"))?;
            Ok(parse_ner_columns(&text, 0, 1, Some(' '), ner_type))
        }
        "crossner" => {
            let map: crate::conllu::TypeMap = |t| match t {
                "politician" | "person" => Some("PERSON"),
                "politicalparty" | "organisation" => Some("ORG"),
                "country" | "location" => Some("LOC"),
                _ => None,
            };
            let mut out = Vec::new();
            for split in ["train", "dev", "test"] {
                let text =
                    std::fs::read_to_string(data.join(format!("crossner-politics/{split}.txt")))?;
                out.extend(parse_ner_columns(&text, 0, 1, Some('\t'), map));
            }
            Ok(out)
        }
        "redocred" => {
            let mut out = Vec::new();
            for file in ["dev_revised.json.xz", "test_revised.json.xz"] {
                let json: serde_json::Value =
                    serde_json::from_str(&read_xz(&data.join("redocred").join(file))?)
                        .map_err(std::io::Error::other)?;
                for doc in json.as_array().into_iter().flatten() {
                    let sents: Vec<Vec<String>> =
                        serde_json::from_value(doc["sents"].clone()).unwrap_or_default();
                    let mut tags: Vec<Vec<String>> = sents
                        .iter()
                        .map(|s| vec!["O".to_string(); s.len()])
                        .collect();
                    for ent in doc["vertexSet"].as_array().into_iter().flatten() {
                        for m in ent.as_array().into_iter().flatten() {
                            let ty = match m["type"].as_str() {
                                Some("PER") => "PERSON",
                                Some("ORG") => "ORG",
                                Some("LOC") => "LOC",
                                _ => continue,
                            };
                            let si = m["sent_id"].as_u64().unwrap_or(0) as usize;
                            let (a, b) = (
                                m["pos"][0].as_u64().unwrap_or(0) as usize,
                                m["pos"][1].as_u64().unwrap_or(0) as usize,
                            );
                            if si >= sents.len() || b > sents[si].len() || a >= b {
                                continue;
                            }
                            // Re-DocRED types nationality adjectives ("German") as LOC; UNER does not.
                            if b - a == 1 {
                                let l = lex(&sents[si][a], clusters);
                                let t = tagger.predict(std::slice::from_ref(&l));
                                if tagger.tags[t[0] as usize].starts_with("ADJ") {
                                    continue;
                                }
                            }
                            for k in a..b {
                                tags[si][k] = format!("{}-{ty}", if k == a { "B" } else { "I" });
                            }
                        }
                    }
                    for (words, ents) in sents.into_iter().zip(tags) {
                        let text: String = words
                            .iter()
                            .zip(&ents)
                            .map(|(w, t)| format!("{w}\t{t}\n"))
                            .collect();
                        let mut s = parse_ner_columns(&text, 0, 1, Some('\t'), ner_type);
                        out.append(&mut s);
                    }
                }
            }
            Ok(out)
        }
        other => Err(std::io::Error::other(format!(
            "unknown NER corpus '{other}' (wikigold, crossner, redocred)"
        ))),
    }
}

/// GUM genres whose texts are non-commercial (excluded from training).
pub const GUM_NC_GENRES: [&str; 5] = ["essay", "fiction", "letter", "podcast", "whow"];

/// Documents of one GUM split (`train`, `dev`, `test`) from splits.md.
pub fn gum_split(data: &Path, split: &str) -> std::io::Result<Vec<String>> {
    let text = std::fs::read_to_string(data.join("gum/splits.md"))?;
    let mut out = Vec::new();
    let mut on = false;
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            on = h.trim() == split;
            continue;
        }
        if on {
            if let Some(d) = line.trim().strip_prefix("* ") {
                out.push(d.trim().to_string());
            }
        }
    }
    Ok(out)
}

/// GUM documents of one split whose texts are under a CC BY-style licence.
pub fn gum_docs(data: &Path, split: &str) -> std::io::Result<Vec<GoldSentence>> {
    let mut out = Vec::new();
    for doc in gum_split(data, split)? {
        let genre = doc.split('_').nth(1).unwrap_or("");
        if GUM_NC_GENRES.contains(&genre) || doc.starts_with("GENTLE") {
            continue;
        }
        let p = data.join("gum/dep").join(format!("{doc}.conllu"));
        if p.exists() {
            out.extend(read_conllu(&p)?);
        }
    }
    Ok(out)
}

fn joint_tag(upos: &str, xpos: &str) -> String {
    format!("{upos}\t{xpos}")
}

fn tag_examples(sents: &[GoldSentence], clusters: &Clusters) -> Vec<TagExample> {
    sents
        .iter()
        .map(|s| TagExample {
            lex: s.words.iter().map(|w| lex(&w.form, clusters)).collect(),
            forms: s.words.iter().map(|w| w.form.clone()).collect(),
            tags: s
                .words
                .iter()
                .map(|w| joint_tag(&w.upos, &w.xpos))
                .collect(),
        })
        .collect()
}

fn save(path: &Path, format: &str, write: impl FnOnce(&mut ByteWriter)) -> std::io::Result<()> {
    let mut w = ByteWriter::default();
    write(&mut w);
    io::save(path, format, &w.into_inner())
}

fn want(cfg: &TrainConfig, what: &str) -> bool {
    cfg.only.is_empty() || cfg.only.iter().any(|o| o == what)
}

/// Map of UNER and similar schemes to herald's types.
pub fn ner_type(t: &str) -> Option<&'static str> {
    match t {
        "PER" | "PERSON" | "Person" => Some("PERSON"),
        "ORG" | "Organisation" | "Organization" | "ORGANIZATION" => Some("ORG"),
        "LOC" | "GPE" | "Location" | "LOCATION" => Some("LOC"),
        _ => None,
    }
}

/// File recording how the models in a directory were trained.
pub const MANIFEST: &str = "manifest.json";

/// Whether the models in `dir` were trained on dev splits (dev scores then mean nothing).
pub fn trained_on_dev(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join(MANIFEST))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v["with_dev"].as_bool())
        .unwrap_or(false)
}

/// Train everything `cfg` asks for; `log` receives progress lines.
pub fn train_all(cfg: &TrainConfig, mut log: impl FnMut(&str)) -> std::io::Result<()> {
    let manifest = serde_json::json!({
        "format": "herald.models.v1",
        "with_dev": cfg.with_dev,
        "splits": if cfg.with_dev { "train+dev" } else { "train" },
        "ensemble": cfg.ensemble,
        "tagger_epochs": cfg.tagger_epochs,
        "parser_epochs": cfg.parser_epochs,
        "ner_epochs": cfg.ner_epochs,
        "jackknife_folds": cfg.folds,
        "seed": cfg.seed,
        "ner_extra": cfg.ner_extra,
        "sources": ["ud-english-ewt 2.16", "gum (CC BY genres)", "uner-english-ewt", "spacy-lookups-data 1.0.5 clusters", "geonames", "wikidata-leaders", "cia-factbook-2026", "ofac-sdn-2022", "petrarch2"],
    });
    std::fs::write(
        cfg.out.join(MANIFEST),
        serde_json::to_string_pretty(&manifest).map_err(std::io::Error::other)? + "\n",
    )?;
    let clusters = Clusters::load(&cfg.out.join(files::CLUSTERS))?;
    log(&format!("clusters: {} words", clusters.len()));
    let ewt = read_conllu(&cfg.data.join("ud-english-ewt/en_ewt-ud-train.conllu"))?;
    let mut gum = gum_docs(&cfg.data, "train")?;
    let mut ewt = ewt;
    if cfg.with_dev {
        ewt.extend(read_conllu(
            &cfg.data.join("ud-english-ewt/en_ewt-ud-dev.conllu"),
        )?);
        gum.extend(gum_docs(&cfg.data, "dev")?);
    }
    log(&format!(
        "treebanks: EWT {} sentences, GUM (CC BY genres) {} sentences{}",
        ewt.len(),
        gum.len(),
        if cfg.with_dev {
            " (train + dev)"
        } else {
            " (train)"
        }
    ));
    let mut all: Vec<GoldSentence> = ewt.clone();
    all.extend(gum.iter().cloned());

    // Tagger on everything.
    let examples = tag_examples(&all, &clusters);
    let tagger_path = cfg.out.join(files::TAGGER);
    let tagger = if want(cfg, "tagger") {
        let seeds: Vec<u64> = (0..cfg.ensemble.max(1) as u64)
            .map(|i| cfg.seed + 1000 * i)
            .collect();
        let t = tagger::train_ensemble(&examples, cfg.tagger_epochs, &seeds);
        save(&tagger_path, tagger::FORMAT, |w| t.write(w))?;
        log(&format!(
            "tagger: {} tags, {} features",
            t.tags.len(),
            t.n_features()
        ));
        t
    } else {
        let bytes = io::load(&tagger_path, tagger::FORMAT).map_err(std::io::Error::other)?;
        Tagger::read(&mut io::ByteReader::new(&bytes)).map_err(std::io::Error::other)?
    };

    if want(cfg, "lemmatizer") {
        let extra = verb_lemmas(&cfg.data);
        let lem = Lemmatizer::train(
            all.iter().flat_map(|s| {
                s.words
                    .iter()
                    .map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str()))
            }),
            &extra,
        );
        save(
            &cfg.out.join(files::LEMMATIZER),
            crate::lemma::FORMAT,
            |w| lem.write(w),
        )?;
        log(&format!(
            "lemmatizer: trained ({} extra verb lemmas)",
            extra.len()
        ));
    }

    if want(cfg, "parser") {
        // Jackknifed tags, so the parser learns from tags as noisy as it will see.
        let folds = cfg.folds.max(2);
        let mut predicted: Vec<Vec<u16>> = vec![Vec::new(); examples.len()];
        let tag_index: rustc_hash::FxHashMap<&str, u16> = tagger
            .tags
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), i as u16))
            .collect();
        for f in 0..folds {
            let train: Vec<TagExample> = examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != f)
                .map(|(_, e)| TagExample {
                    lex: e.lex.clone(),
                    forms: e.forms.clone(),
                    tags: e.tags.clone(),
                })
                .collect();
            let t = tagger::train(&train, cfg.tagger_epochs.min(6), cfg.seed + f as u64 + 1);
            for (i, e) in examples.iter().enumerate() {
                if i % folds == f {
                    predicted[i] = t
                        .predict(&e.lex)
                        .into_iter()
                        .map(|id| *tag_index.get(t.tags[id as usize].as_str()).unwrap_or(&0))
                        .collect();
                }
            }
            log(&format!(
                "parser: jackknife fold {} of {folds} tagged",
                f + 1
            ));
        }
        let pex: Vec<ParseExample> = all
            .iter()
            .zip(&examples)
            .zip(&predicted)
            .map(|((s, e), tags)| {
                let n = s.words.len();
                ParseExample {
                    input: e
                        .lex
                        .iter()
                        .zip(tags)
                        .map(|(l, &t)| ParseInput { lex: *l, tag: t })
                        .collect(),
                    heads: s
                        .words
                        .iter()
                        .map(|w| if w.head == 0 { n } else { w.head - 1 })
                        .collect(),
                    labels: s.words.iter().map(|w| w.deprel.clone()).collect(),
                }
            })
            .collect();
        let seeds: Vec<u64> = (0..cfg.ensemble.max(1) as u64)
            .map(|i| cfg.seed + 1000 * i)
            .collect();
        let p = parser::train_ensemble(&pex, cfg.parser_epochs, &seeds, parser::PRUNE, |e| {
            log(&format!("parser: epoch {} done", e + 1))
        });
        save(&cfg.out.join(files::PARSER), parser::FORMAT, |w| p.write(w))?;
        let (a, l) = p.n_features();
        log(&format!(
            "parser: {} labels, {a} action features, {l} label features",
            p.labels.len()
        ));
    }

    let gaz_path = cfg.out.join(files::GAZETTEER);
    let gaz = if want(cfg, "gazetteer") {
        let g = build_gazetteer(&cfg.data, &cfg.gazetteer_extra)?;
        save(&gaz_path, gazetteer::FORMAT, |w| g.write(w))?;
        log(&format!("gazetteer: {} phrases", g.len()));
        g
    } else {
        let bytes = io::load(&gaz_path, gazetteer::FORMAT).map_err(std::io::Error::other)?;
        Gazetteer::read(&mut io::ByteReader::new(&bytes)).map_err(std::io::Error::other)?
    };

    if want(cfg, "ner") {
        let text = std::fs::read_to_string(cfg.data.join("uner-english-ewt/en_ewt-ud-train.iob2"))?;
        let mut sents = parse_ner_columns(&text, 1, 2, Some('\t'), ner_type);
        if cfg.with_dev {
            let dev =
                std::fs::read_to_string(cfg.data.join("uner-english-ewt/en_ewt-ud-dev.iob2"))?;
            sents.extend(parse_ner_columns(&dev, 1, 2, Some('\t'), ner_type));
        }
        let uner_n = sents.len();
        for extra in &cfg.ner_extra {
            let more = extra_ner_corpus(&cfg.data, extra, &tagger, &clusters)?;
            log(&format!("ner: + {extra}: {} sentences", more.len()));
            sents.extend(more);
        }
        log(&format!(
            "ner: UNER {} {uner_n} sentences, {} in all",
            if cfg.with_dev { "train + dev" } else { "train" },
            sents.len()
        ));
        let nex: Vec<NerExample> = sents
            .iter()
            .map(|s| ner_example(s, &tagger, &gaz, &clusters))
            .collect();
        let seeds: Vec<u64> = (0..cfg.ensemble.max(1) as u64)
            .map(|i| cfg.seed + 1000 * i)
            .collect();
        let m = ner::train_ensemble(&nex, cfg.ner_epochs, &seeds);
        save(&cfg.out.join(files::NER), ner::FORMAT, |w| m.write(w))?;
        log(&format!(
            "ner: {} sentences, {} features",
            nex.len(),
            m.n_features()
        ));
    }
    Ok(())
}

/// Build one NER training example (tags from `tagger`, gazetteer positions from `gaz`).
pub fn ner_example(
    s: &GoldSentence,
    tagger: &Tagger,
    gaz: &Gazetteer,
    clusters: &Clusters,
) -> NerExample {
    let lexes: Vec<_> = s.words.iter().map(|w| lex(&w.form, clusters)).collect();
    let tags = tagger.predict(&lexes);
    let norms: Vec<u64> = lexes.iter().map(|l| l.norm).collect();
    let caps: Vec<bool> = s
        .words
        .iter()
        .map(|w| w.form.chars().next().is_some_and(|c| c.is_uppercase()))
        .collect();
    let g = gaz.positions(&norms, &caps);
    NerExample {
        input: lexes
            .iter()
            .zip(&tags)
            .zip(g)
            .map(|((l, &t), g)| NerInput {
                lex: *l,
                tag: t,
                gaz: g,
            })
            .collect(),
        gold: s
            .ents
            .iter()
            .map(|t| TAGS.iter().position(|x| x == t).unwrap_or(0) as u8)
            .collect(),
    }
}

/// Verb lemmas from the PETRARCH-2 verb dictionary (`---  URGE  [---]` headers and their
/// synonym lines), so the lemmatiser knows verbs the treebanks lack.
fn verb_lemmas(data: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(data.join("petrarch2/CAMEO.2.0.txt")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut in_patterns = false;
    for line in text.lines() {
        if line.contains("VERB PATTERNS") {
            in_patterns = true;
            continue;
        }
        if !in_patterns {
            continue;
        }
        let l = line
            .trim_start_matches("---")
            .trim()
            .trim_start_matches('+');
        let word: String = l.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        let next = l[word.len()..].chars().next();
        // Single-word entries only ("ASK_FOR" is a phrase).
        if word.len() >= 3 && word.chars().all(|c| c.is_ascii_uppercase()) && next != Some('_') {
            out.push(word.to_lowercase());
        }
    }
    out.sort();
    out.dedup();
    out
}

fn read_xz(path: &Path) -> std::io::Result<String> {
    let f = std::fs::File::open(path)?;
    let mut r = std::io::BufReader::new(f);
    let mut out = Vec::new();
    lzma_rs::xz_decompress(&mut r, &mut out)
        .map_err(|e| std::io::Error::other(format!("{}: {e:?}", path.display())))?;
    String::from_utf8(out).map_err(std::io::Error::other)
}

/// Build the gazetteer from ship-class sources in `data` and the hand list `extra`.
pub fn build_gazetteer(data: &Path, extra: &Path) -> std::io::Result<Gazetteer> {
    let mut g = Gazetteer::default();
    // GeoNames countries and capitals.
    let ci = std::fs::read_to_string(data.join("geonames/countryInfo.txt"))?;
    for line in ci.lines().filter(|l| !l.starts_with('#')) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() > 5 {
            g.add(c[4], gazetteer::LOC);
            if !c[5].is_empty() {
                g.add(c[5], gazetteer::LOC);
            }
        }
    }
    // Cities over 15,000 people: name and ASCII name.
    let cities = read_xz(&data.join("geonames/cities15000.txt.xz"))?;
    for line in cities.lines() {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() > 2 {
            g.add(c[1], gazetteer::LOC);
            if c[2] != c[1] {
                g.add(c[2], gazetteer::LOC);
            }
        }
    }
    // First-level subdivisions.
    let adm = std::fs::read_to_string(data.join("geonames/admin1CodesASCII.txt"))?;
    for line in adm.lines() {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() > 2 {
            g.add(c[1], gazetteer::LOC);
            g.add(c[2], gazetteer::LOC);
        }
    }
    // Heads of state and government (Wikidata).
    let leaders = std::fs::read_to_string(data.join("wikidata-leaders/leaders_history.csv"))?;
    for line in leaders.lines().skip(1) {
        let f = herald_dict::sources::csv_fields(line);
        if f.len() > 3 && !f[3].is_empty() && !f[3].starts_with('Q') {
            g.add(&f[3], gazetteer::PER);
        }
    }
    // Armed groups (OFAC) with aliases.
    let ofac = std::fs::read_to_string(data.join("ofac-sdn-2022/armed-groups-sdgt-fto.tsv"))?;
    for line in ofac.lines().filter(|l| !l.starts_with('#')) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() > 1 {
            g.add(c[1], gazetteer::ORG);
        }
        if c.len() > 4 {
            for a in c[4].split('|').filter(|a| !a.is_empty()) {
                g.add(a, gazetteer::ORG);
            }
        }
    }
    // CIA Factbook: terrorist groups ("Ansarallah (Houthis)") and chiefs of state.
    let cia = std::fs::read_to_string(data.join("cia-factbook-2026/executive-and-terrorism.tsv"))?;
    for line in cia.lines().filter(|l| !l.starts_with('#')) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() > 6 {
            for grp in c[6].split(';') {
                let grp = grp.trim();
                if grp.is_empty() {
                    continue;
                }
                let (name, paren) = match grp.split_once('(') {
                    Some((a, b)) => (a.trim(), Some(b.split(')').next().unwrap_or("").trim())),
                    None => (grp, None),
                };
                let name = name.split(" – ").next().unwrap_or(name).trim();
                g.add(name, gazetteer::ORG);
                if let Some(p) = paren.filter(|p| !p.is_empty()) {
                    g.add(p, gazetteer::ORG);
                }
            }
        }
        if c.len() > 2 {
            g.add(c[2], gazetteer::LOC);
        }
    }
    // PETRARCH actor lists: international organisations and non-state armed groups.
    for file in [
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ] {
        let Ok(text) = std::fs::read_to_string(data.join("petrarch2").join(file)) else {
            continue;
        };
        let mut org_block = false;
        for line in text.lines() {
            let l = line.split('#').next().unwrap_or("").trim();
            if l.is_empty() {
                continue;
            }
            let is_alias = l.starts_with('+');
            let body = l.trim_start_matches('+');
            let name_part = body.split('[').next().unwrap_or("").trim();
            if !is_alias {
                let code = body.split('[').nth(1).unwrap_or("");
                org_block = file.contains("MilNonState")
                    || code.starts_with("IGO")
                    || code.starts_with("NGO")
                    || code.starts_with("MNC")
                    || code.starts_with("IMG");
            }
            if org_block {
                let name = name_part.replace('_', " ");
                let name = name.split('(').next().unwrap_or("").trim().to_string();
                if name.len() > 1 {
                    g.add(&name, gazetteer::ORG);
                }
            }
        }
    }
    // Hand list: curated, so also imposed on NER output.
    if let Ok(text) = std::fs::read_to_string(extra) {
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            if let Some((t, name)) = line.split_once('\t') {
                let bits = match t {
                    "PER" => gazetteer::PER,
                    "ORG" => gazetteer::ORG,
                    _ => gazetteer::LOC,
                };
                g.add_curated(name.trim(), bits);
            }
        }
    }
    Ok(g)
}
