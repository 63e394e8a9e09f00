//! One document's knowledge record: its entities with linked mentions, its places resolved
//! to GeoNames, its temporal expressions, its quotations, its tone and themes — the JSON that `herald gkg` writes, one line per
//! document.

use crate::entities::{link, Entity};
use crate::geo::{Gazetteer, Place};
use crate::quotes::Quotation;
use crate::themes::{ThemeDictionary, ThemeMention};
use crate::timex::{find, Timex};
use crate::tone::{Tone, ToneLexicon};
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
    /// The name stands for a government or people that acts ("Riyadh has maintained", "Israel
    /// struck"): the subject of a verb, an actor rather than where something happened.
    pub actor: bool,
}

/// The knowledge record of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
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
    /// The document's tone (GDELT V2Tone).
    pub tone: Tone,
    /// Each sentence's tone.
    pub sentence_tones: Vec<Tone>,
    /// GDELT themes by dictionary.
    pub themes: Vec<ThemeMention>,
    /// Numbers and what they count.
    pub amounts: Vec<crate::amounts::Amount>,
    /// The document's events tied to its entities and places (filled by [`link_events`]).
    pub events: Vec<EventLink>,
}

/// What the knowledge layer looks things up in, loaded once.
#[derive(Debug)]
pub struct KnowledgeBase {
    /// Places.
    pub gazetteer: Gazetteer,
    /// Word valences for tone.
    pub tone: ToneLexicon,
    /// Theme words.
    pub themes: ThemeDictionary,
}

impl KnowledgeBase {
    /// Load from herald's `data/` folder (`geo/places.tsv.gz`, `tone/vader.tsv` and
    /// `tone/news-conflict.tsv`, `themes/gdelt-themes.txt`).
    pub fn load(data: &std::path::Path) -> std::io::Result<KnowledgeBase> {
        let with_path = |p: std::path::PathBuf, e: std::io::Error| {
            std::io::Error::new(e.kind(), format!("{}: {e}", p.display()))
        };
        let g = data.join("geo/places.tsv.gz");
        let t = data.join("tone/vader.tsv");
        let t2 = data.join("tone/news-conflict.tsv");
        let th = data.join("themes/gdelt-themes.txt");
        Ok(KnowledgeBase {
            gazetteer: Gazetteer::load(&g).map_err(|e| with_path(g.clone(), e))?,
            tone: ToneLexicon::load(&[&t, &t2]).map_err(|e| with_path(t.clone(), e))?,
            themes: ThemeDictionary::load(&th).map_err(|e| with_path(th.clone(), e))?,
        })
    }
}

/// A coded event tied to the record: which entities act and are acted on, where it happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventLink {
    /// Index of the event in `herald code --all` order for the document.
    pub event: usize,
    /// CAMEO code.
    pub code: String,
    /// Modality (`asserted`, `negated`, ...).
    pub modality: herald_doc::Modality,
    /// Index into `entities` of the source, if it is a named entity of the document.
    pub source_entity: Option<usize>,
    /// Index into `entities` of the target.
    pub target_entity: Option<usize>,
    /// Index into `places` of the event's location.
    pub place: Option<usize>,
}

/// Tie events to the record's entities (by overlapping mentions) and places (by the location's
/// offsets), and store them in it.
pub fn link_events(k: &mut Knowledge, events: &[herald_doc::Event]) {
    // Name mentions by sentence: (start, end, entity).
    let mut by_sentence: std::collections::HashMap<usize, Vec<(usize, usize, usize)>> =
        std::collections::HashMap::new();
    for (i, e) in k.entities.iter().enumerate() {
        for m in &e.mentions {
            by_sentence
                .entry(m.sentence)
                .or_default()
                .push((m.start, m.end, i));
        }
    }
    let place_at: std::collections::HashMap<usize, usize> = k
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.start, i))
        .rev()
        .collect();
    // The entity whose mention covers most of the actor's words ("US President Donald Trump"
    // is Trump, not the US).
    let entity_at = |sentence: usize, start: Option<usize>, end: Option<usize>| -> Option<usize> {
        let (a, b) = (start?, end?);
        by_sentence
            .get(&sentence)?
            .iter()
            .map(|&(ms, me, i)| (i, me.min(b).saturating_sub(ms.max(a))))
            .filter(|&(_, overlap)| overlap > 0)
            .max_by_key(|&(i, overlap)| (overlap, std::cmp::Reverse(i)))
            .map(|(i, _)| i)
    };
    k.events = events
        .iter()
        .enumerate()
        .map(|(i, e)| EventLink {
            event: i,
            code: e.code.clone(),
            modality: e.modality,
            source_entity: entity_at(e.sentence, e.source.start, e.source.end),
            target_entity: entity_at(e.sentence, e.target.start, e.target.end),
            place: e.location.as_ref().and_then(|l| {
                let start = l.get("start")?.as_u64()? as usize;
                place_at.get(&start).copied()
            }),
        })
        .collect();
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
        .map(|(e, p)| {
            let s = &analysis.sentences[e.sentence];
            let head = analysis.mention_head(e);
            PlaceMention {
                text: e.text.clone(),
                start: e.span.start,
                end: e.span.end,
                sentence: e.sentence,
                place: p.cloned(),
                actor: s.tokens[head].deprel.starts_with("nsubj"),
            }
        })
        .collect()
}

/// Build the knowledge record of an analysed document.
pub fn knowledge(doc: &Document, analysis: &Analysis, kb: &KnowledgeBase) -> Knowledge {
    let places = place_mentions(analysis, &kb.gazetteer);
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
        tone: kb.tone.tone(&analysis.sentences),
        sentence_tones: analysis
            .sentences
            .iter()
            .map(|s| kb.tone.tone(std::iter::once(s)))
            .collect(),
        themes: kb.themes.find(analysis),
        amounts: crate::amounts::find(analysis),
        events: Vec::new(),
    }
}
