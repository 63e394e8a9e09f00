//! The dashboard: server-rendered pages over the store. Filters are plain GET forms, so every
//! view has a URL; no script runs in the browser (the Content-Security-Policy forbids it).

use crate::api::{filter, page, Params};
use crate::html::{esc, highlight, outside_link, url_part, Mark};
use crate::svg::{self, MapPoint};
use crate::{with_store, AppError, Service};
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use herald_store::read::{EventFilter, EventRow};
use serde_json::Value;
use std::sync::Arc;

type S = State<Arc<Service>>;
type Page = Result<Response, Response>;

const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
                   form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

fn layout(title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · herald</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body>\
         <header><a class=\"brand\" href=\"/\">herald</a><nav>\
         <a href=\"/events\">Events</a><a href=\"/dyad\">Dyad timeline</a>\
         <a href=\"/network\">Network</a><a href=\"/map\">Map</a><a href=\"/search\">Articles</a>\
         </nav></header><main>{body}</main></body></html>",
        esc(title)
    );
    (
        [
            (header::CONTENT_SECURITY_POLICY, CSP),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        Html(html),
    )
        .into_response()
}

fn error_page(e: AppError) -> Response {
    let (status, msg) = (e.status(), e.message());
    let mut r = layout(
        "Error",
        &format!("<h1>Error</h1><p class=\"error\">{}</p>", esc(&msg)),
    );
    *r.status_mut() = status;
    r
}

pub(crate) async fn style() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css")],
        include_str!("style.css"),
    )
}

fn code_link(code: &Option<String>) -> String {
    match code {
        Some(c) => format!(
            "<a href=\"/events?actor={}\">{}</a>",
            esc(&url_part(c)),
            esc(c)
        ),
        None => "<span class=\"none\">—</span>".to_string(),
    }
}

fn events_table(rows: &[EventRow]) -> String {
    if rows.is_empty() {
        return "<p class=\"empty\">No events match.</p>".to_string();
    }
    let mut s = String::from(
        "<table class=\"events\"><thead><tr><th>Date</th><th>Source</th><th>Event</th>\
         <th>Target</th><th>Goldstein</th><th>Place</th><th>Mentions</th><th>Sources</th>\
         <th></th></tr></thead><tbody>",
    );
    for e in rows {
        s.push_str(&format!(
            "<tr class=\"quad{}\"><td>{}</td><td>{}</td><td><span class=\"code\">{}</span> {}</td><td>{}</td>\
             <td>{:.1}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td><a class=\"open\" id=\"open-{}\" href=\"/event/{}\">evidence</a></td></tr>",
            e.quad,
            esc(&e.date),
            code_link(&e.source),
            esc(&e.code),
            esc(&e.trigger),
            code_link(&e.target),
            e.goldstein,
            esc(e.place.as_deref().unwrap_or("")),
            e.mentions,
            e.sources,
            e.event_id,
            e.event_id
        ));
    }
    s.push_str("</tbody></table>");
    s
}

fn filter_form(action: &str, p: &Params, fields: &[(&str, &str)]) -> String {
    let mut s = format!(
        "<form class=\"filters\" method=\"get\" action=\"{}\">",
        esc(action)
    );
    for (name, label) in fields {
        s.push_str(&format!(
            "<label>{}<input name=\"{}\" id=\"f-{}\" value=\"{}\"></label>",
            esc(label),
            esc(name),
            esc(name),
            esc(p.get(*name).map(String::as_str).unwrap_or(""))
        ));
    }
    s.push_str("<button type=\"submit\" id=\"apply\">Apply</button></form>");
    s
}

const EVENT_FIELDS: [(&str, &str); 8] = [
    ("from", "From (YYYY-MM-DD)"),
    ("to", "To"),
    ("actor", "Actor (USA, USA*)"),
    ("source", "Source"),
    ("target", "Target"),
    ("code", "CAMEO code"),
    ("country", "Country (IL, ISR)"),
    ("quad", "QuadClass"),
];

