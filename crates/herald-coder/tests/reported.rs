//! What someone says happened is reported, attributed to them, not asserted by the text.

mod common;
use herald_doc::Modality;

#[test]
fn every_act_of_a_reported_clause_is_reported() {
    let ev = common::code(
        "The US claimed that ISIL had attacked Iraq and taken the city of Mosul.",
        "2015-06-09",
    );
    // The seizing (19x) is claimed as much as the attack.
    let violent: Vec<_> = ev
        .iter()
        .filter(|e| e.root == "19" && e.source.code.as_deref() != Some("USA"))
        .collect();
    assert!(violent.len() >= 2, "{ev:?}");
    assert!(
        violent.iter().all(|e| e.modality == Modality::Reported
            && e.attribution.as_ref().is_some_and(|a| a.text == "US")),
        "{ev:?}"
    );
    // The claim itself is the US's accusation, asserted.
    assert!(
        ev.iter()
            .any(|e| e.code == "112" && e.modality == Modality::Asserted),
        "{ev:?}"
    );
}
