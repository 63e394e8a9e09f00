//! Rule-based tokenizer and sentence splitter following UD English EWT conventions.
//!
//! Tokens are UD "words": clitics are split (`do` + `n't`, `Israel` + `’s`), hyphenated compounds
//! are split around the hyphen (`Iran - backed`) except after bound prefixes (`co-workers`,
//! `e-mail`), abbreviations keep their period (`U.S.`, `Mr.`), URLs and numbers stay whole.
//! Offsets are code points into the input text.

use herald_doc::Span;

/// A token before tagging: where it is, in bytes and code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    /// Byte range in the text.
    pub bytes: (usize, usize),
    /// Code-point range in the text.
    pub span: Span,
    /// True if the next character after the token is not whitespace.
    pub no_space_after: bool,
    /// True if a blank line (paragraph break) precedes this token.
    pub para_start: bool,
}

/// A sentence before tagging: a run of raw tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSentence {
    /// Tokens of the sentence.
    pub tokens: Vec<RawToken>,
}

impl RawSentence {
    /// Code-point span from the first to the last token.
    pub fn span(&self) -> Span {
        match (self.tokens.first(), self.tokens.last()) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }
}

/// Longest sentence the splitter emits; longer runs (lists, junk without punctuation) are cut so
/// that later stages stay linear.
pub const MAX_SENTENCE_TOKENS: usize = 200;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "col", "lt", "sgt",
    "capt", "maj", "adm", "cmdr", "cpl", "pvt", "st", "jr", "sr", "inc", "corp", "co", "ltd",
    "bros", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no",
    "nos", "vol", "pp", "fig", "ft", "mt", "ave", "blvd", "rd", "approx", "dept", "est", "govt",
    "hon", "messrs", "mme", "mlle", "rev", "ph.d", "p.m", "a.m", "e.g", "i.e", "u.s", "u.k", "u.n",
    "e.u", "cf", "al", "min", "max", "sq", "gens", "pres", "supt", "atty", "assn", "univ", "intl",
    "natl", "ore", "calif", "fla", "tex", "mass", "penn", "conn", "ariz", "colo", "mich", "minn",
    "wis", "wash", "va", "md", "pa", "ky", "tenn", "ala", "ga", "ill", "ind", "kan", "la", "miss",
    "mo", "neb", "nev", "okla", "del",
];

/// Abbreviations that often end a sentence; they end one when a usual sentence opener follows.
const FINAL_ABBREVIATIONS: &[&str] = &[
    "inc", "corp", "co", "ltd", "jr", "sr", "etc", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "bros",
];

const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "in",
    "but",
    "this",
    "that",
    "there",
    "on",
    "at",
    "for",
    "as",
    "after",
    "his",
    "her",
    "its",
    "their",
    "our",
    "if",
    "when",
    "while",
    "some",
    "many",
    "meanwhile",
    "however",
    "also",
    "and",
    "so",
    "both",
    "one",
    "officials",
    "analysts",
];

/// Bound prefixes that keep their hyphen (`co-workers`, `e-mail`): shared with the
/// dictionaries, which split names as this tokenizer does.
use herald_dict::HYPHEN_PREFIXES;

