//! Evaluation of the NLP models: tagging, lemmas and parsing on UD English-EWT test (gold
//! tokenisation and raw text), parsing on GUM's news test documents, NER on UNER English-EWT
//! test and re3d test.

use crate::{prf, EvalLine};
use herald_doc::Document;
use herald_nlp::conllu::{bio_spans, parse_ner_columns, read_conllu, GoldSentence};
use herald_nlp::Pipeline;
use std::collections::HashMap;
use std::path::Path;

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Tagging, lemma and attachment scores with gold tokenisation.
pub fn gold_tokenisation(
    nlp: &Pipeline,
    name: &str,
    sents: &[GoldSentence],
    full: bool,
) -> EvalLine {
    let (mut n, mut upos, mut xpos, mut lemma, mut uas, mut las, mut las_full) =
        (0usize, 0, 0, 0, 0, 0, 0);
    // HERALD_EVAL_ERRORS=lemma|upos|head prints each mismatch to stderr, for error analysis.
    let show = std::env::var("HERALD_EVAL_ERRORS").unwrap_or_default();
    for s in sents {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let a = nlp.analyze_words(&words);
        for (i, g) in s.words.iter().enumerate() {
            n += 1;
            upos += (a.upos[i].as_str() == g.upos) as usize;
            xpos += (a.xpos[i] == g.xpos) as usize;
            lemma += (a.lemma[i] == g.lemma) as usize;
            if show == "lemma" && a.lemma[i] != g.lemma {
                eprintln!(
                    "lemma\t{}\t{}\t{}\tgold={}\tsys={}",
                    g.form, g.xpos, a.xpos[i], g.lemma, a.lemma[i]
                );
            }
            if show == "upos" && a.upos[i].as_str() != g.upos {
                eprintln!("upos\t{}\tgold={}\tsys={}", g.form, g.upos, a.upos[i]);
            }
            let gh = if g.head == 0 { None } else { Some(g.head - 1) };
            if a.heads[i] == gh {
                if show == "label" && universal(&a.deprels[i]) != universal(&g.deprel) {
                    eprintln!("label\t{}\t{}", g.deprel, a.deprels[i]);
                }
                uas += 1;
                las += (universal(&a.deprels[i]) == universal(&g.deprel)) as usize;
                las_full += (a.deprels[i] == g.deprel) as usize;
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    let mut line = EvalLine::new(name);
    if full {
        line.push("UPOS", pct(upos));
        line.push("XPOS", pct(xpos));
        line.push("lemma", pct(lemma));
    }
    line.push("UAS", pct(uas));
    line.push("LAS", pct(las));
    line.push("LAS_full", pct(las_full));
    line.push("words", n as f64);
    line
}

/// The documents of a CoNLL-U file rebuilt as raw text (sentences joined by spaces, paragraphs by
/// blank lines), with the code-point span of every gold word.
pub fn rebuild_documents(
    sents: &[GoldSentence],
) -> Vec<(Document, Vec<(usize, Vec<(usize, usize)>)>)> {
    let mut docs: Vec<(Document, Vec<(usize, Vec<(usize, usize)>)>)> = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        if docs.is_empty() || s.newdoc.is_some() {
            docs.push((
                Document {
                    id: format!("doc{}", docs.len()),
                    ..Document::default()
                },
                Vec::new(),
            ));
        }
        let (doc, spans) = docs.last_mut().unwrap();
        if !doc.text.is_empty() {
            doc.text.push_str(if s.newpar { "\n\n" } else { " " });
        }
        let mut cp = doc.text.chars().count();
        let mut word_spans = vec![(0usize, 0usize); s.words.len()];
        let mut i = 0;
        while i < s.words.len() {
            // A multi-word token covers words i..=j with one surface form.
            let (j, surface) = match s.mwt.iter().find(|(a, _, _)| *a == i) {
                Some((_, b, f)) => (*b, f.clone()),
                None => (i, s.words[i].form.clone()),
            };
            let len = surface.chars().count();
            let concat: String = s.words[i..=j].iter().map(|w| w.form.as_str()).collect();
            if concat == surface {
                let mut c = cp;
                for k in i..=j {
                    let l = s.words[k].form.chars().count();
                    word_spans[k] = (c, c + l);
                    c += l;
                }
            } else {
                for ws in word_spans.iter_mut().take(j + 1).skip(i) {
                    *ws = (cp, cp + len);
                }
            }
            doc.text.push_str(&surface);
            cp += len;
            if s.words[j].space_after && j + 1 < s.words.len() {
                doc.text.push(' ');
                cp += 1;
            }
            i = j + 1;
        }
        spans.push((si, word_spans));
    }
    docs
}

/// Scores from raw text, aligned on character spans as in the CoNLL 2018 shared task: token and
/// sentence F1, and UAS/LAS F1 over words whose spans match.
pub fn raw_text(nlp: &Pipeline, name: &str, sents: &[GoldSentence]) -> EvalLine {
    let (mut gold_tok, mut sys_tok, mut ok_tok) = (0usize, 0usize, 0usize);
    let (mut gold_sent, mut sys_sent, mut ok_sent) = (0usize, 0usize, 0usize);
    let (mut uas, mut las) = (0usize, 0usize);
    for (doc, gold) in rebuild_documents(sents) {
        let a = nlp.analyze(&doc);
        // Gold: span → (head span, relation); sentence spans.
        let mut gmap: HashMap<(usize, usize), (Option<(usize, usize)>, String)> = HashMap::new();
        let mut gsent = std::collections::HashSet::new();
        for (si, spans) in &gold {
            let s = &sents[*si];
            for (k, w) in s.words.iter().enumerate() {
                let head = if w.head == 0 {
                    None
                } else {
                    Some(spans[w.head - 1])
                };
                gmap.insert(spans[k], (head, universal(&w.deprel).to_string()));
            }
            gsent.insert((spans[0].0, spans[spans.len() - 1].1));
            gold_tok += s.words.len();
        }
        gold_sent += gsent.len();
        for s in &a.sentences {
            sys_sent += 1;
            if gsent.contains(&(
                s.tokens[0].span.start,
                s.tokens[s.tokens.len() - 1].span.end,
            )) {
                ok_sent += 1;
            }
            for t in &s.tokens {
                sys_tok += 1;
                let key = (t.span.start, t.span.end);
                if let Some((gh, rel)) = gmap.get(&key) {
                    ok_tok += 1;
                    let sh = t
                        .head
                        .map(|h| (s.tokens[h].span.start, s.tokens[h].span.end));
                    if sh == *gh {
                        uas += 1;
                        if universal(&t.deprel) == rel {
                            las += 1;
                        }
                    }
                }
            }
        }
    }
    let mut line = EvalLine::new(name);
    line.push("tokens_F1", prf(ok_tok, sys_tok, gold_tok).2);
    line.push("sentences_F1", prf(ok_sent, sys_sent, gold_sent).2);
    line.push("UAS", prf(uas, sys_tok, gold_tok).2);
    line.push("LAS", prf(las, sys_tok, gold_tok).2);
    line
}

/// Exact-span NER precision, recall and F1 (per type and overall) with gold tokenisation.
pub fn ner(nlp: &Pipeline, name: &str, sents: &[GoldSentence]) -> EvalLine {
    let types = ["PERSON", "ORG", "LOC"];
    let mut counts: HashMap<&str, (usize, usize, usize)> = HashMap::new();
    for s in sents {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let a = nlp.analyze_words(&words);
        let sys: Vec<String> = a.ents.iter().map(|s| s.to_string()).collect();
        let gs = bio_spans(&s.ents);
        let ss = bio_spans(&sys);
        if std::env::var("HERALD_EVAL_ERRORS").as_deref() == Ok("ner") && gs != ss {
            let show = |v: &[(usize, usize, String)]| {
                v.iter()
                    .map(|(a, b, t)| format!("{t}:{}", words[*a..*b].join(" ")))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            eprintln!(
                "ner\tgold=[{}]\tsys=[{}]\t{}",
                show(&gs),
                show(&ss),
                words.join(" ")
            );
        }
        for t in types {
            let g: Vec<_> = gs.iter().filter(|x| x.2 == t).collect();
            let p: Vec<_> = ss.iter().filter(|x| x.2 == t).collect();
            let ok = p.iter().filter(|x| g.contains(x)).count();
            let c = counts.entry(t).or_default();
            c.0 += ok;
            c.1 += p.len();
            c.2 += g.len();
        }
    }
    let mut line = EvalLine::new(name);
    let (mut ok, mut pr, mut go) = (0, 0, 0);
    for t in types {
        let c = counts.get(t).copied().unwrap_or_default();
        ok += c.0;
        pr += c.1;
        go += c.2;
    }
    let (p, r, f) = prf(ok, pr, go);
    line.push("P", p);
    line.push("R", r);
    line.push("F1", f);
    for t in types {
        let c = counts.get(t).copied().unwrap_or_default();
        line.push(&format!("{t}_F1"), prf(c.0, c.1, c.2).2);
    }
    line.push("entities", go as f64);
    line
}

fn re3d_type(t: &str) -> Option<&'static str> {
    match t {
        "Person" => Some("PERSON"),
        "Organisation" => Some("ORG"),
        "Location" => Some("LOC"),
        _ => None,
    }
}

/// Run every NLP evaluation whose data exists under `data`; `emit` gets each line as it is ready.
/// Dev sets are scored only for models not trained on them (`trained_on_dev` false).
pub fn run(
    nlp: &Pipeline,
    data: &Path,
    trained_on_dev: bool,
    mut emit: impl FnMut(EvalLine),
) -> std::io::Result<()> {
    // Dev lines guide model choices; they mean nothing for models trained on dev.
    let ewt_dev = data.join("ud-english-ewt/en_ewt-ud-dev.conllu");
    if ewt_dev.exists() && !trained_on_dev {
        let sents = read_conllu(&ewt_dev)?;
        emit(gold_tokenisation(nlp, "ewt-dev-gold-tok", &sents, true));
    }
    let ewt_test = data.join("ud-english-ewt/en_ewt-ud-test.conllu");
    if ewt_test.exists() {
        let sents = read_conllu(&ewt_test)?;
        emit(gold_tokenisation(nlp, "ewt-test-gold-tok", &sents, true));
        emit(raw_text(nlp, "ewt-test-raw-text", &sents));
    }
    let gum_dir = data.join("gum/dep");
    if gum_dir.exists() {
        let test = herald_nlp::train::gum_split(data, "test")?;
        let mut sents = Vec::new();
        for d in test.iter().filter(|d| d.starts_with("GUM_news_")) {
            sents.extend(read_conllu(&gum_dir.join(format!("{d}.conllu")))?);
        }
        emit(gold_tokenisation(
            nlp,
            "gum-news-test-gold-tok",
            &sents,
            true,
        ));
    }
    let uner_dev = data.join("uner-english-ewt/en_ewt-ud-dev.iob2");
    if uner_dev.exists() && !trained_on_dev {
        let text = std::fs::read_to_string(&uner_dev)?;
        let sents = parse_ner_columns(&text, 1, 2, Some('\t'), herald_nlp::train::ner_type);
        emit(ner(nlp, "uner-ewt-dev-ner", &sents));
    }
    let uner = data.join("uner-english-ewt/en_ewt-ud-test.iob2");
    if uner.exists() {
        let text = std::fs::read_to_string(&uner)?;
        let sents = parse_ner_columns(&text, 1, 2, Some('\t'), herald_nlp::train::ner_type);
        emit(ner(nlp, "uner-ewt-test-ner", &sents));
    }
    if let Some(line) = re3d(nlp, data)? {
        emit(line);
    }
    Ok(())
}

/// NER on re3d's test split (conflict news; its Person/Organisation/Location mapped), if present.
pub fn re3d(nlp: &Pipeline, data: &Path) -> std::io::Result<Option<EvalLine>> {
    let path = data.join("re3d/conll-split/test/re3d-test.conll");
    if !path.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path)?;
    let sents = parse_ner_columns(&text, 0, 1, Some('\t'), re3d_type);
    Ok(Some(ner(nlp, "re3d-test-ner", &sents)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_text_and_spans() {
        let t = "# newdoc id = d\n# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n# newpar\n# text = Yes.\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";
        let sents = herald_nlp::conllu::parse_conllu(t);
        let docs = rebuild_documents(&sents);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].0.text, "I don't.\n\nYes.");
        assert_eq!(docs[0].1[0].1, vec![(0, 1), (2, 4), (4, 7), (7, 8)]);
        assert_eq!(docs[0].1[1].1, vec![(10, 13), (13, 14)]);
    }
}
