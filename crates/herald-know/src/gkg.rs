//! One document's knowledge record: its entities with linked mentions, its places resolved
//! to GeoNames, its temporal expressions, its quotations — the JSON that `herald gkg` writes, one line per
//! document.

use crate::entities::{link, Entity};
use crate::geo::{Gazetteer, Place};
use crate::quotes::Quotation;
use crate::timex::{find, Timex};
use herald_dict::Date;
use herald_doc::{Analysis, Document, EntityType};
use serde::Serialize;

/// A place named in the text, with the GeoNames place herald resolved it to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceMention {
    /// The words.
    pub text: String,
    /// Code-point offsets into the document text.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// 0-based sentence index.
    pub sentence: usize,
    /// The place, if the gazetteer has one by that name.
    pub place: Option<Place>,
}

/// The knowledge record of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Knowledge {
    /// The document's id.
    pub doc_id: String,
    /// Publication date, the anchor of relative dates.
    pub date: Option<String>,
    /// People, organisations and places, each once, with all their mentions.
    pub entities: Vec<Entity>,
    /// Place mentions resolved to GeoNames.
    pub places: Vec<PlaceMention>,
    /// Temporal expressions normalised against the publication date (none without one).
    pub dates: Vec<Timex>,
    /// Direct and indirect quotations with their speakers.
    pub quotations: Vec<Quotation>,
}

/// The place mentions of an analysed document, resolved together.
pub fn place_mentions(analysis: &Analysis, gaz: &Gazetteer) -> Vec<PlaceMention> {
    let locs: Vec<&herald_doc::EntityMention> = analysis
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Loc)
        .collect();
    let names: Vec<&str> = locs.iter().map(|e| e.text.as_str()).collect();
    let resolved = gaz.resolve_all(&names);
    locs.iter()
        .zip(resolved)
        .map(|(e, p)| PlaceMention {
            text: e.text.clone(),
            start: e.span.start,
            end: e.span.end,
            sentence: e.sentence,
            place: p.cloned(),
        })
        .collect()
}

/// Build the knowledge record of an analysed document.
pub fn knowledge(doc: &Document, analysis: &Analysis, gaz: &Gazetteer) -> Knowledge {
    let places = place_mentions(analysis, gaz);
    let dates = doc
        .date
        .as_deref()
        .and_then(Date::parse)
        .map(|d| find(analysis, &doc.text, d))
        .unwrap_or_default();
    Knowledge {
        doc_id: doc.id.clone(),
        date: doc.date.clone(),
        entities: link(analysis),
        places,
        dates,
        quotations: crate::quotes::find(analysis, &doc.text),
    }
}
