//! Facts resting on the reference notes (`csp-rules.md`) rather than the seeds (issue 27): documents of
//! one time that contradict each other answer `unknown` or carry a caution quoting both, and every
//! country code Partner Center lists is accepted.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_rule, caution_ids, cloud, country, day, germany_query, query, us_government_query, verdict};
use csp_eligibility::core::decision::Outcome::Unknown;
use csp_eligibility::core::messages::text;
use csp_eligibility::core::vocabulary::{CustomerStatus, Region};
use csp_eligibility::core::{parse_query_str, Cloud, CountryCode, Lang, PartnerModel, Verdict};

// Reference §2.1: the FAQ (6/17/2021) says qualification is "open to both direct partners and indirect
// resellers", while the 11/08/2021 page lists "Indirect reseller/provider model and settings" among the
// features not enabled; "The docs contradict each other; a rules engine should treat these as uncertain."
#[test]
fn the_indirect_model_in_us_government_is_unknown_once_both_pages_stand() {
    for model in [PartnerModel::IndirectReseller, PartnerModel::IndirectProvider] {
        let q = us_government_query(|q| {
            q.partner.model = model;
            q.partner.provider_country = (model == PartnerModel::IndirectReseller).then(|| country("US"));
            q.as_of = day("2022-01-01");
        });
        assert_rule(&q, Cloud::UsGovernment, "USG-INDIRECT-MODEL", Some(Unknown));
        assert_eq!(verdict(&q, Cloud::UsGovernment), Verdict::Unknown, "{model:?}");
        assert!(caution_ids(&q, Cloud::UsGovernment).contains(&"USG-INDIRECT-MODEL"));
        // Before the 2021 page, the FAQ alone speaks: open to indirect resellers.
        let earlier = us_government_query(|q| {
            q.partner.model = model;
            q.partner.provider_country = (model == PartnerModel::IndirectReseller).then(|| country("US"));
            q.as_of = day("2021-11-07");
        });
        assert_rule(&earlier, Cloud::UsGovernment, "USG-INDIRECT-MODEL", None);
    }
    assert_rule(&us_government_query(|_| {}), Cloud::UsGovernment, "USG-INDIRECT-MODEL", None);
    let caution = text("caution.usg_indirect_model", Lang::En);
    assert!(caution.contains("open to both direct partners and indirect resellers") && caution.contains("Indirect reseller/provider model and settings"));
}

// 000 (2018), one page: its FAQ says "open to both Direct Partners and Indirect Resellers" while its
// feature list names "Indirect reseller/provider model and settings" as not yet available.
#[test]
fn the_indirect_model_in_germany_is_unknown_quoting_the_page_against_itself() {
    let q = germany_query(|q| {
        q.partner.model = PartnerModel::IndirectReseller;
        q.partner.provider_country = Some(country("DE"));
        q.customer.national_cloud_customer = Some(CustomerStatus::Existing);
    });
    assert_rule(&q, Cloud::Germany, "GER-INDIRECT-MODEL", Some(Unknown));
    assert_eq!(verdict(&q, Cloud::Germany), Verdict::Unknown);
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/sources/000_6afa813301a98690.en.md")).expect("seed 000");
    let caution = text("caution.germany_indirect_model", Lang::En);
    for passage in ["open to both Direct Partners and Indirect Resellers", "Indirect reseller/provider model and settings"] {
        assert!(seed.contains(passage) && caution.contains(passage), "{passage}");
    }
    assert_rule(&germany_query(|_| {}), Cloud::Germany, "GER-INDIRECT-MODEL", None);
}

