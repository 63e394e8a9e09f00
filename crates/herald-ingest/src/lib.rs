//! Readers that turn files and standard input into [`Document`]s.
//!
//! [`read_source`] streams the documents of one source (a path, or `-` for stdin) as
//! `Result<Document, IngestError>` items: a malformed line yields an error item and reading goes on
//! with the next line, so one bad record never costs the batch. Documents are never all held in
//! memory at once.
//!
//! ```
//! use herald_ingest::{read_jsonl, SourceOptions};
//! let input = b"{\"id\": \"a\", \"text\": \"Trump urged Netanyahu.\", \"date\": \"2025-05-21\"}\nnot json\n";
//! let items: Vec<_> = read_jsonl("mem.jsonl", &input[..], &SourceOptions::default()).collect();
//! assert!(items[0].is_ok());
//! assert_eq!(items[1].as_ref().unwrap_err().to_string(),
//!            "mem.jsonl: line 2: invalid JSON: expected ident at line 1 column 2");
//! ```
#![deny(missing_docs)]

use herald_doc::Document;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// What can go wrong reading input. Every variant names the input; line-based formats also the
/// line (1-based).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The input.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The input is not valid UTF-8.
    #[error("{path}: {}invalid UTF-8 at byte {byte}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    InvalidUtf8 {
        /// The input.
        path: String,
        /// Line of the bad byte, for line-based inputs.
        line: Option<usize>,
        /// Byte offset of the first bad byte (within the line for line-based inputs).
        byte: usize,
    },
    /// A JSONL line is not a JSON object of the expected shape.
    #[error("{path}: line {line}: invalid JSON: {message}")]
    Json {
        /// The input.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What the JSON parser said.
        message: String,
    },
    /// A JSONL record lacks a required field or has it empty.
    #[error("{path}: line {line}: missing field \"{field}\"")]
    MissingField {
        /// The input.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The field.
        field: &'static str,
    },
    /// A date is not `YYYY-MM-DD`.
    #[error("{path}: {}invalid date \"{value}\" (expected YYYY-MM-DD)", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    BadDate {
        /// The input.
        path: String,
        /// Line, for line-based inputs.
        line: Option<usize>,
        /// The offending value.
        value: String,
    },
    /// The input holds no text at all.
    #[error("{path}: empty input")]
    Empty {
        /// The input.
        path: String,
    },
    /// The input looks like binary data, not text.
    #[error("{path}: {}looks like binary data (control byte 0x{byte_value:02x} at byte {byte}), not text", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    Binary {
        /// The input.
        path: String,
        /// Line, for line-based inputs.
        line: Option<usize>,
        /// Offset of the first control byte.
        byte: usize,
        /// Its value.
        byte_value: u8,
    },
}

/// How to read sources.
#[derive(Debug, Clone, Default)]
pub struct SourceOptions {
    /// Publication date for `.txt` documents and JSONL records without one (`YYYY-MM-DD`).
    pub date: Option<String>,
}

/// True if `s` is a plausible `YYYY-MM-DD` calendar date.
pub fn is_valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(y), Some(m), Some(d)) => {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ];
            (1..=12).contains(&m) && d >= 1 && d <= days[(m - 1) as usize]
        }
        _ => false,
    }
}

/// The first byte that marks `bytes` as binary rather than text: NUL or another C0 control
/// other than tab, newline, carriage return and form feed.
fn first_binary_byte(bytes: &[u8]) -> Option<(usize, u8)> {
    bytes
        .iter()
        .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .map(|i| (i, bytes[i]))
}

/// Read one whole text as a single document with id `id`.
pub fn read_text(
    path: &str,
    id: &str,
    bytes: Vec<u8>,
    opts: &SourceOptions,
) -> Result<Document, IngestError> {
    let text = String::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        path: path.to_string(),
        line: None,
        byte: e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(IngestError::Empty {
            path: path.to_string(),
        });
    }
    if let Some((byte, byte_value)) = first_binary_byte(text.as_bytes()) {
        return Err(IngestError::Binary {
            path: path.to_string(),
            line: None,
            byte,
            byte_value,
        });
    }
    if let Some(d) = &opts.date {
        if !is_valid_date(d) {
            return Err(IngestError::BadDate {
                path: path.to_string(),
                line: None,
                value: d.clone(),
            });
        }
    }
    Ok(Document {
        id: id.to_string(),
        date: opts.date.clone(),
        text,
        ..Document::default()
    })
}

/// The record shape of a JSONL line (DESIGN.md); unknown fields are ignored.
#[derive(serde::Deserialize)]
struct JsonRecord {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    url: Option<String>,
    source: Option<String>,
    title: Option<String>,
}

