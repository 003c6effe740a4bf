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
    let expected = vec![Change::ProviderCountry { country: turkey }, Change::PartnerCountry { country: turkey, region: Some(Region::MiddleEastCentralEasternEurope) }];
    assert!(proposals(&q, Cloud::Commercial).iter().any(|changes| changes.len() == 2 && expected.iter().all(|change| changes.contains(change))), "{:?}", proposals(&q, Cloud::Commercial));
}
