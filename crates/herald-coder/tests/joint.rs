//! A compound subject without a target: joint acts pair its members, others do not.

mod common;

fn dyads(text: &str) -> Vec<(String, String, String)> {
    common::code(text, "2024-03-04")
        .into_iter()
        .filter_map(|e| Some((e.source.code?, e.target.code?, e.code)))
        .collect()
}

#[test]
fn members_of_a_compound_subject_meet_each_other() {
    let d = dyads("Israel and Egypt held talks in Cairo on Monday.");
    assert!(d.iter().any(|(s, t, c)| s == "ISR" && t == "EGY" && c.starts_with("04")), "{d:?}");
    assert!(d.iter().any(|(s, t, c)| s == "EGY" && t == "ISR" && c.starts_with("04")), "{d:?}");
}

#[test]
fn members_of_a_compound_subject_do_not_criticise_each_other() {
    let d = dyads("Israel and Egypt criticized the decision on Monday.");
    assert!(
        !d.iter().any(|(s, t, _)| (s == "ISR" && t == "EGY") || (s == "EGY" && t == "ISR")),
        "{d:?}"
    );
}
