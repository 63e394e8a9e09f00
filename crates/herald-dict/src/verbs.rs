//! The PETRARCH-2 verb dictionary (`CAMEO.2.0.txt`): synsets, verb blocks with their verbs and
//! irregular forms, and the patterns that turn a verb and its context into a CAMEO code.
//!
//! ```text
//! &MILITARY                      a synset: members on + lines
//! +TROOPS
//! ---  ACCELERATE   [---]  ---   a verb block: name and default code
//! RUSH                           a verb of the block (its lemma)
//! SPEED {SPEEDING SPEEDS SPED }  a verb with irregular forms
//! +ASK_FOR {+ASKED_FOR}  [020]   a multi-word verb with its own code
//! - * &FOOD         [073]  # RUSH     a pattern: words before and after the verb (*)
//! - * (TO)          [042:043]         source:target codes of a reciprocal event
//! ~ a (b . ATTACK) SAY = a b 112      a transformation (kept as text)
//! ```

use crate::{norm_word, DictError};
use rustc_hash::FxHashMap;

/// An event code as a pattern or verb gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeSpec {
    /// No code (`[---]`): the verb needs a pattern.
    None,
    /// One CAMEO code, e.g. `020`.
    Code(String),
    /// Codes for source and target of a reciprocal event (`[042:043]`); either may be empty.
    Pair(String, String),
}

fn parse_spec(s: &str) -> CodeSpec {
    let s = s.trim();
    if s.is_empty() || s.chars().all(|c| c == '-') {
        CodeSpec::None
    } else if let Some((a, b)) = s.split_once(':') {
        CodeSpec::Pair(a.trim().to_string(), b.trim().to_string())
    } else {
        CodeSpec::Code(s.to_string())
    }
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternElem {
    /// A literal word (upper case).
    Word(String),
    /// Any member of a synset (`&MILITARY`).
    Synset(String),
    /// The source actor's position (`$`).
    Source,
    /// The target actor's position (`+`).
    Target,
    /// Words may be skipped here (`^`).
    Skip,
    /// A literal comma.
    Comma,
    /// A noun phrase whose last element is its head (`{FINANCIAL AID}`).
    NounPhrase(Vec<PatternElem>),
    /// A prepositional phrase (`(FOR AID)`).
    PrepPhrase(Vec<PatternElem>),
    /// The subject is a compound actor (`%`: "Gondor and Osgiliath agree").
    Compound,
    /// The next element follows the one before it (or the verb) at once, with no word
    /// skipped: PETRARCH's underscore ("NEW_&TIETYPES_RELATIONS", "FAILED_TO_*").
    Next,
}

/// A verb pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbPattern {
    /// Elements before the verb, in text order.
    pub before: Vec<PatternElem>,
    /// Elements after the verb, in text order.
    pub after: Vec<PatternElem>,
    /// The code the pattern gives.
    pub code: CodeSpec,
    /// The comment (usually the verb the pattern was written for).
    pub comment: String,
    /// 1-based line in the dictionary.
    pub line: usize,
}

/// A verb of a block: its words (one for "RUSH", two for "ASK_FOR") and irregular forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    /// Lemma words, upper case.
    pub words: Vec<String>,
    /// Irregular inflected forms, each as words.
    pub forms: Vec<Vec<String>>,
    /// Code for the verb alone (overrides the block's).
    pub code: CodeSpec,
    /// Which of `words` is the verb: the word marked `+` ("WIRE_+TAP": 1), else the first.
    pub head: usize,
    /// Index of its block.
    pub block: usize,
    /// 1-based line in the dictionary.
    pub line: usize,
}

/// A verb block: verbs sharing a set of patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbBlock {
    /// The block's name (`ASK`).
    pub name: String,
    /// The block's default code.
    pub code: CodeSpec,
    /// Its patterns.
    pub patterns: Vec<VerbPattern>,
    /// 1-based line of the header.
    pub line: usize,
}

/// The whole verb dictionary.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    /// Synsets by name (with `&`), members as word lists.
    pub synsets: FxHashMap<String, Vec<Vec<String>>>,
    /// Verb blocks in file order.
    pub blocks: Vec<VerbBlock>,
    /// Verbs in file order.
    pub verbs: Vec<Verb>,
    /// Transformation lines, as written.
    pub transformations: Vec<String>,
    /// Verbs by their verb word ("TAP" for "WIRE_+TAP").
    by_verb_word: FxHashMap<String, Vec<usize>>,
}

