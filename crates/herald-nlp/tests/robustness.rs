//! Analysis never fails and stays linear on hostile text.

use herald_doc::Document;
use herald_nlp::tokenize::{split_sentences, tokenize, MAX_SENTENCE_TOKENS};
use herald_nlp::{default_models_dir, Pipeline};

#[test]
fn junk_and_edge_texts_analyse() {
    let nlp = Pipeline::load(&default_models_dir()).unwrap();
    for text in [
        "",
        " ",
        "\n\n\n",
        "...",
        "“”",
        "a",
        "٩(◕‿◕)۶ 🙂 ¿¡",
        "x\u{200b}y",
        &"-".repeat(5000),
        &"a".repeat(100_000),
    ] {
        let doc = Document {
            id: "j".into(),
            text: text.to_string(),
            ..Document::default()
        };
        let a = nlp.analyze(&doc);
        assert!(a
            .sentences
            .iter()
            .all(|s| !s.tokens.is_empty() && s.tokens.len() <= MAX_SENTENCE_TOKENS));
        for s in &a.sentences {
            assert_eq!(
                s.tokens.iter().filter(|t| t.head.is_none()).count(),
                1,
                "one root per sentence"
            );
        }
    }
}

#[test]
fn fifty_megabyte_article_tokenises_in_bounded_sentences() {
    let para = "Israeli officials criticised the decision on Monday, and Hamas said it had not rejected the proposal. ";
    let mut text = String::with_capacity(50 << 20);
    while text.len() < 50 << 20 {
        text.push_str(para);
    }
    let toks = tokenize(&text);
    let last = toks.last().unwrap();
    assert_eq!(last.span.end, text.trim_end().chars().count());
    let sents = split_sentences(&text, toks);
    assert!(sents.len() > 400_000);
    assert!(sents.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
}
