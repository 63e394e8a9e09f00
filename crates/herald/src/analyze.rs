//! `herald analyze`: stream documents through the analyser on a thread pool, in order.

use crate::output;
use anyhow::Result;
use herald_doc::Document;
use herald_ingest::{read_source, SourceOptions};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `herald analyze`.
#[derive(clap::Args)]
pub struct AnalyzeArgs {
    /// Input files (`-` for standard input).
    #[arg(required = true)]
    files: Vec<String>,
    /// Output format.
    #[arg(long, default_value = "conllu", value_parser = ["conllu", "json"])]
    format: String,
    /// Publication date (YYYY-MM-DD) for .txt input and records without one.
    #[arg(long)]
    date: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Models directory (default: the repository's models/).
    #[arg(long)]
    models: Option<PathBuf>,
}

/// Documents analysed per batch: enough to keep every core busy, few enough to bound memory.
const BATCH: usize = 64;

pub fn run(a: AnalyzeArgs) -> Result<i32> {
    crate::check_date(&a.date)?;
    let nlp = crate::load_pipeline(&a.models)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.threads.unwrap_or(0))
        .build()?;
    let opts = SourceOptions {
        date: a.date.clone(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failures = 0usize;
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let json = a.format == "json";
    let flush = |batch: &mut Vec<Document>,
                 out: &mut std::io::BufWriter<std::io::StdoutLock>|
     -> Result<()> {
        let analyses: Vec<_> = pool.install(|| {
            batch
                .par_iter()
                .with_max_len(1)
                .map(|d| nlp.analyze(d))
                .collect()
        });
        for (d, an) in batch.iter().zip(&analyses) {
            if json {
                output::write_json(out, d, an)?;
            } else {
                output::write_conllu(out, d, an)?;
            }
        }
        batch.clear();
        Ok(())
    };
    for file in &a.files {
        if file != "-" && file.ends_with(".txt") && a.date.is_none() {
            eprintln!("warning: {file}: no --date given; relative dates cannot be resolved\n\nhint: herald analyze --date 2025-05-21 {file}");
        }
        for item in read_source(file, &opts) {
            match item {
                Ok(doc) => {
                    batch.push(doc);
                    if batch.len() >= BATCH {
                        flush(&mut batch, &mut out)?;
                    }
                }
                Err(e) => {
                    failures += 1;
                    eprintln!("error: {e}");
                }
            }
        }
    }
    flush(&mut batch, &mut out)?;
    out.flush()?;
    Ok(if failures > 0 { 2 } else { 0 })
}
