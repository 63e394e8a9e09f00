//! Whether an event happened, and who says so: negation, hypotheticals, futures, requests,
//! refusals and reported speech, read off the parse around the event's verb.

use crate::lexicon::{APPEAL_VERBS, HYPOTHETICAL_AUX, INTENT_VERBS, REFUSAL_VERBS, SPEECH_VERBS};
use crate::tree::{children, lemma, verb_of_clause_on_noun};
use crate::{Coder, Found};
use herald_dict::Date;
use herald_doc::{Document, Event, Modality, Sentence, TextSpan};

impl Coder<'_> {
    /// The modality a clause takes from the one it serves: a purpose ("sent troops to halt
    /// the fighting") or an intended act's means ("seeking to deepen ties by promoting
    /// biofuels") has not happened either.
    pub(crate) fn served_modality(&self, s: &Sentence, v: usize) -> Modality {
        let mut x = v;
        for _ in 0..3 {
            let rel = s.tokens[x].deprel.as_str();
            if !matches!(rel, "advcl" | "xcomp") {
                break;
            }
            let Some(h) = s.tokens[x].head else { break };
            let purpose = rel == "advcl"
                && children(s, x)
                    .iter()
                    .any(|&c| s.tokens[c].deprel == "mark" && lemma(s, c) == "to");
            if purpose || (rel == "xcomp" && INTENT_VERBS.contains(&lemma(s, h).as_str())) {
                return Modality::Future;
            }
            let (m, _) = self.modality(s, h);
            if m != Modality::Asserted && m != Modality::Reported {
                return m;
            }
            x = h;
        }
        Modality::Asserted
    }

    /// The speech verb that reports verb `v`: the one its clause hangs from, or one hanging from
    /// it ("..., CNN reported").
    pub(crate) fn speech_of(&self, s: &Sentence, v: usize) -> Option<usize> {
        s.tokens[v]
            .head
            .filter(|&h| {
                // An "xcomp" with a modal of its own is a clause the parser misread
                // ("announced it would free …").
                let clause = match s.tokens[v].deprel.as_str() {
                    "ccomp" | "parataxis" => true,
                    "xcomp" => children(s, v)
                        .iter()
                        .any(|&c| s.tokens[c].deprel == "aux" && s.tokens[c].xpos == "MD"),
                    _ => false,
                };
                SPEECH_VERBS.contains(&lemma(s, h).as_str()) && clause
            })
            .or_else(|| {
                // "said Wednesday that the US must …", parsed with the clause on the day.
                verb_of_clause_on_noun(s, v)
                    .filter(|&g| SPEECH_VERBS.contains(&lemma(s, g).as_str()))
            })
            .or_else(|| {
                // "…, medics said" — also when parsed as a conjunct without "and".
                children(s, v).into_iter().find(|&c| {
                    let unjoined_conj = s.tokens[c].deprel == "conj"
                        && c > v
                        && !children(s, c).iter().any(|&g| s.tokens[g].deprel == "cc");
                    (s.tokens[c].deprel == "parataxis" || unjoined_conj)
                        && SPEECH_VERBS.contains(&lemma(s, c).as_str())
                })
            })
    }

    /// The actor code of whoever speaks the clause of verb `v` ("Switzerland said …").
    pub(crate) fn speaker_code(
        &self,
        s: &Sentence,
        v: usize,
        date: Date,
        memory: &[Found],
    ) -> Option<String> {
        let sv = self.speech_of(s, v)?;
        self.subject_actor(s, sv, date, memory)?.code
    }

    /// The actor of verb `h`'s subject ("Switzerland said": Switzerland), coded or not.
    pub(crate) fn subject_actor(
        &self,
        s: &Sentence,
        h: usize,
        date: Date,
        memory: &[Found],
    ) -> Option<Found> {
        let subj = children(s, h)
            .into_iter()
            .find(|&c| s.tokens[c].deprel.starts_with("nsubj"))?;
        Some(self.actor(s, subj, date, memory))
    }

    /// A claim of violence is itself an act: "the US claimed that ISIL attacked Iraq" accuses
    /// ISIL (112); "the US claimed it attacked Iraq" claims responsibility (015). PETRARCH-2
    /// codes both. For reported act `code` of verb `v` with sides `src`, `tgt`: the speaker's
    /// claim, unless the sentence has it already or the speaker is a news medium.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn claim(
        &self,
        doc: &Document,
        (si, s): (usize, &Sentence),
        (v, code, modality): (usize, &str, Modality),
        (src, tgt): (Option<&Found>, Option<&Found>),
        text_date: Option<Date>,
        (date, memory): (Date, &[Found]),
        events: &[Event],
    ) -> Option<Event> {
        if modality != Modality::Reported || !matches!(code.get(..2), Some("18" | "19" | "20")) {
            return None;
        }
        let sv = self.speech_of(s, v)?;
        let sp = self
            .subject_actor(s, sv, date, memory)
            .filter(|f| f.code.as_deref().is_some_and(|c| !c.ends_with("MED")))?;
        let (claim, other) = if sp.code == src.and_then(|f| f.code.clone()) {
            ("015", tgt)
        } else {
            ("112", src)
        };
        let exists = events.iter().any(|e| {
            e.sentence == si
                && e.code == claim
                && e.trigger.start == s.tokens[sv].span.start
                && e.target.code == other.and_then(|f| f.code.clone())
        });
        // Reporting violence whose maker the text does not name accuses nobody.
        let accused = other.and_then(|f| f.code.as_ref());
        if exists || accused == sp.code.as_ref() || (claim == "112" && accused.is_none()) {
            return None;
        }
        Some(self.event(
            doc,
            (si, s),
            sv,
            claim,
            (Some(&sp), other),
            (Modality::Asserted, None),
            text_date,
            "herald:claim",
            0.5,
        ))
    }

    pub(crate) fn modality(&self, s: &Sentence, v: usize) -> (Modality, Option<TextSpan>) {
        let kids = children(s, v);
        let has = |f: &dyn Fn(usize) -> bool| kids.iter().any(|&c| f(c));
        // Reported: the verb's clause hangs from a speech verb, or a speech verb hangs from it
        // ("..., CNN reported").
        let speech = self.speech_of(s, v);
        let attribution = speech.and_then(|sv| {
            let subj = children(s, sv)
                .into_iter()
                .find(|&c| s.tokens[c].deprel.starts_with("nsubj"))?;
            let t = &s.tokens[subj];
            Some(TextSpan {
                text: t.text.clone(),
                start: t.span.start,
                end: t.span.end,
            })
        });
        let negated = has(&|c| {
            let l = lemma(s, c);
            s.tokens[c].deprel == "advmod" && matches!(l.as_str(), "not" | "never" | "n't")
        });
        if negated {
            return (Modality::Negated, attribution);
        }
        // "Israel reportedly attacked Iran", "allegedly bombed": someone says so, unnamed.
        if has(&|c| {
            s.tokens[c].deprel == "advmod"
                && matches!(
                    lemma(s, c).as_str(),
                    "reportedly" | "allegedly" | "purportedly" | "supposedly"
                )
        }) {
            return (Modality::Reported, attribution);
        }
        // "Russia was accused of shelling Kharkiv": what someone is accused of is a claim.
        if crate::sides::accused_of(s, v).is_some() {
            return (Modality::Reported, attribution);
        }
        // "Will Israel attack Iran?", "Did Russia invade …?": a yes-no question (the auxiliary
        // before the subject, no question word) asserts nothing. "Why did Israel strike Iran?"
        // takes the strike as given.
        let yes_no_question = s.tokens.last().is_some_and(|t| t.text == "?")
            && kids.iter().any(|&a| {
                s.tokens[a].deprel.starts_with("aux")
                    && kids
                        .iter()
                        .any(|&n| s.tokens[n].deprel.starts_with("nsubj") && a < n)
            })
            && !s.tokens.iter().take(3).any(|t| {
                matches!(
                    t.lemma.to_lowercase().as_str(),
                    "why" | "how" | "when" | "where" | "what" | "who" | "which" | "whom"
                )
            });
        if yes_no_question {
            return (Modality::Hypothetical, attribution);
        }
        let conditional = has(&|c| s.tokens[c].deprel == "mark" && lemma(s, c) == "if");
        // "Russia said that Sudan must return the helicopter": what the speaker says another
        // must do is asked of them, not done (the saying is a demand, coded on the speech verb).
        if reported_obligation(s, v, speech).is_some() && !conditional {
            return (Modality::Requested, attribution);
        }
        // "Iraq said it would allow …": in reported speech "would" is the "will" of the
        // speaker's own words, shifted into the past — a future act, not a hypothetical one.
        let reported_will = speech.is_some_and(|sv| s.tokens[v].head == Some(sv))
            && has(&|c| s.tokens[c].deprel == "aux" && lemma(s, c) == "would");
        if reported_will && !conditional {
            return (Modality::Future, attribution);
        }
        if has(&|c| s.tokens[c].deprel == "aux" && HYPOTHETICAL_AUX.contains(&lemma(s, c).as_str()))
            || conditional
        {
            return (Modality::Hypothetical, attribution);
        }
        if has(&|c| s.tokens[c].deprel == "aux" && matches!(lemma(s, c).as_str(), "will" | "shall"))
        {
            return (Modality::Future, attribution);
        }
        // The complement of an appeal is requested, not done; that of a refusal ("refused to
        // deploy troops", "failed to reach a deal") did not happen.
        // "demanded that Mugabe resign", "urged that the council act": a that-clause of an
        // appeal is requested too (not "asked whether ...", a question).
        let mut x = v;
        while matches!(s.tokens[x].deprel.as_str(), "xcomp" | "ccomp" | "conj") {
            let Some(h) = s.tokens[x].head else { break };
            let question = children(s, x).into_iter().any(|c| {
                s.tokens[c].deprel == "mark" && matches!(lemma(s, c).as_str(), "whether" | "if")
            });
            // "wants Putin to attack" asks it of Putin ("wants to attack" is an intent).
            let wants_of = lemma(s, h) == "want"
                && s.tokens[x].deprel == "xcomp"
                && children(s, h).iter().any(|&c| s.tokens[c].deprel == "obj");
            if matches!(s.tokens[x].deprel.as_str(), "xcomp" | "ccomp")
                && !question
                && (APPEAL_VERBS.contains(&lemma(s, h).as_str()) || wants_of)
            {
                return (Modality::Requested, attribution);
            }
            if s.tokens[x].deprel == "xcomp" && REFUSAL_VERBS.contains(&lemma(s, h).as_str()) {
                return (Modality::Negated, attribution);
            }
            // "Russia denied attacking Georgia", "denied that it had attacked": what is denied
            // is not asserted to have happened.
            if matches!(s.tokens[x].deprel.as_str(), "xcomp" | "ccomp") && lemma(s, h) == "deny" {
                return (Modality::Negated, attribution);
            }
            // "is likely to attack" may happen; "is about to / poised to attack" is to come.
            if s.tokens[x].deprel == "xcomp" && s.tokens[h].upos == herald_doc::Upos::ADJ {
                match lemma(s, h).as_str() {
                    "likely" | "unlikely" | "possible" => {
                        return (Modality::Hypothetical, attribution)
                    }
                    "about" | "poised" | "due" | "set" => return (Modality::Future, attribution),
                    _ => {}
                }
            }
            x = h;
        }
        if speech.is_some() && s.tokens[v].head == speech {
            return (Modality::Reported, attribution);
        }
        // "The US claimed that ISIL had attacked Iraq and taken Mosul": a verb coordinated
        // with a reported one is reported by the same speaker.
        if s.tokens[v].deprel == "conj" {
            if let Some(h) = s.tokens[v].head.filter(|&h| h < v) {
                if let (Modality::Reported, a) = self.modality(s, h) {
                    return (Modality::Reported, a);
                }
            }
        }
        (Modality::Asserted, attribution)
    }
}

