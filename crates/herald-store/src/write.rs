//! Storing processed documents: idempotence, replacement and cross-document dedup.

use crate::{day_number, Processed, Result, Store, StoreError};
use herald_doc::{Document, Event, Modality};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::BTreeSet;

/// Two reports of one dyad and CAMEO root are one event when their dates are at most this many
/// days apart (news reports an event on the day and the day after; "on Monday" and "late
/// Monday" resolve to neighbouring days across time zones).
pub const DEDUP_DAYS: i64 = 1;

/// What a batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct AddSummary {
    /// Documents stored for the first time.
    pub added: usize,
    /// Documents stored before under the same id with other content, now replaced.
    pub replaced: usize,
    /// Documents already stored with the same content (by id or URL), left as they were.
    pub skipped: usize,
    /// Events created.
    pub new_events: usize,
    /// Asserted mentions that joined an event already stored.
    pub merged_mentions: usize,
}

/// FNV-1a 64 of the title and text: what "the same content" means.
fn content_hash(doc: &Document) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let title = doc.title.as_deref().unwrap_or("");
    for b in title.bytes().chain([0u8]).chain(doc.text.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The host of a URL (`https://www.bbc.co.uk/news/x` → `bbc.co.uk`).
fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host);
    let host = host.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

enum Existing {
    None,
    Same,
    Other(i64),
}

impl Store {
    /// True if this document (same id or URL, same content) is already stored: the ingest
    /// skips it before analysing it.
    pub fn is_stored(&self, doc: &Document) -> Result<bool> {
        Ok(matches!(
            existing(&self.conn, doc, &content_hash(doc))?,
            Existing::Same
        ))
    }

    /// Store a batch of documents in one transaction: all of it or, if the process dies, none.
    pub fn add_batch(&mut self, batch: &[Processed]) -> Result<AddSummary> {
        let tx = self.conn.transaction()?;
        let mut summary = AddSummary::default();
        for p in batch {
            let hash = content_hash(&p.doc);
            match existing(&tx, &p.doc, &hash)? {
                Existing::Same => {
                    summary.skipped += 1;
                    continue;
                }
                Existing::Other(doc_key) => {
                    remove_document(&tx, doc_key)?;
                    summary.replaced += 1;
                }
                Existing::None => summary.added += 1,
            }
            insert_document(&tx, p, &hash, &mut summary)?;
        }
        tx.commit()?;
        Ok(summary)
    }
}

