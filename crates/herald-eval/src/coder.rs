//! Evaluation of the event coder on the PETRARCH-2 unit-test suite
//! (`petrarch2/PETR.UnitTest.records.xml` with its own `PETR.Validate.*` dictionaries). herald
//! parses each record's text itself (the supplied Treebank parses are ignored) and codes it;
//! scoring follows UniversalPetrarch's validation: per category and overall, "found" =
//! correct / (correct + missed) and "spurious" = extra events / records. Asserted, future and
//! reported events count (PETRARCH has no modality and codes those), with both actors coded.

use crate::EvalLine;
use herald_coder::{Coder, Dictionaries};
use herald_dict::codes::CodeTables;
use herald_dict::verbs::VerbDictionary;
use herald_dict::{ActorDictionary, AgentDictionary};
use herald_doc::Document;
use herald_nlp::Pipeline;
use std::collections::BTreeMap;
use std::path::Path;

/// One unit-test record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Record id, e.g. `DEMO-00`.
    pub id: String,
    /// Category, e.g. `DEMO`.
    pub category: String,
    /// Story date `YYYY-MM-DD`.
    pub date: String,
    /// The sentence.
    pub text: String,
    /// Expected (source, target, code) triples; empty for `noevents` records.
    pub expected: Vec<(String, String, String)>,
    /// True if the record tests an input error (skipped in scoring).
    pub error: bool,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let i = tag.find(&format!("{name}="))? + name.len() + 1;
    let rest = tag[i..].trim_start_matches([' ', '=']).trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// Read the records of a PETRARCH validation file.
pub fn parse_records(xml: &str) -> Vec<Record> {
    let mut out = Vec::new();
    for chunk in xml.split("<Sentence ").skip(1) {
        let head = &chunk[..chunk.find('>').unwrap_or(0)];
        let (Some(id), Some(date)) = (attr(head, "id"), attr(head, "date")) else {
            continue;
        };
        let category = attr(head, "category").unwrap_or_default();
        let body = &chunk[..chunk.find("</Sentence>").unwrap_or(chunk.len())];
        let text = body
            .split("<Text>")
            .nth(1)
            .and_then(|t| t.split("</Text>").next())
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // A record whose <Text> is empty (one in the PETR2 GSR) keeps its words only in the
        // CoNLL-U parse: join them (herald still tags and parses them itself).
        let text = if text.is_empty() {
            body.split("<Parse>")
                .nth(1)
                .and_then(|p| p.split("</Parse>").next())
                .unwrap_or("")
                .lines()
                .filter_map(|l| {
                    let cols: Vec<&str> = l.split('\t').collect();
                    (cols.len() >= 2 && cols[0].parse::<usize>().is_ok()).then(|| cols[1])
                })
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            text
        };
        let mut expected = Vec::new();
        let mut error = false;
        for ec in body.split("<EventCoding").skip(1) {
            let tag = &ec[..ec.find('>').unwrap_or(0)];
            if attr(tag, "error").is_some() {
                error = true;
            }
            if let (Some(s), Some(t), Some(c)) = (
                attr(tag, "sourcecode"),
                attr(tag, "targetcode"),
                attr(tag, "eventcode"),
            ) {
                expected.push((s, t, c));
            }
        }
        let date = if date.len() == 8 {
            format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..])
        } else {
            date
        };
        out.push(Record {
            id,
            category,
            date,
            text,
            expected,
            error,
        });
    }
    out
}

