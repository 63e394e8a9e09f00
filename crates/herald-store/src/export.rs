//! Stored events and knowledge in the files other tools read: GDELT 2.0 Event and Mentions
//! tables, GKG 2.1, PLOVER JSONL, herald's JSONL, and Parquet (pandas, polars, DuckDB).

use crate::read::EventFilter;
use crate::{Result, Store, StoreError};
use herald_doc::Event;
use herald_export::gdelt::{self, Counts, MentionSource};
use rusqlite::types::Value;
use std::io::Write;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// GDELT 2.0 Event table: one row per merged event, 61 columns.
    GdeltEvents,
    /// GDELT 2.0 Mentions table: one row per asserted mention, 16 columns.
    GdeltMentions,
    /// GDELT GKG 2.1: one row per document, 27 columns.
    Gkg,
    /// PLOVER JSONL: one record per merged event PLOVER has a category for.
    Plover,
    /// herald's JSONL: each event's first mention in the DESIGN.md contract, with its counts and
    /// every mention.
    Jsonl,
    /// Parquet: the events table, one row per merged event.
    Parquet,
}

impl Format {
    /// The format by its command-line name.
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "gdelt-events" => Format::GdeltEvents,
            "gdelt-mentions" => Format::GdeltMentions,
            "gkg" => Format::Gkg,
            "plover" => Format::Plover,
            "jsonl" => Format::Jsonl,
            "parquet" => Format::Parquet,
            _ => return None,
        })
    }
}

/// One merged event as export needs it: its counts, first mention and that mention's article.
struct Merged {
    counts: Counts,
    first: Event,
    url: Option<String>,
}

fn parse_event(what: impl Fn() -> String, s: &str) -> Result<Event> {
    serde_json::from_str(s).map_err(|source| StoreError::Record {
        what: what(),
        source,
    })
}

impl Store {
    /// Write the events (or, for GKG, the documents with such events) matching `filter`.
    /// Returns the number of records written.
    pub fn export(
        &self,
        format: Format,
        filter: &EventFilter,
        out: &mut dyn Write,
    ) -> Result<usize> {
        match format {
            Format::Gkg => self.export_gkg(filter, out),
            Format::GdeltMentions => self.export_mentions(filter, out),
            Format::Parquet => crate::export_parquet::write(self, filter, out),
            Format::GdeltEvents | Format::Plover | Format::Jsonl => {
                let mut n = 0;
                self.each_merged(filter, &mut |m| {
                    let line = match format {
                        Format::GdeltEvents => Some(gdelt::merged_event_row(
                            &m.first,
                            &m.counts,
                            m.url.as_deref(),
                        )),
                        Format::Plover => plover_line(m),
                        _ => Some(self.jsonl_line(m)?),
                    };
                    if let Some(line) = line {
                        writeln!(out, "{line}")?;
                        n += 1;
                    }
                    Ok(())
                })?;
                Ok(n)
            }
        }
    }

