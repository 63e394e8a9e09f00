//! Which words of the parse are the two sides of a verb's event: the subject and object,
//! read through passives, control and coordination, and through the parse errors the coder
//! knows to repair.

use crate::lexicon::{ATTACK_NOUNS, WEAPON_NOUNS};
use crate::tree::{children, has_case, lemma, subtree_span};
use herald_doc::{Sentence, Upos};

/// The heads of the source and target phrases of verb `v` coded `code`: the subject (a
/// passive's agent, or where an attack came from) and the object (a passive's subject, an
/// indirect object, an oblique with a preposition of direction, the subject of an appeal's
/// that-clause). `main_verb_missed` is set, with the sentence's verbless root if any, when `v`
/// is a main verb the parser hung as a reduced relative.
pub(crate) fn argument_heads(
    s: &Sentence,
    v: usize,
    code: &str,
    main_verb_missed: Option<Option<usize>>,
) -> (Option<usize>, Option<usize>) {
    let kids = children(s, v);
    let by = |rel: &str| kids.iter().copied().find(|&c| s.tokens[c].deprel == rel);
    let agent_by = kids
        .iter()
        .copied()
        .find(|&c| s.tokens[c].deprel == "obl:agent");
    // A passive subject needs a passive verb: "bombers killed 23 people" parsed
    // with "bombers" as nsubj:pass (no "were", an object after the verb) is active.
    let passive_subject = by("nsubj:pass")
        .filter(|_| by("aux:pass").is_some() || by("obj").is_none() || agent_by.is_some());
    let (src_head, tgt_head) = match passive_subject {
        // "A mortar bomb was fired at it from the Gaza Strip": without a "by"
        // agent, the place an attack came from is who made it.
        Some(p) => (
            agent_by.or_else(|| {
                matches!(code.get(..2), Some("18" | "19" | "20"))
                    .then(|| {
                        // Also when the parser hangs it on the target ("fired at
                        // Israel from Lebanon").
                        let from = |c: usize| has_case(s, c, &["from"]);
                        let obls: Vec<usize> = kids
                            .iter()
                            .copied()
                            .filter(|&c| s.tokens[c].deprel == "obl")
                            .collect();
                        // "killed in an Israeli air strike": the attack named
                        // in an "in" phrase, by whoever made it.
                        // Or the arms it was made with ("in Israeli tank shelling", which
                        // the parser reads as "tank" with "shelling" hung on it).
                        let in_attack = |c: usize| {
                            let l = lemma(s, c);
                            (ATTACK_NOUNS.contains(&l.as_str())
                                || WEAPON_NOUNS.contains(&l.as_str()))
                                && has_case(s, c, &["in", "by"])
                        };
                        obls.iter()
                            .copied()
                            .find(|&c| from(c))
                            .or_else(|| {
                                obls.iter().find_map(|&c| {
                                    children(s, c)
                                        .into_iter()
                                        .find(|&g| s.tokens[g].deprel == "nmod" && from(g))
                                })
                            })
                            .or_else(|| {
                                // "… in an air strike by government forces": the
                                // attack's "by" phrase, else its own words.
                                let attack = obls.iter().copied().find(|&c| in_attack(c))?;
                                children(s, attack)
                                    .into_iter()
                                    .find(|&g| {
                                        s.tokens[g].deprel == "nmod" && has_case(s, g, &["by"])
                                    })
                                    .or(Some(attack))
                            })
                    })
                    .flatten()
            }),
            Some(p),
        ),
        None => {
            let tgt = by("obj").or_else(|| by("iobj")).or_else(|| {
                kids.iter().copied().find(|&c| {
                    s.tokens[c].deprel == "obl"
                        && has_case(
                            s,
                            c,
                            &["with", "to", "against", "on", "from", "toward", "towards"],
                        )
                })
            });
            // "demanded that Hamas renounce ...", "urged that the council act":
            // the subject of the complement clause is who the act is aimed at.
            let tgt = tgt.or_else(|| {
                let clause = by("ccomp")?;
                children(s, clause)
                    .into_iter()
                    .find(|&c| s.tokens[c].deprel.starts_with("nsubj"))
            });
            // "Syria has again offered …" with Syria hung on "has": the subject
            // of an auxiliary is its verb's.
            let via_aux = || {
                kids.iter()
                    .filter(|&&c| s.tokens[c].deprel.starts_with("aux"))
                    .find_map(|&a| {
                        children(s, a)
                            .into_iter()
                            .find(|&g| s.tokens[g].deprel == "nsubj")
                    })
            };
            // "Israel announced it would free …" with "it" parsed as the object
            // of "announced": a pronoun object just before a clause with no
            // subject is the clause's subject.
            let object_above = || {
                let h = s.tokens[v].head.filter(|_| s.tokens[v].deprel == "ccomp")?;
                let (lo, _) = subtree_span(s, v);
                children(s, h).into_iter().find(|&c| {
                    s.tokens[c].deprel == "obj"
                        && s.tokens[c].upos == Upos::PRON
                        && c + 1 <= lo
                        && (c + 1..lo).all(|k| {
                            s.tokens[k].head == Some(v)
                                && matches!(s.tokens[k].deprel.as_str(), "aux" | "mark" | "advmod")
                        })
                })
            };
            (
                by("nsubj")
                    .or_else(|| by("nsubj:pass"))
                    .or_else(via_aux)
                    .or_else(object_above),
                tgt,
            )
        }
    };
    // The subject of a verb in an xcomp chain is the controller's object or subject.
    let src_head = src_head.or_else(|| {
        let head = s.tokens[v].head?;
        // "Ukraine accused Russia of attacking …", "Russia was accused of shelling …": the
        // accused is who did what they are accused of.
        if let Some(accused) = accused_of(s, v) {
            return Some(accused);
        }
        if s.tokens[v].deprel == "xcomp" {
            let hk = children(s, head);
            // "Putin is expected to visit China": a passive controller's subject.
            hk.iter()
                .copied()
                .find(|&c| s.tokens[c].deprel == "obj")
                .or_else(|| {
                    hk.iter()
                        .copied()
                        .find(|&c| matches!(s.tokens[c].deprel.as_str(), "nsubj" | "nsubj:pass"))
                })
        } else if s.tokens[v].deprel == "conj" {
            // Up the chain of coordinated verbs to the first with a subject
            // ("X bypassed ..., brokered ... and lifted ...").
            let mut h = head;
            loop {
                if let Some(c) = children(s, h)
                    .into_iter()
                    .find(|&c| s.tokens[c].deprel == "nsubj")
                {
                    break Some(c);
                }
                match s.tokens[h].head {
                    Some(up) if s.tokens[h].deprel == "conj" => h = up,
                    // "Bush scheduled to give a speech … and meet with X": the
                    // first verb is a complement; its controller's subject acts.
                    Some(up) if s.tokens[h].deprel == "xcomp" => {
                        break children(s, up).into_iter().find(|&c| {
                            matches!(s.tokens[c].deprel.as_str(), "nsubj" | "nsubj:pass")
                        })
                    }
                    _ => break None,
                }
            }
        } else if let Some(verbless_root) = main_verb_missed {
            Some(verbless_root.unwrap_or(head))
        } else {
            statement_participle(s, v)
        }
    });
    (src_head, tgt_head)
}

