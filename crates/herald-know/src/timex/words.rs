//! The words of temporal expressions (months, weekdays, counts, units, seasons) and the
//! calendar arithmetic that turns them into TimeML values.

use herald_dict::calendar::{days, from_days, weekday, WEEKDAYS};
use herald_dict::Date;

pub(super) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub(super) fn month_of(word: &str, written: &str) -> Option<u32> {
    // Months are capitalised in news; "may" and "march" are also a verb.
    if !written.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let w = word.trim_end_matches('.');
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some(i as u32 + 1);
    }
    let abbr = [
        "jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if w == "sept" {
        return Some(9);
    }
    abbr.iter()
        .position(|a| !a.is_empty() && *a == w)
        .map(|i| i as u32 + 1)
}

pub(super) fn weekday_of(word: &str) -> Option<i64> {
    WEEKDAYS.iter().position(|d| *d == word).map(|i| i as i64)
}

/// A count: digits, number words, or `None` for "several"/"few" (an unknown count, X).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Count {
    N(f64),
    Some,
}

pub(super) fn count_of(word: &str) -> Option<Count> {
    match word {
        "a" | "an" => Some(Count::N(1.0)),
        "several" | "few" | "some" | "many" | "couple" | "recent" | "numerous" => Some(Count::Some),
        "half" => Some(Count::N(0.5)),
        _ => crate::amounts::cardinal(word).map(Count::N),
    }
}

/// A unit of time and its TimeML letter; `true` for units of the clock (PT...).
pub(super) fn unit_of(word: &str) -> Option<(&'static str, bool)> {
    let w = word
        .strip_suffix('s')
        .filter(|w| w.len() > 2)
        .unwrap_or(word);
    Some(match w {
        "year" => ("Y", false),
        "month" => ("M", false),
        "week" => ("W", false),
        "day" => ("D", false),
        "decade" => ("DE", false),
        "century" | "centurie" => ("CE", false),
        "quarter" => ("Q", false),
        "hour" => ("H", true),
        "minute" => ("M", true),
        "second" => ("S", true),
        _ => return None,
    })
}

pub(super) fn duration_value(n: Count, unit: &str, clock: bool) -> String {
    let (n, unit) = match (n, unit) {
        (Count::N(k), "DE") => (Count::N(k * 10.0), "Y"),
        (Count::N(k), "CE") => (Count::N(k * 100.0), "Y"),
        (Count::Some, "DE") => (Count::Some, "DE"),
        (Count::Some, "CE") => (Count::Some, "CE"),
        (n, u) => (n, u),
    };
    // "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M: a half in the next smaller unit.
    if let Count::N(k) = n {
        let half = match (unit, clock) {
            ("Y", false) => Some("6M"),
            ("D", false) => Some("T12H"),
            ("H", true) => Some("30M"),
            ("M", true) => Some("30S"),
            _ => None,
        };
        if let (Some(h), true) = (half, k.fract() == 0.5 && k > 1.0) {
            let p = if clock { "PT" } else { "P" };
            return format!("{p}{}{unit}{h}", k.trunc() as i64);
        }
    }
    let num = match n {
        Count::N(k) if k.fract() == 0.0 => format!("{}", k as i64),
        Count::N(k) => format!("{k}"),
        Count::Some => "X".to_string(),
    };
    if clock {
        format!("PT{num}{unit}")
    } else {
        format!("P{num}{unit}")
    }
}

pub(super) fn ymd(d: Date) -> (i32, u32, u32) {
    ((d.0 / 10000) as i32, d.0 / 100 % 100, d.0 % 100)
}

pub(super) fn date_value(d: Date) -> String {
    let (y, m, dd) = ymd(d);
    format!("{y:04}-{m:02}-{dd:02}")
}

/// ISO year and week of a date.
pub(super) fn iso_week(d: Date) -> (i32, i64) {
    let thursday = from_days(days(d) - weekday(d) + 3);
    let (y, _, _) = ymd(thursday);
    let jan1 = days(Date((y as u32) * 10000 + 101));
    (y, (days(thursday) - jan1) / 7 + 1)
}

pub(super) fn week_value(d: Date) -> String {
    let (y, w) = iso_week(d);
    format!("{y:04}-W{w:02}")
}

/// The quarter `shift` quarters from the one `d` falls in, as `YYYY-Qn`.
pub(super) fn quarter_value(d: Date, shift: i32) -> String {
    let (y, m, _) = ymd(d);
    let q = y * 4 + (m as i32 - 1) / 3 + shift;
    format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
}

/// Add months to a (year, month).
pub(super) fn add_months(y: i32, m: u32, k: i32) -> (i32, u32) {
    let total = y * 12 + (m as i32 - 1) + k;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32)
}

/// "20th" or "twentieth" (up to the twenty-first, as centuries are counted).
pub(super) fn ordinal_of(word: &str) -> Option<i32> {
    const WORDS: [&str; 21] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
    ];
    if let Some(k) = WORDS.iter().position(|w| *w == word) {
        return Some(k as i32 + 1);
    }
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))?;
    let n: i32 = digits.parse().ok()?;
    (1..=21).contains(&n).then_some(n)
}

pub(super) fn is_year(word: &str) -> Option<i32> {
    if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = word.parse().ok()?;
        if (1900..=2099).contains(&y) {
            return Some(y);
        }
    }
    None
}

pub(super) fn is_day(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let d: u32 = w.parse().ok()?;
    ((1..=31).contains(&d) && w.len() <= 2).then_some(d)
}

pub(super) const SEASONS: [(&str, &str, u32); 5] = [
    ("spring", "SP", 4),
    ("summer", "SU", 7),
    ("fall", "FA", 10),
    ("autumn", "FA", 10),
    ("winter", "WI", 1),
];
