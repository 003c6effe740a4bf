//! Exactness: every conditional note and caution appears where its condition holds and nowhere else, and
//! the nearest-yes proposals come in effort order. Each condition is written here a second time, from the
//! documents' wording rather than from the code, and checked over a grid of questions (partner model ×
//! the parties' countries × provider × role × task × day). What each protects is named beside it.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{country, day, query};
use csp_eligibility::core::nearest::{nearest, Change};
use csp_eligibility::core::{decide, Cloud, PartnerModel, Program, Query, Relation, Role, Task, Verdict, Vocabulary};

/// A condition on the question, as the test states it.
type Condition = fn(&Query) -> bool;

/// Whether the partner, its provider or the customer is in one of `codes`.
fn involves(q: &Query, codes: &[&str]) -> bool {
    let parties = [Some(q.partner.country), q.partner.provider_country, Some(q.customer.country)];
    parties.into_iter().flatten().any(|party| codes.contains(&party.as_str()))
}

/// The conditional notes and cautions, each with the cloud it is about and its condition.
fn conditions() -> Vec<(&'static str, Cloud, Condition)> {
    let direct: Condition = |q| q.partner.model == PartnerModel::DirectBill;
    vec![
        // 004, scenario 1: the chain a direct-bill partner, or an indirect one, sells through.
        ("NOTE-CHAIN-DIRECT", Cloud::Commercial, direct),
        ("NOTE-CHAIN-INDIRECT", Cloud::Commercial, |q| q.partner.model != PartnerModel::DirectBill),
        // 004, scenario 1: a provider's sales to end customers are described only through a reseller.
        ("NOTE-PROVIDER-THROUGH-RESELLER", Cloud::Commercial, |q| {
            q.partner.model == PartnerModel::IndirectProvider && q.customer.relation == Relation::Unrelated
        }),
        ("NOTE-RESELLER-BUYS-FROM-PROVIDER", Cloud::Commercial, |q| q.partner.model == PartnerModel::IndirectReseller),
        // 003#get-started: what enrolling takes, for a partner not yet enrolled (or not saying).
        ("NOTE-ENROLLMENT-NEEDS", Cloud::Commercial, |q| !q.partner.programs.as_ref().is_some_and(|p| p.contains(&Program::Commercial))),
        ("NOTE-DIRECT-BILL-CAPABILITIES", Cloud::Commercial, direct),
        ("NOTE-DIRECT-BILL-REQUIREMENTS", Cloud::Commercial, direct),
        ("NOTE-CREDIT-CHECK-FIRST", Cloud::Commercial, direct),
        ("NOTE-DIRECT-TO-INDIRECT", Cloud::Commercial, direct),
        ("NOTE-DIRECT-BILL-REQUIREMENTS-2023", Cloud::Commercial, direct),
        // Reference §3.2: new partners enroll as indirect resellers since October 2020.
        ("NOTE-NEW-PARTNERS-INDIRECT", Cloud::Commercial, |q| q.partner.model == PartnerModel::DirectBill && q.as_of >= day("2020-10-01")),
        ("NOTE-RESELLER-REVENUE-FLOOR", Cloud::Commercial, |q| q.partner.model == PartnerModel::IndirectReseller && q.as_of >= day("2024-04-01")),
        // Reference §5: the customer-agreement confirmation, for purchases, from 2020-02-01.
        ("NOTE-MCA-CONFIRMATION", Cloud::Commercial, |q| matches!(q.task, None | Some(Task::Sell)) && q.as_of >= day("2020-02-01")),
        ("NOTE-REGISTRATION-ID", Cloud::Commercial, |q| ["PL", "RU", "TR"].contains(&q.customer.country.as_str())),
        ("NOTE-RELATIONSHIP-REQUEST-ROLES", Cloud::Commercial, |q| q.partner.role.is_some()),
        ("NOTE-AZURE-PLAN-ROLES", Cloud::Commercial, |q| {
            q.task == Some(Task::Sell) && matches!(q.partner.role, Some(Role::AdminAgent | Role::UserManagementAdmin))
        }),
        // Reference §1.3 and §1.4: cautions about a country, for the countries of the question only.
        ("NOTE-US-TERRITORIES-2023", Cloud::Commercial, |q| involves(q, &["AS", "MP"])),
        ("NOTE-RUSSIA-BELARUS", Cloud::Commercial, |q| involves(q, &["RU", "BY"])),
        ("NOTE-RUSSIA-NEW-SALES", Cloud::Commercial, |q| involves(q, &["RU"]) && q.as_of >= day("2022-03-04")),
        ("NOTE-NOT-A-MARKET", Cloud::Commercial, |q| involves(q, &["CU", "IR", "KP", "SY", "SD", "EH"])),
        // The EU withdrawal agreement: the UK (and Gibraltar) outside the EU from 2020-02-01.
        ("NOTE-UK-LEFT-EU", Cloud::Germany, |q| involves(q, &["GB", "GI"]) && q.as_of >= day("2020-02-01")),
        // 001: the roles of the 2020 page, for a question about a role or a migration.
        ("NOTE-GERMANY-ROLES", Cloud::Germany, |q| q.partner.role.is_some() || q.task == Some(Task::MigrateGermanyCustomer)),
        // 002#common: US territories are under US jurisdiction.
        ("NOTE-USG-US-JURISDICTION", Cloud::UsGovernment, |q| involves(q, &["PR", "AS", "GU", "MP", "UM", "VI"])),
    ]
}

