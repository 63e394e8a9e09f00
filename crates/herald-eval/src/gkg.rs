//! Evaluation of herald's knowledge layer. Temporal expressions on TempEval-3: TBAQ-cleaned
//! (TimeBank + AQUAINT, the development set) and TE3-Platinum (the test set). herald reads the
//! raw text of each TimeML document (tags removed), finds and normalises its TIMEX3s against
//! the document creation time, and is scored as the TempEval-3 scorer does: strict (exact) and
//! relaxed (overlapping) span P/R/F1, and type and value F1 over the relaxed matches (a
//! system TIMEX3 counts for value if it overlaps a gold one and has its value).

use crate::EvalLine;
use herald_dict::Date;
use herald_doc::Document;
use herald_nlp::Pipeline;
use std::path::Path;

/// A gold TIMEX3: code-point span of the document text, type and value.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// TimeML type.
    pub kind: String,
    /// TimeML value.
    pub value: String,
}

/// A TimeML document: its text without tags, creation date and TIMEX3s.
#[derive(Debug, Clone)]
pub struct TimemlDoc {
    /// File name.
    pub id: String,
    /// Text of the <TEXT> element, tags removed, entities decoded.
    pub text: String,
    /// Document creation time.
    pub dct: Date,
    /// Gold expressions inside <TEXT>.
    pub timexes: Vec<GoldTimex>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let i = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(tag[i..i + tag[i..].find('"')?].to_string())
}

/// Read a TimeML document.
pub fn parse_timeml(id: &str, xml: &str) -> Option<TimemlDoc> {
    let dct_tag = xml.split("<DCT>").nth(1)?.split("</DCT>").next()?;
    let dct = Date::parse(attr(dct_tag, "value")?.get(..10)?)?;
    let body = xml.split("<TEXT>").nth(1)?.split("</TEXT>").next()?;
    let mut text = String::new();
    let mut n = 0usize; // code points in `text`
    let mut open: Option<(usize, String, String)> = None;
    let mut timexes = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>')?;
            let tag = &after[..end];
            if tag.starts_with("TIMEX3") {
                open = Some((
                    n,
                    attr(tag, "type").unwrap_or_default(),
                    attr(tag, "value").unwrap_or_default(),
                ));
            } else if tag.starts_with("/TIMEX3") {
                if let Some((start, kind, value)) = open.take() {
                    timexes.push(GoldTimex {
                        start,
                        end: n,
                        kind,
                        value,
                    });
                }
            }
            rest = &after[end + 1..];
            continue;
        }
        let stop = rest.find('<').unwrap_or(rest.len());
        let chunk = rest[..stop]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
        n += chunk.chars().count();
        text.push_str(&chunk);
        rest = &rest[stop..];
    }
    Some(TimemlDoc {
        id: id.to_string(),
        text,
        dct,
        timexes,
    })
}