// Reference §2.1, developer-doc differences (09/28/2023): "Office 365 subscriptions aren't currently
// available …" and "… customers must transact with a single partner", against the FAQ's products and
// the multi-partner pages: shown as cautions from that page's date, beside NOTE-USG-PRODUCTS.
#[test]
fn us_government_shows_the_2023_conflicts_on_office_365_and_single_partner() {
    let q = us_government_query(|q| q.as_of = day("2024-01-01"));
    let cautions = caution_ids(&q, Cloud::UsGovernment);
    assert!(cautions.contains(&"NOTE-USG-OFFICE-365-CONFLICT") && cautions.contains(&"NOTE-USG-SINGLE-PARTNER-CONFLICT"), "{cautions:?}");
    assert!(cloud(&q, Cloud::UsGovernment).notes.iter().any(|n| n.id == "NOTE-USG-PRODUCTS"));
    assert_eq!(verdict(&q, Cloud::UsGovernment), Verdict::Allowed, "a caution, not a verdict");
    let before = us_government_query(|q| q.as_of = day("2023-09-27"));
    assert!(!caution_ids(&before, Cloud::UsGovernment).contains(&"NOTE-USG-OFFICE-365-CONFLICT"));
    let office = text("note.usg_office_365_conflict", Lang::En);
    assert!(office.contains("Office 365 subscriptions aren’t currently available"));
}

// Reference §1.5: "Where Microsoft uses a non-ISO code (Saba XS, Sint Eustatius XE, Jan Mayen XJ,
// Kosovo XK) …". XJ is accepted, in the Europe region like Svalbard and Jan Mayen.
#[test]
fn every_code_partner_center_lists_is_accepted_jan_mayen_included() {
    for code in ["XE", "XJ", "XK", "XS"] {
        assert!(CountryCode::parse(code).is_some_and(|c| c.is_known()), "{code}");
    }
    let text = r#"{"api_version":1,"as_of":"2024-01-01","partner":{"country":"NO","model":"direct_bill","has_partner_id":true,"mpa_signed":true,"programs":["commercial"]},"customer":{"country":"XJ","segment":"commercial","relation":"unrelated"}}"#;
    let q = parse_query_str(text).expect("XJ is a country Partner Center knows");
    assert_eq!(csp_eligibility::core::markets::region_on(country("XJ"), q.as_of), Some(Region::Europe));
    assert_eq!(verdict(&q, Cloud::Commercial), Verdict::Allowed);
}

// Reference §1.3: Russia's market ends; the caution about it now appears when only the reseller's
// provider is there.
#[test]
fn the_caution_about_a_country_appears_when_only_the_provider_is_there() {
    let q = query(|q| {
        q.partner.model = PartnerModel::IndirectReseller;
        q.partner.provider_country = Some(country("RU"));
    });
    assert!(caution_ids(&q, Cloud::Commercial).contains(&"NOTE-RUSSIA-BELARUS"));
    assert!(!caution_ids(&query(|_| {}), Cloud::Commercial).contains(&"NOTE-RUSSIA-BELARUS"), "only where a party is there");
}

// Reference §1.3: the August 2023 announcement "says American Samoa and Guam came from Australia and
// Northern Mariana Islands from New Zealand. The 2021 table says otherwise": for Guam both say Australia,
// so the caution about the disagreement is for American Samoa and the Northern Mariana Islands only.
#[test]
fn the_territories_caution_names_a_disagreement_only_where_there_is_one() {
    let about = |code: &str| {
        query(|q| {
            q.as_of = day("2022-01-01");
            q.partner.country = country("US");
            q.customer.country = country(code);
        })
    };
    for code in ["AS", "MP"] {
        assert!(caution_ids(&about(code), Cloud::Commercial).contains(&"NOTE-US-TERRITORIES-2023"), "{code}");
    }
    assert!(!caution_ids(&about("GU"), Cloud::Commercial).contains(&"NOTE-US-TERRITORIES-2023"), "the sources agree on Guam");
    assert!(text("note.us_territories_2023", Lang::En).contains("for Guam both say Australia"));
}

// Reference §2.3: "That the China region refers to MCCL CSP is my inference; the regional doc does not say
// so." The note quotes the announcement it rests on and says what the documents leave open.
#[test]
fn the_mccl_note_quotes_its_announcement_and_states_no_inference() {
    let q = query(|q| {
        q.customer.country = country("CN");
        q.partner.country = country("CN");
    });
    let note = cloud(&q, Cloud::Vianet21).notes.into_iter().find(|n| n.id == "NOTE-VIANET-NOT-MCCL").expect("the note");
    assert_eq!(note.citation.document, "announcements-2021-may");
    let english = text("note.vianet_not_mccl", Lang::En);
    assert!(english.contains("There’s no impact on 21Vianet CSP") && english.contains("do not say whether"), "{english}");
}

