//! Every day on which some rule, market row or jurisdiction starts or stops holding: the points where a
//! verdict can change, shared by the timeline, the nearest-yes search and the exhaustive analysis.

use super::day::Day;
use super::rules::RULES;
use super::{jurisdictions, markets};

/// The days on which a verdict can change, sorted, without repeats.
pub fn verdict_change_days() -> Vec<Day> {
    let mut days: Vec<Day> = markets::change_days()
        .chain(jurisdictions::change_days())
        .chain(RULES.iter().flat_map(|rule| rule.effective.from.into_iter().chain(rule.effective.until)))
        .collect();
    days.sort();
    days.dedup();
    days
}
