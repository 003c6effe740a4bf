//! An answer you can act on: the deciding reasons, the nearest way to a yes and the verdict over time,
//! checked on scenarios from the source documents.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{cloud, country, germany_query, programs, query, us_government_query};
use csp_eligibility::core::nearest::Change;
use csp_eligibility::core::vocabulary::CustomerStatus;
use csp_eligibility::core::{nearest, timeline, Cloud, PartnerModel, Program, Query, Verdict};

fn intervals(q: &Query, on: Cloud) -> Vec<(Option<String>, Verdict, Vec<&'static str>)> {
    timeline(q).clouds[on as usize].intervals.iter().map(|i| (i.from.map(|d| d.to_string()), i.verdict, i.changed_by.clone())).collect()
}

fn proposals(q: &Query, on: Cloud) -> Vec<Vec<Change>> {
    nearest(q).clouds[on as usize].proposals.iter().map(|p| p.changes.clone()).collect()
}

// The deciding reason on the card face: failed rules for a denial, pending steps for needs-action,
// the rules missing a fact for unknown.
#[test]
fn the_deciding_rules_are_the_ones_with_the_verdicts_outcome() {
    let denied = query(|q| q.customer.country = country("US"));
    assert_eq!(cloud(&denied, Cloud::Commercial).deciding, ["COM-SAME-REGION-CUSTOMER"]);
    let unsigned = query(|q| q.partner.mpa_signed = Some(false));
    assert_eq!(cloud(&unsigned, Cloud::Commercial).deciding, ["CSP-MPA-SIGNED"]);
    let unknown = query(|q| q.partner.mpa_signed = None);
    assert_eq!(cloud(&unknown, Cloud::Commercial).deciding, ["CSP-MPA-SIGNED"]);
    assert!(cloud(&query(|_| {}), Cloud::Commercial).deciding.is_empty());
}

// 001 (no new customers, announced 2018-08-31) and the closure on 2021-10-29.
#[test]
fn germany_over_time_allowed_then_no_new_customers_then_closed() {
    let new_customer = germany_query(|q| q.partner.country = country("DE"));
    let spans = intervals(&new_customer, Cloud::Germany);
    assert_eq!(spans[0].1, Verdict::Allowed);
    assert_eq!(spans[1], (Some("2018-08-31".into()), Verdict::Denied, vec!["GER-NO-NEW-CUSTOMERS"]));
    let existing = germany_query(|q| {
        q.partner.country = country("DE");
        q.customer.national_cloud_customer = Some(CustomerStatus::Existing);
    });
    let spans = intervals(&existing, Cloud::Germany);
    let closed = spans.iter().find(|s| s.0.as_deref() == Some("2021-10-29")).expect("a change on the closure day");
    assert_eq!((closed.1, closed.2.clone()), (Verdict::Denied, vec!["GER-CLOSED"]));
}

// 004#csp-program-requirements-signing-the-microsoft-partner-agreement-mpa: from 2020-02-01.
#[test]
fn an_unsigned_mpa_needs_action_from_february_2020() {
    let unsigned = query(|q| q.partner.mpa_signed = Some(false));
    let spans = intervals(&unsigned, Cloud::Commercial);
    assert_eq!(spans.len(), 2, "{spans:?}");
    assert_eq!(spans[1], (Some("2020-02-01".into()), Verdict::NeedsAction, vec!["CSP-MPA-SIGNED"]));
    assert_eq!(proposals(&unsigned, Cloud::Commercial)[0], [Change::SignMpa], "a signature is the nearest yes");
}

// Reference: American Samoa joins the United States region on 2023-10-12.
#[test]
fn american_samoa_becomes_a_us_customer_in_october_2023() {
    let q = query(|q| {
        q.partner.country = country("US");
        q.customer.country = country("AS");
    });
    let spans = intervals(&q, Cloud::Commercial);
    let last = spans.last().expect("spans");
    assert_eq!(last, &(Some("2023-10-12".into()), Verdict::Allowed, vec!["COM-SAME-REGION-CUSTOMER"]));
    assert!(spans[..spans.len() - 1].iter().all(|s| s.1 == Verdict::Denied));
}

