//! Scenarios taken from the source documents: for every rule, a case where it passes and one where it
//! fails, each naming the passage it protects, plus the worked examples of the rules issue.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_rule, cloud, country, day, germany_query, programs, query, us_government_query, verdict};
use csp_eligibility::core::decision::Outcome::{Fail, NeedsAction, Pass, Unknown};
use csp_eligibility::core::vocabulary::CustomerStatus;
use csp_eligibility::core::{Cloud, Fact, PartnerModel, Program, Relation, Role, Segment, Task, Verdict};

// 003#get-started: "vous devez tout d'abord disposer d'un ID MPN".
#[test]
fn csp_partner_id_is_needed_to_enroll() {
    assert_rule(&query(|_| {}), Cloud::Commercial, "CSP-PARTNER-ID", Some(Pass));
    let without = query(|q| q.partner.has_partner_id = Some(false));
    assert_rule(&without, Cloud::Commercial, "CSP-PARTNER-ID", Some(NeedsAction));
    assert_eq!(verdict(&without, Cloud::Commercial), Verdict::NeedsAction);
    assert!(cloud(&without, Cloud::Commercial).actions.iter().any(|a| a.text.key() == "action.get_partner_id"));
    let unstated = query(|q| q.partner.has_partner_id = None);
    assert_eq!(verdict(&unstated, Cloud::Commercial), Verdict::Unknown);
    assert_eq!(cloud(&unstated, Cloud::Commercial).missing_facts, vec![Fact::HasPartnerId]);
}

// 003#get-started: "un partenaire engagé dans le programme CSP ne peut pas revendre de services en ligne à un autre partenaire du programme CSP".
#[test]
fn csp_partner_cannot_resell_to_another_csp_partner() {
    let to_partner = query(|q| q.customer.relation = Relation::OtherCspPartner);
    for on in <Cloud as csp_eligibility::core::Vocabulary>::ALL {
        assert_rule(&to_partner, *on, "CSP-NO-RESALE-TO-CSP-PARTNER", Some(Fail));
        assert_eq!(verdict(&to_partner, *on), Verdict::Denied);
    }
    assert_rule(&query(|_| {}), Cloud::Commercial, "CSP-NO-RESALE-TO-CSP-PARTNER", Some(Pass));
}

// 004#supported-partner-transactions-in-the-csp-program, scenario 5: no sale to itself or its affiliates.
#[test]
fn csp_partner_cannot_sell_to_itself_or_affiliates() {
    for relation in [Relation::SelfTenant, Relation::OwnCustomerTenant, Relation::Affiliate] {
        let q = query(|q| q.customer.relation = relation);
        assert_rule(&q, Cloud::Commercial, "CSP-NO-SELF-OR-AFFILIATE", Some(Fail));
        assert_eq!(verdict(&q, Cloud::Commercial), Verdict::Denied);
    }
    assert_rule(&query(|_| {}), Cloud::Commercial, "CSP-NO-SELF-OR-AFFILIATE", Some(Pass));
}

// 004#supported-partner-transactions-in-the-csp-program, scenario 6: a reseller cannot buy from its own provider; three options.
#[test]
fn reseller_cannot_buy_for_own_use_from_its_own_provider() {
    let q = query(|q| {
        q.partner.model = PartnerModel::IndirectReseller;
        q.partner.provider_country = Some(country("DE"));
        q.customer.relation = Relation::OwnProvider;
    });
    assert_rule(&q, Cloud::Commercial, "CSP-RESELLER-OWN-PROVIDER", Some(Fail));
    let options: Vec<_> = cloud(&q, Cloud::Commercial).actions.iter().map(|a| a.text.key()).collect();
    assert_eq!(options, ["action.own_use_separate_tenant", "action.own_use_end_provider_relationship", "action.own_use_second_provider"]);
    let unrelated = query(|q| {
        q.partner.model = PartnerModel::IndirectReseller;
        q.partner.provider_country = Some(country("DE"));
    });
    assert_rule(&unrelated, Cloud::Commercial, "CSP-RESELLER-OWN-PROVIDER", None);
    assert_eq!(verdict(&unrelated, Cloud::Commercial), Verdict::Allowed);
}

