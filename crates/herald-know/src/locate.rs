//! Where an event happened (GDELT's ActionGeo): the place of a locative phrase on the event's
//! trigger — "clashed in Aleppo", "a strike on a school in Rafah", "talks at Doha" — resolved as
//! in the document's knowledge record. A place that is an actor ("Israel struck Gaza") is not
//! where the event happened unless the text says "in".

use crate::gkg::PlaceMention;
use herald_doc::{Analysis, Event};

/// Prepositions that say where something happens.
const LOCATIVE: [&str; 10] = [
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "around",
    "into",
    "within",
];

/// Fill each event's `location` from a locative place on its trigger.
pub fn locate_events(events: &mut [Event], analysis: &Analysis, places: &[PlaceMention]) {
    for e in events.iter_mut() {
        let Some((s, trigger)) = analysis.trigger_of(e) else {
            continue;
        };
        // Places come in text order: this sentence's run of them.
        let lo = places.partition_point(|p| p.sentence < e.sentence);
        let hi = places.partition_point(|p| p.sentence <= e.sentence);
        let found = places[lo..hi]
            .iter()
            .filter(|p| p.place.is_some())
            .find(|p| {
                // The place's head token, then up at most three steps to the trigger, through a
                // locative preposition.
                let Some(mut x) = s.tokens.iter().position(|t| t.span.start == p.start) else {
                    return false;
                };
                while let Some(h) = s.tokens[x].head {
                    if h >= s.tokens.len() || !(p.start..p.end).contains(&s.tokens[h].span.start) {
                        break;
                    }
                    x = h;
                }
                let mut locative = false;
                for _ in 0..4 {
                    locative |= s.tokens.iter().any(|t| {
                        t.head == Some(x)
                            && t.deprel == "case"
                            && LOCATIVE.contains(&t.text.to_lowercase().as_str())
                    });
                    match s.tokens[x].head {
                        Some(h) if h == trigger => return locative,
                        // Not through another verb: "urged X to halt the war in Gaza" places
                        // the halting, not the urging.
                        Some(h) if s.tokens[h].upos == herald_doc::Upos::VERB => return false,
                        Some(h) => x = h,
                        None => return false,
                    }
                }
                false
            });
        if let Some(p) = found.and_then(|p| p.place.as_ref().map(|pl| (p, pl))) {
            let (mention, place) = p;
            e.location = Some(serde_json::json!({
                "text": mention.text,
                "start": mention.start,
                "end": mention.end,
                "geonameid": place.geonameid,
                "name": place.name,
                "lat": place.lat,
                "lon": place.lon,
                "feature_code": place.feature_code,
                "country": place.country,
                "fips": place.fips,
                "admin1": place.admin1,
            }));
        }
    }
}
