//! The dashboard's charts, drawn on the server as inline SVG: a dyad's timeline, the actor
//! network and the map of event locations. No script runs in the browser; every label is
//! escaped.

use crate::html::{esc, url_part};
use herald_store::read::{DayPoint, Edge};

/// QuadClass colours: verbal cooperation, material cooperation, verbal conflict, material
/// conflict.
pub const QUAD_COLOURS: [&str; 4] = ["#4c9f70", "#1f6f43", "#e0913a", "#c0392b"];

/// Events per day as bars stacked by QuadClass, with the day's mean Goldstein score as a line
/// (right axis, -10..10).
pub fn timeline(points: &[DayPoint]) -> String {
    let (w, h, left, right, top, bottom) = (860.0, 260.0, 44.0, 44.0, 12.0, 28.0);
    if points.is_empty() {
        return "<p class=\"empty\">No events for this dyad.</p>".to_string();
    }
    let days: Vec<i64> = points
        .iter()
        .map(|p| herald_store::day_number(&p.date).unwrap_or(0))
        .collect();
    let (first, last) = (days[0], *days.last().unwrap_or(&days[0]));
    let span = (last - first + 1) as f64;
    let max = points.iter().map(|p| p.events).max().unwrap_or(1).max(1) as f64;
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let bar_w = (plot_w / span).clamp(1.0, 40.0);
    let x = |d: i64| left + (d - first) as f64 / span * plot_w;
    let y = |v: f64| top + plot_h - v / max * plot_h;
    let yg = |g: f64| top + plot_h / 2.0 - g / 10.0 * plot_h / 2.0;
    let mut s = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"events per day\">"
    );
    s.push_str(&format!(
        "<line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"axis\"/>",
        top + plot_h,
        w - right,
        top + plot_h
    ));
    s.push_str(&format!(
        "<text x=\"4\" y=\"{}\" class=\"tick\">{}</text><text x=\"4\" y=\"{}\" class=\"tick\">0</text>",
        top + 10.0,
        max as i64,
        top + plot_h
    ));
    s.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" class=\"tick\">+10</text><text x=\"{}\" y=\"{}\" class=\"tick\">-10</text>",
        w - right + 4.0,
        top + 10.0,
        w - right + 4.0,
        top + plot_h
    ));
    for (p, &d) in points.iter().zip(&days) {
        let mut base = 0.0;
        for (q, &n) in p.quad.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let (y0, y1) = (y(base), y(base + n as f64));
            s.push_str(&format!(
                "<rect x=\"{:.1}\" y=\"{y1:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{} QuadClass {}: {n}</title></rect>",
                x(d),
                (bar_w - 0.5).max(0.8),
                (y0 - y1).max(0.5),
                QUAD_COLOURS[q],
                esc(&p.date),
                q + 1
            ));
            base += n as f64;
        }
    }
    // The Goldstein line breaks where a week or more passes without events: a line across the
    // gap would draw days nobody reported.
    let mut runs: Vec<Vec<String>> = Vec::new();
    let mut last_day: Option<i64> = None;
    for (p, &d) in points.iter().zip(&days) {
        if last_day.is_none_or(|l| d - l >= 7) {
            runs.push(Vec::new());
        }
        if let Some(run) = runs.last_mut() {
            run.push(format!("{:.1},{:.1}", x(d) + bar_w / 2.0, yg(p.goldstein)));
        }
        last_day = Some(d);
    }
    for run in runs.iter().filter(|r| r.len() > 1) {
        s.push_str(&format!(
            "<polyline points=\"{}\" class=\"goldstein\"/>",
            run.join(" ")
        ));
    }
    s.push_str(&format!(
        "<text x=\"{left}\" y=\"{}\" class=\"tick\">{}</text><text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"end\">{}</text>",
        h - 8.0,
        esc(&points[0].date),
        w - right,
        h - 8.0,
        esc(&points[points.len() - 1].date)
    ));
    s.push_str("</svg>");
    s
}

