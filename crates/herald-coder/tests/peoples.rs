//! A people in the plural acts for its country ("Albanians protested"), as the singular
//! demonym the dictionaries list does.

mod common;

fn dyads(text: &str) -> Vec<(Option<String>, Option<String>)> {
    common::code(text, "2020-01-01")
        .into_iter()
        .map(|e| (e.source.code, e.target.code))
        .collect()
}

#[test]
fn plural_demonyms_are_their_countries() {
    let got = dyads("Palestinians threw stones at Israeli soldiers.");
    assert!(
        got.iter().any(|(s, _)| s.as_deref() == Some("PSE")),
        "{got:?}"
    );
    // A country whose name ends in s stays itself.
    let got = dyads("The Netherlands criticized Russia.");
    assert!(
        got.iter()
            .any(|(s, t)| s.as_deref() == Some("NLD") && t.as_deref() == Some("RUS")),
        "{got:?}"
    );
}

#[test]
fn serbs_are_serbia_as_serbian_is() {
    let got = dyads("Serb forces killed three ethnic Albanians.");
    assert!(
        got.iter()
            .any(|(s, t)| s.as_deref() == Some("SRB") && t.as_deref() == Some("ALB")),
        "{got:?}"
    );
}
