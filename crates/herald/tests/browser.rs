//! The dashboard in a real browser: Debian's headless Chromium driven over WebDriver
//! (chromedriver). Load the events page, filter it, open an event, see its evidence highlighted,
//! follow it into the article.
//!
//! Needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium and
//! chromium-driver; `.ci/run` installs them). Without them the test says so and passes, unless
//! HERALD_BROWSER_TESTS=1 (as in CI), where a missing browser is a failure.

use serde_json::{json, Value};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for(addr: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(addr).is_err() {
        assert!(Instant::now() < deadline, "nothing listens on {addr}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A WebDriver session.
struct Browser {
    base: String,
    agent: ureq::Agent,
}

impl Browser {
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.base);
        let req = self.agent.request(method, &url);
        let resp = match body {
            Some(b) => req.send_json(b),
            None => req.call(),
        };
        let v: Value = match resp {
            Ok(r) => r.into_json().unwrap(),
            Err(ureq::Error::Status(code, r)) => {
                panic!(
                    "WebDriver {method} {path}: {code} {}",
                    r.into_string().unwrap()
                )
            }
            Err(e) => panic!("WebDriver {method} {path}: {e}"),
        };
        v["value"].clone()
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn find(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        );
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_string()
    }

    fn find_all(&self, css: &str) -> Vec<String> {
        let v = self.call(
            "POST",
            "/elements",
            Some(json!({ "using": "css selector", "value": css })),
        );
        v.as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e.as_object()?.values().next()?.as_str().map(String::from))
            .collect()
    }

    fn text(&self, el: &str) -> String {
        self.call("GET", &format!("/element/{el}/text"), None)
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    fn css(&self, el: &str, prop: &str) -> String {
        self.call("GET", &format!("/element/{el}/css/{prop}"), None)
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    fn attr(&self, el: &str, name: &str) -> Option<String> {
        self.call("GET", &format!("/element/{el}/attribute/{name}"), None)
            .as_str()
            .map(String::from)
    }

    fn click(&self, el: &str) {
        self.call("POST", &format!("/element/{el}/click"), Some(json!({})));
    }

    fn type_into(&self, el: &str, text: &str) {
        self.call(
            "POST",
            &format!("/element/{el}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn url(&self) -> String {
        self.call("GET", "/url", None).as_str().unwrap().to_string()
    }

    /// Wait for a navigation a click started: until the URL contains `part` (10 s at most).
    fn wait_for_url(&self, part: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let url = self.url();
            if url.contains(part) || Instant::now() > deadline {
                return url;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn screenshot(&self, to: &Path) {
        let b64 = self.call("GET", "/screenshot", None);
        let _ = std::fs::write(to, b64.as_str().unwrap_or(""));
    }
}

fn herald() -> Command {
    Command::new(env!("CARGO_BIN_EXE_herald"))
}

#[test]
fn filter_open_an_event_and_see_its_evidence_highlighted() {
    if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
        assert!(
            std::env::var("HERALD_BROWSER_TESTS").as_deref() != Ok("1"),
            "HERALD_BROWSER_TESTS=1 but {CHROMIUM} or {CHROMEDRIVER} is missing"
        );
        eprintln!(
            "skipped: no {CHROMIUM} / {CHROMEDRIVER} (apt-get install chromium chromium-driver)"
        );
        return;
    }
    let dir: PathBuf = std::env::temp_dir().join(format!("herald-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("h.db");
    let samples = format!("{}/../../samples/news.jsonl", env!("CARGO_MANIFEST_DIR"));
    let st = herald()
        .args(["ingest", "--db", db.to_str().unwrap(), &samples])
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());

    let addr = format!("127.0.0.1:{}", free_port());
    let _server = Killed(
        herald()
            .args(["serve", "--db", db.to_str().unwrap(), "--addr", &addr])
            .env_remove("HERALD_TOKEN")
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let driver_port = free_port();
    let _driver = Killed(
        Command::new(CHROMEDRIVER)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_for(&addr);
    wait_for(&format!("127.0.0.1:{driver_port}"));

    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(60))
        .build();
    let profile = dir.join("profile");
    let caps = json!({ "capabilities": { "alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     "--window-size=1280,1000",
                     format!("--user-data-dir={}", profile.display())]
        }
    }}});
    let session: Value = agent
        .post(&format!("http://127.0.0.1:{driver_port}/session"))
        .send_json(caps)
        .expect("a Chromium session")
        .into_json()
        .unwrap();
    let id = session["value"]["sessionId"].as_str().unwrap().to_string();
    let b = Browser {
        base: format!("http://127.0.0.1:{driver_port}/session/{id}"),
        agent,
    };

    // Elements of a page still loading are waited for (5 s), not missed.
    b.call(
        "POST",
        "/timeouts",
        Some(json!({ "implicit": 5000, "pageLoad": 30000 })),
    );

    // Load: the events page lists events.
    b.go(&format!("http://{addr}/events"));
    let all = b.text(&b.find("#total"));
    let n_all: usize = all.split(' ').next().unwrap().parse().unwrap();
    assert!(n_all > 5, "{all}");

    // Filter: events of the US government, through the form.
    let field = b.find("#f-actor");
    b.type_into(&field, "USAGOV");
    b.click(&b.find("#apply"));
    let url = b.wait_for_url("actor=USAGOV");
    assert!(url.contains("actor=USAGOV"), "{url}");
    let total = b.text(&b.find("#total"));
    let n: usize = total.split(' ').next().unwrap().parse().unwrap();
    assert!(n > 0 && n < n_all, "{total} of {all}");
    for row in b.find_all("table.events tbody tr") {
        assert!(b.text(&row).contains("USAGOV"), "{}", b.text(&row));
    }

    // Open an event: its evidence sentence with the trigger highlighted.
    let open = b.find_all("a.open");
    let first_row = b.find_all("table.events tbody tr")[0].clone();
    let row_text = b.text(&first_row);
    b.click(&open[0]);
    let url = b.wait_for_url("/event/");
    assert!(url.contains("/event/"), "{url}");
    let sentence = b.find("blockquote.sentence");
    let trigger = b.find("blockquote.sentence .trigger");
    let word = b.text(&trigger);
    assert!(
        !word.is_empty() && row_text.contains(&word),
        "{word} not in {row_text}"
    );
    assert!(b.text(&sentence).contains(&word));
    let bg = b.css(&trigger, "background-color");
    assert!(
        bg.starts_with("rgb(255, 224, 138") || bg.starts_with("rgba(255, 224, 138, 1"),
        "{bg}"
    );
    b.screenshot(&dir.join("event.png.base64"));

    // Follow the evidence into the article: the same trigger highlighted there, at its anchor.
    let link = b.find(".evidence .meta a");
    let href = b.attr(&link, "href").unwrap();
    b.click(&link);
    let url = b.wait_for_url("/doc/");
    assert!(url.contains("/doc/"), "{url}");
    let anchor = href.rsplit('#').next().unwrap();
    b.find(&format!("#article a#{anchor}"));
    let marked: Vec<String> = b
        .find_all("#article .trigger")
        .iter()
        .map(|t| b.text(t))
        .collect();
    assert!(marked.contains(&word), "{word} not among {marked:?}");

    b.call("DELETE", "", None);
}