/// The actor network: actors on a circle, an arrow per source→target pair, its width by
/// events, its colour by mean Goldstein score. Each actor links to its events.
pub fn network(edges: &[Edge]) -> String {
    if edges.is_empty() {
        return "<p class=\"empty\">No dyads yet.</p>".to_string();
    }
    let mut nodes: Vec<&str> = Vec::new();
    for e in edges {
        for c in [&e.source, &e.target] {
            if !nodes.contains(&c.as_str()) {
                nodes.push(c);
            }
        }
    }
    let (w, h) = (640.0, 520.0);
    let (cx, cy, r) = (w / 2.0, h / 2.0, 200.0);
    let pos = |i: usize| {
        let a = i as f64 / nodes.len() as f64 * std::f64::consts::TAU - std::f64::consts::FRAC_PI_2;
        (cx + r * a.cos(), cy + r * a.sin())
    };
    let at = |code: &str| pos(nodes.iter().position(|n| *n == code).unwrap_or(0));
    let max = edges.iter().map(|e| e.events).max().unwrap_or(1).max(1) as f64;
    let mut s = format!(
        "<svg class=\"chart network\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"actor network\">\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"18\" refY=\"5\" markerWidth=\"6\" \
         markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#777\"/></marker></defs>"
    );
    for e in edges {
        let ((x1, y1), (x2, y2)) = (at(&e.source), at(&e.target));
        let colour = if e.goldstein >= 1.0 {
            QUAD_COLOURS[1]
        } else if e.goldstein <= -1.0 {
            QUAD_COLOURS[3]
        } else {
            "#888"
        };
        s.push_str(&format!(
            "<a href=\"/events?source={}&amp;target={}\"><line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{colour}\" stroke-width=\"{:.1}\" marker-end=\"url(#arrow)\" opacity=\"0.75\"><title>{} → {}: {} events, mean Goldstein {:.1}</title></line></a>",
            esc(&url_part(&e.source)),
            esc(&url_part(&e.target)),
            1.0 + 5.0 * (e.events as f64).ln_1p() / max.ln_1p(),
            esc(&e.source),
            esc(&e.target),
            e.events,
            e.goldstein
        ));
    }
    for (i, n) in nodes.iter().enumerate() {
        let (x, y) = pos(i);
        let anchor = if x < cx - 5.0 {
            "end"
        } else if x > cx + 5.0 {
            "start"
        } else {
            "middle"
        };
        let dx = match anchor {
            "end" => -9.0,
            "start" => 9.0,
            _ => 0.0,
        };
        s.push_str(&format!(
            "<a href=\"/events?actor={}\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"6\" class=\"node\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" class=\"label\">{}</text></a>",
            esc(&url_part(n)),
            x + dx,
            y + 4.0,
            esc(n)
        ));
    }
    s.push_str("</svg>");
    s
}

/// A located event for the map.
pub struct MapPoint {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Tooltip.
    pub label: String,
    /// Its event.
    pub event_id: i64,
    /// Its mentions (the dot's size).
    pub mentions: i64,
}

/// Event locations on an equirectangular world (graticule every 30°, land from Natural Earth).
pub fn map(points: &[MapPoint]) -> String {
    let (w, h) = (720.0, 360.0);
    let x = |lon: f64| (lon + 180.0) / 360.0 * w;
    let y = |lat: f64| (90.0 - lat) / 180.0 * h;
    let mut s = format!(
        "<svg class=\"chart map\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"event locations\">\
         <rect width=\"{w}\" height=\"{h}\" class=\"sea\"/>"
    );
    s.push_str(&crate::land::land_path(w, h));
    for lon in (-150..=150).step_by(30) {
        s.push_str(&format!(
            "<line x1=\"{0:.1}\" y1=\"0\" x2=\"{0:.1}\" y2=\"{h}\" class=\"grid\"/>",
            x(lon as f64)
        ));
    }
    for lat in (-60..=60).step_by(30) {
        s.push_str(&format!(
            "<line x1=\"0\" y1=\"{0:.1}\" x2=\"{w}\" y2=\"{0:.1}\" class=\"grid\"/>",
            y(lat as f64)
        ));
    }
    for p in points {
        s.push_str(&format!(
            "<a href=\"/event/{}\"><circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" class=\"dot\"><title>{}</title></circle></a>",
            p.event_id,
            x(p.lon),
            y(p.lat),
            2.5 + (p.mentions as f64).ln_1p(),
            esc(&p.label)
        ));
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_charts_are_drawn() {
        let edges = [Edge {
            source: "<script>".into(),
            target: "ISR".into(),
            events: 3,
            goldstein: -5.0,
        }];
        let s = network(&edges);
        assert!(!s.contains("<script>") && s.contains("&lt;script&gt;"));
        let points = [DayPoint {
            date: "2025-05-19".into(),
            events: 2,
            mentions: 5,
            goldstein: 3.4,
            quad: [1, 1, 0, 0],
        }];
        assert_eq!(timeline(&points).matches("<rect").count(), 2);
        let m = map(&[MapPoint {
            lat: 31.5,
            lon: 34.47,
            label: "Gaza \"x\"".into(),
            event_id: 7,
            mentions: 2,
        }]);
        assert!(m.contains("/event/7") && m.contains("Gaza &quot;x&quot;"));
    }
}
