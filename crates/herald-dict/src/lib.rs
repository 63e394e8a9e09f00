//! Dictionaries for the event coder: who an actor phrase denotes on a given date.
//!
//! [`ActorDictionary`] reads PETRARCH-2 actor files (`Phoenix.Countries.actors.txt` and kin):
//!
//! ```text
//! BENJAMIN_NETANYAHU_  # CountryInfo.txt
//! +NETANYAHU
//! +PRIME_MINISTER_BENJAMIN_NETANYAHU
//!     [ISRELI 670101-960618]
//!     [ISRGOV >090401]
//!     [ISRELI]
//! ```
//!
//! A record is a primary phrase (words joined by `_`, optionally followed by a default
//! `[CODE]`), `+` synonym lines, and date restrictions: `<date` (before), `>date` (after),
//! `date-date` (between, inclusive) or none (the default). The first restriction that holds on the
//! story's date gives the code. [`AgentDictionary`] reads agent files (`MINISTER [~GOV]`), whose
//! codes combine with an actor's country code ("Israeli officials" → ISR + GOV).
//!
//! ```
//! use herald_dict::{ActorDictionary, Date};
//! let text = "BENJAMIN_NETANYAHU_\n+NETANYAHU\n\t[ISRELI 670101-960618]\n\t[ISRGOV >090401]\n\t[ISRELI]\n";
//! let dict = ActorDictionary::parse("actors.txt", text).unwrap();
//! let words = ["Prime", "Minister", "Benjamin", "Netanyahu", "said"];
//! let m = dict.longest_match(&words, 2).unwrap();
//! assert_eq!((m.len, dict.code_on(m.entry, Date::parse("2025-05-21").unwrap())), (2, Some("ISRGOV")));
//! assert_eq!(dict.code_on(m.entry, Date::parse("1990-01-01").unwrap()), Some("ISRELI"));
//! ```
#![deny(missing_docs)]

pub mod calendar;
pub mod codes;
pub mod nouns;
pub mod sources;
pub mod verbs;

use rustc_hash::FxHashMap;

/// A calendar day as `YYYYMMDD` in one integer, so that dates compare as numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub u32);

impl Date {
    /// Parse `YYYY-MM-DD`, `YYYYMMDD` or PETRARCH's `YYMMDD` (years 00–30 are 20xx, the rest 19xx).
    pub fn parse(s: &str) -> Option<Date> {
        let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
        if digits.len() != s.chars().filter(|c| *c != '-').count() {
            return None;
        }
        let v: u32 = digits.parse().ok()?;
        let full = match digits.len() {
            8 => v,
            6 => {
                let yy = v / 10000;
                (if yy <= 30 { 2000 + yy } else { 1900 + yy }) * 10000 + v % 10000
            }
            _ => return None,
        };
        let (m, d) = (full / 100 % 100, full % 100);
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Date(full))
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0 / 10000,
            self.0 / 100 % 100,
            self.0 % 100
        )
    }
}

/// When a code applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRange {
    /// Always (the record's default).
    Always,
    /// Strictly before the date.
    Before(Date),
    /// Strictly after the date.
    After(Date),
    /// Between two dates, both included.
    Between(Date, Date),
}

impl DateRange {
    /// True if the range holds on `d`.
    pub fn contains(&self, d: Date) -> bool {
        match *self {
            DateRange::Always => true,
            DateRange::Before(x) => d < x,
            DateRange::After(x) => d > x,
            DateRange::Between(a, b) => a <= d && d <= b,
        }
    }
}

/// A CAMEO actor code valid over a date range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// The code, e.g. `ISRGOV`.
    pub code: String,
    /// When it applies.
    pub range: DateRange,
}

/// One actor: its names and its dated codes, with where it was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The primary name, as words (upper case, as in the file).
    pub name: Vec<String>,
    /// Codes in file order; the first whose range holds wins.
    pub codes: Vec<DatedCode>,
    /// File the record came from.
    pub file: String,
    /// Line of the primary phrase (1-based).
    pub line: usize,
}

/// Errors reading a dictionary; each names the file and line.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DictError {
    /// A bracketed code is malformed.
    #[error("{file}: line {line}: bad code \"{text}\" (expected [CODE], [CODE >YYMMDD], [CODE <YYMMDD] or [CODE YYMMDD-YYMMDD])")]
    BadCode {
        /// Dictionary file.
        file: String,
        /// 1-based line.
        line: usize,
        /// The offending text.
        text: String,
    },
    /// A verb pattern cannot be read.
    #[error("{file}: line {line}: bad pattern \"{text}\": {why}")]
    BadPattern {
        /// Dictionary file.
        file: String,
        /// 1-based line.
        line: usize,
        /// The pattern line.
        text: String,
        /// What is wrong.
        why: String,
    },
    /// A synonym or restriction came before any primary phrase.
    #[error("{file}: line {line}: \"{text}\" belongs to no actor record")]
    Orphan {
        /// Dictionary file.
        file: String,
        /// 1-based line.
        line: usize,
        /// The offending text.
        text: String,
    },
}