pub(crate) async fn overview(State(s): S) -> Page {
    let (counts, top, edges, recent) = with_store(&s, |st| {
        let all = EventFilter::default();
        Ok((
            st.counts()?,
            st.top_actors(&all, 15)?,
            st.network(&all, 25)?,
            st.recent_documents(10)?,
        ))
    })
    .await
    .map_err(error_page)?;
    let mut b = format!(
        "<h1>Overview</h1><p class=\"counts\"><b>{}</b> articles · <b>{}</b> events from \
         <b>{}</b> reports · <b>{}</b> entities · <b>{}</b> quotations · <b>{}</b> places</p>",
        counts.documents,
        counts.events,
        counts.asserted_mentions,
        counts.entities,
        counts.quotations,
        counts.places
    );
    b.push_str(
        "<form class=\"filters\" method=\"get\" action=\"/search\"><label>Search articles\
         <input name=\"q\" id=\"q\"></label><button type=\"submit\">Search</button></form>",
    );
    b.push_str("<div class=\"cols\"><section><h2>Top actors</h2><table><thead><tr><th>Actor</th><th>as source</th><th>as target</th></tr></thead><tbody>");
    for a in &top {
        b.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            code_link(&Some(a.code.clone())),
            a.as_source,
            a.as_target
        ));
    }
    b.push_str("</tbody></table></section><section><h2>Actor network</h2>");
    b.push_str(&svg::network(&edges));
    b.push_str("</section></div><h2>Recent articles</h2><ul class=\"docs\">");
    for d in &recent {
        b.push_str(&format!(
            "<li><a href=\"/doc/{}\">{}</a> <span class=\"meta\">{} · {} · {} events</span></li>",
            esc(&url_part(&d.id)),
            esc(d.title.as_deref().unwrap_or(&d.id)),
            esc(&d.source),
            esc(d.date.as_deref().unwrap_or("")),
            d.events
        ));
    }
    b.push_str("</ul>");
    Ok(layout("Overview", &b))
}

pub(crate) async fn events(State(s): S, Query(p): Query<Params>) -> Page {
    let f = filter(&p).map_err(error_page)?;
    let (limit, offset) = page(&p, 50).map_err(error_page)?;
    let (total, rows) = with_store(&s, move |st| {
        Ok((st.count_events(&f)?, st.events(&f, limit, offset)?))
    })
    .await
    .map_err(error_page)?;
    let mut b = String::from("<h1>Events</h1>");
    b.push_str(&filter_form("/events", &p, &EVENT_FIELDS));
    b.push_str(&format!(
        "<p class=\"total\" id=\"total\">{total} events{}</p>",
        if total > 0 {
            format!(", {}–{}", offset + 1, (offset + rows.len()).max(offset + 1))
        } else {
            String::new()
        }
    ));
    b.push_str(&events_table(&rows));
    let query: String = p
        .iter()
        .filter(|(k, _)| k.as_str() != "offset")
        .map(|(k, v)| format!("{}={}&", url_part(k), url_part(v)))
        .collect();
    if offset + rows.len() < total as usize {
        b.push_str(&format!(
            "<p><a href=\"/events?{}offset={}\">next {limit}</a></p>",
            esc(&query),
            offset + limit
        ));
    }
    Ok(layout("Events", &b))
}

/// Marks for an event inside a text that starts at `base` (0 for a whole document).
fn event_marks(e: &Value, base: usize, anchor: bool) -> Vec<Mark> {
    let mut marks = Vec::new();
    let num = |v: &Value, k: &str| v.get(k).and_then(Value::as_u64).map(|n| n as usize);
    let code = e.get("code").and_then(Value::as_str).unwrap_or("");
    let modality = e.get("modality").and_then(Value::as_str).unwrap_or("");
    if let (Some(t), true) = (e.get("trigger"), true) {
        if let (Some(a), Some(b)) = (num(t, "start"), num(t, "end")) {
            if a >= base {
                marks.push(Mark {
                    start: a - base,
                    end: b.saturating_sub(base),
                    class: "trigger",
                    title: format!("CAMEO {code}, {modality}"),
                    anchor: anchor.then(|| format!("t{a}")),
                });
            }
        }
    }
    for (side, class) in [("source", "source"), ("target", "target")] {
        if let Some(v) = e.get(side) {
            if let (Some(a), Some(b)) = (num(v, "start"), num(v, "end")) {
                if a >= base {
                    let c = v.get("code").and_then(Value::as_str).unwrap_or("");
                    marks.push(Mark {
                        start: a - base,
                        end: b.saturating_sub(base),
                        class,
                        title: format!("{side} {c}"),
                        anchor: None,
                    });
                }
            }
        }
    }
    marks
}

