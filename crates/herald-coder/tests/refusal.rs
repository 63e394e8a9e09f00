//! A refusal is an event (CAMEO 120, reject) on the target of what was refused, and what was
//! refused did not happen.

use herald_coder::{Coder, Dictionaries};
use herald_doc::{Document, Modality};

#[test]
fn refusing_to_deploy_rejects_and_negates_the_deployment() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let doc = Document {
        id: "r".into(),
        date: Some("2010-06-01".into()),
        text: "Pakistan has refused to deploy peacekeepers in Iraq.".into(),
        ..Document::default()
    };
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let (dicts, _) = Dictionaries::load(std::path::Path::new(&format!("{root}/data"))).unwrap();
    let events = Coder::new(&dicts).code(&doc, &nlp.analyze(&doc));
    let rejected = events
        .iter()
        .find(|e| e.code.starts_with("12"))
        .unwrap_or_else(|| panic!("{events:?}"));
    assert_eq!(rejected.source.code.as_deref(), Some("PAK"));
    assert_eq!(rejected.target.code.as_deref(), Some("IRQ"), "{events:?}");
    assert_eq!(rejected.modality, Modality::Asserted);
    assert!(events
        .iter()
        .filter(|e| e.trigger.text == "deploy")
        .all(|e| e.modality == Modality::Negated));
}
