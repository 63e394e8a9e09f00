//! The shipped models and dictionaries over one short text, for the coder's tests.

use herald_coder::{Coder, Dictionaries};
use herald_doc::{Document, Event};

/// The events of `text`, published on `date`.
pub fn code(text: &str, date: &str) -> Vec<Event> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let doc = Document {
        id: "t".into(),
        date: Some(date.into()),
        text: text.into(),
        ..Document::default()
    };
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let (dicts, _) = Dictionaries::load(std::path::Path::new(&format!("{root}/data"))).unwrap();
    Coder::new(&dicts).code(&doc, &nlp.analyze(&doc))
}
