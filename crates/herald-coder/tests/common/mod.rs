//! The shipped models and dictionaries over one short text, for the coder's tests.

use herald_coder::{Coder, Dictionaries};
use herald_doc::{Document, Event};

/// The events of `text`, published on `date`.
#[allow(dead_code)] // Each test file uses the helpers it needs.
pub fn code(text: &str, date: &str) -> Vec<Event> {
    code_with(text, date, |_| {})
}

/// The events of `text`, published on `date`, with the shipped dictionaries changed by `adjust`
/// (entries in a test's own format, such as PETRARCH's `THE_AU [IGOAFR]`).
#[allow(dead_code)]
pub fn code_with(text: &str, date: &str, adjust: impl FnOnce(&mut Dictionaries)) -> Vec<Event> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let doc = Document {
        id: "t".into(),
        date: Some(date.into()),
        text: text.into(),
        ..Document::default()
    };
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let (mut dicts, _) = Dictionaries::load(std::path::Path::new(&format!("{root}/data"))).unwrap();
    adjust(&mut dicts);
    Coder::new(&dicts).code(&doc, &nlp.analyze(&doc))
}
