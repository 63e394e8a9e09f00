//! The coder on the seed article, with the shipped models and dictionaries: the events it must
//! get, and the traps it must not fall into (../shared/examples/README.md).

use herald_coder::{Coder, Dictionaries};
use herald_doc::{Document, Event, Modality};

/// The seed article, its analysis and the shipped dictionaries.
fn setup() -> (Document, herald_doc::Analysis, Dictionaries) {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let text = std::fs::read_to_string(format!("{root}/tests/fixtures/seed-article.txt")).unwrap();
    let doc = Document {
        id: "seed".into(),
        date: Some("2025-05-21".into()),
        text,
        ..Document::default()
    };
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let (dicts, _) = Dictionaries::load(std::path::Path::new(&format!("{root}/data"))).unwrap();
    let analysis = nlp.analyze(&doc);
    (doc, analysis, dicts)
}

fn events() -> Vec<Event> {
    let (doc, analysis, dicts) = setup();
    Coder::new(&dicts).code(&doc, &analysis)
}

fn find<'a>(events: &'a [Event], trigger: &str) -> Vec<&'a Event> {
    events
        .iter()
        .filter(|e| e.trigger.text == trigger)
        .collect()
}

#[test]
fn the_urging_is_an_appeal_by_trump_to_netanyahu_reported_by_cnn() {
    let ev = events();
    let urged = find(&ev, "urged");
    assert_eq!(urged.len(), 1);
    let e = urged[0];
    assert_eq!(
        (e.source.code.as_deref(), e.target.code.as_deref()),
        (Some("USAGOV"), Some("ISRGOV"))
    );
    assert_eq!(
        (e.code.as_str(), e.root.as_str(), e.quad),
        ("0256", "02", 1)
    );
    assert_eq!(e.modality, Modality::Asserted);
    assert_eq!(e.attribution.as_ref().map(|a| a.text.as_str()), Some("CNN"));
    // The PLOVER manual's REQUEST holds "all requests, demands, and orders"; its CAMEO table
    // drops 02, so the appeal reads as the parallel demand (1056: REQUEST, yield).
    let plover = e.plover.as_ref().expect("a PLOVER reading");
    assert_eq!(
        (plover.kind.as_str(), plover.mode.as_deref()),
        ("REQUEST", Some("yield"))
    );
    assert_eq!(
        (e.date.as_deref(), e.date_basis.as_str()),
        (Some("2025-05-21"), "publication")
    );
    assert_eq!((e.trigger.start, e.trigger.end), (30, 35));
    // The halting is what Trump asked for, not something that happened.
    let halt = find(&ev, "halt");
    assert!(!halt.is_empty() && halt.iter().all(|e| e.modality == Modality::Requested));
}

#[test]
fn hamas_has_not_rejected_is_negated() {
    let ev = events();
    let rejected = find(&ev, "rejected");
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0].modality, Modality::Negated);
    assert_eq!(
        rejected[0].source.code.as_deref(),
        Some("PSEREBHMS"),
        "\"it\" is Hamas"
    );
}

#[test]
fn no_media_actors_and_no_adjectival_events() {
    let ev = events();
    assert!(
        ev.iter()
            .all(|e| !e.source.code.as_deref().unwrap_or("").ends_with("MED")),
        "CNN is not an actor"
    );
    assert!(
        find(&ev, "backed").is_empty(),
        "\"Iran-backed\" describes, it reports no event"
    );
    assert!(
        find(&ev, "reported").is_empty(),
        "CNN reporting is attribution"
    );
    // "told Bloomberg News": the medium addressed is not a target.
    for e in find(&ev, "told") {
        assert_eq!(e.target.code, None);
    }
}

