//! Calendar dates, as TOML writes them, and the month arithmetic that date
//! questions score by.

use std::fmt;

/// A proleptic Gregorian calendar date. Only `Date::new` builds one, so every
/// `Date` is a real day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    pub const EPOCH: Date = Date { year: 1970, month: 1, day: 1 };

    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD` exactly (four-digit year, two-digit month and day).
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = &text[r];
            if s.bytes().all(|c| c.is_ascii_digit()) { s.parse().ok() } else { None }
        };
        let year = i32::try_from(digits(0..4)?).ok()?;
        let month = u8::try_from(digits(5..7)?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// Whole calendar months from `self` to `later`, as the brief defines
    /// them: (y₂−y₁)·12 + (m₂−m₁) − (1 if d₂ < d₁ else 0).
    pub fn months_until(self, later: Date) -> i64 {
        let years = i64::from(later.year) - i64::from(self.year);
        let months = i64::from(later.month) - i64::from(self.month);
        let partial = i64::from(later.day < self.day);
        years * 12 + months - partial
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn rejects_impossible_days() {
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("1900-02-29").is_none());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("2026-04-31").is_none());
        assert!(Date::parse("2026-4-1").is_none());
        assert!(Date::parse("+026-04-01").is_none());
    }

    #[test]
    fn months_follow_the_brief() {
        let assessed = d("2026-11-24");
        assert_eq!(assessed.months_until(d("2026-11-24")), 0);
        assert_eq!(assessed.months_until(d("2026-12-23")), 0);
        assert_eq!(assessed.months_until(d("2026-12-24")), 1);
        assert_eq!(assessed.months_until(d("2027-11-23")), 11);
        assert_eq!(assessed.months_until(d("2027-11-24")), 12);
        assert_eq!(assessed.months_until(d("2028-05-01")), 17);
        assert_eq!(assessed.months_until(d("2026-11-01")), -1);
        assert_eq!(d("2026-01-31").months_until(d("2026-02-28")), 0);
        assert_eq!(d("2026-01-31").months_until(d("2026-03-01")), 1);
    }

    #[test]
    fn displays_as_toml_writes_it() {
        assert_eq!(d("0999-01-05").to_string(), "0999-01-05");
    }
}
