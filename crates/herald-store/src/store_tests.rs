//! The store end to end on small hand-made documents: idempotence, replacement, dedup, the
//! questions and the exports.

use crate::export::Format;
use crate::read::EventFilter;
use crate::{Processed, Store};
use herald_doc::{ActorRef, Document, Event, Modality, TextSpan};
use herald_know::gkg::Knowledge;

fn actor(code: &str, text: &str, start: usize) -> ActorRef {
    ActorRef {
        code: Some(code.into()),
        text: Some(text.into()),
        start: Some(start),
        end: Some(start + text.chars().count()),
    }
}

/// "<source> met <target> in Doha." as one document from `outlet`, dated `date`.
fn report(id: &str, outlet: &str, date: &str, place: Option<i64>, modality: Modality) -> Processed {
    let text = format!("Qatari officials met Hamas leaders in Doha on {date}.");
    let doc = Document {
        id: id.into(),
        url: Some(format!("https://{outlet}/{id}")),
        source: Some(outlet.into()),
        date: Some(date.into()),
        title: Some(format!("Talks in Doha ({outlet})")),
        text: text.clone(),
    };
    let event = Event {
        doc_id: id.into(),
        sentence: 0,
        source: actor("QATGOV", "Qatari officials", 0),
        target: actor("PSEREBHMS", "Hamas leaders", 21),
        code: "036".into(),
        root: "03".into(),
        quad: 1,
        goldstein: 4.0,
        trigger: TextSpan {
            text: "met".into(),
            start: 17,
            end: 20,
        },
        modality,
        attribution: None,
        date: Some(date.into()),
        date_basis: "publication".into(),
        plover: Some(herald_doc::PloverEvent {
            kind: "CONSULT".into(),
            mode: Some("visit".into()),
            context: vec![],
        }),
        location: place.map(|g| {
            serde_json::json!({"text": "Doha", "start": 38, "end": 42, "geonameid": g,
                "name": "Doha", "lat": 25.28, "lon": 51.53, "feature_code": "PPLC",
                "country": "QA", "fips": "QA", "admin1": "01"})
        }),
        rule: "test:1".into(),
        confidence: 0.9,
    };
    let knowledge = Knowledge {
        doc_id: id.into(),
        date: Some(date.into()),
        ..Default::default()
    };
    Processed {
        doc,
        sentences: vec![(0, text.chars().count())],
        events: vec![event],
        knowledge,
    }
}

fn temp_db(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("herald-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("herald.db")
}

#[test]
fn one_story_from_three_sources_is_one_event_with_three_mentions() {
    let path = temp_db("dedup");
    let mut store = Store::open(&path).unwrap();
    let batch = [
        report(
            "a",
            "aljazeera.com",
            "2025-05-19",
            Some(290030),
            Modality::Asserted,
        ),
        report("b", "reuters.com", "2025-05-20", None, Modality::Asserted),
        report(
            "c",
            "bbc.co.uk",
            "2025-05-19",
            Some(290030),
            Modality::Asserted,
        ),
    ];
    let s = store.add_batch(&batch).unwrap();
    assert_eq!((s.added, s.new_events, s.merged_mentions), (3, 1, 2));
    let events = store.events(&EventFilter::default(), 10, 0).unwrap();
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!((e.mentions, e.sources, e.articles), (3, 3, 3));
    assert_eq!((e.date.as_str(), e.doc_id.as_str()), ("2025-05-19", "a"));
    let evidence = store.evidence(e.event_id).unwrap();
    assert_eq!(evidence.len(), 3);
    assert!(evidence[1].sentence.starts_with("Qatari officials met"));

    // Three days later, or somewhere else, or only hoped for: not the same event.
    let later = report("d", "cnn.com", "2025-05-23", None, Modality::Asserted);
    let elsewhere = report(
        "e",
        "cnn.com",
        "2025-05-19",
        Some(360630),
        Modality::Asserted,
    );
    let hoped = report("f", "cnn.com", "2025-05-19", None, Modality::Future);
    let s = store.add_batch(&[later, elsewhere, hoped]).unwrap();
    assert_eq!((s.new_events, s.merged_mentions), (2, 0));
    let c = store.counts().unwrap();
    assert_eq!(
        (c.documents, c.events, c.mentions, c.asserted_mentions),
        (6, 3, 6, 5)
    );

    // One-sided events ("Qatari officials met") merge within their article, never across.
    let one_sided = |id: &str| {
        let mut p = report(id, "cnn.com", "2025-06-10", None, Modality::Asserted);
        p.events[0].target = ActorRef::default();
        let again = p.events[0].clone();
        p.events.push(again);
        p
    };
    let s = store.add_batch(&[one_sided("g"), one_sided("h")]).unwrap();
    assert_eq!((s.new_events, s.merged_mentions), (2, 2));
}

#[test]
fn a_document_stored_again_is_stored_once_and_new_content_replaces_it() {
    let path = temp_db("idempotent");
    let mut store = Store::open(&path).unwrap();
    let a = report("a", "aljazeera.com", "2025-05-19", None, Modality::Asserted);
    let b = report("b", "reuters.com", "2025-05-19", None, Modality::Asserted);
    store.add_batch(&[a.clone(), b.clone()]).unwrap();
    let before = store.counts().unwrap();
    assert!(store.is_stored(&a.doc).unwrap());
    // Same id, same content; and the same URL and content under another id.
    let mut renamed = a.clone();
    renamed.doc.id = "a-again".into();
    let s = store.add_batch(&[a.clone(), renamed]).unwrap();
    assert_eq!((s.added, s.skipped), (0, 2));
    assert_eq!(store.counts().unwrap(), before);
    drop(store);
    // Reopened: still there, nothing migrated twice.
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap(), before);

    // A corrected version of "a" that no longer reports the meeting.
    let mut corrected = a.clone();
    corrected.doc.text = "Qatari officials did not meet anyone.".into();
    corrected.doc.title = Some("Correction".into());
    corrected.events[0].modality = Modality::Negated;
    let s = store.add_batch(&[corrected]).unwrap();
    assert_eq!(s.replaced, 1);
    let events = store.events(&EventFilter::default(), 10, 0).unwrap();
    assert_eq!(
        (events.len(), events[0].mentions, events[0].doc_id.as_str()),
        (1, 1, "b")
    );
    assert_eq!(store.search("Doha", 10).unwrap().len(), 1);
    assert_eq!(store.search("anyone", 10).unwrap()[0].id, "a");
}

