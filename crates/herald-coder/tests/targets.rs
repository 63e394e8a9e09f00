//! Whom an act is aimed at: an actor named only to say when something happened is not it.

mod common;

#[test]
fn an_actor_in_a_phrase_of_time_is_no_target() {
    let ev = common::code(
        "Britain is about to restore full diplomatic ties, almost five years after Iranian crowds burned down its embassy.",
        "2015-06-09",
    );
    let restore: Vec<_> = ev.iter().filter(|e| e.trigger.text == "restore").collect();
    assert!(
        restore.iter().all(|e| !e
            .target
            .code
            .as_deref()
            .is_some_and(|c| c.starts_with("IRN"))),
        "{ev:?}"
    );
}

#[test]
fn a_place_where_an_act_happened_does_not_act_back() {
    let ev = common::code(
        "Obama attended a summit in Switzerland on Monday.",
        "2015-06-09",
    );
    assert!(
        ev.iter().any(|e| e.source.code.as_deref() == Some("USAGOV")
            && e.target.code.as_deref() == Some("CHE")),
        "{ev:?}"
    );
    assert!(
        !ev.iter().any(|e| e.source.code.as_deref() == Some("CHE")),
        "{ev:?}"
    );
    // A country one arrives in for talks is a party to them.
    let ev = common::code(
        "British Foreign Secretary Jack Straw arrived in Indonesia for talks on Monday.",
        "2005-01-10",
    );
    assert!(
        ev.iter().any(|e| e.source.code.as_deref() == Some("IDN")),
        "{ev:?}"
    );
}

#[test]
fn an_act_is_aimed_at_another_country_before_the_actors_own() {
    let ev = common::code(
        "The Canadian government announced asset freezes and bans on travel to Canada against four senior officers in the Russian military.",
        "2014-03-20",
    );
    let announced: Vec<_> = ev
        .iter()
        .filter(|e| e.source.code.as_deref() == Some("CANGOV"))
        .collect();
    assert!(!announced.is_empty(), "{ev:?}");
    assert!(
        announced.iter().all(|e| e
            .target
            .code
            .as_deref()
            .is_some_and(|c| c.starts_with("RUS"))),
        "{ev:?}"
    );
}

#[test]
fn a_statement_does_what_its_participle_says() {
    // "issued a statement deploring …": the issuer deplores, and disapproving of an act is
    // aimed at who did it.
    let ev = common::code(
        "EC foreign ministers issued a statement deploring Japan's continued trade imbalance.",
        "1987-03-17",
    );
    assert!(
        ev.iter().any(|e| e.trigger.text == "deploring"
            && e.root == "11"
            && e.target.code.as_deref() == Some("JPN")),
        "{ev:?}"
    );
    let ev = common::code("France condemned Israel's raid on Gaza.", "2014-07-20");
    assert!(
        ev.iter().any(|e| e.trigger.text == "condemned"
            && e.source.code.as_deref() == Some("FRA")
            && e.target.code.as_deref() == Some("ISR")),
        "{ev:?}"
    );
}

#[test]
fn people_of_no_country_are_the_people_of_the_place_they_act_in() {
    let ev = common::code(
        "Thousands of protesters rallied in Cairo on Friday against the government.",
        "2025-03-01",
    );
    assert!(
        ev.iter()
            .any(|e| e.root == "14" && e.source.code.as_deref() == Some("EGYOPP")),
        "{ev:?}"
    );
    // The place may hang on the attack ("in an Israeli air strike in Gaza"); Gaza's region
    // code gives its country.
    let ev = common::code(
        "Four children were killed in an Israeli air strike in Gaza on Friday.",
        "2014-07-18",
    );
    assert!(
        ev.iter().any(|e| e.source.code.as_deref() == Some("ISR")
            && e.target.code.as_deref() == Some("PSECVL")),
        "{ev:?}"
    );
    // Not officials, who travel: they stay of no country.
    let ev = common::code(
        "Officials met in Geneva on Friday with Iranian negotiators.",
        "2025-03-01",
    );
    assert!(
        !ev.iter()
            .any(|e| e.source.code.as_deref() == Some("CHEGOV")),
        "{ev:?}"
    );
}