#[test]
fn dates_come_from_the_text_when_it_gives_one() {
    // The seed article's own sentence, with a foreign minister in place of Netanyahu's own
    // ministers (a leader convening his own cabinet is no interaction between actors).
    let (mut doc, _, dicts) = setup();
    doc.text =
        "Netanyahu convened Egypt's foreign minister late Tuesday to assess developments.".into();
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let ev = Coder::new(&dicts).code(&doc, &nlp.analyze(&doc));
    let convened = find(&ev, "convened");
    assert_eq!(convened.len(), 1);
    assert_eq!(
        (convened[0].date.as_deref(), convened[0].date_basis.as_str()),
        (Some("2025-05-20"), "text")
    );
    assert_eq!(
        (
            convened[0].source.code.as_deref(),
            convened[0].target.code.as_deref()
        ),
        (Some("ISRGOV"), Some("EGYGOV"))
    );
    // In the article itself, "Netanyahu convened his top ministers": ISRGOV on ISRGOV, no event.
    assert!(find(&events(), "convened").is_empty());
}

#[test]
fn lifted_sanctions_is_easing_sanctions_by_the_administration() {
    let ev = events();
    // "The Trump administration has bypassed Israel ..., brokered ... and lifted sanctions on
    // Syria": the subject comes up the chain of coordinated verbs; "Trump" resolves through
    // "Donald Trump" earlier in the article.
    let lifted = find(&ev, "lifted");
    assert_eq!(lifted.len(), 1);
    let e = lifted[0];
    assert_eq!(
        (
            e.code.as_str(),
            e.source.code.as_deref(),
            e.target.code.as_deref()
        ),
        ("085", Some("USAGOV"), Some("SYR"))
    );
    assert_eq!(
        e.plover
            .as_ref()
            .map(|p| (p.kind.as_str(), p.mode.as_deref())),
        Some(("RETREAT", Some("ease")))
    );
}

#[test]
fn missing_reports_what_the_dictionaries_lack() {
    let (doc, analysis, dicts) = setup();
    let m = Coder::new(&dicts).missing(&doc, &analysis);
    // The 2015 verb dictionary does not know "bypass"; "Bloomberg News" is no actor (a medium).
    // The Houthis are known since data/actors/hand.actors, and "Trump" after "Donald Trump".
    assert!(m.verbs.iter().any(|v| v == "bypass"), "{:?}", m.verbs);
    assert!(
        m.actors.iter().any(|(_, t)| t == "Bloomberg News"),
        "{:?}",
        m.actors
    );
    for known in ["Houthis", "Donald Trump", "Trump"] {
        assert!(
            !m.actors.iter().any(|(_, t)| t == known),
            "{known}: {:?}",
            m.actors
        );
    }
}

#[test]
fn the_call_is_an_event_between_trump_and_netanyahu_dated_monday() {
    let ev = events();
    // "their recent phone conversation" (sentence 1) is the call that "took place on Monday"
    // (sentence 2): one event each way, dated 2025-05-19 from the text.
    let call = find(&ev, "conversation")
        .into_iter()
        .filter(|e| e.code == "041")
        .collect::<Vec<_>>();
    assert_eq!(call.len(), 2, "{call:?}");
    let mut dyads: Vec<(Option<&str>, Option<&str>)> = call
        .iter()
        .map(|e| (e.source.code.as_deref(), e.target.code.as_deref()))
        .collect();
    dyads.sort();
    assert_eq!(
        dyads,
        vec![
            (Some("ISRGOV"), Some("USAGOV")),
            (Some("USAGOV"), Some("ISRGOV"))
        ]
    );
    for e in call {
        assert_eq!(
            (e.date.as_deref(), e.date_basis.as_str()),
            (Some("2025-05-19"), "text")
        );
        assert_eq!(e.modality, Modality::Asserted);
    }
    // "The call" itself adds no second event.
    assert!(find(&ev, "call").is_empty());
}

#[test]
fn criticism_from_israeli_officials_is_aimed_at_the_administration() {
    let ev = events();
    let c = find(&ev, "criticism");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        (
            c[0].code.as_str(),
            c[0].source.code.as_deref(),
            c[0].target.code.as_deref()
        ),
        ("111", Some("ISRGOV"), Some("USAGOV"))
    );
    // "a potential military strike on Iran" did not happen, and "military" is no actor.
    let strike = find(&ev, "strike");
    assert!(strike.iter().all(|e| e.modality == Modality::Hypothetical));
    assert!(strike
        .iter()
        .all(|e| e.source.code.as_deref() != Some("---MIL")));
}