fn is_abbreviation(word_without_final_dot: &str) -> bool {
    let w = word_without_final_dot;
    if w.is_empty() {
        return false;
    }
    let lower = w.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let chars: Vec<char> = w.chars().collect();
    // Initials: "J" (from "J.")
    if chars.len() == 1 && chars[0].is_alphabetic() && chars[0].is_uppercase() {
        return true;
    }
    // Dotted letters: "U.S" / "a.m" / "D.C"
    if chars.len() >= 3
        && chars.iter().step_by(2).all(|c| c.is_alphabetic())
        && chars.iter().skip(1).step_by(2).all(|&c| c == '.')
    {
        return true;
    }
    false
}

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«' | '‹' | '¿' | '¡' | '`' | '„' | '*'
    )
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '"'
            | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '*'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '‒')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn looks_like_url(s: &str) -> bool {
    let l = s.trim_start_matches(|c: char| is_open_punct(c));
    let lower = l.get(..l.len().min(8)).unwrap_or("").to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https:/")
        || lower.starts_with("www.")
        || (l.contains('@') && l.contains('.') && !l.starts_with('@'))
}

/// Split a whitespace-free chunk into token byte ranges (relative to the chunk).
pub fn split_chunk(chunk: &str, out: &mut Vec<(usize, usize)>) {
    let mut start = 0usize;
    let mut end = chunk.len();
    // Leading punctuation and currency.
    let mut lead = Vec::new();
    while start < end {
        let c = chunk[start..end].chars().next().unwrap();
        let cl = c.len_utf8();
        if is_open_punct(c)
            || matches!(c, '$' | '€' | '£' | '¥' | '#' | '@')
                && start + cl < end
                && !looks_like_handle(&chunk[start..end])
        {
            // `` and '' as one token
            if (c == '`' || c == '\'') && chunk[start + cl..end].starts_with(c) {
                lead.push((start, start + 2 * cl));
                start += 2 * cl;
                continue;
            }
            lead.push((start, start + cl));
            start += cl;
        } else if is_dash(c) || (c == '-' && chunk[start..end].starts_with("--")) {
            let n = chunk[start..end].chars().take_while(|&d| d == c).count() * cl;
            lead.push((start, start + n));
            start += n;
        } else {
            break;
        }
    }
    // Trailing punctuation, collected in reverse.
    let mut trail = Vec::new();
    while end > start {
        let c = chunk[start..end].chars().next_back().unwrap();
        let cl = c.len_utf8();
        if c == '.' {
            let body = &chunk[start..end];
            // Ellipsis "..."
            let dots = body.chars().rev().take_while(|&d| d == '.').count();
            if dots >= 2 {
                trail.push((end - dots, end));
                end -= dots;
                continue;
            }
            let core = &body[..body.len() - 1];
            if is_abbreviation(core) {
                break;
            }
            trail.push((end - 1, end));
            end -= 1;
        } else if is_close_punct(c) {
            // Possessive apostrophe after plural s is its own token too ("parents'").
            if (c == '\'' || c == '’') && end - start > cl {
                let prev = chunk[start..end - cl].chars().next_back().unwrap();
                if !(prev.is_alphanumeric() || is_close_punct(prev) || prev == '.') {
                    trail.push((end - cl, end));
                    end -= cl;
                    continue;
                }
                if prev.is_alphabetic() && !matches!(prev, 's' | 'S') {
                    // "Sa’" style word-final apostrophe (rare): keep it as a closing quote.
                }
            }
            if (c == '\'' || c == '`')
                && end - start >= 2 * cl
                && chunk[start..end - cl].ends_with(c)
            {
                trail.push((end - 2 * cl, end));
                end -= 2 * cl;
                continue;
            }
            trail.push((end - cl, end));
            end -= cl;
        } else if is_dash(c) || (c == '-' && chunk[start..end].ends_with("--")) {
            let n = chunk[start..end]
                .chars()
                .rev()
                .take_while(|&d| d == c)
                .count()
                * cl;
            trail.push((end - n, end));
            end -= n;
        } else if c == '%' && end - start > 1 {
            trail.push((end - 1, end));
            end -= 1;
        } else {
            break;
        }
    }
    out.extend(lead);
    if start < end {
        split_core(chunk, start, end, out);
    }
    out.extend(trail.into_iter().rev());
}

fn looks_like_handle(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some('@') | Some('#') => it.next().is_some_and(|c| c.is_alphanumeric()),
        _ => false,
    }
}

/// Split the core of a chunk (no leading/trailing punctuation) into words.
fn split_core(chunk: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let core = &chunk[start..end];
    if looks_like_url(core) || looks_like_handle(core) {
        out.push((start, end));
        return;
    }
    // Special contractions.
    let lower = core.to_lowercase().replace('’', "'");
    let special: Option<usize> = match lower.as_str() {
        "cannot" => Some(3),
        "gonna" | "wanna" | "gotta" => Some(3),
        _ => None,
    };
    if let Some(k) = special {
        out.push((start, start + k));
        out.push((start + k, end));
        return;
    }
    // Clitics at the end.
    for clitic in ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"] {
        if lower.len() > clitic.len() && lower.ends_with(clitic) {
            // Find the byte offset of the clitic in the original core (apostrophe may be 3 bytes).
            let n_chars = clitic.chars().count();
            let cut = core
                .char_indices()
                .rev()
                .nth(n_chars - 1)
                .map(|(b, _)| b)
                .unwrap();
            if clitic == "n't" {
                let head = &core[..cut];
                if head.is_empty() || !head.chars().all(|c| c.is_alphabetic()) {
                    break;
                }
            } else {
                let head = &core[..cut];
                if !head
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric())
                {
                    break;
                }
                // The apostrophe must be a real apostrophe, and "’ar" in "Sa’ar" is not a clitic.
                if !core[cut..].starts_with(is_apostrophe) {
                    break;
                }
            }
            split_inner(chunk, start, start + cut, out);
            out.push((start + cut, end));
            return;
        }
    }
    split_inner(chunk, start, end, out);
}