/// A match of a dictionary phrase in a word sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the entry matched.
    pub entry: usize,
    /// Number of words matched.
    pub len: usize,
}

/// Phrases (as normalised word sequences) → entry ids, with longest-match lookup.
#[derive(Debug, Clone, Default)]
struct PhraseTable {
    map: FxHashMap<String, usize>,
    /// The most words of a phrase starting with each first word: a lookup tries no longer
    /// keys than phrases with its first word have (most words start none).
    longest_from: FxHashMap<String, usize>,
    /// The last word of each name of two or more words ("MUGABE" of "ROBERT MUGABE"), and
    /// the entries whose names end with it (at most a few: more make it no surname).
    surnames: FxHashMap<String, Vec<usize>>,
}

/// Entries that may share a surname before it names nobody in particular.
const SURNAME_ENTRIES: usize = 3;

/// Normalise a word for matching: upper case, curly apostrophes straightened, accents off
/// (English news writes "Orban" and "Sanchez" for the "Orbán" and "Sánchez" of the lists).
pub fn norm_word(w: &str) -> String {
    let w = w.replace(['’', '‘'], "'");
    if w.is_ascii() {
        return w.to_ascii_uppercase();
    }
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    w.nfd()
        .filter(|&c| !is_combining_mark(c))
        .collect::<String>()
        .to_uppercase()
}

impl PhraseTable {
    fn insert(&mut self, words: &[String], entry: usize) {
        if words.is_empty() {
            return;
        }
        // "ABDURAJAK_JANJALANI_BRIGADE_(AJB)": the name is also written without its acronym
        // (not a one-word acronym without its expansion: "OLIVE_(ORGANISATION_DEVELOPMENT…)").
        if let (Some(open), Some(close)) = (
            words.iter().position(|w| w == "("),
            words.iter().position(|w| w == ")"),
        ) {
            let bare: Vec<String> = words[..open.min(close)]
                .iter()
                .chain(&words[close.max(open) + 1..])
                .cloned()
                .collect();
            if open < close && bare.len() >= 2 {
                self.insert(&bare, entry);
            }
        }
        let longest = self.longest_from.entry(words[0].clone()).or_default();
        *longest = (*longest).max(words.len());
        // First definition wins, as in PETRARCH; the surname too stays with it (the Phoenix
        // VIKTOR_ORBAN, whose terms stop in 2002, is no second Orban beside herald's entry).
        let first = *self.map.entry(words.join(" ")).or_insert(entry);
        if first != entry {
            return;
        }
        if let (true, Some(last)) = (words.len() >= 2, words.last()) {
            let entries = self.surnames.entry(last.clone()).or_default();
            if entries.len() <= SURNAME_ENTRIES && !entries.contains(&entry) {
                entries.push(entry);
            }
        }
    }

    fn longest_match<S: AsRef<str>>(&self, words: &[S], start: usize) -> Option<PhraseMatch> {
        let mut key = norm_word(words.get(start)?.as_ref());
        let longest = *self.longest_from.get(&key)?;
        let mut best = None;
        for len in 1..=longest.min(words.len().saturating_sub(start)) {
            if len > 1 {
                key.push(' ');
                key.push_str(&norm_word(words[start + len - 1].as_ref()));
            }
            if let Some(&entry) = self.map.get(&key) {
                best = Some(PhraseMatch { entry, len });
            }
        }
        best
    }
}

/// The numbered lines of a dictionary file outside XML-style `<!-- ... -->` comment blocks (the
/// PETRARCH validation dictionaries use them), as `(1-based line, text)`.
pub(crate) fn dictionary_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut in_comment = false;
    text.lines().enumerate().filter_map(move |(i, raw)| {
        let t = raw.trim();
        if in_comment || t.starts_with("<!--") {
            in_comment = !t.contains("-->");
            return None;
        }
        Some((i + 1, raw))
    })
}

/// Split a PETRARCH phrase (`PRIME_MINISTER_NETANYAHU_`) into words. Hyphens become words of
/// their own, as herald's tokenizer splits "Ben-Gvir" into "Ben - Gvir".
fn phrase_words(p: &str) -> Vec<String> {
    split_words(&p.replace('_', " "))
}

/// Bound prefixes that keep their hyphen in herald's tokenizer (`co-workers`, `e-mail`,
/// "Lashkar - e-Taiba"): one list for the tokenizer and for the names it must match.
pub const HYPHEN_PREFIXES: &[&str] = &[
    "e", "co", "pre", "post", "non", "semi", "re", "pro", "anti", "multi", "mid", "ex", "sub",
    "un", "vice", "socio", "psycho", "inter", "intra", "counter", "de", "bi", "tri", "quasi",
    "neo", "micro", "macro", "mega", "ultra", "extra", "over", "under", "cross", "trans", "mis",
    "x", "t", "u",
];

