//! What is demanded is requested, not done; a person named by surname is found.

mod common;
use herald_doc::Modality;

#[test]
fn a_that_clause_of_a_demand_is_requested_and_the_surname_is_the_president() {
    let ev = common::code(
        "Opposition groups in Zimbabwe are demanding that President Mugabe resign.",
        "1990-01-01",
    );
    let resign: Vec<_> = ev.iter().filter(|e| e.trigger.text == "resign").collect();
    assert!(!resign.is_empty(), "{ev:?}");
    assert!(
        resign.iter().all(|e| e.modality == Modality::Requested),
        "{resign:?}"
    );
    assert!(
        resign
            .iter()
            .all(|e| e.source.code.as_deref() == Some("ZWEGOV")),
        "{resign:?}"
    );
}

#[test]
fn a_question_asked_is_not_a_request() {
    let ev = common::code(
        "Reporters asked whether Israel had attacked Syria on Monday.",
        "2024-03-04",
    );
    assert!(
        ev.iter()
            .filter(|e| e.trigger.text == "attacked")
            .all(|e| e.modality != Modality::Requested),
        "{ev:?}"
    );
}