fn words_of(p: &str) -> Vec<String> {
    verb_words(p).0
}

/// A verb's words and which of them is the verb: the one marked `+` ("WIRE_+TAP": 1; "+ASK_FOR"
/// and "RUSH": 0).
fn verb_words(p: &str) -> (Vec<String>, usize) {
    let mut head = 0;
    let words = p
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .enumerate()
        .map(|(k, w)| {
            if k > 0 && w.starts_with('+') {
                head = k;
            }
            norm_word(w.trim_start_matches('+'))
        })
        .collect();
    (words, head)
}

fn parse_elems(text: &str) -> Result<Vec<PatternElem>, String> {
    let bad = |what: &str| what.to_string();
    let mut stack: Vec<(char, Vec<PatternElem>)> = vec![(' ', Vec::new())];
    let mut token = String::new();
    let flush = |token: &mut String, stack: &mut Vec<(char, Vec<PatternElem>)>| {
        if token.is_empty() {
            return;
        }
        let t = std::mem::take(token);
        let e = match t.as_str() {
            "$" => PatternElem::Source,
            "+" => PatternElem::Target,
            "^" => PatternElem::Skip,
            "," => PatternElem::Comma,
            "%" => PatternElem::Compound,
            s if s.starts_with('&') => PatternElem::Synset(s.to_string()),
            s => PatternElem::Word(norm_word(s)),
        };
        stack.last_mut().unwrap().1.push(e);
    };
    for c in text.chars() {
        match c {
            '{' | '(' => {
                flush(&mut token, &mut stack);
                stack.push((c, Vec::new()));
            }
            '}' | ')' => {
                flush(&mut token, &mut stack);
                let (open, elems) = stack.pop().ok_or_else(|| bad("unbalanced brackets"))?;
                let e = match (open, c) {
                    ('{', '}') => PatternElem::NounPhrase(elems),
                    ('(', ')') => PatternElem::PrepPhrase(elems),
                    _ => return Err(bad("unbalanced brackets")),
                };
                stack
                    .last_mut()
                    .ok_or_else(|| bad("unbalanced brackets"))?
                    .1
                    .push(e);
            }
            ',' => {
                flush(&mut token, &mut stack);
                token.push(',');
                flush(&mut token, &mut stack);
            }
            c if c.is_whitespace() => flush(&mut token, &mut stack),
            c => token.push(c),
        }
    }
    flush(&mut token, &mut stack);
    if stack.len() != 1 {
        return Err(bad("unbalanced brackets"));
    }
    Ok(stack.pop().unwrap().1)
}

/// Split the underscore-joined words of PETRARCH patterns ("FAILED_TO_", "MEMOS_ON_&TIETYPES",
/// "&TIETYPES_MEMOS") into their elements, with a [`PatternElem::Next`] for each underscore:
/// joined words are consecutive ("abandon new economic relations" is "NEW_&TIETYPES_RELATIONS",
/// "abandon new global economic relations" is not). An underscore at either end joins the word
/// to the verb ("*_LAWS"). A synset name may itself hold underscores ("&FIGHT_OF_WORDS"), so
/// the longest known synset name wins.
fn split_joined(
    elems: Vec<PatternElem>,
    synsets: &FxHashMap<String, Vec<Vec<String>>>,
) -> Vec<PatternElem> {
    let mut out = Vec::new();
    for e in elems {
        match e {
            PatternElem::NounPhrase(v) => {
                out.push(PatternElem::NounPhrase(split_joined(v, synsets)))
            }
            PatternElem::PrepPhrase(v) => {
                out.push(PatternElem::PrepPhrase(split_joined(v, synsets)))
            }
            PatternElem::Word(w) | PatternElem::Synset(w)
                if w.contains('_') && !synsets.contains_key(w.as_str()) =>
            {
                let parts: Vec<&str> = w.split('_').collect();
                let mut i = 0;
                while i < parts.len() {
                    if i > 0 {
                        out.push(PatternElem::Next);
                    }
                    if parts[i].is_empty() {
                        i += 1;
                        continue;
                    }
                    if parts[i].starts_with('&') {
                        let mut end = i + 1;
                        for j in (i + 1..=parts.len()).rev() {
                            if synsets.contains_key(parts[i..j].join("_").as_str()) {
                                end = j;
                                break;
                            }
                        }
                        out.push(PatternElem::Synset(parts[i..end].join("_")));
                        i = end;
                    } else {
                        out.push(PatternElem::Word(parts[i].to_string()));
                        i += 1;
                    }
                }
            }
            e => out.push(e),
        }
    }
    out
}

