//! herald's event store: documents, events with their mentions, entities, quotations and places
//! in an embedded SQLite database (WAL), with a full-text index over the articles.
//!
//! The store takes what the pipeline made of a document ([`Processed`]) and keeps it so that any
//! number can be traced back to its sentences:
//!
//! - **Idempotent**: a document whose id (or URL) and content are already stored is skipped;
//!   one stored under the same id with other content is replaced, its old mentions withdrawn
//!   from their events. A batch is one transaction, so a process killed at any point leaves
//!   whole batches or nothing, and running the same ingest again resumes where it stopped.
//! - **Cross-document dedup**: an asserted event joins an existing event with the same dyad
//!   (source and target codes), the same CAMEO root, a date at most [`DEDUP_DAYS`] apart and a
//!   compatible place; GDELT's NumMentions, NumSources and NumArticles follow.
//!
//! The layout is in [`schema::MIGRATIONS`]; [`read`] answers questions, [`export`] writes
//! GDELT, PLOVER, JSONL and Parquet files.
#![deny(missing_docs)]

pub mod export;
mod export_parquet;
pub mod read;
pub mod schema;
mod write;

use herald_doc::{Document, Event};
use herald_know::gkg::Knowledge;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

pub use export_parquet::SCHEMA as PARQUET_SCHEMA;
/// The SQLite binding the store is built on, for callers of [`Store::connection`].
pub use rusqlite;
pub use write::{AddSummary, DEDUP_DAYS};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened or migrated.
    #[error("{path}: cannot open the database: {source}")]
    Open {
        /// The database file.
        path: PathBuf,
        /// Why.
        source: rusqlite::Error,
    },
    /// A database opened for reading has an older (or newer) layout than this herald's.
    #[error("{path}: database layout version {found}, this herald reads version {expected} (run `herald ingest` on it once to migrate)")]
    Version {
        /// The database file.
        path: PathBuf,
        /// Its layout version.
        found: usize,
        /// This herald's.
        expected: usize,
    },
    /// A statement failed.
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A stored record could not be read back.
    #[error("database: stored record {what} is not valid JSON: {source}")]
    Record {
        /// Which record.
        what: String,
        /// Why.
        source: serde_json::Error,
    },
    /// Writing an export failed.
    #[error("export: {0}")]
    Io(#[from] std::io::Error),
    /// A filter value is not what it should be.
    #[error("bad {what}: {value:?}")]
    Filter {
        /// What the value is for.
        what: &'static str,
        /// The value.
        value: String,
    },
    /// Writing Parquet failed.
    #[error("parquet: {0}")]
    Parquet(String),
}

/// Result of store operations.
pub type Result<T> = std::result::Result<T, StoreError>;

/// A document with everything the pipeline found in it, ready to store.
#[derive(Debug, Clone)]
pub struct Processed {
    /// The document.
    pub doc: Document,
    /// Its sentences' spans (code points).
    pub sentences: Vec<(usize, usize)>,
    /// Every event the coder found, in `herald code --all` order, with its modality.
    pub events: Vec<Event>,
    /// Its knowledge record (entities, places, dates, quotations, tone, themes).
    pub knowledge: Knowledge,
}

/// The event store.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Open (creating if needed) the database at `path` and bring it to the newest layout.
    pub fn open(path: &Path) -> Result<Store> {
        let open = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let mut conn = Connection::open(path).map_err(open)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000;",
        )
        .map_err(open)?;
        schema::migrate(&mut conn).map_err(open)?;
        Ok(Store { conn })
    }

    /// Open an existing database for reading only (what `herald serve` does without a token).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let open = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        if !path.exists() {
            return Err(open(rusqlite::Error::InvalidPath(path.to_path_buf())));
        }
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(open)?;
        conn.execute_batch("PRAGMA busy_timeout = 5000;")
            .map_err(open)?;
        let version: usize = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(open)?;
        if version != schema::MIGRATIONS.len() {
            return Err(StoreError::Version {
                path: path.to_path_buf(),
                found: version,
                expected: schema::MIGRATIONS.len(),
            });
        }
        Ok(Store { conn })
    }

    /// The SQLite connection, for questions [`read`] does not ask.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// How many documents, events, mentions and entities are stored.
    pub fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<u64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Counts {
            documents: n("documents")?,
            events: n("events")?,
            mentions: n("mentions")?,
            asserted_mentions: self.conn.query_row(
                "SELECT count(*) FROM mentions WHERE event_id IS NOT NULL",
                [],
                |r| r.get(0),
            )?,
            entities: n("entities")?,
            quotations: n("quotations")?,
            places: n("places")?,
        })
    }
}

/// Sizes of the store's tables.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Documents.
    pub documents: u64,
    /// Events after dedup.
    pub events: u64,
    /// Event mentions of every modality.
    pub mentions: u64,
    /// Asserted mentions (those that belong to an event).
    pub asserted_mentions: u64,
    /// Entities.
    pub entities: u64,
    /// Quotations.
    pub quotations: u64,
    /// Place mentions.
    pub places: u64,
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
pub fn day_number(date: &str) -> Option<i64> {
    herald_dict::Date::parse(date).map(herald_dict::calendar::days)
}

/// The `YYYY-MM-DD` date of a day number (the inverse of [`day_number`]).
pub fn date_of_day(day: i64) -> String {
    herald_dict::calendar::from_days(day).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2025-05-19"), Some(20227));
        assert_eq!(
            day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(),
            2
        );
        for d in [-1000, 0, 59, 60, 20227, 40000] {
            assert_eq!(day_number(&date_of_day(d)), Some(d));
        }
        assert_eq!(day_number("2025-13-01"), None);
        assert_eq!(day_number("junk"), None);
    }
}

#[cfg(test)]
mod store_tests;
