//! `herald gkg`: the knowledge record of each document (entities with linked mentions and
//! actor codes, places resolved to GeoNames, normalised dates, quotations, tone, themes) as
//! JSONL.

use anyhow::{Context, Result};
use herald_coder::Coder;
use herald_ingest::{read_source, SourceOptions};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `herald gkg`.
#[derive(clap::Args)]
pub struct GkgArgs {
    /// Input files (`-` for standard input); the same formats as `herald analyze`.
    #[arg(required = true)]
    files: Vec<String>,
    /// Publication date (YYYY-MM-DD) for .txt input and records without one.
    #[arg(long)]
    date: Option<String>,
    /// Output format: herald's JSON record, or GDELT GKG 2.1 rows (27 tab-separated columns,
    /// no header).
    #[arg(long, default_value = "json", value_parser = ["json", "gdelt"])]
    format: String,
    /// Models directory (default: the repository's models/).
    #[arg(long)]
    models: Option<PathBuf>,
}

pub fn run(a: GkgArgs) -> Result<i32> {
    crate::check_date(&a.date)?;
    let nlp = crate::load_pipeline(&a.models)?;
    let data = crate::data_dir();
    let (dicts, _) = crate::load_dictionaries()?;
    let coder = Coder::new(&dicts);
    let kb = herald_know::gkg::KnowledgeBase::load(&data)
        .with_context(|| format!("loading the knowledge-layer data under {}", data.display()))?;
    let opts = SourceOptions {
        date: a.date.clone(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failures = 0;
    let mut written = 0;
    for file in &a.files {
        for item in read_source(file, &opts) {
            match item {
                Ok(doc) => {
                    let analysis = nlp.analyze(&doc);
                    let mut k = herald_know::gkg::knowledge(&doc, &analysis, &kb);
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
                    // The events, located and tied to the entities and places.
                    let mut events = coder.code(&doc, &analysis);
                    herald_know::locate::locate_events(&mut events, &analysis, &k.places);
                    herald_know::when::date_events(&mut events, &analysis, &k.dates);
                    herald_know::gkg::link_events(&mut k, &events);
                    if a.format == "gdelt" {
                        let row = herald_export::gkg::gkg_row(
                            &k,
                            written,
                            doc.url.as_deref(),
                            doc.source.as_deref(),
                        );
                        writeln!(out, "{row}")?;
                    } else {
                        serde_json::to_writer(&mut out, &k)?;
                        writeln!(out)?;
                    }
                    written += 1;
                }
                Err(e) => {
                    failures += 1;
                    eprintln!("error: {e}");
                }
            }
        }
    }
    out.flush()?;
    Ok(if failures > 0 { 2 } else { 0 })
}
