//! Matching PETRARCH verb patterns against the words of a verb's clause.

use crate::tree::{children, lemma, subtree_span};
use crate::Coder;
use herald_dict::verbs::{CodeSpec, PatternElem, VerbDictionary, VerbPattern};
use herald_doc::Sentence;

impl Coder<'_> {
    /// The code of verb token `v` and what its pattern says about the actors, if the
    /// dictionaries know the verb.
    pub(crate) fn verb_code(&self, s: &Sentence, v: usize) -> Option<VerbCode> {
        let lem = lemma(s, v);
        // A herald block without patterns only gives a verb the code CAMEO.2.0.txt leaves it
        // without ("reject" sits in a block with no code of its own): PETRARCH's patterns for
        // the verb are tried first.
        let mut default: Option<VerbCode> = None;
        for (di, dict) in self.dicts.verbs.iter().enumerate() {
            let file = if di == 0 {
                "herald.verbs.txt"
            } else {
                "CAMEO.2.0.txt"
            };
            let mut candidates: Vec<_> = dict.verbs_for(&lem).collect();
            // A dictionary may list an inflected form as a verb of its own ("LEFT" [032:033]
            // beside LEAVE): the word as written is that verb, unless the lemma's entry
            // claims the form among its irregular ones ("FIND {… FOUND …}" keeps "found").
            let surface = s.tokens[v].text.to_uppercase();
            if surface != lem.to_uppercase() {
                let claimed = candidates
                    .iter()
                    .any(|c| c.forms.iter().any(|f| f.len() == 1 && f[0] == surface));
                let own: Vec<_> = dict
                    .verbs_for(&surface)
                    .filter(|c| c.words.len() == 1 && c.words[0] == surface)
                    .collect();
                if !claimed && !own.is_empty() {
                    candidates = own;
                }
            }
            if candidates.is_empty() {
                continue;
            }
            // A phrasal verb ("push for") when its particle or preposition follows the verb,
            // and a verb with words before it ("WIRE_+TAP") when they precede it.
            let word_at = |i: usize| s.tokens.get(i).map(|t| herald_dict::norm_word(&t.text));
            candidates.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
            let verb = candidates
                .iter()
                .find(|c| {
                    c.words.iter().enumerate().all(|(k, w)| {
                        k == c.head
                            || (v + k)
                                .checked_sub(c.head)
                                .and_then(word_at)
                                .is_some_and(|t| &t == w)
                    })
                })
                .copied()?;
            let block = &dict.blocks[verb.block];
            if di == 0 && block.patterns.is_empty() {
                if let Some((code, back, reversed)) =
                    spec_code(&verb.code).or_else(|| spec_code(&block.code))
                {
                    default = Some(VerbCode {
                        code,
                        back,
                        reversed,
                        rule: format!("{file}:{}", block.line),
                        marks: Marks::default(),
                        negation: false,
                        by_pattern: false,
                        foreign: false,
                    });
                }
                continue;
            }
            let window = PatternWindow::new(s, v, verb.head);
            // The verb as pattern comments name it ("ASK_FOR").
            let verb_name = verb.words.join("_");
            // The verb's own family of codes ("demand" is 10 in a block whose patterns were
            // mostly written for "urge", 02).
            let family = spec_code(&verb.code)
                .or_else(|| spec_code(&block.code))
                .map(|(c, _, _)| c);
            let best = block
                .patterns
                .iter()
                .filter_map(|p| {
                    let score = pattern_score(p, &window, dict)?;
                    let code = family_code(p, verb, family.as_deref(), &self.dicts.verbs)?;
                    Some((score, p, code))
                })
                .max_by_key(|(m, p, _)| pattern_rank(m, p, &verb_name));
            let translated;
            let by_pattern = best.is_some();
            let mut foreign = false;
            let (spec, line, marks, negation) = match best {
                Some((m, p, code)) => {
                    translated = code;
                    foreign = names_another_verb(p, &verb.words, &self.dicts.verbs);
                    (&translated, p.line, m.marks, m.negation)
                }
                None => match (&verb.code, &block.code) {
                    (c, _) if spec_code(c).is_some() => (c, verb.line, Marks::default(), false),
                    (_, b) if spec_code(b).is_some() => (b, block.line, Marks::default(), false),
                    // A herald block without a code only adds patterns: when none of them
                    // matches, PETRARCH's block for the verb still codes it.
                    _ if di == 0 => continue,
                    _ => return default,
                },
            };
            let (code, back, reversed) = spec_code(spec)?;
            return Some(VerbCode {
                code,
                back,
                reversed,
                rule: format!("{file}:{line}"),
                marks,
                negation,
                by_pattern,
                foreign,
            });
        }
        default
    }
}

