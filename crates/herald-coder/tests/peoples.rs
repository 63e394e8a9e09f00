//! A people in the plural acts for its country ("Albanians protested"), as the singular
//! demonym the dictionaries list does.

use herald_coder::{Coder, Dictionaries};
use herald_doc::Document;

#[test]
fn plural_demonyms_are_their_countries() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    let (dicts, _) = Dictionaries::load(std::path::Path::new(&format!("{root}/data"))).unwrap();
    let coder = Coder::new(&dicts);
    let code = |text: &str| {
        let doc = Document {
            id: "p".into(),
            date: Some("2020-01-01".into()),
            text: text.into(),
            ..Document::default()
        };
        coder
            .code(&doc, &nlp.analyze(&doc))
            .into_iter()
            .map(|e| (e.source.code, e.target.code))
            .collect::<Vec<_>>()
    };
    let got = code("Palestinians threw stones at Israeli soldiers.");
    assert!(
        got.iter().any(|(s, _)| s.as_deref() == Some("PSE")),
        "{got:?}"
    );
    // A country whose name ends in s stays itself.
    let got = code("The Netherlands criticized Russia.");
    assert!(
        got.iter()
            .any(|(s, t)| s.as_deref() == Some("NLD") && t.as_deref() == Some("RUS")),
        "{got:?}"
    );
}