/// Split a name into words the way herald's tokenizer does for names: on spaces, with internal
/// hyphens as words of their own except after a bound prefix.
pub fn split_words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Punctuation is a word of its own ("Baidu, Inc", "(AJB)", "Claymore/Guggenheim"), and so
    // is a word's opening apostrophe ("Al 'Iraq").
    let spaced: String = name
        .chars()
        .flat_map(|c| match c {
            ',' | ':' | ';' | '/' | '"' | '(' | ')' => vec![' ', c, ' '],
            _ => vec![c],
        })
        .collect();
    for w in spaced.split_whitespace() {
        let w = match w.strip_prefix(['\'', '’']) {
            Some(rest) if !rest.is_empty() => {
                out.push("'".to_string());
                rest
            }
            _ => w,
        };
        // Pieces between the hyphens the tokenizer splits at: not after a bound prefix
        // ("LASHKAR-E-TAIBA" is "LASHKAR", "-", "E-TAIBA").
        let mut pieces: Vec<String> = Vec::new();
        for part in w.split('-') {
            match pieces.last_mut() {
                Some(last)
                    if HYPHEN_PREFIXES.contains(&last.to_lowercase().as_str())
                        && part.chars().next().is_some_and(char::is_alphanumeric) =>
                {
                    last.push('-');
                    last.push_str(part);
                }
                _ => pieces.push(part.to_string()),
            }
        }
        for (i, part) in pieces.iter().enumerate() {
            if i > 0 {
                out.push("-".to_string());
            }
            if part.is_empty() {
                continue;
            }
            // A possessive is a word of its own, as herald's tokenizer splits "People's" and
            // "Workers'": PEOPLE'S_LIBERATION_ARMY is "People 's Liberation Army".
            let word = norm_word(part);
            if let Some(stem) = word.strip_suffix("'S").filter(|s| !s.is_empty()) {
                out.push(stem.to_string());
                out.push("'S".to_string());
            } else if let Some(stem) = word.strip_suffix('\'').filter(|s| !s.is_empty()) {
                out.push(stem.to_string());
                out.push("'".to_string());
            } else {
                out.push(word);
            }
        }
    }
    out
}

fn parse_code(file: &str, line: usize, inner: &str) -> Result<DatedCode, DictError> {
    let bad = || DictError::BadCode {
        file: file.to_string(),
        line,
        text: format!("[{inner}]"),
    };
    // Tolerate the spacing slips of hand-kept files: "> 140608", "900101 - 911221".
    let tidy = inner
        .replace("> ", ">")
        .replace("< ", "<")
        .replace(" - ", "-");
    let mut parts = tidy.split_whitespace();
    let code = parts.next().ok_or_else(bad)?.to_string();
    let range = match parts.next() {
        None => DateRange::Always,
        Some(r) => {
            if let Some(d) = r.strip_prefix('>') {
                DateRange::After(Date::parse(d).ok_or_else(bad)?)
            } else if let Some(d) = r.strip_prefix('<') {
                DateRange::Before(Date::parse(d).ok_or_else(bad)?)
            } else if let Some((a, b)) = r.split_once('-') {
                DateRange::Between(
                    Date::parse(a).ok_or_else(bad)?,
                    Date::parse(b).ok_or_else(bad)?,
                )
            } else {
                return Err(bad());
            }
        }
    };
    if parts.next().is_some() {
        return Err(bad());
    }
    Ok(DatedCode { code, range })
}

/// Actors with dated codes, and a phrase index over all their names.
#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    /// Every actor record, in file order.
    pub actors: Vec<Actor>,
    phrases: PhraseTable,
    wikidata: FxHashMap<usize, String>,
}

impl ActorDictionary {
    /// Parse one actor file's text strictly: the first bad line is an error. `file` names it in
    /// errors and in each record.
    pub fn parse(file: &str, text: &str) -> Result<ActorDictionary, DictError> {
        let mut d = ActorDictionary::default();
        match d.add(file, text).into_iter().next() {
            Some(e) => Err(e),
            None => Ok(d),
        }
    }

