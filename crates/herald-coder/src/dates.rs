//! Event dates from the words of the text, relative to the publication date: weekdays
//! ("on Monday", "late Tuesday" → the latest such day up to the publication day), "today",
//! "yesterday", "tomorrow". News convention: a weekday named in a story is in the week up to its
//! publication, unless the verb is in the future.

use herald_dict::Date;

use herald_dict::calendar::WEEKDAYS;
pub use herald_dict::calendar::{days, from_days, weekday};

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
