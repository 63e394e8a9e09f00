//! Events named by a noun: "their recent phone conversation", "The call, which took place on
//! Monday", "talks between Israel and Hamas", "sanctions on Syria", "criticism from Israeli
//! officials". The noun's participants come from its own dependents (possessive, "between X
//! and Y", "with X", "on X", "from X", a demonym or name before it); its modality from its
//! modifiers ("a potential strike") and the verb that governs it ("push for a ceasefire" is
//! requested); its date from a time word on the noun, its relative clause or its verb ("The call
//! took place on Monday"). A definite noun without participants ("The call") refers back to the
//! last event of its kind in the document: it dates that event instead of making a new one.

use crate::lexicon::APPEAL_VERBS;
use crate::tree::{children, lemma};
use crate::{dates, Coder, Found};
use herald_dict::nouns::NounKind;
use herald_dict::Date;
use herald_doc::{Document, Event, Modality, Sentence, Upos};

/// Adjectives that make the event named by a noun a possibility, not a fact.
const HYPOTHETICAL_ADJ: [&str; 10] = [
    "potential",
    "possible",
    "proposed",
    "planned",
    "future",
    "prospective",
    "likely",
    "expected",
    "hypothetical",
    "would-be",
];
/// Verbs whose object names an event the subject wants, not one that happened.
const INTENT_VERBS: [&str; 12] = [
    "attempt", "try", "seek", "aim", "hope", "plan", "want", "intend", "propose", "offer",
    "revive", "consider",
];
/// Verbs whose object is an act done to their subject ("moves that drew criticism").
const UNDERGO_VERBS: [&str; 9] = [
    "draw", "attract", "face", "receive", "spark", "provoke", "trigger", "prompt", "earn",
];

/// Verbs by which the subject does what the noun names ("students staged demonstrations",
/// "workers began a general strike"): when the dictionaries give the verb no code of its own,
/// the noun is the event and the verb's subject its source.
const PERFORM_VERBS: [&str; 22] = [
    "stage",
    "hold",
    "launch",
    "begin",
    "start",
    "organize",
    "organise",
    "continue",
    "mount",
    "conduct",
    "call",
    "lead",
    "carry",
    "wage",
    "renew",
    "resume",
    "reopen",
    "open",
    "complete",
    "finish",
    "speed",
    "accelerate",
];
/// What withdraws when a withdrawal is a military one ("the withdrawal of US troops"); the
/// withdrawal of anything else (support, an ambassador, an application) is no retreat.
const ARMED_FORCES: [&str; 16] = [
    "troop",
    "force",
    "soldier",
    "army",
    "military",
    "unit",
    "personnel",
    "fighter",
    "militant",
    "rebel",
    "tank",
    "contingent",
    "peacekeeper",
    "brigade",
    "battalion",
    "division",
];

/// An event noun coded earlier in the document, for definite references back to it.
pub(crate) struct NounMention {
    /// Two-digit root of its code.
    root: String,
    /// Index of its events in the document's event list.
    events: Vec<usize>,
}

fn case_of(s: &Sentence, n: usize) -> Option<String> {
    children(s, n)
        .into_iter()
        .find(|&g| s.tokens[g].deprel == "case")
        .map(|g| lemma(s, g))
}

