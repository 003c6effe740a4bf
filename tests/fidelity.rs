//! The second reading of the documents against the rule table: each test quotes the passage it protects
//! and checks the answer the passage gives, including where the documents are silent (`unknown`, with a
//! caution) rather than a guessed cut-off.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{action_keys, assert_rule, caution_ids, cloud, country, day, germany_query, programs, query, us_government_query, verdict};
use csp_eligibility::core::decision::Outcome::{Fail, NeedsAction, Pass, Unknown};
use csp_eligibility::core::vocabulary::CustomerStatus;
use csp_eligibility::core::{parse_query_str, Cloud, Fact, PartnerModel, Program, Query, Relation, Role, Segment, Task, Verdict, Vocabulary};

fn with_relation(relation: Relation, model: PartnerModel) -> Query {
    query(|q| {
        q.partner.model = model;
        if model == PartnerModel::IndirectReseller {
            q.partner.provider_country = Some(country("DE"));
        }
        q.customer.relation = relation;
    })
}

// 004#supported-partner-transactions-in-the-csp-program, scenario 5: "les partenaires du programme CSP ne
// sont pas autorisés à vendre des offres Microsoft ou tierces à eux-mêmes"; scenario 4: "ils doivent
// utiliser un locataire différent de celui utilisé pour le CSP" (buying as a customer of another partner).
#[test]
fn selling_to_ones_own_customer_type_tenant_is_a_sale_to_oneself() {
    let own = with_relation(Relation::OwnCustomerTenant, PartnerModel::DirectBill);
    assert_rule(&own, Cloud::Commercial, "CSP-NO-SELF-OR-AFFILIATE", Some(Fail));
    assert_eq!(verdict(&own, Cloud::Commercial), Verdict::Denied);
    assert_eq!(action_keys(&own, Cloud::Commercial), ["action.buy_from_another_partner"]);
    let own_csp = with_relation(Relation::SelfTenant, PartnerModel::DirectBill);
    assert_rule(&own_csp, Cloud::Commercial, "CSP-OWN-USE-TENANT", Some(Fail));
    assert_eq!(verdict(&own_csp, Cloud::Commercial), Verdict::Denied);
}

// 004, scenario 4: "Le partenaire peut acheter en tant que client auprès d'un revendeur indirect ou d'un
// partenaire de facturation directe … un locataire désigné comme type de client".
#[test]
fn another_partners_customer_type_tenant_may_buy_from_a_reseller_or_direct_bill_partner() {
    for model in [PartnerModel::DirectBill, PartnerModel::IndirectReseller] {
        let q = with_relation(Relation::OtherPartnerCustomerTenant, model);
        assert_rule(&q, Cloud::Commercial, "CSP-OWN-USE-TENANT", Some(Pass));
        assert_eq!(verdict(&q, Cloud::Commercial), Verdict::Allowed, "{model:?}");
        assert!(cloud(&q, Cloud::Commercial).cautions.iter().any(|c| c.text.key() == "caution.own_use_tenant"));
    }
    // Scenario 6 has resellers buying for their own use "auprès d’un fournisseur indirect", barred only
    // from their own: the passages disagree on an indirect provider as the seller, so it is unknown.
    let from_provider = with_relation(Relation::OtherPartnerCustomerTenant, PartnerModel::IndirectProvider);
    assert_rule(&from_provider, Cloud::Commercial, "CSP-OWN-USE-TENANT", Some(Unknown));
    assert_eq!(verdict(&from_provider, Cloud::Commercial), Verdict::Unknown);
    assert!(caution_ids(&from_provider, Cloud::Commercial).contains(&"CSP-OWN-USE-TENANT"));
    // 003#get-started: "un partenaire engagé dans le programme CSP ne peut pas revendre de services en ligne
    // à un autre partenaire du programme CSP" (its CSP tenant).
    let csp_tenant = with_relation(Relation::OtherCspPartner, PartnerModel::DirectBill);
    assert_eq!(verdict(&csp_tenant, Cloud::Commercial), Verdict::Denied);
    let affiliate = with_relation(Relation::Affiliate, PartnerModel::DirectBill);
    assert_eq!(verdict(&affiliate, Cloud::Commercial), Verdict::Denied);
}