/// Parse one JSONL line (without its newline) into a document.
fn parse_json_line(
    path: &str,
    line_no: usize,
    raw: &[u8],
    opts: &SourceOptions,
) -> Result<Document, IngestError> {
    let line = std::str::from_utf8(raw).map_err(|e| IngestError::InvalidUtf8 {
        path: path.to_string(),
        line: Some(line_no),
        byte: e.valid_up_to(),
    })?;
    let rec: JsonRecord = serde_json::from_str(line).map_err(|e| IngestError::Json {
        path: path.to_string(),
        line: line_no,
        message: e.to_string(),
    })?;
    let id = match rec.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => {
            return Err(IngestError::MissingField {
                path: path.to_string(),
                line: line_no,
                field: "id",
            })
        }
    };
    let text = match rec.text {
        Some(t) if !t.trim().is_empty() => t,
        _ => {
            return Err(IngestError::MissingField {
                path: path.to_string(),
                line: line_no,
                field: "text",
            })
        }
    };
    if let Some((byte, byte_value)) = first_binary_byte(text.as_bytes()) {
        return Err(IngestError::Binary {
            path: path.to_string(),
            line: Some(line_no),
            byte,
            byte_value,
        });
    }
    let date = rec
        .date
        .filter(|d| !d.is_empty())
        .or_else(|| opts.date.clone());
    if let Some(d) = &date {
        if !is_valid_date(d) {
            return Err(IngestError::BadDate {
                path: path.to_string(),
                line: Some(line_no),
                value: d.clone(),
            });
        }
    }
    Ok(Document {
        id,
        url: rec.url,
        source: rec.source,
        date,
        title: rec.title,
        text,
    })
}

/// Stream the documents of a JSONL input, one per non-blank line.
pub fn read_jsonl<'a, R: Read + 'a>(
    path: &'a str,
    reader: R,
    opts: &'a SourceOptions,
) -> impl Iterator<Item = Result<Document, IngestError>> + 'a {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    let mut seen_any = false;
    let mut done = false;
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Err(e) => {
                done = true;
                return Some(Err(IngestError::Io {
                    path: path.to_string(),
                    source: e,
                }));
            }
            Ok(0) => {
                done = true;
                if !seen_any {
                    return Some(Err(IngestError::Empty {
                        path: path.to_string(),
                    }));
                }
                return None;
            }
            Ok(_) => {
                line_no += 1;
                while matches!(buf.last(), Some(b'\n' | b'\r')) {
                    buf.pop();
                }
                if buf.iter().all(|b| b.is_ascii_whitespace()) {
                    continue;
                }
                seen_any = true;
                return Some(parse_json_line(path, line_no, &buf, opts));
            }
        }
    })
}

/// Which reader a source needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// One document per line.
    Jsonl,
    /// The whole input is one document.
    Text,
    /// Reuters-21578 SGML: many `<REUTERS>` records per file.
    ReutersSgml,
}

