//! Which jurisdiction a country belongs to on a day: EU territory, EFTA, or the United States with its
//! territories. National-cloud eligibility follows these, not the commercial CSP regions.
//!
//! The rows come from `data/jurisdictions.tsv`, compiled into `jurisdictions_table.rs` (generated).

use super::day::{Day, Effective};
use super::markets::{CodeIndex, CountryCode};
use super::vocabulary::Jurisdiction;

/// One row: a country's membership of a jurisdiction over a span of days.
#[derive(Debug, PartialEq, Eq)]
pub struct Membership {
    /// Partner Center country code.
    pub code: &'static str,
    /// The jurisdiction.
    pub jurisdiction: Jurisdiction,
    /// Days the membership holds.
    pub effective: Effective,
}

include!("jurisdictions_table.rs");

static MEMBERSHIP_INDEX: CodeIndex = CodeIndex::new();

/// The jurisdiction `code` belongs to on `day`, if any.
pub fn on(code: CountryCode, day: Day) -> Option<Jurisdiction> {
    MEMBERSHIP_INDEX.rows(MEMBERSHIPS, code, |row| row.code).iter().find(|row| row.effective.holds_on(day)).map(|row| row.jurisdiction)
}

/// The days on which some membership starts or ends.
pub fn change_days() -> impl Iterator<Item = Day> {
    MEMBERSHIPS.iter().flat_map(|row| row.effective.from.into_iter().chain(row.effective.until))
}