fn existing(conn: &rusqlite::Connection, doc: &Document, hash: &str) -> Result<Existing> {
    let by_id: Option<(i64, String)> = conn
        .query_row(
            "SELECT doc_key, hash FROM documents WHERE id = ?1",
            [&doc.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((key, h)) = by_id {
        return Ok(if h == hash {
            Existing::Same
        } else {
            Existing::Other(key)
        });
    }
    if let Some(url) = &doc.url {
        let same: Option<i64> = conn
            .query_row(
                "SELECT doc_key FROM documents WHERE url = ?1 AND hash = ?2",
                [url, hash],
                |r| r.get(0),
            )
            .optional()?;
        if same.is_some() {
            return Ok(Existing::Same);
        }
    }
    Ok(Existing::None)
}

fn insert_document(
    tx: &Transaction,
    p: &Processed,
    hash: &str,
    summary: &mut AddSummary,
) -> Result<()> {
    let doc = &p.doc;
    let k = &p.knowledge;
    let doc_key: i64 = tx.query_row(
        "SELECT coalesce(max(doc_key), 0) + 1 FROM documents",
        [],
        |r| r.get(0),
    )?;
    let source_name = doc
        .source
        .clone()
        .or_else(|| doc.url.as_deref().and_then(url_host).map(str::to_string))
        .unwrap_or_else(|| doc.id.clone());
    let knowledge = serde_json::to_string(k).map_err(|source| StoreError::Record {
        what: format!("knowledge of {}", doc.id),
        source,
    })?;
    let gkg_row = herald_export::gkg::gkg_row(
        k,
        doc_key as usize,
        doc.url.as_deref(),
        doc.source.as_deref(),
    );
    let tone = (k.tone.word_count > 0).then_some(k.tone.tone);
    tx.execute(
        "INSERT INTO documents (doc_key, id, url, source, source_name, date, title, text, hash,
                                length, tone, knowledge, gkg_row)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            doc_key,
            doc.id,
            doc.url,
            doc.source,
            source_name,
            doc.date,
            doc.title,
            doc.text,
            hash,
            doc.text.chars().count() as i64,
            tone,
            knowledge,
            gkg_row
        ],
    )?;
    tx.execute(
        "INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
        params![doc_key, doc.title.as_deref().unwrap_or(""), doc.text],
    )?;
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO sentences (doc_key, idx, start, end) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, (s, e)) in p.sentences.iter().enumerate() {
            st.execute(params![doc_key, i as i64, *s as i64, *e as i64])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT INTO entities (doc_key, idx, name, type, code, mentions)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (i, e) in k.entities.iter().enumerate() {
            st.execute(params![
                doc_key,
                i as i64,
                e.name,
                e.kind.as_str(),
                e.code,
                e.mentions.len() as i64
            ])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT INTO quotations (doc_key, idx, speaker, cue, content, start, end, direct)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (i, q) in k.quotations.iter().enumerate() {
            st.execute(params![
                doc_key,
                i as i64,
                q.speaker.as_ref().map(|s| &s.text),
                q.cue.as_ref().map(|s| &s.text),
                q.content.text,
                q.content.start as i64,
                q.content.end as i64,
                q.direct
            ])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT INTO places (doc_key, idx, text, start, end, geonameid, name, lat, lon,
                                 feature_code, country, actor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        for (i, m) in k.places.iter().enumerate() {
            let p = m.place.as_ref();
            st.execute(params![
                doc_key,
                i as i64,
                m.text,
                m.start as i64,
                m.end as i64,
                p.map(|p| p.geonameid),
                p.map(|p| &p.name),
                p.map(|p| p.lat),
                p.map(|p| p.lon),
                p.map(|p| &p.feature_code),
                p.map(|p| &p.country),
                m.actor
            ])?;
        }
    }
    let mut touched = BTreeSet::new();
    for (idx, e) in p.events.iter().enumerate() {
        let json = serde_json::to_string(e).map_err(|source| StoreError::Record {
            what: format!("event {idx} of {}", doc.id),
            source,
        })?;
        tx.execute(
            "INSERT INTO mentions (doc_key, idx, sentence, modality, code, date, confidence, event)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                doc_key,
                idx as i64,
                e.sentence as i64,
                modality_name(e.modality),
                e.code,
                e.date,
                e.confidence as f64,
                json
            ],
        )?;
        if e.modality != Modality::Asserted {
            continue;
        }
        let mention_id = tx.last_insert_rowid();
        let event_id = match find_event(tx, e, doc_key)? {
            Some(id) => {
                summary.merged_mentions += 1;
                id
            }
            None => {
                summary.new_events += 1;
                create_event(tx, e, mention_id)?
            }
        };
        tx.execute(
            "UPDATE mentions SET event_id = ?1 WHERE mention_id = ?2",
            params![event_id, mention_id],
        )?;
        touched.insert(event_id);
    }
    for id in touched {
        recount(tx, id)?;
    }
    Ok(())
}

/// The modality's name in the JSONL contract.
pub(crate) fn modality_name(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "asserted",
        Modality::Negated => "negated",
        Modality::Hypothetical => "hypothetical",
        Modality::Future => "future",
        Modality::Requested => "requested",
        Modality::Reported => "reported",
    }
}

fn geonameid(e: &Event) -> Option<i64> {
    e.location.as_ref()?.get("geonameid")?.as_i64()
}

