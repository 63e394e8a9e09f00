//! Events named by nouns: withdrawals, and what a perform verb's passive subject names.

mod common;

/// (code, source, target, date) of the events `trigger` starts.
fn events(
    text: &str,
    date: &str,
    trigger: &str,
) -> Vec<(String, Option<String>, Option<String>, Option<String>)> {
    common::code(text, date)
        .into_iter()
        .filter(|e| e.trigger.text == trigger)
        .map(|e| (e.code, e.source.code, e.target.code, e.date))
        .collect()
}

#[test]
fn a_withdrawal_is_its_source_leaving_the_place_it_names() {
    let ev = events(
        "Israel began its withdrawal from Gaza on Monday.",
        "2005-08-17",
        "withdrawal",
    );
    assert_eq!(
        ev,
        vec![(
            "0874".to_string(),
            Some("ISR".to_string()),
            Some("PSEGZA".to_string()),
            Some("2005-08-15".to_string())
        )]
    );
    // Who leaves is the "of" phrase; "from Iraq" hung on the troops still names the place.
    let ev = events(
        "The withdrawal of US troops from Iraq began in June.",
        "2009-07-01",
        "withdrawal",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert!(
        ev[0].1.as_deref().is_some_and(|c| c.starts_with("USA")),
        "{ev:?}"
    );
    assert_eq!(ev[0].2.as_deref().map(|c| &c[..3]), Some("IRQ"), "{ev:?}");
}

#[test]
fn withdrawing_support_or_leaving_an_organisation_is_no_retreat() {
    for text in [
        "The withdrawal of US support angered Kiev.",
        "Britain's withdrawal from the European Union was completed in January.",
    ] {
        let ev = events(text, "2020-02-01", "withdrawal");
        assert!(ev.is_empty(), "{text}: {ev:?}");
    }
}

#[test]
fn talks_that_were_held_happened_between_their_participants() {
    let ev = events(
        "Talks between Israel and Hamas were held in Cairo on Monday.",
        "2014-08-13",
        "Talks",
    );
    let pairs: Vec<_> = ev
        .iter()
        .map(|(c, s, t, d)| (c.as_str(), s.as_deref(), t.as_deref(), d.as_deref()))
        .collect();
    assert!(
        pairs.contains(&("046", Some("ISR"), Some("PSEREBHMS"), Some("2014-08-11"))),
        "{pairs:?}"
    );
    // Talks that were called off did not happen.
    let ev = events(
        "Talks between Israel and Hamas were called off on Monday.",
        "2014-08-13",
        "Talks",
    );
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn another_verbs_idiom_does_not_hide_the_act_performed() {
    // STAGE shares PLACE's "* (IN &DETENTION)" (173, arrest): staging a hunger strike in
    // prison is the hunger strike.
    let ev = common::code(
        "Algerian activists staged a hunger strike in prison on Sunday.",
        "2000-01-01",
    );
    let codes: Vec<&str> = ev.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["142"], "{ev:?}");
}

#[test]
fn a_warning_strike_is_a_labour_strike() {
    let ev = events(
        "Transport workers in Germany began a nationwide strike on Monday.",
        "2000-01-05",
        "strike",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].0, "143");
    assert_eq!(ev[0].1.as_deref(), Some("DEULAB"));
}

#[test]
fn an_investigation_happened_with_or_without_a_target() {
    let ev = events(
        "The Pentagon's investigation found no wrongdoing.",
        "2005-03-01",
        "investigation",
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].0, "090");
    assert_eq!(ev[0].1.as_deref(), Some("USAMIL"));
    // News media's "inquiries" are questions, not investigations.
    let ev = events(
        "Reuters inquiries went unanswered on Monday.",
        "2005-03-01",
        "inquiries",
    );
    assert!(ev.is_empty(), "{ev:?}");
}
