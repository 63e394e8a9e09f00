//! "X said Y must do Z": X demands it of Y (CAMEO 100); Z is asked, not done.

mod common;
use herald_doc::Modality;

#[test]
fn a_reported_must_is_a_demand_and_the_act_is_requested() {
    let events = common::code(
        "Russia said on Tuesday that Sudan must return a Mi-26 helicopter.",
        "2020-01-01",
    );
    assert!(
        events
            .iter()
            .any(|e| e.source.code.as_deref() == Some("RUS")
                && e.code == "100"
                && e.target.code.as_deref() == Some("SDN")
                && e.modality == Modality::Asserted),
        "{events:?}"
    );
    assert!(events
        .iter()
        .filter(|e| e.trigger.text == "return")
        .all(|e| e.modality == Modality::Requested));
}

#[test]
fn what_a_speaker_says_another_must_do_is_a_demand_whatever_it_is() {
    // "hand over" is no verb of the dictionaries; the demand stands all the same.
    let ev = common::code(
        "A senior British minister reiterated that Libya must hand over the alleged bombers.",
        "1992-01-01",
    );
    assert!(
        ev.iter().any(|e| e.code == "100"
            && e.source.code.as_deref() == Some("GBRGOV")
            && e.target.code.as_deref() == Some("LBY")),
        "{ev:?}"
    );
}

#[test]
fn a_must_clause_the_parser_hung_on_the_day_is_still_the_speakers_demand() {
    // Parsed with "ready" as a clause of "Wednesday", not of "said".
    let ev = common::code(
        "Egyptian President Hosni Mubarak said here Thursday that Britain must be ready to \
         mediate between Israelis and Palestinians.",
        "2001-01-10",
    );
    assert!(
        ev.iter().any(|e| e.code == "100"
            && e.source.code.as_deref() == Some("EGYGOV")
            && e.target.code.as_deref() == Some("GBR")),
        "{ev:?}"
    );
    assert!(
        ev.iter()
            .filter(|e| e.trigger.text == "ready")
            .all(|e| e.modality == Modality::Requested),
        "{ev:?}"
    );
}