/// A query about `code` as both partner and customer country (a single-country region for Russia and
/// China), on `on`.
fn market_query(code: &str, on: &str) -> csp_eligibility::core::Query {
    query(|q| {
        q.partner.country = country(code);
        q.customer.country = country(code);
        q.as_of = day(on);
    })
}

// Reference §1.3: "The 04/15/2021 list is in [FR-sxs:…@0a8056d3]; the 08/17/2023 list is in [EN23:…]."
// "Removed: the Russia region …, and Belarus"; "Added: the China region (CNY)"; §5: "not found: … exact
// date Russia/Belarus left CSP". Between the two lists the documents do not say whether the country was a
// market: `unknown`, with a caution naming both lists; on each list's day, that list's answer.
#[test]
fn market_changes_bracketed_by_two_lists_are_unknown_between_them() {
    for (code, listed_2021, listed_2023) in [("BY", true, false), ("CN", false, true)] {
        let expect = |listed: bool| if listed { Verdict::Allowed } else { Verdict::Denied };
        assert_eq!(verdict(&market_query(code, "2021-04-15"), Cloud::Commercial), expect(listed_2021), "{code} on 2021-04-15");
        for between in ["2021-04-16", "2022-06-01", "2023-08-16"] {
            let q = market_query(code, between);
            assert_eq!(verdict(&q, Cloud::Commercial), Verdict::Unknown, "{code} on {between}");
            assert_rule(&q, Cloud::Commercial, "COM-CUSTOMER-MARKET", Some(Unknown));
            let caution = cloud(&q, Cloud::Commercial).cautions.into_iter().find(|c| c.id == "COM-CUSTOMER-MARKET").expect("the caution");
            assert_eq!(caution.text.key(), "caution.market_bracketed");
        }
        assert_eq!(verdict(&market_query(code, "2023-08-17"), Cloud::Commercial), expect(listed_2023), "{code} on 2023-08-17");
    }
    let caution = text("caution.market_bracketed", Lang::En);
    assert!(caution.contains("2021-04-15") && caution.contains("2023-08-17"), "{caution}");
}

// Reference §5: "2022-03-04 | Microsoft suspends new sales in Russia (press)." The one dated source for
// Russia: `unknown` from the day after the 2021 list until that day, no market from it, citing the report.
#[test]
fn russia_leaves_on_the_day_a_source_dates_and_is_unknown_before() {
    assert_eq!(verdict(&market_query("RU", "2022-03-03"), Cloud::Commercial), Verdict::Unknown);
    let after = market_query("RU", "2022-03-04");
    assert_rule(&after, Cloud::Commercial, "COM-CUSTOMER-MARKET", Some(csp_eligibility::core::decision::Outcome::Fail));
    let report = cloud(&after, Cloud::Commercial).cautions.into_iter().find(|c| c.id == "NOTE-RUSSIA-NEW-SALES").expect("the dated source");
    assert_eq!(report.citation.document, "microsoft-ceasing-new-sales-in-russia");
    assert!(!caution_ids(&market_query("RU", "2022-03-03"), Cloud::Commercial).contains(&"NOTE-RUSSIA-NEW-SALES"));
    assert!(!caution_ids(&market_query("BY", "2024-01-01"), Cloud::Commercial).contains(&"NOTE-RUSSIA-NEW-SALES"), "Belarus has no dated source");
}

// Reference §1.1: "A partner can only establish a relationship with a partner from the same region." A
// provider in Belarus (Middle East, Central & Eastern Europe when listed) between the two lists: the
// region matches an Armenian reseller's, but whether Belarus was a market is unknown.
#[test]
fn a_provider_in_a_bracketed_country_is_unknown_where_its_region_would_match() {
    let q = query(|q| {
        q.partner.country = country("AM");
        q.customer.country = country("AM");
        q.partner.model = PartnerModel::IndirectReseller;
        q.partner.provider_country = Some(country("BY"));
        q.as_of = day("2022-06-01");
    });
    assert_rule(&q, Cloud::Commercial, "COM-SAME-REGION-PROVIDER", Some(Unknown));
    assert_eq!(verdict(&q, Cloud::Commercial), Verdict::Unknown);
    let elsewhere = query(|q| {
        q.partner.model = PartnerModel::IndirectReseller;
        q.partner.provider_country = Some(country("BY"));
        q.as_of = day("2022-06-01");
    });
    assert_rule(&elsewhere, Cloud::Commercial, "COM-SAME-REGION-PROVIDER", Some(csp_eligibility::core::decision::Outcome::Fail));
}