/// The source→target code and, for reciprocal events (`[032:033]`), the target→source code;
/// `true` when only the target→source code is given (`[:030]`: "X received assurances from Y"
/// is Y's assurance to X). A code is a CAMEO number, or one a user's dictionary extends with
/// letters (the validation files' `174K`); marks that are no code (`+++`, `025?`) are not.
fn spec_code(c: &CodeSpec) -> Option<(String, Option<String>, bool)> {
    let numeric = |s: &str| {
        let digits = s.chars().take_while(char::is_ascii_digit).count();
        digits >= 2 && s[digits..].chars().all(|c| c.is_ascii_uppercase())
    };
    match c {
        CodeSpec::None => None,
        CodeSpec::Code(c) => numeric(c).then(|| (c.clone(), None, false)),
        CodeSpec::Pair(a, b) if numeric(a) => {
            Some((a.clone(), numeric(b).then(|| b.clone()), false))
        }
        CodeSpec::Pair(_, b) => numeric(b).then(|| (b.clone(), None, true)),
    }
}

/// Whether pattern `p`'s comment names a verb of the dictionaries other than `verb` ("#
/// PLACE" on a pattern STAGE shares). Comments also hold coders' initials and dates ("# ms 04
/// Apr 2008"): only a verb's name says whose pattern it is.
fn names_another_verb(p: &VerbPattern, verb: &[String], dicts: &[VerbDictionary]) -> bool {
    let Some(named) = p.comment.split_whitespace().next() else {
        return false;
    };
    let words: Vec<&str> = named.split('_').collect();
    if words.len() == verb.len() && words.iter().zip(verb).all(|(a, b)| a == b) {
        return false;
    }
    dicts
        .iter()
        .flat_map(|d| d.verbs_for(words[0]))
        .any(|o| o.words.len() == words.len() && o.words.iter().zip(&words).all(|(a, b)| a == b))
}

/// The code pattern `p` gives `verb`. A pattern written for another verb (its comment names
/// that verb, usually a synonym in the block) carries that verb's sense, often an idiom of
/// it, so it gives nothing when its code is of another CAMEO family than the verb's: "press
/// on" is an attack, "demand … on" is not; "take part" is an intent to cooperate, "captured
/// part of a stronghold" is not; "call on" is an appeal, "telephoned X on Tuesday" is not.
/// Only an appeal's pattern (02x) keeps its sense for a demand, as the parallel demand code
/// (10x): "demanded support" is CAMEO 102, as "urged support" is 022. `None` also for a
/// pattern without a CAMEO code.
fn family_code(
    p: &VerbPattern,
    verb: &herald_dict::verbs::Verb,
    family: Option<&str>,
    dicts: &[VerbDictionary],
) -> Option<CodeSpec> {
    let (code, _, _) = spec_code(&p.code)?;
    let Some(family) = family else {
        return Some(p.code.clone());
    };
    fn root(c: &str) -> Option<&str> {
        c.get(..2)
    }
    if root(&code) == root(family) {
        return Some(p.code.clone());
    }
    if !names_another_verb(p, &verb.words, dicts) {
        return Some(p.code.clone());
    }
    match (root(&code), root(family)) {
        (Some("02"), Some("10")) => Some(CodeSpec::Code(format!("10{}", &code[2..]))),
        _ => None,
    }
}

