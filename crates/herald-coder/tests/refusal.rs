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

#[test]
fn announcing_one_will_not_cooperate_is_a_rejection() {
    let events = common::code(
        "Obama said he would not give permission to Russia to help Israel.",
        "2015-06-09",
    );
    let refusal = events
        .iter()
        .find(|e| e.rule == "herald:refusal")
        .unwrap_or_else(|| panic!("{events:?}"));
    assert_eq!(refusal.code, "124", "refusing to yield");
    assert_eq!(refusal.modality, Modality::Asserted);
    assert_eq!(refusal.source.code.as_deref(), Some("USAGOV"));
    assert_eq!(refusal.target.code.as_deref(), Some("RUS"));
    // Saying that someone else will not act is no refusal of one's own.
    let events = common::code(
        "Obama said Putin would not negotiate with Ukraine.",
        "2015-06-09",
    );
    assert!(
        !events.iter().any(|e| e.rule == "herald:refusal"),
        "{events:?}"
    );
}