// 004, scenario 6: "Cela empêche le partenaire d'établir un nouveau type de relation en tant que client final
// avec le même fournisseur indirect" — askable from either side, with the three options.
#[test]
fn a_reseller_buying_from_its_own_provider_is_denied_from_either_side() {
    let options = ["action.own_use_separate_tenant", "action.own_use_end_provider_relationship", "action.own_use_second_provider"];
    let reseller_side = with_relation(Relation::OwnProvider, PartnerModel::IndirectReseller);
    let provider_side = with_relation(Relation::OwnIndirectReseller, PartnerModel::IndirectProvider);
    for q in [reseller_side, provider_side] {
        assert_rule(&q, Cloud::Commercial, "CSP-RESELLER-OWN-PROVIDER", Some(Fail));
        assert_eq!(action_keys(&q, Cloud::Commercial), options);
    }
    let wrong_side = r#"{"api_version":1,"as_of":"2024-01-01","partner":{"country":"FR","model":"direct_bill"},
        "customer":{"country":"FR","segment":"commercial","relation":"own_indirect_reseller"}}"#;
    let problems = parse_query_str(wrong_side).expect_err("a direct-bill partner has no indirect resellers").problems;
    assert_eq!((problems[0].path.as_str(), problems[0].code), ("customer.relation", "error.own_reseller_for_non_provider"));
}

// 004#csp-program-requirements-signing-the-microsoft-partner-agreement-mpa: "l'accord de partenariat
// Microsoft doit être signé par tous les partenaires qui utilisent le programme CSP".
#[test]
fn the_mpa_binds_the_national_cloud_programs_too() {
    let unsigned = |q: &mut Query| {
        q.as_of = day("2021-06-01");
        q.partner.mpa_signed = Some(false);
    };
    let usg = us_government_query(unsigned);
    assert_rule(&usg, Cloud::UsGovernment, "CSP-MPA-SIGNED", Some(NeedsAction));
    assert_eq!(verdict(&usg, Cloud::UsGovernment), Verdict::NeedsAction);
    let germany = germany_query(|q| {
        unsigned(q);
        q.partner.country = country("DE");
        q.customer.national_cloud_customer = Some(CustomerStatus::Existing);
    });
    assert_rule(&germany, Cloud::Germany, "CSP-MPA-SIGNED", Some(NeedsAction));
    let before = us_government_query(|q| {
        q.as_of = day("2020-01-31");
        q.partner.mpa_signed = Some(false);
    });
    assert_rule(&before, Cloud::UsGovernment, "CSP-MPA-SIGNED", None);
    // 21Vianet operates its program with its own reseller agreement: the MPA rule is not applied there.
    let vianet = query(|q| {
        unsigned(q);
        q.customer.country = country("CN");
        q.partner.programs = programs(&[Program::Vianet21]);
    });
    assert_rule(&vianet, Cloud::Vianet21, "CSP-MPA-SIGNED", None);
}

// 002#common: "Partners in the United States who serve US Federal, state, and local government entities" —
// the documents do not tie this to the commercial "United States" region.
#[test]
fn us_government_follows_the_us_jurisdiction_not_the_commercial_region() {
    for territory in ["PR", "VI", "GU", "AS", "MP"] {
        let partner = us_government_query(|q| {
            q.as_of = day("2022-01-01");
            q.partner.country = country(territory);
        });
        assert_rule(&partner, Cloud::UsGovernment, "USG-PARTNER-US", Some(Pass));
        assert_eq!(verdict(&partner, Cloud::UsGovernment), Verdict::Allowed, "{territory} partner");
        assert!(caution_ids(&partner, Cloud::UsGovernment).contains(&"NOTE-USG-US-JURISDICTION"));
        let customer = us_government_query(|q| {
            q.as_of = day("2022-01-01");
            q.customer.country = country(territory);
        });
        assert_rule(&customer, Cloud::UsGovernment, "USG-CUSTOMER-US", Some(Pass));
    }
    let mainland = us_government_query(|_| {});
    assert!(!caution_ids(&mainland, Cloud::UsGovernment).contains(&"NOTE-USG-US-JURISDICTION"));
    let canadian = us_government_query(|q| q.partner.country = country("CA"));
    assert_rule(&canadian, Cloud::UsGovernment, "USG-PARTNER-US", Some(Fail));
    let mexican_tenant = us_government_query(|q| q.customer.country = country("MX"));
    assert_rule(&mexican_tenant, Cloud::UsGovernment, "USG-CUSTOMER-US", Some(Fail));
}

