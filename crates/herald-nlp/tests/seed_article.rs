//! The shipped models on the seed article (tests/fixtures/seed-article.txt): sentence splits,
//! entity types and verb lemmas the event coder depends on.

use herald_doc::{Document, EntityType};
use herald_nlp::{default_models_dir, Pipeline};

fn seed() -> (Document, herald_doc::Analysis) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/seed-article.txt"
    ))
    .unwrap();
    let doc = Document {
        id: "seed".into(),
        date: Some("2025-05-21".into()),
        text,
        ..Document::default()
    };
    let nlp = Pipeline::load(&default_models_dir()).expect("models load");
    let a = nlp.analyze(&doc);
    (doc, a)
}

fn types_of<'a>(a: &'a herald_doc::Analysis, name: &str) -> Vec<EntityType> {
    a.entities
        .iter()
        .filter(|e| e.text == name)
        .map(|e| e.kind)
        .collect()
}

#[test]
fn sentences_split_where_they_should() {
    let (doc, a) = seed();
    // Ten paragraphs; four of them hold two sentences.
    assert_eq!(a.sentences.len(), 14);
    let idx = herald_doc::CharIndex::new(&doc.text);
    let first = idx.slice(&doc.text, a.sentences[0].span);
    assert!(
        first.starts_with("US President Donald Trump") && first.ends_with("phone conversation.")
    );
    let s3 = idx.slice(&doc.text, a.sentences[3].span);
    assert!(s3.starts_with("During the call"), "{s3}");
}

#[test]
fn persons_are_persons() {
    let (_, a) = seed();
    for name in ["Donald Trump", "Benjamin Netanyahu", "Gideon Sa’ar"] {
        assert!(
            types_of(&a, name).contains(&EntityType::Person),
            "{name}: {:?}",
            types_of(&a, name)
        );
    }
    let huckabee: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.text.contains("Huckabee"))
        .collect();
    assert!(
        huckabee
            .iter()
            .all(|e| e.kind == EntityType::Person && e.text.ends_with("Mike Huckabee")),
        "{huckabee:?}"
    );
}

#[test]
fn organisations_are_not_persons() {
    let (_, a) = seed();
    for name in ["CNN", "Hamas", "Houthis"] {
        let t = types_of(&a, name);
        assert!(
            !t.is_empty() && t.iter().all(|&k| k == EntityType::Org),
            "{name}: {t:?}"
        );
    }
    let bloomberg: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.text.contains("Bloomberg"))
        .collect();
    assert!(
        !bloomberg.is_empty() && bloomberg.iter().all(|e| e.kind == EntityType::Org),
        "{bloomberg:?}"
    );
}

#[test]
fn places_are_locations() {
    let (_, a) = seed();
    for name in [
        "Israel",
        "Gaza",
        "Iran",
        "Yemen",
        "Syria",
        "Saudi Arabia",
        "Riyadh",
        "Washington",
    ] {
        let t = types_of(&a, name);
        assert!(t.contains(&EntityType::Loc), "{name}: {t:?}");
    }
}

#[test]
fn verbs_lemmatise() {
    let (_, a) = seed();
    let lemma = |w: &str| {
        a.sentences
            .iter()
            .flat_map(|s| &s.tokens)
            .find(|t| t.text == w)
            .map(|t| t.lemma.clone())
            .unwrap()
    };
    assert_eq!(lemma("urged"), "urge");
    assert_eq!(lemma("asked"), "ask");
    assert_eq!(lemma("brokered"), "broker");
    assert_eq!(lemma("lifted"), "lift");
    assert_eq!(lemma("convened"), "convene");
    assert_eq!(lemma("floated"), "float");
}

#[test]
fn urged_has_trump_as_subject() {
    let (_, a) = seed();
    let s = &a.sentences[0];
    let urged = s.tokens.iter().position(|t| t.text == "urged").unwrap();
    // A name is its head word plus its `flat` dependents ("Donald" + "Trump").
    let name = |i: usize| {
        let mut words = vec![s.tokens[i].text.as_str()];
        words.extend(
            s.tokens
                .iter()
                .filter(|t| t.head == Some(i) && t.deprel == "flat")
                .map(|t| t.text.as_str()),
        );
        words.join(" ")
    };
    let subj = s
        .tokens
        .iter()
        .position(|t| t.head == Some(urged) && t.deprel.starts_with("nsubj"))
        .unwrap();
    assert_eq!(name(subj), "Donald Trump");
    let obj = s
        .tokens
        .iter()
        .position(|t| t.head == Some(urged) && t.deprel == "obj")
        .expect("urged has an object");
    assert_eq!(name(obj), "Benjamin Netanyahu");
}

#[test]
fn offsets_point_into_the_text() {
    let (doc, a) = seed();
    let idx = herald_doc::CharIndex::new(&doc.text);
    for s in &a.sentences {
        for t in &s.tokens {
            assert_eq!(idx.slice(&doc.text, t.span), t.text);
        }
    }
    for e in &a.entities {
        assert_eq!(idx.slice(&doc.text, e.span), e.text);
    }
}
