//! The database layout and its migrations.
//!
//! Each migration is applied once, in order, inside a transaction; SQLite's `user_version`
//! records how many have been applied. A migration is never edited after it shipped: change the
//! layout by appending one.

use rusqlite::Connection;

/// The migrations, in order. `MIGRATIONS[i]` takes a database from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents, their sentences, events merged across documents, their mentions, and the
    //    knowledge of each document.
    r#"
    -- One article. `id` is the caller's id; `hash` is FNV-1a 64 of title and text, so a
    -- document ingested again with the same content is recognised and stored once.
    CREATE TABLE documents (
        doc_key     INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        url         TEXT,
        source      TEXT,             -- the outlet, as given
        source_name TEXT NOT NULL,    -- the outlet, else the URL's host, else the id (NumSources counts these)
        date        TEXT,             -- publication date YYYY-MM-DD
        title       TEXT,
        text        TEXT NOT NULL,
        hash        TEXT NOT NULL,
        length      INTEGER NOT NULL, -- characters (code points)
        tone        REAL,             -- GDELT V2Tone's first field
        knowledge   TEXT NOT NULL,    -- `herald gkg` JSON record
        gkg_row     TEXT NOT NULL     -- the GDELT GKG 2.1 row
    );
    CREATE INDEX documents_url ON documents(url, hash);
    CREATE INDEX documents_date ON documents(date);

    -- Full-text index over titles and texts (external content: the text is stored once).
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='doc_key'
    );

    -- Sentence spans (code points into the document text), for evidence.
    CREATE TABLE sentences (
        doc_key INTEGER NOT NULL REFERENCES documents(doc_key),
        idx     INTEGER NOT NULL,
        start   INTEGER NOT NULL,
        end     INTEGER NOT NULL,
        PRIMARY KEY (doc_key, idx)
    ) WITHOUT ROWID;

    -- One real-world event, reported by one or more mentions (GDELT's Event table).
    -- `day` is days since 1970-01-01 of `date` (`date` is empty and `day` NULL when unknown).
    CREATE TABLE events (
        event_id      INTEGER PRIMARY KEY,
        date          TEXT NOT NULL,
        day           INTEGER,     -- NULL when the event has no date
        source_code   TEXT,
        target_code   TEXT,
        code          TEXT NOT NULL,
        root          TEXT NOT NULL,
        quad          INTEGER NOT NULL,
        goldstein     REAL NOT NULL,
        geonameid     INTEGER,
        place         TEXT,
        country       TEXT,        -- ISO 3166 alpha-2 of the place
        lat           REAL,
        lon           REAL,
        num_mentions  INTEGER NOT NULL,
        num_sources   INTEGER NOT NULL,
        num_articles  INTEGER NOT NULL,
        avg_tone      REAL,
        first_mention INTEGER NOT NULL
    );
    CREATE INDEX events_dyad ON events(source_code, target_code, day);
    CREATE INDEX events_target ON events(target_code, day);
    CREATE INDEX events_day ON events(day);

    -- One event as one sentence of one document says it, with every modality: only asserted
    -- mentions belong to an event (`event_id`); the others are kept for the article view.
    CREATE TABLE mentions (
        mention_id INTEGER PRIMARY KEY,
        event_id   INTEGER REFERENCES events(event_id),
        doc_key    INTEGER NOT NULL REFERENCES documents(doc_key),
        idx        INTEGER NOT NULL,  -- position in the document's `herald code --all` output
        sentence   INTEGER NOT NULL,
        modality   TEXT NOT NULL,
        code       TEXT NOT NULL,
        date       TEXT,
        confidence REAL NOT NULL,
        event      TEXT NOT NULL      -- the event in herald's JSONL contract
    );
    CREATE INDEX mentions_event ON mentions(event_id);
    CREATE INDEX mentions_doc ON mentions(doc_key);

    -- The knowledge of each document, in queryable form (the full record is documents.knowledge).
    CREATE TABLE entities (
        doc_key  INTEGER NOT NULL REFERENCES documents(doc_key),
        idx      INTEGER NOT NULL,
        name     TEXT NOT NULL,
        type     TEXT NOT NULL,
        code     TEXT,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (doc_key, idx)
    ) WITHOUT ROWID;
    CREATE INDEX entities_name ON entities(name);
    CREATE TABLE quotations (
        doc_key  INTEGER NOT NULL REFERENCES documents(doc_key),
        idx      INTEGER NOT NULL,
        speaker  TEXT,
        cue      TEXT,
        content  TEXT NOT NULL,
        start    INTEGER NOT NULL,
        end      INTEGER NOT NULL,
        direct   INTEGER NOT NULL,
        PRIMARY KEY (doc_key, idx)
    ) WITHOUT ROWID;
    CREATE TABLE places (
        doc_key      INTEGER NOT NULL REFERENCES documents(doc_key),
        idx          INTEGER NOT NULL,
        text         TEXT NOT NULL,
        start        INTEGER NOT NULL,
        end          INTEGER NOT NULL,
        geonameid    INTEGER,
        name         TEXT,
        lat          REAL,
        lon          REAL,
        feature_code TEXT,
        country      TEXT,
        actor        INTEGER NOT NULL,
        PRIMARY KEY (doc_key, idx)
    ) WITHOUT ROWID;
    CREATE INDEX places_geonameid ON places(geonameid);
    "#,
    // 2: a dyad's daily series read from the index alone (no table lookups): the busiest
    //    dyads and country-prefix dyads (USA* → ISR*) scan many events.
    r#"
    DROP INDEX events_dyad;
    CREATE INDEX events_dyad ON events(source_code, target_code, day, quad, goldstein, num_mentions);
    "#,
];

/// Bring the database to the newest layout. Returns the version it had.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<usize> {
    let version: usize = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
    }
    Ok(version)
}
