//! Questions the store answers: events by filter, a dyad's daily series, top actors, the actor
//! network, article search, and the view of one event or one document with its evidence.
//!
//! Every value from a caller is a bound parameter; the SQL text is made only of fixed pieces.

use crate::{Result, Store, StoreError};
use rusqlite::types::Value;
use serde::Serialize;

/// Which events. Actor codes match exactly (`USAGOV`), or by prefix when they end in `*`
/// (`USA*`: every American actor).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// First day, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Source or target.
    pub actor: Option<String>,
    /// Source.
    pub source: Option<String>,
    /// Target.
    pub target: Option<String>,
    /// CAMEO code prefix (`19`, `0256`).
    pub code: Option<String>,
    /// Where: ISO 3166 alpha-2 of the event's place (`IL`), or an actor's country (`ISR`, as
    /// source or target).
    pub country: Option<String>,
    /// QuadClass.
    pub quad: Option<u8>,
}

/// Bad filter values, named.
fn bad(what: &'static str, value: &str) -> StoreError {
    StoreError::Filter {
        what,
        value: value.to_string(),
    }
}

/// A code pattern as a WHERE piece over `column` with its parameters.
fn code_match(column: &str, pattern: &str, args: &mut Vec<Value>) -> String {
    if let Some(prefix) = pattern.strip_suffix('*') {
        args.push(Value::Text(prefix.to_string()));
        args.push(Value::Text(format!("{prefix}\u{10FFFF}")));
        format!("({column} >= ? AND {column} < ?)")
    } else {
        args.push(Value::Text(pattern.to_string()));
        format!("{column} = ?")
    }
}

impl EventFilter {
    /// The WHERE clause (over `events e`) and its parameters.
    pub(crate) fn clause(&self) -> Result<(String, Vec<Value>)> {
        let mut parts = Vec::new();
        let mut args = Vec::new();
        for (bound, op) in [(&self.from, ">="), (&self.to, "<=")] {
            if let Some(d) = bound {
                let day = crate::day_number(d).ok_or_else(|| bad("date", d))?;
                parts.push(format!("e.day {op} ?"));
                args.push(Value::Integer(day));
            }
        }
        if let Some(s) = &self.source {
            parts.push(code_match("e.source_code", s, &mut args));
        }
        if let Some(t) = &self.target {
            parts.push(code_match("e.target_code", t, &mut args));
        }
        if let Some(a) = &self.actor {
            let s = code_match("e.source_code", a, &mut args);
            let t = code_match("e.target_code", a, &mut args);
            parts.push(format!("({s} OR {t})"));
        }
        if let Some(c) = &self.code {
            if c.is_empty() || !c.chars().all(|c| c.is_ascii_digit()) {
                return Err(bad("CAMEO code", c));
            }
            parts.push(code_match("e.code", &format!("{c}*"), &mut args));
        }
        if let Some(c) = &self.country {
            if c.len() == 2 {
                parts.push("e.country = ?".to_string());
                args.push(Value::Text(c.to_uppercase()));
            } else {
                let p = format!("{}*", c.to_uppercase());
                let s = code_match("e.source_code", &p, &mut args);
                let t = code_match("e.target_code", &p, &mut args);
                parts.push(format!("({s} OR {t})"));
            }
        }
        if let Some(q) = self.quad {
            parts.push("e.quad = ?".to_string());
            args.push(Value::Integer(q as i64));
        }
        let clause = if parts.is_empty() {
            "1".to_string()
        } else {
            parts.join(" AND ")
        };
        Ok((clause, args))
    }
}

/// One stored event with its counts and where its first report is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// GLOBALEVENTID.
    pub event_id: i64,
    /// `YYYY-MM-DD` (empty when unknown).
    pub date: String,
    /// Source actor code.
    pub source: Option<String>,
    /// Target actor code.
    pub target: Option<String>,
    /// CAMEO code.
    pub code: String,
    /// CAMEO root.
    pub root: String,
    /// QuadClass.
    pub quad: u8,
    /// Goldstein.
    pub goldstein: f64,
    /// Place name.
    pub place: Option<String>,
    /// ISO country of the place.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// NumMentions.
    pub mentions: i64,
    /// NumSources.
    pub sources: i64,
    /// NumArticles.
    pub articles: i64,
    /// AvgTone.
    pub tone: Option<f64>,
    /// The first report's document id.
    pub doc_id: String,
    /// The first report's trigger words.
    pub trigger: String,
}