/// The grid of questions the conditions are checked over.
fn grid() -> Vec<Query> {
    let countries = ["FR", "GB", "US", "PR", "AS", "RU", "PL", "CU"];
    let roles = [None, Some(Role::GlobalAdmin), Some(Role::AdminAgent), Some(Role::UserManagementAdmin)];
    let tasks = [None, Some(Task::Sell), Some(Task::CreateCustomer), Some(Task::MigrateGermanyCustomer)];
    // Days inside periods, and 2020-02-01, a day on which rules change (the MPA, the UK leaving the EU).
    let days = ["2019-06-01", "2020-02-01", "2022-06-01", "2024-06-01"];
    let programs = [None, Some(vec![Program::Commercial]), Some(vec![Program::Germany])];
    let mut grid = Vec::new();
    for model in PartnerModel::ALL {
        let providers: &[Option<&str>] = if *model == PartnerModel::IndirectReseller { &[None, Some("DE"), Some("RU")] } else { &[None] };
        for (partner, customer) in countries.iter().flat_map(|p| countries.iter().map(move |c| (*p, *c))) {
            for (index, provider) in providers.iter().enumerate() {
                for (step, (role, task)) in roles.iter().flat_map(|r| tasks.iter().map(move |t| (*r, *t))).enumerate() {
                    let on = days[(step + index) % days.len()];
                    let relation = if *model == PartnerModel::IndirectProvider && step % 2 == 1 { Relation::OwnIndirectReseller } else { Relation::Unrelated };
                    let enrolled = programs[step % programs.len()].clone();
                    grid.push(query(|q| {
                        q.partner.model = *model;
                        q.partner.country = country(partner);
                        q.partner.provider_country = provider.map(country);
                        q.customer.country = country(customer);
                        q.customer.relation = relation;
                        q.partner.role = role;
                        q.task = task;
                        q.as_of = day(on);
                        q.partner.programs = enrolled;
                        if task == Some(Task::MigrateGermanyCustomer) {
                            q.customer.national_cloud_customer = Some(csp_eligibility::core::vocabulary::CustomerStatus::Existing);
                        }
                    }));
                }
            }
        }
    }
    grid
}

// Each conditional note or caution is in the answer exactly when its condition holds (never for a
// country the question does not name, always for one it does).
#[test]
fn every_conditional_note_appears_exactly_where_its_condition_holds() {
    let conditions = conditions();
    let mut seen = vec![(0usize, 0usize); conditions.len()];
    for q in grid() {
        let decision = decide(&q);
        for ((id, cloud, holds), (shown, hidden)) in conditions.iter().zip(&mut seen) {
            let answer = decision.clouds.iter().find(|c| c.cloud == *cloud).expect("every cloud");
            let present = answer.notes.iter().chain(&answer.cautions).any(|note| note.id == *id);
            assert_eq!(present, holds(&q), "{id} in {cloud:?}: {q:?}");
            *if present { shown } else { hidden } += 1;
        }
    }
    for ((id, _, _), (shown, hidden)) in conditions.iter().zip(&seen) {
        assert!(*shown > 0 && *hidden > 0, "{id}: the grid shows it {shown} times and leaves it out {hidden} times");
    }
}