// 002#common: a US partner must onboard separately and be validated: two changes, both proposed together.
#[test]
fn a_us_government_partner_is_told_to_onboard_and_get_validated() {
    let q = us_government_query(|q| {
        q.partner.programs = programs(&[Program::Commercial]);
        q.partner.us_gov_validated = Some(false);
    });
    assert_eq!(cloud(&q, Cloud::UsGovernment).verdict, Verdict::NeedsAction);
    let found = proposals(&q, Cloud::UsGovernment);
    assert_eq!(found[0], [Change::Onboard { program: Program::UsGovernment }, Change::UsGovValidation]);
    let changed_facts: Vec<_> = found.iter().flatten().map(|c| c.path()).collect();
    assert!(changed_facts.iter().all(|path| path.starts_with("partner.") || *path == "as_of"), "{changed_facts:?}");
}

// 004, scenario 8: an indirect reseller and its provider in the same region; the nearest yes is a provider
// in the reseller's own country.
#[test]
fn a_reseller_with_a_provider_in_another_region_is_shown_a_provider_at_home() {
    let q = query(|q| {
        q.partner.country = country("US");
        q.customer.country = country("US");
        q.partner.model = PartnerModel::IndirectReseller;
        q.partner.provider_country = Some(country("GB"));
    });
    assert_eq!(cloud(&q, Cloud::Commercial).verdict, Verdict::Denied);
    assert_eq!(proposals(&q, Cloud::Commercial)[0], [Change::ProviderCountry { country: country("US") }]);
}

// "When nothing reachable gives a yes, say so": a sale to oneself has no way to a yes the asker controls.
#[test]
fn no_proposal_when_no_change_the_asker_controls_helps() {
    let q = query(|q| q.customer.relation = csp_eligibility::core::Relation::Affiliate);
    assert_eq!(nearest(&q).clouds[0].verdict, Verdict::Denied);
    assert!(proposals(&q, Cloud::Commercial).is_empty());
    assert!(nearest(&query(|_| {})).clouds[0].proposals.is_empty(), "an allowed cloud needs no proposal");
}

// 001#you-already-have-a-csp-account: a tenant outside a European region; the nearest yes selects one in
// the partner's country, proposed once.
#[test]
fn a_migration_to_a_tenant_outside_europe_is_shown_a_european_tenant_once() {
    use csp_eligibility::core::{Role, Task};
    let q = germany_query(|q| {
        q.as_of = csp_eligibility::core::Day::parse("2021-03-01").expect("day");
        q.partner.country = country("DE");
        q.customer.country = country("DE");
        q.customer.national_cloud_customer = None;
        q.task = Some(Task::MigrateGermanyCustomer);
        q.partner.role = Some(Role::GlobalAdmin);
        q.partner.mpa_signed = Some(true);
        q.partner.european_account = Some(true);
        q.partner.european_tenant_country = Some(country("US"));
        q.partner.european_tenant_active = Some(true);
    });
    let found = proposals(&q, Cloud::Germany);
    assert_eq!(found[0], [Change::EuropeanTenant { country: country("DE") }]);
    assert_eq!(found.iter().filter(|p| **p == found[0]).count(), 1, "{found:?}");
}

// 004#supported-partner-transactions-in-the-csp-program, scenarios 7 and 8: a reseller sells only in
// its own region, through a provider of that region. A French reseller (German provider) asked about a
// Turkish customer is shown the way: an account in Türkiye's region with a provider there.
#[test]
fn a_reseller_outside_the_customers_region_is_shown_an_account_and_a_provider_there() {
    use csp_eligibility::core::vocabulary::Region;
    let q = query(|q| {
        q.partner.model = PartnerModel::IndirectReseller;
        q.partner.provider_country = Some(country("DE"));
        q.customer.country = country("TR");
    });
    assert_eq!(cloud(&q, Cloud::Commercial).verdict, Verdict::Denied);
    let turkey = country("TR");
    let expected =
        [Change::ProviderCountry { country: turkey }, Change::PartnerCountry { country: turkey, region: Some(Region::MiddleEastCentralEasternEurope) }];
    assert!(
        proposals(&q, Cloud::Commercial).iter().any(|changes| changes.len() == 2 && expected.iter().all(|change| changes.contains(change))),
        "{:?}",
        proposals(&q, Cloud::Commercial)
    );
}