// The timeline and the nearest yes never hand out a day the documents do not give: the timeline shows the
// bracket as `unknown`, and for a Chinese customer in 2020 the nearest later day is the 2023 list's.
#[test]
fn timeline_and_nearest_keep_to_the_lists_days() {
    let q = market_query("CN", "2020-01-01");
    let timeline = csp_eligibility::core::timeline::timeline(&q);
    let commercial = timeline.clouds.iter().find(|t| t.cloud == Cloud::Commercial).expect("commercial");
    let bracket = commercial.intervals.iter().find(|i| i.from == Some(day("2021-04-16"))).expect("a span from the day after the 2021 list");
    assert_eq!((bracket.until, bracket.verdict), (Some(day("2023-08-17")), Verdict::Unknown));
    let nearest = csp_eligibility::core::nearest::nearest(&q);
    let commercial = nearest.clouds.iter().find(|n| n.cloud == Cloud::Commercial).expect("commercial");
    let days: Vec<_> = commercial
        .proposals
        .iter()
        .flat_map(|p| &p.changes)
        .filter_map(|c| match c {
            csp_eligibility::core::nearest::Change::AsOf { day } => Some(*day),
            _ => None,
        })
        .collect();
    assert_eq!(days, vec![day("2023-08-17")]);
}

/// The IDs of the notes (not cautions) a cloud's answer carries.
fn note_ids(q: &csp_eligibility::core::Query, on: Cloud) -> Vec<&'static str> {
    cloud(q, on).notes.into_iter().map(|note| note.id).collect()
}

// Reference §5: "2020-02-01 | MCA acceptance confirmation required for any new purchase, seat change or
// renewal". A dated note for questions about selling, from that day only.
#[test]
fn the_customer_agreement_confirmation_holds_from_february_2020() {
    let on = |when: &str| note_ids(&query(|q| q.as_of = day(when)), Cloud::Commercial);
    assert!(!on("2020-01-31").contains(&"NOTE-MCA-CONFIRMATION"));
    assert!(on("2020-02-01").contains(&"NOTE-MCA-CONFIRMATION"));
    let user_admin = query(|q| q.task = Some(csp_eligibility::core::Task::ManagePartnerUsers));
    assert!(!note_ids(&user_admin, Cloud::Commercial).contains(&"NOTE-MCA-CONFIRMATION"), "not a purchase");
}

// Reference §1.1: "Registration ID numbers are mandatory for partners doing business with customers in:
// Armenia, … Vietnam. They are optional elsewhere." Shown for a customer in one of the 24, not elsewhere.
#[test]
fn a_registration_id_is_named_for_customers_in_the_listed_countries() {
    for (code, shown) in [("PL", true), ("BR", true), ("TR", true), ("VN", true), ("FR", false), ("DE", false)] {
        let q = query(|q| {
            q.partner.country = country(code);
            q.customer.country = country(code);
        });
        assert_eq!(note_ids(&q, Cloud::Commercial).contains(&"NOTE-REGISTRATION-ID"), shown, "{code}");
    }
    let partner_only = query(|q| q.partner.country = country("PL"));
    assert!(!note_ids(&partner_only, Cloud::Commercial).contains(&"NOTE-REGISTRATION-ID"), "it is the customer's country that counts");
}

