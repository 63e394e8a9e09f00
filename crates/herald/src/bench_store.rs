//! `herald bench-store`: how fast the store answers a dyad's daily series when it holds at least
//! a million events.
//!
//! The events of a real store (say, Reuters and BBC ingested) are copied, each copy shifted
//! past the dates of the last, until the copy of the store holds `--events`; then the series of
//! the most frequent dyads and of random ones are asked, over everything and over one-year
//! windows, and the latencies' percentiles are printed.

use anyhow::{Context, Result};
use herald_store::Store;
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `herald bench-store`.
#[derive(clap::Args)]
pub struct BenchStoreArgs {
    /// A store with real events (copied, never changed).
    #[arg(long, default_value = "herald.db")]
    db: PathBuf,
    /// Events to grow the copy to.
    #[arg(long, default_value_t = 1_000_000)]
    events: u64,
    /// Series queries to time.
    #[arg(long, default_value_t = 400)]
    queries: usize,
    /// Where to build the copy (default: a temporary folder; removed afterwards).
    #[arg(long)]
    work: Option<PathBuf>,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

pub fn run(a: BenchStoreArgs) -> Result<()> {
    let dir = a.work.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("herald-bench-store-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir)?;
    let copy = dir.join("bench.db");
    let _ = std::fs::remove_file(&copy);
    {
        let src = Store::open_read_only(&a.db)
            .with_context(|| format!("no herald database at {}", a.db.display()))?;
        src.connection()
            .execute("VACUUM INTO ?1", [copy.to_str().context("a UTF-8 path")?])
            .context("copying the store")?;
    }
    let store = Store::open(&copy)?;
    let conn = store.connection();
    let (base, lo, hi): (i64, i64, i64) = conn.query_row(
        "SELECT count(*), coalesce(min(day), 0), coalesce(max(day), 0) FROM events",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    if base == 0 {
        anyhow::bail!("{} holds no events to copy", a.db.display());
    }
    let max_id: i64 = conn.query_row("SELECT max(event_id) FROM events", [], |r| r.get(0))?;
    let shift = hi - lo + 1;
    let t0 = Instant::now();
    let copies = (a.events as i64 + base - 1) / base;
    conn.execute_batch("BEGIN")?;
    for k in 1..copies {
        conn.execute(
            "INSERT INTO events (date, day, source_code, target_code, code, root, quad, goldstein,
                                 geonameid, place, country, lat, lon, num_mentions, num_sources,
                                 num_articles, avg_tone, first_mention)
             SELECT CASE WHEN day IS NULL THEN '' ELSE date((day + ?1) * 86400, 'unixepoch') END,
                    day + ?1, source_code, target_code, code, root, quad, goldstein, geonameid,
                    place, country, lat, lon, num_mentions, num_sources, num_articles, avg_tone,
                    first_mention
             FROM events WHERE event_id <= ?2",
            [k * shift, max_id],
        )?;
    }
    conn.execute_batch("COMMIT; ANALYZE;")?;
    let total: i64 = conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0))?;
    eprintln!(
        "bench-store: {base} events copied {copies} times to {total} in {:.1} s",
        t0.elapsed().as_secs_f64()
    );
    // The 20 busiest dyads, and 20 others chosen by a fixed stride through the rest.
    let dyads: Vec<(String, String, i64)> = {
        let mut st = conn.prepare(
            "SELECT source_code, target_code, count(*) FROM events
             WHERE source_code IS NOT NULL AND target_code IS NOT NULL
             GROUP BY source_code, target_code ORDER BY count(*) DESC, source_code, target_code",
        )?;
        let all: Vec<(String, String, i64)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<herald_store::rusqlite::Result<_>>()?;
        let mut pick: Vec<_> = all.iter().take(20).cloned().collect();
        let stride = (all.len() / 20).max(1);
        pick.extend(all.iter().skip(20).step_by(stride).take(20).cloned());
        pick
    };
    if dyads.is_empty() {
        anyhow::bail!("no dyads in {}", a.db.display());
    }
    let (first, last) = (lo, hi + (copies - 1) * shift);
    let mut whole = Vec::new();
    let mut yearly = Vec::new();
    let mut prefix = Vec::new();
    let mut rows = 0usize;
    for i in 0..a.queries {
        let (s, t, _) = &dyads[i % dyads.len()];
        let t0 = Instant::now();
        let points = if i % 2 == 0 {
            let r = store.series(s, t, None, None)?;
            whole.push(t0.elapsed().as_secs_f64() * 1e3);
            r
        } else {
            // A one-year window somewhere in the range, by a fixed walk.
            let from = first + ((i as i64 * 7919) % (last - first - 365).max(1));
            let (f, to) = (
                herald_store::date_of_day(from),
                herald_store::date_of_day(from + 365),
            );
            let r = store.series(s, t, Some(&f), Some(&to))?;
            yearly.push(t0.elapsed().as_secs_f64() * 1e3);
            r
        };
        rows += points.len();
        if i % 4 == 0 {
            // The same dyad by country prefix (USA* → ISR*).
            let (sp, tp) = (
                format!("{}*", &s[..s.len().min(3)]),
                format!("{}*", &t[..t.len().min(3)]),
            );
            let t0 = Instant::now();
            rows += store.series(&sp, &tp, None, None)?.len();
            prefix.push(t0.elapsed().as_secs_f64() * 1e3);
        }
    }
    for (name, v) in [
        ("whole range", &mut whole),
        ("one-year window", &mut yearly),
        ("country prefixes, whole range", &mut prefix),
    ] {
        v.sort_by(|a, b| a.total_cmp(b));
        println!(
            "bench-store: events={total} dyad series ({name}): queries={} p50_ms={:.2} p95_ms={:.2} max_ms={:.2}",
            v.len(),
            percentile(v, 0.5),
            percentile(v, 0.95),
            v.last().copied().unwrap_or(f64::NAN)
        );
    }
    println!(
        "bench-store: busiest dyad {} → {} with {} events; {rows} day rows returned",
        dyads[0].0, dyads[0].1, dyads[0].2
    );
    drop(store);
    if a.work.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(())
}
