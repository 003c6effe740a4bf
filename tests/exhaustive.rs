//! Exhaustive analysis of the rule table over the whole finite input space, in classes: partner model ×
//! partner country class × provider class × customer country class × segment × relation × programs ×
//! US Government validation × MPA × one as-of day inside every interval between effective dates × task,
//! with the remaining facts (PartnerID, national-cloud status, role, the European tenant of a Germany
//! migration) varied through a set of profiles. Country classes cover every CSP-region and jurisdiction
//! case: EU in Europe (FR), the UK (EU member, then not), Gibraltar (EU until 2020, never the UK), an EU
//! outermost region outside the Europe region (YT), US states (US), US territories outside the US region
//! (PR) and moving into it (AS), a market that ends (RU), no market (CU), and China (CN).
//! At every point: never `allowed` in commercial while a party's country stands between two market lists
//! that disagree; the sources-begin caution exactly before the cloud's earliest source; leaving out any stated optional fact keeps each cloud's verdict or makes it `unknown`
//! naming that fact; exactly one verdict per cloud, each non-allowed verdict explained by a cited rule,
//! every `needs_action` with an action, every `unknown` with a missing fact or a caution saying where the
//! documents are silent, the verdict equal to the table's stated precedence, and no two
//! versions of one rule in force together. Prints the number of points and each rule's coverage, fails
//! if a rule never fires (never fails, asks for an action or misses a fact), and keeps `src/core/coverage_table.rs` (shown in the catalog)
//! in step. Run with `cargo test --release --test exhaustive -- --nocapture`.
#![cfg(not(target_arch = "wasm32"))]

use csp_eligibility::core::age::{oldest_for, SOURCES_BEGIN};
use csp_eligibility::core::change_days::verdict_change_days;
use csp_eligibility::core::decision::Decision;
use csp_eligibility::core::decision::Outcome;
use csp_eligibility::core::engine::tallies;
use csp_eligibility::core::markets::{listing_on, Listing};
use csp_eligibility::core::notes::NOTES;
use csp_eligibility::core::rules::{RULES, VERSIONS};
use csp_eligibility::core::vocabulary::CustomerStatus;
use csp_eligibility::core::{
    decide, Cloud, CountryCode, Customer, Day, Fact, Partner, PartnerModel, Program, Query, Relation, Role, Segment, Task, Verdict, Vocabulary, API_VERSION,
};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

fn code(text: &str) -> CountryCode {
    CountryCode::parse(text).expect("code")
}

/// One day inside every interval between the effective dates of rules, notes and market rows.
fn interval_days() -> Vec<Day> {
    let mut bounds: Vec<Day> =
        verdict_change_days().into_iter().chain(NOTES.iter().flat_map(|n| n.effective.from.into_iter().chain(n.effective.until))).collect();
    bounds.sort();
    bounds.dedup();
    let mut days = vec![bounds[0].previous()];
    days.extend(bounds);
    days
}

