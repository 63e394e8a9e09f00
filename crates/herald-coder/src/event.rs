//! Building [`Event`]s: a code with its Goldstein score, QuadClass and PLOVER reading, actor
//! references with their words, PETRARCH's actor lists split into one event per actor, and the
//! date actor codes must hold on.

use crate::tree::children;
use crate::{Coder, Found};
use herald_dict::Date;
use herald_doc::{ActorRef, Document, Event, Modality, PloverEvent, Sentence, TextSpan, Upos};

/// Whether `c`, a dependent of name `h`, is rather the next name of a list ("The US, Russia,
/// and Switzerland" with Russia parsed as part of "US"): one proper noun after `h`, set off by
/// a comma, with no words of its own (an apposition such as "Oshima, the UN's coordinator,"
/// has some).
pub(crate) fn listed_name(s: &Sentence, h: usize, c: usize) -> bool {
    let kids = children(s, c);
    c > h
        && s.tokens[c].upos == Upos::PROPN
        && kids
            .iter()
            .any(|&p| p > h && p < c && s.tokens[p].text == ",")
        && kids.iter().all(|&k| s.tokens[k].upos == Upos::PUNCT)
}

/// PETRARCH's actor lists: a phrase coded `[FRO/BIL/SAM]` ("the Shire") names three actors, and
/// its event is one per actor (per pair, when both sides are lists).
pub(crate) fn split_actor_lists(e: Event) -> Vec<Event> {
    let codes = |a: &herald_doc::ActorRef| -> Vec<Option<String>> {
        match a.code.as_deref() {
            Some(c) if c.contains('/') => c
                .split('/')
                .filter(|x| !x.is_empty())
                .map(|x| Some(x.to_string()))
                .collect(),
            _ => vec![a.code.clone()],
        }
    };
    let (sources, targets) = (codes(&e.source), codes(&e.target));
    if sources.len() == 1 && targets.len() == 1 {
        return vec![e];
    }
    let mut out = Vec::new();
    for s in &sources {
        for t in &targets {
            if s.is_some() && s == t {
                continue;
            }
            let mut x = e.clone();
            x.source.code = s.clone();
            x.target.code = t.clone();
            out.push(x);
        }
    }
    out
}

/// The date actor codes must hold on: the publication date, or (undated story) the latest codes.
pub(crate) fn story_date(doc: &Document) -> Date {
    doc.date
        .as_deref()
        .and_then(Date::parse)
        .unwrap_or(Date(99_991_231))
}

impl Coder<'_> {
    /// An event with its code's Goldstein score, QuadClass and PLOVER category; dated by
    /// `text_date` if the text gives one, else by the publication date.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn event(
        &self,
        doc: &Document,
        (si, s): (usize, &Sentence),
        trigger: usize,
        code: &str,
        (src, tgt): (Option<&Found>, Option<&Found>),
        (modality, attribution): (Modality, Option<TextSpan>),
        text_date: Option<Date>,
        rule: &str,
        confidence: f32,
    ) -> Event {
        let mut e = Event {
            doc_id: doc.id.clone(),
            sentence: si,
            source: actor_ref(s, src),
            target: actor_ref(s, tgt),
            root: String::new(),
            quad: 0,
            goldstein: 0.0,
            code: String::new(),
            trigger: TextSpan {
                text: s.tokens[trigger].text.clone(),
                start: s.tokens[trigger].span.start,
                end: s.tokens[trigger].span.end,
            },
            modality,
            attribution,
            date: text_date
                .map(|d| d.to_string())
                .or_else(|| doc.date.clone()),
            date_basis: if text_date.is_some() {
                "text"
            } else {
                "publication"
            }
            .to_string(),
            plover: None,
            location: None,
            rule: rule.to_string(),
            confidence,
        };
        self.recode(&mut e, code, &s.tokens[trigger].lemma);
        e
    }

    /// Give `e`, triggered by a word of lemma `trigger`, the code `code` with that code's
    /// root, Goldstein score, QuadClass and PLOVER category (the PLOVER manual's reading where
    /// it differs from the 2021 table).
    pub(crate) fn recode(&self, e: &mut Event, code: &str, trigger: &str) {
        let entry = self.dicts.codes.cameo(code);
        let table = |code: &str| {
            self.dicts.codes.plover(code).map(|p| PloverEvent {
                kind: p.event.clone(),
                mode: p.mode.clone(),
                context: p.context.clone(),
            })
        };
        // The manual's REQUEST is "all requests, demands, and orders", but the 2021 table
        // drops CAMEO's appeals (02): an appeal is read as the parallel demand (10), whose
        // modes are the same ("urged aid" as "demanded aid": REQUEST assist).
        let appeal_as_request = || {
            code.strip_prefix("02")
                .and_then(|rest| table(&format!("10{rest}")))
        };
        e.plover = plover_per_manual(code, &trigger.to_lowercase())
            .or_else(|| table(code))
            .or_else(appeal_as_request);
        // "Announcements of future retreats should be coded as CONCEDE" (manual, CONCEDE).
        if let Some(p) = e.plover.as_mut().filter(|p| p.kind == "RETREAT") {
            if e.modality == herald_doc::Modality::Future {
                p.kind = "CONCEDE".to_string();
                p.mode = None;
            }
        }
        e.root = code.get(..2).unwrap_or(code).to_string();
        e.quad = entry.map_or(0, |x| x.quad);
        e.goldstein = entry.map_or(0.0, |x| x.goldstein);
        e.code = code.to_string();
    }
}

