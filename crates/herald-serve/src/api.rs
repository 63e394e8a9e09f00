//! The JSON API. Every list takes `limit` (at most [`MAX_LIMIT`]); event lists take the
//! filters `from`, `to`, `actor`, `source`, `target`, `code`, `country`, `quad`.

use crate::{with_store, AppError, Service, MAX_LIMIT};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::IntoResponse;
use axum::Json;
use herald_store::read::EventFilter;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// Query parameters, as given.
pub(crate) type Params = HashMap<String, String>;

fn text(p: &Params, key: &str) -> Option<String> {
    p.get(key)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn number(p: &Params, key: &str, default: usize, max: usize) -> Result<usize, AppError> {
    match text(p, key) {
        None => Ok(default),
        Some(v) => v
            .parse::<usize>()
            .map(|n| n.min(max))
            .map_err(|_| AppError::BadRequest(format!("{key} must be a number, not {v:?}"))),
    }
}

/// The event filter of a request's parameters.
pub(crate) fn filter(p: &Params) -> Result<EventFilter, AppError> {
    let quad = match text(p, "quad") {
        None => None,
        Some(q) => match q.parse::<u8>() {
            Ok(n @ 1..=4) => Some(n),
            _ => return Err(AppError::BadRequest(format!("quad must be 1-4, not {q:?}"))),
        },
    };
    Ok(EventFilter {
        from: text(p, "from"),
        to: text(p, "to"),
        actor: text(p, "actor"),
        source: text(p, "source"),
        target: text(p, "target"),
        code: text(p, "code"),
        country: text(p, "country"),
        quad,
    })
}

/// `limit` and `offset` of a request.
pub(crate) fn page(p: &Params, default: usize) -> Result<(usize, usize), AppError> {
    Ok((
        number(p, "limit", default, MAX_LIMIT)?,
        number(p, "offset", 0, 10_000_000)?,
    ))
}

type S = State<Arc<Service>>;

pub(crate) async fn openapi() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/yaml")],
        include_str!("../openapi.yaml"),
    )
}

pub(crate) async fn stats(State(s): S) -> Result<Json<Value>, AppError> {
    let c = with_store(&s, |st| Ok(st.counts()?)).await?;
    Ok(Json(json!(c)))
}

pub(crate) async fn search(State(s): S, Query(p): Query<Params>) -> Result<Json<Value>, AppError> {
    let q = text(&p, "q").unwrap_or_default();
    let (limit, _) = page(&p, 20)?;
    let hits = with_store(&s, move |st| Ok(st.search(&q, limit)?)).await?;
    Ok(Json(json!({ "documents": hits })))
}

pub(crate) async fn events(State(s): S, Query(p): Query<Params>) -> Result<Json<Value>, AppError> {
    let f = filter(&p)?;
    let (limit, offset) = page(&p, 50)?;
    let (total, rows) = with_store(&s, move |st| {
        Ok((st.count_events(&f)?, st.events(&f, limit, offset)?))
    })
    .await?;
    Ok(Json(json!({ "total": total, "events": rows })))
}

pub(crate) async fn event(State(s): S, Path(id): Path<String>) -> Result<Json<Value>, AppError> {
    let id: i64 = id
        .parse()
        .map_err(|_| AppError::BadRequest(format!("event id must be a number, not {id:?}")))?;
    let (e, evidence) = with_store(&s, move |st| Ok((st.event(id)?, st.evidence(id)?))).await?;
    let e = e.ok_or_else(|| AppError::NotFound(format!("no event {id}")))?;
    Ok(Json(json!({ "event": e, "mentions": evidence })))
}

pub(crate) async fn series(State(s): S, Query(p): Query<Params>) -> Result<Json<Value>, AppError> {
    let (Some(source), Some(target)) = (text(&p, "source"), text(&p, "target")) else {
        return Err(AppError::BadRequest(
            "series needs source and target actor codes (USA, USA* for a prefix)".into(),
        ));
    };
    let (from, to) = (text(&p, "from"), text(&p, "to"));
    let points = with_store(&s, move |st| {
        Ok(st.series(&source, &target, from.as_deref(), to.as_deref())?)
    })
    .await?;
    Ok(Json(json!({ "days": points })))
}

pub(crate) async fn actors(State(s): S, Query(p): Query<Params>) -> Result<Json<Value>, AppError> {
    let f = filter(&p)?;
    let (n, _) = page(&p, 20)?;
    let rows = with_store(&s, move |st| Ok(st.top_actors(&f, n)?)).await?;
    Ok(Json(json!({ "actors": rows })))
}

pub(crate) async fn network(State(s): S, Query(p): Query<Params>) -> Result<Json<Value>, AppError> {
    let f = filter(&p)?;
    let (n, _) = page(&p, 40)?;
    let rows = with_store(&s, move |st| Ok(st.network(&f, n)?)).await?;
    Ok(Json(json!({ "edges": rows })))
}

pub(crate) async fn document(State(s): S, Path(id): Path<String>) -> Result<Json<Value>, AppError> {
    let key = id.clone();
    let d = with_store(&s, move |st| Ok(st.document(&key)?)).await?;
    let d = d.ok_or_else(|| AppError::NotFound(format!("no document {id:?}")))?;
    Ok(Json(json!(d)))
}

/// Compare without stopping at the first difference, so response times do not reveal how
/// much of a guessed token was right.
fn same_token(given: &str, expected: &str) -> bool {
    let (a, b) = (given.as_bytes(), expected.as_bytes());
    let mut diff = a.len() ^ b.len();
    for i in 0..a.len().max(b.len()) {
        diff |= (a.get(i).copied().unwrap_or(0) ^ b.get(i).copied().unwrap_or(0)) as usize;
    }
    diff == 0
}

/// Refuse writes unless the service has a token and the request carries it.
pub(crate) fn authorise(s: &Service, headers: &HeaderMap) -> Result<(), AppError> {
    let Some(expected) = &s.token else {
        return Err(AppError::Forbidden(
            "this service is read-only (start it with --token to allow writes)",
        ));
    };
    let Some(given) = headers.get(header::AUTHORIZATION) else {
        return Err(AppError::Unauthorized("this write needs a bearer token"));
    };
    let given = given
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if same_token(given, expected) {
        Ok(())
    } else {
        Err(AppError::Forbidden("missing or wrong bearer token"))
    }
}

pub(crate) async fn ingest(
    State(s): S,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Json<Value>, AppError> {
    authorise(&s, &headers)?;
    let Some(ingester) = s.ingester.clone() else {
        return Err(AppError::Internal(
            "this service has no ingest pipeline".into(),
        ));
    };
    let report = tokio::task::spawn_blocking(move || ingester(&body))
        .await
        .map_err(|e| AppError::Internal(format!("ingest failed: {e}")))?
        .map_err(AppError::Internal)?;
    Ok(Json(json!(report)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(same_token("s3cret", "s3cret"));
        assert!(!same_token("s3cre", "s3cret"));
        assert!(!same_token("", "s3cret"));
        assert!(!same_token("s3cretX", "s3cret"));
    }

    #[test]
    fn parameters_are_checked() {
        let p: Params = [("quad", "9")]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .into();
        assert!(filter(&p).is_err());
        let p: Params = [("limit", "999999")]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .into();
        assert_eq!(page(&p, 10).unwrap().0, MAX_LIMIT);
        let p: Params = [("limit", "-1")]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .into();
        assert!(page(&p, 10).is_err());
    }
}