fn timeml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            timeml_files(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Score temporal expressions on the TimeML files under `dir`.
pub fn tempeval(nlp: &Pipeline, dir: &Path, name: &str) -> std::io::Result<EvalLine> {
    let mut files = Vec::new();
    timeml_files(dir, &mut files)?;
    files.sort();
    let (mut gold_n, mut sys_n, mut strict, mut relaxed, mut value_ok, mut type_ok) =
        (0, 0, 0, 0, 0, 0);
    // Errors are shown for development sets only: a test set's sentences stay unread.
    let show =
        std::env::var("HERALD_EVAL_ERRORS").as_deref() == Ok("timex") && name.ends_with("-dev");
    for f in &files {
        let xml = std::fs::read_to_string(f)?;
        let id = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let Some(d) = parse_timeml(&id, &xml) else {
            continue;
        };
        let doc = Document {
            id: d.id.clone(),
            date: Some(d.dct.to_string()),
            text: d.text.clone(),
            ..Document::default()
        };
        let analysis = nlp.analyze(&doc);
        let found = herald_know::timex::find(&analysis, &d.text, d.dct);
        gold_n += d.timexes.len();
        sys_n += found.len();
        let mut used = vec![false; d.timexes.len()];
        for t in &found {
            let m = d
                .timexes
                .iter()
                .enumerate()
                .find(|(k, g)| !used[*k] && g.start < t.end && t.start < g.end);
            match m {
                Some((k, g)) => {
                    used[k] = true;
                    relaxed += 1;
                    strict += usize::from(g.start == t.start && g.end == t.end);
                    type_ok += usize::from(g.kind == t.kind.as_str());
                    value_ok += usize::from(g.value == t.value);
                    if show && (g.value != t.value || g.start != t.start || g.end != t.end) {
                        let gtext: String =
                            d.text.chars().skip(g.start).take(g.end - g.start).collect();
                        eprintln!(
                            "timex\t{id}\tgold={gtext:?} {} {}\tgot={:?} {} {}",
                            g.kind,
                            g.value,
                            t.text,
                            t.kind.as_str(),
                            t.value
                        );
                    }
                }
                None if show => eprintln!(
                    "timex\t{id}\tspurious\tgot={:?} {} {}",
                    t.text,
                    t.kind.as_str(),
                    t.value
                ),
                None => {}
            }
        }
        if show {
            for (k, g) in d.timexes.iter().enumerate() {
                if !used[k] {
                    let gtext: String =
                        d.text.chars().skip(g.start).take(g.end - g.start).collect();
                    eprintln!("timex\t{id}\tmissed\tgold={gtext:?} {} {}", g.kind, g.value);
                }
            }
        }
    }
    let f1 = |c: usize| {
        let p = c as f64 / sys_n.max(1) as f64;
        let r = c as f64 / gold_n.max(1) as f64;
        if p + r > 0.0 {
            (100.0 * p, 100.0 * r, 100.0 * 2.0 * p * r / (p + r))
        } else {
            (0.0, 0.0, 0.0)
        }
    };
    let mut l = EvalLine::new(name);
    let (sp, sr, sf) = f1(strict);
    let (rp, rr, rf) = f1(relaxed);
    l.push("strict_p", sp);
    l.push("strict_r", sr);
    l.push("strict_f1", sf);
    l.push("relaxed_p", rp);
    l.push("relaxed_r", rr);
    l.push("relaxed_f1", rf);
    l.push("type_f1", f1(type_ok).2);
    l.push("value_f1", f1(value_ok).2);
    l.push("docs", files.len() as f64);
    l.push("gold", gold_n as f64);
    Ok(l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_timeml_offsets_in_code_points() {
        let xml = "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2013-03-22\">March 22, 2013</TIMEX3></DCT>\n<TEXT>\nCaf\u{e9} &amp; co <EVENT eid=\"e1\">met</EVENT> <TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2013-03-22\">Friday</TIMEX3>.\n</TEXT>";
        let d = parse_timeml("x.tml", xml).unwrap();
        assert_eq!(d.dct, Date(20130322));
        assert_eq!(d.timexes.len(), 1);
        let g = &d.timexes[0];
        let t: String = d.text.chars().skip(g.start).take(g.end - g.start).collect();
        assert_eq!(
            (t.as_str(), g.kind.as_str(), g.value.as_str()),
            ("Friday", "DATE", "2013-03-22")
        );
    }
}

/// A gold toponym: its text, coordinates and, where the set gives one, GeoNames id.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldToponym {
    /// The name as written.
    pub name: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// GeoNames id.
    pub geonameid: Option<u32>,
}

fn tag_text<'a>(xml: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}");
    let i = xml.find(&open)?;
    let rest = &xml[i + open.len()..];
    let body = &rest[rest.find('>')? + 1..];
    Some(body[..body.find(&format!("</{tag}>"))?].trim())
}