    fn each_merged(
        &self,
        filter: &EventFilter,
        f: &mut dyn FnMut(&Merged) -> Result<()>,
    ) -> Result<()> {
        let (clause, args) = filter.clause()?;
        let sql = format!(
            "SELECT e.event_id, e.num_mentions, e.num_sources, e.num_articles, e.avg_tone,
                    m.event, d.url
             FROM events e JOIN mentions m ON m.mention_id = e.first_mention
             JOIN documents d ON d.doc_key = m.doc_key
             WHERE {clause} ORDER BY e.event_id"
        );
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(rusqlite::params_from_iter(args))?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let json: String = r.get(5)?;
            let m = Merged {
                counts: Counts {
                    id: id as u64,
                    mentions: r.get::<_, i64>(1)? as u64,
                    sources: r.get::<_, i64>(2)? as u64,
                    articles: r.get::<_, i64>(3)? as u64,
                    tone: r.get(4)?,
                },
                first: parse_event(|| format!("first mention of event {id}"), &json)?,
                url: r.get(6)?,
            };
            f(&m)?;
        }
        Ok(())
    }

    fn jsonl_line(&self, m: &Merged) -> Result<String> {
        let mut v = serde_json::to_value(&m.first).map_err(|source| StoreError::Record {
            what: format!("event {}", m.counts.id),
            source,
        })?;
        let mut st = self.conn.prepare_cached(
            "SELECT d.id, m.sentence, json_extract(m.event, '$.trigger'), m.confidence, m.date
             FROM mentions m JOIN documents d ON d.doc_key = m.doc_key
             WHERE m.event_id = ?1 ORDER BY m.mention_id",
        )?;
        let rows = st.query_map([m.counts.id as i64], |r| {
            Ok(serde_json::json!({
                "doc_id": r.get::<_, String>(0)?,
                "sentence": r.get::<_, i64>(1)?,
                "trigger": serde_json::from_str::<serde_json::Value>(
                    &r.get::<_, String>(2)?).unwrap_or_default(),
                "confidence": r.get::<_, f64>(3)?,
                "date": r.get::<_, Option<String>>(4)?,
            }))
        })?;
        let mentions: Vec<serde_json::Value> = rows.collect::<rusqlite::Result<_>>()?;
        v["event_id"] = m.counts.id.into();
        v["num_mentions"] = m.counts.mentions.into();
        v["num_sources"] = m.counts.sources.into();
        v["num_articles"] = m.counts.articles.into();
        v["avg_tone"] = m.counts.tone.into();
        v["mentions"] = mentions.into();
        Ok(v.to_string())
    }

    fn export_mentions(&self, filter: &EventFilter, out: &mut dyn Write) -> Result<usize> {
        let (clause, args) = filter.clause()?;
        let sql = format!(
            "SELECT e.event_id, m.event, d.date, d.source_name, coalesce(d.url, d.id), d.length,
                    d.tone
             FROM events e JOIN mentions m ON m.event_id = e.event_id
             JOIN documents d ON d.doc_key = m.doc_key
             WHERE {clause} ORDER BY e.event_id, m.mention_id"
        );
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(rusqlite::params_from_iter(args))?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let e = parse_event(|| format!("mention of event {id}"), &r.get::<_, String>(1)?)?;
            let (date, name, identifier): (Option<String>, String, String) =
                (r.get(2)?, r.get(3)?, r.get(4)?);
            let article = MentionSource {
                date: date.as_deref(),
                name: &name,
                identifier: &identifier,
                length: r.get::<_, i64>(5)? as usize,
                tone: r.get(6)?,
            };
            writeln!(out, "{}", gdelt::mention_row(id as u64, &e, &article))?;
            n += 1;
        }
        Ok(n)
    }

    fn export_gkg(&self, filter: &EventFilter, out: &mut dyn Write) -> Result<usize> {
        // Documents in the date range; with an actor, code or place filter, only those that
        // report a matching event.
        let by_events = EventFilter {
            from: None,
            to: None,
            ..filter.clone()
        };
        let mut parts = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        for (bound, op) in [(&filter.from, ">="), (&filter.to, "<=")] {
            if let Some(d) = bound {
                crate::day_number(d).ok_or_else(|| StoreError::Filter {
                    what: "date",
                    value: d.clone(),
                })?;
                parts.push(format!("d.date {op} ?"));
                args.push(Value::Text(d.clone()));
            }
        }
        if by_events != EventFilter::default() {
            let (clause, more) = by_events.clause()?;
            parts.push(format!(
                "d.doc_key IN (SELECT m.doc_key FROM mentions m
                               JOIN events e ON e.event_id = m.event_id WHERE {clause})"
            ));
            args.extend(more);
        }
        let clause = if parts.is_empty() {
            "1".to_string()
        } else {
            parts.join(" AND ")
        };
        let sql = format!("SELECT d.gkg_row FROM documents d WHERE {clause} ORDER BY d.doc_key");
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(rusqlite::params_from_iter(args))?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            writeln!(out, "{}", r.get::<_, String>(0)?)?;
            n += 1;
        }
        Ok(n)
    }
}

/// A PLOVER record for a merged event, its id the event id.
fn plover_line(m: &Merged) -> Option<String> {
    let rec = herald_export::plover::plover_record(&m.first, 0)?;
    let mut v: serde_json::Value = serde_json::from_str(&rec).ok()?;
    v["id"] = format!("herald-{}", m.counts.id).into();
    v["num_mentions"] = m.counts.mentions.into();
    v["num_sources"] = m.counts.sources.into();
    Some(v.to_string())
}
