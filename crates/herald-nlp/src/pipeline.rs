//! The analyser: every component loaded once, applied to a document in order
//! (tokenize → split → tag → lemmatise → parse → NER).

use crate::features::{lex, Clusters, Lex};
use crate::gazetteer::Gazetteer;
use crate::io::{self, ByteReader, ModelError};
use crate::lemma::Lemmatizer;
use crate::ner::{Ner, NerInput, TAGS};
use crate::parser::{ParseInput, Parser};
use crate::tagger::Tagger;
use crate::tokenize::{split_sentences, tokenize};
use herald_doc::{Analysis, Document, EntityMention, EntityType, Sentence, Span, Token, Upos};
use std::path::{Path, PathBuf};

/// File names of the components inside a models directory.
pub mod files {
    /// Brown clusters.
    pub const CLUSTERS: &str = "clusters.tsv.gz";
    /// Tagger.
    pub const TAGGER: &str = "tagger.bin";
    /// Lemmatiser.
    pub const LEMMATIZER: &str = "lemmatizer.bin";
    /// Parser.
    pub const PARSER: &str = "parser.bin";
    /// NER.
    pub const NER: &str = "ner.bin";
    /// Gazetteer.
    pub const GAZETTEER: &str = "gazetteer.bin";
}

/// The models directory: `$HERALD_MODELS` if set, else `models/` of the source tree herald was
/// built from.
pub fn default_models_dir() -> PathBuf {
    if let Ok(d) = std::env::var("HERALD_MODELS") {
        return PathBuf::from(d);
    }
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models"))
}

/// All of one word-level analysis, for callers that bring their own tokenisation (evaluation).
#[derive(Debug, Clone, Default)]
pub struct WordAnalysis {
    /// UPOS per word.
    pub upos: Vec<Upos>,
    /// XPOS per word.
    pub xpos: Vec<String>,
    /// Lemma per word.
    pub lemma: Vec<String>,
    /// Head per word (`None` = root).
    pub heads: Vec<Option<usize>>,
    /// Relation per word.
    pub deprels: Vec<String>,
    /// BIO entity tag per word.
    pub ents: Vec<&'static str>,
}