/// A grid of questions across models, countries, days, facts and tasks, for the nearest-yes properties.
fn grid() -> Vec<Query> {
    use csp_eligibility::core::{Relation, Role, Task};
    let mut queries = Vec::new();
    for on in ["2018-06-01", "2019-06-01", "2020-12-01", "2022-01-01", "2026-12-07"] {
        for (partner, customer) in [("FR", "FR"), ("FR", "TR"), ("US", "US"), ("GB", "DE"), ("DE", "DE"), ("US", "CN")] {
            for model in [PartnerModel::DirectBill, PartnerModel::IndirectReseller, PartnerModel::IndirectProvider] {
                for variant in 0..6 {
                    queries.push(query(|q| {
                        q.as_of = csp_eligibility::core::Day::parse(on).expect("day");
                        q.partner.country = country(partner);
                        q.customer.country = country(customer);
                        q.partner.model = model;
                        if model == PartnerModel::IndirectReseller {
                            q.partner.provider_country = Some(country(if variant % 2 == 0 { "US" } else { "DE" }));
                        }
                        q.partner.programs = programs(&[Program::Commercial]);
                        match variant {
                            0 => q.partner.mpa_signed = Some(false),
                            1 => {
                                q.customer.segment = csp_eligibility::core::Segment::UsState;
                                q.partner.us_gov_validated = None;
                            }
                            2 => {
                                q.task = Some(Task::MigrateGermanyCustomer);
                                q.customer.national_cloud_customer = Some(CustomerStatus::Existing);
                                q.partner.role = Some(Role::AdminAgent);
                                q.partner.european_account = Some(false);
                            }
                            3 => {
                                q.task = Some(Task::Sell);
                                q.partner.has_partner_id = None;
                            }
                            4 => q.customer.relation = Relation::OtherPartnerCustomerTenant,
                            _ => q.customer.national_cloud_customer = Some(CustomerStatus::Existing),
                        }
                    }));
                }
            }
        }
    }
    queries
}

/// Whether the changes, made together, make `on` allowed.
fn allows(q: &Query, changes: &[Change], on: Cloud) -> bool {
    let mut changed = q.clone();
    for change in changes {
        change.apply(&mut changed);
    }
    cloud(&changed, on).verdict == Verdict::Allowed
}

/// How a proposal ranks: another day last, then effort.
fn rank(changes: &[Change]) -> (bool, u32) {
    (changes.iter().any(|c| matches!(c, Change::AsOf { .. })), changes.iter().map(|c| u32::from(c.effort())).sum())
}

// Issue 21, point 6: a partner cannot act on the past. No proposal names a day before the question's;
// a later day ranks last; proposals come in effort order; each one makes its cloud allowed, and needs
// every change it lists.
#[test]
fn proposals_are_acts_in_effort_order_never_a_past_day() {
    for q in grid() {
        for cloud_nearest in nearest(&q).clouds {
            let ranks: Vec<(bool, u32)> = cloud_nearest.proposals.iter().map(|p| rank(&p.changes)).collect();
            assert!(ranks.windows(2).all(|pair| pair[0] <= pair[1]), "not in effort order: {ranks:?} for {q:?}");
            for proposal in &cloud_nearest.proposals {
                for change in &proposal.changes {
                    if let Change::AsOf { day } = change {
                        assert!(*day > q.as_of, "{day} is not after {}", q.as_of);
                    }
                }
                assert!(allows(&q, &proposal.changes, cloud_nearest.cloud), "{proposal:?} for {q:?}");
                for left_out in 0..proposal.changes.len() {
                    let mut fewer = proposal.changes.clone();
                    fewer.remove(left_out);
                    assert!(fewer.is_empty() || !allows(&q, &fewer, cloud_nearest.cloud), "{proposal:?} holds a change it does not need");
                }
            }
        }
    }
}