const EVENT_COLUMNS: &str = "e.event_id, e.date, e.source_code, e.target_code, e.code, e.root,
    e.quad, e.goldstein, e.place, e.country, e.lat, e.lon, e.num_mentions, e.num_sources,
    e.num_articles, e.avg_tone, d.id, json_extract(m.event, '$.trigger.text')";

fn event_row(r: &rusqlite::Row) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        event_id: r.get(0)?,
        date: r.get(1)?,
        source: r.get(2)?,
        target: r.get(3)?,
        code: r.get(4)?,
        root: r.get(5)?,
        quad: r.get(6)?,
        goldstein: r.get(7)?,
        place: r.get(8)?,
        country: r.get(9)?,
        lat: r.get(10)?,
        lon: r.get(11)?,
        mentions: r.get(12)?,
        sources: r.get(13)?,
        articles: r.get(14)?,
        tone: r.get(15)?,
        doc_id: r.get(16)?,
        trigger: r.get::<_, Option<String>>(17)?.unwrap_or_default(),
    })
}

/// One day of a dyad.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayPoint {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Events that day.
    pub events: i64,
    /// Their mentions.
    pub mentions: i64,
    /// Mean Goldstein score of the events.
    pub goldstein: f64,
    /// Events per QuadClass 1–4.
    pub quad: [i64; 4],
}

/// An actor and how often it acts and is acted on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorCount {
    /// CAMEO actor code.
    pub code: String,
    /// Events with it as source.
    pub as_source: i64,
    /// Events with it as target.
    pub as_target: i64,
}

/// An edge of the actor network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// Events.
    pub events: i64,
    /// Mean Goldstein score.
    pub goldstein: f64,
}

/// An article found by search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentHit {
    /// Document id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// Outlet.
    pub source: String,
    /// The matching passage, plain text (not HTML).
    pub snippet: String,
    /// Events in it.
    pub events: i64,
}

/// A document hit from a row of (id, title, date, source, snippet, event count).
fn document_hit(r: &rusqlite::Row) -> rusqlite::Result<DocumentHit> {
    Ok(DocumentHit {
        id: r.get(0)?,
        title: r.get(1)?,
        date: r.get(2)?,
        source: r.get(3)?,
        snippet: r.get(4)?,
        events: r.get(5)?,
    })
}

/// One report of an event, with its sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// Document id.
    pub doc_id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub source: String,
    /// URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// The event as herald's JSONL contract writes it (offsets into the document).
    pub event: serde_json::Value,
    /// The sentence's span in the document.
    pub sentence_start: usize,
    /// The sentence's text.
    pub sentence: String,
}

/// A stored document with everything found in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentView {
    /// Id.
    pub id: String,
    /// URL.
    pub url: Option<String>,
    /// Outlet.
    pub source: String,
    /// Publication date.
    pub date: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// The text (offsets are code points into it).
    pub text: String,
    /// Every event mention with its modality and, for asserted ones, the event it belongs to.
    pub events: Vec<MentionView>,
    /// The `herald gkg` record: entities, places, dates, quotations, tone, themes.
    pub knowledge: serde_json::Value,
}

/// An event mention in a document view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionView {
    /// The event it reports (asserted mentions only).
    pub event_id: Option<i64>,
    /// The mention in herald's JSONL contract.
    pub event: serde_json::Value,
}

fn json(what: &str, s: &str) -> Result<serde_json::Value> {
    serde_json::from_str(s).map_err(|source| StoreError::Record {
        what: what.to_string(),
        source,
    })
}

