//! The `herald` command line: thin glue over the herald crates.

mod analyze;
mod bench;
mod bench_store;
mod code;
mod engine;
mod gkg;
mod ingest;
mod output;
mod serve;
mod store_cmd;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// herald turns news into event data.
#[derive(Parser)]
#[command(name = "herald", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse documents: sentences, tokens, tags, lemmas, dependencies and entities.
    ///
    /// Reads `.txt` files (one document each; its date from --date), `.jsonl` files (one document
    /// per line: {"id", "text", "date"?, "url"?, "source"?, "title"?}), Reuters `.sgm` files, or
    /// `-` for standard input. Bad input is reported on stderr with file and line and skipped; the
    /// exit code is 2 if anything was skipped.
    Analyze(analyze::AnalyzeArgs),
    /// Code events: who did what to whom, as CAMEO/PLOVER events in JSONL, from verbs and event
    /// nouns, dated by the text where it gives a day.
    ///
    /// Without --all, only asserted events are written (things that happened, one-sided ones
    /// included); --all adds the negated, hypothetical, future, requested and reported ones, each
    /// with its modality.
    Code(code::CodeArgs),
    /// Extract the knowledge around the events (GDELT's GKG): entities with their mentions
    /// linked and their actor codes, places resolved to GeoNames, dates normalised against the
    /// publication date; one JSON record per document.
    Gkg(gkg::GkgArgs),
    /// Run the whole pipeline on all cores and store documents, events (merged across
    /// articles), mentions, entities, quotations and places in the database.
    ///
    /// Idempotent: documents already stored with the same content are skipped, so an
    /// interrupted ingest resumes when run again. --serve then serves the dashboard.
    Ingest(ingest::IngestArgs),
    /// Write stored events or knowledge as GDELT 2.0 Events/Mentions, GKG 2.1, PLOVER, JSONL
    /// or Parquet, filtered by date, actor, dyad, code or country.
    Export(store_cmd::ExportArgs),
    /// Ask the store: events, top actors, the actor network, a dyad's daily series, article
    /// search, table sizes; as tables or JSON.
    Query(store_cmd::QueryArgs),
    /// Serve the dashboard and the JSON API (OpenAPI at /openapi.yaml) over a database;
    /// read-only unless started with --token.
    Serve(serve::ServeArgs),
    /// List the verbs and actors the dictionaries missed in a corpus, most frequent first
    /// (PETRARCH's null-verbs and null-actors), so the dictionaries can grow.
    Missing(code::MissingArgs),
    /// Train the NLP models from the data sets in ../shared/data and write them to models/.
    Train(TrainArgs),
    /// Score herald on the gold sets in ../shared/data; one line per set.
    Eval(EvalArgs),
    /// Measure analysis throughput over real news (Reuters-21578, BBC) in tokens per CPU-second.
    Bench(bench::BenchArgs),
    /// Measure how fast the store answers a dyad's daily series at a million events or more
    /// (a copy of a real store, its events repeated over later years).
    BenchStore(bench_store::BenchStoreArgs),
    /// Look actor names up in PETRARCH-format actor dictionaries: the code each has on a date.
    Actor(ActorArgs),
    /// Show what a PETRARCH-format verb dictionary says about verbs: block, code, patterns.
    Verb(VerbArgs),
    /// Build herald's actor files from ship-class sources (Wikidata heads of state and
    /// government) into data/actors/.
    BuildActors(BuildActorsArgs),
}

#[derive(clap::Args)]
struct BuildActorsArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Output file.
    #[arg(long, default_value = "data/actors/leaders.actors")]
    out: PathBuf,
    /// Leave out terms that ended before this date.
    #[arg(long, default_value = "1990-01-01")]
    since: String,
}

#[derive(clap::Args)]
struct VerbArgs {
    /// Verb lemmas, e.g. "urge".
    #[arg(required = true)]
    lemmas: Vec<String>,
    /// Verb dictionary (default: PETRARCH-2's CAMEO.2.0.txt in data/petrarch2).
    #[arg(long = "dict")]
    dict: Option<PathBuf>,
    /// Print every pattern, not just the counts.
    #[arg(long)]
    patterns: bool,
}

#[derive(clap::Args)]
struct ActorArgs {
    /// Names to look up, e.g. "Benjamin Netanyahu".
    #[arg(required = true)]
    names: Vec<String>,
    /// The date the code must hold on (YYYY-MM-DD).
    #[arg(long)]
    date: String,
    /// Actor dictionary files: PETRARCH format, or herald format if the name ends in `.actors`
    /// (default: herald's data/actors/*.actors, then the PETRARCH-2 Phoenix actor files in
    /// data/petrarch2).
    #[arg(long = "dict")]
    dicts: Vec<PathBuf>,
}

