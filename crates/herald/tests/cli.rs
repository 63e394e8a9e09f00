//! The `herald` binary end to end: outputs, and bad input that is reported and skipped while the
//! rest of the batch goes on.

use std::io::Write;
use std::process::{Command, Stdio};

fn herald() -> Command {
    Command::new(env!("CARGO_BIN_EXE_herald"))
}

fn tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("herald-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/seed-article.txt"
);

/// Rows of tab-separated GDELT output keyed by GDELT's column names; every row must have them
/// all.
fn gdelt_table<'a>(
    text: &'a str,
    cols: &[&'static str],
) -> Vec<std::collections::HashMap<&'static str, &'a str>> {
    text.lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), cols.len(), "{l}");
            cols.iter().copied().zip(f).collect()
        })
        .collect()
}

/// Run herald with `args` followed by the seed article (dated 2025-05-21); it must succeed.
fn on_seed(args: &[&str]) -> String {
    let out = herald()
        .args(args)
        .args(["--date", "2025-05-21", SEED])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn conllu_output_has_ids_text_entities_and_offsets() {
    let s = on_seed(&["analyze"]);
    assert!(s.starts_with("# newdoc id = seed-article\n# doc_id = seed-article\n"));
    assert!(s.contains("# text = US President Donald Trump has urged"));
    let trump = s
        .lines()
        .find(|l| l.split('\t').nth(1) == Some("Trump"))
        .unwrap();
    assert!(trump.ends_with("Ent=I-PERSON|Start=20|End=25"), "{trump}");
    assert_eq!(s.matches("# sent_id").count(), 14);
}

#[test]
fn json_output_round_trips() {
    let mut child = herald()
        .args(["analyze", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"{\"id\":\"a\",\"text\":\"Hamas rejected the proposal.\",\"date\":\"2025-05-21\"}\n",
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["doc_id"], "a");
    assert_eq!(v["sentences"][0]["tokens"][1]["lemma"], "reject");
    assert_eq!(v["entities"][0]["text"], "Hamas");
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let good = tmp("good.txt", "Netanyahu convened his ministers.".as_bytes());
    let empty = tmp("empty.txt", b"");
    let utf8 = tmp("latin1.txt", b"Caf\xe9 talks resumed.");
    let binary = tmp("junk.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00garbage");
    let jsonl = tmp("mixed.jsonl", b"{\"id\":\"j1\",\"text\":\"Iran resumed talks.\"}\n{\"id\": \"j2\", \"text\": \n{\"id\":\"j3\"}\n{\"id\":\"j4\",\"text\":\"Trump called Netanyahu.\"}\n");
    let out = herald()
        .args(["analyze", "--date", "2025-05-21", "--format", "json"])
        .args([&good, &empty, &utf8, &binary, &jsonl])
        .args(["/nonexistent/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty.txt: empty input"), "{stderr}");
    assert!(
        stderr.contains("latin1.txt: invalid UTF-8 at byte 3"),
        "{stderr}"
    );
    assert!(
        stderr.contains("junk.txt: looks like binary data"),
        "{stderr}"
    );
    assert!(
        stderr.contains("mixed.jsonl: line 2: invalid JSON"),
        "{stderr}"
    );
    assert!(
        stderr.contains("mixed.jsonl: line 3: missing field \"text\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("/nonexistent/file.txt: No such file"),
        "{stderr}"
    );
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["doc_id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["good", "j1", "j4"]);
}

#[test]
fn bad_date_is_refused_with_a_hint() {
    let out = herald()
        .args(["analyze", "--date", "May 21", "x.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid --date \"May 21\""));
}

#[test]
fn actor_codes_follow_the_story_date() {
    let dict = tmp("actors.txt", b"BENJAMIN_NETANYAHU_\n+NETANYAHU\n\t[ISRELI 670101-960618]\n\t[ISRGOV 960618-990706]\n\t[ISRGOV >090401]\n\t[ISRELI]\n");
    let run = |date: &str| {
        let out = herald()
            .args(["actor", "--date", date, "--dict"])
            .arg(&dict)
            .args(["Benjamin Netanyahu", "Gideon Sa'ar"])
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, out) = run("2025-05-21");
    assert_eq!(code, Some(1), "one name is missing");
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("Benjamin Netanyahu\tISRGOV\tBENJAMIN NETANYAHU\t"),
        "{first}"
    );
    assert!(first.ends_with("actors.txt:1"), "{first}");
    assert_eq!(
        out.lines().nth(1).unwrap(),
        "Gideon Sa'ar\t-\tnot in the dictionaries"
    );
    assert!(run("2005-01-01")
        .1
        .starts_with("Benjamin Netanyahu\tISRELI"));
}

#[test]
fn herald_actor_files_resolve_current_leaders() {
    let dict = tmp("leaders.actors", "Donald Trump  @Q22686\n    USAGOV 2017-01-20..2021-01-20\n    USAGOV 2025-01-20..\n    USAELI\nAhmed al-Sharaa  @Q7934206\n    SYRGOV 2025-01-29..\n".as_bytes());
    let out = herald()
        .args(["actor", "--date", "2025-05-21", "--dict"])
        .arg(&dict)
        .args(["Donald Trump", "Ahmed al-Sharaa"])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{s}");
    assert!(
        s.lines()
            .next()
            .unwrap()
            .starts_with("Donald Trump\tUSAGOV\t"),
        "{s}"
    );
    assert!(
        s.lines()
            .nth(1)
            .unwrap()
            .starts_with("Ahmed al-Sharaa\tSYRGOV\t"),
        "{s}"
    );
}

#[test]
fn code_writes_the_event_contract() {
    let events: Vec<serde_json::Value> = on_seed(&["code"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!events.is_empty());
    for e in &events {
        // Default output (DESIGN.md): asserted events, each with a coded source (one-sided
        // statements and demands included), every contract field present.
        assert_eq!(e["modality"], "asserted");
        assert!(e["source"]["code"].is_string());
        for k in [
            "doc_id",
            "sentence",
            "code",
            "root",
            "quad",
            "goldstein",
            "trigger",
            "attribution",
            "date",
            "date_basis",
            "plover",
            "location",
            "rule",
            "confidence",
        ] {
            assert!(e.get(k).is_some(), "missing {k}");
        }
        assert!(e["code"]
            .as_str()
            .unwrap()
            .starts_with(e["root"].as_str().unwrap()));
    }
    let urged = events
        .iter()
        .find(|e| e["trigger"]["text"] == "urged")
        .unwrap();
    assert_eq!(
        (
            urged["source"]["code"].as_str(),
            urged["target"]["code"].as_str(),
            urged["code"].as_str()
        ),
        (Some("USAGOV"), Some("ISRGOV"), Some("0256"))
    );
    // The seed article's events a careful coder would code: appeals, the call, mediation, a
    // demand, eased sanctions, criticism, statements.
    let roots: std::collections::BTreeSet<&str> =
        events.iter().map(|e| e["root"].as_str().unwrap()).collect();
    for r in ["01", "02", "04", "08", "10", "11"] {
        assert!(roots.contains(r), "no {r} event: {roots:?}");
    }
    assert!(events.len() >= 12, "{}", events.len());
    // --all adds what did not (or not yet) happen, with its modality.
    let all = on_seed(&["code", "--all"]);
    assert!(all.contains("\"modality\":\"negated\"") && all.contains("\"modality\":\"requested\""));
}

#[test]
fn gdelt_output_loads_with_gdelt_column_names() {
    let text = on_seed(&["code", "--format", "gdelt"]);
    // Load the rows as GDELT scripts do: tab-separated, no header, GDELT's 61 column names.
    let table = gdelt_table(&text, &herald_export::gdelt::EVENT_COLUMNS);
    assert!(!table.is_empty());
    for row in &table {
        assert_eq!(row["SQLDATE"].len(), 8);
        row["GLOBALEVENTID"].parse::<u64>().unwrap();
        row["QuadClass"].parse::<u8>().unwrap();
        row["GoldsteinScale"].parse::<f32>().unwrap();
        assert!(row["EventCode"].starts_with(row["EventRootCode"]));
    }
    let urged = table
        .iter()
        .find(|r| r["EventCode"] == "0256" && r["Actor1Code"] == "USAGOV")
        .unwrap();
    assert_eq!(
        (
            urged["Actor2Code"],
            urged["Actor1CountryCode"],
            urged["Actor1Type1Code"]
        ),
        ("ISRGOV", "USA", "GOV")
    );
}

#[test]
fn plover_output_has_the_manuals_fields() {
    let recs: Vec<serde_json::Value> = on_seed(&["code", "--all", "--format", "plover"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!recs.is_empty());
    for r in &recs {
        // Required fields of the PLOVER JSON table: id, date, actor, event.
        assert!(r["id"].is_string() && r["date"].is_string());
        assert!(r["actor"][0]["code"].is_string());
        assert!(r["event"][0].is_string());
    }
    // The manual's REQUEST holds all requests: Trump's 0256 appeal to Israel to de-escalate
    // is a REQUEST to yield (the 2021 table drops CAMEO's appeals).
    let urged = recs
        .iter()
        .find(|r| r["event_text"][0] == "urged" && r["actor"][0]["code"] == "USAGOV")
        .expect("the urged event");
    assert_eq!(urged["event"][0], "REQUEST");
    assert_eq!(urged["mode"][0], "yield");
}

#[test]
fn events_are_placed_where_the_text_says() {
    let p = tmp(
        "clash.txt",
        "Israel and Hamas clashed in Rafah on Monday.".as_bytes(),
    );
    let out = herald()
        .args(["code", "--format", "gdelt", "--date", "2025-05-21"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let table = gdelt_table(&text, &herald_export::gdelt::EVENT_COLUMNS);
    let row = table.first().expect("an event");
    // Rafah, Gaza Strip: GeoNames' point, a world place (type 4/5), FIPS country WE/GZ.
    assert_eq!(row["ActionGeo_FullName"], "Rafah");
    let lat: f64 = row["ActionGeo_Lat"].parse().unwrap();
    let lon: f64 = row["ActionGeo_Long"].parse().unwrap();
    assert!(
        (lat - 31.29).abs() < 0.2 && (lon - 34.25).abs() < 0.2,
        "{lat},{lon}"
    );
    assert!(matches!(row["ActionGeo_Type"], "4" | "5"));
    assert_eq!(row["SQLDATE"], "20250519", "dated by 'on Monday'");
}

#[test]
fn gkg_writes_one_record_per_document() {
    let recs: Vec<serde_json::Value> = on_seed(&["gkg"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    let trump = r["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Donald Trump")
        .unwrap();
    assert_eq!(trump["code"], "USAGOV");
    assert!(r["places"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["place"]["name"] == "Israel"));
    assert!(r["dates"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["value"] == "2025-05-19"));
    // Events tie to the record's entities: the call is between Trump and Netanyahu.
    let entities = r["entities"].as_array().unwrap();
    let name = |v: &serde_json::Value| {
        v.as_u64()
            .map(|i| entities[i as usize]["name"].as_str().unwrap())
    };
    let call = r["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "041")
        .expect("the call");
    let mut pair = [name(&call["source_entity"]), name(&call["target_entity"])];
    pair.sort();
    assert_eq!(pair, [Some("Benjamin Netanyahu"), Some("Donald Trump")]);
}

#[test]
fn gkg_rows_load_with_gdelt_column_names() {
    let text = on_seed(&["gkg", "--format", "gdelt"]);
    let rows = gdelt_table(&text, &herald_export::gkg::GKG_COLUMNS);
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(r["V2.1DATE"], "20250521000000");
    assert!(r["V1PERSONS"].split(';').any(|p| p == "Donald Trump"));
    // V1.5TONE: seven comma-separated numbers, the tone first and negative here.
    let tone: Vec<f64> = r["V1.5TONE"]
        .split(',')
        .map(|x| x.parse().unwrap())
        .collect();
    assert_eq!(tone.len(), 7);
    assert!(tone[0] < 0.0);
    // Locations: type#name#FIPS#ADM1#lat#lon#id, Israel as a country.
    assert!(r["V1LOCATIONS"]
        .split(';')
        .any(|l| l.starts_with("1#Israel#IS#IS#31.5")));
    assert!(r["V2.1ENHANCEDDATES"]
        .split(';')
        .any(|d| d.starts_with("3#5#19#2025#")));
    assert!(r["V2.1QUOTATIONS"].contains("|described|very well"));
}

#[test]
fn events_are_dated_by_the_day_the_text_gives() {
    let p = tmp(
        "accord.txt",
        "Israel and Egypt signed an accord on March 3.".as_bytes(),
    );
    let out = herald()
        .args(["code", "--date", "2025-05-21"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(out.status.success());
    let events: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!events.is_empty());
    for e in &events {
        assert_eq!(
            (e["date"].as_str(), e["date_basis"].as_str()),
            (Some("2025-03-03"), Some("text"))
        );
    }
}

#[test]
fn code_and_gkg_report_bad_inputs_and_go_on() {
    let good = tmp("good2.txt", "Israel and Egypt signed an accord.".as_bytes());
    let utf8 = tmp("latin2.txt", b"Caf\xe9 talks resumed.");
    let binary = tmp("junk2.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00garbage");
    for cmd in ["code", "gkg"] {
        let out = herald()
            .args([cmd, "--date", "2025-05-21"])
            .args([&utf8, &binary, &good])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("latin2.txt: invalid UTF-8 at byte 3"),
            "{cmd}: {stderr}"
        );
        assert!(
            stderr.contains("junk2.txt: looks like binary data"),
            "{cmd}: {stderr}"
        );
        // The good file after them is still done.
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            !stdout.trim().is_empty(),
            "{cmd}: nothing written for the good file"
        );
    }
}
