//! Questions herald's coder asks of a dependency parse.

use herald_doc::{Sentence, Upos};

/// The dependents of token `i`, collected (the coder walks them while it borrows the sentence).
pub(crate) fn children(s: &Sentence, i: usize) -> Vec<usize> {
    s.children(i).collect()
}

pub(crate) fn lemma(s: &Sentence, i: usize) -> String {
    s.tokens[i].lemma.to_lowercase()
}

/// Whether `n` has a case marker (its preposition) among `preps` ("against Russia": against).
pub(crate) fn has_case(s: &Sentence, n: usize, preps: &[&str]) -> bool {
    children(s, n)
        .iter()
        .any(|&g| s.tokens[g].deprel == "case" && preps.contains(&lemma(s, g).as_str()))
}

/// True if token `i` stands in a phrase of time below `v` ("several years after Calenardhon
/// crowds burned its embassy", "before Iran's elections"): who is named there says when, not
/// whom an act is aimed at.
pub(crate) fn in_time_phrase(s: &Sentence, i: usize, v: usize) -> bool {
    let mut x = i;
    for _ in 0..s.tokens.len() {
        if x == v {
            return false;
        }
        if has_case(
            s,
            x,
            &[
                "after",
                "before",
                "since",
                "until",
                "till",
                "during",
                "following",
            ],
        ) {
            return true;
        }
        match s.tokens[x].head {
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}

/// The verb a complement clause `v` belongs to where the parser hung it on a noun of that
/// verb instead ("said Wednesday that the US must …": the clause on "Wednesday").
pub(crate) fn verb_of_clause_on_noun(s: &Sentence, v: usize) -> Option<usize> {
    let h = s.tokens[v].head?;
    (s.tokens[v].deprel == "ccomp"
        && matches!(s.tokens[h].upos, Upos::NOUN | Upos::PROPN)
        && s.tokens[h].deprel.starts_with("obl"))
    .then_some(s.tokens[h].head)
    .flatten()
}

/// True if `v` is an ancestor of `i` within one clause (not through another verb's clause).
pub(crate) fn dominated_by(s: &Sentence, i: usize, v: usize) -> bool {
    let mut x = i;
    for _ in 0..s.tokens.len() {
        if matches!(
            s.tokens[x].deprel.as_str(),
            "ccomp" | "advcl" | "acl:relcl" | "parataxis" | "xcomp" | "conj"
        ) {
            return false;
        }
        match s.tokens[x].head {
            Some(h) if h == v => return true,
            // Through a participle that describes a noun ("the roads leading into Mordor",
            // "Iran-backed Houthis"), but not to its subject ("Iran").
            Some(h)
                if s.tokens[h].upos == Upos::VERB
                    && s.tokens[h].deprel == "acl"
                    && !s.tokens[x].deprel.starts_with("nsubj") =>
            {
                x = h
            }
            Some(h) if s.tokens[h].upos == Upos::VERB => return false,
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}

/// The speech verb a clause hangs from, if any.
pub(crate) fn clause_of(s: &Sentence, v: usize) -> Option<usize> {
    let t = &s.tokens[v];
    if matches!(t.deprel.as_str(), "ccomp" | "parataxis") {
        return t.head;
    }
    s.tokens
        .iter()
        .position(|c| c.head == Some(v) && c.deprel == "parataxis")
}

/// A conjunct with no "and", "or" or comma between it and its head is a name the parser split
/// ("Bree Prime Minister | Romendacil"), not a second actor.
pub(crate) fn split_name(s: &Sentence, head: usize, conj: usize) -> bool {
    !(head.min(conj) + 1..head.max(conj)).any(|g| {
        s.tokens[g].upos == Upos::CCONJ || matches!(s.tokens[g].text.as_str(), "," | ";" | "&")
    })
}

/// The first and last token of the subtree of `v`.
pub(crate) fn subtree_span(s: &Sentence, v: usize) -> (usize, usize) {
    s.subtree_span(v)
}

/// Whether token `v` ends a hyphenated compound written without spaces ("Iran-backed",
/// "Qaeda-linked", "rebel-held"): an adjective, whatever the parser made of it, and the name
/// before it is no actor of the sentence.
pub(crate) fn hyphen_compound(s: &Sentence, v: usize) -> bool {
    v >= 2
        && s.tokens[v - 1].text == "-"
        && s.tokens[v - 1].span.end == s.tokens[v].span.start
        && s.tokens[v - 2].span.end == s.tokens[v - 1].span.start
}

/// The root noun of a sentence the parser gave no verb at its root, when verb `v` is a past
/// tense or participle (not "-ing") in a reduced relative somewhere in that noun's phrase,
/// reached through its modifiers: "aircraft including helicopter gunships killed …" gives the
/// root "aircraft" for "killed" on "gunships". The caller checks that `v` has an object.
pub(crate) fn verbless_root_subject(s: &Sentence, v: usize) -> Option<usize> {
    if s.tokens[v].deprel != "acl" || !matches!(s.tokens[v].xpos.as_str(), "VBD" | "VBN") {
        return None;
    }
    let mut x = s.tokens[v].head?;
    for _ in 0..s.tokens.len() {
        let t = &s.tokens[x];
        if !matches!(t.upos, Upos::NOUN | Upos::PROPN) {
            return None;
        }
        match t.head {
            None => break,
            Some(h) if matches!(t.deprel.as_str(), "nmod" | "appos" | "conj") => x = h,
            Some(_) => return None,
        }
    }
    (s.tokens[x].deprel == "root" && x < v).then_some(x)
}

/// A verb the tagger took for an adjective: "Israel announced it would free 150 prisoners"
/// ("free" ADJ), seen by a modal or "to" on it without a copula ("would be free" is an
/// adjective).
pub(crate) fn verb_tagged_adjective(s: &Sentence, v: usize) -> bool {
    if s.tokens[v].upos != Upos::ADJ {
        return false;
    }
    let kids = children(s, v);
    let modal = kids.iter().any(|&c| {
        (s.tokens[c].deprel == "aux" && s.tokens[c].xpos == "MD")
            || (s.tokens[c].deprel == "mark" && s.tokens[c].lemma.eq_ignore_ascii_case("to"))
    });
    modal && !kids.iter().any(|&c| s.tokens[c].deprel == "cop")
}

/// For verb `v` the parser hung as a reduced relative ("acl"), whether it is the main verb it
/// missed — `Some` of the verbless root noun that is its subject, when that is how — else
/// `None`:
/// - on a root noun with an object of its own ("Two suicide bombers killed 23 people");
/// - on a noun the parser made the subject of a later verb ("Israeli army bulldozers
///   demolished Palestinian homes …, officials said"): a reduced relative right after its noun
///   takes no direct object;
/// - a past tense (VBD, not the participle of a reduced relative) right after the noun at the
///   root, or after a name made the subject of a later verb, object or not ("Zambia extradited
///   …, an official said");
/// - in a sentence the parser left without a verb at its root ("Russian aircraft including
///   helicopter gunships killed 46 civilians", "Palestinian police in Jericho confiscated
///   weapons"), a finite verb with an object anywhere in the root noun's phrase: the root noun
///   is its subject.
pub(crate) fn missed_main_verb(s: &Sentence, v: usize) -> Option<Option<usize>> {
    if s.tokens[v].deprel != "acl" {
        return None;
    }
    let has_object = s
        .tokens
        .iter()
        .any(|t| t.head == Some(v) && t.deprel == "obj");
    let verbless_root = verbless_root_subject(s, v);
    let after_noun = s.tokens[v].head.is_some_and(|h| {
        let root = s.tokens[h].deprel == "root";
        // A name made the subject of a later verb: "Zambia extradited …, an official said"
        // ("10 Russian soldiers killed in Ukraine" is the participle the tagger misread).
        let subject = s.tokens[h].deprel == "nsubj";
        let name_acting = subject && s.tokens[h].upos == Upos::PROPN && s.tokens[v].xpos == "VBD";
        // A root noun with no copula and this clause its only verb: the sentence has no other
        // ("Students protested in Belgrade.", tagged as a participle). Not in a headline (no
        // full stop), which writes passives so: "Japanese mogul arrested for fraud".
        // A "by" agent makes it the participle it looks like: "Company controlled by Northern
        // Holdings Ltd of Canada." (Asked only when nothing else decides.)
        let only_verb = || {
            let full_stop = s
                .tokens
                .last()
                .is_some_and(|t| matches!(t.text.as_str(), "." | "!" | "?"));
            let agent = children(s, v)
                .iter()
                .any(|&c| s.tokens[c].deprel.starts_with("obl") && has_case(s, c, &["by"]));
            root && full_stop
                && !agent
                && !children(s, h).iter().any(|&c| s.tokens[c].deprel == "cop")
                && !s.tokens.iter().enumerate().any(|(i, t)| {
                    i != v && matches!(t.upos, Upos::VERB | Upos::AUX) && !dominated_by(s, i, v)
                })
        };
        (root || (subject && has_object) || name_acting)
            && (has_object || s.tokens[v].xpos == "VBD" || only_verb())
            && matches!(s.tokens[h].upos, Upos::NOUN | Upos::PROPN)
            && h + 1 == v
    });
    (after_noun || (has_object && verbless_root.is_some())).then_some(verbless_root)
}
