//! Entities of a document with their mentions linked: "Donald Trump" … "Trump" … "he" are one
//! person; "Hamas" … "it" one organisation. Names link by the rules a reader uses in news: a
//! later name that is the last word (or words) of an earlier one of the same type is the same
//! entity; a personal pronoun ("he", "she", "his", "her") is the nearest person before it in the
//! same or the previous sentence whose name agrees; "it"/"its" the nearest organisation or
//! place in subject position of the sentences before.

use herald_doc::{Analysis, EntityType, Upos};
use serde::Serialize;

/// Where an entity is mentioned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// The words.
    pub text: String,
    /// Code-point offsets into the document text.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// 0-based sentence index.
    pub sentence: usize,
    /// `name` or `pronoun`.
    pub kind: &'static str,
}

/// An entity of the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Its longest name in the document.
    pub name: String,
    /// PERSON, ORG or LOC.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// CAMEO actor code on the story date, where the actor dictionaries know the entity
    /// (filled by the caller, who holds the dictionaries).
    pub code: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Index into `Analysis::entities` of the mention that gave the name.
    #[serde(skip)]
    pub first: usize,
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && w != "the")
        .collect()
}

/// True if `short` names the same thing as `long`: its words end `long`'s ("Trump" of "Donald
/// Trump", "Netanyahu" of "Benjamin Netanyahu") or start an organisation's ("Hamas" of "Hamas
/// movement").
fn same_name(short: &[String], long: &[String], kind: EntityType) -> bool {
    if short.is_empty() || short.len() > long.len() {
        return false;
    }
    if short == long {
        return true;
    }
    let ends = long[long.len() - short.len()..] == *short;
    match kind {
        EntityType::Person => ends,
        _ => ends || long[..short.len()] == *short,
    }
}

/// Link the entity mentions of an analysed document.
pub fn link(analysis: &Analysis) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    // Entity index of each name mention, for pronouns.
    let mut named: Vec<(usize, usize, usize)> = Vec::new(); // (sentence, token, entity)
    for (k, m) in analysis.entities.iter().enumerate() {
        // A one-word "person" right before a capitalised word outside any entity is the first
        // word of a named thing ("Abraham Accords", "Marshall Plan"), not a person.
        if m.kind == EntityType::Person && m.token_end == m.token_start + 1 {
            let s = &analysis.sentences[m.sentence];
            if let Some(next) = s.tokens.get(m.token_end) {
                if next.ent == "O" && next.text.starts_with(char::is_uppercase) {
                    continue;
                }
            }
        }
        let w = words(&m.text);
        let found = out.iter().position(|e| {
            e.kind == m.kind && {
                let ew = words(&e.name);
                same_name(&w, &ew, m.kind) || same_name(&ew, &w, m.kind)
            }
        });
        let mention = Mention {
            text: m.text.clone(),
            start: m.span.start,
            end: m.span.end,
            sentence: m.sentence,
            kind: "name",
        };
        let id = match found {
            Some(i) => {
                if w.len() > words(&out[i].name).len() {
                    out[i].name = m.text.clone();
                    out[i].first = k;
                }
                out[i].mentions.push(mention);
                i
            }
            None => {
                out.push(Entity {
                    name: m.text.clone(),
                    kind: m.kind,
                    code: None,
                    mentions: vec![mention],
                    first: k,
                });
                out.len() - 1
            }
        };
        named.push((m.sentence, m.token_start, id));
    }
    // Pronouns.
    for (si, s) in analysis.sentences.iter().enumerate() {
        for (ti, t) in s.tokens.iter().enumerate() {
            if t.upos != Upos::PRON {
                continue;
            }
            let l = t.text.to_lowercase();
            let person = matches!(l.as_str(), "he" | "him" | "his" | "she" | "her" | "hers");
            let thing = matches!(l.as_str(), "it" | "its");
            if !(person || thing) {
                continue;
            }
            // `named` is in text order: only the names before the pronoun, nearest first, back
            // to the previous sentence.
            let upto = named.partition_point(|&(ns, nt, _)| (ns, nt) < (si, ti));
            let before = named[..upto]
                .iter()
                .rev()
                .take_while(|(ns, _, _)| si - *ns <= 1)
                .find(|(_, _, e)| {
                    let k = out[*e].kind;
                    if person {
                        k == EntityType::Person
                    } else {
                        k == EntityType::Org || k == EntityType::Loc
                    }
                });
            if let Some(&(_, _, e)) = before {
                out[e].mentions.push(Mention {
                    text: t.text.clone(),
                    start: t.span.start,
                    end: t.span.end,
                    sentence: si,
                    kind: "pronoun",
                });
            }
        }
    }
    for e in &mut out {
        e.mentions.sort_by_key(|m| m.start);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_link_by_their_last_words() {
        let w = |s: &str| words(s);
        assert!(same_name(
            &w("Trump"),
            &w("Donald Trump"),
            EntityType::Person
        ));
        assert!(!same_name(
            &w("Donald"),
            &w("Donald Trump"),
            EntityType::Person
        ));
        assert!(same_name(
            &w("Hamas"),
            &w("Hamas movement"),
            EntityType::Org
        ));
        assert!(same_name(&w("the Houthis"), &w("Houthis"), EntityType::Org));
    }
}