/// Replace a synset's member that names another synset ("&ACCORDSYN" holds "+&TIETYPES") by
/// that synset's members, so that matching compares words only. Nesting is followed to any
/// depth; a synset that holds itself, directly or not, keeps only its words.
fn expand_nested_synsets(synsets: &mut FxHashMap<String, Vec<Vec<String>>>) {
    fn words_of_synset(
        name: &str,
        all: &FxHashMap<String, Vec<Vec<String>>>,
        seen: &mut Vec<String>,
    ) -> Vec<Vec<String>> {
        if seen.iter().any(|s| s == name) {
            return Vec::new();
        }
        seen.push(name.to_string());
        let mut out = Vec::new();
        for member in all.get(name).into_iter().flatten() {
            match member.as_slice() {
                [one] if one.starts_with('&') => out.extend(words_of_synset(one, all, seen)),
                _ => out.push(member.clone()),
            }
        }
        seen.pop();
        out
    }
    let nested: Vec<String> = synsets
        .iter()
        .filter(|(_, members)| {
            members
                .iter()
                .any(|m| matches!(m.as_slice(), [one] if one.starts_with('&')))
        })
        .map(|(name, _)| name.clone())
        .collect();
    for name in nested {
        let expanded = words_of_synset(&name, synsets, &mut Vec::new());
        synsets.insert(name, expanded);
    }
}

impl VerbDictionary {
    /// Parse a verb dictionary. Bad lines are skipped and returned with file and line.
    pub fn parse(file: &str, text: &str) -> (VerbDictionary, Vec<DictError>) {
        let mut d = VerbDictionary::default();
        let mut problems = Vec::new();
        let mut synset: Option<String> = None;
        let mut block: Option<usize> = None;
        for (line, raw) in crate::dictionary_lines(text) {
            let (body, comment) = match raw.split_once('#') {
                Some((b, c)) => (b.trim(), c.trim()),
                None => (raw.trim(), ""),
            };
            if body.is_empty() {
                continue;
            }
            if let Some(rest) = body.strip_prefix("---") {
                let name = rest.split('[').next().unwrap_or("").trim().to_string();
                let code = rest
                    .split('[')
                    .nth(1)
                    .and_then(|r| r.split(']').next())
                    .map(parse_spec)
                    .unwrap_or(CodeSpec::None);
                d.blocks.push(VerbBlock {
                    name,
                    code,
                    patterns: Vec::new(),
                    line,
                });
                block = Some(d.blocks.len() - 1);
                synset = None;
                continue;
            }
            if body.starts_with('~') {
                d.transformations.push(body.to_string());
                continue;
            }
            // A synset may be defined anywhere, between blocks too (PETRARCH reads them so);
            // its members follow it, and the first other line ends it.
            if body.starts_with('&') {
                let name = body.trim_end_matches('_').to_string();
                d.synsets.entry(name.clone()).or_default();
                synset = Some(name);
                continue;
            }
            if let Some(s) = &synset {
                if let Some(member) = body.strip_prefix('+') {
                    d.synsets.get_mut(s).unwrap().push(words_of(member));
                    continue;
                }
                synset = None;
            }
            let Some(b) = block else { continue };
            if let Some(p) = body.strip_prefix('-') {
                let (pat, code) = match p.rsplit_once('[') {
                    Some((pat, c)) => (pat, parse_spec(c.split(']').next().unwrap_or(""))),
                    None => {
                        problems.push(DictError::BadPattern {
                            file: file.into(),
                            line,
                            text: body.into(),
                            why: "no [code]".into(),
                        });
                        continue;
                    }
                };
                let (before, after) = match pat.split_once('*') {
                    Some(x) => x,
                    None => {
                        problems.push(DictError::BadPattern {
                            file: file.into(),
                            line,
                            text: body.into(),
                            why: "no verb position (*)".into(),
                        });
                        continue;
                    }
                };
                match (parse_elems(before), parse_elems(after)) {
                    (Ok(before), Ok(after)) => d.blocks[b].patterns.push(VerbPattern {
                        before,
                        after,
                        code,
                        comment: comment.to_string(),
                        line,
                    }),
                    (Err(why), _) | (_, Err(why)) => problems.push(DictError::BadPattern {
                        file: file.into(),
                        line,
                        text: body.into(),
                        why,
                    }),
                }
                continue;
            }
            // A verb line: VERB [{FORMS}] [[CODE]]
            let (head, code) = match body.split_once('[') {
                Some((h, c)) => (h, parse_spec(c.split(']').next().unwrap_or(""))),
                None => (body, CodeSpec::None),
            };
            let (lemma, forms) = match head.split_once('{') {
                Some((l, f)) => (
                    l.trim(),
                    f.split('}')
                        .next()
                        .unwrap_or("")
                        .split_whitespace()
                        .map(words_of)
                        .collect(),
                ),
                None => (head.trim(), Vec::new()),
            };
            let (words, head) = verb_words(lemma);
            if words.is_empty() {
                continue;
            }
            let id = d.verbs.len();
            d.by_verb_word
                .entry(words[head].clone())
                .or_default()
                .push(id);
            d.verbs.push(Verb {
                words,
                forms,
                code,
                head,
                block: b,
                line,
            });
        }
        expand_nested_synsets(&mut d.synsets);
        let synsets = d.synsets.clone();
        for b in &mut d.blocks {
            for p in &mut b.patterns {
                p.before = split_joined(std::mem::take(&mut p.before), &synsets);
                p.after = split_joined(std::mem::take(&mut p.after), &synsets);
            }
        }
        (d, problems)
    }

