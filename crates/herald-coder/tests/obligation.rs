//! "X said Y must do Z": X demands it of Y (CAMEO 100); Z is asked, not done.

use herald_coder::{Coder, Dictionaries};
use herald_doc::{Document, Modality};

#[test]
fn a_reported_must_is_a_demand_and_the_act_is_requested() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let doc = Document {
        id: "o".into(),
        date: Some("2020-01-01".into()),
        text: "Russia said on Tuesday that Sudan must return a Mi-26 helicopter.".into(),
        ..Document::default()
    };
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let (dicts, _) = Dictionaries::load(std::path::Path::new(&format!("{root}/data"))).unwrap();
    let events = Coder::new(&dicts).code(&doc, &nlp.analyze(&doc));
    assert!(
        events
            .iter()
            .any(|e| e.source.code.as_deref() == Some("RUS")
                && e.code == "100"
                && e.target.code.as_deref() == Some("SDN")
                && e.modality == Modality::Asserted),
        "{events:?}"
    );
    assert!(events
        .iter()
        .filter(|e| e.trigger.text == "return")
        .all(|e| e.modality == Modality::Requested));
}