/// Nouns of a public statement whose participle says what it does: "issued a declaration
/// demanding …", "released a statement condemning …".
const STATEMENT_NOUNS: [&str; 9] = [
    "statement",
    "declaration",
    "communique",
    "communiqué",
    "resolution",
    "letter",
    "message",
    "motion",
    "note",
];

/// For a participle `v` on a statement noun ("a declaration demanding that …"), the subject of
/// the verb that made the statement ("The PKK issued a declaration demanding …": the PKK
/// demands); `None` otherwise.
pub(crate) fn statement_participle(s: &Sentence, v: usize) -> Option<usize> {
    let t = &s.tokens[v];
    if t.deprel != "acl" || t.xpos != "VBG" {
        return None;
    }
    let noun = t.head?;
    if !STATEMENT_NOUNS.contains(&lemma(s, noun).as_str()) {
        return None;
    }
    let made = s.tokens[noun].head.filter(|&h| {
        s.tokens[h].upos == Upos::VERB
            && matches!(s.tokens[noun].deprel.as_str(), "obj" | "nsubj:pass")
    })?;
    children(s, made).into_iter().find(|&c| {
        matches!(s.tokens[c].deprel.as_str(), "nsubj" | "obl:agent")
            && s.tokens[c].upos != Upos::PRON
    })
}

/// Verbs whose "of …" complement is what someone is charged with.
pub(crate) const ACCUSE_VERBS: [&str; 5] = ["accuse", "suspect", "charge", "convict", "blame"];

/// For verb `v` in the "of …ing" complement of an accusation, who is accused: the object of
/// an active accusation, the subject of a passive one.
pub(crate) fn accused_of(s: &Sentence, v: usize) -> Option<usize> {
    let h = s.tokens[v].head?;
    let of = children(s, v)
        .iter()
        .any(|&c| s.tokens[c].deprel == "mark" && lemma(s, c) == "of");
    if !of
        || !matches!(s.tokens[v].deprel.as_str(), "advcl" | "xcomp" | "acl")
        || !ACCUSE_VERBS.contains(&lemma(s, h).as_str())
    {
        return None;
    }
    let hk = children(s, h);
    hk.iter()
        .copied()
        .find(|&c| s.tokens[c].deprel == "obj")
        .or_else(|| hk.into_iter().find(|&c| s.tokens[c].deprel == "nsubj:pass"))
}