/// The facts left out of the classes, varied so that each value is met: PartnerID, national-cloud status,
/// role, and for a Germany migration whether there is a European account, its tenant's country and
/// whether it is active.
type Profile = (Option<bool>, Option<CustomerStatus>, Option<Role>, Option<bool>, Option<&'static str>, Option<bool>);
const PROFILES: [Profile; 6] = [
    (Some(true), Some(CustomerStatus::Existing), None, None, None, None),
    (Some(true), Some(CustomerStatus::New), Some(Role::GlobalAdmin), Some(true), Some("FR"), Some(true)),
    (Some(false), None, Some(Role::UserManagementAdmin), Some(false), None, None),
    (None, Some(CustomerStatus::Existing), Some(Role::BillingAdmin), Some(true), Some("US"), Some(false)),
    (Some(true), Some(CustomerStatus::Existing), Some(Role::GlobalAdmin), Some(true), None, Some(true)),
    (Some(true), None, Some(Role::AdminAgent), Some(true), Some("DE"), None),
];

#[derive(Default, Clone, Copy)]
struct Coverage {
    applied: u64,
    passed: u64,
    fired: u64,
}

fn check_space(partners: &[&str], worker: usize, workers: usize) -> (u64, BTreeMap<&'static str, Coverage>) {
    let customers = ["FR", "GB", "GI", "YT", "US", "PR", "AS", "RU", "CU", "CN"];
    let providers = [None, Some("DE"), Some("GB"), Some("US"), Some("RU")];
    let programs: [Option<&[Program]>; 5] = [
        None,
        Some(&[Program::Commercial]),
        Some(&[Program::Commercial, Program::Germany]),
        Some(&[Program::Germany, Program::UsGovernment, Program::Vianet21]),
        Some(&[Program::Commercial, Program::UsGovernment, Program::Germany, Program::Vianet21]),
    ];
    let segments = [Segment::Commercial, Segment::UsFederal, Segment::UsTribal];
    let flags = [None, Some(false), Some(true)];
    let tasks: Vec<Option<Task>> = std::iter::once(None).chain(Task::ALL.iter().copied().map(Some)).collect();
    let days = interval_days();
    let mut coverage: BTreeMap<&'static str, Coverage> = RULES.iter().map(|r| (r.id, Coverage::default())).collect();
    let mut points = 0u64;
    let mut index = 0usize;
    for partner in partners {
        for customer in customers {
            for model in PartnerModel::ALL {
                let reseller = *model == PartnerModel::IndirectReseller;
                for provider in providers.iter().filter(|p| reseller || p.is_none()) {
                    for relation in Relation::ALL.iter().filter(|r| r.fits(*model)) {
                        index += 1;
                        if index % workers != worker {
                            continue;
                        }
                        for segment in segments {
                            for program in programs {
                                for validated in flags {
                                    for mpa in flags {
                                        for day in &days {
                                            for task in &tasks {
                                                for (partner_id, status, role, account, tenant, active) in PROFILES {
                                                    if status == Some(CustomerStatus::New) && *task == Some(Task::MigrateGermanyCustomer) {
                                                        continue;
                                                    }
                                                    let query = Query {
                                                        api_version: API_VERSION,
                                                        as_of: *day,
                                                        partner: Partner {
                                                            country: code(partner),
                                                            model: *model,
                                                            has_partner_id: partner_id,
                                                            mpa_signed: mpa,
                                                            provider_country: provider.map(code),
                                                            programs: program.map(<[Program]>::to_vec),
                                                            us_gov_validated: validated,
                                                            role,
                                                            european_account: account,
                                                            european_tenant_country: tenant.map(code),
                                                            european_tenant_active: active,
                                                        },
                                                        customer: Customer {
                                                            country: code(customer),
                                                            segment,
                                                            relation: *relation,
                                                            national_cloud_customer: status,
                                                        },
                                                        cloud: None,
                                                        task: *task,
                                                    };
                                                    check_point(&query, &mut coverage);
                                                    points += 1;
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    (points, coverage)
}

/// Whether the partner, its provider or the customer is in a country between two market lists that
/// disagree on the as-of day.
fn bracketed_party(query: &Query) -> bool {
    let countries = [Some(query.partner.country), query.partner.provider_country, Some(query.customer.country)];
    countries.into_iter().flatten().any(|country| matches!(listing_on(country, query.as_of), Listing::Bracketed(_)))
}

/// The query without one stated optional fact, if it states it.
fn without(query: &Query, fact: Fact) -> Option<Query> {
    let mut less = query.clone();
    let (partner, customer) = (&mut less.partner, &mut less.customer);
    let stated = match fact {
        Fact::HasPartnerId => partner.has_partner_id.take().is_some(),
        Fact::MpaSigned => partner.mpa_signed.take().is_some(),
        Fact::ProviderCountry => partner.provider_country.take().is_some(),
        Fact::Programs => partner.programs.take().is_some(),
        Fact::UsGovValidated => partner.us_gov_validated.take().is_some(),
        Fact::Role => partner.role.take().is_some(),
        Fact::NationalCloudCustomer => customer.national_cloud_customer.take().is_some(),
        Fact::EuropeanAccount => partner.european_account.take().is_some(),
        Fact::EuropeanTenantCountry => partner.european_tenant_country.take().is_some(),
        Fact::EuropeanTenantActive => partner.european_tenant_active.take().is_some(),
    };
    stated.then_some(less)
}

/// Issue 21, point 2: leaving out a stated optional fact leaves each cloud's verdict as it was, or makes
/// it `unknown` naming that fact; never another story.
fn check_removals(query: &Query, decision: &Decision) {
    for fact in Fact::ALL {
        let Some(less) = without(query, fact) else { continue };
        for (tally, cloud) in tallies(&less).iter().zip(&decision.clouds) {
            assert!(
                tally.verdict() == cloud.verdict || (tally.verdict() == Verdict::Unknown && tally.misses(fact)),
                "leaving out {} turned {:?} from {:?} into {:?} without naming it: {query:?}",
                fact.path(),
                cloud.cloud,
                cloud.verdict,
                tally.verdict()
            );
        }
    }
}

fn check_point(query: &Query, coverage: &mut BTreeMap<&'static str, Coverage>) {
    let decision = decide(query);
    check_removals(query, &decision);
    assert_eq!(decision.clouds.len(), Cloud::ALL.len());
    for (cloud, expected) in decision.clouds.iter().zip(Cloud::ALL) {
        assert_eq!(cloud.cloud, *expected);
        let strongest = cloud.reasons.iter().map(|r| r.outcome).max_by_key(|o| o.weight()).unwrap_or(Outcome::Pass);
        assert_eq!(cloud.verdict, strongest.verdict(), "verdict follows the stated precedence: {query:?}");
        if cloud.verdict != Verdict::Allowed {
            assert!(cloud.reasons.iter().any(|r| r.outcome == strongest && !r.citation.url.is_empty()), "{query:?}");
        }
        if cloud.verdict == Verdict::NeedsAction {
            assert!(!cloud.actions.is_empty(), "{query:?}");
        }
        if cloud.verdict == Verdict::Unknown {
            let unsettled = cloud.reasons.iter().filter(|r| r.outcome == Outcome::Unknown).any(|r| cloud.cautions.iter().any(|c| c.id == r.rule));
            assert!(!cloud.missing_facts.is_empty() || unsettled, "unknown without a missing fact or a caution: {query:?}");
        }
        // Issue 27, point 1: while a party's country stands between two market lists that disagree, the
        // commercial answer is never `allowed`; short of a denial, it is `unknown` with the lists' caution.
        if cloud.cloud == Cloud::Commercial && bracketed_party(query) {
            assert_ne!(cloud.verdict, Verdict::Allowed, "allowed between two market lists: {query:?}");
            let bracket_caution = cloud.cautions.iter().any(|c| c.text.key() == "caution.market_bracketed");
            assert!(cloud.verdict == Verdict::Denied || bracket_caution, "no caution naming the two lists: {query:?}");
        }
        // Issue 21, point 5: an answer dated before the cloud's earliest source says so, and only then.
        let before_sources = query.as_of < oldest_for(cloud.cloud).date;
        assert_eq!(cloud.cautions.iter().any(|c| c.id == SOURCES_BEGIN), before_sources, "{query:?}");
        for (older, newer) in VERSIONS {
            let both = cloud.reasons.iter().filter(|r| r.rule == *older || r.rule == *newer).count();
            assert!(both < 2, "{older} and {newer} both in force: {query:?}");
        }
        for reason in &cloud.reasons {
            let entry = coverage.get_mut(reason.rule).expect("known rule");
            entry.applied += 1;
            if reason.outcome == Outcome::Pass {
                entry.passed += 1;
            } else {
                entry.fired += 1;
            }
        }
    }
}

fn coverage_table(coverage: &BTreeMap<&'static str, Coverage>) -> String {
    let mut out = String::from(
        "// Generated by tests/exhaustive.rs from the exhaustive run over the input space. Do not edit.\n\n\
         /// Per rule: (id, points where it applied, points where it did not pass).\n\
         pub static COVERAGE: &[(&str, u64, u64)] = &[\n",
    );
    for rule in RULES {
        let c = coverage[rule.id];
        writeln!(out, "    ({:?}, {}, {}),", rule.id, c.applied, c.fired).unwrap();
    }
    out.push_str("];\n");
    out
}

#[test]
fn the_whole_input_space_keeps_every_invariant() {
    let partners = ["FR", "GB", "US", "PR", "AS", "RU", "CU", "CN"];
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let results: Vec<(u64, BTreeMap<&'static str, Coverage>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers).map(|w| scope.spawn(move || check_space(&partners, w, workers))).collect();
        handles.into_iter().map(|h| h.join().expect("worker")).collect()
    });
    let mut total = 0;
    let mut coverage: BTreeMap<&'static str, Coverage> = RULES.iter().map(|r| (r.id, Coverage::default())).collect();
    for (points, part) in results {
        total += points;
        for (id, c) in part {
            let entry = coverage.get_mut(id).expect("rule");
            entry.applied += c.applied;
            entry.passed += c.passed;
            entry.fired += c.fired;
        }
    }
    println!("exhaustive: {total} points checked, {} days, {} rules", interval_days().len(), RULES.len());
    for (id, c) in &coverage {
        println!("  {id:<36} applied {:>10}  passed {:>10}  fired {:>10}", c.applied, c.passed, c.fired);
    }
    let silent: Vec<&str> = coverage.iter().filter(|(_, c)| c.fired == 0).map(|(id, _)| *id).collect();
    assert!(silent.is_empty(), "rules that never fire: {silent:?}");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core/coverage_table.rs");
    let table = coverage_table(&coverage);
    let stale = std::fs::read_to_string(&path).ok().as_deref() != Some(table.as_str());
    if stale {
        std::fs::write(&path, table).expect("write coverage table");
    }
    assert!(!stale, "regenerated src/core/coverage_table.rs; commit it");
}