    /// Verbs whose lemma starts with `lemma` (any case): "ask" gives ASK and ASK_FOR.
    pub fn verbs_for(&self, lemma: &str) -> impl Iterator<Item = &Verb> {
        let key = norm_word(lemma);
        // A lemma an unsure lemmatiser left with its doubled final consonant ("EXPELL" from
        // "expelled", "PATROLL") finds the verb written with one.
        let found = self.by_verb_word.get(&key).or_else(|| {
            let mut chars = key.chars().rev();
            let (last, before) = (chars.next()?, chars.next()?);
            (last == before && last.is_alphabetic() && !"AEIOU".contains(last))
                .then(|| self.by_verb_word.get(&key[..key.len() - last.len_utf8()]))
                .flatten()
        });
        found.into_iter().flatten().map(|&i| &self.verbs[i])
    }

    /// Number of patterns over all blocks.
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DICT: &str = "# header\n&MILITARY\n+MILITARY\n+ARMED_FORCES\n+TROOPS\n\n####### VERB PATTERNS #######\n---  ACCELERATE   [---]  ---\nRUSH\nSPEED {SPEEDING SPEEDS SPED }\n- * (TO)                [042:043]     # RUSH\n- * &FOOD               [073]         # RUSH\n- &MILITARY *           [154]         # RUSH\n---  ASK   [---]  ---\n+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]\nASK     [020]\n- * (TO LIST) (OF {BANNED PARTIES}) [1722]\n- * (BEFORE COURT)  [:173]  # APPEAR\n- * {FINANCIAL AID  [073]\n~ a (b . ATTACK) SAY = a b 112\n";

    #[test]
    fn a_plus_marks_the_verb_of_a_multi_word_verb() {
        let text = "--- CONFISCATE  [1711] ---\nCONFISCATE\nWIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}\n+ASK_FOR [020]\n";
        let (d, problems) = VerbDictionary::parse("v.txt", text);
        assert!(problems.is_empty(), "{problems:?}");
        let tap: Vec<&Verb> = d.verbs_for("tap").collect();
        assert_eq!(tap.len(), 1);
        assert_eq!(
            (tap[0].words.clone(), tap[0].head),
            (vec!["WIRE".to_string(), "TAP".to_string()], 1)
        );
        assert!(d.verbs_for("wire").next().is_none());
        let ask: Vec<&Verb> = d.verbs_for("ask").collect();
        assert_eq!(ask[0].head, 0);
    }