/// Split a word on internal hyphens, dashes, slashes and runs of dots.
fn split_inner(chunk: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let word = &chunk[start..end];
    let has_digit = word.bytes().any(|b| b.is_ascii_digit());
    let mut piece_start = start;
    let mut iter = word.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = iter.next() {
        let abs = start + i;
        let next = iter.peek().map(|&(_, n)| n);
        let split_here = if is_dash(c) {
            true
        } else if c == '-' {
            let left = &chunk[piece_start..abs];
            let both_alpha = prev.is_some_and(|p| p.is_alphabetic())
                && next.is_some_and(|n| n.is_alphanumeric());
            let numeric_range = prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            (both_alpha && !HYPHEN_PREFIXES.contains(&left.to_lowercase().as_str()))
                || (numeric_range && !has_phone_shape(word))
                || (prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_alphabetic()))
        } else if c == '/' {
            prev.is_some_and(|p| p.is_alphabetic())
                && next.is_some_and(|n| n.is_alphabetic())
                && !has_digit
        } else if c == ',' || c == ';' {
            // "word,word": a missing space; "3,000" stays.
            prev.is_some_and(|p| p.is_alphabetic()) && next.is_some_and(|n| n.is_alphabetic())
        } else {
            false
        };
        if split_here {
            if piece_start < abs {
                out.push((piece_start, abs));
            }
            let mut stop = abs + c.len_utf8();
            // A run of the same dash is one token.
            while let Some(&(j, n)) = iter.peek() {
                if n == c {
                    stop = start + j + n.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            out.push((abs, stop));
            piece_start = stop;
        }
        prev = Some(c);
    }
    if piece_start < end {
        out.push((piece_start, end));
    }
}

fn has_phone_shape(word: &str) -> bool {
    word.chars().filter(|c| c.is_ascii_digit()).count() >= 7
        && word.chars().all(|c| c.is_ascii_digit() || c == '-')
}

/// Tokenize `text` into raw tokens with byte and code-point offsets.
pub fn tokenize(text: &str) -> Vec<RawToken> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut pieces = Vec::new();
    let mut cp = 0usize; // code-point index of the current byte position
    let mut newlines_since_token = 0usize;
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        // Skip whitespace, counting newlines for paragraph breaks.
        let c = text[i..].chars().next().unwrap();
        if c.is_whitespace() {
            if c == '\n' {
                newlines_since_token += 1;
            }
            i += c.len_utf8();
            cp += 1;
            continue;
        }
        // A chunk runs to the next whitespace.
        let chunk_start = i;
        let chunk_cp = cp;
        let mut j = i;
        for ch in text[i..].chars() {
            if ch.is_whitespace() {
                break;
            }
            j += ch.len_utf8();
        }
        let chunk = &text[chunk_start..j];
        pieces.clear();
        split_chunk(chunk, &mut pieces);
        // Convert piece byte ranges into code-point ranges by walking the chunk once.
        let mut walk_b = 0usize;
        let mut walk_cp = 0usize;
        let mut chars = chunk.char_indices().peekable();
        let mut cp_at = |target: usize| -> usize {
            while walk_b < target {
                let (_, ch) = chars.next().unwrap();
                walk_b += ch.len_utf8();
                walk_cp += 1;
            }
            let _ = chars.peek();
            walk_cp
        };
        let n = pieces.len();
        for (k, &(a, b)) in pieces.iter().enumerate() {
            let sa = cp_at(a);
            let sb = cp_at(b);
            tokens.push(RawToken {
                bytes: (chunk_start + a, chunk_start + b),
                span: Span::new(chunk_cp + sa, chunk_cp + sb),
                no_space_after: k + 1 < n
                    || (j < text.len() && !text[j..].starts_with(char::is_whitespace)),
                para_start: k == 0 && newlines_since_token >= 2,
            });
        }
        cp = chunk_cp + chunk.chars().count();
        i = j;
        newlines_since_token = 0;
    }
    tokens
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "?!" | "!?")
        || (s.len() >= 2 && s.chars().all(|c| c == '.' || c == '!' || c == '?'))
}

fn is_closing_after_terminal(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "''")
}

fn starts_sentence_like(s: &str) -> bool {
    let c = s.chars().next().unwrap_or(' ');
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '“' | '‘' | '(' | '[' | '\'' | '«' | '-' | '—' | '*' | '•'
        )
}

