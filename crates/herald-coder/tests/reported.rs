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

#[test]
fn where_an_attack_came_from_is_who_made_it() {
    // A passive attack with no "by" agent: its "from" place is the attacker.
    let ev = common::code("Rockets were fired at Israel from Lebanon.", "2014-09-16");
    assert!(
        ev.iter().any(|e| e.root == "19"
            && e.source.code.as_deref() == Some("LBN")
            && e.target.code.as_deref() == Some("ISR")),
        "{ev:?}"
    );
    // Reported by the target, it is the target's accusation.
    let ev = common::code(
        "Israel said a mortar bomb was fired at it from the Gaza Strip on Tuesday.",
        "2014-09-16",
    );
    assert!(
        ev.iter().any(|e| e.code == "112"
            && e.source.code.as_deref() == Some("ISR")
            && e.target.code.as_deref() == Some("PSEGZA")),
        "{ev:?}"
    );
}

#[test]
fn the_maker_of_the_attack_a_passive_names_is_the_source() {
    let ev = common::code(
        "Three Ukrainian soldiers were wounded in a Russian air strike near Kharkiv.",
        "2024-03-01",
    );
    assert!(
        ev.iter().any(|e| e.root == "18"
            && e.source.code.as_deref() == Some("RUS")
            && e.target.code.as_deref() == Some("UKRMIL")),
        "{ev:?}"
    );
}

#[test]
fn the_user_of_the_arms_a_passive_names_is_the_source() {
    // The parser reads "Israeli tank shelling" as "tank" with "shelling" hung on it.
    let ev = common::code(
        "Four children were killed in Israeli tank shelling in Gaza on Friday.",
        "2014-07-18",
    );
    assert!(
        ev.iter()
            .any(|e| e.root == "19" && e.source.code.as_deref() == Some("ISR")),
        "{ev:?}"
    );
}

#[test]
fn a_dateline_is_no_speaker_and_the_source_is_the_attribution() {
    // "GAZA CITY, …:" is a dateline, not the subject of "said"; "…, medics said" attributes
    // the killing (asserted, as wire copy reports it) to the medics.
    let ev = common::code(
        "GAZA CITY, Palestinian Territories: Israeli troops killed two Palestinians on Friday, \
         medics said.",
        "2014-09-16",
    );
    assert!(
        !ev.iter()
            .any(|e| e.source.text.as_deref() == Some("GAZA CITY")),
        "{ev:?}"
    );
    let killed = ev
        .iter()
        .find(|e| e.trigger.text == "killed")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(killed.modality, Modality::Asserted);
    assert_eq!(
        killed.attribution.as_ref().map(|a| a.text.as_str()),
        Some("medics")
    );
}

#[test]
fn a_named_speakers_claim_about_unnamed_attackers_is_an_accusation() {
    // Neither side of the killing names a country; the Observatory's claim still accuses the
    // government forces (112), and its "said" is no statement event of its own.
    let ev = common::code(
        "The Syrian Observatory for Human Rights, a UK-based group that tracks the war, said \
         eight people were killed in an air strike by government forces in a rebel-held part \
         of the city.",
        "2015-06-09",
    );
    assert!(
        ev.iter().any(|e| e.code == "112"
            && e.source.code.as_deref() == Some("SYROPPHRI")
            && e.target.code.as_deref() == Some("---MIL")),
        "{ev:?}"
    );
    assert!(!ev.iter().any(|e| e.code == "010"), "{ev:?}");
}

#[test]
fn what_a_speaker_says_it_will_do_is_the_speakers_act() {
    // "it" is the party that speaks, not the United States of the sentence before.
    let ev = common::code(
        "The United States urged calm. The Umma party said it will boycott Algeria's \
         elections.",
        "1991-06-01",
    );
    assert!(
        !ev.iter()
            .any(|e| e.trigger.text == "boycott" && e.source.code.as_deref() == Some("USA")),
        "{ev:?}"
    );
    // A speaker the dictionaries know acts itself.
    let ev = common::code(
        "NATO confirmed on Wednesday it would tighten the naval blockade of Serbia.",
        "1994-06-01",
    );
    assert!(
        ev.iter().any(|e| e.trigger.text == "tighten"
            && e.source.code.as_deref() == Some("IGOWSTNAT")
            && e.code == "191"),
        "{ev:?}"
    );
}