/// The words a verb's patterns are matched against: the verb's own clause (its subtree), the
/// part before the verb nearest first, the part after it in text order.
struct PatternWindow {
    before_words: Vec<String>,
    before_lemmas: Vec<String>,
    after_words: Vec<String>,
    after_lemmas: Vec<String>,
    /// The subject is a compound actor ("X and Y"), for PETRARCH's `%`.
    compound_subject: bool,
    /// The token index of each after-window position (text order, a passive's subject first).
    after_tokens: Vec<usize>,
    /// The token index of each before-window position (nearest the verb first).
    before_tokens: Vec<usize>,
    /// Per position, whether the word is an infinitive's "to" (not a preposition).
    after_infinitive: Vec<bool>,
    /// Per after-window position, whether the word heads conjoined actors ("with the
    /// Philippines and France"), for a `%` after the verb.
    after_compound: Vec<bool>,
    /// The verb is one of wanting ("want", "seek"): its object names what is asked for.
    wanting: bool,
    /// Per position, whether the word is a verb.
    after_verb: Vec<bool>,
    before_verb: Vec<bool>,
    before_infinitive: Vec<bool>,
}

impl PatternWindow {
    /// The window around verb `v`, whose first `lead` words stand before it ("wire" of "wire
    /// tap"): the pattern's words before the verb come before those.
    fn new(s: &Sentence, v: usize, lead: usize) -> PatternWindow {
        let (lo, hi) = subtree_span(s, v);
        // A passive reads as its active: "Evidence against Russia was presented by the US" is
        // matched as "presented evidence against Russia".
        let passive_subject = children(s, v)
            .into_iter()
            .find(|&c| s.tokens[c].deprel == "nsubj:pass");
        let mut after: Vec<usize> = Vec::new();
        if let Some(p) = passive_subject {
            let (plo, phi) = subtree_span(s, p);
            after.extend(plo..=phi);
        }
        // A verb coordinated with this one has words of its own: "give a speech … and meet
        // dissidents from military-ruled Myanmar" gives no military speech.
        let conjoined: Vec<(usize, usize)> = children(s, v)
            .into_iter()
            .filter(|&c| s.tokens[c].deprel == "conj" && s.tokens[c].upos == herald_doc::Upos::VERB)
            .map(|c| subtree_span(s, c))
            .collect();
        let own = |i: &usize| !conjoined.iter().any(|&(a, b)| (a..=b).contains(i));
        after.extend((v + 1..hi + 1).filter(own));
        let verb_words = v.saturating_sub(lead)..v;
        let mut before: Vec<usize> = (lo..v)
            .rev()
            .filter(|&i| !after.contains(&i) && own(&i) && !verb_words.contains(&i))
            .collect();
        // A clause a verb of saying introduces reads on into that verb, as PETRARCH reads
        // the words before a verb: "Ethiopia indicated it would act" is "INDICATED WOULD *".
        if let Some(h) = s.tokens[v].head.filter(|&h| {
            s.tokens[v].deprel == "ccomp"
                && h < lo
                && crate::lexicon::SPEECH_VERBS.contains(&lemma(s, h).as_str())
        }) {
            before.extend((h..lo).rev());
        }
        let words = |ix: &[usize], lemma: bool| -> Vec<String> {
            ix.iter()
                .map(|&i| {
                    if lemma {
                        s.tokens[i].lemma.to_uppercase()
                    } else {
                        s.tokens[i].text.to_uppercase()
                    }
                })
                .collect()
        };
        let compound_subject = children(s, v)
            .into_iter()
            .filter(|&c| matches!(s.tokens[c].deprel.as_str(), "nsubj" | "nsubj:pass"))
            .any(|c| children(s, c).iter().any(|&g| s.tokens[g].deprel == "conj"));
        let infinitive = |ix: &[usize]| -> Vec<bool> {
            ix.iter()
                .map(|&i| s.tokens[i].upos == herald_doc::Upos::PART && s.tokens[i].xpos == "TO")
                .collect()
        };
        // Heads of conjuncts, marked in one pass over the sentence.
        let mut heads_conj = vec![false; s.tokens.len()];
        for t in &s.tokens {
            if let (Some(h), "conj") = (t.head, t.deprel.as_str()) {
                heads_conj[h] = true;
            }
        }
        let after_compound = after
            .iter()
            .map(|&i| {
                matches!(
                    s.tokens[i].upos,
                    herald_doc::Upos::PROPN | herald_doc::Upos::NOUN
                ) && heads_conj[i]
            })
            .collect();
        let verb_at = |ix: &[usize]| -> Vec<bool> {
            ix.iter()
                .map(|&i| s.tokens[i].upos == herald_doc::Upos::VERB)
                .collect()
        };
        PatternWindow {
            wanting: crate::lexicon::WANTING_VERBS.contains(&lemma(s, v).as_str()),
            after_verb: verb_at(&after),
            before_verb: verb_at(&before),
            after_compound,
            after_infinitive: infinitive(&after),
            before_infinitive: infinitive(&before),
            before_words: words(&before, false),
            before_lemmas: words(&before, true),
            after_words: words(&after, false),
            after_lemmas: words(&after, true),
            compound_subject,
            after_tokens: after,
            before_tokens: before,
        }
    }
}