pub(crate) async fn event(State(s): S, Path(id): Path<String>) -> Page {
    let id: i64 = id.parse().map_err(|_| {
        error_page(AppError::BadRequest(format!(
            "event id must be a number, not {id:?}"
        )))
    })?;
    let (e, evidence) = with_store(&s, move |st| Ok((st.event(id)?, st.evidence(id)?)))
        .await
        .map_err(error_page)?;
    let e = e.ok_or_else(|| error_page(AppError::NotFound(format!("no event {id}"))))?;
    let mut b = format!(
        "<h1>Event {}</h1><dl class=\"event\"><dt>Date</dt><dd>{}</dd><dt>Source</dt><dd>{}</dd>\
         <dt>CAMEO</dt><dd><span class=\"code\">{}</span> (root {}, QuadClass {}, Goldstein {:.1})</dd>\
         <dt>Target</dt><dd>{}</dd><dt>Place</dt><dd>{}</dd>\
         <dt>Reported</dt><dd>{} mentions in {} articles from {} sources; mean tone {}</dd></dl>",
        e.event_id,
        esc(&e.date),
        code_link(&e.source),
        esc(&e.code),
        esc(&e.root),
        e.quad,
        e.goldstein,
        code_link(&e.target),
        esc(&match (&e.place, e.lat, e.lon) {
            (Some(p), Some(la), Some(lo)) => format!("{p} ({la:.2}, {lo:.2})"),
            _ => "not given".to_string(),
        }),
        e.mentions,
        e.articles,
        e.sources,
        e.tone.map(|t| format!("{t:.2}")).unwrap_or_else(|| "unknown".into())
    );
    if let (Some(src), Some(tgt)) = (&e.source, &e.target) {
        b.push_str(&format!(
            "<p><a href=\"/dyad?source={}&amp;target={}\">{} → {} day by day</a></p>",
            esc(&url_part(src)),
            esc(&url_part(tgt)),
            esc(src),
            esc(tgt)
        ));
    }
    b.push_str("<h2>Evidence</h2><ol class=\"evidence\">");
    for m in &evidence {
        let marks = event_marks(&m.event, m.sentence_start, false);
        let trigger_start = m
            .event
            .get("trigger")
            .and_then(|t| t.get("start"))
            .and_then(Value::as_u64)
            .unwrap_or(0);
        b.push_str(&format!(
            "<li><blockquote class=\"sentence\">{}</blockquote><p class=\"meta\">\
             <a href=\"/doc/{}#t{}\">{}</a> · {} · {} · confidence {:.2}{}</p></li>",
            highlight(&m.sentence, &marks),
            esc(&url_part(&m.doc_id)),
            trigger_start,
            esc(m.title.as_deref().unwrap_or(&m.doc_id)),
            esc(&m.source),
            esc(m.published.as_deref().unwrap_or("")),
            m.event
                .get("confidence")
                .and_then(Value::as_f64)
                .unwrap_or(0.0),
            m.url
                .as_deref()
                .map(|u| format!(" · {}", outside_link(u)))
                .unwrap_or_default()
        ));
    }
    b.push_str("</ol>");
    Ok(layout(&format!("Event {id}"), &b))
}