#[test]
fn questions_and_exports() {
    let path = temp_db("read");
    let mut store = Store::open(&path).unwrap();
    let batch = [
        report(
            "a",
            "aljazeera.com",
            "2025-05-19",
            Some(290030),
            Modality::Asserted,
        ),
        report("b", "reuters.com", "2025-05-19", None, Modality::Asserted),
        report("c", "reuters.com", "2025-05-25", None, Modality::Asserted),
    ];
    store.add_batch(&batch).unwrap();
    let series = store.series("QATGOV", "PSEREBHMS", None, None).unwrap();
    assert_eq!(series.len(), 2);
    assert_eq!(
        (
            series[0].date.as_str(),
            series[0].events,
            series[0].mentions
        ),
        ("2025-05-19", 1, 2)
    );
    assert_eq!(series[0].quad, [1, 0, 0, 0]);
    assert_eq!(
        store
            .series("QAT*", "PSE*", Some("2025-05-20"), None)
            .unwrap()
            .len(),
        1
    );
    assert!(store
        .series("USA", "PSEREBHMS", None, None)
        .unwrap()
        .is_empty());
    let top = store.top_actors(&EventFilter::default(), 5).unwrap();
    assert_eq!((top[0].as_source + top[0].as_target, top.len()), (2, 2));
    let net = store.network(&EventFilter::default(), 5).unwrap();
    assert_eq!((net[0].source.as_str(), net[0].events), ("QATGOV", 2));
    let f = EventFilter {
        country: Some("QA".into()),
        ..Default::default()
    };
    assert_eq!(store.count_events(&f).unwrap(), 1);
    let f = EventFilter {
        code: Some("19".into()),
        ..Default::default()
    };
    assert_eq!(store.count_events(&f).unwrap(), 0);
    let doc = store.document("a").unwrap().unwrap();
    assert_eq!(doc.events.len(), 1);
    assert!(doc.events[0].event_id.is_some());
    assert!(store.document("zzz").unwrap().is_none());

    let export = |format| {
        let mut out = Vec::new();
        let n = store
            .export(format, &EventFilter::default(), &mut out)
            .unwrap();
        (n, out)
    };
    let (n, rows) = export(Format::GdeltEvents);
    assert_eq!(n, 2);
    let first: Vec<String> = String::from_utf8(rows)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .split('\t')
        .map(str::to_string)
        .collect();
    assert_eq!(first.len(), 61);
    assert_eq!(
        (first[31].as_str(), first[32].as_str(), first[33].as_str()),
        ("2", "2", "2")
    );
    let (n, rows) = export(Format::GdeltMentions);
    assert_eq!(n, 3);
    assert!(String::from_utf8(rows)
        .unwrap()
        .lines()
        .all(|l| l.split('\t').count() == 16));
    let (n, rows) = export(Format::Jsonl);
    assert_eq!(n, 2);
    let v: serde_json::Value =
        serde_json::from_str(String::from_utf8(rows).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(
        (
            v["num_mentions"].as_i64(),
            v["mentions"].as_array().unwrap().len()
        ),
        (Some(2), 2)
    );
    assert_eq!(export(Format::Plover).0, 2);
    assert_eq!(export(Format::Gkg).0, 3);
    let (n, bytes) = export(Format::Parquet);
    assert_eq!(n, 2);
    assert_eq!(
        (&bytes[..4], &bytes[bytes.len() - 4..]),
        (&b"PAR1"[..], &b"PAR1"[..])
    );
}

#[test]
fn an_older_layout_is_migrated_by_a_writer_and_refused_by_a_reader() {
    let path = temp_db("migrate");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute_batch(crate::schema::MIGRATIONS[0]).unwrap();
        tx.pragma_update(None, "user_version", 1).unwrap();
        tx.commit().unwrap();
    }
    let err = Store::open_read_only(&path).err().unwrap().to_string();
    assert!(err.contains("layout version 1"), "{err}");
    let mut store = Store::open(&path).unwrap();
    store
        .add_batch(&[report("a", "x.com", "2025-05-19", None, Modality::Asserted)])
        .unwrap();
    drop(store);
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(
        store
            .series("QATGOV", "PSEREBHMS", None, None)
            .unwrap()
            .len(),
        1
    );
}
