//! The whole policy on one page (issue 21, point 4): `docs/decision-matrix.md`, generated here from the
//! rule table by deciding, for each cloud and each period between its rules' effective dates, every
//! partner model × customer relation and every other fact that splits a cell, with the deciding rules,
//! their statements, citations and the seed passages they rest on (`data/source-map.tsv`). The test keeps
//! the page equal to what the code decides, as the source map is kept.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use csp_eligibility::core::messages::text;
use csp_eligibility::core::notes::NOTES;
use csp_eligibility::core::rules::RULES;
use csp_eligibility::core::sources::Citation;
use csp_eligibility::core::vocabulary::CustomerStatus;
use csp_eligibility::core::{
    decide, Cloud, CloudDecision, CountryCode, Customer, Day, Lang, Partner, PartnerModel, Program, Query, Relation, Role, Segment, Task, Verdict, Vocabulary,
    API_VERSION,
};
use std::collections::BTreeMap;
use std::fmt::Write as _;

fn code(text: &str) -> CountryCode {
    CountryCode::parse(text).filter(|code| code.is_known()).expect("known country")
}

/// Where a cloud's base question stands: the partner's and customer's country, the customer's segment,
/// the program, and the provider country an indirect reseller works with.
struct Base {
    cloud: Cloud,
    partner: &'static str,
    customer: &'static str,
    segment: Segment,
    program: Program,
    provider: &'static str,
    said: &'static str,
}

const BASES: [Base; 4] = [
    Base {
        cloud: Cloud::Commercial,
        partner: "FR",
        customer: "FR",
        segment: Segment::Commercial,
        program: Program::Commercial,
        provider: "DE",
        said: "a partner in France (Europe region) selling to a commercial customer whose tenant is in France",
    },
    Base {
        cloud: Cloud::Germany,
        partner: "FR",
        customer: "DE",
        segment: Segment::Commercial,
        program: Program::Germany,
        provider: "DE",
        said: "a partner in France selling to an existing Microsoft Cloud Germany customer whose tenant is in Germany",
    },
    Base {
        cloud: Cloud::UsGovernment,
        partner: "US",
        customer: "US",
        segment: Segment::UsState,
        program: Program::UsGovernment,
        provider: "US",
        said: "a validated partner in the United States selling to a US state government entity",
    },
    Base {
        cloud: Cloud::Vianet21,
        partner: "CN",
        customer: "CN",
        segment: Segment::Commercial,
        program: Program::Vianet21,
        provider: "CN",
        said: "a partner in China selling to a customer whose tenant is in China",
    },
];

/// The base question of a cloud for `model` and `relation` on `day`: every optional fact stated as done.
fn base_query(base: &Base, model: PartnerModel, relation: Relation, day: Day) -> Query {
    Query {
        api_version: API_VERSION,
        as_of: day,
        partner: Partner {
            country: code(base.partner),
            model,
            has_partner_id: Some(true),
            mpa_signed: Some(true),
            provider_country: (model == PartnerModel::IndirectReseller).then(|| code(base.provider)),
            programs: Some(vec![base.program]),
            us_gov_validated: Some(true),
            role: None,
            european_account: None,
            european_tenant_country: None,
            european_tenant_active: None,
        },
        customer: Customer { country: code(base.customer), segment: base.segment, relation, national_cloud_customer: Some(CustomerStatus::Existing) },
        cloud: Some(base.cloud),
        task: None,
    }
}