    /// Add the records of another actor file. Bad lines (the PETRARCH files have a few, such as
    /// `[ARMUNR 9008223-911221]`) are skipped and returned, so one typo never costs a dictionary.
    pub fn add(&mut self, file: &str, text: &str) -> Vec<DictError> {
        let mut problems = Vec::new();
        let mut current: Option<usize> = None;
        // The current record is a bare name so far (no code, no synonym): a name line right
        // after it names the same actor, as PETRARCH reads a list of names over one set of
        // codes ("IVO_JOSIPOVIC_ / PRESIDENT_JOSIPOVIC_ / JOSIPOVIC_ / [HRVGOV …]").
        let mut bare = false;
        for (line, raw) in dictionary_lines(text) {
            let l = raw.split('#').next().unwrap_or("");
            // A blank or comment line ends a list of names.
            let was_bare = std::mem::take(&mut bare);
            if l.trim().is_empty() {
                continue;
            }
            let indented = l.starts_with(['\t', ' ']);
            let l = l.trim();
            let orphan = || DictError::Orphan {
                file: file.to_string(),
                line,
                text: l.to_string(),
            };
            if indented || l.starts_with('[') {
                // Date restrictions of the current record: one or more [..] groups.
                let Some(id) = current else {
                    problems.push(orphan());
                    continue;
                };
                for group in l.split('[').skip(1) {
                    let inner = group.split(']').next().unwrap_or("").trim();
                    if !inner.is_empty() {
                        match parse_code(file, line, inner) {
                            Ok(c) => self.actors[id].codes.push(c),
                            Err(e) => problems.push(e),
                        }
                    }
                }
                continue;
            }
            let (phrase, code) = match l.split_once('[') {
                Some((p, c)) => (p.trim(), Some(c.split(']').next().unwrap_or("").trim())),
                None => (l, None),
            };
            if let Some(syn) = phrase.strip_prefix('+') {
                let Some(id) = current else {
                    problems.push(orphan());
                    continue;
                };
                self.phrases.insert(&phrase_words(syn), id);
                if let Some(c) = code.filter(|c| !c.is_empty()) {
                    match parse_code(file, line, c) {
                        Ok(c) => self.actors[id].codes.push(c),
                        Err(e) => problems.push(e),
                    }
                }
                continue;
            }
            let name = phrase_words(phrase);
            if let (true, Some(id), None) = (was_bare, current, code) {
                self.phrases.insert(&name, id);
                bare = true;
                continue;
            }
            let id = self.actors.len();
            let mut codes = Vec::new();
            if let Some(c) = code.filter(|c| !c.is_empty()) {
                match parse_code(file, line, c) {
                    Ok(c) => codes.push(c),
                    Err(e) => problems.push(e),
                }
            }
            self.phrases.insert(&name, id);
            bare = codes.is_empty();
            self.actors.push(Actor {
                name,
                codes,
                file: file.to_string(),
                line,
            });
            current = Some(id);
        }
        problems
    }

