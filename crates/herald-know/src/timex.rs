//! Temporal expressions (TimeML TIMEX3): found in herald's tokens and normalised against the
//! publication date, HeidelTime-style — by rules, not a model, because what a date expression
//! means is arithmetic on the calendar.
//!
//! | text (published Friday 2013-03-22) | type | value |
//! |---|---|---|
//! | "Thursday", "on Monday" | DATE | 2013-03-21, 2013-03-18 (the last such day; the next one if the sentence is in the future tense) |
//! | "last week", "this year", "last summer" | DATE | 2013-W11, 2013, 2012-SU |
//! | "March 2013", "early December", "2010", "the 1990s" | DATE | 2013-03, 2012-12, 2010, 199 |
//! | "three years ago" | DATE | 2010 |
//! | "a month", "the past several months", "recent weeks" | DURATION | P1M, PXM, PXW |
//! | "tonight", "Sunday night", "8 p.m." | TIME | 2013-03-22TNI, 2013-03-17TNI, 2013-03-22T20:00 |
//! | "now", "recently", "the future" | DATE | PRESENT_REF, PAST_REF, FUTURE_REF |
//! | "every week", "annually" | SET | P1W, P1Y |

mod matcher;
mod words;

use herald_dict::Date;
use herald_doc::{Analysis, Sentence, Upos};
use matcher::Matcher;
use serde::Serialize;

/// TimeML's four kinds of temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: "Monday", "March 2013", "last week".
    Date,
    /// A time of day: "8 p.m.", "tonight".
    Time,
    /// A length of time: "three years".
    Duration,
    /// A recurring time: "every week".
    Set,
}

impl TimexType {
    /// TimeML's name: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A temporal expression of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timex {
    /// 0-based sentence index.
    pub sentence: usize,
    /// Code-point offsets into the document text.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The words.
    pub text: String,
    /// TimeML type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TimeML value: `2025-05-19`, `2025-W20`, `P3Y`, `PRESENT_REF`, ...
    pub value: String,
}

/// Tense of a sentence, which decides whether "Friday" or "August" is the last or the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Present,
    Future,
}

/// One match: how many tokens, what it is.
struct Hit {
    len: usize,
    kind: TimexType,
    value: String,
}

fn hit(len: usize, kind: TimexType, value: impl Into<String>) -> Option<Hit> {
    Some(Hit {
        len,
        kind,
        value: value.into(),
    })
}

/// The tense of the verb a time word belongs to ("said Tuesday" past, "will meet Tuesday"
/// future, "meets Tuesday" present), else of the sentence.
fn tense_at(s: &Sentence, i: usize) -> Tense {
    let mut x = i;
    for _ in 0..6 {
        let t = &s.tokens[x];
        if matches!(t.upos, Upos::VERB | Upos::AUX) && !t.deprel.starts_with("aux") {
            let auxes: Vec<&herald_doc::Token> = s
                .tokens
                .iter()
                .filter(|a| a.head == Some(x) && a.deprel.starts_with("aux"))
                .collect();
            if auxes
                .iter()
                .any(|a| matches!(a.lemma.to_lowercase().as_str(), "will" | "shall" | "'ll"))
            {
                return Tense::Future;
            }
            // A bare participle ("the injunction issued Thursday") tells of the past, unless
            // it names a plan ("the vote scheduled Thursday").
            let bare_participle = t.xpos == "VBN"
                && auxes.is_empty()
                && !matches!(
                    t.lemma.to_lowercase().as_str(),
                    "schedule" | "plan" | "set" | "expect" | "slate" | "due" | "propose"
                );
            if t.xpos == "VBD"
                || auxes.iter().any(|a| a.xpos == "VBD")
                || (t.xpos == "VBN" && auxes.iter().any(|a| a.lemma == "have"))
                || bare_participle
            {
                return Tense::Past;
            }
            // A modal's time follows the sentence's ("said he would come Thursday" leans to
            // the past in TBAQ, dev: reading modals as future measured worse there).
            if auxes.iter().any(|a| a.xpos == "MD") {
                return tense_of(s);
            }
            return Tense::Present;
        }
        match t.head {
            Some(h) => x = h,
            None => break,
        }
    }
    tense_of(s)
}

fn tense_of(s: &Sentence) -> Tense {
    let future = s.tokens.iter().any(|t| {
        t.xpos == "MD" && matches!(t.lemma.to_lowercase().as_str(), "will" | "shall" | "'ll")
    });
    if future {
        return Tense::Future;
    }
    if s.tokens.iter().any(|t| t.xpos == "VBD") {
        return Tense::Past;
    }
    Tense::Present
}

