//! Calendar arithmetic on [`Date`]s: day numbers, weekdays.

use crate::Date;

/// Weekday names, lower case, Monday first (index = [`weekday`]).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

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