/// For a verb in the clause of speech verb `speech` with "must" or "should" ("said that Sudan
/// must return …"): the CAMEO code of saying so — demand (100) for "must", appeal (020) for
/// "should".
pub(crate) fn reported_obligation(
    s: &Sentence,
    v: usize,
    speech: Option<usize>,
) -> Option<&'static str> {
    let sv = speech?;
    // The clause on the speech verb, or on a noun of it ("said Wednesday that …", misparsed).
    if s.tokens[v].head != Some(sv) && verb_of_clause_on_noun(s, v) != Some(sv) {
        return None;
    }
    children(s, v)
        .into_iter()
        .filter(|&c| s.tokens[c].deprel == "aux")
        .find_map(|c| match lemma(s, c).as_str() {
            "must" => Some("100"),
            "should" => Some("020"),
            _ => None,
        })
}

impl Coder<'_> {
    /// The demands (must) and appeals (should) of speakers in sentence `si` on the subjects of
    /// what they say, for clauses whose own verb coded none ("the minister reiterated that
    /// Libya must hand over the bombers": Britain demands of Libya, CAMEO 100); appended to
    /// `events` unless the sentence, from `first_event` on, has one on that speech verb for
    /// that target. A bare statement (01) on the speech verb to that target gives way.
    pub(crate) fn obligations(
        &self,
        doc: &Document,
        (si, s): (usize, &Sentence),
        date: Date,
        memory: &[Found],
        events: &mut Vec<Event>,
        first_event: usize,
    ) {
        for c in 0..s.tokens.len() {
            // Only a clause with "must" or "should" of its own (cheap to rule out first).
            let obliged = s.tokens.iter().any(|t| {
                t.head == Some(c)
                    && t.deprel == "aux"
                    && matches!(t.lemma.to_lowercase().as_str(), "must" | "should")
            });
            if !obliged {
                continue;
            }
            let Some(sv) = self.speech_of(s, c) else {
                continue;
            };
            let Some(code) = reported_obligation(s, c, Some(sv)) else {
                continue;
            };
            let subject = |h: usize| {
                self.subject_actor(s, h, date, memory)
                    .filter(|f| f.code.as_deref().is_some_and(|k| !k.ends_with("MED")))
            };
            let (Some(speaker), Some(asked)) = (subject(sv), subject(c)) else {
                continue;
            };
            if speaker.code == asked.code {
                continue;
            }
            let at = s.tokens[sv].span.start;
            let on_sv = |e: &Event| {
                e.sentence == si && e.trigger.start == at && e.target.code == asked.code
            };
            let mut k = first_event;
            while k < events.len() {
                if on_sv(&events[k]) && events[k].code.starts_with("01") {
                    events.remove(k);
                } else {
                    k += 1;
                }
            }
            if events[first_event..].iter().any(on_sv) {
                continue;
            }
            events.push(self.event(
                doc,
                (si, s),
                sv,
                code,
                (Some(&speaker), Some(&asked)),
                (Modality::Asserted, None),
                None,
                "herald:obligation",
                0.5,
            ));
        }
    }
}