    /// Add the records of a herald actor file, the hand-editable format herald ships its
    /// current actors in:
    ///
    /// ```text
    /// # comment
    /// Donald Trump | Donald J. Trump  @Q22686
    ///     USAGOV 2017-01-20..2021-01-20  # wikidata-leaders: head_of_state
    ///     USAGOV 2025-01-20..            # wikidata-leaders: head_of_state
    ///     USAELI                         # outside office
    /// ```
    ///
    /// A record is a line of names separated by `|` (with an optional Wikidata id), then
    /// indented code lines: a code, an optional `FROM..TO` range (ISO dates, inclusive, either
    /// end open) and an optional `# source`. The first code whose range holds wins. Bad lines are
    /// skipped and returned.
    pub fn add_herald(&mut self, file: &str, text: &str) -> Vec<DictError> {
        let mut problems = Vec::new();
        let mut current: Option<usize> = None;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let body = raw.split('#').next().unwrap_or("");
            if body.trim().is_empty() {
                continue;
            }
            if body.starts_with([' ', '\t']) {
                let Some(id) = current else {
                    problems.push(DictError::Orphan {
                        file: file.into(),
                        line,
                        text: body.trim().into(),
                    });
                    continue;
                };
                let mut parts = body.split_whitespace();
                let code = parts.next().unwrap_or("").to_string();
                let range = match parts.next() {
                    None => Some(DateRange::Always),
                    Some(r) => r.split_once("..").and_then(|(a, b)| {
                        let a = if a.is_empty() {
                            Some(Date(0))
                        } else {
                            Date::parse(a)
                        };
                        let b = if b.is_empty() {
                            Some(Date(99_991_231))
                        } else {
                            Date::parse(b)
                        };
                        Some(DateRange::Between(a?, b?))
                    }),
                };
                match range {
                    Some(range) if !code.is_empty() && parts.next().is_none() => {
                        self.actors[id].codes.push(DatedCode { code, range })
                    }
                    _ => problems.push(DictError::BadCode {
                        file: file.into(),
                        line,
                        text: body.trim().into(),
                    }),
                }
                continue;
            }
            let (names, qid) = match body.split_once('@') {
                Some((n, q)) => (n, Some(q.trim().to_string())),
                None => (body, None),
            };
            let names: Vec<Vec<String>> = names
                .split('|')
                .map(split_words)
                .filter(|w| !w.is_empty())
                .collect();
            if names.is_empty() {
                continue;
            }
            let id = self.actors.len();
            for n in &names {
                self.phrases.insert(n, id);
            }
            self.actors.push(Actor {
                name: names[0].clone(),
                codes: Vec::new(),
                file: file.to_string(),
                line,
            });
            if let Some(q) = qid.filter(|q| !q.is_empty()) {
                self.wikidata.insert(id, q);
            }
            current = Some(id);
        }
        problems
    }

    /// The Wikidata id of actor `entry`, where the dictionary gives one.
    pub fn wikidata(&self, entry: usize) -> Option<&str> {
        self.wikidata.get(&entry).map(String::as_str)
    }

    /// The longest actor phrase starting at `words[start]`.
    pub fn longest_match<S: AsRef<str>>(&self, words: &[S], start: usize) -> Option<PhraseMatch> {
        self.phrases.longest_match(words, start)
    }

    /// The code on `date` of the person a text names by surname only ("President Mugabe"):
    /// the code every person whose full name ends with `word` has then, if they agree (the
    /// same person may be in two files); `None` if they differ, if too many names end so, or
    /// if `word` is a name of its own.
    pub fn surname_code_on(&self, word: &str, date: Date) -> Option<&str> {
        let w = norm_word(word);
        if self.phrases.map.contains_key(&w) {
            return None;
        }
        let entries = self.phrases.surnames.get(&w)?;
        if entries.len() > SURNAME_ENTRIES {
            return None;
        }
        // Only people: the dictionaries date a person's codes by their terms; an organisation
        // whose name ends with the word ("World Confederation of Labour") has one undated code.
        let mut codes = entries
            .iter()
            .filter(|&&e| {
                self.actors[e]
                    .codes
                    .iter()
                    .any(|c| c.range != DateRange::Always)
            })
            .filter_map(|&e| self.code_on(e, date));
        let first = codes.next()?;
        codes.all(|c| c == first).then_some(first)
    }

    /// The code on `date` of the one office holder among the people whose full names end
    /// with `word`: "President Bush" in 2008 is George W. Bush (USAGOV), though an older
    /// dictionary entry gives that phrase to his father. `None` unless exactly one code of a
    /// government (…GOV) holds then for that surname.
    pub fn office_holder_on(&self, word: &str, date: Date) -> Option<&str> {
        let entries = self.phrases.surnames.get(&norm_word(word))?;
        let mut codes = entries
            .iter()
            .filter_map(|&e| self.code_on(e, date))
            .filter(|c| c.ends_with("GOV"));
        let first = codes.next()?;
        codes.all(|c| c == first).then_some(first)
    }

    /// The code of actor `entry` on `date`: the first dated code whose range holds, else the
    /// first undated code, else `None`.
    pub fn code_on(&self, entry: usize, date: Date) -> Option<&str> {
        // As in PETRARCH: a dated code that covers the date wins over the undated default,
        // wherever the default is written; among dated codes the first that matches.
        let codes = &self.actors[entry].codes;
        codes
            .iter()
            .find(|c| c.range != DateRange::Always && c.range.contains(date))
            .or_else(|| codes.iter().find(|c| c.range == DateRange::Always))
            .map(|c| c.code.as_str())
    }

    /// Number of phrases (names and synonyms) indexed.
    pub fn phrase_count(&self) -> usize {
        self.phrases.map.len()
    }
}

/// Role words and the code fragment they add to an actor code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// The code fragment, e.g. `GOV`.
    pub code: String,
    /// True if the fragment follows the country code (`[~GOV]`: ISR + GOV), false if it comes
    /// first (`[IGO~]`).
    pub suffix: bool,
}

/// Agent phrases ("minister", "riot police") → code fragments.
#[derive(Debug, Clone, Default)]
pub struct AgentDictionary {
    /// Every agent, in file order.
    pub agents: Vec<Agent>,
    phrases: PhraseTable,
}

impl AgentDictionary {
    /// Parse an agent file: `PHRASE {PLURALS} [~CODE]` lines and `!SET! = A, B` substitution sets.
    pub fn parse(file: &str, text: &str) -> Result<AgentDictionary, DictError> {
        let mut d = AgentDictionary::default();
        d.add(file, text)?;
        Ok(d)
    }

