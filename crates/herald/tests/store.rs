//! The store through the `herald` binary: ingest (idempotent, resumable after kill -9, with
//! cross-source dedup), export, query, and the service (read-only by default, token for
//! writes, hostile articles escaped, bad requests answered, not crashed on).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn herald() -> Command {
    Command::new(env!("CARGO_BIN_EXE_herald"))
}

fn fixture(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn samples() -> String {
    format!("{}/../../samples/news.jsonl", env!("CARGO_MANIFEST_DIR"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("herald-store-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> String {
    let out = herald().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "herald {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn ingest(db: &Path, input: &str, extra: &[&str]) {
    let mut args = vec!["ingest", "--db", db.to_str().unwrap(), input];
    args.extend(extra);
    run(&args);
}

fn stats(db: &Path) -> serde_json::Value {
    serde_json::from_str(&run(&[
        "query",
        "stats",
        "--json",
        "--db",
        db.to_str().unwrap(),
    ]))
    .unwrap()
}

#[test]
fn one_story_from_three_sources_is_one_event_and_a_second_ingest_stores_nothing() {
    let dir = temp_dir("three");
    let db = dir.join("h.db");
    ingest(&db, &fixture("three-sources.jsonl"), &[]);
    let first = stats(&db);
    assert_eq!(first["documents"], 3);
    // Rubio meeting Netanyahu in Jerusalem on Monday, as Reuters, AP and the BBC tell it.
    let events: serde_json::Value = serde_json::from_str(&run(&[
        "query",
        "events",
        "--json",
        "--db",
        db.to_str().unwrap(),
        "--source",
        "USAGOV",
        "--target",
        "ISRGOV",
        "--code",
        "04",
    ]))
    .unwrap();
    let events = events.as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    let e = &events[0];
    assert_eq!(
        (
            e["mentions"].as_i64(),
            e["sources"].as_i64(),
            e["articles"].as_i64()
        ),
        (Some(3), Some(3), Some(3))
    );
    assert_eq!(e["date"], "2025-05-19");
    assert_eq!(e["place"], "Jerusalem");

    ingest(&db, &fixture("three-sources.jsonl"), &[]);
    assert_eq!(stats(&db), first);

    // The GDELT export carries the merged counts; the Mentions table one row per report.
    let rows = run(&[
        "export",
        "--format",
        "gdelt-events",
        "--db",
        db.to_str().unwrap(),
        "--code",
        "04",
    ]);
    let row: Vec<&str> = rows.lines().next().unwrap().split('\t').collect();
    assert_eq!(
        (row.len(), row[26], row[31], row[32], row[33]),
        (61, "040", "3", "3", "3")
    );
    let mentions = run(&[
        "export",
        "--format",
        "gdelt-mentions",
        "--db",
        db.to_str().unwrap(),
        "--code",
        "04",
    ]);
    let sources: Vec<&str> = mentions
        .lines()
        .map(|l| l.split('\t').nth(4).unwrap())
        .collect();
    assert_eq!(sources, ["reuters.com", "apnews.com", "bbc.co.uk"]);
    let pq = dir.join("events.parquet");
    run(&[
        "export",
        "--format",
        "parquet",
        "--db",
        db.to_str().unwrap(),
        "-o",
        pq.to_str().unwrap(),
    ]);
    let bytes = std::fs::read(&pq).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
}

/// The stored content, in a form that any loss or duplicate changes.
fn snapshot(db: &Path) -> (serde_json::Value, String, String) {
    let d = db.to_str().unwrap();
    (
        stats(db),
        run(&["export", "--format", "jsonl", "--db", d]),
        run(&["export", "--format", "gkg", "--db", d]),
    )
}

#[test]
fn an_ingest_killed_at_a_random_point_resumes_to_what_an_uninterrupted_run_stores() {
    let dir = temp_dir("kill");
    // 140 documents: the samples, 20 times under other ids, some of them changed.
    let input = dir.join("news.jsonl");
    let mut lines = String::new();
    for copy in 0..20 {
        for line in std::fs::read_to_string(samples()).unwrap().lines() {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            v["id"] = format!("{}-{copy}", v["id"].as_str().unwrap()).into();
            if let Some(u) = v["url"].as_str() {
                v["url"] = format!("{u}?copy={copy}").into();
            }
            if copy % 3 == 1 {
                let t = v["text"].as_str().unwrap().to_string();
                v["text"] = format!("{t} Officials said talks would resume.").into();
            }
            lines.push_str(&v.to_string());
            lines.push('\n');
        }
    }
    std::fs::write(&input, lines).unwrap();
    let input = input.to_str().unwrap();
    let opts = ["--threads", "1", "--batch", "3"];

    let whole = dir.join("whole.db");
    let start = Instant::now();
    ingest(&whole, input, &opts);
    let took = start.elapsed();
    let expected = snapshot(&whole);
    assert_eq!(expected.0["documents"], 140);

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    for round in 0..2u64 {
        let db = dir.join(format!("killed-{round}.db"));
        // Somewhere between model loading and the end of the run.
        let frac = 0.2 + ((seed >> (round * 8)) % 70) as f64 / 100.0;
        let mut child = herald()
            .args(["ingest", "--db", db.to_str().unwrap(), input])
            .args(opts)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(took.mul_f64(frac));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        ingest(&db, input, &opts);
        let got = snapshot(&db);
        assert_eq!(
            got.0, expected.0,
            "counts after a kill at {frac:.2} of the run"
        );
        assert!(
            got.1 == expected.1,
            "events differ after a kill at {frac:.2} of the run"
        );
        assert!(
            got.2 == expected.2,
            "knowledge differs after a kill at {frac:.2} of the run"
        );
    }
}

/// Every tag in `page` is one herald writes, with no event handler and no script link: the
/// article's own markup can only have reached the page as text.
fn assert_only_herald_markup(page: &str) {
    const TAGS: &[&str] = &[
        "!doctype",
        "html",
        "head",
        "meta",
        "title",
        "link",
        "body",
        "header",
        "nav",
        "main",
        "a",
        "h1",
        "h2",
        "p",
        "span",
        "article",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "ul",
        "ol",
        "li",
        "b",
        "blockquote",
        "dl",
        "dt",
        "dd",
        "form",
        "label",
        "input",
        "button",
        "svg",
        "rect",
        "line",
        "text",
        "polyline",
        "path",
        "circle",
        "defs",
        "marker",
        "section",
        "div",
    ];
    let mut rest = page;
    while let Some(i) = rest.find('<') {
        let tag = &rest[i + 1..];
        let end = tag.find('>').expect("an unclosed tag");
        let inner = tag[..end].trim_start_matches('/');
        let name = inner
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap()
            .to_lowercase();
        assert!(
            TAGS.contains(&name.as_str()),
            "<{name}> reached a page: <{}>",
            &tag[..end]
        );
        // Attributes: name=value pairs outside quoted values.
        let mut in_quote = None;
        let mut word = String::new();
        let mut value = String::new();
        let mut attr: Option<String> = None;
        let check = |attr: &str, value: &str| {
            assert!(!attr.starts_with("on"), "event handler {attr} in <{inner}>");
            if matches!(
                attr,
                "href" | "src" | "action" | "xlink:href" | "formaction"
            ) {
                let v = value.trim().to_lowercase();
                assert!(
                    !v.starts_with("javascript:") && !v.starts_with("data:"),
                    "script link in <{inner}>"
                );
            }
        };
        for c in inner.chars() {
            match (in_quote, c) {
                (Some(q), c) if c == q => {
                    in_quote = None;
                    if let Some(a) = attr.take() {
                        check(&a, &value);
                    }
                    value.clear();
                }
                (Some(_), c) => value.push(c),
                (None, '"' | '\'') => in_quote = Some(c),
                (None, '=') => {
                    attr = Some(word.trim().to_lowercase());
                    word.clear();
                }
                (None, c) if c.is_whitespace() => {
                    if let Some(a) = attr.take() {
                        check(&a, &word); // an unquoted value
                    }
                    word.clear();
                }
                (None, c) => word.push(c),
            }
        }
        if let Some(a) = attr.take() {
            check(&a, &word);
        }
        rest = &tag[end + 1..];
    }
}

/// A running `herald serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(db: &Path, token: Option<&str>) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let mut cmd = herald();
    cmd.args(["serve", "--db", db.to_str().unwrap(), "--addr", &addr])
        .env_remove("HERALD_TOKEN")
        .stderr(Stdio::null());
    if let Some(t) = token {
        cmd.args(["--token", t]);
    }
    let child = cmd.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(&addr).is_err() {
        assert!(Instant::now() < deadline, "herald serve did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Server { child, addr }
}

/// One HTTP/1.1 exchange: status and body.
fn http(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    let _ = s.write_all(body);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn get(addr: &str, path: &str) -> (u16, String) {
    http(addr, "GET", path, &[], b"")
}

#[test]
fn a_hostile_article_is_shown_as_text_everywhere() {
    let dir = temp_dir("hostile");
    let db = dir.join("h.db");
    ingest(&db, &fixture("hostile.jsonl"), &[]);
    ingest(&db, &samples(), &[]);
    let srv = serve(&db, None);
    let id = "hostile%3Cscript%3Ealert%281%29%3C%2Fscript%3E";
    let (status, doc) = get(&srv.addr, &format!("/doc/{id}"));
    assert_eq!(status, 200, "{doc}");
    assert!(doc.contains("Doha"));
    let (_, events) = get(&srv.addr, "/events");
    let event_id = events
        .split("href=\"/event/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let pages = [
        doc,
        get(&srv.addr, "/").1,
        events,
        get(&srv.addr, "/search?q=script+alert").1,
        get(&srv.addr, "/search").1,
        get(&srv.addr, &format!("/event/{event_id}")).1,
        get(&srv.addr, "/map").1,
        get(&srv.addr, "/network").1,
        get(&srv.addr, "/events?actor=%3Cscript%3E").1,
        get(&srv.addr, "/dyad?source=%22%3E%3Cscript%3E&target=X").1,
    ];
    for page in &pages {
        assert_only_herald_markup(page);
    }
    assert!(pages[0].contains("&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;"));
    // The JSON API returns the text as data (JSON-escaped), typed as JSON.
    let (status, json) = get(&srv.addr, &format!("/api/documents/{id}"));
    assert_eq!(status, 200);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["text"].as_str().unwrap().starts_with("<script>"));
}

#[test]
fn the_service_is_read_only_without_a_token_and_answers_bad_requests() {
    let dir = temp_dir("service");
    let db = dir.join("h.db");
    ingest(&db, &samples(), &[]);
    let before = stats(&db);
    let doc = br#"{"id": "new-1", "date": "2025-05-20", "text": "Egypt hosted talks between Israel and Hamas in Cairo on Tuesday."}"#;
    {
        let srv = serve(&db, None);
        let (status, body) = http(&srv.addr, "POST", "/api/documents", &[], doc);
        assert_eq!(status, 403, "{body}");
        for (path, want) in [
            ("/api/events?quad=9", 400),
            ("/api/events?from=yesterday", 400),
            ("/api/events?code=1%27%20OR%201", 400),
            ("/api/events?limit=-4", 400),
            ("/api/events/abc", 400),
            ("/api/events/99999999", 404),
            ("/api/documents/nope", 404),
            ("/api/series?source=USA", 400),
            ("/event/1e99", 400),
            ("/no/such/page", 404),
            ("/api/search?q=%22%28%2A%20AND", 200),
            (
                "/api/events?actor=USA%27%3B%20DROP%20TABLE%20events%3B--",
                200,
            ),
            ("/api/stats", 200),
            ("/openapi.yaml", 200),
        ] {
            let (status, body) = get(&srv.addr, path);
            assert_eq!(status, want, "{path}: {body}");
        }
        // Still serving, nothing changed.
        assert_eq!(get(&srv.addr, "/api/stats").0, 200);
    }
    assert_eq!(stats(&db), before);

    let srv = serve(&db, Some("correct-horse-battery"));
    let (status, _) = http(&srv.addr, "POST", "/api/documents", &[], doc);
    assert_eq!(status, 401);
    let (status, _) = http(
        &srv.addr,
        "POST",
        "/api/documents",
        &[("Authorization", "Bearer wrong-token-xyz")],
        doc,
    );
    assert_eq!(status, 403);
    let big = vec![b'x'; 9 << 20];
    let (status, _) = http(
        &srv.addr,
        "POST",
        "/api/documents",
        &[("Authorization", "Bearer correct-horse-battery")],
        &big,
    );
    assert_eq!(status, 413);
    let (status, body) = http(
        &srv.addr,
        "POST",
        "/api/documents",
        &[("Authorization", "Bearer correct-horse-battery")],
        doc,
    );
    assert_eq!(status, 200, "{body}");
    let report: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(report["stored"], 1);
    let (_, body) = http(
        &srv.addr,
        "POST",
        "/api/documents",
        &[("Authorization", "Bearer correct-horse-battery")],
        doc,
    );
    let report: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (report["stored"].as_i64(), report["already_stored"].as_i64()),
        (Some(0), Some(1))
    );
    let (_, s) = get(&srv.addr, "/api/stats");
    let s: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(
        s["documents"].as_i64(),
        before["documents"].as_i64().map(|n| n + 1)
    );
}

#[test]
#[should_panic(expected = "event handler")]
fn the_markup_check_catches_event_handlers() {
    assert_only_herald_markup("<p>ok</p><span title=\"x\" onmouseover=\"alert(1)\">x</span>");
}

#[test]
#[should_panic(expected = "reached a page")]
fn the_markup_check_catches_foreign_tags() {
    assert_only_herald_markup("<p>ok</p><script>alert(1)</script>");
}

#[test]
#[should_panic(expected = "script link")]
fn the_markup_check_catches_script_links() {
    assert_only_herald_markup("<a href=\" JavaScript:alert(1)\">x</a>");
}

#[test]
fn bad_input_is_reported_and_the_rest_is_stored() {
    let dir = temp_dir("bad-input");
    let db = dir.join("h.db");
    let jsonl = dir.join("mixed.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"good-1\", \"date\": \"2025-05-19\", \"text\": \"Egypt hosted talks between Israel and Hamas in Cairo on Monday.\"}\n\
         {\"id\": \"broken\", \"text\": \n\
         {\"id\": \"no-text\"}\n\
         {\"id\": \"good-2\", \"date\": \"2025-05-20\", \"text\": \"Qatar urged Israel to end the war in Gaza.\"}\n",
    )
    .unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 owners in Gaza protested.").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let out = herald()
        .args([
            "ingest",
            "--db",
            db.to_str().unwrap(),
            "--date",
            "2025-05-19",
        ])
        .args([&jsonl, &latin1, &empty].map(|p| p.to_str().unwrap().to_string()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mixed.jsonl: line 2"), "{err}");
    assert!(err.contains("mixed.jsonl: line 3"), "{err}");
    assert!(err.contains("latin1.txt") && err.contains("UTF-8"), "{err}");
    assert!(err.contains("empty.txt"), "{err}");
    let s = stats(&db);
    assert_eq!(s["documents"], 2, "{s}");
}
