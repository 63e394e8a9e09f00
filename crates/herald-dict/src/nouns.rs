//! Event nouns: words that name an event ("talks", "ceasefire", "sanctions", "criticism"), with
//! the CAMEO code the event gets and how its participants relate. PETRARCH codes nouns only
//! inside verb patterns ("HOLD * TALKS"); news reports many events with a noun alone ("The
//! call, which took place on Monday", "criticism from Israeli officials").
//!
//! The file format, one noun per line:
//!
//! ```text
//! # lemma words   code   kind      # comment
//! phone call      041    mutual    # discuss by telephone
//! sanction        163    directed  # impose sanctions
//! ```
//!
//! `mutual` events involve their participants on both sides ("talks between X and Y");
//! `directed` ones go from a source to a target ("sanctions on Syria"); `departure` ones are a
//! source leaving a target ("Israel's withdrawal from Gaza", "the pullout of US troops from
//! Iraq": who leaves is the possessor or the "of" phrase, whom it leaves the "from" phrase).

use crate::DictError;

/// How an event noun's participants relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounKind {
    /// Each participant acts on the other ("talks", "call", "ceasefire").
    Mutual,
    /// One side acts on the other ("sanctions", "criticism", "strike").
    Directed,
    /// One side leaves the other ("withdrawal", "pullout").
    Departure,
}

/// One event noun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventNoun {
    /// Lemma words, upper case; the last is the noun itself ("PHONE CALL").
    pub words: Vec<String>,
    /// CAMEO code.
    pub code: String,
    /// How the participants relate.
    pub kind: NounKind,
    /// 1-based line in the file.
    pub line: usize,
}

/// Event nouns by their head noun.
#[derive(Debug, Clone, Default)]
pub struct EventNouns {
    /// Every noun, in file order.
    pub nouns: Vec<EventNoun>,
}

impl EventNouns {
    /// Read an event-noun file; bad lines are skipped and returned with file and line.
    pub fn parse(file: &str, text: &str) -> (EventNouns, Vec<DictError>) {
        let mut out = EventNouns::default();
        let mut problems = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let body = raw.split('#').next().unwrap_or("").trim();
            if body.is_empty() {
                continue;
            }
            let parts: Vec<&str> = body.split_whitespace().collect();
            let bad = |why: &str| DictError::BadPattern {
                file: file.to_string(),
                line: i + 1,
                text: body.to_string(),
                why: why.to_string(),
            };
            if parts.len() < 3 {
                problems.push(bad("expected: words CODE mutual|directed|departure"));
                continue;
            }
            let kind = match parts[parts.len() - 1] {
                "mutual" => NounKind::Mutual,
                "directed" => NounKind::Directed,
                "departure" => NounKind::Departure,
                _ => {
                    problems.push(bad("the kind must be mutual, directed or departure"));
                    continue;
                }
            };
            let code = parts[parts.len() - 2];
            if !((2..=4).contains(&code.len()) && code.chars().all(|c| c.is_ascii_digit())) {
                problems.push(bad("the code must be a CAMEO code such as 041"));
                continue;
            }
            out.nouns.push(EventNoun {
                words: parts[..parts.len() - 2]
                    .iter()
                    .map(|w| crate::norm_word(w))
                    .collect(),
                code: code.to_string(),
                kind,
                line: i + 1,
            });
        }
        (out, problems)
    }

    /// The most specific noun whose last word is `head` and whose earlier words are the last
    /// of `before` ("phone" before "call"), with lemmas upper case.
    pub fn lookup(&self, before: &[String], head: &str) -> Option<&EventNoun> {
        self.nouns
            .iter()
            .filter(|n| n.words.last().is_some_and(|w| w == head))
            .filter(|n| {
                let pre = &n.words[..n.words.len() - 1];
                pre.len() <= before.len() && before[before.len() - pre.len()..] == *pre
            })
            .max_by_key(|n| (n.words.len(), std::cmp::Reverse(n.line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nouns_and_prefers_the_longest() {
        let text = "# event nouns\ncall 040 mutual\nphone call 041 mutual  # by telephone\nsanction 163 directed\nwithdrawal 0874 departure\nbad line\nstrike 19x0 directed\n";
        let (n, problems) = EventNouns::parse("nouns.txt", text);
        assert_eq!(n.nouns.len(), 4);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].to_string().starts_with("nouns.txt: line 6:"));
        let up = |w: &[&str]| w.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(n.lookup(&up(&["PHONE"]), "CALL").unwrap().code, "041");
        assert_eq!(n.lookup(&up(&["THE"]), "CALL").unwrap().code, "040");
        assert_eq!(n.lookup(&[], "SANCTION").unwrap().kind, NounKind::Directed);
        assert_eq!(
            n.lookup(&[], "WITHDRAWAL").unwrap().kind,
            NounKind::Departure
        );
        assert!(n.lookup(&[], "TALK").is_none());
    }
}