    /// Add the agents of another file; a phrase already defined keeps its first code.
    pub fn add(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        let mut sets: FxHashMap<String, Vec<String>> = FxHashMap::default();
        let d = self;
        for (line, raw) in dictionary_lines(text) {
            let l = raw.split('#').next().unwrap_or("").trim();
            if l.is_empty() {
                continue;
            }
            if l.starts_with('!') && l.contains('=') {
                let (name, items) = l.split_once('=').unwrap();
                sets.insert(
                    name.trim().to_string(),
                    items.split(',').map(|s| s.trim().to_string()).collect(),
                );
                continue;
            }
            let Some((lhs, code)) = l.split_once('[') else {
                continue;
            };
            let code = code.split(']').next().unwrap_or("").trim();
            let (frag, suffix) = match (code.strip_prefix('~'), code.strip_suffix('~')) {
                (Some(c), _) => (c, true),
                (None, Some(c)) => (c, false),
                _ => {
                    return Err(DictError::BadCode {
                        file: file.to_string(),
                        line,
                        text: format!("[{code}]"),
                    })
                }
            };
            let id = d.agents.len();
            d.agents.push(Agent {
                code: frag.to_string(),
                suffix,
            });
            // The phrase, and explicit plurals in braces.
            let (phrase, plurals) = match lhs.split_once('{') {
                Some((p, rest)) => (p.trim(), rest.split('}').next().unwrap_or("")),
                None => (lhs.trim(), ""),
            };
            let mut forms: Vec<String> = vec![phrase.to_string()];
            forms.extend(plurals.split_whitespace().map(String::from));
            if plurals.is_empty() && !lhs.contains('{') && !phrase.ends_with('_') {
                // Regular plural, as PETRARCH generates it.
                forms.push(match phrase.strip_suffix('Y') {
                    Some(stem) => format!("{stem}IES"),
                    None => format!("{phrase}S"),
                });
            }
            for form in forms {
                for expanded in expand_sets(&form, &sets) {
                    d.phrases.insert(&phrase_words(&expanded), id);
                }
            }
        }
        Ok(())
    }

    /// The longest agent phrase starting at `words[start]`.
    pub fn longest_match<S: AsRef<str>>(&self, words: &[S], start: usize) -> Option<PhraseMatch> {
        self.phrases.longest_match(words, start)
    }
}

