//! herald's event coder: [`Analysis`] → [`Event`]s.
//!
//! For each verb of a sentence whose lemma the verb dictionary knows, the coder
//!
//! 1. picks the code: the verb block's pattern that matches most of the words around the verb,
//!    else the verb's own code, else the block's;
//! 2. finds the actors in herald's dependency parse: the subject is the source (the `obl:agent`
//!    of a passive), the object the target (the passive subject, else an indirect object or
//!    oblique); coordinated actors ("Israel and Hamas") give one event each;
//! 3. resolves each actor phrase to a code valid on the story's date: the longest dictionary
//!    name inside the phrase, a country with an agent word composing country + role
//!    ("Israeli ministers" → ISRGOV), pronouns to the last actor of the right kind;
//! 4. marks the modality from the parse: negation, modal auxiliaries, the complement of an
//!    appeal ("urged X to halt": the halting is requested), or of a speech verb (reported, with
//!    the speaker as attribution). A speech verb whose content was coded is not itself coded.
//!
//! 5. dates the event from a time word attached to the verb ("convened ... late Tuesday"), else
//!    by the publication date.
//!
//! Modules: `patterns` matches PETRARCH verb patterns in the verb's clause, `sides` picks the
//! words of the parse that are the source and target, `actors` resolves actor phrases to dated
//! codes, `nouns` codes events named by nouns, `missing` reports what the dictionaries lack
//! (`herald missing`), `lexicon` holds the word
//! lists that steer modality and intents, `tree` answers questions about the parse, `dates`
//! turns time words into days. Locations and dates written as dates come from the knowledge
//! layer (herald-know's `locate` and `when`).
#![deny(missing_docs)]

mod actors;
pub mod dates;
mod dictionaries;
mod event;
mod lexicon;
mod missing;
mod modality;
mod nouns;
mod patterns;
mod sides;
mod tree;

use lexicon::{
    intent_code, refusal_code, ARRIVAL_VERBS, ATTACK_NOUNS, EXPECTATION_VERBS, INTENT_ADJECTIVES,
    INTENT_VERBS, REFUSAL_VERBS, SPEECH_VERBS,
};
use modality::reported_obligation;
use tree::{
    children, clause_of, dominated_by, has_case, hyphen_compound, lemma, split_name, subtree_span,
};

pub use dictionaries::{Dictionaries, LoadError};
use event::{listed_name, split_actor_lists, story_date};
pub use missing::Missing;

use herald_dict::Date;
use herald_doc::{Analysis, Document, Event, Modality, Upos};

/// An actor found for one side of an event.
#[derive(Debug, Clone)]
struct Found {
    code: Option<String>,
    span: (usize, usize), // token range in the sentence
    person: bool,
    /// Last word of the name, upper case (for "Trump" after "Donald Trump").
    last: String,
    /// For a role coded with the country of its "in/of/from" phrase ("lawmakers in Gondor"):
    /// that country's head token and the role code, so that conjoined countries ("in Fornost
    /// and Gondor") each make an actor.
    role_country: Option<(usize, String)>,
}

/// Codes the documents of a batch; remembers the last actors of a document for pronouns.
pub struct Coder<'a> {
    dicts: &'a Dictionaries,
}

