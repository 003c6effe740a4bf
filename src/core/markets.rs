//! CSP markets: which CSP region a country's tenants belong to on a given day.
//!
//! The rows come from `data/csp-markets.tsv`, compiled into `markets_table.rs` (generated; do not edit).

use super::day::{Day, Effective};
use super::vocabulary::Region;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A two-letter Partner Center country code (ISO 3166-1 alpha-2, plus Microsoft's XK, XS, XE).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// The code if `text` is two ASCII capital letters.
    pub fn parse(text: &str) -> Option<CountryCode> {
        match text.as_bytes() {
            [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some(CountryCode([*a, *b])),
            _ => None,
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // INVARIANT: both bytes are ASCII capitals, checked by `parse`.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Whether this is the country with code `code`.
    pub fn is(self, code: &str) -> bool {
        self.0.as_slice() == code.as_bytes()
    }

    /// A number that orders codes the way their text does.
    fn sort_key(self) -> u16 {
        u16::from_be_bytes(self.0)
    }

    /// Whether Partner Center knows this country (as a CSP market at some date, or as no market).
    pub fn is_known(self) -> bool {
        !rows(self).is_empty()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CountryCode, D::Error> {
        super::day::deserialize_text(deserializer, "a known country code", |text| CountryCode::parse(text).filter(|code| code.is_known()))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for CountryCode {
    fn schema_name() -> String {
        "CountryCode".into()
    }
    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        super::schema::string_schema(None, Some(known_codes().map(|code| code.into()).collect()), None)
    }
}

/// One row of the market table: a country's region over a span of days. (`data/csp-markets.tsv` also
/// records each row's ISO code, billing currency and source note; the decision needs none of them, so
/// they are not compiled in.)
#[derive(Debug, PartialEq, Eq)]
pub struct Market {
    /// Partner Center country code.
    pub code: &'static str,
    /// English name as Microsoft lists it.
    pub name: &'static str,
    /// CSP region; `None` when the country is no CSP market.
    pub region: Option<Region>,
    /// Days the row holds.
    pub effective: Effective,
}

include!("markets_table.rs");

/// Every row of a country, oldest first.
pub fn rows(code: CountryCode) -> &'static [Market] {
    let key = code.sort_key();
    let row_key = |row: &Market| match row.code.as_bytes() {
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0,
    };
    let start = MARKETS.partition_point(|row| row_key(row) < key);
    let end = start + MARKETS[start..].iter().take_while(|row| row_key(row) == key).count();
    &MARKETS[start..end]
}

/// The row that holds for a country on a day, if the country is known then.
pub fn on(code: CountryCode, day: Day) -> Option<&'static Market> {
    rows(code).iter().find(|row| row.effective.holds_on(day))
}

/// The country's CSP region on a day; `None` when it is no CSP market that day.
pub fn region_on(code: CountryCode, day: Day) -> Option<Region> {
    on(code, day).and_then(|row| row.region)
}

/// Every known country code, sorted.
pub fn known_codes() -> impl Iterator<Item = &'static str> {
    MARKETS.iter().enumerate().filter(|(i, row)| *i == 0 || MARKETS[i - 1].code != row.code).map(|(_, row)| row.code)
}

/// The dates on which some market row starts or stops holding.
pub fn change_days() -> impl Iterator<Item = Day> {
    MARKETS.iter().flat_map(|row| row.effective.from.into_iter().chain(row.effective.until))
}
