//! When: each cloud's verdict for a query on every interval between the days a verdict can change, from
//! the earliest such day to open-ended, with the rules whose outcome changed at each boundary.

use super::change_days::verdict_change_days;
use super::day::Day;
use super::decision::{CloudDecision, Verdict};
use super::engine::decide;
use super::query::Query;
use super::vocabulary::Cloud;
use serde::Serialize;

/// A span of days with one verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Interval {
    /// First day; absent for the span before the earliest change in the tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Day>,
    /// First day after the span; absent when the span is open-ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Day>,
    /// The verdict throughout the span.
    pub verdict: Verdict,
    /// The rules whose outcome changed on `from` (empty for the first span).
    pub changed_by: Vec<&'static str>,
}

/// One cloud's verdict over time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CloudTimeline {
    /// The cloud.
    pub cloud: Cloud,
    /// Contiguous spans covering every day, oldest first; neighbours have different verdicts.
    pub intervals: Vec<Interval>,
}

/// Every cloud's verdict over time for a query (its `as_of` is ignored).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Timeline {
    /// One timeline per cloud, in the order of [`Cloud`].
    pub clouds: Vec<CloudTimeline>,
}

/// The rules whose outcome differs between two decisions for one cloud, in table order.
fn changed_rules(before: &CloudDecision, after: &CloudDecision) -> Vec<&'static str> {
    let outcome = |decision: &CloudDecision, rule: &str| decision.reasons.iter().find(|r| r.rule == rule).map(|r| r.outcome);
    let mut rules: Vec<&'static str> = Vec::new();
    for reason in before.reasons.iter().chain(&after.reasons) {
        if !rules.contains(&reason.rule) && outcome(before, reason.rule) != outcome(after, reason.rule) {
            rules.push(reason.rule);
        }
    }
    rules
}

/// The verdict of every cloud on every interval between change days.
pub fn timeline(query: &Query) -> Timeline {
    let days = verdict_change_days();
    let starts: Vec<Option<Day>> = std::iter::once(None).chain(days.iter().copied().map(Some)).collect();
    let decisions: Vec<_> = starts
        .iter()
        .map(|start| {
            let mut on = query.clone();
            on.as_of = start.unwrap_or_else(|| days.first().map_or(query.as_of, |first| first.previous()));
            decide(&on)
        })
        .collect();
    let clouds = Cloud::EVERY
        .iter()
        .map(|&cloud| {
            let mut intervals: Vec<Interval> = Vec::new();
            for (index, (start, decision)) in starts.iter().zip(&decisions).enumerate() {
                let this = decision.cloud(cloud);
                match intervals.last_mut() {
                    Some(last) if last.verdict == this.verdict => continue,
                    Some(last) => last.until = *start,
                    None => {}
                }
                let changed_by = if index == 0 { Vec::new() } else { changed_rules(decisions[index - 1].cloud(cloud), this) };
                intervals.push(Interval { from: *start, until: None, verdict: this.verdict, changed_by });
            }
            CloudTimeline { cloud, intervals }
        })
        .collect();
    Timeline { clouds }
}
