//! A future act is not counted, but announcing it is an event: CAMEO's expressed intent (03) or
//! threat (13), as PLOVER codes "X will send aid".

mod common;
use herald_doc::Modality;

#[test]
fn will_send_aid_is_an_asserted_intent_to_provide_aid_and_a_future_aid() {
    let events = common::code("France will send humanitarian aid to Sudan.", "2025-05-21");
    assert!(
        events.iter().any(|e| e.modality == Modality::Asserted
            && e.source.code.as_deref() == Some("FRA")
            && e.code.starts_with("033")
            && e.target.code.as_deref() == Some("SDN")),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| e.modality == Modality::Future && e.code.starts_with("07")),
        "{events:?}"
    );
}

#[test]
fn agreeing_to_do_something_is_an_intent_to_cooperate() {
    let ev = common::code(
        "Jordan and Britain have agreed to undertake joint military exercises this month.",
        "1990-01-01",
    );
    let agreed: Vec<_> = ev.iter().filter(|e| e.trigger.text == "agreed").collect();
    assert!(!agreed.is_empty(), "{ev:?}");
    assert!(
        agreed.iter().all(|e| e.code.starts_with("03")),
        "{agreed:?}"
    );
}

#[test]
fn an_intent_verb_coded_on_its_own_is_the_only_intent() {
    let ev = common::code(
        "Brazil and the United States are seeking to deepen a partnership in energy.",
        "2008-08-02",
    );
    assert!(ev.iter().any(|e| e.trigger.text == "seeking"), "{ev:?}");
    assert!(!ev.iter().any(|e| e.rule == "herald:intent"), "{ev:?}");
}

#[test]
fn agreeing_to_lift_sanctions_imposes_none() {
    // "AGREE (TO SANCTIONS)" wants "to" as a preposition; in "agreed to lift the sanctions"
    // it is the infinitive's, and the lifting (085) is what was agreed.
    let ev = common::code(
        "Obama has agreed to lift the sanctions on Iran.",
        "2015-06-09",
    );
    assert!(!ev.iter().any(|e| e.code.starts_with("163")), "{ev:?}");
    assert!(ev.iter().any(|e| e.code == "085"), "{ev:?}");
    // With a preposition the pattern still holds.
    let ev = common::code("Britain agreed to sanctions against Iran.", "2015-06-09");
    assert!(ev.iter().any(|e| e.code == "163"), "{ev:?}");
}

#[test]
fn an_expected_act_is_future_without_an_expressed_intent() {
    let ev = common::code("Putin is expected to visit China next week.", "2015-06-09");
    let visit = ev
        .iter()
        .find(|e| e.code == "042")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(visit.source.code.as_deref(), Some("RUSGOV"));
    assert_eq!(visit.target.code.as_deref(), Some("CHN"));
    assert_eq!(visit.modality, Modality::Future);
    // Others expect it; Putin expressed no intent.
    assert!(!ev.iter().any(|e| e.rule == "herald:intent"), "{ev:?}");
}

#[test]
fn announcing_a_release_is_an_intent_to_release() {
    // The tagger reads "free" as an adjective and the parser hangs "it" on "announced".
    let events = common::code(
        "Israel announced it would free over 150 Palestinian prisoners by the end of August.",
        "2008-08-02",
    );
    assert!(
        events.iter().any(|e| e.modality == Modality::Asserted
            && e.source.code.as_deref() == Some("ISR")
            && e.code == "0353"),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| e.modality == Modality::Future && e.code == "0841"),
        "{events:?}"
    );
}

#[test]
fn seeking_to_cooperate_is_the_intent_of_that_cooperation() {
    let events = common::code(
        "Brazil and the United States are seeking to deepen a partnership in energy.",
        "2008-08-02",
    );
    let seeking: Vec<&str> = events
        .iter()
        .filter(|e| e.trigger.text == "seeking")
        .map(|e| e.code.as_str())
        .collect();
    assert!(
        !seeking.is_empty() && seeking.iter().all(|c| *c == "031"),
        "{events:?}"
    );
}

#[test]
fn being_ready_or_willing_to_act_is_an_intent_not_the_act() {
    let events = common::code("Russia is determined to attack Georgia.", "2008-08-01");
    assert!(
        events
            .iter()
            .all(|e| !(e.root == "19" && e.modality == Modality::Asserted)),
        "{events:?}"
    );
    assert!(events.iter().any(|e| e.code == "138"), "{events:?}");
    let events = common::code(
        "France is ready to contribute 4,000 troops to a peace-keeping force in Liberia.",
        "1996-05-06",
    );
    assert!(
        events.iter().any(|e| e.code.starts_with("033")
            && e.modality == Modality::Asserted
            && e.source.code.as_deref() == Some("FRA")),
        "{events:?}"
    );
    assert!(
        !events
            .iter()
            .any(|e| e.root == "07" && e.modality == Modality::Asserted),
        "{events:?}"
    );
}

#[test]
fn likely_about_to_set_to_and_denied_acts_did_not_happen() {
    let asserted_attack = |text: &str| {
        common::code(text, "2008-08-01")
            .into_iter()
            .any(|e| e.root == "19" && e.modality == Modality::Asserted)
    };
    assert!(!asserted_attack("Russia is likely to attack Georgia."));
    assert!(!asserted_attack("Russia is about to attack Georgia."));
    assert!(!asserted_attack("Russia is set to attack Georgia."));
    assert!(!asserted_attack("Russia denied attacking Georgia."));
    // "set" itself is no event (it took Russia for the target of an attack).
    assert!(
        !common::code("Russia is set to attack Georgia.", "2008-08-01")
            .iter()
            .any(|e| e.trigger.text == "set")
    );
}

#[test]
fn a_yes_no_question_asserts_nothing() {
    let ev = common::code(
        "Will Israel attack Iran? Did Russia invade Ukraine?",
        "2024-10-01",
    );
    assert!(!ev.is_empty());
    assert!(
        ev.iter().all(|e| e.modality == Modality::Hypothetical),
        "{ev:?}"
    );
    // A question word takes the act as given.
    let ev = common::code("Why did Israel strike Iran?", "2024-10-01");
    assert!(
        ev.iter().any(|e| e.modality == Modality::Asserted),
        "{ev:?}"
    );
}

#[test]
fn agreeing_that_or_upon_is_an_intent_to_cooperate() {
    for text in [
        "Hungary and Romania agreed on Wednesday that their countries should cooperate.",
        "The United States and Jordan have agreed upon a new free-trade pact.",
    ] {
        let events = common::code(text, "1990-01-01");
        assert!(
            events.iter().any(|e| e.code.starts_with("03")),
            "{text}: {events:?}"
        );
        assert!(
            !events.iter().any(|e| e.code == "050"),
            "{text}: {events:?}"
        );
    }
}

#[test]
fn wanting_to_help_is_an_intent_to_aid_not_an_appeal() {
    // "WANT * HELP" (023) is wanting help; "wants to help Israel" is an intent (033).
    let ev = common::code("The United States wants to help Israel.", "2015-06-09");
    let wants: Vec<&str> = ev
        .iter()
        .filter(|e| e.trigger.text == "wants")
        .map(|e| e.code.as_str())
        .collect();
    assert_eq!(wants, ["033"], "{ev:?}");
}