// 003#csp-regional-markets-and-currencies: the partner's market depends on its location.
#[test]
fn partner_and_customer_must_be_in_csp_markets() {
    for code in ["CU", "IR", "KP", "SY"] {
        let partner = query(|q| q.partner.country = country(code));
        assert_rule(&partner, Cloud::Commercial, "COM-PARTNER-MARKET", Some(Fail));
        let customer = query(|q| q.customer.country = country(code));
        assert_rule(&customer, Cloud::Commercial, "COM-CUSTOMER-MARKET", Some(Fail));
        assert_eq!(verdict(&customer, Cloud::Commercial), Verdict::Denied);
    }
    assert_rule(&query(|_| {}), Cloud::Commercial, "COM-PARTNER-MARKET", Some(Pass));
    assert_rule(&query(|_| {}), Cloud::Commercial, "COM-CUSTOMER-MARKET", Some(Pass));
}

// Reference §1.3: Russia and Belarus are in the 04/15/2021 list and absent from the 08/17/2023 list
// (the days between are in tests/reference.rs).
#[test]
fn russia_and_belarus_stop_being_markets() {
    for code in ["RU", "BY"] {
        let before = query(|q| {
            q.as_of = day("2021-04-15");
            q.partner.country = country(code);
            q.customer.country = country(code);
        });
        assert_eq!(verdict(&before, Cloud::Commercial), Verdict::Allowed, "{code} on the 2021 list's day");
        let after = query(|q| {
            q.partner.country = country(code);
            q.customer.country = country(code);
        });
        assert_rule(&after, Cloud::Commercial, "COM-PARTNER-MARKET", Some(Fail));
    }
}

// 004#supported-partner-transactions-in-the-csp-program, scenario 7: customers only in the same region.
#[test]
fn customers_only_in_the_partners_region() {
    let same = query(|q| q.customer.country = country("DE"));
    assert_rule(&same, Cloud::Commercial, "COM-SAME-REGION-CUSTOMER", Some(Pass));
    let other = query(|q| q.customer.country = country("US"));
    assert_rule(&other, Cloud::Commercial, "COM-SAME-REGION-CUSTOMER", Some(Fail));
    assert!(cloud(&other, Cloud::Commercial).actions.iter().any(|a| a.text.key() == "action.account_in_customer_region"));
    // Reference: the tenant's country counts. A Brazilian company with a US tenant is a US customer.
    let us_tenant = query(|q| {
        q.partner.country = country("US");
        q.customer.country = country("US");
    });
    assert_eq!(verdict(&us_tenant, Cloud::Commercial), Verdict::Allowed);
}

// The rules issue's examples: American Samoa joins the United States region on 2023-10-12.
#[test]
fn american_samoa_joins_the_united_states_region_in_2023() {
    let in_2024 = query(|q| {
        q.partner.country = country("US");
        q.customer.country = country("AS");
    });
    assert_rule(&in_2024, Cloud::Commercial, "COM-SAME-REGION-CUSTOMER", Some(Pass));
    let in_2022 = query(|q| {
        q.as_of = day("2022-01-01");
        q.partner.country = country("US");
        q.customer.country = country("AS");
    });
    assert_rule(&in_2022, Cloud::Commercial, "COM-SAME-REGION-CUSTOMER", Some(Fail));
    assert!(cloud(&in_2022, Cloud::Commercial).cautions.iter().any(|c| c.id == "NOTE-US-TERRITORIES-2023"));
    let nz_partner_2022 = query(|q| {
        q.as_of = day("2022-01-01");
        q.partner.country = country("NZ");
        q.customer.country = country("AS");
    });
    assert_eq!(verdict(&nz_partner_2022, Cloud::Commercial), Verdict::Allowed);
}

