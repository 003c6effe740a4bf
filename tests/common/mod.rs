//! Shared helpers: a baseline query every scenario edits, and readers for the decision.
#![allow(dead_code)]

use csp_eligibility::core::decision::Outcome;
use csp_eligibility::core::{decide, parse_query_str, Cloud, CloudDecision, CountryCode, Day, Query, Verdict};

/// A French direct-bill partner with every fact stated, selling to a French company on 2024-01-01.
pub const BASE: &str = r#"{"api_version":1,"as_of":"2024-01-01",
  "partner":{"country":"FR","model":"direct_bill","has_partner_id":true,"mpa_signed":true,"programs":["commercial"],"us_gov_validated":false},
  "customer":{"country":"FR","segment":"commercial","relation":"unrelated","national_cloud_customer":"new"}}"#;

/// The baseline query, edited by `edit`.
pub fn query(edit: impl FnOnce(&mut Query)) -> Query {
    let mut query = parse_query_str(BASE).expect("baseline query is valid");
    edit(&mut query);
    query
}

/// A country code from the table.
pub fn country(code: &str) -> CountryCode {
    CountryCode::parse(code).filter(|code| code.is_known()).expect("known country")
}

/// A day.
pub fn day(text: &str) -> Day {
    Day::parse(text).expect("valid day")
}

/// The decision for one cloud.
pub fn cloud(query: &Query, cloud: Cloud) -> CloudDecision {
    decide(query).cloud(cloud).clone()
}

/// How `rule` came out for `cloud`; `None` when it did not apply.
pub fn outcome(query: &Query, on: Cloud, rule: &str) -> Option<Outcome> {
    cloud(query, on).reasons.iter().find(|reason| reason.rule == rule).map(|reason| reason.outcome)
}

/// The verdict for `cloud`.
pub fn verdict(query: &Query, on: Cloud) -> Verdict {
    cloud(query, on).verdict
}

/// Asserts `rule` came out as `expected` for `cloud`, with a readable failure.
#[track_caller]
pub fn assert_rule(query: &Query, on: Cloud, rule: &str, expected: Option<Outcome>) {
    let found = outcome(query, on, rule);
    assert_eq!(found, expected, "{rule} on {on:?} for {query:?}");
}