/// The temporal expressions of a document, normalised against its publication date `dct`.
pub fn find(analysis: &Analysis, text: &str, dct: Date) -> Vec<Timex> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    // Company reports: "a year ago" there is the same quarter of the year before.
    let quarterly = text.to_lowercase().contains("quarter");
    // The last date the text named ("on Oct. 23", "in 1995"), for "that day", "the following
    // year".
    let mut reference: Option<String> = None;
    for (si, s) in analysis.sentences.iter().enumerate() {
        let mut m = Matcher {
            w: s.tokens.iter().map(|t| t.text.to_lowercase()).collect(),
            written: s.tokens.iter().map(|t| t.text.as_str()).collect(),
            xpos: s.tokens.iter().map(|t| t.xpos.as_str()).collect(),
            dct,
            tense: tense_of(s),
            quarterly,
            reference: reference.clone(),
        };
        let mut i = 0;
        while i < s.tokens.len() {
            m.tense = tense_at(s, i);
            match m.at(i).map(|h| Hit {
                len: h.len.min(s.tokens.len() - i),
                ..h
            }) {
                Some(h) if h.len > 0 => {
                    if h.kind == TimexType::Date
                        && h.value.len() >= 4
                        && h.value.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                    {
                        reference = Some(h.value.clone());
                        m.reference = reference.clone();
                    }
                    let last = &s.tokens[i + h.len - 1];
                    let (start, mut end) = (s.tokens[i].span.start, last.span.end);
                    // A sentence's final period the tokenizer left on "April." is not part of
                    // the expression; the period of "Jan." or "a.m." is.
                    let lw = last.text.to_lowercase();
                    if lw.len() > 4
                        && lw.ends_with('.')
                        && !lw.ends_with("a.m.")
                        && !lw.ends_with("p.m.")
                    {
                        end -= 1;
                    }
                    out.push(Timex {
                        sentence: si,
                        start,
                        end,
                        text: chars[start.min(chars.len())..end.min(chars.len())]
                            .iter()
                            .collect(),
                        kind: h.kind,
                        value: h.value,
                    });
                    i += h.len;
                }
                _ => i += 1,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::words::*;
    use super::*;

    #[test]
    fn holidays_are_days_of_the_year_the_tense_points_to() {
        let m = |words: &[&'static str], tense| Matcher {
            w: words.iter().map(|w| w.to_lowercase()).collect(),
            written: words.to_vec(),
            xpos: vec!["NNP"; words.len()],
            dct: Date(20241203),
            tense,
            quarterly: false,
            reference: None,
        };
        let value = |words: &[&'static str], tense| m(words, tense).holiday(0).map(|h| h.value);
        assert_eq!(
            value(&["Thanksgiving"], Tense::Past).as_deref(),
            Some("2024-11-28")
        );
        assert_eq!(
            value(&["Christmas", "Eve"], Tense::Future).as_deref(),
            Some("2024-12-24")
        );
        assert_eq!(
            value(&["Easter"], Tense::Future).as_deref(),
            Some("2025-04-20")
        );
        assert_eq!(
            value(&["Labor", "Day"], Tense::Past).as_deref(),
            Some("2024-09-02")
        );
        assert_eq!(
            value(&["Memorial", "Day"], Tense::Past).as_deref(),
            Some("2024-05-27")
        );
        assert_eq!(
            value(&["New", "Year", "'s", "Day"], Tense::Future).as_deref(),
            Some("2025-01-01")
        );
        assert_eq!(value(&["christmas"], Tense::Past), None);
    }

    #[test]
    fn broken_numeric_dates_are_no_dates() {
        let m = Matcher {
            w: vec!["12//2013".into(), "3/22/".into(), "2013-03-22".into()],
            written: vec!["12//2013", "3/22/", "2013-03-22"],
            xpos: vec!["CD", "CD", "CD"],
            dct: Date(20130322),
            tense: Tense::Past,
            quarterly: false,
            reference: None,
        };
        assert!(m.explicit_date(0).is_none());
        assert!(m.explicit_date(1).is_none());
        assert_eq!(m.explicit_date(2).unwrap().value, "2013-03-22");
    }

    #[test]
    fn weeks_and_calendar() {
        assert_eq!(week_value(Date(20130322)), "2013-W12");
        assert_eq!(week_value(Date(20130315)), "2013-W11");
        assert_eq!(week_value(Date(20210101)), "2020-W53");
        assert_eq!(add_months(2013, 1, -1), (2012, 12));
        assert_eq!(duration_value(Count::N(2.0), "DE", false), "P20Y");
        assert_eq!(duration_value(Count::Some, "M", false), "PXM");
        assert_eq!(duration_value(Count::N(90.0), "M", true), "PT90M");
        assert_eq!(duration_value(Count::N(2.5), "Y", false), "P2Y6M");
        assert_eq!(duration_value(Count::N(5.5), "H", true), "PT5H30M");
    }

    /// The longest expression at the first word and its value, for a sentence in `tense`
    /// published on Wednesday 2000-04-05 (`quarterly`: a company report).
    fn first(words: &[&'static str], tense: Tense, quarterly: bool) -> Option<(usize, String)> {
        let m = Matcher {
            w: words.iter().map(|w| w.to_lowercase()).collect(),
            written: words.to_vec(),
            xpos: vec!["NN"; words.len()],
            dct: Date(20000405),
            tense,
            quarterly,
            reference: None,
        };
        m.at(0).map(|h| (h.len, h.value))
    }

    #[test]
    fn days_named_with_their_date_or_time() {
        let v = |w: &[&'static str]| first(w, Tense::Past, false);
        // The date the text gives wins over the weekday's guess.
        assert_eq!(
            v(&["Monday", ",", "March", "27"]),
            Some((4, "2000-03-27".into()))
        );
        // A clock time of a named day.
        assert_eq!(
            v(&["9", "a.m.", "EDT", "Tuesday"]),
            Some((4, "2000-04-04T09:00".into()))
        );
        assert_eq!(v(&["noon", "Monday"]), Some((2, "2000-04-03T12:00".into())));
        assert_eq!(v(&["9", "a.m."]), Some((2, "2000-04-05T09:00".into())));
        // The weekend: the last one in a past clause, the coming one in a present one.
        assert_eq!(v(&["the", "weekend"]), Some((2, "2000-W13-WE".into())));
        assert_eq!(
            first(&["the", "weekend"], Tense::Present, false),
            Some((2, "2000-W14-WE".into()))
        );
    }

    #[test]
    fn spoken_years_year_earlier_periods_and_halves() {
        let v = |w: &[&'static str], q| first(w, Tense::Past, q);
        assert_eq!(
            v(&["nineteen", "ninety", "-", "six"], false),
            Some((4, "1996".into()))
        );
        assert_eq!(v(&["nineteen", "eighty"], false), Some((2, "1980".into())));
        // Published in the second quarter: the first quarter just reported, a year before.
        assert_eq!(
            v(&["the", "year", "-", "earlier", "quarter"], true),
            Some((5, "1999-Q1".into()))
        );
        assert_eq!(v(&["year", "-", "ago"], false), Some((3, "1999".into())));
        // A report's "the quarter" is the one it reports, whatever the tense.
        assert_eq!(
            first(&["the", "quarter"], Tense::Present, true),
            Some((2, "2000-Q1".into()))
        );
        assert_eq!(
            first(&["the", "current", "quarter"], Tense::Present, true),
            Some((3, "2000-Q2".into()))
        );
        assert_eq!(
            v(&["the", "latest", "period"], true),
            Some((3, "2000-Q1".into()))
        );
        assert_eq!(
            v(&["the", "fiscal", "first", "quarter"], false),
            Some((4, "2000-Q1".into()))
        );
        assert_eq!(v(&["2", "1/2", "years"], false), Some((3, "P2Y6M".into())));
        assert_eq!(v(&["two", "more", "weeks"], false), Some((3, "P2W".into())));
        assert_eq!(
            v(&["January", "nineteen", "ninety", "-", "seven"], false),
            Some((5, "1997-01".into()))
        );
        assert_eq!(
            v(&["the", "week", "of", "March", "6"], false),
            Some((5, "2000-W10".into()))
        );
        assert_eq!(
            v(&["the", "week", "of", "the", "vote"], false),
            Some((2, "2000-W14".into()))
        );
        assert_eq!(
            v(&["the", "year", "two", "thousand"], false),
            Some((4, "2000".into()))
        );
        assert_eq!(v(&["two", "thousand", "people"], false), None);
        assert_eq!(
            v(&["the", "current", "fiscal", "year"], false),
            Some((4, "2000".into()))
        );
        // A month name as a first name is no date.
        assert_eq!(v(&["Jan", "Kavan", "said"], false), None);
        assert_eq!(
            v(&["January", "was", "cold"], false),
            Some((1, "2000-01".into()))
        );
    }
}