/// Expand `!SET!` references in a phrase into every member.
fn expand_sets(phrase: &str, sets: &FxHashMap<String, Vec<String>>) -> Vec<String> {
    if let Some(a) = phrase.find('!') {
        if let Some(b) = phrase[a + 1..].find('!') {
            let name = &phrase[a..a + b + 2];
            if let Some(items) = sets.get(name) {
                let mut out = Vec::new();
                for it in items {
                    let replaced = format!("{}{}{}", &phrase[..a], it, &phrase[a + b + 2..]);
                    out.extend(expand_sets(&replaced, sets));
                }
                return out;
            }
        }
    }
    vec![phrase.to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTORS: &str = "# header\nBENJAMIN_NETANYAHU_  # CountryInfo.txt\n+BIBI_NETANYAHU_\n+NETANYAHU\n\t[ISRELI 670101-960618]\n\t[ISRGOV 960618-990706]\n\t[ISRGOV >090401]\n\t[ISRELI]\nISRAEL_ [ISR]\n+ISRAELI_\nCARL_XVI_GUSTAF\n\t[SWEGOV >730915]\n\t[SWEELI]\n";

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn dates_parse_in_petrarch_forms() {
        assert_eq!(d("090401"), Date(20090401));
        assert_eq!(d("670101"), Date(19670101));
        assert_eq!(d("2025-05-21"), Date(20250521));
        assert_eq!(d("20250521").to_string(), "2025-05-21");
        assert!(Date::parse("2025-13-01").is_none() && Date::parse("abc").is_none());
    }

    #[test]
    fn names_match_without_their_accents_and_a_surname_stays_with_the_first_entry() {
        assert_eq!(norm_word("Orbán"), "ORBAN");
        assert_eq!(norm_word("Erdoğan’s"), "ERDOGAN'S");
        // herald's entry comes first; the Phoenix entry of the same person, whose terms stop
        // in 2002, is no second bearer of the surname.
        let mut a = ActorDictionary::default();
        assert!(a
            .add_herald(
                "leaders.actors",
                "Viktor Orbán  @Q57641\n    HUNGOV 2010-05-29..  # wikidata-leaders\n    HUNELI\n"
            )
            .is_empty());
        a.add(
            "Phoenix.Countries.actors.txt",
            "VIKTOR_ORBAN_  # CountryInfo.txt\n\t[HUNGOV 980706-020527]\n\t[HUNELI]\n",
        );
        let e = a.longest_match(&["Viktor", "Orban"], 0).unwrap().entry;
        assert_eq!(a.code_on(e, d("2025-06-01")), Some("HUNGOV"));
        assert_eq!(a.surname_code_on("Orban", d("2025-06-01")), Some("HUNGOV"));
    }

    #[test]
    fn a_list_of_bare_names_shares_the_codes_after_it() {
        // Phoenix writes some people as several name lines over one set of codes; a blank
        // or comment line ends such a list.
        let text = "IVO_JOSIPOVIC_\nPRESIDENT_JOSIPOVIC_\n\t[HRVGOV 20100219-20150219]\nU.N._\n\n# Secretaries General\nUN_SECRETARY_GENERAL\n\t[IGOUNO]\n";
        let a = ActorDictionary::parse("t.txt", text).unwrap();
        for name in [&["Ivo", "Josipovic"][..], &["President", "Josipovic"][..]] {
            let e = a.longest_match(name, 0).unwrap().entry;
            assert_eq!(a.code_on(e, d("2012-01-01")), Some("HRVGOV"), "{name:?}");
        }
        let un = a.longest_match(&["U.N."], 0).unwrap().entry;
        assert_eq!(a.code_on(un, d("2012-01-01")), None);
    }

    #[test]
    fn phrases_split_as_the_tokenizer_splits_text() {
        let w = |x: &[&str]| x.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(split_words("Baidu, Inc"), w(&["BAIDU", ",", "INC"]));
        assert_eq!(split_words("People's Army"), w(&["PEOPLE", "'S", "ARMY"]));
        assert_eq!(split_words("Workers' Party"), w(&["WORKERS", "'", "PARTY"]));
        assert_eq!(split_words("Al 'Iraq"), w(&["AL", "'", "IRAQ"]));
        assert_eq!(
            split_words("Brigade (AJB)"),
            w(&["BRIGADE", "(", "AJB", ")"])
        );
        // The tokenizer keeps a bound prefix's hyphen: "Lashkar - e-Taiba", "anti-government".
        assert_eq!(
            split_words("Lashkar-e-Taiba"),
            w(&["LASHKAR", "-", "E-TAIBA"])
        );
        assert_eq!(split_words("Ben-Gvir"), w(&["BEN", "-", "GVIR"]));
        assert_eq!(split_words("anti-government"), w(&["ANTI-GOVERNMENT"]));
        // A name with its acronym is also found without it, unless one word is left.
        let text = "ABDURAJAK_JANJALANI_BRIGADE_(AJB) [PHLREB]\nOLIVE_(ORGANISATION_DEVELOPMENT) [NGOZAFDEV]\n";
        let a = ActorDictionary::parse("t.txt", text).unwrap();
        assert!(a
            .longest_match(&["Abdurajak", "Janjalani", "Brigade"], 0)
            .is_some());
        assert!(a.longest_match(&["olive"], 0).is_none());
    }

    #[test]
    fn codes_follow_the_date() {
        let a = ActorDictionary::parse("t.txt", ACTORS).unwrap();
        let net = a.longest_match(&["Netanyahu"], 0).unwrap().entry;
        assert_eq!(a.code_on(net, d("2025-05-21")), Some("ISRGOV"));
        assert_eq!(a.code_on(net, d("1997-01-01")), Some("ISRGOV"));
        assert_eq!(a.code_on(net, d("2005-01-01")), Some("ISRELI"));
        let carl = a.longest_match(&["Carl", "XVI", "Gustaf"], 0).unwrap();
        assert_eq!(carl.len, 3);
        // PETRARCH's unit test: SWEGOV in 2015, SWEELI in 1972 and 1901.
        assert_eq!(a.code_on(carl.entry, d("2015-01-01")), Some("SWEGOV"));
        assert_eq!(a.code_on(carl.entry, d("1972-01-01")), Some("SWEELI"));
        assert_eq!(a.code_on(carl.entry, d("1901-01-01")), Some("SWEELI"));
        let isr = a.longest_match(&["Israeli", "officials"], 0).unwrap();
        assert_eq!(
            (isr.len, a.code_on(isr.entry, d("2025-01-01"))),
            (1, Some("ISR"))
        );
        assert_eq!(a.actors[net].line, 2);
    }

    #[test]
    fn dated_codes_win_over_a_default_written_first() {
        // PETRARCH's validation dictionary: the default comes first, the restrictions after.
        let text = "SAM_GAMGEE [HOB]\n\t[HOBCIV <20080120]\n\t[HOBMIL 20080120-20121109]\n";
        let a = ActorDictionary::parse("t.txt", text).unwrap();
        let sam = a.longest_match(&["Sam", "Gamgee"], 0).unwrap().entry;
        assert_eq!(a.code_on(sam, d("1995-01-04")), Some("HOBCIV"));
        assert_eq!(a.code_on(sam, d("2010-01-06")), Some("HOBMIL"));
        assert_eq!(a.code_on(sam, d("2014-01-04")), Some("HOB"));
    }

    #[test]
    fn longest_phrase_wins_and_apostrophes_match() {
        let a = ActorDictionary::parse("t.txt", "GIDEON_SA'AR\n\t[ISRGOV]\nSA'AR_PARTY [ISRPTY]\n")
            .unwrap();
        let m = a.longest_match(&["Gideon", "Sa’ar", "said"], 0).unwrap();
        assert_eq!(
            (m.len, a.code_on(m.entry, d("2025-05-21"))),
            (2, Some("ISRGOV"))
        );
        assert!(a.longest_match(&["said"], 0).is_none());
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = ActorDictionary::parse("bad.txt", "X_\n\t[ISR 2025-99-99]\n").unwrap_err();
        assert_eq!(e.to_string(), "bad.txt: line 2: bad code \"[ISR 2025-99-99]\" (expected [CODE], [CODE >YYMMDD], [CODE <YYMMDD] or [CODE YYMMDD-YYMMDD])");
        let e = ActorDictionary::parse("bad.txt", "+ORPHAN\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "bad.txt: line 1: \"+ORPHAN\" belongs to no actor record"
        );
        // Lenient loading keeps the rest of the record and reports the bad restriction.
        let mut d = ActorDictionary::default();
        let problems = d.add(
            "bad.txt",
            "ARMENIA_ [ARM]\n\t[ARMUNR 9008223-911221]\n\t[ARMGOV >910101]\n",
        );
        assert_eq!(problems.len(), 1);
        assert!(d
            .add("ok.txt", "EGYPT_ [EGY]\n\t[EGYGOV > 140608]\n")
            .is_empty());
        let m = d.longest_match(&["Armenia"], 0).unwrap();
        assert_eq!(
            d.code_on(m.entry, Date::parse("2025-01-01").unwrap()),
            Some("ARMGOV")
        );
        assert_eq!(
            d.code_on(m.entry, Date::parse("1980-01-01").unwrap()),
            Some("ARM")
        );
    }

    #[test]
    fn herald_format_with_open_ranges() {
        let text = "# current actors\nDonald Trump | Donald J. Trump  @Q22686\n    USAGOV 2017-01-20..2021-01-20  # wikidata-leaders\n    USAGOV 2025-01-20..\n    USAELI\nMike Huckabee\n    USAGOV 2025-04-18..  # US ambassador to Israel\n    USAELI\n    USAGOV soon\n";
        let mut a = ActorDictionary::default();
        let problems = a.add_herald("leaders.actors", text);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0]
                .to_string()
                .split(':')
                .take(2)
                .collect::<Vec<_>>(),
            ["leaders.actors", " line 9"]
        );
        let t = a.longest_match(&["Donald", "J.", "Trump"], 0).unwrap();
        assert_eq!(t.len, 3);
        assert_eq!(a.code_on(t.entry, d("2025-05-21")), Some("USAGOV"));
        assert_eq!(a.code_on(t.entry, d("2017-01-20")), Some("USAGOV"));
        assert_eq!(a.code_on(t.entry, d("2022-06-01")), Some("USAELI"));
        assert_eq!(a.wikidata(t.entry), Some("Q22686"));
        let h = a.longest_match(&["Mike", "Huckabee"], 0).unwrap();
        assert_eq!(a.code_on(h.entry, d("2025-05-21")), Some("USAGOV"));
        assert_eq!(a.code_on(h.entry, d("2016-01-01")), Some("USAELI"));
    }

    #[test]
    fn agents_with_sets_and_plurals() {
        let text = "!PERSON! = MAN, MEN, WOMAN\n!MINIST!  [~GOV]\n!MINIST! = MINISTER, MINISTERS\nOFFICIAL [~GOV]\nCHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\nPEACEKEEPING_TROOPS {} [IGO~]\nCATTLE!PERSON! [~AGR]\n";
        let a = AgentDictionary::parse("agents.txt", text).unwrap();
        let code = |w: &[&str]| {
            a.longest_match(w, 0).map(|m| {
                (
                    a.agents[m.entry].code.clone(),
                    a.agents[m.entry].suffix,
                    m.len,
                )
            })
        };
        assert_eq!(code(&["officials"]), Some(("GOV".into(), true, 1)));
        assert_eq!(
            code(&["Chambers", "of", "Commerce"]),
            Some(("BUS".into(), true, 3))
        );
        assert_eq!(
            code(&["peacekeeping", "troops"]),
            Some(("IGO".into(), false, 2))
        );
        assert_eq!(code(&["cattlewoman"]), Some(("AGR".into(), true, 1)));
    }
}

