//! `herald gkg`: the knowledge record of each document (entities with linked mentions and
//! actor codes, places resolved to GeoNames, normalised dates, quotations, tone, themes) as
//! JSONL.

use anyhow::Result;
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
    let engine = crate::engine::Engine::load(&a.models)?;
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
                    let p = engine.process(doc);
                    if a.format == "gdelt" {
                        let row = herald_export::gkg::gkg_row(
                            &p.knowledge,
                            written,
                            p.doc.url.as_deref(),
                            p.doc.source.as_deref(),
                        );
                        writeln!(out, "{row}")?;
                    } else {
                        serde_json::to_writer(&mut out, &p.knowledge)?;
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