#[test]
fn a_plural_pronoun_resolved_across_sentences_stays_in_its_own_sentence() {
    // "their" in a short sentence refers to actors named late in a long earlier sentence: the
    // event's actor spans must be those of the pronoun (a Reuters story once made this panic).
    let (mut doc, _, dicts) = setup();
    doc.text = "After weeks of quiet preparations by aides on both sides of the Atlantic, Donald Trump welcomed Benjamin Netanyahu. Their talks went well.".into();
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let analysis = nlp.analyze(&doc);
    let ev = Coder::new(&dicts).code(&doc, &analysis);
    let talks = find(&ev, "talks");
    assert_eq!(talks.len(), 2, "{ev:?}");
    for e in talks {
        assert_eq!(e.source.text.as_deref(), Some("Their"));
    }
}

#[test]
fn wanting_to_attack_is_a_threat_and_the_attack_only_intended() {
    let (mut doc, _, dicts) = setup();
    doc.text = "Obama wants to attack Switzerland.".into();
    doc.date = Some("2015-01-01".into());
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let ev = Coder::new(&dicts).code(&doc, &nlp.analyze(&doc));
    let threat = ev
        .iter()
        .find(|e| e.root == "13")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(
        (
            threat.source.code.as_deref(),
            threat.target.code.as_deref(),
            threat.modality
        ),
        (Some("USAGOV"), Some("CHE"), Modality::Asserted)
    );
    assert!(ev
        .iter()
        .filter(|e| e.root == "19")
        .all(|e| e.modality != Modality::Asserted));
}

#[test]
fn the_ceasefire_is_with_the_houthis_not_with_iran() {
    // "brokered an ineffective ceasefire with Yemen’s Iran-backed Houthis": the Houthis are the
    // other side; "Iran-backed" describes them and makes Iran no actor (a trap for PETRARCH).
    let ev = events();
    let brokered = find(&ev, "brokered");
    assert_eq!(brokered.len(), 1, "{brokered:?}");
    assert_eq!(
        (
            brokered[0].source.code.as_deref(),
            brokered[0].target.code.as_deref()
        ),
        (Some("USAGOV"), Some("YEMREB"))
    );
    assert!(!ev
        .iter()
        .filter(|e| e.sentence == 9)
        .any(
            |e| e.target.code.as_deref() == Some("IRN") || e.source.code.as_deref() == Some("IRN")
        ));
}

#[test]
fn a_medium_addressed_is_no_target() {
    let (mut doc, _, dicts) = setup();
    doc.text = "Netanyahu told reporters about the talks.".into();
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let ev = Coder::new(&dicts).code(&doc, &nlp.analyze(&doc));
    assert!(!ev.is_empty(), "the statement is still an event");
    for e in &ev {
        assert!(
            !e.target.code.as_deref().is_some_and(|c| c.ends_with("MED")),
            "{e:?}"
        );
    }
}

#[test]
fn a_claim_of_violence_accuses_the_attacker() {
    let (mut doc, _, dicts) = setup();
    doc.text = "Iraq claimed that Iran had attacked Kuwait.".into();
    doc.date = Some("1990-08-01".into());
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let ev = Coder::new(&dicts).code(&doc, &nlp.analyze(&doc));
    let accuse = ev
        .iter()
        .find(|e| e.code == "112")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(
        (
            accuse.source.code.as_deref(),
            accuse.target.code.as_deref(),
            accuse.modality
        ),
        (Some("IRQ"), Some("IRN"), Modality::Asserted)
    );
    // The attack itself is only reported.
    assert!(ev
        .iter()
        .filter(|e| e.root == "19")
        .all(|e| e.modality == Modality::Reported));
}

#[test]
fn a_clause_serving_a_hypothetical_one_did_not_happen_either() {
    // "would like to meet": the meeting takes the modality of the wish.
    let (mut doc, _, dicts) = setup();
    doc.text = "Egypt would like to meet Israel.".into();
    doc.date = Some("2015-01-01".into());
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let ev = Coder::new(&dicts).code(&doc, &nlp.analyze(&doc));
    let meet = find(&ev, "meet");
    assert!(!meet.is_empty(), "{ev:?}");
    assert!(
        meet.iter().all(|e| e.modality == Modality::Hypothetical),
        "{meet:?}"
    );
}
