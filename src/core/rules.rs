//! The rule table: every condition the engine checks, with the clouds it applies to, its effective
//! dates, its message key and its citation. The engine and the catalog both read this table.

use super::day::{Day, Effective};
use super::facts::{Facts, Party};
use super::markets::{CountryCode, Listing};
use super::messages::{derived_key, key_named};
use super::portals::{task_portals, transact_portal};
use super::query::Fact;
use super::sources::{
    cite, Citation, ADD_CUSTOMER, CREATE_SUBSCRIPTION, DIRECT_TO_INDIRECT, ENROLLMENT, GERMANY_2018, GERMANY_2020, GERMANY_CLOSED, NATIONAL_CLOUDS,
    PARTNER_RELATIONSHIPS, PERMISSIONS, REGIONAL_MARKETS, US_GOVERNMENT_2021, US_GOVERNMENT_FAQ,
};
use super::vocabulary::{Cloud, Clouds, CustomerStatus, Jurisdiction, PartnerModel, Program, Region, Relation, Role, Segment, Task};
use crate::day;

/// How a rule comes out for one query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// The rule does not concern this query.
    Skip,
    /// The rule is satisfied.
    Pass,
    /// The rule is satisfied, with a warning (a message key).
    Caution(&'static str),
    /// The rule is broken; the action keys are the ways out, if any.
    Fail(&'static [&'static str]),
    /// The rule is not yet satisfied; the action keys say what to do.
    Act(Steps),
    /// The rule needs a fact the query leaves out.
    Missing(Fact),
    /// The documents do not settle the question; the caution (a message key) says where they are silent
    /// or disagree. The verdict is `unknown`, never a guess.
    Unsettled(&'static str),
}

/// The action keys of a rule not yet satisfied: at most three, held inline (deciding allocates nothing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Steps {
    keys: [&'static str; 3],
    len: u8,
}

impl Steps {
    /// No step yet.
    pub const NONE: Steps = Steps { keys: [""; 3], len: 0 };

    /// One step.
    pub const fn one(key: &'static str) -> Steps {
        Steps { keys: [key, "", ""], len: 1 }
    }

    /// Adds a step (a fourth would be a table error, caught by the tests that run every rule).
    pub fn push(&mut self, key: &'static str) {
        self.keys[usize::from(self.len)] = key;
        self.len += 1;
    }

    /// The steps, in order.
    pub fn keys(&self) -> &[&'static str] {
        &self.keys[..usize::from(self.len)]
    }
}

/// One rule of the table.
pub struct Rule {
    /// Stable identifier, cited in reasons.
    pub id: &'static str,
    /// The clouds it applies to.
    pub clouds: Clouds,
    /// The days it is in force.
    pub effective: Effective,
    /// Where it comes from.
    pub citation: Citation,
    /// The condition, for one cloud.
    pub check: fn(&Facts, Cloud) -> Check,
    /// The parties whose CSP regions the rule compares: an answer names their countries' regions.
    pub places: &'static [Party],
}

impl Rule {
    /// Message key of the rule's statement: `rule.` and its ID in lower case, `_` for `-`.
    pub fn message(&self) -> &'static str {
        static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
        derived_key(&KEYS, RULES, self, |rule| key_named("rule.", rule.id))
    }

    /// Whether the rule is evaluated for `cloud` on `day`.
    pub fn applies(&self, cloud: Cloud, day: Day) -> bool {
        self.clouds.contains(cloud) && self.effective.holds_on(day)
    }
}

const ALL_CLOUDS: Clouds = Clouds::ALL;
const COMMERCIAL: Clouds = Clouds::of(&[Cloud::Commercial]);
const GERMANY: Clouds = Clouds::of(&[Cloud::Germany]);
const US_GOVERNMENT: Clouds = Clouds::of(&[Cloud::UsGovernment]);
const VIANET: Clouds = Clouds::of(&[Cloud::Vianet21]);
/// The clouds whose programs Microsoft runs through Partner Center and the MPA; 21Vianet operates its
/// program independently, with its own reseller agreement.
const MICROSOFT_PROGRAMS: Clouds = Clouds::of(&[Cloud::Commercial, Cloud::Germany, Cloud::UsGovernment]);

