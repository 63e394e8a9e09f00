//! PLOVER categories where the PLOVER manual reads an event otherwise than the 2021
//! CAMEO→PLOVER table.

mod common;
use herald_doc::Event;

/// The first event of `text` (published on `date`) that `pick` chooses.
fn event_where(text: &str, date: &str, pick: impl Fn(&Event) -> bool) -> Event {
    let ev = common::code(text, date);
    ev.iter()
        .find(|e| pick(e))
        .cloned()
        .unwrap_or_else(|| panic!("{ev:?}"))
}

/// The PLOVER category of that event.
fn plover_kind(e: &Event) -> &str {
    &e.plover.as_ref().expect("a PLOVER reading").kind
}

#[test]
fn a_resignation_is_a_plover_retreat() {
    let e = event_where(
        "Georgian President Eduard Shevardnadze resigned on Sunday.",
        "2003-11-23",
        |e| e.trigger.text == "resigned",
    );
    assert_eq!(plover_kind(&e), "RETREAT");
    assert_eq!(e.plover.unwrap().mode.as_deref(), Some("resign"));
}

#[test]
fn an_indictment_is_a_plover_accusation() {
    let e = event_where(
        "A US federal court indicted Russia's military intelligence chief.",
        "2018-07-13",
        |e| e.trigger.text == "indicted",
    );
    assert_eq!(e.code, "173");
    assert_eq!(plover_kind(&e), "ACCUSE");
    assert_eq!(e.plover.unwrap().mode.as_deref(), Some("allege"));
}

#[test]
fn international_sanctions_are_a_plover_sanction() {
    let e = event_where(
        "President Bill Clinton has imposed sanctions on the Taliban.",
        "1999-07-06",
        |e| e.code == "163",
    );
    assert_eq!(plover_kind(&e), "SANCTION");
}

#[test]
fn an_appeal_is_a_plover_request() {
    // The table drops CAMEO's appeals (02); the manual's REQUEST holds all requests.
    let e = event_where(
        "France urged Russia to provide humanitarian aid to Syria.",
        "2016-02-02",
        |e| e.trigger.text == "urged" && e.code.starts_with("02"),
    );
    assert_eq!(plover_kind(&e), "REQUEST", "{e:?}");
}

#[test]
fn lifting_a_curfew_is_a_plover_concession() {
    // The manual's CONCEDE covers "removing curfews"; the 2021 table has RETREAT for 0813.
    let e = event_where(
        "Serbia lifted a night curfew in Montenegro.",
        "1990-06-01",
        |e| e.trigger.text == "lifted",
    );
    assert_eq!(e.code, "0813");
    assert_eq!(plover_kind(&e), "CONCEDE");
}

#[test]
fn an_announced_retreat_is_a_plover_concession() {
    // Manual, CONCEDE: "announced...would withdraw troops" is RETREAT + future, coded CONCEDE.
    let e = event_where(
        "Russia announced it would withdraw its troops from Syria.",
        "2016-03-14",
        |e| e.trigger.text == "withdraw" && e.code == "0874",
    );
    assert_eq!(plover_kind(&e), "CONCEDE");
}

#[test]
fn a_pardon_is_a_plover_concession() {
    let e = event_where(
        "President Clinton pardoned 16 Puerto Rican nationalists.",
        "1999-09-01",
        |e| e.trigger.text == "pardoned",
    );
    assert_eq!(plover_kind(&e), "CONCEDE");
}