/// Read the documents of a geocoding set as lists of gold toponyms (toponyms without
/// coordinates are left out). Reads the LGL/TR-News schema (`<toponym>` with `<gaztag
/// geonameid>`), GeoWebNews (`<toponym>` with `<geonamesID>`, `<latitude>`) and GeoVirus
/// (`<location>` with `<lat>`).
pub fn parse_toponym_docs(xml: &str) -> Vec<Vec<GoldToponym>> {
    let mut docs = Vec::new();
    for art in xml.split("<article").skip(1) {
        let mut tops = Vec::new();
        let items: Vec<&str> = if art.contains("<toponym>") {
            art.split("<toponym>").skip(1).collect()
        } else {
            art.split("<location>").skip(1).collect()
        };
        for t in items {
            let name = tag_text(t, "phrase")
                .or_else(|| tag_text(t, "extractedName"))
                .or_else(|| tag_text(t, "name"))
                .unwrap_or("");
            let lat = tag_text(t, "lat").or_else(|| tag_text(t, "latitude"));
            let lon = tag_text(t, "lon").or_else(|| tag_text(t, "longitude"));
            let (Some(Ok(lat)), Some(Ok(lon))) = (lat.map(str::parse), lon.map(str::parse)) else {
                continue;
            };
            let id = t
                .find("geonameid=\"")
                .and_then(|i| t[i + 11..].split('"').next())
                .or_else(|| tag_text(t, "geonamesID"))
                .and_then(|s| s.parse().ok());
            if !name.is_empty() {
                tops.push(GoldToponym {
                    name: name.replace("&amp;", "&"),
                    lat,
                    lon,
                    geonameid: id,
                });
            }
        }
        docs.push(tops);
    }
    docs
}

/// Score toponym resolution on one set: each document's gold toponyms are resolved together
/// (the names are given; finding them is the NER's job, scored on its own); accuracy within
/// 161 km, median and mean error (an unresolved name counts as wrong, at 20,039 km — half the
/// Earth's circumference), GeoNames id match where the gold has an id.
pub fn geocoding(
    gaz: &herald_know::geo::Gazetteer,
    file: &Path,
    name: &str,
) -> std::io::Result<EvalLine> {
    let xml = std::fs::read_to_string(file)?;
    let docs = parse_toponym_docs(&xml);
    let show =
        std::env::var("HERALD_EVAL_ERRORS").as_deref() == Ok("geo") && name.ends_with("-dev");
    let mut errors: Vec<f64> = Vec::new();
    let (mut with_id, mut id_ok, mut resolved) = (0, 0, 0);
    for tops in &docs {
        let names: Vec<&str> = tops.iter().map(|t| t.name.as_str()).collect();
        let got = gaz.resolve_all(&names);
        for (t, p) in tops.iter().zip(got) {
            let err = match p {
                Some(p) => {
                    resolved += 1;
                    herald_know::geo::distance_km(t.lat, t.lon, p.lat, p.lon)
                }
                None => 20_039.0,
            };
            if let Some(id) = t.geonameid {
                with_id += 1;
                id_ok += usize::from(p.is_some_and(|p| p.geonameid == id));
            }
            if show && err > 161.0 {
                eprintln!(
                    "geo\t{name}\t{:?}\tgold={:.2},{:.2} {:?}\tgot={:?} {:.0}km",
                    t.name,
                    t.lat,
                    t.lon,
                    t.geonameid,
                    p.map(|p| (p.name.as_str(), p.feature_code.as_str(), p.country.as_str())),
                    err
                );
            }
            errors.push(err);
        }
    }
    errors.sort_by(f64::total_cmp);
    let n = errors.len().max(1);
    let mut l = EvalLine::new(name);
    l.push(
        "acc161",
        100.0 * errors.iter().filter(|&&e| e <= 161.0).count() as f64 / n as f64,
    );
    l.push(
        "median_km",
        errors.get(errors.len() / 2).copied().unwrap_or(0.0),
    );
    l.push("mean_km", errors.iter().sum::<f64>() / n as f64);
    l.push("id_match", 100.0 * id_ok as f64 / with_id.max(1) as f64);
    l.push("resolved", 100.0 * resolved as f64 / n as f64);
    l.push("toponyms", errors.len() as f64);
    l.push("docs", docs.len() as f64);
    Ok(l)
}

/// A gold attribution of PolNeAR: content and source spans (code points), direct if the
/// content is in quote marks.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldAttribution {
    /// Content start and end.
    pub content: (usize, usize),
    /// Source start and end, if annotated.
    pub source: Option<(usize, usize)>,
    /// The content is a direct quote.
    pub direct: bool,
}