#[cfg(test)]
mod surname_tests {
    use super::*;

    #[test]
    fn a_surname_only_one_actor_has_finds_it() {
        let d = ActorDictionary::parse(
            "t",
            "ROBERT_MUGABE_  # x\n+ROBERT_GABRIEL_MUGABE_\n\t[ZWEGOV >871231]\nGRACE_KIM [KOR]\nJOHN_KIM [USA]\n",
        )
        .unwrap();
        assert_eq!(d.surname_code_on("Mugabe", Date(19900101)), Some("ZWEGOV"));
        assert_eq!(d.surname_code_on("Kim", Date(19900101)), None);
    }

    #[test]
    fn a_title_and_surname_name_the_office_holder_of_the_day() {
        let d = ActorDictionary::parse(
            "t",
            "GEORGE_BUSH_  # x\n+PRESIDENT_BUSH\n\t[USAGOV 890120-930120]\n\t[USAELI]\n\
             GEORGE_W._BUSH_  # x\n\t[USAGOV 010120-090120]\n\t[USAELI]\n",
        )
        .unwrap();
        assert_eq!(d.office_holder_on("Bush", Date(20080806)), Some("USAGOV"));
        assert_eq!(d.office_holder_on("Bush", Date(19900101)), Some("USAGOV"));
        // Between the two terms nobody of that name holds the office.
        assert_eq!(d.office_holder_on("Bush", Date(19970101)), None);
    }
}
