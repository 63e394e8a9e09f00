//! What the dictionaries missed in a corpus (PETRARCH's null-verbs and null-actors), so that
//! they can grow: `herald missing`.

use crate::event::story_date;
use crate::tree::{children, lemma};
use crate::{Coder, Found};
use herald_doc::{Analysis, Document, Upos};

/// What the dictionaries missed in a document (see [`Coder::missing`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Missing {
    /// Verb lemmas with subject and object that no verb dictionary knows.
    pub verbs: Vec<String>,
    /// Named entities (type, text) with no actor code.
    pub actors: Vec<(String, String)>,
}

impl Coder<'_> {
    /// What the dictionaries missed in a document (PETRARCH's null-verbs and null-actors idea):
    /// lemmas of verbs with both a subject and an object that no verb dictionary knows, and
    /// named entities that resolve to no actor code on the document's date.
    pub fn missing(&self, doc: &Document, analysis: &Analysis) -> Missing {
        let date = story_date(doc);
        let mut out = Missing::default();
        for s in &analysis.sentences {
            for v in 0..s.tokens.len() {
                if s.tokens[v].upos != Upos::VERB {
                    continue;
                }
                let kids = children(s, v);
                let has = |rel: &str| kids.iter().any(|&c| s.tokens[c].deprel.starts_with(rel));
                if has("nsubj") && (has("obj") || has("obl")) && self.verb_code(s, v).is_none() {
                    out.verbs.push(lemma(s, v));
                }
            }
        }
        // Each entity once, in its own sentence; a short name the document gave in full before
        // ("Trump" after "Donald Trump") is known.
        let mut memory: Vec<Found> = Vec::new();
        for e in &analysis.entities {
            let s = &analysis.sentences[e.sentence];
            let head = analysis.mention_head(e);
            let f = self.actor(s, head, date, &memory);
            if f.code.is_none() {
                out.actors
                    .push((e.kind.as_str().to_string(), e.text.clone()));
            } else {
                memory.push(f);
            }
        }
        out
    }
}
