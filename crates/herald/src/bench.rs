//! `herald bench`: analysis throughput over real news, in tokens per CPU-second, on one thread
//! and on several. Corpora are read from ../shared/data (Reuters-21578 SGML, BBC text files).

use anyhow::{Context, Result};
use herald_doc::Document;
use herald_ingest::{read_reuters_sgml, read_text, SourceOptions};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Arguments of `herald bench`.
#[derive(clap::Args)]
pub struct BenchArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Use at most this many documents of each corpus (0 = all).
    #[arg(long, default_value_t = 0)]
    limit: usize,
    /// Thread counts to measure, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "1,2")]
    threads: Vec<usize>,
    /// Models directory (default: the repository's models/).
    #[arg(long)]
    models: Option<PathBuf>,
}

/// Process CPU time (user + system) in seconds, from /proc/self/stat.
pub fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return f64::NAN;
    };
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name.
    (ticks(11) + ticks(12)) / 100.0
}

fn reuters(data: &Path, limit: usize) -> Result<Vec<Document>> {
    let dir = data.join("reuters-21578");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f)?;
        docs.extend(
            read_reuters_sgml(&f.display().to_string(), &bytes)
                .into_iter()
                .flatten(),
        );
        if limit > 0 && docs.len() >= limit {
            docs.truncate(limit);
            break;
        }
    }
    Ok(docs)
}

fn bbc(data: &Path, limit: usize) -> Result<Vec<Document>> {
    let dir = data.join("bbc-news");
    let mut files = Vec::new();
    for sub in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let sub = sub?.path();
        if sub.is_dir() {
            for f in std::fs::read_dir(&sub)? {
                let f = f?.path();
                if f.extension().is_some_and(|e| e == "txt") {
                    files.push(f);
                }
            }
        }
    }
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f)?;
        // BBC files are Latin-1 in places; decode lossily for a benchmark.
        let text = String::from_utf8_lossy(&bytes).into_owned().into_bytes();
        if let Ok(d) = read_text(
            &f.display().to_string(),
            &f.display().to_string(),
            text,
            &SourceOptions::default(),
        ) {
            docs.push(d);
        }
        if limit > 0 && docs.len() >= limit {
            break;
        }
    }
    Ok(docs)
}

pub fn run(b: BenchArgs) -> Result<()> {
    let nlp = crate::load_pipeline(&b.models)?;
    let mut corpora = vec![
        ("reuters-21578", reuters(&b.data, b.limit)?),
        ("bbc-news", bbc(&b.data, b.limit)?),
    ];
    // Interleave the two corpora so the combined run mixes short wire stories and long features
    // throughout, as a real news stream does.
    let (r, bb) = (&corpora[0].1, &corpora[1].1);
    let step = (r.len() / bb.len().max(1)).max(1);
    let mut all: Vec<Document> = Vec::with_capacity(r.len() + bb.len());
    let mut bi = bb.iter();
    for (i, d) in r.iter().enumerate() {
        all.push(d.clone());
        if i % step == step - 1 {
            all.extend(bi.next().cloned());
        }
    }
    all.extend(bi.cloned());
    corpora.push(("reuters+bbc", all));
    for (name, docs) in &corpora {
        let mut base_wall = None;
        for &threads in &b.threads {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()?;
            let cpu0 = cpu_seconds();
            let t0 = Instant::now();
            // Small work units, so one long document late in the list cannot leave a thread idle.
            let tokens: usize = pool.install(|| {
                docs.par_iter()
                    .with_max_len(4)
                    .map(|d| nlp.analyze(d).token_count())
                    .sum()
            });
            let wall = t0.elapsed().as_secs_f64();
            let cpu = cpu_seconds() - cpu0;
            let speedup = base_wall.map(|w: f64| w / wall).unwrap_or(1.0);
            if base_wall.is_none() {
                base_wall = Some(wall);
            }
            println!(
                "bench-analyze-{name}: threads={threads} docs={} tokens={tokens} wall_s={wall:.2} cpu_s={cpu:.2} tokens_per_cpu_s={:.0} tokens_per_wall_s={:.0} speedup_vs_first={speedup:.2}",
                docs.len(),
                tokens as f64 / cpu.max(1e-9),
                tokens as f64 / wall.max(1e-9),
            );
        }
    }
    // Coding on top of analysis, one thread, on the combined corpus: the share coding adds.
    let data = crate::data_dir();
    let (dicts, _) = crate::load_dictionaries()?;
    let coder = herald_coder::Coder::new(&dicts);
    let docs = &corpora[2].1;
    let cpu0 = cpu_seconds();
    let analyses: Vec<_> = docs.iter().map(|d| nlp.analyze(d)).collect();
    let cpu_analyze = cpu_seconds() - cpu0;
    let cpu1 = cpu_seconds();
    let events: usize = docs
        .iter()
        .zip(&analyses)
        .map(|(d, a)| coder.code(d, a).len())
        .sum();
    let cpu_code = cpu_seconds() - cpu1;
    let tokens: usize = analyses.iter().map(|a| a.token_count()).sum();
    println!(
        "bench-code-reuters+bbc: threads=1 docs={} tokens={tokens} events={events} analyze_cpu_s={cpu_analyze:.2} code_cpu_s={cpu_code:.2} coding_adds_pct={:.1} tokens_per_cpu_s_with_coding={:.0}",
        docs.len(),
        100.0 * cpu_code / cpu_analyze.max(1e-9),
        tokens as f64 / (cpu_analyze + cpu_code).max(1e-9),
    );
    // The knowledge layer on top (entities, places, dates, quotations, tone, themes, event
    // locations): the full job of `herald code` + `herald gkg`, one thread.
    let kb = herald_know::gkg::KnowledgeBase::load(&data)?;
    let cpu2 = cpu_seconds();
    let records: usize = docs
        .iter()
        .zip(&analyses)
        .map(|(d, a)| {
            let k = herald_know::gkg::knowledge(d, a, &kb);
            let mut ev = coder.code(d, a);
            herald_know::locate::locate_events(&mut ev, a, &k.places);
            herald_know::when::date_events(&mut ev, a, &k.dates);
            k.entities.len() + ev.len()
        })
        .sum();
    let cpu_know = (cpu_seconds() - cpu2 - cpu_code).max(0.0);
    println!(
        "bench-full-reuters+bbc: threads=1 docs={} tokens={tokens} items={records} knowledge_cpu_s={cpu_know:.2} knowledge_adds_pct={:.1} tokens_per_cpu_s_analysis_coding_knowledge={:.0}",
        docs.len(),
        100.0 * cpu_know / cpu_analyze.max(1e-9),
        tokens as f64 / (cpu_analyze + cpu_code + cpu_know).max(1e-9),
    );
    Ok(())
}