/// Score the coder on the unit-test suite under `data/petrarch2`.
pub fn petr_unit_tests(nlp: &Pipeline, data: &Path) -> std::io::Result<Vec<EvalLine>> {
    let dir = data.join("petrarch2");
    let read = |f: &str| std::fs::read_to_string(dir.join(f));
    let records = parse_records(&read("PETR.UnitTest.records.xml")?);
    let mut actors = ActorDictionary::default();
    let _ = actors.add(
        "PETR.Validate.actors.txt",
        &read("PETR.Validate.actors.txt")?,
    );
    let agents = AgentDictionary::parse(
        "PETR.Validate.agents.txt",
        &read("PETR.Validate.agents.txt")?,
    )
    .unwrap_or_default();
    let (verbs, _) =
        VerbDictionary::parse("PETR.Validate.verbs.txt", &read("PETR.Validate.verbs.txt")?);
    let dicts = Dictionaries {
        actors,
        agents,
        verbs: vec![verbs],
        // PETRARCH codes no event nouns; the suite tests its verb patterns.
        nouns: Default::default(),
        capitals: Default::default(),
        codes: CodeTables::shipped(),
    };
    let coder = Coder::new(&dicts);
    // category -> (records, correct, missed, extra)
    let mut by_cat: BTreeMap<String, (usize, usize, usize, usize)> = BTreeMap::new();
    // HERALD_EVAL_RECORD=ID[,ID…] scores only those records (for error analysis).
    let only: Vec<String> = std::env::var("HERALD_EVAL_RECORD")
        .map(|v| v.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    for r in records
        .iter()
        .filter(|r| !r.error && (only.is_empty() || only.contains(&r.id)))
    {
        let doc = Document {
            id: r.id.clone(),
            date: Some(r.date.clone()),
            text: r.text.clone(),
            ..Document::default()
        };
        let analysis = nlp.analyze(&doc);
        // PETRARCH has no modality: it codes what is said, announced or planned as events.
        // Negated, hypothetical and requested events it codes differently or not at all.
        let mut got: Vec<(String, String, String)> =
            crate::gold::petrarch_reading(coder.code(&doc, &analysis))
                .into_iter()
                .filter_map(|e| Some((e.source.code?, e.target.code?, e.code)))
                .collect();
        got.sort();
        got.dedup();
        let correct = got.iter().filter(|g| r.expected.contains(g)).count();
        let missed = r.expected.iter().filter(|e| !got.contains(e)).count();
        let extra = got.len() - correct;
        if std::env::var("HERALD_EVAL_ERRORS").as_deref() == Ok("coder")
            && (missed > 0 || extra > 0)
        {
            eprintln!(
                "coder\t{}\texpected={:?}\tgot={:?}\t{}",
                r.id, r.expected, got, r.text
            );
        }
        for cat in [r.category.clone(), "ALL".to_string()] {
            let c = by_cat.entry(cat).or_default();
            c.0 += 1;
            c.1 += correct;
            c.2 += missed;
            c.3 += extra;
        }
    }
    let mut lines = Vec::new();
    let all = by_cat.remove("ALL").unwrap_or_default();
    for (name, c) in std::iter::once(("overall".to_string(), all)).chain(by_cat) {
        let mut l = EvalLine::new(&format!("petr-unit-tests-{}", name.to_lowercase()));
        let (recs, correct, missed, extra) = c;
        l.push(
            "found",
            100.0 * correct as f64 / (correct + missed).max(1) as f64,
        );
        l.push("spurious", 100.0 * extra as f64 / recs.max(1) as f64);
        l.push("records", recs as f64);
        l.push("correct", correct as f64);
        l.push("missed", missed as f64);
        l.push("extra", extra as f64);
        lines.push(l);
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records() {
        let xml = "<Sentences>\n<Sentence date=\"19950101\" id=\"DEMO-00\" category=\"DEMO\" sentence=\"true\">\n<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n<Text>\nArnor is about to restore\nties with Gondor.\n</Text>\n<Parse>(ROOT)</Parse>\n</Sentence>\n<Sentence date=\"19950101\" id=\"X-1\" category=\"ERROR\">\n<EventCoding noevents = \"True\"></EventCoding>\n<Text>Nothing.</Text>\n</Sentence>\n";
        let r = parse_records(xml);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].expected,
            vec![("ARN".into(), "GON".into(), "064".into())]
        );
        assert_eq!(
            (r[0].date.as_str(), r[0].text.as_str()),
            ("1995-01-01", "Arnor is about to restore ties with Gondor.")
        );
        assert!(r[1].expected.is_empty() && !r[1].error);
    }
}