/// The MPA is required of every CSP partner from this day.
pub const MPA_REQUIRED_FROM: Day = day!(2020 - 02 - 01);
/// Microsoft announced on this day that Microsoft Cloud Germany takes no new customers.
pub const GERMANY_NO_NEW_CUSTOMERS_FROM: Day = day!(2018 - 08 - 31);
/// Microsoft Cloud Germany closed on this day.
pub const GERMANY_CLOSED_FROM: Day = day!(2021 - 10 - 29);
/// The first version of the Germany page that describes migrating customers out is dated this day.
pub const GERMANY_MIGRATION_DOCUMENTED_FROM: Day = day!(2020 - 10 - 12);
/// The first US Government page naming tribal entities is dated this day; the 2019 FAQ does not. The
/// same page lists the indirect reseller/provider model among the features not enabled.
pub const US_TRIBAL_FROM: Day = day!(2021 - 11 - 08);

const TRANSACTIONS: &str = "supported-partner-transactions-in-the-csp-program";
const GERMANY_FAQ: &str = "frequently-asked-questions-about-the-csp-program-for-microsoft-cloud-germany";
const GERMANY_2020_TOP: &str = "partner-center-for-microsoft-cloud-germany-for-partners-selling-to-customers-in-eu--efta-countries";
const GERMANY_MIGRATION: &str = "migrate-customers-from-microsoft-cloud-germany-to-another-european-region";
const GERMANY_SELLING: &str = "partner-center-for-microsoft-cloud-germany-selling-german-cloud-solutions-in-eu-and-efta";
/// Buying for own use from another partner: the way out of a sale to oneself (004, scenario 4).
const BUY_FROM_ANOTHER_PARTNER: &[&str] = &["action.buy_from_another_partner"];
/// The three options of a reseller buying for its own use (004, scenario 6).
const OWN_USE_OPTIONS: &[&str] = &["action.own_use_separate_tenant", "action.own_use_end_provider_relationship", "action.own_use_second_provider"];

/// The roles that place an order on one of the two pages naming them and not on the other: the
/// subscription page's Admin agent, Billing admin and Helpdesk agent, the Azure plan page's User management admin.
pub const ORDER_ROLES_ON_ONE_PAGE: [Role; 4] = [Role::AdminAgent, Role::BillingAdmin, Role::HelpdeskAgent, Role::UserManagementAdmin];

/// The caution of a country whose listing changed between two market lists on a day the documents do not give.
const MARKET_BRACKETED: &str = "caution.market_bracketed";

/// A market rule's check: passes for a market, fails for none, and is unsettled between two lists that disagree.
fn listed(listing: Listing) -> Check {
    match listing {
        Listing::Market(_) => Check::Pass,
        Listing::NoMarket => Check::Fail(&[]),
        Listing::Bracketed(_) => Check::Unsettled(MARKET_BRACKETED),
    }
}

fn pass_if(condition: bool) -> Check {
    fail_with(condition, &[])
}

fn fail_with(condition: bool, ways_out: &'static [&'static str]) -> Check {
    if condition {
        Check::Pass
    } else {
        Check::Fail(ways_out)
    }
}

fn required(flag: Option<bool>, fact: Fact, action: &'static str) -> Check {
    match flag {
        None => Check::Missing(fact),
        Some(true) => Check::Pass,
        Some(false) => Check::Act(Steps::one(action)),
    }
}

fn onboarded(facts: &Facts, program: Program, action: &'static str) -> Check {
    match facts.onboarded(program) {
        Err(fact) => Check::Missing(fact),
        Ok(done) => required(Some(done), Fact::Programs, action),
    }
}

/// Microsoft Cloud Germany's territory (000, FAQ): the EU and EFTA on the day, and the UK, which the FAQ
/// names; once the UK has left the EU the documents no longer agree on it. `ways_out` when outside it.
fn in_germany_territory(jurisdiction: Option<Jurisdiction>, country: CountryCode, ways_out: &'static [&'static str]) -> Check {
    match jurisdiction {
        Some(Jurisdiction::Eu | Jurisdiction::Efta) => Check::Pass,
        _ if country.is("GB") => Check::Unsettled("caution.germany_uk_outside_eu"),
        _ => Check::Fail(ways_out),
    }
}

