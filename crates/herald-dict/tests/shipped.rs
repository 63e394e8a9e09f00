//! The dictionaries herald ships in data/: they load without errors that matter, and say what
//! they should about well-known actors and verbs.

use herald_dict::verbs::VerbDictionary;
use herald_dict::{ActorDictionary, AgentDictionary, Date};

fn data(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/../../data/{rel}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn actors() -> ActorDictionary {
    with_phoenix(ActorDictionary::default())
}

/// Add herald's leaders file and the Phoenix files to `d`.
fn with_phoenix(mut d: ActorDictionary) -> ActorDictionary {
    assert!(d
        .add_herald("leaders.actors", &data("actors/leaders.actors"))
        .is_empty());
    for f in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ] {
        // The PETRARCH files carry a few malformed date restrictions; they are reported, not fatal.
        let problems = d.add(f, &data(&format!("petrarch2/{f}")));
        assert!(problems.len() < 30, "{f}: {} problems", problems.len());
    }
    d
}

fn code(d: &ActorDictionary, name: &str, date: &str) -> Option<String> {
    let words = herald_dict::split_words(name);
    let m = d
        .longest_match(&words, 0)
        .filter(|m| m.len == words.len())?;
    d.code_on(m.entry, Date::parse(date).unwrap())
        .map(String::from)
}

#[test]
fn actors_are_right_for_the_date() {
    let d = actors();
    assert_eq!(
        code(&d, "Donald Trump", "2025-05-21").as_deref(),
        Some("USAGOV")
    );
    assert_eq!(
        code(&d, "Donald Trump", "2022-05-21").as_deref(),
        Some("USAELI")
    );
    assert_eq!(
        code(&d, "Benjamin Netanyahu", "2025-05-21").as_deref(),
        Some("ISRGOV")
    );
    assert_eq!(
        code(&d, "Benjamin Netanyahu", "2022-01-01").as_deref(),
        Some("ISRELI")
    );
    assert_eq!(
        code(&d, "Ahmed al-Sharaa", "2025-05-21").as_deref(),
        Some("SYRGOV")
    );
    // PETRARCH-2's own unit test.
    assert_eq!(
        code(&d, "Carl XVI Gustaf", "2015-01-01").as_deref(),
        Some("SWEGOV")
    );
    assert_eq!(
        code(&d, "Carl XVI Gustaf", "1972-01-01").as_deref(),
        Some("SWEELI")
    );
    assert_eq!(
        code(&d, "Hamas", "2025-05-21").as_deref(),
        Some("PSEREBHMS")
    );
    assert_eq!(code(&d, "Riyadh", "2025-05-21").as_deref(), Some("SAU"));
    // FIXME(event coder issue): the 2015 dictionaries know neither the Houthis nor Mike
    // Huckabee as an official; herald's own actor files must add them with sources.
    assert_eq!(code(&d, "Houthis", "2025-05-21"), None);
}

/// The dictionaries as the coder loads them: herald's hand entries first.
fn actors_with_hand_entries() -> ActorDictionary {
    let mut d = ActorDictionary::default();
    assert!(d
        .add_herald("hand.actors", &data("actors/hand.actors"))
        .is_empty());
    with_phoenix(d)
}

#[test]
fn hand_entries_add_current_bodies_and_armed_groups() {
    let d = actors_with_hand_entries();
    for (name, want) in [
        ("APEC", "IGOASABUS"),
        ("G20", "IGOBUS"),
        ("Gulf Cooperation Council", "IGOPGSGCC"),
        ("OSCE", "IGOEURSCE"),
        ("Kataib Hezbollah", "IRQREB"),
        ("JNIM", "MLIREB"),
        ("ISIS-K", "IMGMUSISI"),
        ("M23", "CODREB"),
        ("Houthis", "YEMREB"),
        ("Elysee", "FRAGOV"),
    ] {
        assert_eq!(
            code(&d, name, "2025-05-21").as_deref(),
            Some(want),
            "{name}"
        );
    }
    // "Islamic Jihad" was Hezbollah's cover name in the 1980s; now it is the Palestinian group.
    assert_eq!(
        code(&d, "Islamic Jihad", "1987-06-01").as_deref(),
        Some("LBNREB")
    );
    assert_eq!(
        code(&d, "Islamic Jihad", "2025-05-21").as_deref(),
        Some("PSEREB")
    );
    // Japan's prime minister changed after the Wikidata list was taken (2025-10-03).
    assert_eq!(
        code(&d, "Shigeru Ishiba", "2025-06-01").as_deref(),
        Some("JPNGOV")
    );
    assert_eq!(
        code(&d, "Shigeru Ishiba", "2025-11-01").as_deref(),
        Some("JPNLEG")
    );
    assert_eq!(
        code(&d, "Sanae Takaichi", "2025-11-01").as_deref(),
        Some("JPNGOV")
    );
    // An acronym that is an English word is no entry: names match without regard to case.
    assert_eq!(code(&d, "WHO", "2025-05-21"), None);
}

#[test]
fn verbs_and_agents_load() {
    let (v, problems) = VerbDictionary::parse("CAMEO.2.0.txt", &data("petrarch2/CAMEO.2.0.txt"));
    // Two pattern lines in the 2019 file have unbalanced brackets.
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(
        (v.synsets.len(), v.blocks.len(), v.transformations.len()),
        (40, 397, 8)
    );
    assert_eq!(v.pattern_count(), 4666);
    let ask: Vec<String> = v.verbs_for("ask").map(|x| x.words.join("_")).collect();
    assert!(ask.contains(&"ASK".to_string()) && ask.contains(&"ASK_FOR".to_string()));
    // FIXME(event coder issue): PETRARCH-2 has no URGE, the verb of the seed article's first
    // event; herald's verb additions must supply it.
    assert_eq!(v.verbs_for("urge").count(), 0);
    let agents =
        AgentDictionary::parse("Phoenix.agents.txt", &data("petrarch2/Phoenix.agents.txt"))
            .unwrap();
    let m = agents.longest_match(&["ministers"], 0).unwrap();
    assert_eq!(agents.agents[m.entry].code, "GOV");
    let m = agents.longest_match(&["riot", "police"], 0).unwrap();
    assert_eq!((agents.agents[m.entry].code.as_str(), m.len), ("COP", 2));
    // FIXME(event coder issue): Phoenix has "customs official" and the like but not "officials"
    // alone, so "Israeli officials" gets no agent; herald's agent additions must supply it.
    assert!(agents.longest_match(&["officials"], 0).is_none());
}