// 004#supported-partner-transactions-in-the-csp-program, scenario 8, and the examples.
#[test]
fn reseller_and_provider_in_the_same_region() {
    let french_with_german = query(|q| {
        q.partner.model = PartnerModel::IndirectReseller;
        q.partner.provider_country = Some(country("DE"));
    });
    assert_rule(&french_with_german, Cloud::Commercial, "COM-SAME-REGION-PROVIDER", Some(Pass));
    assert_eq!(verdict(&french_with_german, Cloud::Commercial), Verdict::Allowed);
    let us_with_uk = query(|q| {
        q.partner.country = country("US");
        q.customer.country = country("US");
        q.partner.model = PartnerModel::IndirectReseller;
        q.partner.provider_country = Some(country("GB"));
    });
    assert_rule(&us_with_uk, Cloud::Commercial, "COM-SAME-REGION-PROVIDER", Some(Fail));
    assert_eq!(verdict(&us_with_uk, Cloud::Commercial), Verdict::Denied);
    let no_provider = query(|q| q.partner.model = PartnerModel::IndirectReseller);
    assert_rule(&no_provider, Cloud::Commercial, "COM-SAME-REGION-PROVIDER", Some(Unknown));
    assert_eq!(cloud(&no_provider, Cloud::Commercial).missing_facts, vec![Fact::ProviderCountry]);
}

// 003#get-started: "Pour vous inscrire au programme Fournisseur de solutions Cloud …".
#[test]
fn partner_must_be_enrolled_in_commercial_csp() {
    let not_enrolled = query(|q| q.partner.programs = programs(&[]));
    assert_rule(&not_enrolled, Cloud::Commercial, "COM-ENROLLED", Some(NeedsAction));
    assert_eq!(verdict(&not_enrolled, Cloud::Commercial), Verdict::NeedsAction);
    let unstated = query(|q| q.partner.programs = None);
    assert_rule(&unstated, Cloud::Commercial, "COM-ENROLLED", Some(Unknown));
    assert_rule(&query(|_| {}), Cloud::Commercial, "COM-ENROLLED", Some(Pass));
}

// 004#csp-program-requirements-signing-the-microsoft-partner-agreement-mpa: required from 2020-02-01.
#[test]
fn mpa_is_required_from_february_2020() {
    let unsigned_2019 = query(|q| {
        q.as_of = day("2019-06-01");
        q.partner.mpa_signed = Some(false);
    });
    assert_rule(&unsigned_2019, Cloud::Commercial, "CSP-MPA-SIGNED", None);
    assert_eq!(verdict(&unsigned_2019, Cloud::Commercial), Verdict::Allowed);
    let unsigned_2021 = query(|q| {
        q.as_of = day("2021-06-01");
        q.partner.mpa_signed = Some(false);
    });
    assert_rule(&unsigned_2021, Cloud::Commercial, "CSP-MPA-SIGNED", Some(NeedsAction));
    assert_eq!(verdict(&unsigned_2021, Cloud::Commercial), Verdict::NeedsAction);
    let reseller = query(|q| {
        q.partner.model = PartnerModel::IndirectReseller;
        q.partner.provider_country = Some(country("DE"));
        q.partner.mpa_signed = Some(false);
    });
    assert!(cloud(&reseller, Cloud::Commercial).actions.iter().any(|a| a.text.key() == "action.sign_mpa_reseller"));
    assert_rule(&query(|q| q.as_of = day("2020-02-01")), Cloud::Commercial, "CSP-MPA-SIGNED", Some(Pass));
}

// Reference (transition-direct-to-indirect): resellers cannot create customer tenants.
#[test]
fn reseller_cannot_create_customers() {
    let reseller = query(|q| {
        q.partner.model = PartnerModel::IndirectReseller;
        q.partner.provider_country = Some(country("DE"));
        q.task = Some(Task::CreateCustomer);
    });
    assert_rule(&reseller, Cloud::Commercial, "COM-RESELLER-CREATES-NO-CUSTOMER", Some(Fail));
    let direct = query(|q| q.task = Some(Task::CreateCustomer));
    assert_rule(&direct, Cloud::Commercial, "COM-RESELLER-CREATES-NO-CUSTOMER", Some(Pass));
}