/// The words of a search as an FTS5 query: each word a quoted term (all must match), so no
/// input is an FTS5 syntax error.
fn fts_query(q: &str) -> Option<String> {
    let terms: Vec<String> = q
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

impl Store {
    /// Events matching `filter`, newest first, `limit` of them after skipping `offset`.
    pub fn events(
        &self,
        filter: &EventFilter,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<EventRow>> {
        let (clause, mut args) = filter.clause()?;
        args.push(Value::Integer(limit as i64));
        args.push(Value::Integer(offset as i64));
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e
             JOIN mentions m ON m.mention_id = e.first_mention
             JOIN documents d ON d.doc_key = m.doc_key
             WHERE {clause} ORDER BY e.day DESC, e.event_id DESC LIMIT ? OFFSET ?"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args), event_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many events match `filter`.
    pub fn count_events(&self, filter: &EventFilter) -> Result<i64> {
        let (clause, args) = filter.clause()?;
        let sql = format!("SELECT count(*) FROM events e WHERE {clause}");
        Ok(self
            .conn
            .query_row(&sql, rusqlite::params_from_iter(args), |r| r.get(0))?)
    }

    /// One event by id.
    pub fn event(&self, event_id: i64) -> Result<Option<EventRow>> {
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e
             JOIN mentions m ON m.mention_id = e.first_mention
             JOIN documents d ON d.doc_key = m.doc_key WHERE e.event_id = ?1"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut rows = st.query_map([event_id], event_row)?;
        Ok(rows.next().transpose()?)
    }

    /// Every report of an event with its sentence, in storage order.
    pub fn evidence(&self, event_id: i64) -> Result<Vec<Evidence>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.id, d.title, d.source_name, d.url, d.date, m.event, s.start,
                    substr(d.text, s.start + 1, s.end - s.start)
             FROM mentions m JOIN documents d ON d.doc_key = m.doc_key
             LEFT JOIN sentences s ON s.doc_key = m.doc_key AND s.idx = m.sentence
             WHERE m.event_id = ?1 ORDER BY m.mention_id",
        )?;
        let rows = st.query_map([event_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<i64>>(6)?,
                r.get::<_, Option<String>>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (doc_id, title, source, url, published, event, start, sentence) = row?;
            out.push(Evidence {
                event: json(&format!("mention of event {event_id} in {doc_id}"), &event)?,
                doc_id,
                title,
                source,
                url,
                published,
                sentence_start: start.unwrap_or(0) as usize,
                sentence: sentence.unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// A dyad's events per day (source and target as in [`EventFilter`]), oldest first.
    pub fn series(
        &self,
        source: &str,
        target: &str,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<Vec<DayPoint>> {
        let filter = EventFilter {
            source: Some(source.to_string()),
            target: Some(target.to_string()),
            from: from.map(str::to_string),
            to: to.map(str::to_string),
            ..Default::default()
        };
        let (clause, args) = filter.clause()?;
        let sql = format!(
            "SELECT e.day, count(*), sum(e.num_mentions), avg(e.goldstein),
                    sum(e.quad = 1), sum(e.quad = 2), sum(e.quad = 3), sum(e.quad = 4)
             FROM events e WHERE {clause} AND e.day IS NOT NULL GROUP BY e.day ORDER BY e.day"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args), |r| {
            Ok(DayPoint {
                date: crate::date_of_day(r.get(0)?),
                events: r.get(1)?,
                mentions: r.get(2)?,
                goldstein: r.get(3)?,
                quad: [r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?],
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The `n` actors in the most events matching `filter`.
    pub fn top_actors(&self, filter: &EventFilter, n: usize) -> Result<Vec<ActorCount>> {
        let (clause, mut args) = filter.clause()?;
        let args2 = args.clone();
        args.extend(args2);
        args.push(Value::Integer(n as i64));
        let sql = format!(
            "SELECT code, sum(s), sum(t) FROM (
                SELECT e.source_code AS code, 1 AS s, 0 AS t FROM events e
                WHERE {clause} AND e.source_code IS NOT NULL
                UNION ALL
                SELECT e.target_code, 0, 1 FROM events e
                WHERE {clause} AND e.target_code IS NOT NULL)
             GROUP BY code ORDER BY sum(s) + sum(t) DESC, code LIMIT ?"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args), |r| {
            Ok(ActorCount {
                code: r.get(0)?,
                as_source: r.get(1)?,
                as_target: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The `n` heaviest source→target edges among events matching `filter`.
    pub fn network(&self, filter: &EventFilter, n: usize) -> Result<Vec<Edge>> {
        let (clause, mut args) = filter.clause()?;
        args.push(Value::Integer(n as i64));
        let sql = format!(
            "SELECT e.source_code, e.target_code, count(*), avg(e.goldstein) FROM events e
             WHERE {clause} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL
             GROUP BY e.source_code, e.target_code
             ORDER BY count(*) DESC, e.source_code, e.target_code LIMIT ?"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args), |r| {
            Ok(Edge {
                source: r.get(0)?,
                target: r.get(1)?,
                events: r.get(2)?,
                goldstein: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Articles whose title or text contain every word of `q`, best first.
    pub fn search(&self, q: &str, limit: usize) -> Result<Vec<DocumentHit>> {
        let Some(query) = fts_query(q) else {
            return Ok(Vec::new());
        };
        let mut st = self.conn.prepare_cached(
            "SELECT d.id, d.title, d.date, d.source_name,
                    snippet(documents_fts, 1, '', '', ' … ', 24),
                    (SELECT count(*) FROM mentions m WHERE m.doc_key = d.doc_key
                       AND m.event_id IS NOT NULL)
             FROM documents_fts JOIN documents d ON d.doc_key = documents_fts.rowid
             WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rows = st.query_map(rusqlite::params![query, limit as i64], document_hit)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The most recent documents.
    pub fn recent_documents(&self, limit: usize) -> Result<Vec<DocumentHit>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.id, d.title, d.date, d.source_name, substr(d.text, 1, 160),
                    (SELECT count(*) FROM mentions m WHERE m.doc_key = d.doc_key
                       AND m.event_id IS NOT NULL)
             FROM documents d ORDER BY d.date DESC, d.doc_key DESC LIMIT ?1",
        )?;
        let rows = st.query_map([limit as i64], document_hit)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A document by id, with its events and knowledge.
    pub fn document(&self, id: &str) -> Result<Option<DocumentView>> {
        let row = self
            .conn
            .query_row(
                "SELECT doc_key, id, url, source_name, date, title, text, knowledge
                 FROM documents WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get::<_, String>(7)?,
                    ))
                },
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        let Some((doc_key, id, url, source, date, title, text, knowledge)) = row else {
            return Ok(None);
        };
        let mut st = self.conn.prepare_cached(
            "SELECT event_id, event FROM mentions WHERE doc_key = ?1 ORDER BY idx",
        )?;
        let rows = st.query_map([doc_key], |r| Ok((r.get(0)?, r.get::<_, String>(1)?)))?;
        let mut events = Vec::new();
        for r in rows {
            let (event_id, e) = r?;
            events.push(MentionView {
                event_id,
                event: json(&format!("event mention of {id}"), &e)?,
            });
        }
        let knowledge = json(&format!("knowledge of {id}"), &knowledge)?;
        Ok(Some(DocumentView {
            id,
            url,
            source,
            date,
            title,
            text,
            events,
            knowledge,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_become_quoted_terms() {
        assert_eq!(
            fts_query("Gaza ceasefire").as_deref(),
            Some("\"Gaza\" \"ceasefire\"")
        );
        assert_eq!(fts_query("AND OR \"(*").as_deref(), Some("\"AND\" \"OR\""));
        assert_eq!(fts_query(" ;; "), None);
    }

    #[test]
    fn filters_bind_values_never_splice_them() {
        let f = EventFilter {
            actor: Some("USA'; DROP TABLE events; --".into()),
            from: Some("2025-05-01".into()),
            ..Default::default()
        };
        let (clause, args) = f.clause().unwrap();
        assert!(!clause.contains("DROP"));
        assert_eq!(args.len(), 3);
        let bad_date = EventFilter {
            to: Some("May 1".into()),
            ..Default::default()
        };
        assert!(bad_date.clause().is_err());
        let bad_code = EventFilter {
            code: Some("1' OR 1".into()),
            ..Default::default()
        };
        assert!(bad_code.clause().is_err());
    }
}