// Issue 21, point 6: the empty list is a proof. Against every set of up to three candidate changes, tried
// one by one: when nearest proposes nothing, no such set gives a yes; when it proposes, no such set is
// cheaper than its first proposal.
#[test]
fn no_set_of_up_to_three_changes_beats_the_search() {
    use csp_eligibility::core::nearest::candidates;
    for q in grid().into_iter().step_by(3) {
        let candidates = candidates(&q);
        let answer = nearest(&q);
        for cloud_nearest in answer.clouds.iter().filter(|c| c.verdict != Verdict::Allowed) {
            let on = cloud_nearest.cloud;
            let mut best: Option<(bool, u32)> = None;
            let mut consider = |changes: &[Change]| {
                let fields: Vec<_> = changes.iter().map(|c| c.path()).collect();
                if (1..fields.len()).any(|i| fields[..i].contains(&fields[i])) || !allows(&q, changes, on) {
                    return;
                }
                let found = rank(changes);
                best = Some(best.map_or(found, |b| b.min(found)));
            };
            for (i, a) in candidates.iter().enumerate() {
                consider(&[*a]);
                for (j, b) in candidates.iter().enumerate().skip(i + 1) {
                    consider(&[*a, *b]);
                    for c in &candidates[j + 1..] {
                        consider(&[*a, *b, *c]);
                    }
                }
            }
            match (cloud_nearest.proposals.first(), best) {
                (None, Some(found)) => panic!("{on:?}: nothing proposed, but a set ranked {found:?} gives a yes for {q:?}"),
                (Some(first), Some(found)) => assert!(rank(&first.changes) <= found, "{on:?}: {first:?} ranks after {found:?} for {q:?}"),
                _ => {}
            }
        }
    }
}

// 001#you-dont-already-have-a-csp-account and #you-already-have-a-csp-account: without a European CSP
// account, the way out takes four steps: the account, a tenant in a European region, active, and
// signing in as Global admin. Found, where a two-change search said nothing helps.
#[test]
fn a_germany_migration_without_a_european_account_is_shown_the_four_steps() {
    use csp_eligibility::core::{Day, Role, Task};
    let q = germany_query(|q| {
        q.as_of = Day::parse("2021-03-01").expect("day");
        q.partner.country = country("DE");
        q.customer.country = country("DE");
        q.customer.national_cloud_customer = Some(CustomerStatus::Existing);
        q.task = Some(Task::MigrateGermanyCustomer);
        q.partner.mpa_signed = Some(true);
        q.partner.role = Some(Role::AdminAgent);
        q.partner.european_account = Some(false);
    });
    assert_eq!(cloud(&q, Cloud::Germany).verdict, Verdict::NeedsAction);
    let found = proposals(&q, Cloud::Germany);
    let first = found.first().expect("a way to a yes");
    // In the documents' order: the account, the tenant, active, signed in as Global admin.
    assert_eq!(
        first,
        &[Change::EuropeanAccount, Change::EuropeanTenant { country: country("DE") }, Change::EuropeanTenantActive, Change::Role { role: Role::GlobalAdmin }]
    );
    // After the closure no later day reopens it, and no earlier day is proposed: nothing helps.
    let closed = germany_query(|q| {
        q.as_of = Day::parse("2026-12-07").expect("day");
        q.customer.national_cloud_customer = Some(CustomerStatus::Existing);
    });
    assert_eq!(cloud(&closed, Cloud::Germany).verdict, Verdict::Denied);
    assert!(proposals(&closed, Cloud::Germany).is_empty(), "{:?}", proposals(&closed, Cloud::Germany));
}
