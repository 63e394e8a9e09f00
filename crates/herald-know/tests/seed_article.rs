//! The knowledge record of the seed article (published Wednesday 2025-05-21), with the shipped
//! models and gazetteer.

use herald_doc::{Document, EntityType};
use herald_know::geo::distance_km;

fn record() -> herald_know::gkg::Knowledge {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let text = std::fs::read_to_string(format!("{root}/tests/fixtures/seed-article.txt")).unwrap();
    let doc = Document {
        id: "seed".into(),
        date: Some("2025-05-21".into()),
        text,
        ..Document::default()
    };
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let kb = herald_know::gkg::KnowledgeBase::load(std::path::Path::new(&format!("{root}/data")))
        .unwrap();
    herald_know::gkg::knowledge(&doc, &nlp.analyze(&doc), &kb)
}

#[test]
fn persons_have_their_mentions_linked() {
    let k = record();
    let person = |name: &str| {
        k.entities
            .iter()
            .find(|e| e.kind == EntityType::Person && e.name.contains(name))
            .unwrap_or_else(|| panic!("{name} missing: {:?}", k.entities))
    };
    let trump = person("Trump");
    assert_eq!(trump.name, "Donald Trump");
    assert!(trump.mentions.len() >= 5, "{:?}", trump.mentions);
    let bibi = person("Netanyahu");
    assert_eq!(bibi.name, "Benjamin Netanyahu");
    assert!(bibi
        .mentions
        .iter()
        .any(|m| m.kind == "pronoun" && m.text == "his"));
    person("Sa’ar");
    person("Huckabee");
    // "Abraham" (of the Abraham Accords) is no person; four persons in all.
    let persons: Vec<&str> = k
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(persons.len(), 4, "{persons:?}");
    // "Trump" alone is not a second entity.
    assert_eq!(
        k.entities
            .iter()
            .filter(|e| e.name.contains("Trump"))
            .count(),
        1
    );
}

#[test]
fn dates_are_normalised_against_the_publication_day() {
    let k = record();
    let value = |text: &str| {
        k.dates
            .iter()
            .find(|d| d.text == text)
            .map(|d| d.value.as_str())
            .unwrap_or_else(|| panic!("{text} missing: {:?}", k.dates))
    };
    assert_eq!(value("Monday"), "2025-05-19");
    assert_eq!(value("late Tuesday"), "2025-05-20");
}

#[test]
fn places_get_their_coordinates() {
    let k = record();
    let at = |text: &str| {
        let p = k
            .places
            .iter()
            .find(|p| p.text == text)
            .and_then(|p| p.place.as_ref())
            .unwrap_or_else(|| panic!("{text} unresolved"));
        (p.lat, p.lon)
    };
    // "Riyadh has maintained ...": the Saudi government speaking, not a place where it happened.
    assert!(k.places.iter().any(|p| p.text == "Riyadh" && p.actor));
    assert!(k.places.iter().any(|p| p.text == "Gaza" && !p.actor));
    for (name, lat, lon) in [
        ("Israel", 31.5, 34.75),
        ("Iran", 32.0, 53.0),
        ("Syria", 35.0, 38.0),
        ("Riyadh", 24.69, 46.72),
        ("Gaza", 31.5, 34.47),
        ("Saudi Arabia", 25.0, 45.0),
    ] {
        let (a, b) = at(name);
        assert!(distance_km(a, b, lat, lon) < 50.0, "{name}: {a},{b}");
    }
}

#[test]
fn quotes_belong_to_their_speakers_not_to_the_outlet() {
    let k = record();
    let by = |content: &str| {
        k.quotations
            .iter()
            .find(|q| q.content.text.contains(content))
            .unwrap_or_else(|| panic!("{content} missing: {:?}", k.quotations))
    };
    let smooth = by("very well, very smooth");
    assert!(smooth.direct);
    assert_eq!(
        smooth.speaker.as_ref().map(|s| s.text.as_str()),
        Some("Trump")
    );
    let realities = by("cultural and political realities");
    assert!(realities
        .speaker
        .as_ref()
        .is_some_and(|s| s.text.ends_with("Mike Huckabee")));
    let two_state = by("a two-state solution is no longer");
    assert!(!two_state.direct);
    assert!(two_state
        .speaker
        .as_ref()
        .is_some_and(|s| s.text.ends_with("Mike Huckabee")));
    // A quoted name is no quotation.
    assert!(!k
        .quotations
        .iter()
        .any(|q| q.content.text.contains("Gaza Riviera")));
}

#[test]
fn the_tone_is_negative_and_themes_are_found() {
    let k = record();
    assert!(k.tone.tone < 0.0, "{:?}", k.tone);
    assert!(k.tone.word_count > 300);
    assert_eq!(k.sentence_tones.len(), 14);
    for theme in ["CEASEFIRE", "SANCTIONS", "NEGOTIATIONS", "WMD"] {
        assert!(
            k.themes.iter().any(|t| t.theme == theme),
            "{theme}: {:?}",
            k.themes
        );
    }
}

#[test]
fn amounts_count_their_objects() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let doc = Document {
        id: "amounts".into(),
        date: Some("2008-08-04".into()),
        text: "Israel announced it would free over 150 Palestinian prisoners. Some 20,000 combat soldiers were sent.".into(),
        ..Document::default()
    };
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let kb = herald_know::gkg::KnowledgeBase::load(std::path::Path::new(&format!("{root}/data")))
        .unwrap();
    let k = herald_know::gkg::knowledge(&doc, &nlp.analyze(&doc), &kb);
    let got: Vec<(f64, &str)> = k
        .amounts
        .iter()
        .map(|a| (a.amount, a.object.as_str()))
        .collect();
    assert!(got.contains(&(150.0, "Palestinian prisoners")), "{got:?}");
    assert!(got.contains(&(20000.0, "combat soldiers")), "{got:?}");
}
