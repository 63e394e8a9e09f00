//! The whole pipeline over one document: analysis, events, knowledge, tied together — what
//! `herald gkg` prints and `herald ingest` stores.

use anyhow::{Context, Result};
use herald_coder::{Coder, Dictionaries};
use herald_doc::Document;
use herald_know::gkg::KnowledgeBase;
use herald_store::Processed;
use std::path::PathBuf;

/// The loaded models and data.
pub struct Engine {
    nlp: herald_nlp::Pipeline,
    dicts: Dictionaries,
    kb: KnowledgeBase,
}

impl Engine {
    /// Load the models (from `models`, else the repository's) and herald's data.
    pub fn load(models: &Option<PathBuf>) -> Result<Engine> {
        let nlp = crate::load_pipeline(models)?;
        let data = crate::data_dir();
        let (dicts, _) = crate::load_dictionaries()?;
        let kb = KnowledgeBase::load(&data).with_context(|| {
            format!("loading the knowledge-layer data under {}", data.display())
        })?;
        Ok(Engine { nlp, dicts, kb })
    }

    /// Analyse, code and extract one document. The events are located, dated from the text
    /// and linked to the knowledge record's entities and places.
    pub fn process(&self, doc: Document) -> Processed {
        let coder = Coder::new(&self.dicts);
        let analysis = self.nlp.analyze(&doc);
        let mut k = herald_know::gkg::knowledge(&doc, &analysis, &self.kb);
        // Actor codes on the story date (today's if the document has none).
        let date = doc
            .date
            .as_deref()
            .and_then(herald_dict::Date::parse)
            .unwrap_or(herald_dict::Date(99991231));
        for e in &mut k.entities {
            let m = &analysis.entities[e.first];
            let s = &analysis.sentences[m.sentence];
            let head = analysis.mention_head(m);
            e.code = coder.entity_code(s, head, date);
        }
        let mut events = coder.code(&doc, &analysis);
        herald_know::locate::locate_events(&mut events, &analysis, &k.places);
        herald_know::when::date_events(&mut events, &analysis, &k.dates);
        herald_know::gkg::link_events(&mut k, &events);
        let sentences = analysis
            .sentences
            .iter()
            .map(|s| (s.span.start, s.span.end))
            .collect();
        Processed {
            doc,
            sentences,
            events,
            knowledge: k,
        }
    }
}