#[test]
fn violence_by_an_unnamed_hand_is_an_event_without_a_source() {
    let ev = common::code(
        "A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier. \
         Iraqi police said three civilians were killed in a car bombing.",
        "2005-01-01",
    );
    let killing = ev
        .iter()
        .find(|e| e.target.code.as_deref() == Some("USAMIL"))
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(killing.source.code, None);
    assert_eq!(killing.root, "19");
    // Reporting violence whose maker is not named accuses nobody.
    assert!(!ev.iter().any(|e| e.rule == "herald:claim"), "{ev:?}");
}

#[test]
fn what_an_actor_reports_of_its_own_deeds_is_asserted() {
    let ev = common::code(
        "Switzerland said today it had expelled two Russian diplomats based in Geneva.",
        "1995-01-01",
    );
    let expelled = ev
        .iter()
        .find(|e| e.trigger.text == "expelled")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(expelled.source.code.as_deref(), Some("CHE"));
    assert_eq!(expelled.modality, Modality::Asserted);
    assert!(expelled.attribution.is_some());
    // What another reports stays reported.
    let ev = common::code(
        "Russia said Switzerland had expelled two Russian diplomats.",
        "1995-01-01",
    );
    assert!(ev
        .iter()
        .filter(|e| e.trigger.text == "expelled")
        .all(|e| e.modality == Modality::Reported));
}

#[test]
fn reportedly_and_allegedly_are_reported_by_someone_unnamed() {
    for text in [
        "Israel reportedly attacked Iran on Monday.",
        "Israel allegedly bombed a convoy in Syria.",
    ] {
        let ev = common::code(text, "2024-10-01");
        assert!(
            ev.iter()
                .any(|e| e.root == "19" && e.modality == Modality::Reported),
            "{ev:?}"
        );
        assert!(
            !ev.iter().any(|e| e.modality == Modality::Asserted),
            "{ev:?}"
        );
    }
}

#[test]
fn what_someone_is_accused_of_is_their_act_and_a_claim() {
    for text in [
        "Russia was accused of shelling Kharkiv.",
        "Ukraine accused Russia of attacking its power grid.",
    ] {
        let ev = common::code(text, "2024-10-01");
        let act = ev
            .iter()
            .find(|e| e.root == "19")
            .unwrap_or_else(|| panic!("{ev:?}"));
        assert_eq!(act.source.code.as_deref(), Some("RUS"), "{ev:?}");
        assert_eq!(act.modality, Modality::Reported, "{ev:?}");
    }
}

#[test]
fn an_earthquake_is_no_unnamed_hand() {
    let ev = common::code(
        "Four earthquakes measuring up to 4.5 on the Richter scale have hit the Bay of Plenty \
         and Waikato region. A powerful storm hit northern Chile.",
        "1987-03-03",
    );
    assert!(!ev.iter().any(|e| e.root == "19"), "{ev:?}");
}

#[test]
fn what_an_actor_signals_it_will_do_is_to_come() {
    // "indicated" and "signalled" report as "said" does: the act is to come, by the speaker
    // ("it"), and announcing it happened.
    for text in [
        "Iran indicated it would attack Israel.",
        "Iran signalled it would attack Israel.",
    ] {
        let ev = common::code(text, "2015-06-09");
        assert!(
            ev.iter().any(|e| e.code == "190"
                && e.source.code.as_deref() == Some("IRN")
                && e.target.code.as_deref() == Some("ISR")
                && e.modality == Modality::Future),
            "{text}: {ev:?}"
        );
        assert!(
            ev.iter()
                .any(|e| e.root == "13" && e.modality == Modality::Asserted),
            "{text}: {ev:?}"
        );
    }
}

#[test]
fn they_stands_for_each_of_the_speakers() {
    let ev = common::code("Obama and Putin said they will attack Iraq.", "2015-06-09");
    let mut attackers: Vec<&str> = ev
        .iter()
        .filter(|e| e.trigger.text == "attack" && e.root == "19")
        .filter_map(|e| e.source.code.as_deref())
        .collect();
    attackers.sort();
    assert_eq!(attackers, ["RUSGOV", "USAGOV"], "{ev:?}");
}

#[test]
fn violence_by_no_one_is_done_to_its_object_not_to_a_place_nearby() {
    // "set in motion" is in PETRARCH's LAUNCH block, whose "* OPERATION" pattern reads
    // "operations" far off; with no hand named, only the object or passive subject could be
    // its victim, and Germany is neither.
    let ev = common::code(
        "A company spokesman said a similar review would be set in motion over its operations in \
         Germany.",
        "2005-03-01",
    );
    assert!(
        !ev.iter()
            .any(|e| e.source.code.is_none() && e.target.code.as_deref() == Some("DEU")),
        "{ev:?}"
    );
}