// Reference §4, "appropriate roles": who may create customers, place orders and administer users.
#[test]
fn roles_decide_who_may_do_a_task() {
    // Placing an order as a User management admin: the subscription page refuses it, the Azure plan page
    // allows it, so the commercial answer is unknown (tests/reference.rs); elsewhere it asks for another role.
    let cases = [
        (Task::CreateCustomer, Role::SalesAgent, Role::BillingAdmin, "ROLE-CREATE-CUSTOMER", NeedsAction),
        (Task::Sell, Role::HelpdeskAgent, Role::UserManagementAdmin, "ROLE-PLACE-ORDER", Unknown),
        (Task::ManagePartnerUsers, Role::UserManagementAdmin, Role::SalesAgent, "ROLE-USER-ADMINISTRATION", NeedsAction),
        (Task::ResetPassword, Role::AdminAgent, Role::BillingAdmin, "ROLE-USER-ADMINISTRATION", NeedsAction),
    ];
    for (task, allowed, refused, rule, refusal) in cases {
        let ok = query(|q| {
            q.task = Some(task);
            q.partner.role = Some(allowed);
        });
        assert_rule(&ok, Cloud::Commercial, rule, Some(Pass));
        let not_ok = query(|q| {
            q.task = Some(task);
            q.partner.role = Some(refused);
        });
        assert_rule(&not_ok, Cloud::Commercial, rule, Some(refusal));
        // Issue 21, point 2: a task asked without the asker's role is unknown, naming the role.
        let unstated = query(|q| q.task = Some(task));
        assert_rule(&unstated, Cloud::Commercial, rule, Some(Unknown));
        assert!(cloud(&unstated, Cloud::Commercial).missing_facts.contains(&Fact::Role));
    }
}

// The example; 000#frequently-asked-questions-about-the-csp-program-for-microsoft-cloud-germany
// (partners in the EU, EFTA and UK) and 001 (no new customers from 2018-08-31).
#[test]
fn germany_takes_a_new_french_customer_from_a_uk_partner_only_before_september_2018() {
    let june_2018 = germany_query(|_| {});
    assert_eq!(verdict(&june_2018, Cloud::Germany), Verdict::Allowed);
    let january_2019 = germany_query(|q| q.as_of = day("2019-01-01"));
    assert_rule(&january_2019, Cloud::Germany, "GER-NO-NEW-CUSTOMERS", Some(Fail));
    assert_eq!(verdict(&january_2019, Cloud::Germany), Verdict::Denied);
    let existing = germany_query(|q| {
        q.as_of = day("2019-01-01");
        q.customer.national_cloud_customer = Some(CustomerStatus::Existing);
    });
    assert_rule(&existing, Cloud::Germany, "GER-NO-NEW-CUSTOMERS", Some(Pass));
    let unstated = germany_query(|q| {
        q.as_of = day("2019-01-01");
        q.customer.national_cloud_customer = None;
    });
    assert_eq!(verdict(&unstated, Cloud::Germany), Verdict::Unknown);
}

// 000#frequently-asked-questions-about-the-csp-program-for-microsoft-cloud-germany: commercial customers; separate onboarding.
#[test]
fn germany_sells_to_commercial_customers_after_separate_onboarding() {
    let government = germany_query(|q| q.customer.segment = Segment::UsState);
    assert_rule(&government, Cloud::Germany, "GER-COMMERCIAL-CUSTOMERS", Some(Fail));
    assert_rule(&germany_query(|_| {}), Cloud::Germany, "GER-COMMERCIAL-CUSTOMERS", Some(Pass));
    let commercial_only = germany_query(|q| q.partner.programs = programs(&[Program::Commercial]));
    assert_rule(&commercial_only, Cloud::Germany, "GER-ONBOARDED", Some(NeedsAction));
    assert_eq!(verdict(&commercial_only, Cloud::Germany), Verdict::NeedsAction);
    assert_rule(&germany_query(|_| {}), Cloud::Germany, "GER-ONBOARDED", Some(Pass));
}