/// Read one PolNeAR BRAT file against its text.
pub fn parse_polnear(text: &str, ann: &str) -> Vec<GoldAttribution> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans = std::collections::HashMap::new();
    let mut out = Vec::new();
    for line in ann.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() >= 2 && f[0].starts_with('T') {
            let mut parts = f[1].splitn(2, ' ');
            let _kind = parts.next();
            let rest = parts.next().unwrap_or("");
            let a = rest
                .split_whitespace()
                .next()
                .and_then(|x| x.parse::<usize>().ok());
            let b = rest
                .rsplit(';')
                .next()
                .and_then(|x| x.split_whitespace().nth(1))
                .and_then(|x| x.parse::<usize>().ok());
            if let (Some(a), Some(b)) = (a, b) {
                spans.insert(f[0].to_string(), (a.min(b), a.max(b)));
            }
        }
    }
    for line in ann.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 2 || !f[0].starts_with('E') {
            continue;
        }
        let role = |r: &str| {
            f[1].split_whitespace()
                .find_map(|x| x.strip_prefix(&format!("{r}:")))
                .and_then(|t| spans.get(t).copied())
        };
        let Some(content) = role("Content") else {
            continue;
        };
        let inner: String = chars[content.0.min(chars.len())..content.1.min(chars.len())]
            .iter()
            .collect();
        let t = inner.trim();
        // Quote marks of every style, two apostrophes ('' ... '') included.
        let direct = (t.starts_with(['“', '"', '«']) || t.starts_with("''") || t.starts_with("``"))
            && (t.ends_with(['”', '"', '»']) || t.ends_with("''"));
        out.push(GoldAttribution {
            content,
            source: role("Source"),
            direct,
        });
    }
    out
}

/// Overlap of two spans relative to the longer: 1 for the same span, 0 for disjoint ones.
fn overlap(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    inter as f64 / (a.1 - a.0).max(b.1 - b.0).max(1) as f64
}