/// Where a pattern put the actors: window positions of its `$` and `+` markers, as
/// (token index to search from, searching forward).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Marks {
    pub(crate) source: Option<(usize, bool)>,
    pub(crate) target: Option<(usize, bool)>,
}

/// How well a pattern matched.
#[derive(Debug, Clone, Copy, Default)]
struct PatternMatch {
    /// Elements matched (the more, the more specific the pattern).
    elems: usize,
    /// Of them, words matched in their exact form rather than by lemma.
    exact: usize,
    /// Words skipped between the verb and the matched elements.
    gap: usize,
    marks: Marks,
    /// The pattern itself holds the negation ("- NOT * [112]"): its code already says what
    /// happened, so the event is not marked negated.
    negation: bool,
}

/// A verb's code from the dictionaries.
pub(crate) struct VerbCode {
    pub(crate) code: String,
    /// For a reciprocal event, the code from the target's side.
    pub(crate) back: Option<String>,
    /// The code is the target's act on the source (`[:030]`).
    pub(crate) reversed: bool,
    /// The dictionary entry (`file:line`).
    pub(crate) rule: String,
    pub(crate) marks: Marks,
    pub(crate) negation: bool,
    /// A pattern gave the code (not the verb's or its block's default).
    pub(crate) by_pattern: bool,
    /// That pattern was written for another verb of the block (its comment names it).
    pub(crate) foreign: bool,
}

