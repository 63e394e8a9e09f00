//! Event dates from the words of the text, relative to the publication date: weekdays
//! ("on Monday", "late Tuesday" → the latest such day up to the publication day), "today",
//! "yesterday", "tomorrow". News convention: a weekday named in a story is in the week up to its
//! publication, unless the verb is in the future.

use herald_dict::Date;

/// Days since 1970-01-01 of a date (proleptic Gregorian; Howard Hinnant's algorithm).
pub fn days(d: Date) -> i64 {
    let (y, m, dd) = (
        (d.0 / 10000) as i64,
        (d.0 / 100 % 100) as i64,
        (d.0 % 100) as i64,
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `n` days since 1970-01-01.
pub fn from_days(n: i64) -> Date {
    let z = n + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    Date((y * 10000 + m * 100 + d) as u32)
}

/// Day of the week, 0 = Monday.
pub fn weekday(d: Date) -> i64 {
    (days(d) + 3).rem_euclid(7)
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The date a time word denotes, relative to `publication`; `future` looks forward for weekdays.
pub fn resolve(word: &str, publication: Date, future: bool) -> Option<Date> {
    let w = word.to_lowercase();
    let p = days(publication);
    match w.as_str() {
        "today" | "tonight" => return Some(publication),
        "yesterday" => return Some(from_days(p - 1)),
        "tomorrow" => return Some(from_days(p + 1)),
        _ => {}
    }
    let wd = WEEKDAYS.iter().position(|d| *d == w)? as i64;
    let pub_wd = weekday(publication);
    let delta = if future {
        (wd - pub_wd).rem_euclid(7)
    } else {
        -((pub_wd - wd).rem_euclid(7))
    };
    Some(from_days(p + delta))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trip_and_weekdays() {
        let d = Date(20250521);
        assert_eq!(from_days(days(d)), d);
        assert_eq!(weekday(d), 2, "2025-05-21 is a Wednesday");
        assert_eq!(from_days(days(Date(20240228)) + 2), Date(20240301));
        assert_eq!(days(Date(19700101)), 0);
    }

    #[test]
    fn relative_days() {
        let p = Date(20250521);
        assert_eq!(resolve("Monday", p, false), Some(Date(20250519)));
        assert_eq!(resolve("Tuesday", p, false), Some(Date(20250520)));
        assert_eq!(resolve("Wednesday", p, false), Some(p));
        assert_eq!(resolve("Thursday", p, false), Some(Date(20250515)));
        assert_eq!(resolve("Thursday", p, true), Some(Date(20250522)));
        assert_eq!(resolve("yesterday", p, false), Some(Date(20250520)));
        assert_eq!(resolve("week", p, false), None);
    }
}
