//! `herald export` and `herald query`: what is in the store, as files other tools read or as
//! answers in the terminal.

use anyhow::{Context, Result};
use herald_store::export::Format;
use herald_store::read::EventFilter;
use herald_store::Store;
use std::io::Write;
use std::path::PathBuf;

/// Which events (all optional).
#[derive(clap::Args, Clone, Debug)]
pub struct FilterArgs {
    /// First day (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Last day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Source or target actor code: USA exactly, USA* for every code that starts with USA.
    #[arg(long)]
    actor: Option<String>,
    /// Source actor code (USA, USA*).
    #[arg(long)]
    source: Option<String>,
    /// Target actor code (ISR, ISR*).
    #[arg(long)]
    target: Option<String>,
    /// CAMEO code prefix (19, 0256).
    #[arg(long)]
    code: Option<String>,
    /// Where: ISO 3166 alpha-2 of the event's place (IL), or an actor's country (ISR).
    #[arg(long)]
    country: Option<String>,
    /// QuadClass (1-4).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    quad: Option<u8>,
}

impl FilterArgs {
    fn filter(&self) -> EventFilter {
        EventFilter {
            from: self.from.clone(),
            to: self.to.clone(),
            actor: self.actor.clone(),
            source: self.source.clone(),
            target: self.target.clone(),
            code: self.code.clone(),
            country: self.country.clone(),
            quad: self.quad,
        }
    }
}

/// Arguments of `herald export`.
#[derive(clap::Args)]
pub struct ExportArgs {
    /// What to write: GDELT 2.0 Event or Mentions rows, GKG 2.1 rows, PLOVER JSONL, herald's
    /// JSONL (each event with its counts and mentions), or Parquet (the events table).
    #[arg(long, value_parser = ["gdelt-events", "gdelt-mentions", "gkg", "plover", "jsonl", "parquet"])]
    format: String,
    /// The database.
    #[arg(long, default_value = "herald.db")]
    db: PathBuf,
    /// Output file (default: standard output).
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
}

fn open(db: &std::path::Path) -> Result<Store> {
    Store::open_read_only(db).with_context(|| {
        format!(
            "no herald database at {} (run `herald ingest` first)",
            db.display()
        )
    })
}

pub fn export(a: ExportArgs) -> Result<i32> {
    let store = open(&a.db)?;
    let format = Format::parse(&a.format).expect("clap checked the format");
    let mut out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let n = store.export(format, &a.filter.filter(), &mut out)?;
    out.flush()?;
    eprintln!("export: {n} records ({})", a.format);
    Ok(0)
}

/// Arguments of `herald query`.
#[derive(clap::Args)]
pub struct QueryArgs {
    /// The question: events (newest first), actors (most active), network (heaviest dyads),
    /// series (a dyad day by day: needs --source and --target), search (articles with WORDS),
    /// stats (table sizes).
    #[arg(value_parser = ["events", "actors", "network", "series", "search", "stats"])]
    what: String,
    /// Words to search for (with `search`).
    words: Vec<String>,
    /// The database.
    #[arg(long, default_value = "herald.db")]
    db: PathBuf,
    /// How many rows.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// JSON instead of a table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    filter: FilterArgs,
}

/// Print rows as aligned columns.
fn table(out: &mut dyn Write, head: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut width: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, c) in width.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .zip(&width)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(
        out,
        "{}",
        line(head.iter().map(|h| h.to_string()).collect())
    )?;
    for r in rows {
        writeln!(out, "{}", line(r.clone()))?;
    }
    Ok(())
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "-".into())
}

/// Rows as pretty JSON, or as a table of `head` columns made by `cells`.
fn show<T: serde::Serialize>(
    out: &mut dyn Write,
    json: bool,
    rows: &[T],
    head: &[&str],
    cells: impl Fn(&T) -> Vec<String>,
) -> Result<()> {
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(rows)?)?;
    } else {
        let cells: Vec<Vec<String>> = rows.iter().map(cells).collect();
        table(out, head, &cells)?;
    }
    Ok(())
}

pub fn query(a: QueryArgs) -> Result<i32> {
    let store = open(&a.db)?;
    let f = a.filter.filter();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match a.what.as_str() {
        "stats" => {
            let c = store.counts()?;
            if a.json {
                writeln!(out, "{}", serde_json::to_string_pretty(&c)?)?;
            } else {
                let v = serde_json::to_value(&c)?;
                let rows: Vec<Vec<String>> = v
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| vec![k.clone(), v.to_string()])
                    .collect();
                table(&mut out, &["table", "rows"], &rows)?;
            }
        }
        "events" => show(
            &mut out,
            a.json,
            &store.events(&f, a.limit, 0)?,
            &[
                "event",
                "date",
                "source",
                "code",
                "target",
                "goldstein",
                "mentions",
                "sources",
                "place",
                "trigger",
                "first report",
            ],
            |e| {
                vec![
                    e.event_id.to_string(),
                    e.date.clone(),
                    opt(&e.source),
                    e.code.clone(),
                    opt(&e.target),
                    format!("{:.1}", e.goldstein),
                    e.mentions.to_string(),
                    e.sources.to_string(),
                    opt(&e.place),
                    e.trigger.clone(),
                    e.doc_id.clone(),
                ]
            },
        )?,
        "actors" => show(
            &mut out,
            a.json,
            &store.top_actors(&f, a.limit)?,
            &["actor", "as source", "as target"],
            |r| {
                vec![
                    r.code.clone(),
                    r.as_source.to_string(),
                    r.as_target.to_string(),
                ]
            },
        )?,
        "network" => show(
            &mut out,
            a.json,
            &store.network(&f, a.limit)?,
            &["source", "target", "events", "mean goldstein"],
            |r| {
                vec![
                    r.source.clone(),
                    r.target.clone(),
                    r.events.to_string(),
                    format!("{:.2}", r.goldstein),
                ]
            },
        )?,
        "series" => {
            let (Some(s), Some(t)) = (&a.filter.source, &a.filter.target) else {
                anyhow::bail!("`herald query series` needs --source and --target");
            };
            show(
                &mut out,
                a.json,
                &store.series(s, t, a.filter.from.as_deref(), a.filter.to.as_deref())?,
                &["day", "events", "mentions", "goldstein", "quad 1/2/3/4"],
                |d| {
                    vec![
                        d.date.clone(),
                        d.events.to_string(),
                        d.mentions.to_string(),
                        format!("{:.2}", d.goldstein),
                        format!("{}/{}/{}/{}", d.quad[0], d.quad[1], d.quad[2], d.quad[3]),
                    ]
                },
            )?
        }
        "search" => show(
            &mut out,
            a.json,
            &store.search(&a.words.join(" "), a.limit)?,
            &["document", "date", "source", "events", "title"],
            |d| {
                vec![
                    d.id.clone(),
                    opt(&d.date),
                    d.source.clone(),
                    d.events.to_string(),
                    d.title.clone().unwrap_or_default(),
                ]
            },
        )?,
        _ => unreachable!("clap checked the question"),
    }
    out.flush()?;
    Ok(0)
}