/// herald's shipped data folder (`data/` of the source tree herald was built from).
pub(crate) fn data_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"))
}

#[derive(clap::Args)]
struct TrainArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Where to write the models.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Train only these components (tagger, lemmatizer, parser, gazetteer, ner), comma-separated.
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Tagger epochs.
    #[arg(long, default_value_t = 10)]
    tagger_epochs: usize,
    /// Parser epochs.
    #[arg(long, default_value_t = 15)]
    parser_epochs: usize,
    /// NER epochs.
    #[arg(long, default_value_t = 12)]
    ner_epochs: usize,
    /// NER corpora added to UNER English-EWT train (wikigold, crossner, redocred), comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "")]
    ner_extra: Vec<String>,
    /// Models trained per component on different shuffles and averaged into the stored one.
    #[arg(long, default_value_t = 3)]
    ensemble: usize,
    /// Which splits of EWT, GUM and UNER to train on: "train" (to make choices on dev) or
    /// "train+dev" (the committed models; never test).
    #[arg(long, default_value = "train+dev", value_parser = ["train", "train+dev"])]
    splits: String,
    /// Random seed (same seed and data give byte-identical models).
    #[arg(long, default_value_t = 0x5eed)]
    seed: u64,
}

#[derive(clap::Args)]
struct EvalArgs {
    /// What to evaluate: nlp, coder, gkg.
    #[arg(default_value = "nlp")]
    what: String,
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Models directory (default: the repository's models/).
    #[arg(long)]
    models: Option<PathBuf>,
    /// For `gkg`: only one part (dates, ner, quotes or geo).
    #[arg(long, value_parser = ["dates", "ner", "quotes", "geo"])]
    only: Option<String>,
}

fn models_dir(arg: &Option<PathBuf>) -> PathBuf {
    arg.clone().unwrap_or_else(herald_nlp::default_models_dir)
}

/// Refuse a malformed `--date` before any work.
pub(crate) fn check_date(date: &Option<String>) -> Result<()> {
    if let Some(d) = date {
        if !herald_ingest::is_valid_date(d) {
            anyhow::bail!("invalid --date \"{d}\" (expected YYYY-MM-DD)");
        }
    }
    Ok(())
}

/// herald's shipped dictionaries, with the lines they skipped.
pub(crate) fn load_dictionaries(
) -> Result<(herald_coder::Dictionaries, Vec<herald_dict::DictError>)> {
    let data = data_dir();
    herald_coder::Dictionaries::load(&data)
        .with_context(|| format!("loading dictionaries from {}", data.display()))
}

pub(crate) fn load_pipeline(models: &Option<PathBuf>) -> Result<herald_nlp::Pipeline> {
    let dir = models_dir(models);
    herald_nlp::Pipeline::load(&dir)
        .with_context(|| format!("loading models from {}", dir.display()))
}

fn main() {
    // Writing into a closed pipe (`herald code ... | head`) ends the program quietly, as for
    // other Unix tools, instead of panicking in println!.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(a) => analyze::run(a),
        Command::Code(c) => code::run(c),
        Command::Missing(m) => code::missing(m),
        Command::Gkg(g) => gkg::run(g),
        Command::Ingest(i) => ingest::run(i),
        Command::Export(x) => store_cmd::export(x),
        Command::Query(q) => store_cmd::query(q),
        Command::Serve(s) => serve::run(s),
        Command::Train(t) => train(t).map(|_| 0),
        Command::Eval(e) => eval(e).map(|_| 0),
        Command::Bench(b) => bench::run(b).map(|_| 0),
        Command::BenchStore(b) => bench_store::run(b).map(|_| 0),
        Command::Actor(a) => actor(a),
        Command::Verb(v) => verb(v),
        Command::BuildActors(b) => build_actors(b).map(|_| 0),
    };
    match result {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            // A closed pipe (`herald analyze ... | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                std::process::exit(0);
            }
            eprintln!("error: {e:#}");
            std::process::exit(1);
        }
    }
}

fn train(t: TrainArgs) -> Result<()> {
    let out = models_dir(&t.out);
    let cfg = herald_nlp::train::TrainConfig {
        gazetteer_extra: PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/gazetteer-extra.tsv"
        )),
        ner_extra: t.ner_extra.into_iter().filter(|s| !s.is_empty()).collect(),
        data: t.data,
        out,
        tagger_epochs: t.tagger_epochs,
        parser_epochs: t.parser_epochs,
        ner_epochs: t.ner_epochs,
        folds: 4,
        with_dev: t.splits == "train+dev",
        ensemble: t.ensemble,
        seed: t.seed,
        only: t.only,
    };
    let start = std::time::Instant::now();
    herald_nlp::train::train_all(&cfg, |m| {
        eprintln!("[{:>6.1}s] {m}", start.elapsed().as_secs_f64())
    })
    .context("training")?;
    Ok(())
}