/// A national cloud's rule for a reseller's indirect provider, which is a partner of the program too and
/// must stand where the program's partners do (`located`, given the provider's jurisdiction and
/// country); skipped for other models, `unknown` without the provider's country.
fn provider_located(facts: &Facts, located: impl Fn(Option<Jurisdiction>, CountryCode) -> Check) -> Check {
    if !facts.is_reseller() {
        return Check::Skip;
    }
    match (facts.provider_jurisdiction(), facts.provider_country()) {
        (Some(jurisdiction), Some(country)) => located(jurisdiction, country),
        _ => Check::Missing(Fact::ProviderCountry),
    }
}

/// Role rules govern tasks done in the cloud's own Partner Center; tasks the documents send to another
/// portal (the Office 365 or Azure portal of a national cloud) follow that portal's roles.
fn role_for_task(facts: &Facts, cloud: Cloud, task: Task, roles: &[Role], action: &'static str) -> Check {
    let in_partner_center = || task_portals(cloud, task).contains(&transact_portal(cloud));
    if facts.task() != Some(task) || !in_partner_center() {
        return Check::Skip;
    }
    match facts.role() {
        None => Check::Missing(Fact::Role),
        Some(role) if roles.contains(&role) => Check::Pass,
        Some(_) => Check::Act(Steps::one(action)),
    }
}

/// The indirect model where the documents of one time disagree on it: `unknown` for an indirect
/// reseller or provider, with the caution quoting both passages.
fn indirect_model_unsettled(facts: &Facts, caution: &'static str) -> Check {
    match facts.model() {
        PartnerModel::DirectBill => Check::Skip,
        PartnerModel::IndirectReseller | PartnerModel::IndirectProvider => Check::Unsettled(caution),
    }
}

fn migrating(facts: &Facts) -> bool {
    facts.task() == Some(Task::MigrateGermanyCustomer)
}

/// The three causes of a failed migration (001, "you already have a CSP account"): the selected tenant is
/// not in a European region, it is not active, the person is not Global admin on both tenants.
fn migration_tenant(facts: &Facts) -> Check {
    if !migrating(facts) || facts.european_account() != Some(true) {
        return Check::Skip;
    }
    let region = match facts.european_tenant_region() {
        Err(fact) => return Check::Missing(fact),
        Ok(region) => region,
    };
    let Some(active) = facts.european_tenant_active() else {
        return Check::Missing(Fact::EuropeanTenantActive);
    };
    let Some(role) = facts.role() else {
        return Check::Missing(Fact::Role);
    };
    let mut actions = Steps::NONE;
    if region != Some(Region::Europe) {
        actions.push("action.tenant_in_european_region");
    }
    if !active {
        actions.push("action.activate_european_tenant");
    }
    if role != Role::GlobalAdmin {
        actions.push("action.sign_in_as_global_admin");
    }
    if actions.keys().is_empty() {
        Check::Pass
    } else {
        Check::Act(actions)
    }
}

fn us_government_segment(facts: &Facts, tribal_named: bool) -> Check {
    match facts.segment() {
        Segment::Commercial => Check::Fail(&[]),
        Segment::UsTribal if !tribal_named => Check::Unsettled("caution.usg_tribal_before_2021_11"),
        _ => Check::Pass,
    }
}

