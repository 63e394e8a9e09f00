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
//! This first version codes verbs only (not event nouns) and leaves locations empty.
#![deny(missing_docs)]

pub mod dates;

use herald_dict::codes::CodeTables;
use herald_dict::verbs::{CodeSpec, PatternElem, VerbDictionary, VerbPattern};
use herald_dict::{ActorDictionary, AgentDictionary, Date, DictError};
use herald_doc::{
    ActorRef, Analysis, Document, Event, Modality, PloverEvent, Sentence, TextSpan, Upos,
};
use std::path::Path;

/// Everything the coder looks things up in.
pub struct Dictionaries {
    /// Actors (herald's dated files first, then PETRARCH's).
    pub actors: ActorDictionary,
    /// Agent words.
    pub agents: AgentDictionary,
    /// Verbs and patterns (herald's additions first).
    pub verbs: Vec<VerbDictionary>,
    /// CAMEO codes and the PLOVER mapping.
    pub codes: CodeTables,
}

/// Errors loading dictionaries.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A file could not be read.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        error: std::io::Error,
    },
    /// An agent file could not be parsed.
    #[error(transparent)]
    Dict(#[from] DictError),
}

fn read(path: &Path) -> Result<String, LoadError> {
    std::fs::read_to_string(path).map_err(|e| LoadError::Io {
        path: path.display().to_string(),
        error: e,
    })
}

impl Dictionaries {
    /// Load herald's shipped dictionaries from its `data/` folder. Returns the skipped lines too.
    pub fn load(data: &Path) -> Result<(Dictionaries, Vec<DictError>), LoadError> {
        let mut problems = Vec::new();
        let mut actors = ActorDictionary::default();
        let mut own: Vec<_> = std::fs::read_dir(data.join("actors"))
            .map_err(|e| LoadError::Io {
                path: data.join("actors").display().to_string(),
                error: e,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "actors"))
            .collect();
        own.sort();
        for p in own {
            problems.extend(actors.add_herald(&p.display().to_string(), &read(&p)?));
        }
        for f in [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
        ] {
            let p = data.join("petrarch2").join(f);
            problems.extend(actors.add(f, &read(&p)?));
        }
        let agents = AgentDictionary::parse(
            "Phoenix.agents.txt",
            &read(&data.join("petrarch2/Phoenix.agents.txt"))?,
        )?;
        let mut verbs = Vec::new();
        for (name, p) in [
            ("herald.verbs.txt", data.join("verbs/herald.verbs.txt")),
            ("CAMEO.2.0.txt", data.join("petrarch2/CAMEO.2.0.txt")),
        ] {
            let (v, pr) = VerbDictionary::parse(name, &read(&p)?);
            problems.extend(pr);
            verbs.push(v);
        }
        Ok((
            Dictionaries {
                actors,
                agents,
                verbs,
                codes: CodeTables::shipped(),
            },
            problems,
        ))
    }
}

const APPEAL_VERBS: [&str; 10] = [
    "urge", "ask", "call", "demand", "request", "press", "appeal", "push", "implore", "pressure",
];
const SPEECH_VERBS: [&str; 18] = [
    "say", "tell", "report", "claim", "state", "announce", "add", "note", "write", "cite",
    "insist", "warn", "respond", "reply", "maintain", "argue", "suggest", "believe",
];
const HYPOTHETICAL_AUX: [&str; 6] = ["would", "could", "might", "may", "should", "can"];

/// What the dictionaries missed in a document (see [`Coder::missing`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Missing {
    /// Verb lemmas with subject and object that no verb dictionary knows.
    pub verbs: Vec<String>,
    /// Named entities (type, text) with no actor code.
    pub actors: Vec<(String, String)>,
}

/// An actor found for one side of an event.
#[derive(Debug, Clone)]
struct Found {
    code: Option<String>,
    span: (usize, usize), // token range in the sentence
    person: bool,
    /// Last word of the name, upper case (for "Trump" after "Donald Trump").
    last: String,
}

/// Codes the documents of a batch; remembers the last actors of a document for pronouns.
pub struct Coder<'a> {
    dicts: &'a Dictionaries,
}

fn children(s: &Sentence, i: usize) -> Vec<usize> {
    s.tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.head == Some(i))
        .map(|(j, _)| j)
        .collect()
}

fn lemma(s: &Sentence, i: usize) -> String {
    s.tokens[i].lemma.to_lowercase()
}

