//! Every day on which some rule, market row or jurisdiction starts or stops holding: the points where a
//! verdict can change, shared by the timeline, the nearest-yes search and the exhaustive analysis.

use super::day::Day;
use super::rules::RULES;
use super::{jurisdictions, markets};

/// The days on which a verdict can change, sorted, without repeats. (Built by insertion: the page
/// bundle links no sort routine.)
pub fn verdict_change_days() -> Vec<Day> {
    let mut days: Vec<Day> = Vec::with_capacity(32);
    let all = markets::change_days()
        .chain(jurisdictions::change_days())
        .chain(RULES.iter().flat_map(|rule| rule.effective.from.into_iter().chain(rule.effective.until)));
    for day in all {
        if let Err(at) = days.binary_search(&day) {
            days.insert(at, day);
        }
    }
    days
}