/// Every rule, grouped by cloud. Order is the order reasons are listed in.
pub static RULES: &[Rule] = &[
    // Every cloud: what the CSP program asks of any partner and any sale.
    Rule {
        id: "CSP-PARTNER-ID",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        citation: cite(&ENROLLMENT, "get-started"),
        check: |f, _| required(f.has_partner_id(), Fact::HasPartnerId, "action.get_partner_id"),
        places: &[],
    },
    Rule {
        id: "CSP-NO-RESALE-TO-CSP-PARTNER",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        citation: cite(&ENROLLMENT, "get-started"),
        check: |f, _| fail_with(f.relation() != Relation::OtherCspPartner, &["action.partner_buys_on_customer_tenant"]),
        places: &[],
    },
    Rule {
        id: "CSP-NO-SELF-OR-AFFILIATE",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        citation: cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS),
        check: |f, _| match f.relation() {
            Relation::SelfTenant | Relation::OwnCustomerTenant => Check::Fail(BUY_FROM_ANOTHER_PARTNER),
            Relation::Affiliate => Check::Fail(&[]),
            _ => Check::Pass,
        },
        places: &[],
    },
    Rule {
        id: "CSP-OWN-USE-TENANT",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        citation: cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS),
        check: |f, _| match (f.relation(), f.model()) {
            (Relation::SelfTenant, _) => Check::Fail(BUY_FROM_ANOTHER_PARTNER),
            // Scenario 4 names an indirect reseller or a direct-bill partner as the seller; scenario 6 has
            // resellers buying for their own use from an indirect provider, barring only their own.
            (Relation::OtherPartnerCustomerTenant, PartnerModel::IndirectProvider) => Check::Unsettled("caution.own_use_seller_disagreement"),
            (Relation::OtherPartnerCustomerTenant, _) => Check::Caution("caution.own_use_tenant"),
            _ => Check::Skip,
        },
        places: &[],
    },
    Rule {
        id: "CSP-RESELLER-OWN-PROVIDER",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        citation: cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS),
        check: |f, _| match f.relation() {
            Relation::OwnProvider | Relation::OwnIndirectReseller => Check::Fail(OWN_USE_OPTIONS),
            _ => Check::Skip,
        },
        places: &[],
    },
    Rule {
        id: "CSP-MPA-SIGNED",
        clouds: MICROSOFT_PROGRAMS,
        effective: Effective::from(MPA_REQUIRED_FROM),
        citation: cite(&PARTNER_RELATIONSHIPS, "csp-program-requirements-signing-the-microsoft-partner-agreement-mpa"),
        check: |f, _| {
            let action = if f.is_reseller() { "action.sign_mpa_reseller" } else { "action.sign_mpa" };
            required(f.mpa_signed(), Fact::MpaSigned, action)
        },
        places: &[],
    },
    Rule {
        id: "ROLE-CREATE-CUSTOMER",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        citation: cite(&ADD_CUSTOMER, ""),
        check: |f, cloud| {
            let roles = [Role::GlobalAdmin, Role::UserManagementAdmin, Role::AdminAgent, Role::SalesAgent];
            role_for_task(f, cloud, Task::CreateCustomer, &roles, "action.role_create_customer")
        },
        places: &[],
    },
    Rule {
        id: "ROLE-PLACE-ORDER",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        citation: cite(&CREATE_SUBSCRIPTION, ""),
        check: |f, cloud| {
            let roles = [Role::AdminAgent, Role::BillingAdmin, Role::GlobalAdmin, Role::HelpdeskAgent, Role::SalesAgent];
            match role_for_task(f, cloud, Task::Sell, &roles, "action.role_place_order") {
                // The Azure plan page names the User management admin, whom the subscription page does not.
                Check::Act(_) if cloud == Cloud::Commercial && f.role() == Some(Role::UserManagementAdmin) => {
                    Check::Unsettled("caution.place_order_roles_disagree")
                }
                check => check,
            }
        },
        places: &[],
    },
    Rule {
        id: "ROLE-USER-ADMINISTRATION",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        citation: cite(&PERMISSIONS, ""),
        check: |f, cloud| match f.task() {
            Some(Task::ManagePartnerUsers) => {
                role_for_task(f, cloud, Task::ManagePartnerUsers, &[Role::GlobalAdmin, Role::UserManagementAdmin], "action.role_partner_users")
            }
            Some(task @ (Task::ManageCustomerUsers | Task::ResetPassword | Task::ManageLicenses)) => {
                role_for_task(f, cloud, task, &[Role::GlobalAdmin, Role::AdminAgent], "action.role_customer_administration")
            }
            _ => Check::Skip,
        },
        places: &[],
    },
    // Commercial CSP.
    Rule {
        id: "COM-PARTNER-MARKET",
        clouds: COMMERCIAL,
        effective: Effective::ALWAYS,
        citation: cite(&ENROLLMENT, "csp-regional-markets-and-currencies"),
        check: |f, _| listed(f.partner_listing()),
        places: &[Party::Partner],
    },
    Rule {
        id: "COM-CUSTOMER-MARKET",
        clouds: COMMERCIAL,
        effective: Effective::ALWAYS,
        citation: cite(&REGIONAL_MARKETS, ""),
        check: |f, _| listed(f.customer_listing()),
        places: &[Party::Customer],
    },
    Rule {
        id: "COM-SAME-REGION-CUSTOMER",
        clouds: COMMERCIAL,
        effective: Effective::ALWAYS,
        citation: cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS),
        check: |f, _| match (f.partner_region(), f.customer_region()) {
            (Some(partner), Some(customer)) => fail_with(partner == customer, &["action.account_in_customer_region"]),
            _ => Check::Skip,
        },
        places: &[Party::Partner, Party::Customer],
    },
    Rule {
        id: "COM-SAME-REGION-PROVIDER",
        clouds: COMMERCIAL,
        effective: Effective::ALWAYS,
        citation: cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS),
        check: |f, _| match (f.is_reseller(), f.provider_listing(), f.partner_region()) {
            (false, _, _) | (true, _, None) => Check::Skip,
            (true, None, Some(_)) => Check::Missing(Fact::ProviderCountry),
            (true, Some(provider), Some(reseller)) if provider.region() != Some(reseller) => Check::Fail(&["action.provider_in_region"]),
            (true, Some(Listing::Bracketed(_)), Some(_)) => Check::Unsettled(MARKET_BRACKETED),
            (true, Some(_), Some(_)) => Check::Pass,
        },
        places: &[Party::Partner, Party::Provider],
    },
    Rule {
        id: "COM-ENROLLED",
        clouds: COMMERCIAL,
        effective: Effective::ALWAYS,
        citation: cite(&ENROLLMENT, "get-started"),
        check: |f, _| onboarded(f, Program::Commercial, "action.enroll_commercial"),
        places: &[],
    },
    Rule {
        id: "COM-RESELLER-CREATES-NO-CUSTOMER",
        clouds: COMMERCIAL,
        effective: Effective::ALWAYS,
        citation: cite(&DIRECT_TO_INDIRECT, ""),
        check: |f, _| match (f.task(), f.is_reseller()) {
            (Some(Task::CreateCustomer), true) => Check::Fail(&["action.provider_creates_customer"]),
            (Some(Task::CreateCustomer), false) => Check::Pass,
            _ => Check::Skip,
        },
        places: &[],
    },
    // Microsoft Cloud Germany.
    Rule {
        id: "GER-PARTNER-LOCATION",
        clouds: GERMANY,
        effective: Effective::ALWAYS,
        citation: cite(&GERMANY_2018, GERMANY_FAQ),
        check: |f, _| in_germany_territory(f.partner_jurisdiction(), f.partner_country(), &[]),
        places: &[],
    },
    Rule {
        id: "GER-PROVIDER-LOCATION",
        clouds: GERMANY,
        effective: Effective::ALWAYS,
        citation: cite(&GERMANY_2018, GERMANY_FAQ),
        check: |f, _| provider_located(f, |jurisdiction, country| in_germany_territory(jurisdiction, country, &["action.provider_in_germany_territory"])),
        places: &[],
    },
    Rule {
        id: "GER-INDIRECT-MODEL",
        clouds: GERMANY,
        effective: Effective::ALWAYS,
        citation: cite(&GERMANY_2018, GERMANY_SELLING),
        check: |f, _| indirect_model_unsettled(f, "caution.germany_indirect_model"),
        places: &[],
    },
    Rule {
        id: "GER-CUSTOMER-LOCATION",
        clouds: GERMANY,
        effective: Effective::ALWAYS,
        citation: cite(&GERMANY_2018, GERMANY_FAQ),
        check: |f, _| in_germany_territory(f.customer_jurisdiction(), f.customer_country(), &[]),
        places: &[],
    },
    Rule {
        id: "GER-COMMERCIAL-CUSTOMERS",
        clouds: GERMANY,
        effective: Effective::ALWAYS,
        citation: cite(&GERMANY_2018, GERMANY_FAQ),
        check: |f, _| pass_if(f.segment() == Segment::Commercial),
        places: &[],
    },
    Rule {
        id: "GER-ONBOARDED",
        clouds: GERMANY,
        effective: Effective::ALWAYS,
        citation: cite(&GERMANY_2018, GERMANY_FAQ),
        check: |f, _| onboarded(f, Program::Germany, "action.onboard_germany"),
        places: &[],
    },
    Rule {
        id: "GER-NO-NEW-CUSTOMERS",
        clouds: GERMANY,
        effective: Effective::from(GERMANY_NO_NEW_CUSTOMERS_FROM),
        citation: cite(&GERMANY_2020, GERMANY_2020_TOP),
        // A customer being migrated out is an existing customer.
        check: |f, _| match f.national_cloud_customer() {
            _ if migrating(f) => Check::Pass,
            None => Check::Missing(Fact::NationalCloudCustomer),
            Some(CustomerStatus::New) => Check::Fail(&["action.use_european_region"]),
            Some(CustomerStatus::Existing) => Check::Pass,
        },
        places: &[],
    },
    Rule {
        id: "GER-CLOSED",
        clouds: GERMANY,
        effective: Effective::from(GERMANY_CLOSED_FROM),
        citation: cite(&GERMANY_CLOSED, ""),
        check: |_, _| Check::Fail(&["action.use_european_region"]),
        places: &[],
    },
    Rule {
        id: "GER-MIGRATION-UNDOCUMENTED",
        clouds: GERMANY,
        effective: Effective::until(GERMANY_MIGRATION_DOCUMENTED_FROM),
        citation: cite(&GERMANY_2020, GERMANY_MIGRATION),
        check: |f, _| if migrating(f) { Check::Unsettled("caution.germany_migration_undocumented") } else { Check::Skip },
        places: &[],
    },
    Rule {
        id: "GER-MIGRATION-ACCOUNT",
        clouds: GERMANY,
        effective: Effective::between(GERMANY_MIGRATION_DOCUMENTED_FROM, GERMANY_CLOSED_FROM),
        citation: cite(&GERMANY_2020, GERMANY_MIGRATION),
        check: |f, _| match f.european_account() {
            _ if !migrating(f) => Check::Skip,
            account => required(account, Fact::EuropeanAccount, "action.create_european_account"),
        },
        places: &[],
    },
    Rule {
        id: "GER-MIGRATION-NO-ACCOUNT",
        clouds: GERMANY,
        effective: Effective::between(GERMANY_MIGRATION_DOCUMENTED_FROM, GERMANY_CLOSED_FROM),
        citation: cite(&GERMANY_2020, "you-dont-already-have-a-csp-account"),
        check: |f, _| match f.european_account() {
            Some(false) if migrating(f) => Check::Act(Steps::one("action.sign_mpa_then_select_tenant")),
            _ => Check::Skip,
        },
        places: &[],
    },
    Rule {
        id: "GER-MIGRATION-TENANT",
        clouds: GERMANY,
        effective: Effective::between(GERMANY_MIGRATION_DOCUMENTED_FROM, GERMANY_CLOSED_FROM),
        citation: cite(&GERMANY_2020, "you-already-have-a-csp-account"),
        check: |f, _| migration_tenant(f),
        places: &[],
    },
    // Microsoft Cloud for US Government.
    Rule {
        id: "USG-PARTNER-US",
        clouds: US_GOVERNMENT,
        effective: Effective::ALWAYS,
        citation: cite(&US_GOVERNMENT_FAQ, "common"),
        check: |f, _| pass_if(f.partner_jurisdiction() == Some(Jurisdiction::Us)),
        places: &[],
    },
    Rule {
        id: "USG-PROVIDER-US",
        clouds: US_GOVERNMENT,
        effective: Effective::ALWAYS,
        citation: cite(&US_GOVERNMENT_FAQ, "common"),
        check: |f, _| provider_located(f, |jurisdiction, _| fail_with(jurisdiction == Some(Jurisdiction::Us), &["action.provider_in_us"])),
        places: &[],
    },
    Rule {
        id: "USG-INDIRECT-MODEL",
        clouds: US_GOVERNMENT,
        effective: Effective::from(US_TRIBAL_FROM),
        citation: cite(&US_GOVERNMENT_2021, ""),
        check: |f, _| indirect_model_unsettled(f, "caution.usg_indirect_model"),
        places: &[],
    },
    Rule {
        id: "USG-CUSTOMER-US",
        clouds: US_GOVERNMENT,
        effective: Effective::ALWAYS,
        citation: cite(&US_GOVERNMENT_FAQ, "common"),
        check: |f, _| pass_if(f.customer_jurisdiction() == Some(Jurisdiction::Us)),
        places: &[],
    },
    Rule {
        id: "USG-CUSTOMER-GOVERNMENT",
        clouds: US_GOVERNMENT,
        effective: Effective::until(US_TRIBAL_FROM),
        citation: cite(&US_GOVERNMENT_FAQ, "common"),
        check: |f, _| us_government_segment(f, false),
        places: &[],
    },
    Rule {
        id: "USG-CUSTOMER-GOVERNMENT-2021",
        clouds: US_GOVERNMENT,
        effective: Effective::from(US_TRIBAL_FROM),
        citation: cite(&US_GOVERNMENT_2021, ""),
        check: |f, _| us_government_segment(f, true),
        places: &[],
    },
    Rule {
        id: "USG-VALIDATED",
        clouds: US_GOVERNMENT,
        effective: Effective::ALWAYS,
        citation: cite(&US_GOVERNMENT_FAQ, "common"),
        check: |f, _| required(f.us_gov_validated(), Fact::UsGovValidated, "action.us_gov_validation"),
        places: &[],
    },
    Rule {
        id: "USG-ONBOARDED",
        clouds: US_GOVERNMENT,
        effective: Effective::ALWAYS,
        citation: cite(&US_GOVERNMENT_FAQ, "common"),
        check: |f, _| onboarded(f, Program::UsGovernment, "action.onboard_us_government"),
        places: &[],
    },
    // Azure and Office 365 operated by 21Vianet.
    Rule {
        id: "VNT-ENROLLED",
        clouds: VIANET,
        effective: Effective::ALWAYS,
        citation: cite(&NATIONAL_CLOUDS, ""),
        check: |f, _| onboarded(f, Program::Vianet21, "action.enroll_21vianet"),
        places: &[],
    },
    Rule {
        id: "VNT-CUSTOMER-CHINA",
        clouds: VIANET,
        effective: Effective::ALWAYS,
        citation: cite(&NATIONAL_CLOUDS, ""),
        check: |f, _| pass_if(f.customer_country().is("CN")),
        places: &[],
    },
];