// 002#common (2019): "US Federal, state, and local government entities" excludes no one; tribal entities
// are named from the 2021-11-08 page. Before it the answer is unknown with a caution, never denied.
#[test]
fn tribal_entities_before_november_2021_are_unknown_not_denied() {
    let tribal = |date: &str| {
        us_government_query(|q| {
            q.as_of = day(date);
            q.customer.segment = Segment::UsTribal;
        })
    };
    let before = tribal("2021-11-07");
    assert_rule(&before, Cloud::UsGovernment, "USG-CUSTOMER-GOVERNMENT", Some(Unknown));
    assert_eq!(verdict(&before, Cloud::UsGovernment), Verdict::Unknown);
    assert!(cloud(&before, Cloud::UsGovernment).missing_facts.is_empty());
    assert!(cloud(&before, Cloud::UsGovernment).cautions.iter().any(|c| c.text.key() == "caution.usg_tribal_before_2021_11"));
    let from = tribal("2021-11-08");
    assert_rule(&from, Cloud::UsGovernment, "USG-CUSTOMER-GOVERNMENT-2021", Some(Pass));
    assert_eq!(verdict(&from, Cloud::UsGovernment), Verdict::Allowed);
    let state = us_government_query(|q| {
        q.as_of = day("2020-06-01");
        q.customer.segment = Segment::UsState;
    });
    assert_rule(&state, Cloud::UsGovernment, "USG-CUSTOMER-GOVERNMENT", Some(Pass));
    let commercial = us_government_query(|q| q.customer.segment = Segment::Commercial);
    assert_rule(&commercial, Cloud::UsGovernment, "USG-CUSTOMER-GOVERNMENT-2021", Some(Fail));
}

// 000#frequently-asked-questions-about-the-csp-program-for-microsoft-cloud-germany: "Partners in the
// European Union (EU), European Free Trade Association (EFTA), and United Kingdom (UK) are eligible".
// No document sets a UK cut-off on 2020-10-12; the UK left the EU on 2020-01-31, after which the FAQ
// (UK named) and the EU-and-EFTA wording disagree: unknown, with the cautions.
#[test]
fn uk_eligibility_follows_the_documents_and_brexit_not_a_page_date() {
    let existing = |date: &str, partner: &str, customer: &str| {
        germany_query(|q| {
            q.as_of = day(date);
            q.partner.country = country(partner);
            q.customer.country = country(customer);
            q.partner.mpa_signed = Some(true);
            q.customer.national_cloud_customer = Some(CustomerStatus::Existing);
        })
    };
    let uk_in_eu = existing("2020-01-31", "GB", "FR");
    assert_rule(&uk_in_eu, Cloud::Germany, "GER-PARTNER-LOCATION", Some(Pass));
    assert_eq!(verdict(&uk_in_eu, Cloud::Germany), Verdict::Allowed);
    let uk_outside = existing("2020-02-01", "GB", "FR");
    assert_rule(&uk_outside, Cloud::Germany, "GER-PARTNER-LOCATION", Some(Unknown));
    assert_eq!(verdict(&uk_outside, Cloud::Germany), Verdict::Unknown);
    assert!(caution_ids(&uk_outside, Cloud::Germany).contains(&"NOTE-UK-LEFT-EU"));
    // The same answer the day after the 2020 page: a page's date changes nothing.
    assert_eq!(verdict(&existing("2020-10-12", "GB", "FR"), Cloud::Germany), Verdict::Unknown);
    assert_eq!(verdict(&existing("2020-10-11", "GB", "FR"), Cloud::Germany), Verdict::Unknown);
    let uk_customer = existing("2021-01-01", "DE", "GB");
    assert_rule(&uk_customer, Cloud::Germany, "GER-CUSTOMER-LOCATION", Some(Unknown));
    let french = existing("2021-01-01", "FR", "AT");
    assert_rule(&french, Cloud::Germany, "GER-PARTNER-LOCATION", Some(Pass));
    assert_rule(&french, Cloud::Germany, "GER-CUSTOMER-LOCATION", Some(Pass));
    let swiss = existing("2021-01-01", "DE", "CH");
    assert_rule(&swiss, Cloud::Germany, "GER-CUSTOMER-LOCATION", Some(Pass));
    let us_partner = existing("2019-01-01", "US", "FR");
    assert_rule(&us_partner, Cloud::Germany, "GER-PARTNER-LOCATION", Some(Fail));
}

