//! PLOVER categories where the PLOVER manual reads an event otherwise than the 2021
//! CAMEO→PLOVER table.

mod common;

#[test]
fn a_resignation_is_a_plover_retreat() {
    let ev = common::code(
        "Georgian President Eduard Shevardnadze resigned on Sunday.",
        "2003-11-23",
    );
    let resigned = ev
        .iter()
        .find(|e| e.trigger.text == "resigned")
        .unwrap_or_else(|| panic!("{ev:?}"));
    let plover = resigned.plover.as_ref().unwrap();
    assert_eq!(plover.kind, "RETREAT");
    assert_eq!(plover.mode.as_deref(), Some("resign"));
}

#[test]
fn an_indictment_is_a_plover_accusation() {
    let ev = common::code(
        "A US federal court indicted Russia's military intelligence chief.",
        "2018-07-13",
    );
    let indicted = ev
        .iter()
        .find(|e| e.trigger.text == "indicted")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(indicted.code, "173");
    let plover = indicted.plover.as_ref().unwrap();
    assert_eq!(plover.kind, "ACCUSE");
    assert_eq!(plover.mode.as_deref(), Some("allege"));
}

#[test]
fn international_sanctions_are_a_plover_sanction() {
    let ev = common::code(
        "President Bill Clinton has imposed sanctions on the Taliban.",
        "1999-07-06",
    );
    let imposed = ev
        .iter()
        .find(|e| e.code == "163")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(imposed.plover.as_ref().unwrap().kind, "SANCTION");
}

#[test]
fn an_appeal_is_a_plover_request() {
    // The table drops CAMEO's appeals (02); the manual's REQUEST holds all requests.
    let ev = common::code(
        "France urged Russia to provide humanitarian aid to Syria.",
        "2016-02-02",
    );
    let urged = ev
        .iter()
        .find(|e| e.trigger.text == "urged" && e.code.starts_with("02"))
        .unwrap_or_else(|| panic!("{ev:?}"));
    let plover = urged.plover.as_ref().unwrap();
    assert_eq!(plover.kind, "REQUEST", "{urged:?}");
}

#[test]
fn lifting_a_curfew_is_a_plover_concession() {
    // The manual's CONCEDE covers "removing curfews"; the 2021 table has RETREAT for 0813.
    let ev = common::code("Serbia lifted a night curfew in Montenegro.", "1990-06-01");
    let lifted = ev
        .iter()
        .find(|e| e.trigger.text == "lifted")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(lifted.code, "0813");
    assert_eq!(lifted.plover.as_ref().unwrap().kind, "CONCEDE");
}

#[test]
fn an_announced_retreat_is_a_plover_concession() {
    // Manual, CONCEDE: "announced...would withdraw troops" is RETREAT + future, coded CONCEDE.
    let ev = common::code(
        "Russia announced it would withdraw its troops from Syria.",
        "2016-03-14",
    );
    let withdraw = ev
        .iter()
        .find(|e| e.trigger.text == "withdraw" && e.code == "0874")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(withdraw.plover.as_ref().unwrap().kind, "CONCEDE");
}

#[test]
fn a_pardon_is_a_plover_concession() {
    let ev = common::code(
        "President Clinton pardoned 16 Puerto Rican nationalists.",
        "1999-09-01",
    );
    let pardoned = ev
        .iter()
        .find(|e| e.trigger.text == "pardoned")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(pardoned.plover.as_ref().unwrap().kind, "CONCEDE");
}
