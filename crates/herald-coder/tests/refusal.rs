//! A refusal is an event (CAMEO 120, reject) on the target of what was refused, and what was
//! refused did not happen.

mod common;
use herald_doc::Modality;

#[test]
fn refusing_to_deploy_rejects_and_negates_the_deployment() {
    let events = common::code(
        "Pakistan has refused to deploy peacekeepers in Iraq.",
        "2010-06-01",
    );
    let rejected = events
        .iter()
        .find(|e| e.code.starts_with("12"))
        .unwrap_or_else(|| panic!("{events:?}"));
    assert_eq!(rejected.source.code.as_deref(), Some("PAK"));
    assert_eq!(rejected.target.code.as_deref(), Some("IRQ"), "{events:?}");
    assert_eq!(rejected.modality, Modality::Asserted);
    assert!(events
        .iter()
        .filter(|e| e.trigger.text == "deploy")
        .all(|e| e.modality == Modality::Negated));
}
