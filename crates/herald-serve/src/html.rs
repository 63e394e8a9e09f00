//! HTML pieces. Article text is untrusted: everything that reaches a page goes through [`esc`]
//! (text and quoted attribute values alike), and links from articles are kept only when they
//! are plain http(s) addresses.

/// Escape text for HTML text and for double- or single-quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encode a value for a URL query or path segment.
pub fn url_part(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// An article's own URL as a link, if it is an http(s) address; else the escaped text only
/// (no `javascript:` or `data:` link ever reaches a page).
pub fn outside_link(url: &str) -> String {
    let lower = url.trim().to_ascii_lowercase();
    if (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        format!(
            "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>",
            esc(url),
            esc(url)
        )
    } else {
        esc(url)
    }
}

/// A highlighted stretch of text: code-point offsets, a CSS class, a tooltip.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// First code point.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// CSS class (`trigger`, `source`, `target`, `quote`, `place`, `entity`).
    pub class: &'static str,
    /// Tooltip.
    pub title: String,
    /// An anchor id placed at the start, if any.
    pub anchor: Option<String>,
}

/// `text` with its marks as nested-free HTML: the text is cut at every mark boundary and each
/// piece carries the classes of the marks over it, so overlapping marks need no nesting.
pub fn highlight(text: &str, marks: &[Mark]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let marks: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.start < m.end && m.end <= n)
        .collect();
    let mut cuts: Vec<usize> = vec![0, n];
    for m in &marks {
        cuts.push(m.start);
        cuts.push(m.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        for m in marks.iter().filter(|m| m.start == a) {
            if let Some(id) = &m.anchor {
                out.push_str(&format!("<a class=\"anchor\" id=\"{}\"></a>", esc(id)));
            }
        }
        let piece: String = chars[a..b].iter().collect();
        let over: Vec<&&Mark> = marks
            .iter()
            .filter(|m| m.start <= a && b <= m.end)
            .collect();
        if over.is_empty() {
            out.push_str(&esc(&piece));
        } else {
            let mut classes: Vec<&str> = over.iter().map(|m| m.class).collect();
            classes.sort_unstable();
            classes.dedup();
            let title: Vec<&str> = over
                .iter()
                .map(|m| m.title.as_str())
                .filter(|t| !t.is_empty())
                .collect();
            out.push_str(&format!(
                "<span class=\"{}\" title=\"{}\">{}</span>",
                esc(&classes.join(" ")),
                esc(&title.join(" · ")),
                esc(&piece)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_inert() {
        let s = esc("<script>alert('x')</script>\" onmouseover=\"x");
        assert!(!s.contains('<') && !s.contains('"') && !s.contains('\''));
        assert_eq!(outside_link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(outside_link(" JavaScript:alert(1)"), " JavaScript:alert(1)");
        assert!(outside_link("https://example.org/a?b=1&c=2").contains("&amp;"));
        assert!(!outside_link("https://example.org/\"><script>").contains("<script>"));
        assert_eq!(url_part("USA GOV/&"), "USA%20GOV%2F%26");
    }

    #[test]
    fn overlapping_marks_become_flat_pieces() {
        let text = "Trump urged Netanyahu <b>";
        let marks = [
            Mark {
                start: 0,
                end: 5,
                class: "source",
                title: "USA".into(),
                anchor: None,
            },
            Mark {
                start: 0,
                end: 21,
                class: "quote",
                title: String::new(),
                anchor: None,
            },
            Mark {
                start: 6,
                end: 11,
                class: "trigger",
                title: "0256".into(),
                anchor: Some("m0".into()),
            },
        ];
        let h = highlight(text, &marks);
        assert!(h.starts_with("<span class=\"quote source\" title=\"USA\">Trump</span>"));
        assert!(h.contains("<a class=\"anchor\" id=\"m0\"></a><span class=\"quote trigger\""));
        assert!(h.ends_with(" &lt;b&gt;"));
    }
}
