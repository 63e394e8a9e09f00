//! `herald ingest`: the whole pipeline over sources, on all cores, into the store.
//!
//! Documents stream through in batches: read, skipped if already stored, processed in parallel,
//! then stored in input order, one transaction per batch. Killing the process at any point
//! loses at most the batch in flight; running the same command again resumes, and because
//! batches are stored in input order the result is the one an uninterrupted run gives.

use anyhow::{Context, Result};
use herald_ingest::{kind_of_path, read_source, SourceKind, SourceOptions};
use herald_store::{AddSummary, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `herald ingest`.
#[derive(clap::Args)]
pub struct IngestArgs {
    /// Input files (`-` for standard input); the same formats as `herald analyze`.
    #[arg(required = true)]
    files: Vec<String>,
    /// The database (created if missing).
    #[arg(long, default_value = "herald.db")]
    db: PathBuf,
    /// Publication date (YYYY-MM-DD) for .txt input and records without one.
    #[arg(long)]
    date: Option<String>,
    /// Worker threads (default: every core).
    #[arg(long)]
    threads: Option<usize>,
    /// Documents per batch (one transaction each).
    #[arg(long, default_value_t = 128)]
    batch: usize,
    /// After ingesting, serve the dashboard and API on this address (as `herald serve`).
    #[arg(long, value_name = "ADDR", num_args = 0..=1, default_missing_value = "127.0.0.1:8080")]
    serve: Option<String>,
    /// Models directory (default: the repository's models/).
    #[arg(long)]
    models: Option<PathBuf>,
}

/// Totals of a run.
#[derive(Default)]
struct Totals {
    stored: AddSummary,
    already: usize,
    failed: usize,
}

impl Totals {
    fn add(&mut self, s: &AddSummary) {
        self.stored.added += s.added;
        self.stored.replaced += s.replaced;
        self.stored.skipped += s.skipped;
        self.stored.new_events += s.new_events;
        self.stored.merged_mentions += s.merged_mentions;
    }
}

fn input_bytes(files: &[String]) -> Option<u64> {
    files
        .iter()
        .map(|f| std::fs::metadata(f).ok().map(|m| m.len()))
        .sum()
}

pub fn run(a: IngestArgs) -> Result<i32> {
    crate::check_date(&a.date)?;
    if a.batch == 0 {
        anyhow::bail!("--batch must be at least 1");
    }
    let engine = crate::engine::Engine::load(&a.models)?;
    let mut store = Store::open(&a.db)?;
    // The reader's own connection, to skip what is stored already before analysing it.
    let seen = Store::open(&a.db)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.threads.unwrap_or(0))
        .build()
        .context("starting the worker threads")?;
    let bar = match input_bytes(&a.files) {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template(
                "{bar:30} {percent:>3}% {msg} elapsed {elapsed_precise} ETA {eta}",
            )
            .expect("a valid template"),
        ),
        None => ProgressBar::new_spinner(),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    let opts = SourceOptions {
        date: a.date.clone(),
    };
    let start = Instant::now();
    let mut totals = Totals::default();
    let mut done = 0usize;
    // Batches are analysed on the pool while the previous one is written by the writer
    // thread, in input order (so a resumed ingest ends where an uninterrupted one does).
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<herald_store::Processed>>(2);
    let db = a.db.clone();
    let stored = std::thread::scope(|scope| -> Result<AddSummary> {
        let writer = scope.spawn(move || -> Result<AddSummary> {
            let mut all = Totals::default();
            for batch in receive {
                let s = store
                    .add_batch(&batch)
                    .with_context(|| format!("storing into {}", db.display()))?;
                all.add(&s);
            }
            Ok(all.stored)
        });
        let mut batch = Vec::with_capacity(a.batch);
        let flush = |batch: &mut Vec<herald_doc::Document>| -> bool {
            if batch.is_empty() {
                return true;
            }
            let processed: Vec<_> = pool.install(|| {
                std::mem::take(batch)
                    .into_par_iter()
                    .map(|d| engine.process(d))
                    .collect()
            });
            send.send(processed).is_ok() // false: the writer stopped (its error is reported)
        };
        'files: for file in &a.files {
            // A text file is one document; in a store its id is its path as given, so that
            // business/001.txt and sport/001.txt stay two documents.
            let whole_file = file != "-" && kind_of_path(file) == SourceKind::Text;
            for item in read_source(file, &opts) {
                match item {
                    Ok(mut doc) => {
                        if whole_file {
                            doc.id = file.clone();
                        }
                        done += 1;
                        bar.inc(doc.text.len() as u64);
                        if seen.is_stored(&doc)? {
                            totals.already += 1;
                        } else {
                            batch.push(doc);
                            if batch.len() == a.batch && !flush(&mut batch) {
                                break 'files;
                            }
                        }
                        let secs = start.elapsed().as_secs_f64().max(1e-3);
                        bar.set_message(format!("{done} documents, {:.1}/s", done as f64 / secs));
                    }
                    Err(e) => {
                        totals.failed += 1;
                        bar.suspend(|| eprintln!("error: {e}"));
                    }
                }
            }
        }
        flush(&mut batch);
        drop(send);
        writer.join().expect("the writer thread")
    })?;
    totals.stored = stored;
    let store = seen;
    bar.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    let processed = totals.stored.added + totals.stored.replaced + totals.stored.skipped;
    let c = store.counts()?;
    eprintln!(
        "ingest: read={done} stored={} replaced={} already_stored={} failed={} \
         new_events={} merged_mentions={} seconds={secs:.1} documents_per_second={:.1}",
        totals.stored.added,
        totals.stored.replaced,
        totals.already + totals.stored.skipped,
        totals.failed,
        totals.stored.new_events,
        totals.stored.merged_mentions,
        processed as f64 / secs.max(1e-9),
    );
    eprintln!(
        "store {}: documents={} events={} mentions={} asserted_mentions={} entities={} \
         quotations={} places={}",
        a.db.display(),
        c.documents,
        c.events,
        c.mentions,
        c.asserted_mentions,
        c.entities,
        c.quotations,
        c.places
    );
    let code = if totals.failed > 0 { 2 } else { 0 };
    if let Some(addr) = a.serve {
        drop(store);
        crate::serve::serve_db(&a.db, &addr, None)?;
    }
    Ok(code)
}
