//! CSP markets: which CSP region a country's tenants belong to on a given day.
//!
//! The rows come from `data/csp-markets.tsv`, compiled into `markets_table.rs` (generated; do not edit).

use super::day::{Day, Effective};
use super::vocabulary::Region;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::OnceLock;

/// A two-letter Partner Center country code (ISO 3166-1 alpha-2, plus Microsoft's XE, XJ, XK, XS).
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

    /// The code's place among the 26 × 26 two-letter codes (AA is 0, ZZ is 675).
    pub fn slot(self) -> usize {
        usize::from(self.0[0] - b'A') * 26 + usize::from(self.0[1] - b'A')
    }

    /// The code at `slot` (see [`CountryCode::slot`]), if there is one.
    pub fn from_slot(slot: usize) -> Option<CountryCode> {
        (slot < 26 * 26).then(|| CountryCode([b'A' + (slot / 26) as u8, b'A' + (slot % 26) as u8]))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // INVARIANT: both bytes are ASCII capitals, checked by `parse`.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Whether this is the country with code `code`.
    pub fn is(self, code: &str) -> bool {
        matches!(code.as_bytes(), [a, b] if *a == self.0[0] && *b == self.0[1])
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
    /// Whether the documents only bracket these days between two market lists that disagree (the
    /// listing changed on a day they do not give): the country may or may not be a market then.
    pub bracketed: bool,
}

/// A country's place in the CSP market lists on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listing {
    /// A CSP market of this region.
    Market(Region),
    /// No CSP market.
    NoMarket,
    /// Between two lists that disagree, on a day the documents do not date: a market of this region, or none.
    Bracketed(Region),
}

impl Listing {
    /// The region the country is in when it is listed; `None` when it is no market.
    pub fn region(self) -> Option<Region> {
        match self {
            Listing::Market(region) | Listing::Bracketed(region) => Some(region),
            Listing::NoMarket => None,
        }
    }
}

include!("markets_table.rs");

/// Where each code's rows start in a table sorted by code, one entry per two-letter code (26 × 26) and
/// one more closing the last: a code's rows are `starts[slot]..starts[slot + 1]`. Built on first use
/// (the page downloads the few instructions that build it, not the table).
pub(crate) struct CodeIndex {
    starts: OnceLock<Vec<u16>>,
}

impl CodeIndex {
    /// An index not built yet.
    pub(crate) const fn new() -> CodeIndex {
        CodeIndex { starts: OnceLock::new() }
    }

    /// The rows of `table` (sorted by code; `code_of` reads a row's) whose code is `code`.
    pub(crate) fn rows<T>(&self, table: &'static [T], code: CountryCode, code_of: impl Fn(&T) -> &str) -> &'static [T] {
        let starts = self.starts.get_or_init(|| {
            let mut starts = vec![0u16; 26 * 26 + 1];
            for row in table {
                let slot = CountryCode::parse(code_of(row)).map_or(0, CountryCode::slot);
                for start in &mut starts[slot + 1..] {
                    *start += 1;
                }
            }
            starts
        });
        let at = code.slot();
        &table[usize::from(starts[at])..usize::from(starts[at + 1])]
    }
}

static MARKET_INDEX: CodeIndex = CodeIndex::new();

/// Every row of a country, oldest first.
pub fn rows(code: CountryCode) -> &'static [Market] {
    MARKET_INDEX.rows(MARKETS, code, |row| row.code)
}

/// The row that holds for a country on a day, if the country is known then.
pub fn on(code: CountryCode, day: Day) -> Option<&'static Market> {
    rows(code).iter().find(|row| row.effective.holds_on(day))
}

/// The country's place in the market lists on a day.
pub fn listing_on(code: CountryCode, day: Day) -> Listing {
    match on(code, day) {
        Some(Market { region: Some(region), bracketed: false, .. }) => Listing::Market(*region),
        Some(Market { region: Some(region), bracketed: true, .. }) => Listing::Bracketed(*region),
        _ => Listing::NoMarket,
    }
}

/// The country's CSP region on a day (the one it is in when listed, on bracketed days); `None` when it is
/// no CSP market that day.
pub fn region_on(code: CountryCode, day: Day) -> Option<Region> {
    listing_on(code, day).region()
}

/// Every known country code, sorted.
pub fn known_codes() -> impl Iterator<Item = &'static str> {
    MARKETS.iter().enumerate().filter(|(i, row)| *i == 0 || MARKETS[i - 1].code != row.code).map(|(_, row)| row.code)
}

/// The dates on which some market row starts or stops holding.
pub fn change_days() -> impl Iterator<Item = Day> {
    MARKETS.iter().flat_map(|row| row.effective.from.into_iter().chain(row.effective.until))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::jurisdictions::{self, MEMBERSHIPS};

    /// The code indexes find every row of both country tables, and only that country's rows.
    #[test]
    fn indexes_by_code_find_every_row() {
        for row in MARKETS {
            let code = CountryCode::parse(row.code).expect("code");
            assert!(rows(code).iter().any(|found| std::ptr::eq(found, row)), "{}", row.code);
            assert!(rows(code).iter().all(|found| found.code == row.code));
        }
        for row in MEMBERSHIPS {
            let code = CountryCode::parse(row.code).expect("code");
            let day = row.effective.from.unwrap_or(crate::day!(2000 - 01 - 01));
            assert_eq!(jurisdictions::on(code, day), Some(row.jurisdiction), "{}", row.code);
        }
        assert!(rows(CountryCode::parse("ZZ").expect("code")).is_empty());
    }
}
