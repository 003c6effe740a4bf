//! The rule table: every condition the engine checks, with the clouds it applies to, its effective
//! dates, its message key and its citation. The engine and the catalog both read this table.

use super::day::{Day, Effective};
use super::facts::Facts;
use super::query::Fact;
use super::sources::{cite, Citation, ADD_CUSTOMER, CREATE_SUBSCRIPTION, DIRECT_TO_INDIRECT, ENROLLMENT, GERMANY_2018, GERMANY_2020, GERMANY_CLOSURE, NATIONAL_CLOUDS, PARTNER_RELATIONSHIPS, PERMISSIONS, US_GOVERNMENT_2021, US_GOVERNMENT_FAQ};
use super::vocabulary::{Bloc, Cloud, Clouds, Program, Region, Relation, Role, Segment, Task};
use crate::day;

/// How a rule comes out for one query.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    Act(Vec<&'static str>),
    /// The rule needs a fact the query leaves out.
    Missing(Fact),
}

/// One rule of the table.
pub struct Rule {
    /// Stable identifier, cited in reasons.
    pub id: &'static str,
    /// The clouds it applies to.
    pub clouds: Clouds,
    /// The days it is in force.
    pub effective: Effective,
    /// Message key of the rule's statement.
    pub message: &'static str,
    /// Where it comes from.
    pub citation: Citation,
    /// The condition.
    pub check: fn(&Facts) -> Check,
}

impl Rule {
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

/// The MPA is required of every CSP partner from this day.
pub const MPA_REQUIRED_FROM: Day = day!(2020 - 02 - 01);
/// Microsoft Cloud Germany stopped taking new customers (announced) on this day.
pub const GERMANY_NO_NEW_CUSTOMERS_FROM: Day = day!(2018 - 08 - 31);
/// Microsoft Cloud Germany closed on this day.
pub const GERMANY_CLOSED_FROM: Day = day!(2021 - 10 - 29);
/// The 2020-10-12 version of the Germany page names only the EU and EFTA; the 2018 FAQ also named the UK.
pub const GERMANY_UK_UNTIL: Day = day!(2020 - 10 - 12);
/// The first US Government page naming tribal entities is dated this day; the 2019 FAQ does not.
pub const US_TRIBAL_FROM: Day = day!(2021 - 11 - 08);

const TRANSACTIONS: &str = "supported-partner-transactions-in-the-csp-program";
const GERMANY_FAQ: &str = "frequently-asked-questions-about-the-csp-program-for-microsoft-cloud-germany";
const GERMANY_SELLING_2020: &str = "selling-german-cloud-solutions-in-eu-and-efta";

fn pass_if(condition: bool) -> Check {
    if condition {
        Check::Pass
    } else {
        Check::Fail(&[])
    }
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
        Some(false) => Check::Act(vec![action]),
    }
}

fn onboarded(facts: &Facts, program: Program, action: &'static str) -> Check {
    match facts.onboarded(program) {
        Err(fact) => Check::Missing(fact),
        Ok(done) => required(Some(done), Fact::Programs, action),
    }
}

/// Whether a country may take part in Microsoft Cloud Germany: EU and EFTA, and the UK where `uk` says so.
fn in_germany_bloc(bloc: Option<Bloc>, uk: bool) -> bool {
    match bloc {
        Some(Bloc::Eu | Bloc::Efta) => true,
        Some(Bloc::Uk) => uk,
        None => false,
    }
}

fn role_for_task(facts: &Facts, task: Task, roles: &[Role], action: &'static str) -> Check {
    match (facts.task(), facts.role()) {
        (Some(asked), Some(role)) if asked == task => {
            if roles.contains(&role) {
                Check::Pass
            } else {
                Check::Act(vec![action])
            }
        }
        _ => Check::Skip,
    }
}

fn germany_migration(facts: &Facts) -> Check {
    if facts.task() != Some(Task::MigrateGermanyCustomer) {
        return Check::Skip;
    }
    let european_account = match facts.onboarded(Program::Commercial) {
        Err(fact) => return Check::Missing(fact),
        Ok(done) => done,
    };
    let mut actions = Vec::new();
    if !european_account {
        actions.push("action.create_european_account");
    }
    if facts.partner_region != Some(Region::Europe) {
        actions.push("action.tenant_in_european_region");
    }
    if facts.role().is_some_and(|role| role != Role::GlobalAdmin) {
        actions.push("action.sign_in_as_global_admin");
    }
    if actions.is_empty() {
        Check::Pass
    } else {
        Check::Act(actions)
    }
}

