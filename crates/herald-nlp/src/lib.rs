//! herald's English analyser: [`Document`](herald_doc::Document) → [`Analysis`](herald_doc::Analysis).
//!
//! The components run in order over one shared representation:
//!
//! | component | module | reads | writes |
//! |---|---|---|---|
//! | tokenizer, sentence splitter | [`tokenize`] | text | tokens with offsets, sentences |
//! | tagger | [`tagger`] | word attributes ([`features::Lex`]) | UPOS + XPOS |
//! | lemmatiser | [`lemma`] | form, tags | lemma |
//! | parser | [`parser`] | attributes, tags | heads, UD relations |
//! | NER | [`ner`] (+ [`gazetteer`]) | attributes, tags, name lists | BIO entity tags |
//!
//! Each statistical component is an averaged perceptron ([`perceptron`]) trained by
//! [`train`] from the treebanks in `../shared/data`, stored compactly ([`io`]) in `models/`, and
//! loaded by [`Pipeline::load`]. Analysis never fails on text: any string gives an analysis.
//!
//! ```no_run
//! use herald_nlp::{Pipeline, default_models_dir};
//! let nlp = Pipeline::load(&default_models_dir()).unwrap();
//! let doc = herald_doc::Document { id: "seed".into(), text: "Trump urged Netanyahu to halt the war.".into(), ..Default::default() };
//! let a = nlp.analyze(&doc);
//! assert_eq!(a.sentences[0].tokens[1].lemma, "urge");
//! ```
#![deny(missing_docs)]

pub mod conllu;
pub mod features;
pub mod gazetteer;
pub mod io;
pub mod lemma;
pub mod ner;
pub mod parser;
pub mod perceptron;
pub mod pipeline;
pub mod tagger;
pub mod tokenize;
pub mod train;

pub use pipeline::{default_models_dir, Pipeline, WordAnalysis};
