//! `herald serve`: the dashboard and JSON API over a store.

use anyhow::{Context, Result};
use herald_serve::{IngestReport, Service};
use herald_store::Store;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Arguments of `herald serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// The database.
    #[arg(long, default_value = "herald.db")]
    db: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Allow writes (POST /api/documents) to callers that send this bearer token. Without it
    /// the service is read-only. Also read from HERALD_TOKEN.
    #[arg(long, env = "HERALD_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Models directory (default: the repository's models/; used only with a token).
    #[arg(long)]
    models: Option<PathBuf>,
}

pub fn run(a: ServeArgs) -> Result<i32> {
    serve_db(&a.db, &a.addr, a.token.as_deref().map(|t| (t, &a.models)))?;
    Ok(0)
}

/// Serve `db` on `addr`; with a token (and the models to load), writes are allowed.
pub fn serve_db(db: &Path, addr: &str, token: Option<(&str, &Option<PathBuf>)>) -> Result<()> {
    let ingester = match token {
        Some((t, models)) => {
            if t.len() < 8 {
                anyhow::bail!("--token must be at least 8 characters");
            }
            // Create or migrate the database now, so readers find it.
            Store::open(db)?;
            Some(ingester(db.to_path_buf(), models)?)
        }
        None => {
            // Fail now, not on the first request, if there is nothing to serve.
            Store::open_read_only(db).with_context(|| {
                format!(
                    "no herald database at {} (run `herald ingest` first)",
                    db.display()
                )
            })?;
            None
        }
    };
    let service = Service {
        db: db.to_path_buf(),
        token: token.map(|(t, _)| t.to_string()),
        ingester,
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the server runtime")?;
    rt.block_on(herald_serve::serve(service, addr))?;
    Ok(())
}

/// The pipeline behind POST /api/documents: JSONL in, documents stored.
fn ingester(db: PathBuf, models: &Option<PathBuf>) -> Result<Arc<herald_serve::Ingester>> {
    let engine = crate::engine::Engine::load(models)?;
    let store = std::sync::Mutex::new(Store::open(&db)?);
    Ok(Arc::new(move |body: &[u8]| {
        let opts = herald_ingest::SourceOptions { date: None };
        let mut docs = Vec::new();
        let mut errors = Vec::new();
        for item in herald_ingest::read_jsonl("request body", body, &opts) {
            match item {
                Ok(d) => docs.push(d),
                Err(e) => errors.push(e.to_string()),
            }
        }
        let mut store = store
            .lock()
            .map_err(|_| "the store is unavailable".to_string())?;
        let mut fresh = Vec::new();
        let mut already = 0;
        for d in docs {
            if store.is_stored(&d).map_err(|e| e.to_string())? {
                already += 1;
            } else {
                fresh.push(d);
            }
        }
        let processed: Vec<_> = fresh.into_par_iter().map(|d| engine.process(d)).collect();
        let s = store.add_batch(&processed).map_err(|e| e.to_string())?;
        Ok(IngestReport {
            stored: s.added + s.replaced,
            already_stored: already + s.skipped,
            errors,
        })
    }))
}
