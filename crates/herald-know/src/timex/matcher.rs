//! Matching temporal expressions at a token: each method tries one kind of expression.

use super::words::*;
use super::{hit, Hit, Tense, TimexType};
use herald_dict::calendar::{days, from_days, weekday};
use herald_dict::Date;

/// What the words from `i` on say, for a sentence in `tense`, published on `dct`.
pub(super) struct Matcher<'a> {
    /// Lower-case words.
    pub(super) w: Vec<String>,
    /// Words as written.
    pub(super) written: Vec<&'a str>,
    /// Penn tags.
    pub(super) xpos: Vec<&'a str>,
    pub(super) dct: Date,
    pub(super) tense: Tense,
    /// The document reports by quarter.
    pub(super) quarterly: bool,
    /// The last date the text named before this point (a TimeML value).
    pub(super) reference: Option<String>,
}

impl Matcher<'_> {
    fn word(&self, i: usize) -> &str {
        self.w.get(i).map_or("", String::as_str)
    }

    /// Year of a month (and day) given without one: the last such day up to the publication
    /// date in past-tense sentences, the next one in future-tense ones, else this year's.
    fn infer_year(&self, m: u32, d: u32) -> i32 {
        // The occurrence nearest the publication date, news being about the weeks around it;
        // the tense leans the choice: a past-tense clause takes a later date only if it is
        // half a year nearer (and a future one an earlier date). Chosen on TBAQ (dev).
        let lean: i64 = 180;
        let (y, _, _) = ymd(self.dct);
        let p = days(self.dct);
        let at = |yy: i32| days(Date(yy as u32 * 10000 + m * 100 + d.max(1)));
        let mut best = (i64::MAX, y);
        for yy in [y - 1, y, y + 1] {
            let dist = at(yy) - p;
            let penalty = match self.tense {
                Tense::Past if dist > 0 => lean,
                Tense::Future if dist < 0 => lean,
                _ => 0,
            };
            if dist.abs() + penalty < best.0 {
                best = (dist.abs() + penalty, yy);
            }
        }
        best.1
    }

    /// The longest expression starting at token `i`.
    pub(super) fn at(&self, i: usize) -> Option<Hit> {
        let candidates = [
            self.modified(i),
            self.explicit_date(i),
            self.year(i),
            self.spoken_year(i),
            self.year_earlier(i),
            self.weekday(i),
            self.deictic(i),
            self.referring(i),
            self.relative(i),
            self.ago(i),
            self.duration(i),
            self.quarter_or_season(i),
            self.clock(i),
            self.set(i),
            self.anaphoric(i),
            self.holiday(i),
        ];
        // The longest; among equally long ones the first listed (a date before a duration:
        // "next year" is 1990, not P1Y).
        candidates
            .into_iter()
            .flatten()
            .fold(None, |best: Option<Hit>, h| match best {
                Some(b) if b.len >= h.len => Some(b),
                _ => Some(h),
            })
    }

    /// Holidays news dates things by: Christmas (Eve), New Year's Day (Eve), Thanksgiving,
    /// Easter, Halloween, Valentine's Day, Memorial Day and Labor Day — the occurrence the
    /// clause's tense points to, as for a month and day.
    pub(super) fn holiday(&self, i: usize) -> Option<Hit> {
        let w = |k: usize| self.word(i + k);
        // (words, month, day or 0 for a moveable feast, which)
        let (len, month, fixed_day, which): (usize, u32, u32, &str) = match (w(0), w(1), w(2), w(3))
        {
            ("christmas", "eve", _, _) => (2, 12, 24, ""),
            ("christmas", "day", _, _) => (2, 12, 25, ""),
            ("christmas", _, _, _) => (1, 12, 25, ""),
            ("new", "year", "'s" | "’s", "eve") => (4, 12, 31, ""),
            ("new", "year", "'s" | "’s", "day") => (4, 1, 1, ""),
            ("halloween", _, _, _) => (1, 10, 31, ""),
            ("valentine", "'s" | "’s", "day", _) => (3, 2, 14, ""),
            ("thanksgiving", "day", _, _) => (2, 11, 0, "thanksgiving"),
            ("thanksgiving", _, _, _) => (1, 11, 0, "thanksgiving"),
            ("easter", "sunday", _, _) => (2, 4, 0, "easter"),
            ("easter", _, _, _) => (1, 4, 0, "easter"),
            ("memorial", "day", _, _) => (2, 5, 0, "memorial"),
            ("labor" | "labour", "day", _, _) => (2, 9, 0, "labor"),
            _ => return None,
        };
        // A capitalised name, not the word "christmas shopping" would also give: the text's own
        // casing decides.
        if !self
            .written
            .get(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
        {
            return None;
        }
        let y = self.infer_year(month, if fixed_day > 0 { fixed_day } else { 20 });
        let day_of = |yy: i32| -> Option<u32> {
            let first = |m: u32| days(Date(yy as u32 * 10000 + m * 100 + 1));
            Some(match which {
                "" => fixed_day,
                // Fourth Thursday of November.
                "thanksgiving" => {
                    let f = first(11);
                    let wd = weekday(from_days(f));
                    (1 + (3 - wd).rem_euclid(7) + 21) as u32
                }
                // First Monday of September.
                "labor" => {
                    let wd = weekday(from_days(first(9)));
                    (1 + (0 - wd).rem_euclid(7)) as u32
                }
                // Last Monday of May.
                "memorial" => {
                    let wd = weekday(from_days(first(5) + 30));
                    (31 - wd) as u32
                }
                // Western Easter (the anonymous Gregorian computus); month/day packed below.
                "easter" => {
                    let yy = yy as i64;
                    let (a, b, c) = (yy % 19, yy / 100, yy % 100);
                    let (d, e) = (b / 4, b % 4);
                    let f = (b + 8) / 25;
                    let g = (b - f + 1) / 3;
                    let h = (19 * a + b - d - g + 15) % 30;
                    let (ii, k) = (c / 4, c % 4);
                    let l = (32 + 2 * e + 2 * ii - h - k) % 7;
                    let m = (a + 11 * h + 22 * l) / 451;
                    let month = (h + l - 7 * m + 114) / 31;
                    let day = (h + l - 7 * m + 114) % 31 + 1;
                    (month * 100 + day) as u32
                }
                _ => return None,
            })
        };
        let d = day_of(y)?;
        let (m, d) = if which == "easter" {
            (d / 100, d % 100)
        } else {
            (month, d)
        };
        hit(len, TimexType::Date, format!("{y:04}-{m:02}-{d:02}"))
    }

    /// "early December", "the end of 2012", "mid-1990s": a modifier plus a date.
    fn modified(&self, i: usize) -> Option<Hit> {
        const MODS: [&[&str]; 12] = [
            &["early"],
            &["late"],
            &["mid"],
            &["the", "end", "of"],
            &["the", "beginning", "of"],
            &["the", "start", "of"],
            &["the", "middle", "of"],
            &["end", "of"],
            &["beginning", "of"],
            &["the", "first", "half", "of"],
            &["the", "second", "half", "of"],
            &["mid", "-"],
        ];
        // "mid-November", "mid-1996", "(the) mid-1990s" as one token.
        let the = usize::from(self.word(i) == "the");
        if let Some(rest) = self.word(i + the).strip_prefix("mid-") {
            if let Some(mo) = month_of(rest, "M").filter(|_| the == 0) {
                let y = self.infer_year(mo, 15);
                return hit(1, TimexType::Date, format!("{y:04}-{mo:02}"));
            }
            if let Some(y) = is_year(rest).filter(|_| the == 0) {
                return hit(1, TimexType::Date, format!("{y}"));
            }
            if let Some(dec) = rest.strip_suffix('s').and_then(is_year) {
                if dec % 10 == 0 {
                    return hit(the + 1, TimexType::Date, format!("{}", dec / 10));
                }
            }
        }
        MODS.iter()
            .filter(|m| m.iter().enumerate().all(|(k, w)| self.word(i + k) == *w))
            .filter_map(|m| {
                let inner = [
                    self.explicit_date(i + m.len()),
                    self.year(i + m.len()),
                    self.relative(i + m.len()),
                    self.weekday(i + m.len()),
                    self.quarter_or_season(i + m.len()),
                    self.deictic(i + m.len()),
                ]
                .into_iter()
                .flatten()
                .max_by_key(|h| h.len)?;
                (inner.kind == TimexType::Date || inner.kind == TimexType::Time).then(|| Hit {
                    len: m.len() + inner.len,
                    ..inner
                })
            })
            .max_by_key(|h| h.len)
    }

    pub(super) fn explicit_date(&self, i: usize) -> Option<Hit> {
        // "last November", "next April", "this March": a month with a direction.
        let shift = match self.word(i) {
            "last" | "past" => Some(-1),
            "next" | "coming" => Some(1),
            "this" => Some(0),
            _ => None,
        };
        if let Some(sh) = shift {
            let m = month_of(
                self.word(i + 1),
                self.written.get(i + 1).copied().unwrap_or(""),
            )?;
            let (y, dm, _) = ymd(self.dct);
            let y = match sh {
                -1 if m >= dm => y - 1,
                1 if m <= dm => y + 1,
                _ => y,
            };
            return hit(2, TimexType::Date, format!("{y:04}-{m:02}"));
        }
        let w = self.word(i);
        // 2013-03-22, 3/22/2013
        let parts: Vec<&str> = w.split(['-', '/']).collect();
        let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if parts.len() == 3
            && nums.len() == 3
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        {
            let (y, m, d) = if parts[0].len() == 4 {
                (nums[0], nums[1], nums[2])
            } else if w.contains('/') {
                let y = if parts[2].len() == 2 {
                    2000 + nums[2]
                } else {
                    nums[2]
                };
                (y, nums[0], nums[1])
            } else {
                return None;
            };
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return hit(1, TimexType::Date, format!("{y:04}-{m:02}-{d:02}"));
            }
        }
        // Month Day(,) Year | Month Day | Month(,| of) Year | Month
        if let Some(m) = month_of(w, self.written.get(i).copied().unwrap_or("")) {
            // "Jan ." when the tokenizer split an abbreviation's period off; a full month name's
            // period ends the sentence.
            let mut k = i + 1;
            if self.word(k) == "." && MONTHS.iter().all(|m| *m != w) {
                k += 1;
            }
            if let Some(d) = is_day(self.word(k)) {
                let mut j = k + 1;
                if self.word(j) == "," {
                    j += 1;
                }
                if let Some(y) = is_year(self.word(j)) {
                    return hit(j + 1 - i, TimexType::Date, format!("{y:04}-{m:02}-{d:02}"));
                }
                let y = self.infer_year(m, d);
                return hit(k + 1 - i, TimexType::Date, format!("{y:04}-{m:02}-{d:02}"));
            }
            let mut j = k;
            if matches!(self.word(j), "," | "of") {
                j += 1;
            }
            if let Some((y, n)) = self.year_words(j) {
                return hit(j + n - i, TimexType::Date, format!("{y:04}-{m:02}"));
            }
            // "May" alone is a month only next to a date word ("in May", "last May").
            if m == 5
                && !matches!(
                    self.word(i.wrapping_sub(1)),
                    "in" | "of"
                        | "since"
                        | "until"
                        | "by"
                        | "last"
                        | "next"
                        | "this"
                        | "early"
                        | "late"
                        | "mid"
                        | "during"
                        | "from"
                        | "through"
                )
            {
                return None;
            }
            // "Jan Kavan", "April Ryan", "August Wilson": a first name before a surname.
            let next = self.written.get(k).copied().unwrap_or("");
            if k == i + 1
                && next.chars().next().is_some_and(char::is_uppercase)
                && month_of(self.word(k), next).is_none()
                && weekday_of(self.word(k)).is_none()
            {
                return None;
            }
            let y = self.infer_year(m, 1);
            return hit(k - i, TimexType::Date, format!("{y:04}-{m:02}"));
        }
        // 22 March 2013, 22 March
        if let Some(d) = is_day(w) {
            if let Some(m) = month_of(
                self.word(i + 1),
                self.written.get(i + 1).copied().unwrap_or(""),
            ) {
                if let Some(y) = is_year(self.word(i + 2)) {
                    return hit(3, TimexType::Date, format!("{y:04}-{m:02}-{d:02}"));
                }
                let y = self.infer_year(m, d);
                return hit(2, TimexType::Date, format!("{y:04}-{m:02}-{d:02}"));
            }
        }
        None
    }

    fn year(&self, i: usize) -> Option<Hit> {
        let w = self.word(i);
        let the = usize::from(w == "the");
        let w2 = self.word(i + the);
        // the 1990s, 1990s, '90s
        if let Some(dec) = w2.strip_suffix('s').and_then(is_year) {
            if dec % 10 == 0 {
                return hit(the + 1, TimexType::Date, format!("{}", dec / 10));
            }
        }
        // the nineties, the eighties
        const DECADES: [&str; 8] = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ];
        if the == 1 {
            if let Some(k) = DECADES.iter().position(|d| *d == w2) {
                let (y, _, _) = ymd(self.dct);
                // The latest such decade not after the publication year.
                let mut dec = (y / 100) * 10 + 2 + k as i32;
                if dec * 10 > y {
                    dec -= 10;
                }
                return hit(2, TimexType::Date, format!("{dec}"));
            }
            // the 20th century, the nineteenth century
            if self.word(i + 2) == "century" {
                let n = ordinal_of(w2)?;
                return hit(3, TimexType::Date, format!("{:02}", n - 1));
            }
            return None;
        }
        // fiscal 2013, fiscal year 2013
        if w == "fiscal" {
            let k = if self.word(i + 1) == "year" { 2 } else { 1 };
            if let Some(y) = is_year(self.word(i + k)) {
                return hit(k + 1, TimexType::Date, format!("{y}"));
            }
        }
        let y = is_year(w)?;
        // Not an amount: "$2013", "2013 people".
        if self.word(i.wrapping_sub(1)) == "$"
            || matches!(
                self.word(i + 1),
                "%" | "percent"
                    | "people"
                    | "tons"
                    | "tonnes"
                    | "dollars"
                    | "shares"
                    | "points"
                    | "-"
            )
        {
            return None;
        }
        hit(1, TimexType::Date, format!("{y}"))
    }

    /// A year written in figures (1 word) or spoken ("nineteen ninety-six", 2 or 4 words).
    fn year_words(&self, j: usize) -> Option<(i32, usize)> {
        if let Some(y) = is_year(self.word(j)) {
            return Some((y, 1));
        }
        let h = self.spoken_year(j)?;
        Some((h.value.parse().ok()?, h.len))
    }

    /// Years as broadcast transcripts spell them: "nineteen ninety-six", "nineteen eighty".
    fn spoken_year(&self, i: usize) -> Option<Hit> {
        // "(the year) two thousand", "two thousand and one".
        if self.word(i) == "two"
            && self.word(i + 1) == "thousand"
            && self.word(i.wrapping_sub(1)) == "year"
        {
            const SMALL: [&str; 9] = [
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            ];
            let and = usize::from(self.word(i + 2) == "and");
            if let Some(u) = SMALL.iter().position(|u| *u == self.word(i + 2 + and)) {
                return hit(3 + and, TimexType::Date, format!("{}", 2001 + u));
            }
            return hit(2, TimexType::Date, "2000");
        }
        let century = match self.word(i) {
            "nineteen" => 1900,
            "eighteen" => 1800,
            _ => return None,
        };
        const TENS: [&str; 8] = [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ];
        const UNITS: [&str; 9] = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        ];
        let tens = TENS.iter().position(|t| *t == self.word(i + 1))? as i32 * 10 + 20;
        let unit = if self.word(i + 2) == "-" {
            UNITS
                .iter()
                .position(|u| *u == self.word(i + 3))
                .map(|u| u as i32 + 1)
        } else {
            None
        };
        match unit {
            Some(u) => hit(4, TimexType::Date, format!("{}", century + tens + u)),
            None => hit(2, TimexType::Date, format!("{}", century + tens)),
        }
    }

    /// "the year-earlier quarter", "the year-ago period", "year-earlier": the same time a year
    /// before — in a company report, the quarter just reported, a year before.
    fn year_earlier(&self, i: usize) -> Option<Hit> {
        let mut k = usize::from(self.word(i) == "the");
        if matches!(self.word(i + k), "comparable" | "same") {
            k += 1;
        }
        if self.word(i + k) != "year"
            || self.word(i + k + 1) != "-"
            || !matches!(self.word(i + k + 2), "earlier" | "ago")
        {
            return None;
        }
        let (y, _, _) = ymd(self.dct);
        let noun = matches!(
            self.word(i + k + 3),
            "quarter" | "period" | "level" | "figure"
        );
        if !noun {
            // A bare "year-earlier" is a date only without an article before it.
            if k > 0 {
                return None;
            }
            return hit(3, TimexType::Date, format!("{}", y - 1));
        }
        if self.word(i + k + 3) == "quarter" || self.quarterly {
            return hit(k + 4, TimexType::Date, quarter_value(self.dct, -5));
        }
        hit(k + 4, TimexType::Date, format!("{}", y - 1))
    }

    fn weekday(&self, i: usize) -> Option<Hit> {
        let (shift, k) = match self.word(i) {
            "last" | "past" => (Some(Tense::Past), 1),
            "next" | "coming" => (Some(Tense::Future), 1),
            "this" => (None, 1),
            _ => (None, 0),
        };
        let wd = weekday_of(self.word(i + k))?;
        // Past clauses count back, future ones forward, present ones take the nearer day.
        let tense = shift.unwrap_or(self.tense);
        let p = days(self.dct);
        let pw = weekday(self.dct);
        let delta = match tense {
            // A present-tense clause ("the vote is Tuesday") takes the nearer one, the past on a
            // tie.
            Tense::Present if shift.is_none() => {
                let back = -((pw - wd).rem_euclid(7));
                let ahead = (wd - pw).rem_euclid(7);
                if ahead < -back {
                    ahead
                } else {
                    back
                }
            }
            Tense::Future => {
                let d = (wd - pw).rem_euclid(7);
                if d == 0 && shift.is_some() {
                    7
                } else {
                    d
                }
            }
            _ => {
                let d = -((pw - wd).rem_euclid(7));
                if d == 0 && shift.is_some() {
                    -7
                } else {
                    d
                }
            }
        };
        // "Monday, Oct. 26": the date the text gives.
        if k == 0 && self.word(i + 1) == "," {
            if let Some(h) = self
                .explicit_date(i + 2)
                .filter(|h| h.kind == TimexType::Date)
            {
                return hit(h.len + 2, TimexType::Date, h.value);
            }
        }
        let day = date_value(from_days(p + delta));
        let part = match self.word(i + k + 1) {
            "morning" => Some("MO"),
            "afternoon" => Some("AF"),
            "evening" => Some("EV"),
            "night" => Some("NI"),
            _ => None,
        };
        match part {
            Some(p) => hit(k + 2, TimexType::Time, format!("{day}T{p}")),
            None => hit(k + 1, TimexType::Date, day),
        }
    }

    fn deictic(&self, i: usize) -> Option<Hit> {
        let p = days(self.dct);
        let today = date_value(self.dct);
        let two = (self.word(i), self.word(i + 1));
        match two {
            ("this", "morning") => return hit(2, TimexType::Time, format!("{today}TMO")),
            ("this", "afternoon") => return hit(2, TimexType::Time, format!("{today}TAF")),
            ("this", "evening") => return hit(2, TimexType::Time, format!("{today}TEV")),
            ("last", "night") => {
                return hit(
                    2,
                    TimexType::Time,
                    format!("{}TNI", date_value(from_days(p - 1))),
                )
            }
            ("at", "present") => return hit(2, TimexType::Date, "PRESENT_REF"),
            ("the", "future") => return hit(2, TimexType::Date, "FUTURE_REF"),
            ("the", "near" | "short") if matches!(self.word(i + 2), "future" | "term") => {
                return hit(3, TimexType::Date, "FUTURE_REF")
            }
            ("the", "past")
                if unit_of(self.word(i + 2)).is_none() && count_of(self.word(i + 2)).is_none() =>
            {
                return hit(2, TimexType::Date, "PAST_REF")
            }
            _ => {}
        }
        match self.word(i) {
            "today" => hit(1, TimexType::Date, today),
            "tonight" => hit(1, TimexType::Time, format!("{today}TNI")),
            "yesterday" => hit(1, TimexType::Date, date_value(from_days(p - 1))),
            "tomorrow" => hit(1, TimexType::Date, date_value(from_days(p + 1))),
            "now" | "currently" | "nowadays" | "presently" => {
                hit(1, TimexType::Date, "PRESENT_REF")
            }
            "recently" | "lately" => hit(1, TimexType::Date, "PAST_REF"),
            _ => None,
        }
    }

    /// "that day", "the same day", "later that year", "the following year": the date the text
    /// named last (TimeML's reference time), or the day or year after or before it.
    fn referring(&self, i: usize) -> Option<Hit> {
        let r = self.reference.as_deref()?;
        let w = |k: usize| self.word(i + k);
        let mut k = usize::from(matches!(w(0), "earlier" | "later"));
        let shift = match (w(k), w(k + 1)) {
            ("that", "same") | ("the", "same") => {
                k += 2;
                0
            }
            ("that", _) => {
                k += 1;
                0
            }
            // Only a past-tense narrative counts on from a named date; elsewhere "the next
            // day" is the day after publication.
            ("the", "following" | "next") if self.tense == Tense::Past && k == 0 => {
                k += 2;
                1
            }
            ("the", "previous" | "preceding") if self.tense == Tense::Past && k == 0 => {
                k += 2;
                -1
            }
            _ => return None,
        };
        let parts: Vec<u32> = r.split('-').filter_map(|p| p.parse().ok()).collect();
        let value = match (w(k), parts.as_slice()) {
            ("day", [y, m, d]) => {
                let day = days(Date(y * 10000 + m * 100 + d)) + shift;
                date_value(from_days(day))
            }
            ("month", [y, m, ..]) if shift == 0 => format!("{y:04}-{m:02}"),
            ("year", [y, ..]) => format!("{}", *y as i64 + shift),
            _ => return None,
        };
        hit(k + 1, TimexType::Date, value)
    }

    /// "last week", "this year", "next month", "the previous quarter", "last weekend".
    fn relative(&self, i: usize) -> Option<Hit> {
        let (mut k, the) = if self.word(i) == "the" {
            (1, true)
        } else {
            (0, false)
        };
        let shift = match self.word(i + k) {
            "last" | "past" | "previous" | "preceding" => -1,
            "this" | "current" | "same" => 0,
            // TimeBank keeps "earlier" in "earlier this year".
            "earlier" if self.word(i + k + 1) == "this" => {
                k += 1;
                0
            }
            "next" | "coming" | "following" => 1,
            _ => return None,
        };
        if the && self.word(i + 1) == "this" {
            return None;
        }
        let unit = self.word(i + k + 1);
        let len = k + 2;
        let (y, m, _) = ymd(self.dct);
        let value = match unit {
            "year" => format!("{}", y + shift),
            "month" => {
                let (yy, mm) = add_months(y, m, shift);
                format!("{yy:04}-{mm:02}")
            }
            "week" => week_value(from_days(days(self.dct) + 7 * shift as i64)),
            "weekend" => format!(
                "{}-WE",
                week_value(from_days(days(self.dct) + 7 * shift as i64))
            ),
            "quarter" => quarter_value(self.dct, shift),
            "decade" => format!("{}", (y + 10 * shift) / 10),
            "century" => format!("{}", (y + 100 * shift) / 100),
            s => {
                let (_, code, month) = SEASONS.iter().find(|(n, _, _)| *n == s)?;
                // "last summer" is the last one that has begun; "this summer" this year's.
                let yy = match shift {
                    -1 if *month <= m => y - 1 + i32::from(*month < m.saturating_sub(2)),
                    -1 => y - 1,
                    1 if *month > m => y,
                    1 => y + 1,
                    _ => y,
                };
                format!("{yy:04}-{code}")
            }
        };
        // "the past week" and "the last year" are durations in TimeML.
        if the && shift == -1 && !matches!(unit, "weekend") {
            let (u, clock) = unit_of(unit)?;
            return hit(
                len,
                TimexType::Duration,
                duration_value(Count::N(1.0), u, clock),
            );
        }
        hit(len, TimexType::Date, value)
    }

    /// "three years ago", "a week ago".
    fn ago(&self, i: usize) -> Option<Hit> {
        let n = count_of(self.word(i))?;
        let (u, clock) = unit_of(self.word(i + 1))?;
        // "a year earlier" is a date too (TimeBank), counted back from the publication date for
        // want of the event it is anchored to; "three days later" forward.
        let sign = match self.word(i + 2) {
            "ago" | "earlier" | "before" => -1,
            "later" => 1,
            _ => return None,
        };
        if clock {
            return None;
        }
        let Count::N(k) = n else {
            return hit(
                3,
                TimexType::Date,
                if sign < 0 { "PAST_REF" } else { "FUTURE_REF" },
            );
        };
        let k = sign * k as i32;
        let (y, m, _) = ymd(self.dct);
        if self.quarterly && u == "Y" && k == -1 {
            // The quarter just reported (the last one that ended), a year before.
            return hit(3, TimexType::Date, quarter_value(self.dct, -5));
        }
        let value = match u {
            "Y" => format!("{}", y + k),
            "M" => {
                let (yy, mm) = add_months(y, m, k);
                format!("{yy:04}-{mm:02}")
            }
            "W" => week_value(from_days(days(self.dct) + 7 * k as i64)),
            "D" => date_value(from_days(days(self.dct) + k as i64)),
            "DE" => format!("{}", y + 10 * k),
            _ => return None,
        };
        hit(3, TimexType::Date, value)
    }

    /// "three years", "a month", "the past several months", "recent weeks", "four-week".
    fn duration(&self, i: usize) -> Option<Hit> {
        let mut k = 0;
        let mut prefixed = false;
        if self.word(i) == "the"
            && matches!(
                self.word(i + 1),
                "past" | "last" | "next" | "coming" | "first" | "final" | "previous"
            )
        {
            k = 2;
            prefixed = true;
        } else if matches!(self.word(i), "past" | "next" | "coming" | "first") {
            k = 1;
            prefixed = true;
        } else if self.word(i) == "the" && matches!(count_of(self.word(i + 1)), Some(Count::N(_))) {
            // "the nine months (ended Sept. 30)"
            k = 1;
        }
        if self.word(i + k) == "couple" && self.word(i + k + 1) == "of" {
            let (u, clock) = unit_of(self.word(i + k + 2))?;
            return hit(
                k + 3,
                TimexType::Duration,
                duration_value(Count::N(2.0), u, clock),
            );
        }
        let (count, mut after) = match count_of(self.word(i + k)) {
            Some(c) => {
                // "four-week", "90-day": a count, a hyphen, a unit.
                let skip = usize::from(self.word(i + k + 1) == "-");
                (Some(c), i + k + 1 + skip)
            }
            None => (None, i + k),
        };
        // "2 1/2 years": a half more.
        let count = match (count, self.word(after)) {
            (Some(Count::N(c)), "1/2" | "½") => {
                after += 1;
                Some(Count::N(c + 0.5))
            }
            (c, _) => c,
        };
        // "two more weeks", "20 additional years".
        if count.is_some() && matches!(self.word(after), "more" | "additional" | "extra") {
            after += 1;
        }
        let unit_word = self.word(after);
        let (u, clock) = unit_of(unit_word)?;
        // "the 1988 quarter" is a year, not 1988 quarters.
        if is_year(self.word(i + k)).is_some() && !unit_word.ends_with('s') {
            return None;
        }
        let plural = unit_word.ends_with('s');
        let count = match count {
            Some(c) => c,
            // "years", "months" alone: an unknown number of them, only with a prefix or a
            // plural ("for years").
            None if plural => Count::Some,
            None if prefixed => Count::N(1.0),
            None => return None,
        };
        if u == "Q" && !plural && count == Count::N(1.0) && k == 0 && self.word(i) != "a" {
            return None;
        }
        // "a year ago" is a date (see `ago`); "second" as an ordinal is no unit.
        if u == "S" && clock && !plural && count_of(self.word(i + k)).is_none() {
            return None;
        }
        // "a 6-year-old", "years-old": an age, not a time.
        if self.word(after + 1) == "-" && self.word(after + 2) == "old"
            || unit_word.ends_with("-old")
        {
            return None;
        }
        hit(
            after + 1 - i,
            TimexType::Duration,
            duration_value(count, u, clock),
        )
    }

    /// "the first quarter (of 2013)", "summer", "the summer of 2012".
    fn quarter_or_season(&self, i: usize) -> Option<Hit> {
        let the = usize::from(self.word(i) == "the");
        let ordinal = |w: &str| match w {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            "fourth" | "4th" => 4,
            _ => 0,
        };
        // "the third quarter", "third-quarter" (one token or three), "the fiscal(-)first
        // quarter".
        let fiscal = if the == 1 && self.word(i + 1) == "fiscal" {
            1 + usize::from(self.word(i + 2) == "-")
        } else {
            0
        };
        let lead = the + fiscal;
        let w = self.word(i + lead);
        let (ord, qlen) = match w.strip_suffix("-quarter") {
            Some(o) => (ordinal(o), 1),
            None if self.word(i + lead + 1) == "-" && self.word(i + lead + 2) == "quarter" => {
                (ordinal(w), 3)
            }
            None if self.word(i + lead + 1) == "quarter" => (ordinal(w), 2),
            None => (0, 0),
        };
        let (y, m, _) = ymd(self.dct);
        if ord > 0 && !(the == 1 && qlen == 1) {
            let mut len = lead + qlen;
            let year = if self.word(i + len) == "of" {
                if let Some(yy) = is_year(self.word(i + len + 1)) {
                    len += 2;
                    yy
                } else {
                    y
                }
            } else if let Some(yy) = is_year(self.word(i + len)) {
                len += 1;
                yy
            } else {
                let current = (m as i32 - 1) / 3 + 1;
                match self.tense {
                    Tense::Past if ord > current => y - 1,
                    Tense::Future if ord < current => y + 1,
                    _ => y,
                }
            };
            return hit(len, TimexType::Date, format!("{year:04}-Q{ord}"));
        }
        let (_, code, month) = SEASONS.iter().find(|(n, _, _)| *n == self.word(i + the))?;
        // "fall" is mostly a verb: a season only after "the"/"in"/"this"... or before a year.
        let dated = the == 1
            || matches!(
                self.word(i.wrapping_sub(1)),
                "in" | "this"
                    | "last"
                    | "next"
                    | "during"
                    | "by"
                    | "since"
                    | "until"
                    | "early"
                    | "late"
                    | "mid"
            )
            || is_year(self.word(i + 1)).is_some();
        if !dated {
            return None;
        }
        let mut len = the + 1;
        let of_year = (self.word(i + len) == "of")
            .then(|| self.year_words(i + len + 1))
            .flatten();
        let year = if let Some((yy, n)) = of_year {
            len += 1 + n;
            yy
        } else if let Some(yy) = is_year(self.word(i + len)) {
            len += 1;
            yy
        } else if the == 1 || self.tense != Tense::Present {
            match self.tense {
                Tense::Past if *month > m => y - 1,
                Tense::Future if *month < m => y + 1,
                _ => y,
            }
        } else {
            y
        };
        hit(len, TimexType::Date, format!("{year:04}-{code}"))
    }

    /// "the quarter", "the latest quarter", "the year", "the week", "the fiscal year": the
    /// period a report is about — the last one in past-tense sentences, else the current one.
    fn anaphoric(&self, i: usize) -> Option<Hit> {
        if self.word(i) != "the" {
            return None;
        }
        let (y, m, _) = ymd(self.dct);
        let mut k = 1;
        // Up to two modifiers: "the current fiscal year", "the latest quarter".
        while k < 3 && matches!(self.word(i + k), "latest" | "current" | "fiscal" | "same") {
            k += 1;
        }
        let fiscal = (1..k).any(|j| self.word(i + j) == "fiscal");
        let back = i32::from(self.tense == Tense::Past);
        let value = match self.word(i + k) {
            // "the latest period" of a company report: the quarter it reports.
            "period" if self.quarterly && self.word(i + 1) == "latest" => {
                quarter_value(self.dct, -1)
            }
            "quarter" => {
                // A company report's "the quarter" is the one it reports, the last that ended,
                // whatever the tense ("the quarter's sales rose", "sales in the quarter are");
                // only "the current quarter" is the one under way.
                let back = if self.quarterly && self.word(i + 1) != "current" {
                    1
                } else {
                    back
                };
                quarter_value(self.dct, -back)
            }
            // "the year two thousand", "the year 1999".
            "year" if k == 1 && self.year_words(i + 2).is_some() => {
                let (yy, n) = self.year_words(i + 2)?;
                return hit(2 + n, TimexType::Date, format!("{yy}"));
            }
            // A fiscal year named is a date: "the current fiscal year", "the latest fiscal
            // year" (the last one ended).
            "year" if fiscal && self.word(i + k + 1) != "-" => {
                format!("{}", y - i32::from(self.word(i + 1) == "latest"))
            }
            // "for the year" is a length in TimeBank; "the same year" a date.
            "year" if self.word(i + k + 1) != "-" && self.word(i + 1) != "same" => {
                return hit(k + 1, TimexType::Duration, "P1Y");
            }
            "year" if self.word(i + k + 1) != "-" => format!("{y}"),
            "week" => {
                // "the week of March 6": the week of that day.
                let day = (self.word(i + k + 1) == "of")
                    .then(|| self.explicit_date(i + k + 2))
                    .flatten()
                    .and_then(|h| {
                        let d: Vec<u32> =
                            h.value.split('-').filter_map(|p| p.parse().ok()).collect();
                        (d.len() == 3).then(|| (h.len, Date(d[0] * 10000 + d[1] * 100 + d[2])))
                    });
                if let Some((n, d)) = day {
                    return hit(k + 2 + n, TimexType::Date, week_value(d));
                }
                week_value(self.dct)
            }
            // "the weekend" of a past-tense clause is the one before the publication day (the
            // same week's only when published on it); of a future one, the next.
            "weekend" => {
                let wd = weekday(self.dct);
                let shift = match self.tense {
                    Tense::Past if wd < 5 => -7,
                    Tense::Future if wd >= 5 => 7,
                    _ => 0,
                };
                format!("{}-WE", week_value(from_days(days(self.dct) + shift)))
            }
            "month" => format!("{y:04}-{m:02}"),
            _ => return None,
        };
        hit(k + 1, TimexType::Date, value)
    }

    /// "8 p.m.", "10:30 a.m.", "noon".
    fn clock(&self, i: usize) -> Option<Hit> {
        let today = date_value(self.dct);
        if matches!(self.word(i), "noon" | "midday") {
            // "noon Thursday": noon of that day.
            let day = weekday_of(self.word(i + 1))
                .and_then(|_| self.weekday(i + 1))
                .filter(|h| h.len == 1);
            return match day {
                Some(d) => hit(2, TimexType::Time, format!("{}T12:00", d.value)),
                None => hit(1, TimexType::Time, format!("{today}T12:00")),
            };
        }
        let w = self.word(i);
        let (h, min) = match w.split_once(':') {
            Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
            None => (w.parse::<u32>().ok()?, 0),
        };
        let ampm = self.word(i + 1).replace('.', "");
        let h = match ampm.as_str() {
            "am" if h <= 12 => h % 12,
            "pm" if h <= 12 => h % 12 + 12,
            _ => return None,
        };
        // "9 a.m. Tuesday", "4 a.m. EDT Thursday": the time of that day.
        let zone = matches!(
            self.word(i + 2),
            "est" | "edt" | "cst" | "cdt" | "mst" | "mdt" | "pst" | "pdt" | "gmt" | "utc" | "bst"
        ) as usize;
        let day = match self.word(i + 2 + zone) {
            "today" => Some((1, today.clone())),
            "yesterday" | "tomorrow" => self.deictic(i + 2 + zone).map(|h| (1, h.value)),
            w if weekday_of(w).is_some() => self
                .weekday(i + 2 + zone)
                .filter(|h| h.len == 1)
                .map(|h| (1, h.value)),
            _ => None,
        };
        match day {
            Some((n, d)) => hit(
                2 + zone + n,
                TimexType::Time,
                format!("{d}T{h:02}:{min:02}"),
            ),
            None => hit(2, TimexType::Time, format!("{today}T{h:02}:{min:02}")),
        }
    }

    /// "every week", "each year", "weekly", "annually".
    fn set(&self, i: usize) -> Option<Hit> {
        let one = match self.word(i) {
            "daily" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" | "annual" => Some("P1Y"),
            "quarterly" => Some("P1Q"),
            _ => None,
        };
        // "weekly", "annually" as adverbs; "a quarterly dividend", "the annual meeting" name no
        // time.
        if let Some(v) = one {
            if self.word(i) != "daily" && self.xpos.get(i).is_some_and(|x| x.starts_with("JJ")) {
                return None;
            }
            return hit(1, TimexType::Set, v);
        }
        if !matches!(self.word(i), "every" | "each") {
            return None;
        }
        let (u, clock) = unit_of(self.word(i + 1))?;
        hit(2, TimexType::Set, duration_value(Count::N(1.0), u, clock))
    }
}