impl<'a> Coder<'a> {
    /// A coder over `dicts`.
    pub fn new(dicts: &'a Dictionaries) -> Coder<'a> {
        Coder { dicts }
    }

    /// The code of verb token `v` and what its pattern says about the actors, if the
    /// dictionaries know the verb.
    fn verb_code(&self, s: &Sentence, v: usize) -> Option<VerbCode> {
        let lem = lemma(s, v);
        for (di, dict) in self.dicts.verbs.iter().enumerate() {
            let file = if di == 0 {
                "herald.verbs.txt"
            } else {
                "CAMEO.2.0.txt"
            };
            let mut candidates: Vec<_> = dict.verbs_for(&lem).collect();
            if candidates.is_empty() {
                continue;
            }
            // A phrasal verb ("push for") when its particle or preposition follows the verb.
            let next = s.tokens.get(v + 1).map(|t| t.text.to_uppercase());
            candidates.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
            let verb = candidates
                .iter()
                .find(|c| {
                    c.words.len() == 1
                        || (c.words.len() == 2 && next.as_deref() == Some(c.words[1].as_str()))
                })
                .copied()?;
            let block = &dict.blocks[verb.block];
            let window = PatternWindow::new(s, v);
            let best = block
                .patterns
                .iter()
                .filter(|p| spec_code(&p.code).is_some())
                .filter_map(|p| pattern_score(p, &window, dict).map(|sc| (sc, p)))
                .max_by_key(|(m, p)| pattern_rank(m, p));
            let (spec, line, marks, negation) = match best {
                Some((m, p)) => (&p.code, p.line, m.marks, m.negation),
                None => match (&verb.code, &block.code) {
                    (c, _) if spec_code(c).is_some() => (c, verb.line, Marks::default(), false),
                    (_, b) if spec_code(b).is_some() => (b, block.line, Marks::default(), false),
                    _ => return None,
                },
            };
            let (code, back) = spec_code(spec)?;
            return Some(VerbCode {
                code,
                back,
                rule: format!("{file}:{line}"),
                marks,
                negation,
            });
        }
        None
    }

    /// The actor phrase headed by token `h`.
    fn actor(&self, s: &Sentence, h: usize, date: Date, memory: &[Found]) -> Found {
        let t = &s.tokens[h];
        let upper = t.text.to_uppercase();
        if t.upos == Upos::PRON {
            let l = t.lemma.to_lowercase();
            let person = matches!(l.as_str(), "he" | "she" | "him" | "her" | "his");
            let thing = matches!(l.as_str(), "it" | "they" | "them" | "its" | "their");
            if person || thing {
                // The nearest earlier name of the right kind: this sentence first, then before.
                let here = (0..h)
                    .rev()
                    .filter(|&i| {
                        s.tokens[i].ent.starts_with("B-")
                            && s.tokens[i].ent.ends_with("PERSON") == person
                    })
                    .find_map(|i| {
                        let f = self.actor(s, i, date, &[]);
                        f.code.is_some().then_some(f)
                    });
                if let Some(f) = here.or_else(|| {
                    memory
                        .iter()
                        .rev()
                        .find(|f| f.code.is_some() && f.person == person)
                        .cloned()
                }) {
                    return Found {
                        code: f.code,
                        span: (h, h + 1),
                        person,
                        last: upper,
                    };
                }
            }
            return Found {
                code: None,
                span: (h, h + 1),
                person,
                last: upper,
            };
        }
        // The head with its name-building dependents.
        let mut idx = vec![h];
        for c in children(s, h) {
            if matches!(
                s.tokens[c].deprel.as_str(),
                "compound" | "flat" | "amod" | "nmod:desc" | "nmod:poss" | "appos"
            ) || (s.tokens[c].deprel == "conj" && split_name(s, h, c))
            {
                idx.push(c);
                for g in children(s, c) {
                    if matches!(s.tokens[g].deprel.as_str(), "compound" | "flat" | "amod") {
                        idx.push(g);
                    }
                }
            }
        }
        idx.sort();
        let (a, b) = (idx[0], idx[idx.len() - 1] + 1);
        let words: Vec<&str> = s.tokens[a..b].iter().map(|t| t.text.as_str()).collect();
        let mut actor: Option<(String, usize)> = None;
        let mut agent: Option<&herald_dict::Agent> = None;
        let mut i = 0;
        while i < words.len() {
            if let Some(m) = self.dicts.actors.longest_match(&words, i) {
                if let Some(c) = self.dicts.actors.code_on(m.entry, date) {
                    if actor.as_ref().is_none_or(|(old, _)| c.len() > old.len()) {
                        actor = Some((c.to_string(), m.len));
                    }
                }
                i += m.len;
                continue;
            }
            if let Some(m) = self.dicts.agents.longest_match(&words, i) {
                agent = Some(&self.dicts.agents.agents[m.entry]);
                i += m.len;
                continue;
            }
            i += 1;
        }
        let person = s.tokens[h].ent.ends_with("PERSON");
        let mut code = match (actor, agent) {
            (Some((c, _)), Some(ag)) if c.len() == 3 => Some(if ag.suffix {
                format!("{c}{}", ag.code)
            } else {
                format!("{}{c}", ag.code)
            }),
            (Some((c, _)), _) => Some(c),
            (None, _) => None,
        };
        // A short name the document introduced in full before ("Trump" after "Donald Trump",
        // also inside a phrase: "the Trump administration").
        if code.is_none() {
            let names: Vec<String> = (a..b)
                .filter(|&i| s.tokens[i].upos == Upos::PROPN)
                .map(|i| s.tokens[i].text.to_uppercase())
                .collect();
            code = memory
                .iter()
                .rev()
                .find(|f| f.code.is_some() && names.contains(&f.last))
                .and_then(|f| f.code.clone());
        }
        // A role without a country: the country of an "in/of/from" modifier ("a court in
        // Guyana", "ministers from the Georgian government") or of a possessive pronoun ("his
        // top ministers"), else PETRARCH's unknown country ("officials" → ---GOV).
        if let (None, Some(ag)) = (&code, agent) {
            if ag.suffix {
                let country = children(s, h)
                    .into_iter()
                    .filter(|&c| {
                        let rel = s.tokens[c].deprel.as_str();
                        (rel == "nmod:poss" && s.tokens[c].upos == Upos::PRON)
                            || (rel == "nmod"
                                && children(s, c).iter().any(|&g| {
                                    s.tokens[g].deprel == "case"
                                        && matches!(
                                            s.tokens[g].lemma.to_lowercase().as_str(),
                                            "in" | "of" | "from"
                                        )
                                }))
                    })
                    .find_map(|c| {
                        let code = self.actor(s, c, date, memory).code?;
                        (!code.starts_with("---")).then(|| code.get(..3).map(str::to_string))?
                    });
                code = Some(format!("{}{}", country.as_deref().unwrap_or("---"), ag.code));
            }
        }
        let last = (a..b)
            .rev()
            .find(|&i| s.tokens[i].upos == Upos::PROPN)
            .map_or(upper, |i| s.tokens[i].text.to_uppercase());
        Found {
            code,
            span: (a, b),
            person,
            last,
        }
    }

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
            let head = (e.token_start..e.token_end)
                .find(|&i| {
                    s.tokens[i]
                        .head
                        .is_none_or(|h| h < e.token_start || h >= e.token_end)
                })
                .unwrap_or(e.token_start);
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

    /// Code one document.
    pub fn code(&self, doc: &Document, analysis: &Analysis) -> Vec<Event> {
        let date = story_date(doc);
        let mut events = Vec::new();
        let mut memory: Vec<Found> = Vec::new();
        for (si, s) in analysis.sentences.iter().enumerate() {
            let mut coded_verbs = Vec::new();
            for v in 0..s.tokens.len() {
                // Participles that describe ("Iran-backed Houthis", "escalating rhetoric") report
                // no event.
                if s.tokens[v].upos != Upos::VERB
                    || matches!(s.tokens[v].deprel.as_str(), "amod" | "acl")
                {
                    continue;
                }
                let Some(vc) = self.verb_code(s, v) else {
                    continue;
                };
                let (code, back_code, rule) = (vc.code.clone(), vc.back.clone(), vc.rule.clone());
                let kids = children(s, v);
                let by = |rel: &str| kids.iter().copied().find(|&c| s.tokens[c].deprel == rel);
                let agent_by = kids
                    .iter()
                    .copied()
                    .find(|&c| s.tokens[c].deprel == "obl:agent");
                let (src_head, tgt_head) = match by("nsubj:pass") {
                    Some(p) => (agent_by, Some(p)),
                    None => {
                        let tgt = by("obj").or_else(|| by("iobj")).or_else(|| {
                            kids.iter().copied().find(|&c| {
                                s.tokens[c].deprel == "obl"
                                    && children(s, c).iter().any(|&g| {
                                        s.tokens[g].deprel == "case"
                                            && matches!(
                                                s.tokens[g].lemma.to_lowercase().as_str(),
                                                "with"
                                                    | "to"
                                                    | "against"
                                                    | "on"
                                                    | "from"
                                                    | "toward"
                                                    | "towards"
                                            )
                                    })
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
                        (by("nsubj"), tgt)
                    }
                };
                // The subject of a verb in an xcomp chain is the controller's object or subject.
                let src_head = src_head.or_else(|| {
                    let head = s.tokens[v].head?;
                    if s.tokens[v].deprel == "xcomp" {
                        let hk = children(s, head);
                        hk.iter()
                            .copied()
                            .find(|&c| s.tokens[c].deprel == "obj")
                            .or_else(|| hk.iter().copied().find(|&c| s.tokens[c].deprel == "nsubj"))
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
                                _ => break None,
                            }
                        }
                    } else {
                        None
                    }
                });
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
                            let mut v = vec![Some(h)];
                            v.extend(
                                children(s, h)
                                    .into_iter()
                                    // A conjunct is marked by "and", "or" or a comma; one
                                    // without is a name the parser split.
                                    .filter(|&c| {
                                        s.tokens[c].deprel == "conj" && !split_name(s, h, c)
                                    })
                                    .map(Some),
                            );
                            v
                        }
                    }
                };
                let (mut modality, attribution) = self.modality(s, v);
                if vc.negation && modality == Modality::Negated {
                    modality = Modality::Asserted;
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
                    }
                }
                let srcs: Vec<Option<Found>> = src_heads
                    .iter()
                    .map(|h| h.map(|h| self.actor(s, h, date, &memory)))
                    .collect();
                let mut tgts: Vec<Option<Found>> = with_conj(tgt_head)
                    .iter()
                    .map(|h| h.map(|h| self.actor(s, h, date, &memory)))
                    .collect();
                // No actor in the object ("restore ties with Gondor"): the first actor among the
                // verb's other dependents after it, with its conjuncts ("with X, Y and Z").
                if tgts.iter().all(|t| t.as_ref().is_none_or(|f| f.code.is_none())) {
                    let first_src = srcs.first().cloned().flatten();
                    let src_span = first_src.as_ref().map(|f| f.span).unwrap_or((0, 0));
                    let src_code = first_src.as_ref().and_then(|f| f.code.clone());
                    if let Some(i) = (v + 1..s.tokens.len())
                        .filter(|&i| {
                            matches!(s.tokens[i].upos, Upos::PROPN | Upos::NOUN)
                                && dominated_by(s, i, v)
                                && !(src_span.0..src_span.1).contains(&i)
                        })
                        .filter(|&i| {
                            !matches!(
                                s.tokens[i].deprel.as_str(),
                                "compound" | "flat" | "amod" | "nmod:poss"
                            )
                        })
                        .find(|&i| {
                            let f = self.actor(s, i, date, &memory);
                            f.code.is_some() && f.code != src_code
                        })
                    {
                        tgts = with_conj(Some(i))
                            .iter()
                            .map(|h| h.map(|h| self.actor(s, h, date, &memory)))
                            .filter(|f| f.as_ref().is_some_and(|f| f.code.is_some()))
                            .collect();
                    }
                }
                // (source, target, mutual): mutual pairs are also coded from the target's side.
                let mut pairs: Vec<(Option<Found>, Option<Found>, bool)> = Vec::new();
                let coded = |f: &Option<Found>| f.as_ref().is_some_and(|f| f.code.is_some());
                let coded_srcs: Vec<&Option<Found>> = srcs.iter().filter(|f| coded(f)).collect();
                if !tgts.iter().any(coded) && coded_srcs.len() > 1 {
                    // A compound subject without a target acts among its members ("Gondor and
                    // Osgiliath renewed ties", "France and the Philippines agree"), as in
                    // PETRARCH: each on each other, both ways (the reverse side below).
                    for (a, x) in coded_srcs.iter().enumerate() {
                        for y in &coded_srcs[a + 1..] {
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
                for (src, tgt, mutual) in pairs {
                    {
                        // No source, or a news medium as source: not an event (media report, they
                        // do not act).
                        match src.as_ref().and_then(|f| f.code.as_deref()) {
                            None => continue,
                            Some(c) if c.ends_with("MED") => continue,
                            _ => {}
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
                        let mut sides = vec![(code.clone(), src.clone(), tgt.clone())];
                        if let (Some(back), true) = (&back_code, both) {
                            sides.push((back.clone(), tgt.clone(), src.clone()));
                        } else if mutual {
                            sides.push((code.clone(), tgt.clone(), src.clone()));
                        }
                        for (code, src, tgt) in sides {
                            let entry = self.dicts.codes.cameo(&code);
                            let plover = self.dicts.codes.plover(&code).map(|p| PloverEvent {
                                kind: p.event.clone(),
                                mode: p.mode.clone(),
                                context: p.context.clone(),
                            });
                            events.push(Event {
                                doc_id: doc.id.clone(),
                                sentence: si,
                                source: actor_ref(s, src.as_ref()),
                                target: actor_ref(s, tgt.as_ref()),
                                root: code.get(..2).unwrap_or(&code).to_string(),
                                quad: entry.map_or(0, |e| e.quad),
                                goldstein: entry.map_or(0.0, |e| e.goldstein),
                                code: code.clone(),
                                trigger: TextSpan {
                                    text: s.tokens[v].text.clone(),
                                    start: s.tokens[v].span.start,
                                    end: s.tokens[v].span.end,
                                },
                                modality,
                                attribution: attribution.clone(),
                                date: text_date
                                    .map(|d| d.to_string())
                                    .or_else(|| doc.date.clone()),
                                date_basis: if text_date.is_some() {
                                    "text"
                                } else {
                                    "publication"
                                }
                                .to_string(),
                                plover,
                                location: None,
                                rule: rule.clone(),
                                confidence: if both { 0.8 } else { 0.5 },
                            });
                        }
                        coded_verbs.push(v);
                    }
                }
            }
            // A speech verb whose reported clause was coded is attribution, not an event.
            events.retain(|e| {
                e.sentence != si || {
                    let v = s
                        .tokens
                        .iter()
                        .position(|t| t.span.start == e.trigger.start)
                        .unwrap_or(0);
                    !(SPEECH_VERBS.contains(&lemma(s, v).as_str())
                        && coded_verbs
                            .iter()
                            .any(|&c| c != v && clause_of(s, c) == Some(v)))
                }
            });
            // Remember this sentence's actors for pronouns in later ones.
            for (i, t) in s.tokens.iter().enumerate() {
                if t.ent.starts_with("B-") {
                    let f = self.actor(s, i, date, &memory);
                    if f.code.is_some() {
                        memory.push(Found {
                            person: t.ent.ends_with("PERSON"),
                            ..f
                        });
                    }
                }
            }
        }
        events
    }

    fn modality(&self, s: &Sentence, v: usize) -> (Modality, Option<TextSpan>) {
        let kids = children(s, v);
        let has = |f: &dyn Fn(usize) -> bool| kids.iter().any(|&c| f(c));
        // Reported: the verb's clause hangs from a speech verb, or a speech verb hangs from it
        // ("..., CNN reported").
        let speech = s.tokens[v]
            .head
            .filter(|&h| {
                SPEECH_VERBS.contains(&lemma(s, h).as_str())
                    && matches!(s.tokens[v].deprel.as_str(), "ccomp" | "parataxis")
            })
            .or_else(|| {
                kids.iter().copied().find(|&c| {
                    s.tokens[c].deprel == "parataxis"
                        && SPEECH_VERBS.contains(&lemma(s, c).as_str())
                })
            });
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
        if has(&|c| s.tokens[c].deprel == "aux" && HYPOTHETICAL_AUX.contains(&lemma(s, c).as_str()))
            || has(&|c| s.tokens[c].deprel == "mark" && lemma(s, c) == "if")
        {
            return (Modality::Hypothetical, attribution);
        }
        if has(&|c| s.tokens[c].deprel == "aux" && matches!(lemma(s, c).as_str(), "will" | "shall"))
        {
            return (Modality::Future, attribution);
        }
        // The complement of an appeal is requested, not done.
        let mut x = v;
        while matches!(s.tokens[x].deprel.as_str(), "xcomp" | "conj") {
            let Some(h) = s.tokens[x].head else { break };
            if s.tokens[x].deprel == "xcomp" && APPEAL_VERBS.contains(&lemma(s, h).as_str()) {
                return (Modality::Requested, attribution);
            }
            x = h;
        }
        if speech.is_some() && s.tokens[v].head == speech {
            return (Modality::Reported, attribution);
        }
        (Modality::Asserted, attribution)
    }
}

/// True if `v` is an ancestor of `i` within one clause (not through another verb's clause).
fn dominated_by(s: &Sentence, i: usize, v: usize) -> bool {
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
            Some(h) if s.tokens[h].upos == Upos::VERB => return false,
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}

/// The date actor codes must hold on: the publication date, or (undated story) the latest codes.
fn story_date(doc: &Document) -> Date {
    doc.date
        .as_deref()
        .and_then(Date::parse)
        .unwrap_or(Date(99_991_231))
}

/// The speech verb a clause hangs from, if any.
fn clause_of(s: &Sentence, v: usize) -> Option<usize> {
    let t = &s.tokens[v];
    if matches!(t.deprel.as_str(), "ccomp" | "parataxis") {
        return t.head;
    }
    s.tokens
        .iter()
        .position(|c| c.head == Some(v) && c.deprel == "parataxis")
}

fn actor_ref(s: &Sentence, f: Option<&Found>) -> ActorRef {
    match f {
        None => ActorRef::default(),
        Some(f) => {
            let (a, b) = f.span;
            let text = s.tokens[a..b]
                .iter()
                .enumerate()
                .fold(String::new(), |mut acc, (k, t)| {
                    acc.push_str(&t.text);
                    if k + a + 1 < b && !t.no_space_after {
                        acc.push(' ');
                    }
                    acc
                });
            ActorRef {
                code: f.code.clone(),
                text: Some(text),
                start: Some(s.tokens[a].span.start),
                end: Some(s.tokens[b - 1].span.end),
            }
        }
    }
}

/// The source→target code and, for reciprocal events (`[032:033]`), the target→source code.
/// Codes that are not CAMEO numbers (the validation files' `+++`, `025?`) are not codes.
fn spec_code(c: &CodeSpec) -> Option<(String, Option<String>)> {
    let numeric = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match c {
        CodeSpec::None => None,
        CodeSpec::Code(c) => numeric(c).then(|| (c.clone(), None)),
        CodeSpec::Pair(a, b) if numeric(a) => Some((a.clone(), numeric(b).then(|| b.clone()))),
        CodeSpec::Pair(_, b) => numeric(b).then(|| (b.clone(), None)),
    }
}

/// How well `p` matches the words after the verb, in order: (elements matched, of which by the
/// exact word rather than its lemma); `None` if any element is missing or the pattern needs
/// words before the verb.
/// The words a verb's patterns are matched against: the verb's own clause (its subtree), the
/// part before the verb nearest first, the part after it in text order.
struct PatternWindow {
    before_words: Vec<String>,
    before_lemmas: Vec<String>,
    after_words: Vec<String>,
    after_lemmas: Vec<String>,
    /// The subject is a compound actor ("X and Y"), for PETRARCH's `%`.
    compound_subject: bool,
    /// The verb's token index.
    verb: usize,
}

impl PatternWindow {
    fn new(s: &Sentence, v: usize) -> PatternWindow {
        let (lo, hi) = subtree_span(s, v);
        let up = |r: std::ops::Range<usize>, lemma: bool| -> Vec<String> {
            r.map(|i| {
                if lemma {
                    s.tokens[i].lemma.to_uppercase()
                } else {
                    s.tokens[i].text.to_uppercase()
                }
            })
            .collect()
        };
        let mut before_words = up(lo..v, false);
        let mut before_lemmas = up(lo..v, true);
        before_words.reverse();
        before_lemmas.reverse();
        let compound_subject = children(s, v)
            .into_iter()
            .filter(|&c| matches!(s.tokens[c].deprel.as_str(), "nsubj" | "nsubj:pass"))
            .any(|c| children(s, c).iter().any(|&g| s.tokens[g].deprel == "conj"));
        PatternWindow {
            before_words,
            before_lemmas,
            after_words: up(v + 1..hi + 1, false),
            after_lemmas: up(v + 1..hi + 1, true),
            compound_subject,
            verb: v,
        }
    }
}

/// A conjunct with no "and", "or" or comma between it and its head is a name the parser split
/// ("Bree Prime Minister | Romendacil"), not a second actor.
fn split_name(s: &Sentence, head: usize, conj: usize) -> bool {
    !(head.min(conj) + 1..head.max(conj)).any(|g| {
        s.tokens[g].upos == Upos::CCONJ || matches!(s.tokens[g].text.as_str(), "," | ";" | "&")
    })
}

/// The first and last token of the subtree of `v`.
fn subtree_span(s: &Sentence, v: usize) -> (usize, usize) {
    let (mut lo, mut hi) = (v, v);
    for i in 0..s.tokens.len() {
        let mut x = i;
        let mut steps = 0;
        while x != v && steps < s.tokens.len() {
            match s.tokens[x].head {
                Some(h) => x = h,
                None => break,
            }
            steps += 1;
        }
        if x == v {
            lo = lo.min(i);
            hi = hi.max(i);
        }
    }
    (lo, hi)
}

/// Where a pattern put the actors: window positions of its `$` and `+` markers, as
/// (token index to search from, searching forward).
#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    source: Option<(usize, bool)>,
    target: Option<(usize, bool)>,
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
struct VerbCode {
    code: String,
    /// For a reciprocal event, the code from the target's side.
    back: Option<String>,
    /// The dictionary entry (`file:line`).
    rule: String,
    marks: Marks,
    negation: bool,
}

/// Match pattern elements in order against words (skipping is allowed between them); words
/// and lemmas are nearest-first when `reversed`. Returns the match with marker positions in
/// window coordinates.
fn match_elems(
    flat: &[&PatternElem],
    words: &[String],
    lemmas: &[String],
    reversed: bool,
    w: &PatternWindow,
    dict: &VerbDictionary,
) -> Option<PatternMatch> {
    let mut pos = 0;
    let mut m = PatternMatch::default();
    for e in flat {
        match e {
            PatternElem::Compound => {
                if !w.compound_subject {
                    return None;
                }
            }
            PatternElem::Source => m.marks.source = Some((pos, !reversed)),
            PatternElem::Target => m.marks.target = Some((pos, !reversed)),
            PatternElem::Word(word) => {
                if matches!(word.as_str(), "NOT" | "NEVER" | "N'T") {
                    m.negation = true;
                }
                if let Some(k) = (pos..words.len()).find(|&k| &words[k] == word) {
                    m.exact += 1;
                    m.gap += k - pos;
                    pos = k + 1;
                } else {
                    let k = (pos..words.len()).find(|&k| &lemmas[k] == word)?;
                    m.gap += k - pos;
                    pos = k + 1;
                }
            }
            PatternElem::Synset(name) => {
                let members = dict.synsets.get(name)?;
                pos = (pos..words.len()).find_map(|k| {
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
                    if mem.iter().any(|x| matches!(x.as_str(), "NOT" | "NEVER" | "N'T")) {
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
fn pattern_rank(m: &PatternMatch, p: &VerbPattern) -> impl Ord {
    (
        m.elems,
        std::cmp::Reverse(m.gap),
        m.exact,
        std::cmp::Reverse(p.line),
    )
}

fn pattern_score(p: &VerbPattern, w: &PatternWindow, dict: &VerbDictionary) -> Option<PatternMatch> {
    let mut after = Vec::new();
    flatten(&p.after, &mut after);
    let mut before = Vec::new();
    flatten(&p.before, &mut before);
    before.reverse();
    if after.is_empty() && before.is_empty() {
        return None;
    }
    let a = match_elems(&after, &w.after_words, &w.after_lemmas, false, w, dict)?;
    let b = match_elems(&before, &w.before_words, &w.before_lemmas, true, w, dict)?;
    // Window positions to token indices: after the verb forward, before it backward.
    let tok = |(pos, forward): (usize, bool)| {
        if forward {
            (w.verb + 1 + pos, true)
        } else {
            (w.verb.saturating_sub(1 + pos), false)
        }
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

fn flatten<'p>(elems: &'p [PatternElem], out: &mut Vec<&'p PatternElem>) {
    for e in elems {
        match e {
            PatternElem::NounPhrase(v) | PatternElem::PrepPhrase(v) => flatten(v, out),
            PatternElem::Word(_)
            | PatternElem::Synset(_)
            | PatternElem::Compound
            | PatternElem::Source
            | PatternElem::Target => out.push(e),
            _ => {}
        }
    }
}