/// For each cloud (in `Cloud` order), the rules that apply to it: bit `i` stands for `RULES[i]`.
pub static RULES_BY_CLOUD: [u64; 4] = {
    assert!(RULES.len() <= 64, "a rule set is a 64-bit mask");
    let mut masks = [0u64; 4];
    let mut i = 0;
    while i < RULES.len() {
        let mut cloud = 0;
        while cloud < 4 {
            if RULES[i].clouds.contains(Cloud::EVERY[cloud]) {
                masks[cloud] |= 1 << i;
            }
            cloud += 1;
        }
        i += 1;
    }
    masks
};

/// The rules in force on `day`: bit `i` stands for `RULES[i]`.
pub fn in_force_on(day: Day) -> u64 {
    // mutants: `^` for `|` is equivalent because each rule's bit is set at most once.
    RULES.iter().enumerate().fold(0, |mask, (i, rule)| if rule.effective.holds_on(day) { mask | 1 << i } else { mask })
}

/// Pairs of rows that are two dated versions of one rule; they must never be in force on the same day.
pub const VERSIONS: &[(&str, &str)] = &[
    ("USG-CUSTOMER-GOVERNMENT", "USG-CUSTOMER-GOVERNMENT-2021"),
    ("GER-MIGRATION-UNDOCUMENTED", "GER-MIGRATION-ACCOUNT"),
    ("GER-MIGRATION-UNDOCUMENTED", "GER-MIGRATION-TENANT"),
    ("GER-MIGRATION-ACCOUNT", "GER-CLOSED"),
    ("GER-MIGRATION-TENANT", "GER-CLOSED"),
];
