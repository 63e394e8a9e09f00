//! When an event happened, where the coder's own time words (weekdays, "yesterday") found no
//! day: a day-level temporal expression attached to the event's trigger ("signed on March 3",
//! "met May 19, 2025") dates it, with `date_basis` "text".

use crate::timex::Timex;
use herald_doc::{Analysis, Event};

/// Date the events that still carry the publication date from day-level expressions on their
/// triggers.
pub fn date_events(events: &mut [Event], analysis: &Analysis, timexes: &[Timex]) {
    for e in events.iter_mut().filter(|e| e.date_basis == "publication") {
        let Some((s, trigger)) = analysis.trigger_of(e) else {
            continue;
        };
        // Timexes come in sentence order: this sentence's run of them.
        let lo = timexes.partition_point(|t| t.sentence < e.sentence);
        let hi = timexes.partition_point(|t| t.sentence <= e.sentence);
        let day = timexes[lo..hi]
            .iter()
            .filter(|t| is_day(&t.value))
            .find(|t| {
                // Some word of the expression hangs from the trigger ("on March 3" is an obl
                // of "signed"), or from a participant or place of it: "met X in Jerusalem on
                // Monday" is often parsed with the day on "Jerusalem", but a day dates events,
                // not places or people.
                let temporal = |d: &str| d.starts_with("obl") || d.starts_with("nmod");
                s.tokens.iter().any(|tok| {
                    tok.span.start >= t.start
                        && tok.span.end <= t.end
                        && temporal(&tok.deprel)
                        && tok.head.is_some_and(|h| {
                            h == trigger
                                || (s.tokens[h].head == Some(trigger)
                                    && (temporal(&s.tokens[h].deprel)
                                        || s.tokens[h].deprel == "obj")
                                    && matches!(
                                        s.tokens[h].upos,
                                        herald_doc::Upos::PROPN | herald_doc::Upos::NOUN
                                    ))
                        })
                })
            });
        if let Some(t) = day {
            e.date = Some(t.value.clone());
            e.date_basis = "text".to_string();
        }
    }
}

/// A TimeML value naming one day: `YYYY-MM-DD`.
fn is_day(v: &str) -> bool {
    v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-'
}
