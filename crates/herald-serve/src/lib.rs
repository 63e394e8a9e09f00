//! herald's HTTP service over the event store: a JSON API (described by `openapi.yaml` in this
//! crate) and a dashboard of server-rendered HTML with inline SVG charts.
//!
//! - **Read-only by default.** Without a token the service opens the database read-only and
//!   every write endpoint answers 403. Started with a token, `POST /api/documents` ingests
//!   documents for callers that send `Authorization: Bearer <token>`.
//! - **Untrusted text.** Article text, titles, URLs and names are escaped wherever they reach
//!   a page; article links are kept only for http(s) addresses.
//! - **Bounded.** Request bodies are limited ([`MAX_BODY`]), list sizes are capped, SQL values
//!   are bound, and a handler that panicked answers 500 instead of taking the service down.

mod api;
pub mod html;
mod land;
mod pages;
pub mod svg;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use herald_store::{Store, StoreError};
use std::path::PathBuf;
use std::sync::Arc;

/// Largest request body accepted (the ingest endpoint's JSONL).
pub const MAX_BODY: usize = 8 << 20;
/// Largest page of events or list an endpoint returns.
pub const MAX_LIMIT: usize = 1000;

/// What the ingest endpoint reports.
#[derive(Debug, Clone, serde::Serialize)]
pub struct IngestReport {
    /// Documents stored.
    pub stored: usize,
    /// Documents already stored with the same content.
    pub already_stored: usize,
    /// Lines that were not documents, with why.
    pub errors: Vec<String>,
}

/// Runs the pipeline over a JSONL body and stores the documents (given by the program that
/// holds the models).
pub type Ingester = dyn Fn(&[u8]) -> Result<IngestReport, String> + Send + Sync;

/// The service's configuration.
#[derive(Clone)]
pub struct Service {
    /// The database.
    pub db: PathBuf,
    /// The write token; `None` makes the service read-only.
    pub token: Option<String>,
    /// The ingest pipeline (only used with a token).
    pub ingester: Option<Arc<Ingester>>,
}

/// An error as the client sees it.
#[derive(Debug)]
pub enum AppError {
    /// 400 with why.
    BadRequest(String),
    /// 401: a write without a token.
    Unauthorized(&'static str),
    /// 403: a wrong token, or a write to a read-only service.
    Forbidden(&'static str),
    /// 404.
    NotFound(String),
    /// 500 with what failed.
    Internal(String),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        match e {
            StoreError::Filter { .. } => AppError::BadRequest(e.to_string()),
            e => AppError::Internal(e.to_string()),
        }
    }
}

impl AppError {
    pub(crate) fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub(crate) fn message(&self) -> String {
        match self {
            AppError::BadRequest(m) | AppError::NotFound(m) | AppError::Internal(m) => m.clone(),
            AppError::Forbidden(m) | AppError::Unauthorized(m) => m.to_string(),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message() });
        let mut r = (self.status(), axum::Json(body)).into_response();
        if matches!(self, AppError::Unauthorized(_)) {
            r.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        r
    }
}

/// Run `f` on a read-only connection to the database, off the async threads.
pub(crate) async fn with_store<T: Send + 'static>(
    service: &Service,
    f: impl FnOnce(&Store) -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    let db = service.db.clone();
    tokio::task::spawn_blocking(move || {
        let store = Store::open_read_only(&db)?;
        f(&store)
    })
    .await
    .map_err(|e| AppError::Internal(format!("request failed: {e}")))?
}

/// The routes: the dashboard's pages, the JSON API, the OpenAPI document.
pub fn router(service: Service) -> Router {
    Router::new()
        .route("/", get(pages::overview))
        .route("/events", get(pages::events))
        .route("/event/{id}", get(pages::event))
        .route("/doc/{id}", get(pages::document))
        .route("/dyad", get(pages::dyad))
        .route("/network", get(pages::network))
        .route("/map", get(pages::map))
        .route("/search", get(pages::search))
        .route("/style.css", get(pages::style))
        .route("/openapi.yaml", get(api::openapi))
        .route("/api/stats", get(api::stats))
        .route("/api/search", get(api::search))
        .route("/api/events", get(api::events))
        .route("/api/events/{id}", get(api::event))
        .route("/api/series", get(api::series))
        .route("/api/actors", get(api::actors))
        .route("/api/network", get(api::network))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/documents", post(api::ingest))
        .fallback(|| async { AppError::NotFound("no such page".into()) })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .with_state(Arc::new(service))
}

/// Serve until interrupted (Ctrl-C).
pub async fn serve(service: Service, addr: &str) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| std::io::Error::new(e.kind(), format!("cannot listen on {addr}: {e}")))?;
    let local = listener.local_addr()?;
    eprintln!(
        "herald: dashboard on http://{local}/ ({}), API under /api, OpenAPI at /openapi.yaml",
        if service.token.is_some() {
            "writes need the token"
        } else {
            "read-only"
        }
    );
    axum::serve(listener, router(service))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