fn eval(e: EvalArgs) -> Result<()> {
    match e.what.as_str() {
        "nlp" => {
            let t0 = std::time::Instant::now();
            let nlp = load_pipeline(&e.models)?;
            let load_ms = t0.elapsed().as_secs_f64() * 1000.0;
            println!("models: load_ms={load_ms:.0}");
            let on_dev = herald_nlp::train::trained_on_dev(&models_dir(&e.models));
            if on_dev {
                println!("models: trained on train+dev splits; dev sets not scored");
            }
            herald_eval::nlp::run(&nlp, &e.data, on_dev, |line| println!("{line}"))
                .with_context(|| format!("reading gold sets under {}", e.data.display()))?;
            Ok(())
        }
        "coder" => {
            let nlp = load_pipeline(&e.models)?;
            let lines = herald_eval::coder::petr_unit_tests(&nlp, &e.data).with_context(|| {
                format!("reading the PETRARCH unit tests under {}", e.data.display())
            })?;
            for l in lines {
                println!("{l}");
            }
            // Real-news and CAMEO-manual gold, coded with herald's own dictionaries.
            let (dicts, _) = load_dictionaries()?;
            let coder = herald_coder::Coder::new(&dicts);
            type GoldEval = fn(
                &herald_nlp::Pipeline,
                &herald_coder::Coder,
                &std::path::Path,
            ) -> std::io::Result<herald_eval::EvalLine>;
            let sets: [(&str, GoldEval); 3] = [
                (
                    "UniversalPetrarch/PETR2_GSR_validation.xml",
                    herald_eval::gold::petr2_gsr,
                ),
                (
                    "cameo-plover-gold (PLOVER GSR)",
                    herald_eval::gold::plover_gsr,
                ),
                (
                    "cameo-plover-gold (PentaClass)",
                    herald_eval::gold::penta_class_test,
                ),
            ];
            for (name, run) in sets {
                let line = run(&nlp, &coder, &e.data)
                    .with_context(|| format!("reading {name} under {}", e.data.display()))?;
                println!("{line}");
            }
            Ok(())
        }
        "gkg" => {
            let part = |p: &str| e.only.as_deref().is_none_or(|o| o == p);
            let nlp = load_pipeline(&e.models)?;
            let te3 = e.data.join("tempeval3");
            for (name, dir) in [
                ("tempeval3-tbaq-dev", te3.join("TBAQ-cleaned")),
                ("tempeval3-platinum-test", te3.join("te3-platinum")),
            ]
            .into_iter()
            .filter(|_| part("dates"))
            {
                let line = herald_eval::gkg::tempeval(&nlp, &dir, name)
                    .with_context(|| format!("reading TimeML files under {}", dir.display()))?;
                println!("{line}");
            }
            // NER on conflict news, the entities the knowledge layer builds on.
            if part("ner") {
                if let Some(line) = herald_eval::nlp::re3d(&nlp, &e.data)? {
                    println!("{line}");
                }
            }
            // HERALD_POLNEAR_SPLIT=train: the same scores on the train split, for error
            // analysis that leaves dev untouched.
            let split = std::env::var("HERALD_POLNEAR_SPLIT").unwrap_or_else(|_| "dev".into());
            let polnear = e.data.join("polnear").join(&split);
            if part("quotes") {
                for line in
                    herald_eval::gkg::polnear(&nlp, &polnear, &format!("polnear-{split}"))
                        .with_context(|| format!("reading PolNeAR under {}", polnear.display()))?
                {
                    println!("{line}");
                }
            }
            if !part("geo") {
                return Ok(());
            }
            let places = data_dir().join("geo/places.tsv.gz");
            let gaz = herald_know::geo::Gazetteer::load(&places)
                .with_context(|| format!("loading the gazetteer {}", places.display()))?;
            for (name, file) in [
                ("geovirus-dev", "geovirus/GeoVirus.xml"),
                ("lgl", "lgl/lgl.xml"),
                ("geowebnews", "geowebnews/GWN.xml"),
                ("tr-news", "tr-news/TR-News.xml"),
            ] {
                let path = e.data.join(file);
                let line = herald_eval::gkg::geocoding(&gaz, &path, name)
                    .with_context(|| format!("reading {}", path.display()))?;
                println!("{line}");
            }
            Ok(())
        }
        other => anyhow::bail!(
            "unknown evaluation '{other}'\n\nhint: herald eval nlp, herald eval coder, herald eval gkg"
        ),
    }
}

