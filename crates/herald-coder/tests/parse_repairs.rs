//! Parser errors the coder reads through: a main verb parsed as a reduced relative clause,
//! and "they" for a group the sentence named without a proper name.

mod common;

#[test]
fn a_main_verb_parsed_as_a_reduced_relative_is_coded() {
    // Parsed as "bombers [who were] killed …" with no main verb.
    let ev = common::code(
        "Two Palestinian suicide bombers killed 23 people as well as themselves late Sunday \
         when they blew themselves up in Tel Aviv.",
        "2000-01-01",
    );
    assert!(
        ev.iter()
            .any(|e| e.trigger.text == "killed" && e.source.code.as_deref() == Some("PSEREB")),
        "{ev:?}"
    );
    // "they" is the bombers, not an actor of an earlier sentence.
    assert!(
        ev.iter()
            .filter(|e| e.source.text.as_deref() == Some("they"))
            .all(|e| e.source.code.as_deref() == Some("PSEREB")),
        "{ev:?}"
    );
}
