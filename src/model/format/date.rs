//! Dates as precise as their source: a year, a month or a day.
//!
//! Official lists mix "1973.6.24" with "1999", so a partnership's date carries its
//! precision and is never padded out with an invented month or day.
//!
//! ```
//! use youcheng::model::format::date::{PartialDate, Precision};
//! let d: PartialDate = "1974-02".parse().unwrap();
//! assert_eq!((d.year(), d.month(), d.precision()), (1974, Some(2), Precision::Month));
//! assert_eq!(d.to_string(), "1974-02");
//! assert!("2021-02-30".parse::<PartialDate>().is_err());
//! ```

use std::fmt;
use std::str::FromStr;

/// The earliest year a partnership date may carry (the first pairs date from the 1970s;
/// older years are accepted for other datasets, but not before this).
pub const MIN_YEAR: i32 = 1800;
/// The latest year a date may carry.
pub const MAX_YEAR: i32 = 2100;

/// How much of a [`PartialDate`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// Year and month are known.
    Month,
    /// The exact day is known.
    Day,
}

/// A calendar date known to a year, a month or a day. Always a real date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date string was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("expected YYYY, YYYY-MM or YYYY-MM-DD")]
    Syntax,
    /// The year lies outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    #[error("year {0} is outside {MIN_YEAR}..{MAX_YEAR}")]
    YearOutOfRange(i32),
    /// The month is not 1 to 12.
    #[error("month {0} does not exist")]
    BadMonth(u32),
    /// The day does not exist in that month (for example 30 February).
    #[error("day {0} does not exist in that month")]
    BadDay(u32),
}

impl PartialDate {
    /// A date known to the year.
    pub fn year_only(year: i32) -> Result<PartialDate, DateError> {
        check_year(year)?;
        Ok(PartialDate { year, month: None, day: None })
    }

    /// A date known to the month.
    pub fn year_month(year: i32, month: u32) -> Result<PartialDate, DateError> {
        check_year(year)?;
        let month = check_month(month)?;
        Ok(PartialDate { year, month: Some(month), day: None })
    }

    /// A date known to the day.
    pub fn ymd(year: i32, month: u32, day: u32) -> Result<PartialDate, DateError> {
        check_year(year)?;
        let month_u8 = check_month(month)?;
        if day == 0 || day > days_in_month(year, month_u8) as u32 {
            return Err(DateError::BadDay(day));
        }
        Ok(PartialDate { year, month: Some(month_u8), day: Some(day as u8) })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month (1 to 12), if known.
    pub fn month(self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day(self) -> Option<u8> {
        self.day
    }

    /// The first day of the period the date denotes ("2018" begins on 1 January 2018).
    pub fn earliest_day(self) -> PartialDate {
        PartialDate {
            year: self.year,
            month: Some(self.month.unwrap_or(1)),
            day: Some(self.day.unwrap_or(1)),
        }
    }

    /// The last day of the period the date denotes ("2018-02" ends on 28 February 2018).
    pub fn latest_day(self) -> PartialDate {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        PartialDate { year: self.year, month: Some(month), day: Some(day) }
    }

    /// How much of the date is known.
    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }
}

fn check_year(year: i32) -> Result<(), DateError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(DateError::YearOutOfRange(year))
    }
}

fn check_month(month: u32) -> Result<u8, DateError> {
    if (1..=12).contains(&month) { Ok(month as u8) } else { Err(DateError::BadMonth(month)) }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

fn digits(part: &str, len: usize) -> Result<u32, DateError> {
    if part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Syntax);
    }
    part.parse().map_err(|_| DateError::Syntax)
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<PartialDate, DateError> {
        let mut parts = text.trim().split('-');
        let year = digits(parts.next().unwrap_or_default(), 4)? as i32;
        let month = parts.next().map(|p| digits(p, 2)).transpose()?;
        let day = parts.next().map(|p| digits(p, 2)).transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Syntax);
        }
        match (month, day) {
            (None, _) => PartialDate::year_only(year),
            (Some(m), None) => PartialDate::year_month(year, m),
            (Some(m), Some(d)) => PartialDate::ymd(year, m, d),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expect: Result<&str, DateError>) {
        let got = text.parse::<PartialDate>().map(|d| d.to_string());
        assert_eq!(got.as_deref().map_err(Clone::clone), expect, "input {text:?}");
    }

    #[test]
    fn parses_each_precision_and_round_trips() {
        check("1974", Ok("1974"));
        check("1974-02", Ok("1974-02"));
        check("1974-02-01", Ok("1974-02-01"));
        check(" 2021-06-02 ", Ok("2021-06-02"));
    }

    #[test]
    fn refuses_impossible_dates() {
        check("2021-02-30", Err(DateError::BadDay(30)));
        check("2019-02-29", Err(DateError::BadDay(29)));
        check("2020-02-29", Ok("2020-02-29"));
        check("1900-02-29", Err(DateError::BadDay(29)));
        check("2000-02-29", Ok("2000-02-29"));
        check("2021-13", Err(DateError::BadMonth(13)));
        check("2021-00-10", Err(DateError::BadMonth(0)));
        check("2021-04-31", Err(DateError::BadDay(31)));
        check("0999", Err(DateError::YearOutOfRange(999)));
        check("3000", Err(DateError::YearOutOfRange(3000)));
    }

    #[test]
    fn refuses_other_spellings() {
        for text in
            ["", "74", "1974.6.24", "1974-2-1", "1974-02-01-01", "abcd", "１９７４", "-1974"]
        {
            assert_eq!(text.parse::<PartialDate>(), Err(DateError::Syntax), "input {text:?}");
        }
    }

    #[test]
    fn a_date_denotes_a_period_from_its_first_to_its_last_day() {
        let day = |t: &str| t.parse::<PartialDate>().unwrap();
        assert_eq!(day("2018").earliest_day(), day("2018-01-01"));
        assert_eq!(day("2018").latest_day(), day("2018-12-31"));
        assert_eq!(day("2016-02").latest_day(), day("2016-02-29"), "a leap year");
        assert_eq!(day("2017-02").latest_day(), day("2017-02-28"));
        assert_eq!(day("2021-06-02").earliest_day(), day("2021-06-02"));
        assert_eq!(day("2021-06-02").latest_day(), day("2021-06-02"));
    }

    #[test]
    fn orders_by_year_then_month_then_day() {
        let a: PartialDate = "1974".parse().unwrap();
        let b: PartialDate = "1974-01".parse().unwrap();
        let c: PartialDate = "1974-01-05".parse().unwrap();
        let d: PartialDate = "1975".parse().unwrap();
        assert!(a < b && b < c && c < d);
    }
}
