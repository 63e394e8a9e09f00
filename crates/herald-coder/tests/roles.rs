//! A role held in several countries ("the foreign ministers of France, Germany and Britain")
//! is one actor per country, each with the role's code.

mod common;

#[test]
fn a_role_of_conjoined_countries_is_one_actor_per_country() {
    let ev = common::code(
        "The foreign ministers of France, Germany and Britain met Iranian officials in Geneva.",
        "2015-06-09",
    );
    let mut sources: Vec<(String, String)> = ev
        .iter()
        .filter(|e| e.code == "040")
        .filter_map(|e| Some((e.source.code.clone()?, e.source.text.clone()?)))
        .collect();
    sources.sort();
    let codes: Vec<&str> = sources.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["DEUGOV", "FRAGOV", "GBRGOV"], "{ev:?}");
    // The second and third are named by their country's words.
    assert!(
        sources.iter().any(|(c, t)| c == "DEUGOV" && t == "Germany"),
        "{sources:?}"
    );
}

#[test]
fn conjoined_country_words_before_a_role_are_one_actor_each() {
    let ev = common::code(
        "US and British activists staged a protest in Beijing.",
        "2008-08-06",
    );
    let mut sources: Vec<String> = ev.iter().filter_map(|e| e.source.code.clone()).collect();
    sources.sort();
    sources.dedup();
    assert_eq!(sources, ["GBROPP", "USAOPP"], "{ev:?}");
    // A joint act of the two, with no target, pairs them.
    let ev = common::code(
        "Senior Hungarian and Romanian officials met on Wednesday.",
        "1990-01-01",
    );
    assert!(
        ev.iter().any(|e| e.source.code.as_deref() == Some("ROUGOV")
            && e.target.code.as_deref() == Some("HUNGOV")),
        "{ev:?}"
    );
}

#[test]
fn a_role_word_describing_a_thing_makes_no_actor() {
    // "military" describes the exercises; the target is the place they are held.
    let ev = common::code(
        "Russia is conducting military exercises in Alaska.",
        "2015-06-09",
    );
    assert!(
        !ev.iter()
            .any(|e| e.target.code.as_deref() == Some("---MIL")),
        "{ev:?}"
    );
    // The role word as the head still is one.
    let ev = common::code(
        "Russian military officials met Iranian officials.",
        "2015-06-09",
    );
    assert!(
        ev.iter().any(|e| e
            .source
            .code
            .as_deref()
            .is_some_and(|c| c.starts_with("RUS"))),
        "{ev:?}"
    );
}

#[test]
fn a_role_word_alone_as_a_name_is_the_role() {
    // "Congress" is the name and the role (LEG); in "Economist Intelligence Unit" a role word
    // inside a longer name is none.
    let ev = common::code("Congress is asking Obama to help Iran.", "2015-06-09");
    assert!(
        ev.iter().any(|e| e.source.code.as_deref() == Some("---LEG")
            && e.target.code.as_deref() == Some("USAGOV")),
        "{ev:?}"
    );
}

#[test]
fn the_opposition_of_a_country_is_its_opp() {
    let ev = common::code(
        "Opposition groups in Zimbabwe demanded that Mugabe resign.",
        "2000-01-01",
    );
    assert!(
        ev.iter().any(|e| e.code == "100"
            && e.source.code.as_deref() == Some("ZWEOPP")
            && e.target.code.as_deref() == Some("ZWEGOV")),
        "{ev:?}"
    );
}

#[test]
fn a_hyphenated_role_adjective_describes_the_place() {
    // "a government-held part of Syria's second city" is Syria (a place), not its government.
    let ev = common::code(
        "Insurgents bombarded a government-held part of Syria's second city Aleppo overnight.",
        "2015-06-09",
    );
    assert!(
        ev.iter()
            .any(|e| e.root == "19" && e.target.code.as_deref() == Some("SYR")),
        "{ev:?}"
    );
}

#[test]
fn a_number_of_people_is_the_people_it_counts() {
    let ev = common::code(
        "Tens of thousands of university students throughout Indonesia staged mass \
         demonstrations Saturday to demand political reforms.",
        "2000-01-01",
    );
    assert!(
        ev.iter()
            .any(|e| e.code.starts_with("14") && e.source.code.as_deref() == Some("IDNEDU")),
        "{ev:?}"
    );
}

#[test]
fn a_role_adjective_inside_an_of_phrase_still_counts() {
    // "Muslim" modifies "Brotherhood", not "leaders": the leaders are Egypt's Muslims (EGYMUS).
    let ev = common::code(
        "Qatar has pledged to expel exiled leaders of Egypt's Muslim Brotherhood.",
        "2014-09-16",
    );
    assert!(
        ev.iter()
            .any(|e| e.code == "174" && e.target.code.as_deref() == Some("EGYMUS")),
        "{ev:?}"
    );
}

#[test]
fn the_un_written_with_points_is_the_un() {
    let ev = common::code(
        "U.N. helicopters evacuated the wounded from the besieged Bosnian town of Gorazde.",
        "1994-04-22",
    );
    assert!(
        ev.iter()
            .any(|e| e.source.code.as_deref() == Some("IGOUNO")),
        "{ev:?}"
    );
}

#[test]
fn the_uk_and_downing_street_are_britain() {
    let ev = common::code(
        "UK troops killed an Iraqi civilian in Basra. On Monday, Downing Street condemned Iran for the \
         attack.",
        "2005-03-01",
    );
    assert!(
        ev.iter()
            .any(|e| e.source.code.as_deref() == Some("GBRMIL")),
        "{ev:?}"
    );
    assert!(
        ev.iter()
            .any(|e| e.source.code.as_deref() == Some("GBRGOV")),
        "{ev:?}"
    );
}

#[test]
fn conjoined_roles_share_the_places_named_after_them() {
    // "in France and Germany" hangs on "Lawmakers"; the officials are French and German too.
    let ev = common::code(
        "Lawmakers and officials in France and Germany welcomed a resumption of formal diplomatic ties with Iran.",
        "2015-06-09",
    );
    let mut sources: Vec<&str> = ev
        .iter()
        .filter(|e| e.trigger.text == "welcomed")
        .filter_map(|e| e.source.code.as_deref())
        .collect();
    sources.sort();
    assert_eq!(sources, ["DEUGOV", "DEULEG", "FRAGOV", "FRALEG"], "{ev:?}");
}