// Reference §3.2: since October 2020 "all Microsoft partners new to CSP will enroll in the CSP program as an
// indirect reseller"; the direct-bill page (4/24/2023) asks for "≥ USD 300K CSP revenue in the trailing 12
// months as an indirect reseller" and "≥ 12 months transacting as an indirect reseller"; from 2024-04-01 a
// reseller under USD 1,000 is de-authorized. Each partner sees the requirements of its own model and date.
#[test]
fn each_model_sees_the_requirements_of_its_date() {
    let direct = |when: &str| note_ids(&query(|q| q.as_of = day(when)), Cloud::Commercial);
    assert!(!direct("2020-09-30").contains(&"NOTE-NEW-PARTNERS-INDIRECT"));
    assert!(direct("2022-06-01").contains(&"NOTE-NEW-PARTNERS-INDIRECT"));
    assert!(direct("2022-06-01").contains(&"NOTE-DIRECT-BILL-REQUIREMENTS-2023"));
    assert!(!direct("2024-06-01").contains(&"NOTE-RESELLER-REVENUE-FLOOR"), "not a reseller's requirement");
    let requirements = text("note.direct_bill_requirements_2023", Lang::En);
    assert!(requirements.contains("USD 300,000") && requirements.contains("12 months") && requirements.contains("do not say since when"));
    let reseller = |when: &str| {
        let q = query(|q| {
            q.partner.model = PartnerModel::IndirectReseller;
            q.partner.provider_country = Some(country("DE"));
            q.as_of = day(when);
        });
        note_ids(&q, Cloud::Commercial)
    };
    assert!(!reseller("2024-03-31").contains(&"NOTE-RESELLER-REVENUE-FLOOR"));
    assert!(reseller("2024-04-01").contains(&"NOTE-RESELLER-REVENUE-FLOOR"));
    assert!(!reseller("2024-04-01").contains(&"NOTE-DIRECT-BILL-REQUIREMENTS-2023"));
    assert!(text("note.reseller_revenue_floor", Lang::En).contains("USD 1,000"));
}

// Reference §4: "Request a reseller relationship | Admin agent (2023) …; Admin agent, Global admin (2021)";
// "Create/add a subscription (place an order) | Admin agent, Billing admin, Global admin, Helpdesk agent,
// Sales agent"; "Buy an Azure plan | Global admin, User management admin, Sales agent". Both versions of the
// relationship page are named; for placing an order, a role on both lists passes, a role on the subscription
// list only passes with the Azure plan note, and the User management admin (Azure plan list only) is unknown.
#[test]
fn the_role_pages_are_answered_with_both() {
    use csp_eligibility::core::{Role, Task};
    let ordering = |role: Role| {
        query(|q| {
            q.task = Some(Task::Sell);
            q.partner.role = Some(role);
        })
    };
    for role in [Role::GlobalAdmin, Role::SalesAgent] {
        assert_eq!(verdict(&ordering(role), Cloud::Commercial), Verdict::Allowed, "{role:?}");
        assert!(!note_ids(&ordering(role), Cloud::Commercial).contains(&"NOTE-AZURE-PLAN-ROLES"), "{role:?}");
    }
    for role in [Role::AdminAgent, Role::BillingAdmin, Role::HelpdeskAgent] {
        assert_eq!(verdict(&ordering(role), Cloud::Commercial), Verdict::Allowed, "{role:?}");
        assert!(note_ids(&ordering(role), Cloud::Commercial).contains(&"NOTE-AZURE-PLAN-ROLES"), "{role:?}");
    }
    let user_admin = ordering(Role::UserManagementAdmin);
    assert_rule(&user_admin, Cloud::Commercial, "ROLE-PLACE-ORDER", Some(Unknown));
    assert_eq!(verdict(&user_admin, Cloud::Commercial), Verdict::Unknown);
    let disagree = text("caution.place_order_roles_disagree", Lang::En);
    assert!(disagree.contains("Helpdesk agent") && disagree.contains("User management admin"));
    assert!(note_ids(&ordering(Role::AdminAgent), Cloud::Commercial).contains(&"NOTE-RELATIONSHIP-REQUEST-ROLES"));
    assert!(!note_ids(&query(|_| {}), Cloud::Commercial).contains(&"NOTE-RELATIONSHIP-REQUEST-ROLES"));
    let roles = text("note.relationship_request_roles", Lang::En);
    assert!(roles.contains("2023") && roles.contains("2021") && roles.contains("Global admin"));
}
