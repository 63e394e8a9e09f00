//! A future act is not counted, but announcing it is an event: CAMEO's expressed intent (03) or
//! threat (13), as GDELT and PLOVER code "X will visit Y".

use herald_coder::{Coder, Dictionaries};
use herald_doc::{Document, Modality};

#[test]
fn will_send_aid_is_an_asserted_intent_to_provide_aid_and_a_future_aid() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let doc = Document {
        id: "intent".into(),
        date: Some("2025-05-21".into()),
        text: "France will send humanitarian aid to Sudan.".into(),
        ..Document::default()
    };
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let (dicts, _) = Dictionaries::load(std::path::Path::new(&format!("{root}/data"))).unwrap();
    let events = Coder::new(&dicts).code(&doc, &nlp.analyze(&doc));
    let asserted: Vec<_> = events
        .iter()
        .filter(|e| e.modality == Modality::Asserted)
        .map(|e| (e.source.code.clone(), e.code.clone(), e.target.code.clone()))
        .collect();
    let future: Vec<_> = events
        .iter()
        .filter(|e| e.modality == Modality::Future)
        .map(|e| e.code.clone())
        .collect();
    assert!(
        asserted.iter().any(|(s, c, t)| s.as_deref() == Some("FRA")
            && c.starts_with("033")
            && t.as_deref() == Some("SDN")),
        "{events:?}"
    );
    assert!(future.iter().any(|c| c.starts_with("07")), "{events:?}");
}