// 000#microsoft-cloud-germany-meeting-german-data-protection-requirements: "commercial customers in the
// European Union (EU)": EU territory follows membership (outermost regions, Åland; Gibraltar until the UK left).
#[test]
fn eu_territory_follows_eu_membership_not_the_csp_market_list() {
    for code in ["RE", "GP", "MQ", "GF", "YT", "AX", "MF"] {
        let q = germany_query(|q| {
            q.partner.country = country("FR");
            q.customer.country = country(code);
        });
        assert_rule(&q, Cloud::Germany, "GER-CUSTOMER-LOCATION", Some(Pass));
    }
    let gibraltar = |date: &str| {
        germany_query(|q| {
            q.as_of = day(date);
            q.partner.country = country("GI");
            q.customer.national_cloud_customer = Some(CustomerStatus::Existing);
        })
    };
    assert_rule(&gibraltar("2020-01-31"), Cloud::Germany, "GER-PARTNER-LOCATION", Some(Pass));
    assert_rule(&gibraltar("2020-02-01"), Cloud::Germany, "GER-PARTNER-LOCATION", Some(Fail));
    let saint_barthelemy = germany_query(|q| q.customer.country = country("BL"));
    assert_rule(&saint_barthelemy, Cloud::Germany, "GER-CUSTOMER-LOCATION", Some(Fail));
}

fn migration(edit: impl FnOnce(&mut Query)) -> Query {
    germany_query(|q| {
        q.as_of = day("2021-01-01");
        q.partner.country = country("DE");
        q.partner.mpa_signed = Some(true);
        q.customer.national_cloud_customer = None;
        q.task = Some(Task::MigrateGermanyCustomer);
        q.partner.role = Some(Role::GlobalAdmin);
        q.partner.european_account = Some(true);
        q.partner.european_tenant_country = Some(country("FR"));
        q.partner.european_tenant_active = Some(true);
        edit(q);
    })
}

// 001#migrate-customers-from-microsoft-cloud-germany-to-another-european-region: "vous devez disposer d'un
// compte fournisseur de solutions Cloud (CSP) qui se trouve dans cette région et qui est actif";
// #you-already-have-a-csp-account: "Vous n'êtes pas un administrateur général sur le locataire sélectionné
// • Le locataire n'est pas situé dans une région européenne • Le locataire n'est pas actif".
#[test]
fn migration_checks_the_three_failure_causes() {
    let ready = migration(|_| {});
    assert_rule(&ready, Cloud::Germany, "GER-MIGRATION-ACCOUNT", Some(Pass));
    assert_rule(&ready, Cloud::Germany, "GER-MIGRATION-TENANT", Some(Pass));
    // A customer being migrated is an existing customer: no national-cloud status is asked.
    assert_rule(&ready, Cloud::Germany, "GER-NO-NEW-CUSTOMERS", Some(Pass));
    assert_eq!(verdict(&ready, Cloud::Germany), Verdict::Allowed);
    let wrong = migration(|q| {
        q.partner.european_tenant_country = Some(country("US"));
        q.partner.european_tenant_active = Some(false);
        q.partner.role = Some(Role::SalesAgent);
    });
    assert_rule(&wrong, Cloud::Germany, "GER-MIGRATION-TENANT", Some(NeedsAction));
    assert_eq!(action_keys(&wrong, Cloud::Germany), ["action.tenant_in_european_region", "action.activate_european_tenant", "action.sign_in_as_global_admin"]);
    let unstated = migration(|q| q.partner.european_tenant_country = None);
    assert_eq!(cloud(&unstated, Cloud::Germany).missing_facts, vec![Fact::EuropeanTenantCountry]);
    let inactive_unknown = migration(|q| q.partner.european_tenant_active = None);
    assert_eq!(cloud(&inactive_unknown, Cloud::Germany).missing_facts, vec![Fact::EuropeanTenantActive]);
    let new_customer = r#"{"api_version":1,"as_of":"2021-01-01","task":"migrate_germany_customer",
        "partner":{"country":"DE","model":"direct_bill"},
        "customer":{"country":"DE","segment":"commercial","relation":"unrelated","national_cloud_customer":"new"}}"#;
    let problems = parse_query_str(new_customer).expect_err("a migrated customer is not new").problems;
    assert_eq!(problems[0].code, "error.migrating_customer_is_existing");
}