pub(crate) async fn document(State(s): S, Path(id): Path<String>) -> Page {
    let key = id.clone();
    let d = with_store(&s, move |st| Ok(st.document(&key)?))
        .await
        .map_err(error_page)?
        .ok_or_else(|| error_page(AppError::NotFound(format!("no document {id:?}"))))?;
    let k = &d.knowledge;
    let arr = |key: &str| {
        k.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let num = |v: &Value, key: &str| v.get(key).and_then(Value::as_u64).map(|n| n as usize);
    let mut marks = Vec::new();
    for m in &d.events {
        marks.extend(event_marks(&m.event, 0, true));
    }
    for q in arr("quotations") {
        if let Some(c) = q.get("content") {
            if let (Some(a), Some(b)) = (num(c, "start"), num(c, "end")) {
                let who = q
                    .get("speaker")
                    .and_then(|s| s.get("text"))
                    .and_then(Value::as_str)
                    .unwrap_or("unknown speaker");
                marks.push(Mark {
                    start: a,
                    end: b,
                    class: "quote",
                    title: format!("quoted: {who}"),
                    anchor: None,
                });
            }
        }
    }
    for p in arr("places") {
        if let (Some(a), Some(b)) = (num(&p, "start"), num(&p, "end")) {
            let title = match p.get("place") {
                Some(pl) if !pl.is_null() => format!(
                    "{} ({:.2}, {:.2}) GeoNames {}",
                    pl.get("name").and_then(Value::as_str).unwrap_or(""),
                    pl.get("lat").and_then(Value::as_f64).unwrap_or(0.0),
                    pl.get("lon").and_then(Value::as_f64).unwrap_or(0.0),
                    pl.get("geonameid").and_then(Value::as_u64).unwrap_or(0)
                ),
                _ => "unresolved place".to_string(),
            };
            marks.push(Mark {
                start: a,
                end: b,
                class: "place",
                title,
                anchor: None,
            });
        }
    }
    for e in arr("entities") {
        let name = e.get("name").and_then(Value::as_str).unwrap_or("");
        for m in e
            .get("mentions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let (Some(a), Some(b)) = (num(m, "start"), num(m, "end")) {
                marks.push(Mark {
                    start: a,
                    end: b,
                    class: "entity",
                    title: name.to_string(),
                    anchor: None,
                });
            }
        }
    }
    let mut b = format!(
        "<h1>{}</h1><p class=\"meta\">{} · {}{}</p>\
         <p class=\"legend\"><span class=\"trigger\">event</span> <span class=\"source\">source</span> \
         <span class=\"target\">target</span> <span class=\"quote\">quotation</span> \
         <span class=\"place\">place</span> <span class=\"entity\">entity</span></p>\
         <article class=\"text\" id=\"article\">{}</article>",
        esc(d.title.as_deref().unwrap_or(&d.id)),
        esc(&d.source),
        esc(d.date.as_deref().unwrap_or("")),
        d.url
            .as_deref()
            .map(|u| format!(" · {}", outside_link(u)))
            .unwrap_or_default(),
        highlight(&d.text, &marks)
    );
    b.push_str("<h2>Events</h2><table class=\"events\"><thead><tr><th>Source</th><th>Event</th><th>Target</th><th>Modality</th><th>Date</th><th></th></tr></thead><tbody>");
    for m in &d.events {
        let e = &m.event;
        let s = |path: &[&str]| {
            let mut v = e;
            for p in path {
                v = v.get(*p).unwrap_or(&Value::Null);
            }
            v.as_str().unwrap_or("").to_string()
        };
        b.push_str(&format!(
            "<tr><td>{}</td><td><span class=\"code\">{}</span> {}</td><td>{}</td><td>{}</td><td>{} ({})</td><td>{}</td></tr>",
            esc(&s(&["source", "code"])),
            esc(&s(&["code"])),
            esc(&s(&["trigger", "text"])),
            esc(&s(&["target", "code"])),
            esc(&s(&["modality"])),
            esc(&s(&["date"])),
            esc(&s(&["date_basis"])),
            m.event_id
                .map(|id| format!("<a href=\"/event/{id}\">event {id}</a>"))
                .unwrap_or_default()
        ));
    }
    b.push_str("</tbody></table><h2>Quotations</h2><ul>");
    for q in arr("quotations") {
        let t = |key: &str| {
            q.get(key)
                .and_then(|v| v.get("text"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        b.push_str(&format!(
            "<li><b>{}</b> {}: {}</li>",
            esc(&t("speaker")),
            esc(&t("cue")),
            esc(&t("content"))
        ));
    }
    b.push_str("</ul>");
    Ok(layout(d.title.as_deref().unwrap_or(&d.id), &b))
}

pub(crate) async fn dyad(State(s): S, Query(p): Query<Params>) -> Page {
    let mut b = String::from("<h1>Dyad timeline</h1>");
    b.push_str(&filter_form(
        "/dyad",
        &p,
        &[
            ("source", "Source (USA, USA*)"),
            ("target", "Target"),
            ("from", "From"),
            ("to", "To"),
        ],
    ));
    let get = |k: &str| {
        p.get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    if let (Some(src), Some(tgt)) = (get("source"), get("target")) {
        let (from, to) = (get("from"), get("to"));
        let (s2, t2) = (src.clone(), tgt.clone());
        let points = with_store(&s, move |st| {
            Ok(st.series(&s2, &t2, from.as_deref(), to.as_deref())?)
        })
        .await
        .map_err(error_page)?;
        b.push_str(&format!(
            "<h2>{} → {}</h2><p class=\"legend\"><span class=\"q1\">verbal cooperation</span> \
             <span class=\"q2\">material cooperation</span> <span class=\"q3\">verbal conflict</span> \
             <span class=\"q4\">material conflict</span> — line: mean Goldstein</p>",
            esc(&src),
            esc(&tgt)
        ));
        b.push_str(&svg::timeline(&points));
        b.push_str("<table><thead><tr><th>Day</th><th>Events</th><th>Mentions</th><th>Goldstein</th><th>Quad 1/2/3/4</th></tr></thead><tbody>");
        for d in &points {
            b.push_str(&format!(
                "<tr><td><a href=\"/events?source={}&amp;target={}&amp;from={}&amp;to={}\">{}</a></td><td>{}</td><td>{}</td><td>{:.2}</td><td>{}/{}/{}/{}</td></tr>",
                esc(&url_part(&src)),
                esc(&url_part(&tgt)),
                esc(&d.date),
                esc(&d.date),
                esc(&d.date),
                d.events,
                d.mentions,
                d.goldstein,
                d.quad[0],
                d.quad[1],
                d.quad[2],
                d.quad[3]
            ));
        }
        b.push_str("</tbody></table>");
    }
    Ok(layout("Dyad timeline", &b))
}

pub(crate) async fn network(State(s): S, Query(p): Query<Params>) -> Page {
    let f = filter(&p).map_err(error_page)?;
    let edges = with_store(&s, move |st| Ok(st.network(&f, 40)?))
        .await
        .map_err(error_page)?;
    let mut b = String::from("<h1>Actor network</h1>");
    b.push_str(&filter_form("/network", &p, &EVENT_FIELDS));
    b.push_str(&svg::network(&edges));
    Ok(layout("Actor network", &b))
}

pub(crate) async fn map(State(s): S, Query(p): Query<Params>) -> Page {
    let f = filter(&p).map_err(error_page)?;
    let rows = with_store(&s, move |st| Ok(st.events(&f, crate::MAX_LIMIT, 0)?))
        .await
        .map_err(error_page)?;
    let points: Vec<MapPoint> = rows
        .iter()
        .filter_map(|e| {
            Some(MapPoint {
                lat: e.lat?,
                lon: e.lon?,
                label: format!(
                    "{} {} {} → {} at {}",
                    e.date,
                    e.code,
                    e.source.as_deref().unwrap_or("?"),
                    e.target.as_deref().unwrap_or("?"),
                    e.place.as_deref().unwrap_or("")
                ),
                event_id: e.event_id,
                mentions: e.mentions,
            })
        })
        .collect();
    let mut b = String::from("<h1>Where events happened</h1>");
    b.push_str(&filter_form("/map", &p, &EVENT_FIELDS));
    b.push_str(&format!(
        "<p class=\"total\">{} located events of the {} latest</p>",
        points.len(),
        rows.len()
    ));
    b.push_str(&svg::map(&points));
    Ok(layout("Map", &b))
}

pub(crate) async fn search(State(s): S, Query(p): Query<Params>) -> Page {
    let q = p.get("q").cloned().unwrap_or_default();
    let q2 = q.clone();
    let hits = with_store(&s, move |st| {
        if q2.trim().is_empty() {
            Ok(st.recent_documents(50)?)
        } else {
            Ok(st.search(&q2, 50)?)
        }
    })
    .await
    .map_err(error_page)?;
    let mut b = String::from("<h1>Articles</h1>");
    b.push_str(&filter_form("/search", &p, &[("q", "Words")]));
    b.push_str("<ul class=\"docs\">");
    for d in &hits {
        b.push_str(&format!(
            "<li><a href=\"/doc/{}\">{}</a> <span class=\"meta\">{} · {} · {} events</span><p class=\"snippet\">{}</p></li>",
            esc(&url_part(&d.id)),
            esc(d.title.as_deref().unwrap_or(&d.id)),
            esc(&d.source),
            esc(d.date.as_deref().unwrap_or("")),
            d.events,
            esc(&d.snippet)
        ));
    }
    b.push_str("</ul>");
    Ok(layout("Articles", &b))
}