/// Match pattern elements in order against words (skipping is allowed between them); words
/// and lemmas are nearest-first when `reversed`. Returns the match with marker positions in
/// window coordinates.
fn match_elems(
    flat: &[(&PatternElem, bool)],
    words: &[String],
    lemmas: &[String],
    infinitive: &[bool],
    verb_at: &[bool],
    reversed: bool,
    w: &PatternWindow,
    dict: &VerbDictionary,
) -> Option<PatternMatch> {
    let mut pos = 0;
    let mut m = PatternMatch::default();
    // After a "TO" matched on an infinitive's "to", the pattern's next word is that
    // infinitive's verb and must come next: "agreed to lift the sanctions" is no
    // "AGREE (TO SANCTIONS)".
    let mut after_infinitive_to = false;
    // A `+` or `$` stands for an actor's words: the element after it may not follow at once
    // ("wants Putin to attack" is "* + TO ATTACK"; "wants to attack" is not).
    let mut marker_at: Option<usize> = None;
    // PETRARCH's underscore: the next element follows at once.
    let mut joined = false;
    for &(e, preposition) in flat {
        if matches!(e, PatternElem::Next) {
            joined = true;
            continue;
        }
        // PETRARCH's "^" skips a word ("celebrated Iftar in ^ +": the place after "in" is
        // not the target; the actor after it is).
        if matches!(e, PatternElem::Skip) {
            if pos >= words.len() {
                return None;
            }
            pos += 1;
            continue;
        }
        let after_to = std::mem::take(&mut after_infinitive_to);
        let adjacent = after_to | std::mem::take(&mut joined);
        let marker = marker_at.take();
        match e {
            // `%`: a compound actor — before the verb its subject ("% * [030:030]": "Gondor
            // and Osgiliath agree"), after it the phrase there ("* WITH %": "agrees with the
            // Philippines and France").
            PatternElem::Compound if reversed => {
                if !w.compound_subject {
                    return None;
                }
            }
            PatternElem::Compound => {
                let k = (pos..w.after_compound.len()).find(|&k| w.after_compound[k])?;
                if adjacent && k != pos {
                    return None;
                }
                m.gap += k - pos;
                pos = k + 1;
            }
            PatternElem::Source => {
                m.marks.source = Some((pos, !reversed));
                marker_at = Some(pos);
            }
            PatternElem::Target => {
                m.marks.target = Some((pos, !reversed));
                marker_at = Some(pos);
            }
            PatternElem::Word(word) => {
                if matches!(word.as_str(), "NOT" | "NEVER" | "N'T") {
                    m.negation = true;
                }
                // A pattern's bare "(TO)" wants the preposition, not the "to" of an infinitive
                // ("praised X's efforts to improve" is no "praised (TO)").
                // After a verb of wanting, an infinitive's verb is matched only as the
                // pattern's "TO X": "wants to help Israel" is no "WANT * HELP" (wanting help,
                // an appeal for aid); what is wanted is an intent (see `intent_code`). Other
                // verbs' patterns mean the infinitive too ("refused to comment": "* COMMENT").
                let infinitive_verb =
                    |k: usize| !reversed && w.wanting && k > 0 && infinitive[k - 1] && verb_at[k];
                let fits = |k: usize| {
                    !(preposition && infinitive[k])
                        && (!adjacent || k == pos)
                        && (after_to || !infinitive_verb(k))
                };
                let k = if let Some(k) = (pos..words.len()).find(|&k| &words[k] == word && fits(k))
                {
                    m.exact += 1;
                    k
                } else {
                    (pos..words.len()).find(|&k| &lemmas[k] == word && fits(k))?
                };
                // The words a marker stands for are the actor's, not words skipped.
                match marker {
                    Some(at) if at == k => return None,
                    Some(_) => {}
                    None => m.gap += k - pos,
                }
                pos = k + 1;
                after_infinitive_to = word == "TO" && infinitive[k] && !reversed;
            }
            PatternElem::Synset(name) => {
                let members = dict.synsets.get(name)?;
                let last = if adjacent { pos + 1 } else { words.len() };
                pos = (pos..last.min(words.len()))
                    .find_map(|k| {
                        members.iter().find_map(|mem| {
                            let n = mem.len();
                            if n == 0 || k + n > words.len() {
                                return None;
                            }
                            let hit = (0..n).all(|j| {
                                let mw = if reversed { &mem[n - 1 - j] } else { &mem[j] };
                                &words[k + j] == mw || &lemmas[k + j] == mw
                            });
                            hit.then_some((k + n, mem))
                        })
                    })
                    .map(|(end, mem)| {
                        m.gap += end - mem.len() - pos;
                        if mem
                            .iter()
                            .any(|x| matches!(x.as_str(), "NOT" | "NEVER" | "N'T"))
                        {
                            m.negation = true;
                        }
                        end
                    })?;
            }
            _ => continue,
        }
        if !matches!(e, PatternElem::Source | PatternElem::Target) {
            m.elems += 1;
        }
    }
    Some(m)
}