fn us_government_segment(facts: &Facts, tribal: bool) -> Check {
    match facts.query.customer.segment {
        Segment::Commercial => Check::Fail(&[]),
        Segment::UsTribal if !tribal => Check::Fail(&[]),
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
        message: "rule.csp_partner_id",
        citation: cite(&ENROLLMENT, "get-started"),
        check: |f| required(f.query.partner.has_partner_id, Fact::HasPartnerId, "action.get_partner_id"),
    },
    Rule {
        id: "CSP-NO-RESALE-TO-CSP-PARTNER",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        message: "rule.csp_no_resale_to_csp_partner",
        citation: cite(&ENROLLMENT, "get-started"),
        check: |f| fail_with(f.relation() != Relation::OtherCspPartner, &["action.partner_buys_on_customer_tenant"]),
    },
    Rule {
        id: "CSP-NO-SELF-OR-AFFILIATE",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        message: "rule.csp_no_self_or_affiliate",
        citation: cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS),
        check: |f| pass_if(!matches!(f.relation(), Relation::SelfTenant | Relation::Affiliate)),
    },
    Rule {
        id: "CSP-OWN-USE-TENANT",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        message: "rule.csp_own_use_tenant",
        citation: cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS),
        check: |f| match f.relation() {
            Relation::SelfTenant => Check::Fail(&["action.partner_buys_on_customer_tenant"]),
            Relation::OwnCustomerTenant => Check::Caution("caution.own_use_tenant"),
            _ => Check::Skip,
        },
    },
    Rule {
        id: "CSP-RESELLER-OWN-PROVIDER",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        message: "rule.csp_reseller_own_provider",
        citation: cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS),
        check: |f| match f.relation() {
            Relation::OwnProvider => Check::Fail(&["action.own_use_separate_tenant", "action.own_use_end_provider_relationship", "action.own_use_second_provider"]),
            _ => Check::Skip,
        },
    },
    Rule {
        id: "ROLE-CREATE-CUSTOMER",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        message: "rule.role_create_customer",
        citation: cite(&ADD_CUSTOMER, ""),
        check: |f| {
            let roles = [Role::GlobalAdmin, Role::UserManagementAdmin, Role::AdminAgent, Role::SalesAgent];
            role_for_task(f, Task::CreateCustomer, &roles, "action.role_create_customer")
        },
    },
    Rule {
        id: "ROLE-PLACE-ORDER",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        message: "rule.role_place_order",
        citation: cite(&CREATE_SUBSCRIPTION, ""),
        check: |f| {
            let roles = [Role::AdminAgent, Role::BillingAdmin, Role::GlobalAdmin, Role::HelpdeskAgent, Role::SalesAgent];
            role_for_task(f, Task::Sell, &roles, "action.role_place_order")
        },
    },
    Rule {
        id: "ROLE-USER-ADMINISTRATION",
        clouds: ALL_CLOUDS,
        effective: Effective::ALWAYS,
        message: "rule.role_user_administration",
        citation: cite(&PERMISSIONS, ""),
        check: |f| match f.task() {
            Some(Task::ManagePartnerUsers) => {
                role_for_task(f, Task::ManagePartnerUsers, &[Role::GlobalAdmin, Role::UserManagementAdmin], "action.role_partner_users")
            }
            Some(task @ (Task::ManageCustomerUsers | Task::ResetPassword | Task::ManageLicenses)) => {
                role_for_task(f, task, &[Role::GlobalAdmin, Role::AdminAgent], "action.role_customer_administration")
            }
            _ => Check::Skip,
        },
    },
    // Commercial CSP.
    Rule {
        id: "COM-PARTNER-MARKET",
        clouds: COMMERCIAL,
        effective: Effective::ALWAYS,
        message: "rule.com_partner_market",
        citation: cite(&ENROLLMENT, "csp-regional-markets-and-currencies"),
        check: |f| pass_if(f.partner_region.is_some()),
    },
    Rule {
        id: "COM-CUSTOMER-MARKET",
        clouds: COMMERCIAL,
        effective: Effective::ALWAYS,
        message: "rule.com_customer_market",
        citation: cite(&ENROLLMENT, "csp-regional-markets-and-currencies"),
        check: |f| pass_if(f.customer_region.is_some()),
    },
    Rule {
        id: "COM-SAME-REGION-CUSTOMER",
        clouds: COMMERCIAL,
        effective: Effective::ALWAYS,
        message: "rule.com_same_region_customer",
        citation: cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS),
        check: |f| match (f.partner_region, f.customer_region) {
            (Some(partner), Some(customer)) => fail_with(partner == customer, &["action.account_in_customer_region"]),
            _ => Check::Skip,
        },
    },
    Rule {
        id: "COM-SAME-REGION-PROVIDER",
        clouds: COMMERCIAL,
        effective: Effective::ALWAYS,
        message: "rule.com_same_region_provider",
        citation: cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS),
        check: |f| match (f.is_reseller(), f.provider_region, f.partner_region) {
            (false, _, _) | (true, _, None) => Check::Skip,
            (true, None, Some(_)) => Check::Missing(Fact::ProviderCountry),
            (true, Some(provider), Some(reseller)) => fail_with(provider == Some(reseller), &["action.provider_in_region"]),
        },
    },
    Rule {
        id: "COM-ENROLLED",
        clouds: COMMERCIAL,
        effective: Effective::ALWAYS,
        message: "rule.com_enrolled",
        citation: cite(&ENROLLMENT, "enroll-in-the-cloud-solution-provider-program"),
        check: |f| onboarded(f, Program::Commercial, "action.enroll_commercial"),
    },
    Rule {
        id: "COM-MPA-SIGNED",
        clouds: COMMERCIAL,
        effective: Effective::from(MPA_REQUIRED_FROM),
        message: "rule.com_mpa_signed",
        citation: cite(&PARTNER_RELATIONSHIPS, "csp-program-requirements-signing-the-microsoft-partner-agreement-mpa"),
        check: |f| {
            let action = if f.is_reseller() { "action.sign_mpa_reseller" } else { "action.sign_mpa" };
            required(f.query.partner.mpa_signed, Fact::MpaSigned, action)
        },
    },
    Rule {
        id: "COM-RESELLER-CREATES-NO-CUSTOMER",
        clouds: COMMERCIAL,
        effective: Effective::ALWAYS,
        message: "rule.com_reseller_creates_no_customer",
        citation: cite(&DIRECT_TO_INDIRECT, ""),
        check: |f| match (f.task(), f.is_reseller()) {
            (Some(Task::CreateCustomer), true) => Check::Fail(&["action.provider_creates_customer"]),
            (Some(Task::CreateCustomer), false) => Check::Pass,
            _ => Check::Skip,
        },
    },
    // Microsoft Cloud Germany.
    Rule {
        id: "GER-PARTNER-LOCATION",
        clouds: GERMANY,
        effective: Effective::until(GERMANY_UK_UNTIL),
        message: "rule.ger_partner_location",
        citation: cite(&GERMANY_2018, GERMANY_FAQ),
        check: |f| pass_if(in_germany_bloc(f.partner_bloc, true)),
    },
    Rule {
        id: "GER-PARTNER-LOCATION-2020",
        clouds: GERMANY,
        effective: Effective::from(GERMANY_UK_UNTIL),
        message: "rule.ger_partner_location_2020",
        citation: cite(&GERMANY_2020, GERMANY_SELLING_2020),
        check: |f| pass_if(in_germany_bloc(f.partner_bloc, false)),
    },
    Rule {
        id: "GER-CUSTOMER-LOCATION",
        clouds: GERMANY,
        effective: Effective::until(GERMANY_UK_UNTIL),
        message: "rule.ger_customer_location",
        citation: cite(&GERMANY_2018, GERMANY_FAQ),
        check: |f| pass_if(in_germany_bloc(f.customer_bloc, true)),
    },
    Rule {
        id: "GER-CUSTOMER-LOCATION-2020",
        clouds: GERMANY,
        effective: Effective::from(GERMANY_UK_UNTIL),
        message: "rule.ger_customer_location_2020",
        citation: cite(&GERMANY_2020, GERMANY_SELLING_2020),
        check: |f| pass_if(in_germany_bloc(f.customer_bloc, false)),
    },
    Rule {
        id: "GER-COMMERCIAL-CUSTOMERS",
        clouds: GERMANY,
        effective: Effective::ALWAYS,
        message: "rule.ger_commercial_customers",
        citation: cite(&GERMANY_2018, GERMANY_FAQ),
        check: |f| pass_if(f.query.customer.segment == Segment::Commercial),
    },
    Rule {
        id: "GER-ONBOARDED",
        clouds: GERMANY,
        effective: Effective::ALWAYS,
        message: "rule.ger_onboarded",
        citation: cite(&GERMANY_2018, GERMANY_FAQ),
        check: |f| onboarded(f, Program::Germany, "action.onboard_germany"),
    },
    Rule {
        id: "GER-NO-NEW-CUSTOMERS",
        clouds: GERMANY,
        effective: Effective::from(GERMANY_NO_NEW_CUSTOMERS_FROM),
        message: "rule.ger_no_new_customers",
        citation: cite(&GERMANY_2020, "partner-center-for-microsoft-cloud-germany-for-partners-selling-to-customers-in-eu--efta-countries"),
        check: |f| match f.query.customer.national_cloud_customer {
            None => Check::Missing(Fact::NationalCloudCustomer),
            Some(super::vocabulary::CustomerStatus::New) => Check::Fail(&["action.use_european_region"]),
            Some(super::vocabulary::CustomerStatus::Existing) => Check::Pass,
        },
    },
    Rule {
        id: "GER-CLOSED",
        clouds: GERMANY,
        effective: Effective::from(GERMANY_CLOSED_FROM),
        message: "rule.ger_closed",
        citation: cite(&GERMANY_CLOSURE, ""),
        check: |_| Check::Fail(&["action.use_european_region"]),
    },
    Rule {
        id: "GER-MIGRATION-ACCOUNT",
        clouds: GERMANY,
        effective: Effective::until(GERMANY_CLOSED_FROM),
        message: "rule.ger_migration_account",
        citation: cite(&GERMANY_2020, "migrate-customers-from-microsoft-cloud-germany-to-another-european-region"),
        check: germany_migration,
    },
    // Microsoft Cloud for US Government.
    Rule {
        id: "USG-PARTNER-US",
        clouds: US_GOVERNMENT,
        effective: Effective::ALWAYS,
        message: "rule.usg_partner_us",
        citation: cite(&US_GOVERNMENT_FAQ, "common"),
        check: |f| pass_if(f.partner_region == Some(Region::UnitedStates)),
    },
    Rule {
        id: "USG-CUSTOMER-US",
        clouds: US_GOVERNMENT,
        effective: Effective::ALWAYS,
        message: "rule.usg_customer_us",
        citation: cite(&US_GOVERNMENT_FAQ, "common"),
        check: |f| pass_if(f.customer_region == Some(Region::UnitedStates)),
    },
    Rule {
        id: "USG-CUSTOMER-GOVERNMENT",
        clouds: US_GOVERNMENT,
        effective: Effective::until(US_TRIBAL_FROM),
        message: "rule.usg_customer_government",
        citation: cite(&US_GOVERNMENT_FAQ, "common"),
        check: |f| us_government_segment(f, false),
    },
    Rule {
        id: "USG-CUSTOMER-GOVERNMENT-2021",
        clouds: US_GOVERNMENT,
        effective: Effective::from(US_TRIBAL_FROM),
        message: "rule.usg_customer_government_2021",
        citation: cite(&US_GOVERNMENT_2021, ""),
        check: |f| us_government_segment(f, true),
    },
    Rule {
        id: "USG-VALIDATED",
        clouds: US_GOVERNMENT,
        effective: Effective::ALWAYS,
        message: "rule.usg_validated",
        citation: cite(&US_GOVERNMENT_FAQ, "common"),
        check: |f| required(f.query.partner.us_gov_validated, Fact::UsGovValidated, "action.us_gov_validation"),
    },
    Rule {
        id: "USG-ONBOARDED",
        clouds: US_GOVERNMENT,
        effective: Effective::ALWAYS,
        message: "rule.usg_onboarded",
        citation: cite(&US_GOVERNMENT_FAQ, "common"),
        check: |f| onboarded(f, Program::UsGovernment, "action.onboard_us_government"),
    },
    // Azure and Office 365 operated by 21Vianet.
    Rule {
        id: "VNT-ENROLLED",
        clouds: VIANET,
        effective: Effective::ALWAYS,
        message: "rule.vnt_enrolled",
        citation: cite(&NATIONAL_CLOUDS, ""),
        check: |f| onboarded(f, Program::Vianet21, "action.enroll_21vianet"),
    },
    Rule {
        id: "VNT-CUSTOMER-CHINA",
        clouds: VIANET,
        effective: Effective::ALWAYS,
        message: "rule.vnt_customer_china",
        citation: cite(&NATIONAL_CLOUDS, ""),
        check: |f| pass_if(f.query.customer.country.is("CN")),
    },
];

/// Pairs of rows that are two dated versions of one rule; they must never be in force on the same day.
pub const VERSIONS: &[(&str, &str)] = &[
    ("USG-CUSTOMER-GOVERNMENT", "USG-CUSTOMER-GOVERNMENT-2021"),
    ("GER-PARTNER-LOCATION", "GER-PARTNER-LOCATION-2020"),
    ("GER-CUSTOMER-LOCATION", "GER-CUSTOMER-LOCATION-2020"),
    ("GER-MIGRATION-ACCOUNT", "GER-CLOSED"),
];