fn actor(a: ActorArgs) -> Result<i32> {
    let date = herald_dict::Date::parse(&a.date)
        .with_context(|| format!("invalid --date \"{}\" (expected YYYY-MM-DD)", a.date))?;
    let files: Vec<PathBuf> = if a.dicts.is_empty() {
        // herald's own (current, dated) actors first: the first phrase definition wins.
        let own = data_dir().join("actors");
        let mut own_files: Vec<PathBuf> = std::fs::read_dir(&own)
            .map(|d| {
                d.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "actors"))
                    .collect()
            })
            .unwrap_or_default();
        own_files.sort();
        own_files
            .into_iter()
            .chain(
                [
                    "Phoenix.Countries.actors.txt",
                    "Phoenix.International.actors.txt",
                    "Phoenix.MilNonState.actors.txt",
                ]
                .iter()
                .map(|f| data_dir().join("petrarch2").join(f)),
            )
            .collect()
    } else {
        a.dicts.clone()
    };
    let mut dict = herald_dict::ActorDictionary::default();
    for f in &files {
        let text =
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        let problems = if f.extension().is_some_and(|x| x == "actors") {
            dict.add_herald(&f.display().to_string(), &text)
        } else {
            dict.add(&f.display().to_string(), &text)
        };
        for p in problems.iter().take(3) {
            eprintln!("warning: {p} (skipped)");
        }
        if problems.len() > 3 {
            eprintln!(
                "warning: {}: {} more lines skipped",
                f.display(),
                problems.len() - 3
            );
        }
    }
    let mut missing = 0;
    for name in &a.names {
        let words = herald_dict::split_words(name);
        match dict
            .longest_match(&words, 0)
            .filter(|m| m.len == words.len())
        {
            Some(m) => {
                let actor = &dict.actors[m.entry];
                println!(
                    "{name}\t{}\t{}\t{}:{}",
                    dict.code_on(m.entry, date).unwrap_or("-"),
                    actor.name.join(" ").replace(" - ", "-"),
                    actor.file,
                    actor.line
                );
            }
            None => {
                missing += 1;
                println!("{name}\t-\tnot in the dictionaries");
            }
        }
    }
    Ok(if missing > 0 { 1 } else { 0 })
}

fn verb(v: VerbArgs) -> Result<i32> {
    let path = v
        .dict
        .clone()
        .unwrap_or_else(|| data_dir().join("petrarch2/CAMEO.2.0.txt"));
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let (dict, problems) =
        herald_dict::verbs::VerbDictionary::parse(&path.display().to_string(), &text);
    for p in &problems {
        eprintln!("warning: {p} (skipped)");
    }
    eprintln!(
        "{}: {} synsets, {} verb blocks, {} verbs, {} patterns, {} transformations",
        path.display(),
        dict.synsets.len(),
        dict.blocks.len(),
        dict.verbs.len(),
        dict.pattern_count(),
        dict.transformations.len()
    );
    let mut missing = 0;
    for lemma in &v.lemmas {
        let verbs: Vec<_> = dict.verbs_for(lemma).collect();
        if verbs.is_empty() {
            missing += 1;
            println!("{lemma}\t-\tnot in the dictionary");
        }
        for verb in verbs {
            let block = &dict.blocks[verb.block];
            println!(
                "{lemma}\t{}\tblock {} ({:?})\tverb code {:?}\t{} patterns\tline {}",
                verb.words.join("_"),
                block.name,
                block.code,
                verb.code,
                block.patterns.len(),
                verb.line
            );
            if v.patterns {
                for p in &block.patterns {
                    println!(
                        "\t{:?} * {:?} -> {:?}\t# {} (line {})",
                        p.before, p.after, p.code, p.comment, p.line
                    );
                }
            }
        }
    }
    Ok(if missing > 0 { 1 } else { 0 })
}

fn build_actors(b: BuildActorsArgs) -> Result<()> {
    let since = herald_dict::Date::parse(&b.since)
        .with_context(|| format!("invalid --since \"{}\"", b.since))?;
    let src = b.data.join("wikidata-leaders/leaders_history.csv");
    let csv =
        std::fs::read_to_string(&src).with_context(|| format!("reading {}", src.display()))?;
    // People per country (GeoNames countryInfo: ISO, ISO3, ..., population in column 8).
    let info = b.data.join("geonames/countryInfo.txt");
    let population: std::collections::BTreeMap<String, u64> = std::fs::read_to_string(&info)
        .with_context(|| format!("reading {}", info.display()))?
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((f.get(1)?.to_string(), f.get(7)?.parse().ok()?))
        })
        .collect();
    let (text, report) = herald_dict::sources::leaders_to_herald(&csv, since, &population);
    if let Some(dir) = b.out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&b.out, text).with_context(|| format!("writing {}", b.out.display()))?;
    eprintln!(
        "{}: {} people from {} terms ({} without a start date and {} ended before {} left out)",
        b.out.display(),
        report.people,
        report.terms,
        report.no_start,
        report.too_old,
        since
    );
    Ok(())
}