// README: nearest-yes proposals are "ranked by effort": a statement or a signature before onboarding,
// onboarding before moving a country, another day last. The summed effort never decreases along the list,
// and each kind of change has its own weight in that order.
#[test]
fn proposals_come_in_effort_order() {
    let order = [
        Change::PartnerId.effort(),
        Change::SignMpa.effort(),
        Change::Onboard { program: Program::Commercial }.effort(),
        Change::PartnerCountry { country: country("DE"), region: None }.effort(),
    ];
    assert!(order[0] <= order[2] && order[1] <= order[2] && order[2] < order[3], "{order:?}");
    let mut ranked = 0;
    for q in grid() {
        for cloud in nearest(&q).clouds {
            let efforts: Vec<u8> = cloud.proposals.iter().map(|p| p.effort).collect();
            assert!(efforts.windows(2).all(|pair| pair[0] <= pair[1]), "{:?}: {efforts:?} for {q:?}", cloud.cloud);
            for proposal in &cloud.proposals {
                assert_eq!(proposal.effort, proposal.changes.iter().map(|c| c.effort()).sum::<u8>(), "{proposal:?}");
            }
            ranked += usize::from(efforts.len() > 1 && efforts.first() < efforts.last());
            if cloud.verdict == Verdict::Allowed {
                assert!(cloud.proposals.is_empty());
            }
        }
    }
    assert!(ranked > 0, "no question had proposals of different efforts");
}

// The parser's country codes are two capital letters (Partner Center's codes): "Fr" and "fR" are
// malformed, as "fr" is, never taken for another country.
#[test]
fn a_country_code_in_mixed_case_is_malformed() {
    use csp_eligibility::core::{parse_query_str, CountryCode};
    for text in ["Fr", "fR", "fr", "F", "FRA", "F1"] {
        assert_eq!(CountryCode::parse(text), None, "{text}");
        let json = common::BASE.replace(r#""customer":{"country":"FR""#, &format!(r#""customer":{{"country":"{text}""#));
        let error = parse_query_str(&json).expect_err(text);
        assert!(error.problems.iter().any(|p| p.path == "customer.country" && p.code == "error.malformed_country"), "{text}: {error:?}");
    }
    assert_eq!(CountryCode::parse("FR").map(|code| code.to_string()), Some("FR".to_string()));
    assert_eq!(format!("{}", country("XJ")), "XJ");
}

// The nearest-yes search changes only what a rule read: the trace hands each rule the fields its own
// check read (and the day), not those of the rules before it.
#[test]
fn each_rule_is_traced_with_the_fields_it_read_itself() {
    use csp_eligibility::core::engine::trace;
    use csp_eligibility::core::facts::{Field, Fields};
    let q = query(|q| q.partner.programs = None);
    let mut seen = Vec::new();
    trace(&q, Cloud::Commercial, |rule, _, fields| seen.push((rule.id, fields)));
    let of = |id: &str| seen.iter().find(|(rule, _)| *rule == id).map(|(_, fields)| *fields).unwrap_or_else(|| panic!("{id} traced"));
    assert_eq!(of("COM-ENROLLED"), Fields::of(Field::Programs).with(Fields::of(Field::AsOf)));
    assert!(of("COM-PARTNER-MARKET").contains(Field::PartnerCountry));
    assert_eq!(of("CSP-PARTNER-ID"), Fields::of(Field::HasPartnerId).with(Fields::of(Field::AsOf)));
}

// Every candidate change changes the question, once: no change to what the question already says (a
// provider where the provider is, the day asked), and no change twice.
#[test]
fn every_candidate_change_is_a_real_change_and_comes_once() {
    use csp_eligibility::core::nearest::candidates;
    for q in grid() {
        let changes = candidates(&q);
        for (index, change) in changes.iter().enumerate() {
            assert!(!changes[..index].contains(change), "{change:?} twice for {q:?}");
            let mut changed = q.clone();
            change.apply(&mut changed);
            assert_ne!(changed, q, "{change:?} changes nothing in {q:?}");
        }
    }
}

// Proposals are the nearest ways to a yes: none holds another's changes plus more (the extra changes would
// not be needed), and each makes the cloud allowed.
#[test]
fn no_proposal_holds_another_with_extra_changes() {
    for q in grid().into_iter().step_by(3) {
        for cloud in nearest(&q).clouds {
            for (index, proposal) in cloud.proposals.iter().enumerate() {
                for other in cloud.proposals.iter().skip(index + 1) {
                    let within = |small: &[Change], large: &[Change]| small.iter().all(|change| large.contains(change));
                    assert!(!within(&proposal.changes, &other.changes) && !within(&other.changes, &proposal.changes), "{proposal:?} and {other:?} for {q:?}");
                }
                let mut changed = q.clone();
                for change in &proposal.changes {
                    change.apply(&mut changed);
                }
                let answer = decide(&changed);
                assert_eq!(answer.clouds.iter().find(|c| c.cloud == cloud.cloud).map(|c| c.verdict), Some(Verdict::Allowed), "{proposal:?}");
            }
        }
    }
}
