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

#[test]
fn the_islamic_state_without_its_article_and_al_shabaab() {
    let got = dyads("The United States launched an air strike against an Islamic State target.");
    assert!(
        got.iter().any(|(_, t)| t.as_deref() == Some("IMGMUSISI")),
        "{got:?}"
    );
    let got = dyads("Al-Shabaab fighters attacked a police station in Kenya.");
    assert!(
        got.iter()
            .any(|(s, _)| s.as_deref().is_some_and(|c| c.starts_with("SOMREB"))),
        "{got:?}"
    );
}

#[test]
fn a_bare_surname_is_no_former_officeholder() {
    // "Hughes" in 1987 business news is the tool company, not an elite of the dictionaries;
    // "Ford" is the carmaker. A title still names the person ("President Ford").
    for text in [
        "Hughes said it would sign the consent decree with the U.S. Justice Department.",
        "Ford said it would build a plant in Mexico.",
    ] {
        let ev = common::code(text, "1987-03-05");
        assert!(
            !ev.iter()
                .any(|e| e.source.code.as_deref().is_some_and(|c| c.ends_with("ELI"))),
            "{text}: {ev:?}"
        );
    }
}

#[test]
fn names_with_a_possessive_are_found() {
    // The tokenizer splits "People's" and "Workers'"; the dictionaries' phrases are split so.
    let ev = common::code(
        "The People's Liberation Army attacked Taiwan.",
        "2000-01-01",
    );
    assert!(
        ev.iter()
            .any(|e| e.source.code.as_deref() == Some("CHNMIL") && e.root == "19"),
        "{ev:?}"
    );
    let ev = common::code(
        "The Kurdistan Workers' Party demanded that Russia provide information.",
        "2000-01-01",
    );
    assert!(
        ev.iter()
            .any(|e| e.source.code.as_deref() == Some("TURREB") && e.root == "10"),
        "{ev:?}"
    );
}
