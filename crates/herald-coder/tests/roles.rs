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
