//! Calendar days: the as-of date of a query and the effective dates of rules and markets.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::{Date, Month};

/// A calendar day, written `YYYY-MM-DD` in JSON and URLs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(Date);

impl Day {
    /// The day with this year, month (1–12) and day of month, if it exists.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Day> {
        let month = Month::try_from(month).ok()?;
        Date::from_calendar_date(year, month, day).ok().map(Day)
    }

    /// Parses `YYYY-MM-DD` (years 1000–9999), rejecting days that do not exist.
    pub fn parse(text: &str) -> Option<Day> {
        let bytes = text.as_bytes();
        let well_formed =
            bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-' && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !well_formed || bytes[0] == b'0' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| text[range].parse::<i32>().ok();
        let month = u8::try_from(number(5..7)?).ok()?;
        let day = u8::try_from(number(8..10)?).ok()?;
        Day::from_ymd(number(0..4)?, month, day)
    }

    /// The day as the number `YYYYMMDD` (how compact answers carry it).
    pub fn digits(self) -> u32 {
        self.0.year().unsigned_abs() * 10_000 + u32::from(u8::from(self.0.month())) * 100 + u32::from(self.0.day())
    }

    /// Builds a day from a `time` date (used by the compiled-in tables).
    pub const fn from_date(date: Date) -> Day {
        Day(date)
    }

    /// The previous day, saturating at the start of the calendar.
    pub fn previous(self) -> Day {
        Day(self.0.previous_day().unwrap_or(self.0))
    }

    /// How many days lie between two days.
    pub fn days_between(self, other: Day) -> i64 {
        i64::from((self.0.to_julian_day() - other.0.to_julian_day()).abs())
    }

    /// The next day, saturating at the end of the calendar.
    pub fn next(self) -> Day {
        Day(self.0.next_day().unwrap_or(self.0))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0.year(), u8::from(self.0.month()), self.0.day())
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Day, D::Error> {
        deserialize_text(deserializer, "a YYYY-MM-DD date", Day::parse)
    }
}

/// Deserialises a value written as a string with `parse`, without copying the string.
pub(crate) fn deserialize_text<'de, D: Deserializer<'de>, T>(deserializer: D, expecting: &'static str, parse: fn(&str) -> Option<T>) -> Result<T, D::Error> {
    struct Text<T> {
        expecting: &'static str,
        parse: fn(&str) -> Option<T>,
    }
    impl<T> serde::de::Visitor<'_> for Text<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
            (self.parse)(text).ok_or_else(|| E::custom(format_args!("`{text}` is not {}", self.expecting)))
        }
    }
    deserializer.deserialize_str(Text { expecting, parse })
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Day {
    fn schema_name() -> String {
        "Day".into()
    }
    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        super::schema::string_schema(Some("date"), None, None)
    }
}

/// A `Day` literal for the compiled-in tables: `day!(2020 - 02 - 01)`.
#[macro_export]
#[doc(hidden)]
macro_rules! day {
    ($($date:tt)+) => {
        $crate::core::day::Day::from_date(time::macros::date!($($date)+))
    };
}

/// The span of days a rule, note or market row holds: from `from` (inclusive) to `until` (exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Effective {
    /// First day it holds; `None` means since before the documents.
    pub from: Option<Day>,
    /// First day it no longer holds; `None` means it still holds.
    pub until: Option<Day>,
}

impl Effective {
    /// Holds on every day.
    pub const ALWAYS: Effective = Effective { from: None, until: None };

    /// Holds from `from` onwards.
    pub const fn from(from: Day) -> Effective {
        Effective { from: Some(from), until: None }
    }

    /// Holds before `until`.
    pub const fn until(until: Day) -> Effective {
        Effective { from: None, until: Some(until) }
    }

    /// From `from` until the day before `until`.
    pub const fn between(from: Day, until: Day) -> Effective {
        Effective { from: Some(from), until: Some(until) }
    }

    /// Whether it holds on `day`.
    pub fn holds_on(&self, day: Day) -> bool {
        self.from.map_or(true, |from| day >= from) && self.until.map_or(true, |until| day < until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_real_days_only() {
        assert_eq!(Day::parse("2020-02-01").map(|d| d.to_string()), Some("2020-02-01".into()));
        for bad in ["2020-02-30", "2020-13-01", "20-02-01", "2020/02/01", "0999-01-01", "2020-2-01", ""] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn effective_span_is_half_open() {
        let span = Effective { from: Day::parse("2020-01-01"), until: Day::parse("2021-01-01") };
        assert!(!span.holds_on(Day::parse("2019-12-31").unwrap()));
        assert!(span.holds_on(Day::parse("2020-01-01").unwrap()));
        assert!(!span.holds_on(Day::parse("2021-01-01").unwrap()));
    }
}
