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
    let show = std::env::var("HERALD_EVAL_ERRORS").as_deref() == Ok("timex");
    for f in &files {
        let xml = std::fs::read_to_string(f)?;
        let id = f.file_name().unwrap_or_default().to_string_lossy().to_string();
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
                            g.kind, g.value, t.text, t.kind.as_str(), t.value
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
                    let gtext: String = d.text.chars().skip(g.start).take(g.end - g.start).collect();
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
        assert_eq!((t.as_str(), g.kind.as_str(), g.value.as_str()), ("Friday", "DATE", "2013-03-22"));
    }
}