/// The stored event this mention reports, if any: same dyad, same root, a close date, and the
/// same place or an unknown one. The nearest date wins, then the oldest event.
///
/// An event with one side only ("Britain said", "the army attacked") says too little to be
/// recognised in another article: every government statement of a day would become one event.
/// It joins only an event its own document already reported.
fn find_event(tx: &Transaction, e: &Event, doc_key: i64) -> Result<Option<i64>> {
    let Some(day) = e.date.as_deref().and_then(day_number) else {
        return Ok(None); // undated mentions are never merged: "close dates" cannot be judged
    };
    let one_sided = e.source.code.is_none() || e.target.code.is_none();
    let place = geonameid(e);
    let mut st = tx.prepare_cached(
        "SELECT e.event_id, e.geonameid, m.doc_key FROM events e
         JOIN mentions m ON m.mention_id = e.first_mention
         WHERE e.source_code IS ?1 AND e.target_code IS ?2 AND e.root = ?3
           AND e.day BETWEEN ?4 AND ?5
         ORDER BY abs(e.day - ?6), e.event_id",
    )?;
    let mut rows = st.query(params![
        e.source.code,
        e.target.code,
        e.root,
        day - DEDUP_DAYS,
        day + DEDUP_DAYS,
        day
    ])?;
    while let Some(r) = rows.next()? {
        let (id, there, doc): (i64, Option<i64>, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
        if one_sided && doc != doc_key {
            continue;
        }
        if place.is_none() || there.is_none() || place == there {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

fn create_event(tx: &Transaction, e: &Event, mention_id: i64) -> Result<i64> {
    let loc = e.location.as_ref();
    let s = |k: &str| loc.and_then(|l| l.get(k)).and_then(|v| v.as_str());
    let f = |k: &str| loc.and_then(|l| l.get(k)).and_then(|v| v.as_f64());
    let date = e.date.clone().unwrap_or_default();
    tx.execute(
        "INSERT INTO events (date, day, source_code, target_code, code, root, quad, goldstein,
                             geonameid, place, country, lat, lon, num_mentions, num_sources,
                             num_articles, first_mention)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, 0, 0, ?14)",
        params![
            date,
            day_number(&date),
            e.source.code,
            e.target.code,
            e.code,
            e.root,
            e.quad,
            e.goldstein as f64,
            geonameid(e),
            s("name"),
            s("country"),
            f("lat"),
            f("lon"),
            mention_id
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Recompute an event's GDELT counts and tone from its mentions; drop it if none are left.
fn recount(tx: &Transaction, event_id: i64) -> Result<()> {
    tx.execute(
        "UPDATE events SET
            num_mentions = (SELECT count(*) FROM mentions WHERE event_id = ?1),
            num_articles = (SELECT count(DISTINCT doc_key) FROM mentions WHERE event_id = ?1),
            num_sources = (SELECT count(DISTINCT d.source_name) FROM mentions m
                           JOIN documents d ON d.doc_key = m.doc_key WHERE m.event_id = ?1),
            avg_tone = (SELECT avg(d.tone) FROM mentions m
                        JOIN documents d ON d.doc_key = m.doc_key WHERE m.event_id = ?1),
            first_mention = coalesce((SELECT min(mention_id) FROM mentions WHERE event_id = ?1),
                                     first_mention)
         WHERE event_id = ?1",
        [event_id],
    )?;
    tx.execute(
        "DELETE FROM events WHERE event_id = ?1 AND num_mentions = 0",
        [event_id],
    )?;
    Ok(())
}

/// Withdraw a stored document and everything found in it; the events it reported lose its
/// mentions (and vanish if it was their only report).
fn remove_document(tx: &Transaction, doc_key: i64) -> Result<()> {
    let events: Vec<i64> = {
        let mut st = tx.prepare(
            "SELECT DISTINCT event_id FROM mentions WHERE doc_key = ?1 AND event_id IS NOT NULL",
        )?;
        let rows = st.query_map([doc_key], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let (title, text): (Option<String>, String) = tx.query_row(
        "SELECT title, text FROM documents WHERE doc_key = ?1",
        [doc_key],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    tx.execute(
        "INSERT INTO documents_fts (documents_fts, rowid, title, text)
         VALUES ('delete', ?1, ?2, ?3)",
        params![doc_key, title.unwrap_or_default(), text],
    )?;
    for table in ["mentions", "sentences", "entities", "quotations", "places"] {
        tx.execute(
            &format!("DELETE FROM {table} WHERE doc_key = ?1"),
            [doc_key],
        )?;
    }
    tx.execute("DELETE FROM documents WHERE doc_key = ?1", [doc_key])?;
    for id in events {
        recount(tx, id)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_urls() {
        assert_eq!(url_host("https://www.bbc.co.uk/news/x"), Some("bbc.co.uk"));
        assert_eq!(url_host("http://user@cnn.com:8080/a?b"), Some("cnn.com"));
        assert_eq!(url_host("https:///x"), None);
    }
}