    #[test]
    fn joined_words_split_into_consecutive_elements() {
        let text = "&TIETYPES\n+ECONOMIC\n&FIGHT_OF_WORDS\n+SPAT\n--- WELCOME  [041] ---\nWELCOME\n- * MEMOS_ON_&TIETYPES FROM [911]\n- FAILED_TO_* &FIGHT_OF_WORDS_NOW [111]\n- % * [030:030]\n- *_LAWS [020]\n";
        let (d, problems) = VerbDictionary::parse("v.txt", text);
        assert!(problems.is_empty(), "{problems:?}");
        let w = |x: &str| PatternElem::Word(x.into());
        let next = || PatternElem::Next;
        let ps = &d.blocks[0].patterns;
        assert_eq!(
            ps[0].after,
            vec![
                w("MEMOS"),
                next(),
                w("ON"),
                next(),
                PatternElem::Synset("&TIETYPES".into()),
                w("FROM")
            ]
        );
        // The underscore before the verb joins "TO" to it.
        assert_eq!(ps[1].before, vec![w("FAILED"), next(), w("TO"), next()]);
        assert_eq!(
            ps[1].after,
            vec![
                PatternElem::Synset("&FIGHT_OF_WORDS".into()),
                next(),
                w("NOW")
            ]
        );
        assert_eq!(ps[2].before, vec![PatternElem::Compound]);
        assert_eq!(ps[3].after, vec![next(), w("LAWS")]);
    }

    #[test]
    fn synsets_between_blocks_and_within_synsets() {
        // As in PETR.Validate.verbs.txt: a synset after a block, and one holding another.
        let text = "--- ABANDON  [345]  ---\nABANDON\n- * EFFORT [987]\n\n&TIETYPES\n+MILITARY\n+ECONOMIC\n\n&ACCORDSYN\n+&TIETYPES\n+CLOSER\n\n--- ADOPT  [081]  ---\nADOPT\n- * &ACCORDSYN [802]\n";
        let (d, problems) = VerbDictionary::parse("v.txt", text);
        assert!(problems.is_empty(), "{problems:?}");
        let words = |ws: &[&str]| ws.iter().map(|w| vec![w.to_string()]).collect::<Vec<_>>();
        assert_eq!(d.synsets["&TIETYPES"], words(&["MILITARY", "ECONOMIC"]));
        assert_eq!(
            d.synsets["&ACCORDSYN"],
            words(&["MILITARY", "ECONOMIC", "CLOSER"])
        );
        // The synset ended the first block's lines; the second block is whole.
        assert_eq!(d.blocks[0].patterns.len(), 1);
        assert_eq!(d.blocks[1].patterns.len(), 1);
        assert_eq!(d.verbs.len(), 2);
    }

    #[test]
    fn blocks_verbs_patterns_synsets() {
        let (d, problems) = VerbDictionary::parse("CAMEO.txt", DICT);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].to_string(),
            "CAMEO.txt: line 19: bad pattern \"- * {FINANCIAL AID  [073]\": unbalanced brackets"
        );
        assert_eq!(
            d.synsets["&MILITARY"],
            vec![
                vec!["MILITARY".to_string()],
                vec!["ARMED".into(), "FORCES".into()],
                vec!["TROOPS".into()]
            ]
        );
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.pattern_count(), 5);
        let rush: Vec<_> = d.verbs_for("rush").collect();
        assert_eq!(
            d.verbs_for("rushh").count(),
            rush.len(),
            "a doubled last letter undoubles"
        );
        assert_eq!((rush.len(), rush[0].block), (1, 0));
        let speed = d.verbs_for("speed").next().unwrap();
        assert_eq!(speed.forms.len(), 3);
        let ask: Vec<_> = d.verbs_for("Ask").map(|v| v.words.join(" ")).collect();
        assert_eq!(ask, ["ASK FOR", "ASK"]);
        let p = &d.blocks[0].patterns[0];
        assert_eq!(
            (p.before.clone(), p.after.clone(), p.code.clone()),
            (
                vec![],
                vec![PatternElem::PrepPhrase(vec![PatternElem::Word(
                    "TO".into()
                )])],
                CodeSpec::Pair("042".into(), "043".into())
            )
        );
        assert_eq!(
            d.blocks[0].patterns[2].before,
            vec![PatternElem::Synset("&MILITARY".into())]
        );
        let p = &d.blocks[1].patterns[0];
        assert_eq!(
            p.after[1],
            PatternElem::PrepPhrase(vec![
                PatternElem::Word("OF".into()),
                PatternElem::NounPhrase(vec![
                    PatternElem::Word("BANNED".into()),
                    PatternElem::Word("PARTIES".into())
                ])
            ])
        );
        assert_eq!(
            d.blocks[1].patterns[1].code,
            CodeSpec::Pair(String::new(), "173".into())
        );
        assert_eq!(d.transformations.len(), 1);
    }
}