/// Where the PLOVER manual reads an event otherwise than the 2021 CAMEO→PLOVER table
/// (`data/cameo2plover-2021.txt`) maps its CAMEO code: official resignations are RETREAT
/// (mode resign), not the CONCEDE of CAMEO 083x; indicting, charging and suing are ACCUSE
/// (allege), not the COERCE of CAMEO 173; international sanctions are SANCTION (discontinue),
/// not the COERCE of CAMEO 163; lifting a curfew or a state of emergency is CONCEDE, not the
/// RETREAT of CAMEO 0813/0814; pardons are CONCEDE.
fn plover_per_manual(code: &str, trigger: &str) -> Option<PloverEvent> {
    let plover = |kind: &str, mode: &str, context: &str| PloverEvent {
        kind: kind.to_string(),
        mode: Some(mode.to_string()),
        context: vec![context.to_string()],
    };
    let concede = |context: &str| PloverEvent {
        kind: "CONCEDE".to_string(),
        mode: None,
        context: vec![context.to_string()],
    };
    match (code, trigger) {
        (c, "resign" | "quit" | "abdicate") if c.starts_with("08") => {
            Some(plover("RETREAT", "resign", "political_institutions"))
        }
        ("173", "indict" | "charge" | "sue" | "prosecute") => {
            Some(plover("ACCUSE", "allege", "legal"))
        }
        ("163", _) if trigger != "boycott" => Some(plover("SANCTION", "discontinue", "economic")),
        // "Formal pardons … and amnesties of arrested persons should be coded as CONCEDE"
        // (manual, CONCEDE). (Its "expressions of regret" stay SUPPORT, as the table and the
        // PLOVER GSR code an apology, 055.)
        (c, "pardon" | "amnesty") if c.starts_with("08") || c.starts_with("05") => {
            Some(concede("legal"))
        }
        // "the lifting of a curfew is, effectively, a promise …": removing curfews and states
        // of emergency is CONCEDE (manual, CONCEDE), though the table has RETREAT.
        ("0813" | "0814", _) => Some(concede("rights_freedoms")),
        _ => None,
    }
}

fn actor_ref(s: &Sentence, f: Option<&Found>) -> ActorRef {
    match f {
        None => ActorRef::default(),
        Some(f) => {
            // Spans are always of this sentence; clamp rather than trust it blindly.
            let b = f.span.1.min(s.tokens.len());
            let a = f.span.0.min(b.saturating_sub(1));
            if b == 0 {
                return ActorRef {
                    code: f.code.clone(),
                    ..ActorRef::default()
                };
            }
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