// Reference: Microsoft Cloud Germany closed on 2021-10-29.
#[test]
fn germany_is_closed_from_october_2021() {
    let existing = |date: &str| {
        germany_query(|q| {
            q.as_of = day(date);
            q.partner.country = country("DE");
            q.customer.national_cloud_customer = Some(CustomerStatus::Existing);
        })
    };
    assert_rule(&existing("2021-10-28"), Cloud::Germany, "GER-CLOSED", None);
    assert_eq!(verdict(&existing("2021-10-28"), Cloud::Germany), Verdict::Allowed);
    assert_rule(&existing("2021-10-29"), Cloud::Germany, "GER-CLOSED", Some(Fail));
}

// 000#partner-center-for-microsoft-cloud-germany-selling-german-cloud-solutions-in-eu-and-efta: task portals.
#[test]
fn germany_tasks_go_to_their_own_portals() {
    let reset = germany_query(|q| q.task = Some(Task::ResetPassword));
    let portals: Vec<_> = cloud(&reset, Cloud::Germany).task_portals.iter().map(|p| p.id).collect();
    assert_eq!(portals, ["azure_germany"]);
    let licences = germany_query(|q| q.task = Some(Task::ManageLicenses));
    let portals: Vec<_> = cloud(&licences, Cloud::Germany).task_portals.iter().map(|p| p.id).collect();
    assert_eq!(portals, ["office_365_admin_germany", "azure_ad_licensing_germany"]);
    let notes: Vec<_> = cloud(&reset, Cloud::Germany).notes.iter().map(|n| n.id).collect();
    for id in ["NOTE-GERMANY-PRICING", "NOTE-GERMANY-NO-DATA-MOVE", "NOTE-GERMANY-APIS", "NOTE-GERMANY-MISSING-FEATURES", "NOTE-GERMANY-LICENSING"] {
        assert!(notes.contains(&id), "{id}");
    }
}

// 002#common: US partners serving US federal, state and local government entities, validated, onboarded separately.
#[test]
fn us_government_needs_a_validated_us_partner_and_a_government_customer() {
    assert_eq!(verdict(&us_government_query(|_| {}), Cloud::UsGovernment), Verdict::Allowed);
    let canadian = us_government_query(|q| q.partner.country = country("CA"));
    assert_rule(&canadian, Cloud::UsGovernment, "USG-PARTNER-US", Some(Fail));
    let commercial = us_government_query(|q| q.customer.segment = Segment::Commercial);
    assert_rule(&commercial, Cloud::UsGovernment, "USG-CUSTOMER-GOVERNMENT-2021", Some(Fail));
    let foreign_tenant = us_government_query(|q| q.customer.country = country("MX"));
    assert_rule(&foreign_tenant, Cloud::UsGovernment, "USG-CUSTOMER-US", Some(Fail));
    let not_validated = us_government_query(|q| q.partner.us_gov_validated = Some(false));
    assert_rule(&not_validated, Cloud::UsGovernment, "USG-VALIDATED", Some(NeedsAction));
    assert_eq!(verdict(&not_validated, Cloud::UsGovernment), Verdict::NeedsAction);
    let not_onboarded = us_government_query(|q| q.partner.programs = programs(&[Program::Commercial]));
    assert_rule(&not_onboarded, Cloud::UsGovernment, "USG-ONBOARDED", Some(NeedsAction));
    assert_rule(&us_government_query(|_| {}), Cloud::UsGovernment, "USG-VALIDATED", Some(Pass));
}

// Reference (national clouds overview): 21Vianet is a separate program; global enrollment does not cover it.
#[test]
fn vianet_needs_its_own_enrollment_and_a_chinese_customer() {
    let chinese = query(|q| {
        q.customer.country = country("CN");
        q.partner.programs = programs(&[Program::Vianet21]);
    });
    assert_eq!(verdict(&chinese, Cloud::Vianet21), Verdict::Allowed);
    let global_only = query(|q| q.customer.country = country("CN"));
    assert_rule(&global_only, Cloud::Vianet21, "VNT-ENROLLED", Some(NeedsAction));
    assert_rule(&query(|_| {}), Cloud::Vianet21, "VNT-CUSTOMER-CHINA", Some(Fail));
    assert_eq!(cloud(&chinese, Cloud::Vianet21).portal.id, "partner_center_21vianet");
}