impl Coder<'_> {
    /// The event noun at token `n` ("strike", with a compound before it "hunger strike").
    pub(crate) fn event_noun(
        &self,
        s: &Sentence,
        n: usize,
    ) -> Option<&herald_dict::nouns::EventNoun> {
        let before: Vec<String> = children(s, n)
            .into_iter()
            .filter(|&c| c + 1 == n && matches!(s.tokens[c].deprel.as_str(), "compound" | "amod"))
            .map(|c| s.tokens[c].lemma.to_uppercase())
            .collect();
        self.dicts
            .nouns
            .lookup(&before, &s.tokens[n].lemma.to_uppercase())
    }

    /// The event noun verb `v` performs: "students staged demonstrations", "parties organized a
    /// general strike". The verb does what its object names when the dictionaries give it no
    /// code of its own for that object — none at all, or only its block's default (CAMEO.2.0.txt
    /// codes "organize" as coordinating, 050): the noun is then the event, not the verb.
    pub(crate) fn performed_noun(&self, s: &Sentence, v: usize) -> Option<usize> {
        self.noun_performed(s, v, None)
    }

    /// `performed_noun`, with the verb's code when the caller has it already.
    pub(crate) fn noun_performed(
        &self,
        s: &Sentence,
        v: usize,
        known: Option<&crate::patterns::VerbCode>,
    ) -> Option<usize> {
        let n = self.performed_object(s, v)?;
        // A pattern codes the verb ("HOLD * TALKS", "launched an attack on" as criticism),
        // unless it was written for another verb of the block and reads another kind of act
        // than the noun ("staged a hunger strike in prison" is no PLACE "* (IN &DETENTION)",
        // an arrest).
        let noun_root = self
            .event_noun(s, n)
            .and_then(|e| e.code.get(..2).map(str::to_string));
        let computed;
        let vc = match known {
            Some(vc) => Some(vc),
            None => {
                computed = self.verb_code(s, v);
                computed.as_ref()
            }
        };
        match vc {
            Some(vc)
                if vc.by_pattern && !(vc.foreign && vc.code.get(..2) != noun_root.as_deref()) =>
            {
                None
            }
            _ => Some(n),
        }
    }

    /// The event noun a perform verb `v` takes as its object, whatever the verb's code (see
    /// `performed_noun`, which also asks the dictionaries).
    pub(crate) fn performed_object(&self, s: &Sentence, v: usize) -> Option<usize> {
        if s.tokens[v].upos != Upos::VERB || !PERFORM_VERBS.contains(&lemma(s, v).as_str()) {
            return None;
        }
        let n = children(s, v)
            .into_iter()
            .find(|&c| s.tokens[c].deprel == "obj" && s.tokens[c].upos == Upos::NOUN)?;
        self.event_noun(s, n).map(|_| n)
    }

    /// The events named by nouns in sentence `si`, appended to `events`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn noun_events(
        &self,
        doc: &Document,
        (si, s): (usize, &Sentence),
        date: Date,
        memory: &[Found],
        mentions: &mut Vec<NounMention>,
        events: &mut Vec<Event>,
    ) {
        let publication = doc.date.as_deref().and_then(Date::parse);
        for n in 0..s.tokens.len() {
            let t = &s.tokens[n];
            if t.upos != Upos::NOUN || matches!(t.deprel.as_str(), "compound" | "amod") {
                continue;
            }
            let kids = children(s, n);
            let Some(noun) = self.event_noun(s, n) else {
                continue;
            };
            // "calls for a ceasefire" is an appeal, left to the verb dictionary.
            if lemma(s, n) == "call"
                && kids
                    .iter()
                    .any(|&c| case_of(s, c).as_deref() == Some("for"))
            {
                continue;
            }
            // The object of a verb is the verb's to say: "held talks", "imposed sanctions" are
            // coded by their verbs, and "eased sanctions", "discussed a ceasefire" are no new
            // sanctions or ceasefire. Only "drew criticism" and kin make the noun the event.
            let head = t.head;
            let performed = head.filter(|&h| self.performed_noun(s, h) == Some(n));
            // "Talks between Israel and Hamas were held in Cairo": what a perform verb's
            // passive subject names happened, between the noun's own participants.
            // Not what was "called off".
            let performed_passive = t.deprel == "nsubj:pass"
                && head.is_some_and(|h| {
                    PERFORM_VERBS.contains(&lemma(s, h).as_str())
                        && !children(s, h)
                            .iter()
                            .any(|&c| s.tokens[c].deprel == "compound:prt" && lemma(s, c) == "off")
                });
            if let Some(h) = head {
                if matches!(t.deprel.as_str(), "obj" | "nsubj:pass")
                    && s.tokens[h].upos == Upos::VERB
                    && !UNDERGO_VERBS.contains(&lemma(s, h).as_str())
                    && performed.is_none()
                    && !performed_passive
                {
                    continue;
                }
            }
            // Participants.
            let coded = |i: usize| {
                let f = self.actor(s, i, date, memory);
                f.code.is_some().then_some(f)
            };
            let mut sources: Vec<Found> = Vec::new();
            let mut targets: Vec<Found> = Vec::new();
            let mut members: Vec<Found> = Vec::new();
            // A departure of something other than armed forces ("withdrawal of support").
            let mut departs_unarmed = false;
            for &c in &kids {
                let rel = s.tokens[c].deprel.as_str();
                let with_conj = |c: usize| {
                    std::iter::once(c).chain(
                        children(s, c)
                            .into_iter()
                            .filter(|&g| s.tokens[g].deprel == "conj"),
                    )
                };
                match rel {
                    "nmod:poss" if lemma(s, c) == "their" => {
                        members.extend(self.plural_antecedents(s, c, date, memory));
                    }
                    // A role word alone ("a military strike") names no participant.
                    "nmod:poss" | "amod" | "compound" => {
                        if let Some(f) = coded(c)
                            .filter(|f| !f.code.as_deref().is_some_and(|c| c.starts_with("---")))
                        {
                            members.push(f);
                        }
                    }
                    "nmod" => {
                        let case = case_of(s, c).unwrap_or_default();
                        let found: Vec<Found> = with_conj(c).filter_map(coded).collect();
                        if noun.kind == NounKind::Departure {
                            // Who leaves ("of US troops"), whom it leaves ("from Gaza").
                            match case.as_str() {
                                "of" => {
                                    let l = lemma(s, c);
                                    if !ARMED_FORCES.contains(&l.trim_end_matches('s')) {
                                        departs_unarmed = true;
                                    }
                                    sources.extend(found);
                                    // "the withdrawal of US troops from Iraq", with "from
                                    // Iraq" hung on the troops.
                                    for g in children(s, c) {
                                        if s.tokens[g].deprel == "nmod"
                                            && case_of(s, g).as_deref() == Some("from")
                                        {
                                            targets.extend(with_conj(g).filter_map(coded));
                                        }
                                    }
                                }
                                "from" => targets.extend(found),
                                _ => {}
                            }
                            continue;
                        }
                        match case.as_str() {
                            "by" | "from" => sources.extend(found),
                            "between" | "among" | "with" => members.extend(found),
                            "on" | "against" | "of" | "to" | "toward" | "towards" | "at"
                            | "over" | "into" => targets.extend(found),
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            // "moves that have drawn sharp criticism from X": X criticises whoever made the
            // moves, the subject up the tree from the verb.
            if let Some(h) = head {
                if t.deprel == "obj" && UNDERGO_VERBS.contains(&lemma(s, h).as_str()) {
                    if let Some(f) = self.subject_up(s, h, date, memory) {
                        targets.push(f);
                    }
                    // "drawn criticism from X" with "from X" on the verb.
                    for c in children(s, h) {
                        if s.tokens[c].deprel == "obl"
                            && matches!(case_of(s, c).as_deref(), Some("from" | "by"))
                        {
                            sources.extend(coded(c));
                        }
                    }
                }
            }
            // "X staged a protest": X does it; "X and Y renewed negotiations": both do.
            if let Some(h) = performed {
                if let Some(f) = self.subject_up(s, h, date, memory) {
                    let conjuncts: Vec<Found> = children(s, h)
                        .into_iter()
                        .filter(|&c| s.tokens[c].deprel.starts_with("nsubj"))
                        .flat_map(|c| children(s, c))
                        .filter(|&c| s.tokens[c].deprel == "conj")
                        .filter_map(coded)
                        .collect();
                    sources.push(f);
                    sources.extend(conjuncts);
                }
            }
            if departs_unarmed {
                continue;
            }
            // News media report, they do not act ("Reuters inquiries").
            sources.retain(|f| !f.code.as_deref().is_some_and(|c| c.ends_with("MED")));
            members.retain(|f| !f.code.as_deref().is_some_and(|c| c.ends_with("MED")));
            let mut pairs: Vec<(Found, Option<Found>)> = Vec::new();
            match noun.kind {
                // Leaving an organisation ("Britain's withdrawal from the EU") is no retreat;
                // a withdrawal that names no place left still happened.
                NounKind::Departure => {
                    let srcs = if sources.is_empty() { members } else { sources };
                    if targets
                        .iter()
                        .any(|t| t.code.as_deref().is_some_and(|c| c.starts_with("IGO")))
                    {
                        continue;
                    }
                    for a in &srcs {
                        // "the troops' withdrawal": nobody in particular left nowhere named.
                        let generic = a.code.as_deref().is_none_or(|c| c.starts_with("---"));
                        if targets.is_empty() && !generic {
                            pairs.push((a.clone(), None));
                        }
                        for b in &targets {
                            if a.code != b.code {
                                pairs.push((a.clone(), Some(b.clone())));
                            }
                        }
                    }
                }
                NounKind::Mutual => {
                    let mut all: Vec<Found> =
                        members.into_iter().chain(sources).chain(targets).collect();
                    all.dedup_by(|a, b| a.code == b.code);
                    for (i, a) in all.iter().enumerate() {
                        for b in &all[i + 1..] {
                            if a.code != b.code {
                                pairs.push((a.clone(), Some(b.clone())));
                                pairs.push((b.clone(), Some(a.clone())));
                            }
                        }
                    }
                }
                NounKind::Directed => {
                    let srcs = if sources.is_empty() { members } else { sources };
                    for a in &srcs {
                        for b in &targets {
                            if a.code != b.code {
                                pairs.push((a.clone(), Some(b.clone())));
                            }
                        }
                    }
                    // Dissent and investigation need no target to have happened
                    // ("students staged demonstrations", "the UN opened an investigation");
                    // other directed acts without one are left out.
                    if targets.is_empty() && noun.code.starts_with("14") {
                        pairs.extend(srcs.iter().map(|a| (a.clone(), None)));
                    }
                    // An investigation by someone in particular ("the company's inquiry" is
                    // nobody's).
                    if targets.is_empty() && noun.code.starts_with("09") {
                        pairs.extend(
                            srcs.iter()
                                .filter(|a| {
                                    !a.code.as_deref().is_some_and(|c| c.starts_with("---"))
                                })
                                .map(|a| (a.clone(), None)),
                        );
                    }
                }
            }
            let text_date = publication.and_then(|p| self.noun_date(s, n, p));
            let root = noun.code.get(..2).unwrap_or(&noun.code).to_string();
            if pairs.is_empty() {
                // "The call, which took place on Monday": the call mentioned before, dated now.
                let definite = kids.iter().any(|&c| {
                    s.tokens[c].deprel == "det"
                        && matches!(lemma(s, c).as_str(), "the" | "this" | "that")
                });
                if let (true, Some(d)) = (definite, text_date) {
                    if let Some(m) = mentions.iter().rev().find(|m| m.root == root) {
                        for &i in &m.events {
                            events[i].date = Some(d.to_string());
                            events[i].date_basis = "text".to_string();
                        }
                    }
                }
                continue;
            }
            let (modality, attribution) = self.noun_modality(s, n);
            let rule = format!("herald.nouns.txt:{}", noun.line);
            let mut ids = Vec::new();
            for (a, b) in pairs {
                ids.push(events.len());
                events.push(self.event(
                    doc,
                    (si, s),
                    n,
                    &noun.code,
                    (Some(&a), b.as_ref()),
                    (modality, attribution.clone()),
                    text_date,
                    &rule,
                    0.6,
                ));
            }
            mentions.push(NounMention { root, events: ids });
        }
    }

    /// "their": the two nearest distinct actors before it, people first (a call is between
    /// leaders), never news media; in this sentence, then earlier ones.
    fn plural_antecedents(
        &self,
        s: &Sentence,
        at: usize,
        date: Date,
        memory: &[Found],
    ) -> Vec<Found> {
        let mut candidates: Vec<Found> = (0..at)
            .rev()
            .filter(|&i| s.tokens[i].ent.starts_with("B-"))
            .map(|i| self.actor(s, i, date, memory))
            // An actor of an earlier sentence stands here as the pronoun itself.
            .chain(memory.iter().rev().map(|f| Found {
                span: (at, at + 1),
                ..f.clone()
            }))
            .filter(|f| f.code.as_deref().is_some_and(|c| !c.ends_with("MED")))
            .collect();
        // Stable: people keep their order of nearness, ahead of everything else.
        candidates.sort_by_key(|f| !f.person);
        let mut out: Vec<Found> = Vec::new();
        for f in candidates {
            if !out.iter().any(|o| o.code == f.code) {
                out.push(f);
            }
            if out.len() == 2 {
                return out;
            }
        }
        Vec::new()
    }

    /// The first actor subject found walking up the tree from token `v`.
    fn subject_up(&self, s: &Sentence, v: usize, date: Date, memory: &[Found]) -> Option<Found> {
        let mut x = v;
        for _ in 0..s.tokens.len() {
            if let Some(c) = children(s, x).into_iter().find(|&c| {
                s.tokens[c].deprel.starts_with("nsubj") && s.tokens[c].upos != Upos::PRON
            }) {
                let f = self.actor(s, c, date, memory);
                if f.code.is_some() {
                    return Some(f);
                }
            }
            x = s.tokens[x].head?;
        }
        None
    }

    /// A time word on the noun, in its relative clause, or on the verb it is the subject of.
    fn noun_date(&self, s: &Sentence, n: usize, publication: Date) -> Option<Date> {
        let mut places = vec![n];
        places.extend(
            children(s, n)
                .into_iter()
                .filter(|&c| s.tokens[c].deprel == "acl:relcl"),
        );
        // The verb it is the subject or object of: "The call took place on Monday", "Israel
        // began its withdrawal on Monday".
        if let Some(h) = s.tokens[n].head {
            if s.tokens[n].deprel.starts_with("nsubj") || s.tokens[n].deprel == "obj" {
                places.push(h);
            }
        }
        places.into_iter().find_map(|p| {
            children(s, p).into_iter().find_map(|c| {
                let rel = s.tokens[c].deprel.as_str();
                let timeish = rel.starts_with("obl") || rel.starts_with("nmod") || rel == "advmod";
                timeish
                    .then(|| dates::resolve(&s.tokens[c].text, publication, false))
                    .flatten()
            })
        })
    }

    /// Hypothetical for "a potential strike"; requested or intended when the governing verb
    /// asks for or aims at the event ("push for a ceasefire", "attempting to revive talks");
    /// else the governing verb's modality.
    fn noun_modality(&self, s: &Sentence, n: usize) -> (Modality, Option<herald_doc::TextSpan>) {
        if children(s, n).iter().any(|&c| {
            s.tokens[c].deprel == "amod" && HYPOTHETICAL_ADJ.contains(&lemma(s, c).as_str())
        }) {
            return (Modality::Hypothetical, None);
        }
        // Up to the governing verb, through nouns ("a ceasefire agreement with X").
        let mut x = n;
        let mut verb = None;
        for _ in 0..s.tokens.len() {
            let Some(h) = s.tokens[x].head else { break };
            if s.tokens[h].upos == Upos::VERB {
                verb = Some(h);
                break;
            }
            x = h;
        }
        let Some(v) = verb else {
            return (Modality::Asserted, None);
        };
        // The verb and the verbs whose complement it is ("attempting to revive").
        let mut y = v;
        for _ in 0..s.tokens.len() {
            let l = lemma(s, y);
            if APPEAL_VERBS.contains(&l.as_str()) {
                return (Modality::Requested, self.modality(s, v).1);
            }
            if INTENT_VERBS.contains(&l.as_str()) {
                return (Modality::Future, self.modality(s, v).1);
            }
            match s.tokens[y].head {
                Some(h) if s.tokens[y].deprel == "xcomp" => y = h,
                _ => break,
            }
        }
        self.modality(s, v)
    }
}