/// The number of tokens of a dateline at the start of `tokens`, dash included: an upper-case
/// place, then only capitalised words, numbers, commas, periods and a parenthesised outlet,
/// then a dash or a colon ("LYON: Interpol said …"), within 12 tokens, with more text after
/// it.
fn dateline_end<'a>(tokens: &[RawToken], word: impl Fn(&RawToken) -> &'a str) -> Option<usize> {
    let first = word(tokens.first()?);
    let caps = |w: &str| {
        w.chars().count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '-' || c == '\'')
            && w.chars().any(char::is_alphabetic)
    };
    if !caps(first) {
        return None;
    }
    for (k, t) in tokens.iter().enumerate().take(12).skip(1) {
        let w = word(t);
        if t.para_start {
            return None;
        }
        if matches!(w, "-" | "--" | "–" | "—" | ":") {
            return (k + 1 < tokens.len() && !tokens[k + 1].para_start).then_some(k + 1);
        }
        let ok = matches!(w, "," | "." | "(" | ")" | "/")
            || w.chars().all(|c| c.is_ascii_digit())
            || w.chars().next().is_some_and(char::is_uppercase);
        if !ok {
            return None;
        }
    }
    None
}

/// Split tokens into sentences.
pub fn split_sentences(text: &str, tokens: Vec<RawToken>) -> Vec<RawSentence> {
    let mut sentences = Vec::new();
    let mut current: Vec<RawToken> = Vec::new();
    let word = |t: &RawToken| &text[t.bytes.0..t.bytes.1];
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let t = tokens[i];
        if t.para_start && !current.is_empty() {
            sentences.push(RawSentence {
                tokens: std::mem::take(&mut current),
            });
        }
        // A wire dateline ("JERUSALEM (Reuters) -", "WASHINGTON, March 3 —") is a sentence of
        // its own: parsed with the report, its place becomes the subject of the first verb.
        if current.is_empty() && (i == 0 || t.para_start) {
            if let Some(end) = dateline_end(&tokens[i..], word) {
                sentences.push(RawSentence {
                    tokens: tokens[i..i + end].to_vec(),
                });
                i += end;
                continue;
            }
        }
        current.push(t);
        let w = word(&t);
        let mut boundary = false;
        if is_terminal(w) {
            // Attach closing quotes and brackets to this sentence.
            // A straight quote closes only a quote this sentence opened: in `said. "It's` it
            // opens the next one.
            let open_straight = |cur: &[RawToken]| {
                cur.iter()
                    .filter(|t| matches!(word(t), "\"" | "''" | "``"))
                    .count()
                    % 2
                    == 1
            };
            // Glued to the stop and followed by a space (`pro-life." Neither`), it closes a
            // quote opened sentences before.
            let glued_closing =
                |stop: &RawToken, q: &RawToken| stop.no_space_after && !q.no_space_after;
            while i + 1 < n
                && is_closing_after_terminal(word(&tokens[i + 1]))
                && !tokens[i + 1].para_start
                && (!matches!(word(&tokens[i + 1]), "\"" | "''")
                    || open_straight(&current)
                    || glued_closing(&tokens[i], &tokens[i + 1]))
            {
                i += 1;
                current.push(tokens[i]);
            }
            boundary = i + 1 >= n
                || starts_sentence_like(word(&tokens[i + 1]))
                || tokens[i + 1].para_start;
        } else if w.ends_with('.') && w.len() > 1 && i + 1 < n {
            // An abbreviation that may also end the sentence ("... in the U.S. The ...").
            let core = w[..w.len() - 1].to_lowercase();
            let next = word(&tokens[i + 1]);
            if FINAL_ABBREVIATIONS.contains(&core.as_str())
                && next.chars().next().is_some_and(|c| c.is_uppercase())
                && SENTENCE_OPENERS.contains(&next.to_lowercase().as_str())
            {
                boundary = true;
            }
        }
        if boundary || current.len() >= MAX_SENTENCE_TOKENS {
            sentences.push(RawSentence {
                tokens: std::mem::take(&mut current),
            });
        }
        i += 1;
    }
    if !current.is_empty() {
        sentences.push(RawSentence { tokens: current });
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.bytes.0..t.bytes.1])
            .collect()
    }

    #[test]
    fn clitics_and_quotes() {
        assert_eq!(
            words("I don't think Israel’s war can't end."),
            ["I", "do", "n't", "think", "Israel", "’s", "war", "ca", "n't", "end", "."]
        );
        assert_eq!(
            words("described it as “very well, very smooth,” CNN"),
            [
                "described",
                "it",
                "as",
                "“",
                "very",
                "well",
                ",",
                "very",
                "smooth",
                ",",
                "”",
                "CNN"
            ]
        );
        assert_eq!(words("Gideon Sa’ar said"), ["Gideon", "Sa’ar", "said"]);
        assert_eq!(words("the parents' home"), ["the", "parents", "'", "home"]);
    }

    #[test]
    fn hyphens_dashes_and_abbreviations() {
        assert_eq!(
            words("Yemen’s Iran-backed Houthis"),
            ["Yemen", "’s", "Iran", "-", "backed", "Houthis"]
        );
        assert_eq!(
            words("co-workers sent e-mail"),
            ["co-workers", "sent", "e-mail"]
        );
        assert_eq!(
            words("on Syria—moves that"),
            ["on", "Syria", "—", "moves", "that"]
        );
        assert_eq!(
            words("Mr. Smith of the U.S. said"),
            ["Mr.", "Smith", "of", "the", "U.S.", "said"]
        );
        assert_eq!(
            words("It cost $3,000.50 (about 5%)."),
            ["It", "cost", "$", "3,000.50", "(", "about", "5", "%", ")", "."]
        );
        assert_eq!(
            words("see https://example.com/a-b."),
            ["see", "https://example.com/a-b", "."]
        );
        assert_eq!(words("wait... what"), ["wait", "...", "what"]);
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "“Sa’ar” met Trump.";
        let toks = tokenize(text);
        let spans: Vec<_> = toks.iter().map(|t| (t.span.start, t.span.end)).collect();
        assert_eq!(spans, [(0, 1), (1, 6), (6, 7), (8, 11), (12, 17), (17, 18)]);
        assert!(toks[0].no_space_after && !toks[2].no_space_after);
    }

    fn sentences(text: &str) -> Vec<String> {
        split_sentences(text, tokenize(text))
            .iter()
            .map(|s| {
                let sp = s.span();
                sp.slice(text).to_string()
            })
            .collect()
    }

    #[test]
    fn a_straight_quote_after_a_full_stop_opens_the_next_sentence() {
        let s = sentences("\"It is late,\" Hassan said. \"It is about what you do.\" He left.");
        assert_eq!(
            s,
            [
                "\"It is late,\" Hassan said.",
                "\"It is about what you do.\"",
                "He left."
            ]
        );
    }

    #[test]
    fn a_straight_quote_glued_to_a_full_stop_closes_a_quote_of_several_sentences() {
        let s = sentences(
            "\"It is late,\" Hassan said. \"We waited. Nobody came.\"\nNeither man left.",
        );
        assert_eq!(
            s,
            [
                "\"It is late,\" Hassan said.",
                "\"We waited.",
                "Nobody came.\"",
                "Neither man left."
            ]
        );
    }

    #[test]
    fn datelines_are_sentences_of_their_own() {
        let s = sentences("JERUSALEM (Reuters) - Rubio met Netanyahu on Monday. He left.");
        assert_eq!(
            s,
            [
                "JERUSALEM (Reuters) -",
                "Rubio met Netanyahu on Monday.",
                "He left."
            ]
        );
        let s = sentences("GAZA CITY, Gaza Strip (AP) — Israeli strikes killed 12 people.");
        assert_eq!(s[0], "GAZA CITY, Gaza Strip (AP) —");
        let s = sentences("WASHINGTON, March 3 - The U.S. said it would act.");
        assert_eq!(s[0], "WASHINGTON, March 3 -");
        let s = sentences("GAZA CITY, Palestinian Territories: Israeli troops killed two men.");
        assert_eq!(s[0], "GAZA CITY, Palestinian Territories:");
        assert_eq!(
            sentences("LYON: Interpol has said it will send a team.")[0],
            "LYON:"
        );
        // Not datelines.
        assert_eq!(sentences("NATO said - again - that it would act.").len(), 1);
        assert_eq!(sentences("The U.S. - China talks ended.").len(), 1);
        assert_eq!(sentences("WASHINGTON -").len(), 1);
    }

    #[test]
    fn splits_sentences() {
        let s = sentences("Trump urged Mr. Netanyahu to stop. The call, on Monday, was “smooth.” He left.\n\nHeadline without stop\nBody text here.");
        assert_eq!(
            s,
            [
                "Trump urged Mr. Netanyahu to stop.",
                "The call, on Monday, was “smooth.”",
                "He left.",
                "Headline without stop\nBody text here."
            ]
        );
        let s =
            sentences("Talks went on in the U.S. The next day, they ended. It rose 3.5 percent.");
        assert_eq!(s.len(), 3);
    }

    #[test]
    fn long_runs_are_cut() {
        let text = "word ".repeat(1000);
        let s = split_sentences(&text, tokenize(&text));
        assert!(s.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(s.iter().map(|s| s.tokens.len()).sum::<usize>(), 1000);
    }
}