/// Score quotations on PolNeAR (one annotator per article, the first file in name order):
/// content P/R/F1 (a match overlaps the gold content by half the longer span), source accuracy
/// given a content match (same rule), end-to-end P/R/F1 (content and source), for all
/// attributions and for direct quotes alone.
pub fn polnear(nlp: &Pipeline, dir: &Path, name: &str) -> std::io::Result<Vec<EvalLine>> {
    let mut anns: Vec<std::path::PathBuf> = std::fs::read_dir(dir.join("attributions"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut seen = std::collections::HashSet::new();
    // [all, direct]: gold, system, content matches, end-to-end matches
    let mut c = [[0usize; 4]; 2];
    for ann in anns {
        let stem = ann
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let Some((article, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        if !seen.insert(article.to_string()) {
            continue;
        }
        let text = std::fs::read_to_string(dir.join("text").join(format!("{article}.txt")))?;
        let gold = parse_polnear(&text, &std::fs::read_to_string(&ann)?);
        let doc = Document {
            id: article.to_string(),
            text: text.clone(),
            ..Document::default()
        };
        let found = herald_know::quotes::find(&nlp.analyze(&doc), &text);
        if std::env::var("HERALD_EVAL_ERRORS").as_deref() == Ok("quotes") {
            let chars: Vec<char> = text.chars().collect();
            let cut = |(a, b): (usize, usize)| -> String {
                chars[a.min(chars.len())..b.min(chars.len())]
                    .iter()
                    .take(70)
                    .collect()
            };
            for q in found.iter().filter(|q| q.direct) {
                let qc = (q.content.start, q.content.end);
                let m = gold.iter().find(|g| overlap(qc, g.content) >= 0.5);
                match m {
                    None => {
                        // The gold content overlapping most, if any: a span disagreement, not
                        // a quote the annotators left out.
                        let near = gold
                            .iter()
                            .map(|g| (overlap(qc, g.content), g))
                            .filter(|(o, _)| *o > 0.0)
                            .max_by(|a, b| a.0.total_cmp(&b.0));
                        eprintln!(
                            "quote\t{article}\tspurious\t{:?}\tspeaker={:?}\tnearest={:?}\tat={qc:?}",
                            cut(qc),
                            q.speaker.as_ref().map(|s| &s.text),
                            near.map(|(o, g)| (
                                format!("{o:.2}"),
                                g.direct,
                                g.content,
                                cut(g.content)
                            ))
                        )
                    }
                    Some(g) => {
                        let ok = match (g.source, &q.speaker) {
                            (Some(gs), Some(sp)) => overlap(gs, (sp.start, sp.end)) >= 0.5,
                            _ => false,
                        };
                        if !ok {
                            eprintln!(
                                "quote\t{article}\tspeaker\t{:?}\tgold={:?}\tgot={:?}\tat gold={:?} got={:?} quote={qc:?}",
                                cut(qc),
                                g.source.map(cut),
                                q.speaker.as_ref().map(|s| &s.text),
                                g.source,
                                q.speaker.as_ref().map(|s| (s.start, s.end))
                            );
                        }
                    }
                }
            }
        }
        if std::env::var("HERALD_EVAL_ERRORS").as_deref() == Ok("quotes-missed") {
            let chars: Vec<char> = text.chars().collect();
            let cut = |a: usize, b: usize| -> String {
                chars[a.min(chars.len())..b.min(chars.len())]
                    .iter()
                    .take(90)
                    .collect()
            };
            for g in &gold {
                let hit = found
                    .iter()
                    .any(|q| overlap((q.content.start, q.content.end), g.content) >= 0.5);
                if !hit {
                    eprintln!(
                        "missed\t{article}\t{}\t{:?}\t...{:?}",
                        g.direct,
                        cut(g.content.0, g.content.1),
                        cut(g.content.1, g.content.1 + 30)
                    );
                }
            }
        }
        for (k, direct_only) in [(0, false), (1, true)] {
            let g: Vec<&GoldAttribution> =
                gold.iter().filter(|g| !direct_only || g.direct).collect();
            let sys: Vec<&herald_know::quotes::Quotation> =
                found.iter().filter(|q| !direct_only || q.direct).collect();
            c[k][0] += g.len();
            c[k][1] += sys.len();
            let mut used = vec![false; g.len()];
            for q in &sys {
                let qc = (q.content.start, q.content.end);
                let best = g
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| !used[*j])
                    .map(|(j, gg)| (j, overlap(qc, gg.content)))
                    .filter(|(_, o)| *o >= 0.5)
                    .max_by(|x, y| x.1.total_cmp(&y.1));
                if let Some((j, _)) = best {
                    used[j] = true;
                    c[k][2] += 1;
                    let source_ok = match (g[j].source, &q.speaker) {
                        (Some(gs), Some(sp)) => overlap(gs, (sp.start, sp.end)) >= 0.5,
                        _ => false,
                    };
                    c[k][3] += usize::from(source_ok);
                }
            }
        }
    }
    let mut lines = Vec::new();
    for (k, suffix) in [(0, "all"), (1, "direct")] {
        let [gold, sys, content, e2e] = c[k];
        let f = |m: usize| {
            let p = m as f64 / sys.max(1) as f64;
            let r = m as f64 / gold.max(1) as f64;
            (
                100.0 * p,
                100.0 * r,
                if p + r > 0.0 {
                    200.0 * p * r / (p + r)
                } else {
                    0.0
                },
            )
        };
        let mut l = EvalLine::new(&format!("{name}-{suffix}"));
        let (cp, cr, cf) = f(content);
        let (ep, er, ef) = f(e2e);
        l.push("content_p", cp);
        l.push("content_r", cr);
        l.push("content_f1", cf);
        l.push("speaker_acc", 100.0 * e2e as f64 / content.max(1) as f64);
        l.push("e2e_p", ep);
        l.push("e2e_r", er);
        l.push("e2e_f1", ef);
        l.push("gold", gold as f64);
        lines.push(l);
    }
    Ok(lines)
}