/// Which of the patterns that match wins: the most elements, then (as PETRARCH, which reads
/// on from the verb) the fewest words skipped, then exact forms, then the first written.
fn pattern_rank(m: &PatternMatch, p: &VerbPattern, verb: &str) -> impl Ord {
    // Between patterns that match alike, the one written for this verb (its "# RATIFY"
    // comment) over one a synonym shares ("ratified a treaty": 057, not APPROVE's 031).
    let written_for = p.comment.split_whitespace().next() == Some(verb);
    (
        m.elems,
        std::cmp::Reverse(m.gap),
        m.exact,
        written_for,
        std::cmp::Reverse(p.line),
    )
}

/// How well `p` matches the words after the verb, in order: (elements matched, of which by the
/// exact word rather than its lemma); `None` if any element is missing or the pattern needs
/// words before the verb.
fn pattern_score(
    p: &VerbPattern,
    w: &PatternWindow,
    dict: &VerbDictionary,
) -> Option<PatternMatch> {
    let mut after = Vec::new();
    flatten(&p.after, &mut after);
    // Only a bare "(TO)" that ends the pattern must be a preposition: "- * + (TO) HALT" writes
    // an infinitive the same way, with its verb after it.
    let n = after.len();
    for (i, (_, preposition)) in after.iter_mut().enumerate() {
        *preposition &= i + 1 == n;
    }
    let mut before = Vec::new();
    flatten(&p.before, &mut before);
    before
        .iter_mut()
        .for_each(|(_, preposition)| *preposition = false);
    before.reverse();
    if after.is_empty() && before.is_empty() {
        return None;
    }
    let a = match_elems(
        &after,
        &w.after_words,
        &w.after_lemmas,
        &w.after_infinitive,
        &w.after_verb,
        false,
        w,
        dict,
    )?;
    let b = match_elems(
        &before,
        &w.before_words,
        &w.before_lemmas,
        &w.before_infinitive,
        &w.before_verb,
        true,
        w,
        dict,
    )?;
    // Window positions to token indices: after the verb forward, before it backward.
    let tok = |(pos, forward): (usize, bool)| {
        let ix = if forward {
            &w.after_tokens
        } else {
            &w.before_tokens
        };
        let at = ix.get(pos).or(ix.last()).copied().unwrap_or(0);
        (at, forward)
    };
    Some(PatternMatch {
        elems: a.elems + b.elems,
        exact: a.exact + b.exact,
        gap: a.gap + b.gap,
        marks: Marks {
            source: a.marks.source.or(b.marks.source).map(tok),
            target: a.marks.target.or(b.marks.target).map(tok),
        },
        negation: a.negation || b.negation,
    })
}

/// The pattern's elements in order, each with whether it must be a preposition (a bare
/// prepositional phrase such as "(TO)").
fn flatten<'p>(elems: &'p [PatternElem], out: &mut Vec<(&'p PatternElem, bool)>) {
    for e in elems {
        match e {
            PatternElem::NounPhrase(v) => flatten(v, out),
            // A bare "(TO)" may want a preposition; with words in it ("(TO RECOGNIZE)") the
            // dictionaries also write infinitives so.
            PatternElem::PrepPhrase(v) => {
                let at = out.len();
                flatten(v, out);
                if let (1, Some((first @ PatternElem::Word(_), _))) =
                    (v.len(), out.get(at).copied())
                {
                    out[at] = (first, true);
                }
            }
            PatternElem::Word(_)
            | PatternElem::Synset(_)
            | PatternElem::Compound
            | PatternElem::Next
            | PatternElem::Skip
            | PatternElem::Source
            | PatternElem::Target => out.push((e, false)),
            _ => {}
        }
    }
}