// 001#you-dont-already-have-a-csp-account: "créer un nouveau compte client et CSP dans une région
// européenne … Une fois que vous avez signé l'accord de partenariat Microsoft et que le compte est actif".
#[test]
fn migration_without_a_european_account_offers_the_no_account_path() {
    let none = migration(|q| {
        q.partner.european_account = Some(false);
        q.partner.european_tenant_country = None;
        q.partner.european_tenant_active = None;
    });
    assert_rule(&none, Cloud::Germany, "GER-MIGRATION-ACCOUNT", Some(NeedsAction));
    assert_rule(&none, Cloud::Germany, "GER-MIGRATION-NO-ACCOUNT", Some(NeedsAction));
    assert_rule(&none, Cloud::Germany, "GER-MIGRATION-TENANT", None);
    assert_eq!(action_keys(&none, Cloud::Germany), ["action.create_european_account", "action.sign_mpa_then_select_tenant"]);
    let unstated = migration(|q| q.partner.european_account = None);
    assert_eq!(cloud(&unstated, Cloud::Germany).missing_facts, vec![Fact::EuropeanAccount]);
}

// 001 is the first version describing migration (2020-10-12): before it, unknown with a caution; after the
// closure on 2021-10-29 (germany-developer-guide) the cloud is closed.
#[test]
fn migration_is_dated_from_the_documents_that_describe_it() {
    let early = migration(|q| q.as_of = day("2020-10-11"));
    assert_rule(&early, Cloud::Germany, "GER-MIGRATION-UNDOCUMENTED", Some(Unknown));
    assert_rule(&early, Cloud::Germany, "GER-MIGRATION-ACCOUNT", None);
    assert_eq!(verdict(&early, Cloud::Germany), Verdict::Unknown);
    assert_eq!(verdict(&migration(|q| q.as_of = day("2020-10-12")), Cloud::Germany), Verdict::Allowed);
    let closed = migration(|q| q.as_of = day("2021-10-29"));
    assert_rule(&closed, Cloud::Germany, "GER-MIGRATION-TENANT", None);
    assert_eq!(verdict(&closed, Cloud::Germany), Verdict::Denied);
}

// 000#partner-center-for-microsoft-cloud-germany-selling-german-cloud-solutions-in-eu-and-efta: "the
// following Partner Center tasks are managed using specific service portals" — role rules of Partner
// Center do not govern them; in the commercial cloud they still do.
#[test]
fn partner_center_roles_do_not_govern_tasks_done_in_national_cloud_portals() {
    for task in [Task::ManagePartnerUsers, Task::ManageCustomerUsers, Task::ResetPassword, Task::ManageLicenses] {
        let q = germany_query(|q| {
            q.task = Some(task);
            q.partner.role = Some(Role::BillingAdmin);
        });
        assert_rule(&q, Cloud::Germany, "ROLE-USER-ADMINISTRATION", None);
        assert_rule(&q, Cloud::UsGovernment, "ROLE-USER-ADMINISTRATION", None);
        assert_rule(&q, Cloud::Commercial, "ROLE-USER-ADMINISTRATION", Some(NeedsAction));
    }
    let order = germany_query(|q| {
        q.task = Some(Task::Sell);
        q.partner.role = Some(Role::UserManagementAdmin);
    });
    assert_rule(&order, Cloud::Germany, "ROLE-PLACE-ORDER", Some(NeedsAction));
}

// Words that say no more than their passage: 001 "nous n'accepterons plus de nouveaux clients" links an
// announcement of 2018-08-31; 003#minimum-requirements "Au moins un service géré, un service IP ou une
// application de solution client"; 002 API workaround "for partner user account management".
#[test]
fn messages_say_no_more_than_their_passages() {
    use csp_eligibility::core::messages::{text, Lang};
    assert!(text("rule.ger_no_new_customers", Lang::En).contains("announced"));
    assert!(text("note.direct_bill_requirements", Lang::En).contains("IP service or customer solution application"));
    assert!(text("note.usg_apis", Lang::En).contains("partner user account management"));
    assert!(text("note.germany_missing_features", Lang::En).contains("not yet available"));
    assert!(!text("action.enroll_commercial", Lang::En).contains("new partners enroll as indirect resellers"));
    let q = germany_query(|q| q.as_of = day("2019-01-01"));
    assert!(cloud(&q, Cloud::Germany).notes.iter().any(|n| n.id == "NOTE-GERMANY-NO-NEW-SERVICES"));
    assert!(cloud(&q, Cloud::Germany).notes.iter().any(|n| n.id == "NOTE-GERMANY-QUALIFICATION" && n.text.key() == "note.germany_qualification"));
    let not_enrolled = query(|q| q.partner.programs = programs(&[]));
    assert!(cloud(&not_enrolled, Cloud::Commercial).notes.iter().any(|n| n.id == "NOTE-ENROLLMENT-NEEDS"));
    assert!(Relation::ALL.iter().all(|r| !text(&format!("relation.{}", r.id()), Lang::En).is_empty()));
}
