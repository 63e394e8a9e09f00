//! `herald code`: analyse documents and write their events as JSONL.

use anyhow::{Context, Result};
use herald_coder::Coder;
use herald_doc::Modality;
use herald_ingest::{read_source, SourceOptions};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `herald code`.
#[derive(clap::Args)]
pub struct CodeArgs {
    /// Input files (`-` for standard input); the same formats as `herald analyze`.
    #[arg(required = true)]
    files: Vec<String>,
    /// Publication date (YYYY-MM-DD) for .txt input and records without one.
    #[arg(long)]
    date: Option<String>,
    /// Write every event with its modality, not only the asserted ones.
    #[arg(long)]
    all: bool,
    /// Output format: herald's JSONL event contract, the GDELT 2.0 Event table (61
    /// tab-separated columns, no header), or PLOVER JSONL (events PLOVER has a category for).
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "gdelt", "plover"])]
    format: String,
    /// Models directory (default: the repository's models/).
    #[arg(long)]
    models: Option<PathBuf>,
}

pub fn run(a: CodeArgs) -> Result<i32> {
    crate::check_date(&a.date)?;
    let nlp = crate::load_pipeline(&a.models)?;
    let data = crate::data_dir();
    let (dicts, problems) = crate::load_dictionaries()?;
    if std::env::var("HERALD_SHOW_DICT_PROBLEMS").is_ok() {
        for p in &problems {
            eprintln!("warning: {p} (skipped)");
        }
    }
    let coder = Coder::new(&dicts);
    let places = data.join("geo/places.tsv.gz");
    let gaz = herald_know::geo::Gazetteer::load(&places)
        .with_context(|| format!("loading the gazetteer {}", places.display()))?;
    let opts = SourceOptions {
        date: a.date.clone(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failures = 0;
    for file in &a.files {
        for item in read_source(file, &opts) {
            match item {
                Ok(doc) => {
                    let analysis = nlp.analyze(&doc);
                    let mut events = coder.code(&doc, &analysis);
                    let mentions = herald_know::gkg::place_mentions(&analysis, &gaz);
                    herald_know::locate::locate_events(&mut events, &analysis, &mentions);
                    if let Some(dct) = doc.date.as_deref().and_then(herald_dict::Date::parse) {
                        let timexes = herald_know::timex::find(&analysis, &doc.text, dct);
                        herald_know::when::date_events(&mut events, &analysis, &timexes);
                    }
                    for (i, e) in events.into_iter().enumerate() {
                        // DESIGN.md: without --all, the asserted events (things that happened),
                        // one-sided ones included (statements, demands), as in GDELT.
                        if !(a.all || e.modality == Modality::Asserted) {
                            continue;
                        }
                        if a.format == "gdelt" {
                            writeln!(
                                out,
                                "{}",
                                herald_export::gdelt::event_row(&e, i, doc.url.as_deref())
                            )?;
                        } else if a.format == "plover" {
                            if let Some(r) = herald_export::plover::plover_record(&e, i) {
                                writeln!(out, "{r}")?;
                            }
                        } else {
                            serde_json::to_writer(&mut out, &e)?;
                            writeln!(out)?;
                        }
                    }
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

/// Arguments of `herald missing`.
#[derive(clap::Args)]
pub struct MissingArgs {
    /// Input files (`-` for standard input); the same formats as `herald analyze`.
    #[arg(required = true)]
    files: Vec<String>,
    /// Publication date (YYYY-MM-DD) for .txt input and records without one.
    #[arg(long)]
    date: Option<String>,
    /// Show the N most frequent of each kind.
    #[arg(long, default_value_t = 30)]
    top: usize,
    /// Models directory (default: the repository's models/).
    #[arg(long)]
    models: Option<PathBuf>,
}

/// `herald missing`: the verbs and actors the dictionaries missed in a corpus, most frequent
/// first, so the dictionaries can grow where the news needs them.
pub fn missing(a: MissingArgs) -> Result<i32> {
    let nlp = crate::load_pipeline(&a.models)?;
    let (dicts, _) = crate::load_dictionaries()?;
    let coder = Coder::new(&dicts);
    let opts = SourceOptions {
        date: a.date.clone(),
    };
    let mut verbs: std::collections::HashMap<String, usize> = Default::default();
    let mut actors: std::collections::HashMap<(String, String), usize> = Default::default();
    let mut failures = 0;
    for file in &a.files {
        for item in read_source(file, &opts) {
            match item {
                Ok(doc) => {
                    let m = coder.missing(&doc, &nlp.analyze(&doc));
                    for v in m.verbs {
                        *verbs.entry(v).or_default() += 1;
                    }
                    for x in m.actors {
                        *actors.entry(x).or_default() += 1;
                    }
                }
                Err(e) => {
                    failures += 1;
                    eprintln!("error: {e}");
                }
            }
        }
    }
    let mut verbs: Vec<_> = verbs.into_iter().collect();
    verbs.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let mut actors: Vec<_> = actors.into_iter().collect();
    actors.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (v, n) in verbs.into_iter().take(a.top) {
        writeln!(out, "verb\t{n}\t{v}")?;
    }
    for ((kind, text), n) in actors.into_iter().take(a.top) {
        writeln!(out, "actor\t{n}\t{kind}\t{text}")?;
    }
    out.flush()?;
    Ok(if failures > 0 { 2 } else { 0 })
}