impl<'a> Coder<'a> {
    /// A coder over `dicts`.
    pub fn new(dicts: &'a Dictionaries) -> Coder<'a> {
        Coder { dicts }
    }

    /// Code one document.
    pub fn code(&self, doc: &Document, analysis: &Analysis) -> Vec<Event> {
        let date = story_date(doc);
        let mut events: Vec<Event> = Vec::new();
        // People the document names in full whom the dictionaries do not know: their surname
        // alone, even in a headline before the full name ("Howard attacks …" over "Michael
        // Howard"), is not a namesake the dictionaries know (John Howard).
        let mut memory: Vec<Found> = self.unknown_people(analysis, date);
        let mut mentions = Vec::new();
        for (si, s) in analysis.sentences.iter().enumerate() {
            let mut coded_verbs = Vec::new();
            // This sentence's events start here (earlier sentences' are settled).
            let first_event = events.len();
            for v in 0..s.tokens.len() {
                // Participles that describe ("Iran-backed Houthis", "escalating rhetoric") report
                // no event, unless the parser hung a main verb as one (`missed_main_verb`).
                let missed = tree::missed_main_verb(s, v);
                if !(s.tokens[v].upos == Upos::VERB || tree::verb_tagged_adjective(s, v))
                    || (matches!(s.tokens[v].deprel.as_str(), "amod" | "acl")
                        && missed.is_none()
                        && sides::statement_participle(s, v).is_none())
                    || hyphen_compound(s, v)
                {
                    continue;
                }
                let Some(vc) = self.verb_code(s, v) else {
                    continue;
                };
                // "Russia is set / scheduled / expected to attack": the expectation is no event
                // of its own; the act is to come.
                if EXPECTATION_VERBS.contains(&lemma(s, v).as_str())
                    && children(s, v)
                        .iter()
                        .any(|&c| s.tokens[c].deprel == "xcomp")
                    && children(s, v)
                        .iter()
                        .any(|&c| s.tokens[c].deprel == "aux:pass")
                {
                    continue;
                }
                // "organized a general strike": the strike is the event (see `performed_noun`).
                if self.noun_performed(s, v, Some(&vc)).is_some() {
                    continue;
                }
                let (mut code, back_code, rule) =
                    (vc.code.clone(), vc.back.clone(), vc.rule.clone());
                let kids = children(s, v);
                let by = |rel: &str| kids.iter().copied().find(|&c| s.tokens[c].deprel == rel);
                // "X agreed to hold exercises", "agreed that their countries should cooperate",
                // "agreed upon a free-trade pact": agreeing to do something is CAMEO's
                // expressed intent to cooperate (03: "offer, promise, agree to ... cooperate"),
                // not the diplomatic cooperation (050) CAMEO.2.0.txt gives "agree" alone.
                let agreed_to = by("xcomp").is_some()
                    || by("ccomp").is_some()
                    || kids.iter().any(|&c| {
                        s.tokens[c].deprel == "obl" && has_case(s, c, &["to", "on", "upon"])
                    });
                if code == "050" && lemma(s, v) == "agree" && agreed_to {
                    code = "030".to_string();
                }
                let (src_head, tgt_head) = sides::argument_heads(s, v, &code, missed);
                // Where the pattern put an actor (`+` target, `$` source): the first actor
                // from that word on, within the verb's clause.
                let (lo, hi) = subtree_span(s, v);
                let marked = |mark: Option<(usize, bool)>| -> Option<usize> {
                    let (from, forward) = mark?;
                    let coded = |i: &usize| {
                        matches!(s.tokens[*i].upos, Upos::PROPN | Upos::NOUN | Upos::PRON)
                            && self.actor(s, *i, date, &memory).code.is_some()
                    };
                    if forward {
                        (from..=hi).filter(|&i| i != v).find(coded)
                    } else {
                        (lo..=from.min(v)).rev().filter(|&i| i != v).find(coded)
                    }
                };
                let tgt_head = marked(vc.marks.target).or(tgt_head);
                let src_head = marked(vc.marks.source).or(src_head);
                let with_conj = |h: Option<usize>| -> Vec<Option<usize>> {
                    match h {
                        None => vec![None],
                        Some(h) => {
                            // Conjuncts of conjuncts too ("Mordor, Rohan, Fornost and Bree"
                            // parsed with Bree under Fornost).
                            let mut v = vec![Some(h)];
                            let mut k = 0;
                            while k < v.len() && v.len() < 16 {
                                let Some(x) = v[k] else { break };
                                v.extend(
                                    children(s, x)
                                        .into_iter()
                                        // A conjunct is marked by "and", "or" or a comma; one
                                        // without is a name the parser split.
                                        .filter(|&c| {
                                            s.tokens[c].deprel == "conj" && !split_name(s, x, c)
                                        })
                                        .map(Some),
                                );
                                k += 1;
                            }
                            v
                        }
                    }
                };
                let (mut modality, attribution) = self.modality(s, v);
                if modality == Modality::Asserted {
                    modality = self.served_modality(s, v);
                }
                if vc.negation && modality == Modality::Negated {
                    modality = Modality::Asserted;
                }
                // "X wants to attack Y": the wanting is what happened (CAMEO 138, threaten with
                // force), on the intent verb; if the intent verb has a code of its own, that
                // event says so and this one is only intended.
                let mut trigger = v;
                let mut back_code = back_code;
                // The act is intended by an intent verb coded on its own ("seeking to deepen
                // ties": the seeking is the expressed intent); no second intent is derived.
                let mut intent_coded = false;
                // "Putin is expected to visit China", "is scheduled to attend": an act others
                // expect is to come, but nobody expressed an intent (no derived 03 event).
                if let Some(h) = s.tokens[v].head.filter(|&h| {
                    s.tokens[v].deprel == "xcomp"
                        && EXPECTATION_VERBS.contains(&lemma(s, h).as_str())
                        && children(s, h)
                            .iter()
                            .any(|&c| s.tokens[c].deprel == "aux:pass")
                }) {
                    let (m, _) = self.modality(s, h);
                    modality = match m {
                        Modality::Asserted | Modality::Reported => Modality::Future,
                        other => other,
                    };
                    intent_coded = true;
                }
                // "Russia is ready to attack", "Syria is willing to withdraw": an adjective of
                // intent with a copula introduces an act the way an intent verb does.
                if let Some(h) = s.tokens[v].head.filter(|&h| {
                    s.tokens[v].deprel == "xcomp"
                        && (INTENT_VERBS.contains(&lemma(s, h).as_str())
                            || (s.tokens[h].upos == Upos::ADJ
                                && INTENT_ADJECTIVES.contains(&lemma(s, h).as_str())))
                }) {
                    let intent_verb_code = if s.tokens[h].upos == Upos::ADJ {
                        None
                    } else {
                        self.verb_code(s, h)
                    };
                    match (intent_verb_code, intent_code(&code)) {
                        (None, Some(intent)) => {
                            code = intent.to_string();
                            back_code = None;
                            trigger = h;
                            modality = self.modality(s, h).0;
                        }
                        (Some(_), intent) => {
                            if modality == Modality::Asserted {
                                modality = Modality::Future;
                            }
                            intent_coded = true;
                            // "seeking to deepen a partnership": the intent verb's generic
                            // intent (030) is the intent of this act (031, material
                            // cooperation), as CAMEO sorts intents by what is intended.
                            if let Some(intent) = intent.filter(|c| c.starts_with("03")) {
                                let at = s.tokens[h].span.start;
                                for e in events[first_event..]
                                    .iter_mut()
                                    .filter(|e| e.trigger.start == at && e.code == "030")
                                {
                                    self.recode(e, intent, &lemma(s, h));
                                }
                            }
                        }
                        // An act with no intent code of its own ("wants to criticise") is
                        // still only intended.
                        (None, None) => {
                            if modality == Modality::Asserted {
                                modality = Modality::Future;
                            }
                        }
                    }
                }
                // A time word attached to the verb ("late Tuesday", "on Monday") dates the event.
                let text_date = doc
                    .date
                    .as_deref()
                    .and_then(Date::parse)
                    .and_then(|publication| {
                        children(s, v).into_iter().find_map(|c| {
                            let rel = s.tokens[c].deprel.as_str();
                            if !(rel.starts_with("obl") || rel == "nmod:tmod" || rel == "advmod") {
                                return None;
                            }
                            dates::resolve(
                                &s.tokens[c].text,
                                publication,
                                modality == Modality::Future,
                            )
                        })
                    });
                // Sources: the subject and its conjuncts, and any further subject the parser
                // attached to the verb ("The US, Russia, and Switzerland met").
                let mut src_heads = with_conj(src_head);
                if let Some(first) = src_head {
                    if s.tokens[first].deprel == "nsubj" {
                        // A second subject right next to the first is one name the parser
                        // split ("Bree | Prime Minister Romendacil"), unless the first is no
                        // actor ("Old foes | Gondor and Osgiliath").
                        let first_coded = self.actor(s, first, date, &memory).code.is_some();
                        let (f_lo, f_hi) = subtree_span(s, first);
                        for c in kids.iter().copied() {
                            if c != first && s.tokens[c].deprel == "nsubj" {
                                let (c_lo, c_hi) = subtree_span(s, c);
                                let adjacent = c_lo == f_hi + 1 || c_hi + 1 == f_lo;
                                if !first_coded || !adjacent {
                                    src_heads.extend(with_conj(Some(c)));
                                }
                            }
                        }
                        // "France, Germany, and Italy condemned": the parser may hang the verb
                        // on the list's first name as its conjunct, with only the last name as
                        // its subject; the names before belong to the subject too.
                        if let Some(n) = s.tokens[v].head.filter(|&n| {
                            s.tokens[v].deprel == "conj"
                                && n < first
                                && matches!(s.tokens[n].upos, Upos::PROPN | Upos::NOUN)
                                && kids.iter().any(|&c| {
                                    s.tokens[c].deprel == "cc"
                                        && c < first
                                        && matches!(lemma(s, c).as_str(), "and" | "or")
                                })
                        }) {
                            let names = with_conj(Some(n)).into_iter().flatten().filter(|&x| {
                                matches!(s.tokens[x].upos, Upos::PROPN | Upos::NOUN) && x < first
                            });
                            src_heads.extend(names.map(Some).collect::<Vec<_>>());
                        }
                    }
                }
                // "The US, Russia, and Switzerland met": a name after a comma that the parser
                // took for part of the name before it is a member of the list.
                let listed: Vec<Option<usize>> = src_heads
                    .iter()
                    .flatten()
                    .flat_map(|&x| {
                        children(s, x).into_iter().filter(move |&c| {
                            s.tokens[c].deprel == "compound" && listed_name(s, x, c)
                        })
                    })
                    .map(Some)
                    .collect();
                src_heads.extend(listed);
                // Each head's actors (one per country for "lawmakers in A and B"); a missing
                // side stays one empty side.
                let actors_of = |heads: &[Option<usize>]| -> Vec<Option<Found>> {
                    heads
                        .iter()
                        .flat_map(|h| match h {
                            Some(h) => self
                                .actors(s, *h, date, &memory)
                                .into_iter()
                                .map(Some)
                                .collect(),
                            None => vec![None],
                        })
                        .collect()
                };
                let srcs = actors_of(&src_heads);
                let mut tgts = actors_of(&with_conj(tgt_head));
                // An object that is no actor may name one it is aimed at: "evidence against
                // Russia was presented", "presented a plan to Iran".
                if tgts
                    .iter()
                    .all(|t| t.as_ref().is_none_or(|f| f.code.is_none()))
                {
                    // Disapproving of an act ("condemned the Russian attack on Kiev",
                    // "criticised Israel's raid") is aimed at who did it.
                    let doer = tgt_head
                        .filter(|_| matches!(code.get(..2), Some("11" | "12")))
                        .filter(|&o| self.event_noun(s, o).is_some())
                        .and_then(|o| {
                            children(s, o).into_iter().find(|&c| {
                                (matches!(s.tokens[c].deprel.as_str(), "amod" | "nmod:poss")
                                    || (s.tokens[c].deprel == "nmod" && has_case(s, c, &["by"])))
                                    && self
                                        .actor(s, c, date, &memory)
                                        .code
                                        .is_some_and(|k| !k.starts_with("---"))
                            })
                        });
                    let aimed_at = doer.or_else(|| {
                        tgt_head.and_then(|o| {
                            children(s, o).into_iter().find(|&c| {
                                s.tokens[c].deprel == "nmod"
                                    && has_case(s, c, &["against", "on", "to", "toward", "towards"])
                                    && self.actor(s, c, date, &memory).code.is_some()
                            })
                        })
                    });
                    if aimed_at.is_some() {
                        tgts = actors_of(&with_conj(aimed_at));
                    }
                }
                // The target found is only where the act happened ("held talks in Geneva").
                let mut target_is_place = false;
                // The target was read from the verb's other dependents, not its object.
                let mut target_found_elsewhere = false;
                // No actor in the object ("restore ties with Gondor"): the first actor among the
                // verb's other dependents after it, with its conjuncts ("with X, Y and Z"). So
                // too when the object is the source's own ("offered its troops to Lebanon"):
                // what is given, not to whom.
                let country = |f: &Found| {
                    f.code
                        .as_deref()
                        .and_then(|c| c.get(..3))
                        .map(str::to_string)
                };
                let src_country = srcs.first().cloned().flatten().as_ref().and_then(country);
                let own_object = src_country.as_deref().is_some_and(|sc| sc != "---")
                    && tgts.iter().flatten().all(|t| country(t) == src_country)
                    && tgts.iter().flatten().any(|t| t.code.is_some());
                if own_object
                    || tgts
                        .iter()
                        .all(|t| t.as_ref().is_none_or(|f| f.code.is_none()))
                {
                    let first_src = srcs.first().cloned().flatten();
                    let src_span = first_src.as_ref().map(|f| f.span).unwrap_or((0, 0));
                    let src_code = first_src.as_ref().and_then(|f| f.code.clone());
                    // An intent verb's target is in its complement ("wants to attack X").
                    let within = match kids
                        .iter()
                        .copied()
                        .find(|&c| s.tokens[c].deprel == "xcomp")
                    {
                        Some(x)
                            if INTENT_VERBS.contains(&lemma(s, v).as_str())
                                || REFUSAL_VERBS.contains(&lemma(s, v).as_str()) =>
                        {
                            x
                        }
                        _ => v,
                    };
                    if let Some(i) = (v + 1..s.tokens.len())
                        .filter(|&i| {
                            matches!(s.tokens[i].upos, Upos::PROPN | Upos::NOUN)
                                && (dominated_by(s, i, v)
                                    || (within != v && dominated_by(s, i, within)))
                                && !(src_span.0..src_span.1).contains(&i)
                                && !tree::in_time_phrase(s, i, v)
                        })
                        .filter(|&i| {
                            !matches!(
                                s.tokens[i].deprel.as_str(),
                                "compound" | "flat" | "amod" | "nmod:poss" | "nmod:desc"
                            )
                        })
                        // Reading every noun of a long clause costs more than it finds.
                        .take(8)
                        .filter_map(|i| {
                            let f = self.actor(s, i, date, &memory);
                            (f.code.is_some()
                                && f.code != src_code
                                && !(own_object && country(&f) == src_country))
                                .then_some((i, country(&f)))
                        })
                        // Another country's actor before the source's own: "bans on travel
                        // to Canada against officers in the Russian military" are aimed at
                        // the Russians, whatever Canadian word comes first. (A reversed
                        // pattern's "target" is its source: "faces pressure from Congress"
                        // keeps the text's order.)
                        .try_fold(None, |first: Option<usize>, (i, c)| {
                            let prefer = !vc.reversed
                                && src_country.as_deref().is_some_and(|sc| sc != "---");
                            let other = c
                                .as_deref()
                                .is_some_and(|c| src_country.as_deref() != Some(c) && c != "---");
                            if !prefer || other {
                                Err(i)
                            } else {
                                Ok(first.or(Some(i)))
                            }
                        })
                        .map_or_else(Some, |first| first)
                    {
                        tgts = with_conj(Some(i))
                            .iter()
                            .map(|h| h.map(|h| self.actor(s, h, date, &memory)))
                            .filter(|f| f.as_ref().is_some_and(|f| f.code.is_some()))
                            .collect();
                        target_is_place = has_case(s, i, &["in", "at"]);
                        target_found_elsewhere = true;
                    }
                }
                let mut srcs = srcs;
                self.localise(s, v, date, &memory, &mut srcs, &mut tgts);
                // (source, target, mutual): mutual pairs are also coded from the target's side.
                let mut pairs: Vec<(Option<Found>, Option<Found>, bool)> = Vec::new();
                let coded = |f: &Option<Found>| f.as_ref().is_some_and(|f| f.code.is_some());
                let coded_srcs: Vec<&Option<Found>> = srcs.iter().filter(|f| coded(f)).collect();
                // Acts that two sides do together: meeting, agreeing, cooperating, breaking off
                // relations, fighting. "X and Y warned" is two warnings, not X warning Y.
                let joint = matches!(
                    &code[..2.min(code.len())],
                    "03" | "04" | "05" | "06" | "16" | "19"
                );
                if (!tgts.iter().any(coded) || target_is_place) && coded_srcs.len() > 1 && joint {
                    // A compound subject without a target acts among its members ("Gondor and
                    // Osgiliath renewed ties", "France and the Philippines agree"), as in
                    // PETRARCH: each on each other, both ways (the reverse side below). So too
                    // where the only other actor is the place ("Iran and Iraq held talks in
                    // Geneva").
                    // Where the members come from several countries ("police authorities in
                    // the US and Canada"), the act is between the countries: two of one country
                    // act together, not on each other.
                    let country_of = |f: &Option<Found>| f.as_ref().and_then(country);
                    let several = coded_srcs
                        .iter()
                        .any(|f| country_of(f) != country_of(coded_srcs[0]));
                    for (a, x) in coded_srcs.iter().enumerate() {
                        for y in &coded_srcs[a + 1..] {
                            if several && country_of(x) == country_of(y) {
                                continue;
                            }
                            pairs.push(((*x).clone(), (*y).clone(), true));
                        }
                    }
                } else {
                    for src in &srcs {
                        for tgt in &tgts {
                            pairs.push((src.clone(), tgt.clone(), false));
                        }
                    }
                }
                for (mut src, mut tgt, mutual) in pairs {
                    {
                        // A medium addressed ("told reporters", "told Bloomberg News") is no
                        // target: the event is the statement.
                        if tgt
                            .as_ref()
                            .and_then(|f| f.code.as_deref())
                            .is_some_and(|c| c.ends_with("MED"))
                        {
                            tgt = None;
                        }
                        // No source, or a news medium as source: not an event (media report, they
                        // do not act) — except violence done to someone named: "three Iraqi
                        // civilians were killed in a car bombing", "a roadside bomb killed a US
                        // soldier" happened, by a hand the text does not name (no source code).
                        // The hand is unnamed when the subject is a weapon or an attack ("a
                        // roadside bombing") or there is none where the grammar has none;
                        // an earthquake or a drought that "hit Chile" is no violence.
                        let unnamed_hand = match src_head {
                            Some(h) => {
                                crate::lexicon::unnamed_hand(&lemma(s, h))
                                    || ATTACK_NOUNS.contains(&lemma(s, h).as_str())
                            }
                            // No subject: a passive ("were killed in a bombing"), or a
                            // participle after the clause that says who ("…, killing 50").
                            None => {
                                children(s, v).iter().any(|&c| {
                                    matches!(s.tokens[c].deprel.as_str(), "nsubj:pass" | "aux:pass")
                                }) || (s.tokens[v].deprel == "advcl" && s.tokens[v].xpos == "VBG")
                            }
                        };
                        // Done to the one the verb's object or passive subject names: "a
                        // process would be set in motion … about its operations in Germany"
                        // is no violence done to Germany.
                        let violence_to_someone = matches!(code.get(..2), Some("18" | "19" | "20"))
                            && unnamed_hand
                            && !target_found_elsewhere
                            && tgt
                                .as_ref()
                                .and_then(|f| f.code.as_deref())
                                .is_some_and(|c| !c.starts_with("---"));
                        match src.as_ref().and_then(|f| f.code.as_deref()) {
                            None if violence_to_someone => src = None,
                            None => continue,
                            Some(c) if c.ends_with("MED") => continue,
                            _ => {}
                        }
                        // Nobody in particular on either side ("the company said", "officials
                        // said"): no event data — no country, organisation or person acts.
                        let generic = |f: &Option<Found>| {
                            f.as_ref()
                                .and_then(|f| f.code.as_deref())
                                .is_none_or(|c| c.starts_with("---"))
                        };
                        // A claim of violence is itself an act (see `Coder::claim`), even when
                        // the act names nobody in particular: "the Observatory said people were
                        // killed by government forces" accuses them.
                        let claim = self.claim(
                            doc,
                            (si, s),
                            (v, &code, modality),
                            (src.as_ref(), tgt.as_ref()),
                            text_date,
                            (date, &memory),
                            &events,
                        );
                        if generic(&src) && generic(&tgt) {
                            if let Some(c) = claim {
                                events.push(c);
                                coded_verbs.push(v);
                            }
                            continue;
                        }
                        // An actor acting on itself ("Netanyahu convened his ministers") is
                        // no interaction (PETRARCH drops these too).
                        if tgt.as_ref().and_then(|f| f.code.as_deref())
                            == src.as_ref().and_then(|f| f.code.as_deref())
                        {
                            continue;
                        }
                        let both = tgt.as_ref().is_some_and(|f| f.code.is_some());
                        // A reciprocal event ("met with") is also coded from the target's side.
                        // "X received assurances from Y" (`[:030]`): Y assures X.
                        if vc.reversed {
                            if !both {
                                continue;
                            }
                            std::mem::swap(&mut src, &mut tgt);
                        }
                        let mut sides = vec![(code.clone(), src.clone(), tgt.clone())];
                        // A place where the act happened ("attend a summit in Switzerland",
                        // "held talks in New York") does not act back; a country one arrives
                        // in or visits does ("arrived in Jakarta for talks": Indonesia hosts).
                        let arrival = ARRIVAL_VERBS.contains(&lemma(s, v).as_str());
                        let acts_back = both && (!target_is_place || arrival);
                        if let (Some(back), true) = (&back_code, acts_back) {
                            sides.push((back.clone(), tgt.clone(), src.clone()));
                        } else if mutual {
                            sides.push((code.clone(), tgt.clone(), src.clone()));
                        }
                        // "Switzerland said it had expelled two Russian diplomats": what an
                        // actor reports of its own deeds it has done (PETRARCH-2: "~ a (a b Q)
                        // SAY = a b Q"); its claims of violence are claims (`Coder::claim`).
                        let self_report = modality == Modality::Reported
                            && !matches!(code.get(..2), Some("18" | "19" | "20"))
                            && src
                                .as_ref()
                                .and_then(|f| f.code.as_deref())
                                .is_some_and(|c| {
                                    !c.starts_with("---")
                                        && self.speaker_code(s, trigger, date, &memory).as_deref()
                                            == Some(c)
                                });
                        let modality = if self_report {
                            Modality::Asserted
                        } else {
                            modality
                        };
                        for (code, src, tgt) in sides {
                            events.push(self.event(
                                doc,
                                (si, s),
                                trigger,
                                &code,
                                (src.as_ref(), tgt.as_ref()),
                                (modality, attribution.clone()),
                                text_date,
                                &rule,
                                if both { 0.8 } else { 0.5 },
                            ));
                        }
                        // "X will visit Y", "X will impose sanctions": the act is to come, but
                        // saying so happened — CAMEO's expressed intent (03) or threat (13),
                        // asserted, as PLOVER's AGREE and THREATEN read such sentences.
                        if modality == Modality::Future && !intent_coded {
                            if let Some(intent) = intent_code(&code) {
                                events.push(self.event(
                                    doc,
                                    (si, s),
                                    trigger,
                                    intent,
                                    (src.as_ref(), tgt.as_ref()),
                                    (Modality::Asserted, attribution.clone()),
                                    None,
                                    "herald:intent",
                                    if both { 0.6 } else { 0.4 },
                                ));
                            }
                        }
                        // "Iran will not negotiate with the US", "Obama said he would not
                        // provide support to Israel": announcing that one will not do a
                        // cooperative act rejects it (CAMEO 12), and that happened — unless
                        // the speaker speaks of someone else's act.
                        if modality == Modality::Negated {
                            let announced = children(s, v).iter().any(|&c| {
                                s.tokens[c].deprel == "aux"
                                    && matches!(lemma(s, c).as_str(), "will" | "would")
                            });
                            let own_act = match self.speech_of(s, v) {
                                None => true,
                                Some(sv) => self
                                    .subject_actor(s, sv, date, &memory)
                                    .and_then(|f| f.code)
                                    .is_some_and(|c| {
                                        src.as_ref().and_then(|f| f.code.as_ref()) == Some(&c)
                                    }),
                            };
                            if let Some(refusal) =
                                refusal_code(&code).filter(|_| announced && own_act)
                            {
                                events.push(self.event(
                                    doc,
                                    (si, s),
                                    trigger,
                                    refusal,
                                    (src.as_ref(), tgt.as_ref()),
                                    (Modality::Asserted, attribution.clone()),
                                    text_date,
                                    "herald:refusal",
                                    if both { 0.6 } else { 0.4 },
                                ));
                            }
                        }
                        // "X said Y must do Z": X demands (must) or urges (should) it of Y.
                        if let (Some(code_of_saying), Some(sv)) = (
                            reported_obligation(s, v, self.speech_of(s, v)),
                            self.speech_of(s, v),
                        ) {
                            let speaker = self
                                .subject_actor(s, sv, date, &memory)
                                .filter(|f| f.code.as_deref().is_some_and(|c| !c.ends_with("MED")));
                            let asked = src.as_ref().filter(|f| f.code.is_some());
                            if let (Some(sp), Some(asked)) = (speaker, asked) {
                                // A bare statement on the speech verb ("declared" → 010) says
                                // less than the demand: the demand replaces it.
                                let on_sv = |e: &Event| {
                                    e.sentence == si
                                        && e.trigger.start == s.tokens[sv].span.start
                                        && e.target.code == asked.code
                                };
                                events.retain(|e| !(on_sv(e) && e.code.starts_with("01")));
                                let exists = events.iter().any(on_sv);
                                if sp.code != asked.code && !exists {
                                    events.push(self.event(
                                        doc,
                                        (si, s),
                                        sv,
                                        code_of_saying,
                                        (Some(&sp), Some(asked)),
                                        (Modality::Asserted, None),
                                        text_date,
                                        "herald:obligation",
                                        0.5,
                                    ));
                                }
                            }
                        }
                        events.extend(claim);
                        coded_verbs.push(v);
                    }
                }
            }
            // "X said Y must …" whatever Y must do, even what the dictionaries do not code
            // ("Libya must hand over the bombers", "China must drop barriers"): X demands it.
            self.obligations(doc, (si, s), date, &memory, &mut events, first_event);
            // A speech verb whose reported clause was coded is attribution, not an event.
            let mut this_sentence = events.split_off(first_event);
            this_sentence.retain(|e| {
                if e.rule == "herald:claim" || e.rule == "herald:obligation" {
                    return true;
                }
                let v = s
                    .tokens
                    .iter()
                    .position(|t| t.span.start == e.trigger.start)
                    .unwrap_or(0);
                // With a repaired main verb ("bulldozers demolished …, officials said"), the
                // speech verb its noun hangs from reports it too.
                let reports = |c: usize| {
                    clause_of(s, c) == Some(v)
                        || (s.tokens[c].deprel == "acl"
                            && s.tokens[c].head.and_then(|h| s.tokens[h].head) == Some(v))
                };
                !(SPEECH_VERBS.contains(&lemma(s, v).as_str())
                    && coded_verbs.iter().any(|&c| c != v && reports(c)))
            });
            events.append(&mut this_sentence);
            self.noun_events(doc, (si, s), date, &memory, &mut mentions, &mut events);
            // Remember this sentence's actors for pronouns in later ones.
            // People are remembered whether the dictionaries know them or not: "he" and "Mr
            // Howard" refer to them.
            for (i, t) in s.tokens.iter().enumerate() {
                if t.ent.starts_with("B-") {
                    let f = self.actor(s, i, date, &memory);
                    let person = t.ent.ends_with("PERSON");
                    if f.code.is_some() || person {
                        // Once per actor, at its latest mention: the memory is searched for
                        // every actor phrase, so it holds each only once.
                        memory.retain(|m| !(m.last == f.last && m.code == f.code));
                        memory.push(Found { person, ..f });
                    }
                }
            }
        }
        events.into_iter().flat_map(split_actor_lists).collect()
    }
}
