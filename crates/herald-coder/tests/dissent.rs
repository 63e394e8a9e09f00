//! Acts named by a noun that the subject performs ("staged a protest", "began a hunger strike",
//! "carried out a strike on Gaza"), with or without a target for dissent.

mod common;

fn codes(text: &str) -> Vec<(Option<String>, String, Option<String>)> {
    common::code(text, "2020-01-01")
        .into_iter()
        .map(|e| (e.source.code, e.code, e.target.code))
        .collect()
}

#[test]
fn performed_acts_named_by_nouns_are_events() {
    let got = codes("Israeli warplanes carried out a strike on Gaza.");
    assert!(
        got.iter().any(|(s, c, t)| s.as_deref() == Some("ISRMIL")
            && c.starts_with("19")
            && t.as_deref() == Some("PSEGZA")),
        "{got:?}"
    );
    let got = codes("Algerian students began a hunger strike against the government.");
    assert!(got.iter().any(|(_, c, _)| c == "142"), "{got:?}");
}

#[test]
fn a_subject_the_parser_calls_passive_before_an_object_acts() {
    let got = codes("Palestinian suicide bombers killed 23 people.");
    assert!(
        got.iter().any(
            |(s, c, _)| s.as_deref().is_some_and(|s| s.starts_with("PSE")) && c.starts_with("19")
        ),
        "{got:?}"
    );
    let got = codes("Three Palestinians were killed by Israeli soldiers.");
    assert!(
        got.iter()
            .any(|(s, _, t)| s.as_deref() == Some("ISRMIL") && t.as_deref() == Some("PSE")),
        "{got:?}"
    );
}

#[test]
fn organizing_a_general_strike_is_the_strike() {
    // CAMEO.2.0.txt codes "organize" alone as coordinating (050); "general" is an adjective
    // of the noun, and a general strike is no military strike.
    let got = codes("Seven opposition parties in Nepal have organized a general strike.");
    assert!(
        got.iter()
            .any(|(s, c, _)| s.as_deref() == Some("NPLOPP") && c == "143"),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|(_, c, _)| c == "050" || c.starts_with("19")),
        "{got:?}"
    );
}