/// Impose curated gazetteer matches on NER class ids (see [`crate::ner::TAGS`]). A predicted
/// entity of the same type that contains the match is kept ("Gulf of Mexico" over "Gulf"); any
/// other overlapping entity gives way, and its parts outside the match stay entities of their
/// own ("Israel Mike Huckabee" LOC → "Israel" LOC + "Mike Huckabee" PERSON).
pub fn apply_curated(tags: &mut [u8], matches: &[(usize, usize, u8)]) {
    let class_of = |bit: u8| -> u8 {
        match bit {
            crate::gazetteer::PER => 1,
            crate::gazetteer::ORG => 3,
            _ => 5,
        }
    };
    for &(a, b, bit) in matches {
        let begin = class_of(bit);
        // Entities as (start, end, begin class).
        let mut ents = Vec::new();
        let mut i = 0;
        while i < tags.len() {
            if tags[i] % 2 == 1 {
                let s = i;
                let c = tags[i];
                i += 1;
                while i < tags.len() && tags[i] == c + 1 {
                    i += 1;
                }
                ents.push((s, i, c));
            } else {
                i += 1;
            }
        }
        if ents
            .iter()
            .any(|&(s, e, c)| s <= a && e >= b && c == begin && (s, e) != (a, b))
        {
            continue;
        }
        for &(s, e, c) in ents.iter().filter(|&&(s, e, _)| s < b && e > a) {
            for t in tags[s..e].iter_mut() {
                *t = 0;
            }
            if s < a {
                tags[s] = c;
                for t in tags[s + 1..a].iter_mut() {
                    *t = c + 1;
                }
            }
            if e > b {
                tags[b] = c;
                for t in tags[b + 1..e].iter_mut() {
                    *t = c + 1;
                }
            }
        }
        tags[a] = begin;
        for t in tags[a + 1..b].iter_mut() {
            *t = begin + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::apply_curated;
    use crate::gazetteer::{LOC, ORG, PER};

    #[test]
    fn curated_matches_override_other_types_only() {
        // "Israel Mike Huckabee" predicted LOC; "Mike Huckabee" curated PER.
        let mut t = vec![0, 5, 6, 6, 0];
        apply_curated(&mut t, &[(2, 4, PER)]);
        assert_eq!(t, [0, 5, 1, 2, 0]);
        // "Gulf of Mexico" LOC contains curated "Gulf" LOC: kept.
        let mut t = vec![5, 6, 6];
        apply_curated(&mut t, &[(0, 1, LOC)]);
        assert_eq!(t, [5, 6, 6]);
        // "Bloomberg" PERSON, curated "Bloomberg News" ORG.
        let mut t = vec![0, 1, 0, 0];
        apply_curated(&mut t, &[(1, 3, ORG)]);
        assert_eq!(t, [0, 3, 4, 0]);
    }
}

/// The loaded analyser. Cheap to share across threads (`&Pipeline` is `Sync`).
pub struct Pipeline {
    clusters: Clusters,
    tagger: Tagger,
    tag_upos: Vec<Upos>,
    tag_xpos: Vec<String>,
    lemmatizer: Lemmatizer,
    parser: Parser,
    ner: Ner,
    gazetteer: Gazetteer,
    use_curated: bool,
}

fn load_part<T>(
    dir: &Path,
    file: &str,
    format: &str,
    read: impl FnOnce(&mut ByteReader) -> Result<T, ModelError>,
) -> Result<T, ModelError> {
    let t0 = std::time::Instant::now();
    let bytes = io::load(&dir.join(file), format)?;
    let t1 = t0.elapsed();
    let out = read(&mut ByteReader::new(&bytes));
    if std::env::var("HERALD_LOAD_TIMES").is_ok() {
        eprintln!(
            "load {file}: inflate {:.0} ms, build {:.0} ms",
            t1.as_secs_f64() * 1e3,
            (t0.elapsed() - t1).as_secs_f64() * 1e3
        );
    }
    out
}

impl Pipeline {
    /// Load every component from `dir`.
    pub fn load(dir: &Path) -> Result<Pipeline, ModelError> {
        let clusters = Clusters::load(&dir.join(files::CLUSTERS)).map_err(|e| ModelError::Io {
            path: dir.join(files::CLUSTERS).display().to_string(),
            error: e,
        })?;
        // The four model files are independent: read them on separate threads.
        let (tagger, (lemmatizer, (parser, (ner, gazetteer)))) = std::thread::scope(|s| {
            let t = s.spawn(|| load_part(dir, files::TAGGER, crate::tagger::FORMAT, Tagger::read));
            let l = s.spawn(|| {
                load_part(
                    dir,
                    files::LEMMATIZER,
                    crate::lemma::FORMAT,
                    Lemmatizer::read,
                )
            });
            let p = s.spawn(|| load_part(dir, files::PARSER, crate::parser::FORMAT, Parser::read));
            let n = s.spawn(|| load_part(dir, files::NER, crate::ner::FORMAT, Ner::read));
            let g = load_part(
                dir,
                files::GAZETTEER,
                crate::gazetteer::FORMAT,
                Gazetteer::read,
            );
            (
                t.join().unwrap(),
                (
                    l.join().unwrap(),
                    (p.join().unwrap(), (n.join().unwrap(), g)),
                ),
            )
        });
        Pipeline::from_parts(clusters, tagger?, lemmatizer?, parser?, ner?, gazetteer?)
    }

    /// Assemble a pipeline from components.
    pub fn from_parts(
        clusters: Clusters,
        tagger: Tagger,
        lemmatizer: Lemmatizer,
        parser: Parser,
        ner: Ner,
        gazetteer: Gazetteer,
    ) -> Result<Pipeline, ModelError> {
        let mut tag_upos = Vec::new();
        let mut tag_xpos = Vec::new();
        for t in &tagger.tags {
            let (u, x) = t.split_once('\t').unwrap_or((t.as_str(), "_"));
            tag_upos.push(Upos::parse(u).unwrap_or(Upos::X));
            tag_xpos.push(x.to_string());
        }
        // HERALD_NO_CURATED=1 turns the curated-name rule off, to measure what it does.
        let use_curated = std::env::var("HERALD_NO_CURATED").is_err();
        Ok(Pipeline {
            clusters,
            tagger,
            tag_upos,
            tag_xpos,
            lemmatizer,
            parser,
            ner,
            gazetteer,
            use_curated,
        })
    }

    /// Lexical attributes of words.
    pub fn lex(&self, words: &[&str]) -> Vec<Lex> {
        words.iter().map(|w| lex(w, &self.clusters)).collect()
    }

    /// Analyse pre-tokenised words of one sentence.
    pub fn analyze_words(&self, words: &[&str]) -> WordAnalysis {
        if words.is_empty() {
            return WordAnalysis::default();
        }
        let lexes = self.lex(words);
        let tags = self.tagger.predict(&lexes);
        let upos: Vec<Upos> = tags.iter().map(|&t| self.tag_upos[t as usize]).collect();
        let xpos: Vec<String> = tags
            .iter()
            .map(|&t| self.tag_xpos[t as usize].clone())
            .collect();
        let lemma = words
            .iter()
            .zip(&upos)
            .zip(&xpos)
            .map(|((w, u), x)| self.lemmatizer.lemma(w, u.as_str(), x))
            .collect();
        let pin: Vec<ParseInput> = lexes
            .iter()
            .zip(&tags)
            .map(|(l, &t)| ParseInput { lex: *l, tag: t })
            .collect();
        let parse = self.parser.parse(&pin);
        let deprels = parse
            .labels
            .iter()
            .zip(&parse.heads)
            .map(|(&l, h)| {
                if h.is_none() {
                    "root".to_string()
                } else {
                    self.parser.labels[l as usize].clone()
                }
            })
            .collect();
        let ents = self
            .ner_tags(&lexes, &tags, words)
            .into_iter()
            .map(|t| TAGS[t as usize])
            .collect();
        WordAnalysis {
            upos,
            xpos,
            lemma,
            heads: parse.heads,
            deprels,
            ents,
        }
    }

    /// NER class ids for a sentence.
    pub fn ner_tags(&self, lexes: &[Lex], tags: &[u16], words: &[&str]) -> Vec<u8> {
        let norms: Vec<u64> = lexes.iter().map(|l| l.norm).collect();
        let caps: Vec<bool> = words
            .iter()
            .map(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
            .collect();
        let gaz = self.gazetteer.positions(&norms, &caps);
        let input: Vec<NerInput> = lexes
            .iter()
            .zip(tags)
            .zip(gaz)
            .map(|((l, &t), g)| NerInput {
                lex: *l,
                tag: t,
                gaz: g,
            })
            .collect();
        let mut out = self.ner.predict(&input);
        if self.use_curated {
            apply_curated(&mut out, &self.gazetteer.curated_matches(&norms, &caps));
        }
        out
    }

    /// Analyse a document.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        let text = doc.text.as_str();
        let raw = split_sentences(text, tokenize(text));
        let mut sentences = Vec::with_capacity(raw.len());
        let mut entities = Vec::new();
        for (si, rs) in raw.iter().enumerate() {
            let words: Vec<&str> = rs
                .tokens
                .iter()
                .map(|t| &text[t.bytes.0..t.bytes.1])
                .collect();
            let wa = self.analyze_words(&words);
            let tokens: Vec<Token> = rs
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| Token {
                    text: words[i].to_string(),
                    span: t.span,
                    upos: wa.upos[i],
                    xpos: wa.xpos[i].clone(),
                    lemma: wa.lemma[i].clone(),
                    head: wa.heads[i],
                    deprel: wa.deprels[i].clone(),
                    ent: wa.ents[i].to_string(),
                    no_space_after: t.no_space_after,
                })
                .collect();
            for (start, end, ty) in
                crate::conllu::bio_spans(&wa.ents.iter().map(|s| s.to_string()).collect::<Vec<_>>())
            {
                let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
                let b0 = rs.tokens[start].bytes.0;
                let b1 = rs.tokens[end - 1].bytes.1;
                entities.push(EntityMention {
                    kind: EntityType::parse(&ty).unwrap_or(EntityType::Org),
                    text: text[b0..b1].to_string(),
                    span,
                    sentence: si,
                    token_start: start,
                    token_end: end,
                });
            }
            sentences.push(Sentence {
                span: rs.span(),
                tokens,
            });
        }
        Analysis {
            doc_id: doc.id.clone(),
            sentences,
            entities,
        }
    }

    /// Sizes of the loaded components (for `herald models`/reports).
    pub fn describe(&self) -> String {
        let (pa, pl) = self.parser.n_features();
        format!(
            "clusters={} tags={} tagger_features={} parser_labels={} parser_features={}+{} ner_features={} gazetteer_phrases={}",
            self.clusters.len(),
            self.tagger.tags.len(),
            self.tagger.n_features(),
            self.parser.labels.len(),
            pa,
            pl,
            self.ner.n_features(),
            self.gazetteer.len()
        )
    }
}
