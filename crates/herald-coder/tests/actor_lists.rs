//! PETRARCH dictionary conventions for actor phrases: codes that list several actors, names
//! written with their article.

mod common;

fn triples(text: &str, actors: &str) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = common::code_with(text, "2020-01-01", |dicts| {
        assert!(dicts.actors.add("test.actors", actors).is_empty());
    })
    .into_iter()
    .filter_map(|e| Some((e.source.code?, e.target.code?, e.code)))
    .collect();
    out.sort();
    out
}

#[test]
fn a_code_listing_actors_gives_an_event_per_pair() {
    let t = triples(
        "The Shire restored full diplomatic ties with Lorien on Monday.",
        "THE_SHIRE [FRO/BIL]\nLORIEN [ELR/GAL]\n",
    );
    for pair in [
        ("FRO", "ELR"),
        ("FRO", "GAL"),
        ("BIL", "ELR"),
        ("BIL", "GAL"),
    ] {
        assert!(
            t.iter().any(|(s, g, _)| (s.as_str(), g.as_str()) == pair),
            "{pair:?} in {t:?}"
        );
    }
    assert!(
        t.iter()
            .all(|(s, g, _)| !s.contains('/') && !g.contains('/')),
        "{t:?}"
    );
}

#[test]
fn a_name_listed_with_its_article_is_found_with_it() {
    let t = triples(
        "The KU basketball team restored full diplomatic ties with Libya on Monday.",
        "THE_KU [USAEDU]\n",
    );
    assert!(
        t.iter().any(|(s, g, _)| s == "USAEDU" && g == "LBY"),
        "{t:?}"
    );
}