/// One fact that splits a cell: what it says, the model it is asked for, and the edit to the base.
type Split = (&'static str, PartnerModel, fn(&mut Query));

const SPLITS: &[Split] = &[
    ("No PartnerID", PartnerModel::DirectBill, |q| q.partner.has_partner_id = Some(false)),
    ("PartnerID not stated", PartnerModel::DirectBill, |q| q.partner.has_partner_id = None),
    ("MPA not signed", PartnerModel::DirectBill, |q| q.partner.mpa_signed = Some(false)),
    ("MPA not signed (indirect reseller)", PartnerModel::IndirectReseller, |q| q.partner.mpa_signed = Some(false)),
    ("MPA not stated", PartnerModel::DirectBill, |q| q.partner.mpa_signed = None),
    ("Not onboarded to the cloud's program", PartnerModel::DirectBill, |q| q.partner.programs = Some(Vec::new())),
    ("Programs not stated", PartnerModel::DirectBill, |q| q.partner.programs = None),
    ("Not validated for US Government", PartnerModel::DirectBill, |q| q.partner.us_gov_validated = Some(false)),
    ("US Government validation not stated", PartnerModel::DirectBill, |q| q.partner.us_gov_validated = None),
    ("Indirect reseller, provider in the United States", PartnerModel::IndirectReseller, |q| q.partner.provider_country = Some(code("US"))),
    ("Indirect reseller, provider in Germany", PartnerModel::IndirectReseller, |q| q.partner.provider_country = Some(code("DE"))),
    ("Indirect reseller, provider in the UK", PartnerModel::IndirectReseller, |q| q.partner.provider_country = Some(code("GB"))),
    ("Indirect reseller, provider in Canada", PartnerModel::IndirectReseller, |q| q.partner.provider_country = Some(code("CA"))),
    ("Indirect reseller, provider country not stated", PartnerModel::IndirectReseller, |q| q.partner.provider_country = None),
    ("Partner in the United States", PartnerModel::DirectBill, |q| q.partner.country = code("US")),
    ("Partner in the UK", PartnerModel::DirectBill, |q| q.partner.country = code("GB")),
    ("Partner in Puerto Rico (a US territory)", PartnerModel::DirectBill, |q| q.partner.country = code("PR")),
    ("Customer tenant in the United States", PartnerModel::DirectBill, |q| q.customer.country = code("US")),
    ("Customer tenant in France", PartnerModel::DirectBill, |q| q.customer.country = code("FR")),
    ("Customer tenant in the UK", PartnerModel::DirectBill, |q| q.customer.country = code("GB")),
    ("Customer tenant in China", PartnerModel::DirectBill, |q| q.customer.country = code("CN")),
    ("Customer tenant in Cuba (no CSP market)", PartnerModel::DirectBill, |q| q.customer.country = code("CU")),
    ("Customer tenant in Russia", PartnerModel::DirectBill, |q| q.customer.country = code("RU")),
    ("Commercial customer", PartnerModel::DirectBill, |q| q.customer.segment = Segment::Commercial),
    ("US federal entity", PartnerModel::DirectBill, |q| q.customer.segment = Segment::UsFederal),
    ("US tribal entity", PartnerModel::DirectBill, |q| q.customer.segment = Segment::UsTribal),
    ("New national-cloud customer", PartnerModel::DirectBill, |q| q.customer.national_cloud_customer = Some(CustomerStatus::New)),
    ("National-cloud status not stated", PartnerModel::DirectBill, |q| q.customer.national_cloud_customer = None),
    ("Task: place an order, as Admin agent", PartnerModel::DirectBill, |q| {
        q.task = Some(Task::Sell);
        q.partner.role = Some(Role::AdminAgent);
    }),
    ("Task: place an order, as User management admin", PartnerModel::DirectBill, |q| {
        q.task = Some(Task::Sell);
        q.partner.role = Some(Role::UserManagementAdmin);
    }),
    ("Task: place an order, role not stated", PartnerModel::DirectBill, |q| q.task = Some(Task::Sell)),
    ("Task: create a customer, as an indirect reseller", PartnerModel::IndirectReseller, |q| {
        q.task = Some(Task::CreateCustomer);
        q.partner.role = Some(Role::AdminAgent);
    }),
    ("Task: migrate a Germany customer, no European CSP account", PartnerModel::DirectBill, |q| {
        q.task = Some(Task::MigrateGermanyCustomer);
        q.partner.role = Some(Role::GlobalAdmin);
        q.partner.european_account = Some(false);
    }),
    ("Task: migrate a Germany customer, active tenant in France, Global admin", PartnerModel::DirectBill, |q| {
        q.task = Some(Task::MigrateGermanyCustomer);
        q.partner.role = Some(Role::GlobalAdmin);
        q.partner.european_account = Some(true);
        q.partner.european_tenant_country = Some(code("FR"));
        q.partner.european_tenant_active = Some(true);
    }),
    ("Task: migrate a Germany customer, tenant in the US, inactive, Admin agent", PartnerModel::DirectBill, |q| {
        q.task = Some(Task::MigrateGermanyCustomer);
        q.partner.role = Some(Role::AdminAgent);
        q.partner.european_account = Some(true);
        q.partner.european_tenant_country = Some(code("US"));
        q.partner.european_tenant_active = Some(false);
    }),
];

/// The periods of a cloud: the days on which one of its rules starts or stops, each period named by its
/// first day (the first period by the day before the first bound).
fn periods(cloud: Cloud) -> Vec<(Option<Day>, Option<Day>)> {
    let mut bounds: Vec<Day> =
        RULES.iter().filter(|rule| rule.clouds.contains(cloud)).flat_map(|rule| rule.effective.from.into_iter().chain(rule.effective.until)).collect();
    bounds.sort();
    bounds.dedup();
    let mut periods = Vec::new();
    let mut from = None;
    for bound in bounds {
        periods.push((from, Some(bound)));
        from = Some(bound);
    }
    periods.push((from, None));
    periods
}

fn period_day(period: (Option<Day>, Option<Day>)) -> Day {
    match period {
        (Some(from), _) => from,
        (None, Some(until)) => until.previous(),
        (None, None) => Day::parse("2024-01-01").expect("day"),
    }
}

/// `text` with its first letter in capitals (a column heading).
fn capitalized(text: &str) -> String {
    let mut letters = text.chars();
    letters.next().map(|first| first.to_uppercase().chain(letters).collect()).unwrap_or_default()
}

/// A span of days in words: `always`, `until …`, `from …` or `… to …` (the last day it holds).
fn span_text(from: Option<Day>, until: Option<Day>) -> String {
    match (from, until) {
        (None, None) => "always".into(),
        (None, Some(until)) => format!("until {}", until.previous()),
        (Some(from), None) => format!("from {from}"),
        (Some(from), Some(until)) => format!("{from} to {}", until.previous()),
    }
}

/// A cell: the verdict, the rules that decided it, and the cautions beside it (the notes on the sources'
/// dates left out), collecting every ID it names.
fn cell(decision: &CloudDecision, named: &mut BTreeMap<&'static str, ()>) -> String {
    let verdict = decision.verdict.id().replace('_', " ");
    let mut out = if decision.verdict == Verdict::Allowed { format!("**{verdict}**") } else { verdict };
    let ids = |list: &mut Vec<&'static str>, named: &mut BTreeMap<&'static str, ()>| {
        list.dedup();
        for id in list.iter() {
            named.insert(id, ());
        }
        list.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ")
    };
    let mut deciding = decision.deciding.clone();
    if !deciding.is_empty() {
        write!(out, ": {}", ids(&mut deciding, named)).expect("write to a String");
    }
    let mut cautions: Vec<&'static str> = decision.cautions.iter().map(|c| c.id).filter(|id| !id.starts_with("NOTE-SOURCES-")).collect();
    if !cautions.is_empty() {
        write!(out, "; caution {}", ids(&mut cautions, named)).expect("write to a String");
    }
    if !decision.missing_facts.is_empty() {
        let facts: Vec<String> = decision.missing_facts.iter().map(|fact| format!("`{}`", fact.path())).collect();
        write!(out, "; missing {}", facts.join(", ")).expect("write to a String");
    }
    out
}

/// The first passage the source map quotes for each ID: (document, section, quote).
fn passages() -> BTreeMap<String, (String, String, String)> {
    let mut passages = BTreeMap::new();
    for row in common::source_map() {
        for id in &row.carried_by {
            passages.entry(id.clone()).or_insert_with(|| (row.document.clone(), row.section.clone(), row.quote.clone()));
        }
    }
    passages
}

fn citation_text(citation: &Citation) -> String {
    let section = if citation.section.is_empty() { String::new() } else { format!(" § `{}`", citation.section) };
    format!("[{}]({}){section} ({})", citation.title, citation.href(Lang::En), citation.date)
}

fn render() -> String {
    let mut out = String::from(
        "<!-- Generated from the rule table by tests/decision_matrix.rs. Do not edit. -->\n\n\
         # Decision matrix\n\n\
         The whole policy the widget applies, cloud by cloud, as the code decides it: every partner model ×\n\
         customer relation, then every other fact that splits a cell, in each period between the dates on\n\
         which one of the cloud's rules starts or stops. A cell gives the verdict and the rules that decided it\n\
         (`deciding`), the cautions beside it, and the facts it misses. The rules, with their statements, the\n\
         sections they cite and the passages they rest on, are listed after each cloud's tables. Country\n\
         regions and jurisdictions follow the market table on each period's first day; the market table's own\n\
         dated and bracketed changes (Russia, Belarus, the China region, the US territories) are in `data/csp-markets.tsv`.\n",
    );
    let passages = passages();
    for base in &BASES {
        let periods = periods(base.cloud);
        let mut named = BTreeMap::new();
        writeln!(out, "\n## {}\n\nBase question: {}; every optional fact stated as done (PartnerID, MPA, onboarded to the cloud's program, validated for US Government, existing national-cloud customer; an indirect reseller's provider in {}).", text(&format!("cloud.{}", base.cloud.id()), Lang::En), base.said, base.provider).expect("write to a String");
        let header = |out: &mut String, first: &str| {
            write!(out, "\n| {first} |").expect("write to a String");
            for period in &periods {
                write!(out, " {} |", capitalized(&span_text(period.0, period.1))).expect("write to a String");
            }
            write!(out, "\n|---|").expect("write to a String");
            for _ in &periods {
                out.push_str("---|");
            }
            out.push('\n');
        };
        writeln!(out, "\n### Partner model × customer relation").expect("write to a String");
        header(&mut out, "Model · relation");
        for &model in PartnerModel::ALL {
            for &relation in Relation::ALL.iter().filter(|relation| relation.fits(model)) {
                write!(out, "| {} · {} |", model.id(), relation.id()).expect("write to a String");
                for period in &periods {
                    let decision = decide(&base_query(base, model, relation, period_day(*period)));
                    write!(out, " {} |", cell(decision.cloud(base.cloud), &mut named)).expect("write to a String");
                }
                out.push('\n');
            }
        }
        writeln!(out, "\n### Other facts that split a cell (unrelated customer)").expect("write to a String");
        header(&mut out, "Fact · model");
        for (said, model, edit) in SPLITS {
            write!(out, "| {said} · {} |", model.id()).expect("write to a String");
            for period in &periods {
                let mut query = base_query(base, *model, Relation::Unrelated, period_day(*period));
                edit(&mut query);
                write!(out, " {} |", cell(decide(&query).cloud(base.cloud), &mut named)).expect("write to a String");
            }
            out.push('\n');
        }
        writeln!(out, "\n### Rules and cautions named above\n\n| ID | In force | Statement | Cites | Passage |\n|---|---|---|---|---|")
            .expect("write to a String");
        for id in named.keys() {
            let (effective, message, citation) = match RULES.iter().find(|rule| rule.id == *id) {
                Some(rule) => (rule.effective, rule.message(), rule.citation),
                None => {
                    let note = NOTES.iter().find(|note| note.id == *id).expect("a named ID is a rule or a note");
                    (note.effective, note.message(), note.citation)
                }
            };
            let in_force = span_text(effective.from, effective.until);
            let passage = passages.get(*id).map_or("—".to_string(), |(document, section, quote)| match section.as_str() {
                "" => format!("“{quote}” (reference notes on `{document}`)"),
                _ => format!("“{quote}” (`{document}#{section}`)"),
            });
            writeln!(out, "| `{id}` | {in_force} | {} | {} | {passage} |", text(message, Lang::En), citation_text(&citation)).expect("write to a String");
        }
    }
    out
}

// Issue 21, point 4: a partner-program expert reviews the whole policy without reading Rust; the page
// is what the code decides, regenerated when a rule changes.
#[test]
fn docs_decision_matrix_is_current() {
    let stale = common::refresh("docs/decision-matrix.md", &render());
    assert!(!stale, "regenerated docs/decision-matrix.md; commit it");
}

// The matrix answers the issue's own cases: a French reseller with a US provider is denied in Microsoft
// Cloud Germany, and an indirect provider buying for another partner's own use is unknown.
#[test]
fn the_matrix_shows_the_relationship_rule_in_every_cloud() {
    let page = render();
    let germany = &page[page.find("## Microsoft Cloud Germany").expect("Germany section")..];
    let row = germany.lines().find(|line| line.starts_with("| Indirect reseller, provider in the United States")).expect("row");
    assert!(row.contains("`GER-PROVIDER-LOCATION`"), "{row}");
    let provider_row = page.lines().find(|line| line.starts_with("| indirect_provider · other_partner_customer_tenant |")).expect("row");
    assert!(provider_row.contains("unknown: `CSP-OWN-USE-TENANT`"), "{provider_row}");
}