// The contract: a missing optional fact makes only the clouds that need it unknown.
#[test]
fn a_missing_fact_leaves_other_clouds_answered() {
    let q = us_government_query(|q| q.partner.us_gov_validated = None);
    assert_eq!(verdict(&q, Cloud::UsGovernment), Verdict::Unknown);
    assert_eq!(cloud(&q, Cloud::UsGovernment).missing_facts, vec![Fact::UsGovValidated]);
    assert_eq!(verdict(&q, Cloud::Commercial), Verdict::Allowed);
}

// A denial shows only the ways out of the failed rule, not steps that could not help.
#[test]
fn a_denial_lists_only_ways_out() {
    let q = query(|q| {
        q.customer.country = country("US");
        q.partner.mpa_signed = Some(false);
    });
    let actions: Vec<_> = cloud(&q, Cloud::Commercial).actions.iter().map(|a| a.text.key()).collect();
    assert_eq!(actions, ["action.account_in_customer_region"]);
}

// Issue 12 point 3: a US partner asking about a US state agency is not told to serve it from the
// commercial cloud's European regions: Microsoft Cloud Germany fails on both locations (000, FAQ), which
// no action changes, so no action is listed for it.
#[test]
fn a_denial_with_a_failed_rule_that_has_no_way_out_lists_no_action() {
    let q = query(|q| {
        q.partner.country = country("US");
        q.customer.country = country("US");
        q.customer.segment = Segment::UsState;
    });
    assert_eq!(verdict(&q, Cloud::Germany), Verdict::Denied);
    assert_rule(&q, Cloud::Germany, "GER-CLOSED", Some(Fail));
    assert_rule(&q, Cloud::Germany, "GER-PARTNER-LOCATION", Some(Fail));
    assert!(common::action_keys(&q, Cloud::Germany).is_empty());
    // A German partner with a German customer can still be served from the European regions.
    let german = query(|q| {
        q.partner.country = country("DE");
        q.customer.country = country("DE");
    });
    assert_eq!(common::action_keys(&german, Cloud::Germany), ["action.use_european_region"]);
}

// Issue 12 point 3, 004#supported-partner-transactions-in-the-csp-program scenario 7: a region denial
// names the regions it compares, from the same market table the rule reads.
#[test]
fn region_rules_name_the_regions_they_compare() {
    use csp_eligibility::core::facts::{places, Party};
    use csp_eligibility::core::rules::RULES;
    use csp_eligibility::core::vocabulary::Region;
    let q = query(|q| {
        q.partner.country = country("FR");
        q.customer.country = country("TR");
    });
    assert_rule(&q, Cloud::Commercial, "COM-SAME-REGION-CUSTOMER", Some(Fail));
    let rule = RULES.iter().find(|rule| rule.id == "COM-SAME-REGION-CUSTOMER").expect("in the table");
    let shown: Vec<_> = places(&q).into_iter().filter(|placed| rule.places.contains(&placed.party)).map(|placed| (placed.country, placed.region)).collect();
    assert_eq!(shown, [(country("FR"), Some(Region::Europe)), (country("TR"), Some(Region::MiddleEastCentralEasternEurope))]);
    // A reseller's provider is placed too; a country that is no market has no region.
    let reseller = query(|q| {
        q.partner.model = PartnerModel::IndirectReseller;
        q.partner.provider_country = Some(country("US"));
        q.customer.country = country("CU");
    });
    let placed: Vec<_> = places(&reseller).into_iter().map(|placed| (placed.party, placed.region)).collect();
    assert_eq!(placed, [(Party::Partner, Some(Region::Europe)), (Party::Provider, Some(Region::UnitedStates)), (Party::Customer, None)]);
}