fn unescape_sgml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 8);
        match end {
            Some(e) => {
                let ent = &tail[1..e];
                let rep = match ent {
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "amp" => Some('&'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => ent
                        .strip_prefix('#')
                        .and_then(|n| n.parse::<u32>().ok())
                        .and_then(char::from_u32),
                };
                match rep {
                    // Control characters in Reuters' wire headers are dropped, not kept as text.
                    Some(c) if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
                    Some(c) => out.push(c),
                    None => out.push_str(&tail[..=e]),
                }
                rest = &tail[e + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}

/// Reuters "26-FEB-1987 15:01:01.79" to "1987-02-26".
fn reuters_date(s: &str) -> Option<String> {
    let s = s.trim();
    let mut parts = s.split(|c: char| c == '-' || c == ' ');
    let d: u32 = parts.next()?.trim().parse().ok()?;
    let m = parts.next()?.to_ascii_uppercase();
    let y: u32 = parts.next()?.trim().parse().ok()?;
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    let mi = MONTHS.iter().position(|x| *x == m)? + 1;
    Some(format!("{y:04}-{mi:02}-{d:02}"))
}

/// Read the articles of a Reuters-21578 SGML file (records without a body are skipped; bytes
/// that are not UTF-8 are replaced, as the 1987 wire text is Latin-1 in places).
pub fn read_reuters_sgml(path: &str, bytes: &[u8]) -> Vec<Result<Document, IngestError>> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::new();
    for rec in text.split("<REUTERS").skip(1) {
        let id = between(rec, "NEWID=\"", "\"").unwrap_or("?").to_string();
        let Some(body) = between(rec, "<BODY>", "</BODY>") else {
            continue;
        };
        // The wire's sign-off ("Reuter", "REUTER") is not part of the story.
        let mut body = unescape_sgml(body).trim().to_string();
        for sign in ["Reuter", "REUTER"] {
            if let Some(rest) = body.strip_suffix(sign) {
                body = rest.trim_end().to_string();
            }
        }
        if body.is_empty() {
            continue;
        }
        out.push(Ok(Document {
            id: format!("reuters-{id}"),
            source: Some("Reuters".into()),
            date: between(rec, "<DATE>", "</DATE>").and_then(reuters_date),
            title: between(rec, "<TITLE>", "</TITLE>").map(unescape_sgml),
            text: body,
            url: None,
        }));
    }
    if out.is_empty() {
        out.push(Err(IngestError::Empty {
            path: path.to_string(),
        }));
    }
    out
}

/// Guess the kind of a path from its extension: `.jsonl`/`.ndjson`/`.json` are JSONL, anything
/// else is text.
pub fn kind_of_path(path: &str) -> SourceKind {
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "jsonl" | "ndjson" | "json" => SourceKind::Jsonl,
        "sgm" => SourceKind::ReutersSgml,
        _ => SourceKind::Text,
    }
}

/// Stream the documents of one source: a file path, or `-` for standard input (JSONL if its
/// first non-blank byte is `{`, else one text document with id `stdin`).
pub fn read_source<'a>(
    path: &'a str,
    opts: &'a SourceOptions,
) -> Box<dyn Iterator<Item = Result<Document, IngestError>> + 'a> {
    if path == "-" {
        let mut stdin = std::io::stdin().lock();
        let mut head = Vec::new();
        // Peek at the first non-blank byte to choose the reader, keeping what was read.
        loop {
            let mut byte = [0u8; 1];
            match stdin.read(&mut byte) {
                Ok(0) => break,
                Ok(_) => {
                    head.push(byte[0]);
                    if !byte[0].is_ascii_whitespace() {
                        break;
                    }
                }
                Err(e) => {
                    return Box::new(std::iter::once(Err(IngestError::Io {
                        path: "<stdin>".into(),
                        source: e,
                    })))
                }
            }
        }
        let is_json = head.last() == Some(&b'{');
        let chained = std::io::Cursor::new(head).chain(stdin);
        if is_json {
            return Box::new(read_jsonl("<stdin>", chained, opts));
        }
        let mut bytes = Vec::new();
        let mut chained = chained;
        if let Err(e) = chained.read_to_end(&mut bytes) {
            return Box::new(std::iter::once(Err(IngestError::Io {
                path: "<stdin>".into(),
                source: e,
            })));
        }
        return Box::new(std::iter::once(read_text("<stdin>", "stdin", bytes, opts)));
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return Box::new(std::iter::once(Err(IngestError::Io {
                path: path.to_string(),
                source: e,
            })))
        }
    };
    match kind_of_path(path) {
        SourceKind::Jsonl => Box::new(read_jsonl(path, file, opts)),
        SourceKind::ReutersSgml => {
            let mut bytes = Vec::new();
            let mut file = file;
            if let Err(e) = file.read_to_end(&mut bytes) {
                return Box::new(std::iter::once(Err(IngestError::Io {
                    path: path.to_string(),
                    source: e,
                })));
            }
            Box::new(read_reuters_sgml(path, &bytes).into_iter())
        }
        SourceKind::Text => {
            let mut bytes = Vec::new();
            let mut file = file;
            if let Err(e) = file.read_to_end(&mut bytes) {
                return Box::new(std::iter::once(Err(IngestError::Io {
                    path: path.to_string(),
                    source: e,
                })));
            }
            let id = Path::new(path)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or(path)
                .to_string();
            Box::new(std::iter::once(read_text(path, &id, bytes, opts)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: &[u8]) -> Vec<Result<Document, String>> {
        let opts = SourceOptions {
            date: Some("2025-05-21".into()),
        };
        read_jsonl("t.jsonl", input, &opts)
            .map(|r| r.map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn jsonl_good_and_bad_lines_keep_going() {
        let input = b"{\"id\":\"1\",\"text\":\"One.\"}\n{broken\n\n{\"id\":\"3\"}\n{\"id\":4,\"text\":\"Four.\",\"date\":\"2025-02-30\"}\n{\"id\":\"5\",\"text\":\"Five.\",\"date\":\"2024-02-29\",\"url\":\"u\"}\n";
        let r = collect(input);
        assert_eq!(r.len(), 5);
        assert_eq!(r[0].as_ref().unwrap().date.as_deref(), Some("2025-05-21"));
        assert!(r[1]
            .as_ref()
            .unwrap_err()
            .starts_with("t.jsonl: line 2: invalid JSON"));
        assert_eq!(
            r[2].as_ref().unwrap_err(),
            "t.jsonl: line 4: missing field \"text\""
        );
        assert_eq!(
            r[3].as_ref().unwrap_err(),
            "t.jsonl: line 5: invalid date \"2025-02-30\" (expected YYYY-MM-DD)"
        );
        let five = r[4].as_ref().unwrap();
        assert_eq!((five.id.as_str(), five.url.as_deref()), ("5", Some("u")));
    }

    #[test]
    fn invalid_utf8_names_line_and_byte() {
        let mut input = b"{\"id\":\"1\",\"text\":\"ok\"}\n{\"id\":\"2\",\"text\":\"bad ".to_vec();
        input.extend_from_slice(&[0xff, 0xfe]);
        input.extend_from_slice(b"\"}\n{\"id\":\"3\",\"text\":\"fine\"}");
        let r = collect(&input);
        assert_eq!(r.len(), 3);
        assert_eq!(
            r[1].as_ref().unwrap_err(),
            "t.jsonl: line 2: invalid UTF-8 at byte 22"
        );
        assert_eq!(r[2].as_ref().unwrap().text, "fine");
    }

    #[test]
    fn empty_input_is_an_error() {
        assert_eq!(collect(b"").len(), 1);
        assert_eq!(
            collect(b"\n  \n")[0].as_ref().unwrap_err(),
            "t.jsonl: empty input"
        );
        let e = read_text("a.txt", "a", b"   \n".to_vec(), &SourceOptions::default()).unwrap_err();
        assert_eq!(e.to_string(), "a.txt: empty input");
    }

    #[test]
    fn binary_junk_is_rejected_with_position() {
        let e = read_text(
            "junk.bin",
            "j",
            b"PK\x03\x04\x00\x00rest".to_vec(),
            &SourceOptions::default(),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "junk.bin: looks like binary data (control byte 0x03 at byte 2), not text"
        );
        let e = read_text(
            "x.txt",
            "x",
            vec![b'a', 0xc3, 0x28],
            &SourceOptions::default(),
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "x.txt: invalid UTF-8 at byte 1");
    }

    #[test]
    fn json_escaped_control_chars_are_binary() {
        let r = collect(b"{\"id\":\"1\",\"text\":\"a\\u0000b\"}\n");
        assert!(r[0]
            .as_ref()
            .unwrap_err()
            .contains("line 1: looks like binary data"));
    }

    #[test]
    fn reuters_sgml_records() {
        let sgm = b"<REUTERS NEWID=\"7\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>&#2;\n<TITLE>BAHIA &amp; COCOA</TITLE>\n<BODY>Showers continued &lt;here&gt;.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n<REUTERS NEWID=\"8\"><TEXT>no body</TEXT></REUTERS>\n<REUTERS NEWID=\"9\"><TEXT><BODY>Prices fell.\n REUTER\n&#3;</BODY></TEXT></REUTERS>";
        let docs = read_reuters_sgml("r.sgm", sgm);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].as_ref().unwrap().text, "Prices fell.");
        let d = docs[0].as_ref().unwrap();
        assert_eq!(
            (d.id.as_str(), d.date.as_deref(), d.title.as_deref()),
            ("reuters-7", Some("1987-02-26"), Some("BAHIA & COCOA"))
        );
        assert_eq!(d.text, "Showers continued <here>.");
    }

    #[test]
    fn dates_are_checked() {
        assert!(is_valid_date("2024-02-29"));
        assert!(!is_valid_date("2023-02-29"));
        assert!(!is_valid_date("2025-13-01"));
        assert!(!is_valid_date("21-05-2025"));
        let e = read_text(
            "a.txt",
            "a",
            b"x".to_vec(),
            &SourceOptions {
                date: Some("May 21".into()),
            },
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.txt: invalid date \"May 21\" (expected YYYY-MM-DD)"
        );
    }

    #[test]
    fn large_article_is_read_whole() {
        let sentence = "Israeli officials criticised the decision on Monday. ";
        let text: String = sentence.repeat(50 * 1024 * 1024 / sentence.len() + 1);
        let line = serde_json::json!({"id": "big", "text": text}).to_string();
        let r = collect(line.as_bytes());
        assert_eq!(r[0].as_ref().unwrap().text.len(), text.len());
    }
}
