//! Standing notes and cautions: facts worth knowing about a cloud that do not change the verdict —
//! pricing, products, missing features, and the places where document versions contradict each other.

use super::day::{Day, Effective};
use super::facts::Facts;
use super::messages::{derived_key, key_named};
use super::rules::{GERMANY_CLOSED_FROM, GERMANY_NO_NEW_CUSTOMERS_FROM, ORDER_ROLES_ON_ONE_PAGE};
use super::sources::{
    cite, Citation, ANNOUNCEMENTS_2020_FEBRUARY, ANNOUNCEMENTS_2021_MAY, DIRECT_BILL_REQUIREMENTS, ENROLLMENT, ENROLLMENT_2023, EU_WITHDRAWAL, GERMANY_2018,
    GERMANY_2020, GERMANY_CLOSURE, INDIRECT_RESELLER_TASKS, NATIONAL_CLOUDS, NATIONAL_CLOUD_DEVELOPERS, NEW_RESELLER_REQUIREMENT, PARTNER_RELATIONSHIPS,
    PROGRAM_GUIDE_2023, PURCHASE_AZURE_PLAN, REGIONAL_MARKETS, REQUEST_RELATIONSHIP, RUSSIA_NEW_SALES, US_GOVERNMENT_FAQ, VIANET_ENROLLMENT_2018,
};
use super::vocabulary::{Cloud, Clouds, Jurisdiction, PartnerModel, Program, Relation, Task};
use crate::day;

/// When a note is shown, and whether it is a caution or plain information.
#[derive(Clone, Copy)]
pub enum Shown {
    /// Always: a standing note about the cloud.
    Always,
    /// A note shown when the query's facts make it relevant (the partner's model, say).
    NoteWhen(fn(&Facts) -> bool),
    /// A caution shown when the query's facts make it relevant (a contradiction in the documents, say).
    CautionWhen(fn(&Facts) -> bool),
}

/// One note of the table.
pub struct NoteRule {
    /// Stable identifier.
    pub id: &'static str,
    /// The clouds it is about.
    pub clouds: Clouds,
    /// The days it holds.
    pub effective: Effective,
    /// When it is shown.
    pub shown: Shown,
    /// Where it comes from.
    pub citation: Citation,
}

const COMMERCIAL: Clouds = Clouds::of(&[Cloud::Commercial]);
const GERMANY: Clouds = Clouds::of(&[Cloud::Germany]);
const US_GOVERNMENT: Clouds = Clouds::of(&[Cloud::UsGovernment]);
const VIANET: Clouds = Clouds::of(&[Cloud::Vianet21]);
const TRANSACTIONS: &str = "supported-partner-transactions-in-the-csp-program";
const GERMANY_FAQ: &str = "frequently-asked-questions-about-the-csp-program-for-microsoft-cloud-germany";
const GERMANY_SELLING: &str = "partner-center-for-microsoft-cloud-germany-selling-german-cloud-solutions-in-eu-and-efta";
const GERMANY_2020_TOP: &str = "partner-center-for-microsoft-cloud-germany-for-partners-selling-to-customers-in-eu--efta-countries";
const USG_AZURE: &str = "microsoft-cloud-for-us-government-for-azure";

fn is_direct_bill(f: &Facts) -> bool {
    f.model() == PartnerModel::DirectBill
}

fn is_indirect(f: &Facts) -> bool {
    f.model() != PartnerModel::DirectBill
}

/// Whether an indirect provider asks about selling to an ordinary end customer.
fn provider_selling_to_end_customer(f: &Facts) -> bool {
    f.model() == PartnerModel::IndirectProvider && f.relation() == Relation::Unrelated
}

/// Whether the partner, its provider or the customer is in the UK or Gibraltar on a day they are outside the EU.
fn uk_outside_eu(f: &Facts) -> bool {
    f.parties().any(|(country, jurisdiction)| (country.is("GB") || country.is("GI")) && jurisdiction != Some(Jurisdiction::Eu))
}

/// Whether the partner is an indirect reseller.
fn is_reseller(f: &Facts) -> bool {
    f.model() == PartnerModel::IndirectReseller
}

/// Whether the question is about placing an order, or about selling in general (no task named).
fn places_an_order(f: &Facts) -> bool {
    matches!(f.task(), None | Some(Task::Sell))
}

/// Whether the asker names its Partner Center role.
fn states_a_role(f: &Facts) -> bool {
    f.role().is_some()
}

/// The customer countries for which the 2023 enrollment page makes a registration ID number mandatory.
const REGISTRATION_ID_COUNTRIES: [&str; 24] =
    ["AM", "AZ", "BY", "BR", "HU", "IN", "IQ", "KZ", "KG", "MD", "MM", "PL", "RU", "SA", "ZA", "SS", "TJ", "TH", "TR", "UA", "AE", "UZ", "VE", "VN"];

/// Whether the customer is in a country for which partners need a registration ID number.
fn needs_registration_id(f: &Facts) -> bool {
    REGISTRATION_ID_COUNTRIES.iter().any(|code| f.customer_country().is(code))
}

/// Whether an order is placed in a role that one of the two role lists names and the other does not (the
/// subscription page's Admin agent, Billing admin and Helpdesk agent; the Azure plan page's User
/// management admin).
fn orders_in_a_role_the_pages_differ_on(f: &Facts) -> bool {
    f.task() == Some(Task::Sell) && f.role().is_some_and(|role| ORDER_ROLES_ON_ONE_PAGE.contains(&role))
}

/// Whether the partner, its provider or the customer is in a US territory rather than a state or DC.
fn in_us_territory(f: &Facts) -> bool {
    f.parties().any(|(country, jurisdiction)| jurisdiction == Some(Jurisdiction::Us) && !country.is("US"))
}

/// The date of the developer page that says Office 365 is not available in US Government and that its
/// customers transact with a single partner.
const USG_DEVELOPERS_2023: Day = NATIONAL_CLOUD_DEVELOPERS.version_date;

impl NoteRule {
    /// Message key: `note.` and its ID without `NOTE-`, in lower case, `_` for `-`.
    pub fn message(&self) -> &'static str {
        static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
        derived_key(&KEYS, NOTES, self, |note| key_named("note.", note.id.strip_prefix("NOTE-").unwrap_or(note.id)))
    }

    /// The same note, holding from `day` on.
    const fn from(self, day: Day) -> NoteRule {
        NoteRule { effective: Effective::from(day), ..self }
    }
}

const fn note(id: &'static str, clouds: Clouds, shown: Shown, citation: Citation) -> NoteRule {
    NoteRule { id, clouds, effective: Effective::ALWAYS, shown, citation }
}

/// Every note, grouped by cloud.
pub static NOTES: &[NoteRule] = &[
    note("NOTE-CHAIN-DIRECT", COMMERCIAL, Shown::NoteWhen(is_direct_bill), cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS)),
    note("NOTE-CHAIN-INDIRECT", COMMERCIAL, Shown::NoteWhen(is_indirect), cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS)),
    // Scenario 1 describes an indirect provider's sales only through an indirect reseller.
    note("NOTE-PROVIDER-THROUGH-RESELLER", Clouds::ALL, Shown::CautionWhen(provider_selling_to_end_customer), cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS)),
    note("NOTE-RESELLER-BUYS-FROM-PROVIDER", COMMERCIAL, Shown::NoteWhen(|f| f.is_reseller()), cite(&ENROLLMENT, "enroll-as-an-indirect-reseller")),
    note("NOTE-ENROLLMENT-NEEDS", COMMERCIAL, Shown::NoteWhen(|f| f.onboarded(Program::Commercial) != Ok(true)), cite(&ENROLLMENT, "get-started")),
    note(
        "NOTE-DIRECT-BILL-CAPABILITIES",
        COMMERCIAL,
        Shown::NoteWhen(is_direct_bill),
        cite(&PARTNER_RELATIONSHIPS, "types-of-partner-relationships-in-the-csp-program"),
    ),
    note("NOTE-DIRECT-BILL-REQUIREMENTS", COMMERCIAL, Shown::NoteWhen(is_direct_bill), cite(&ENROLLMENT, "minimum-requirements")),
    note("NOTE-CREDIT-CHECK-FIRST", COMMERCIAL, Shown::NoteWhen(is_direct_bill), cite(&ENROLLMENT, "verify-direct-bill-eligibility")),
    note("NOTE-DIRECT-TO-INDIRECT", COMMERCIAL, Shown::NoteWhen(is_direct_bill), cite(&ENROLLMENT, "transition-from-direct-bill-to-indirect-reseller")),
    note("NOTE-TENANT-COUNTRY-COUNTS", COMMERCIAL, Shown::Always, cite(&REGIONAL_MARKETS, "")),
    note("NOTE-MULTI-PARTNER", COMMERCIAL, Shown::Always, cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS)),
    note("NOTE-MULTI-CHANNEL", COMMERCIAL, Shown::Always, cite(&PARTNER_RELATIONSHIPS, TRANSACTIONS)),
    NoteRule {
        id: "NOTE-REGION-TABLE-BEFORE-2018-11",
        clouds: COMMERCIAL,
        effective: Effective::until(day!(2018 - 11 - 04)),
        shown: Shown::Always,
        citation: cite(&REGIONAL_MARKETS, ""),
    },
    // The announcement and the 2021 table disagree on the former regions of American Samoa and the
    // Northern Mariana Islands; both put Guam in Australia.
    note("NOTE-US-TERRITORIES-2023", COMMERCIAL, Shown::CautionWhen(|f| f.involves_country(&["AS", "MP"])), cite(&PROGRAM_GUIDE_2023, "")),
    note("NOTE-RUSSIA-BELARUS", COMMERCIAL, Shown::CautionWhen(|f| f.involves_country(&["RU", "BY"])), cite(&REGIONAL_MARKETS, "")),
    note("NOTE-RUSSIA-NEW-SALES", COMMERCIAL, Shown::CautionWhen(|f| f.involves_country(&["RU"])), cite(&RUSSIA_NEW_SALES, ""))
        .from(RUSSIA_NEW_SALES.version_date),
    note("NOTE-MCA-CONFIRMATION", COMMERCIAL, Shown::NoteWhen(places_an_order), cite(&ANNOUNCEMENTS_2020_FEBRUARY, "")).from(day!(2020 - 02 - 01)),
    note("NOTE-REGISTRATION-ID", COMMERCIAL, Shown::NoteWhen(needs_registration_id), cite(&ENROLLMENT_2023, "")),
    note("NOTE-NEW-PARTNERS-INDIRECT", COMMERCIAL, Shown::NoteWhen(is_direct_bill), cite(&INDIRECT_RESELLER_TASKS, "")).from(day!(2020 - 10 - 01)),
    note("NOTE-DIRECT-BILL-REQUIREMENTS-2023", COMMERCIAL, Shown::NoteWhen(is_direct_bill), cite(&DIRECT_BILL_REQUIREMENTS, "")),
    note("NOTE-RESELLER-REVENUE-FLOOR", COMMERCIAL, Shown::NoteWhen(is_reseller), cite(&NEW_RESELLER_REQUIREMENT, "")).from(day!(2024 - 04 - 01)),
    note("NOTE-RELATIONSHIP-REQUEST-ROLES", COMMERCIAL, Shown::NoteWhen(states_a_role), cite(&REQUEST_RELATIONSHIP, "")),
    note("NOTE-AZURE-PLAN-ROLES", COMMERCIAL, Shown::NoteWhen(orders_in_a_role_the_pages_differ_on), cite(&PURCHASE_AZURE_PLAN, "")),
    note("NOTE-NOT-A-MARKET", COMMERCIAL, Shown::CautionWhen(|f| f.involves_country(&["CU", "IR", "KP", "SY", "SD", "EH"])), cite(&REGIONAL_MARKETS, "")),
    note("NOTE-GERMANY-DATA-TRUSTEE", GERMANY, Shown::Always, cite(&GERMANY_2018, "microsoft-cloud-germany-meeting-german-data-protection-requirements")),
    NoteRule {
        id: "NOTE-GERMANY-NO-NEW-SERVICES",
        clouds: GERMANY,
        effective: Effective::between(GERMANY_NO_NEW_CUSTOMERS_FROM, GERMANY_CLOSED_FROM),
        shown: Shown::Always,
        citation: cite(&GERMANY_2020, GERMANY_2020_TOP),
    },
    NoteRule {
        id: "NOTE-GERMANY-CLOSURE-ANNOUNCED",
        clouds: GERMANY,
        effective: Effective::between(GERMANY_CLOSURE.version_date, GERMANY_CLOSED_FROM),
        shown: Shown::Always,
        citation: cite(&GERMANY_CLOSURE, ""),
    },
    note("NOTE-GERMANY-PRICING", GERMANY, Shown::Always, cite(&GERMANY_2018, GERMANY_FAQ)),
    note("NOTE-GERMANY-PRODUCTS", GERMANY, Shown::Always, cite(&GERMANY_2018, GERMANY_FAQ)),
    note("NOTE-GERMANY-LICENSING", GERMANY, Shown::Always, cite(&GERMANY_2018, GERMANY_FAQ)),
    note("NOTE-GERMANY-NO-DATA-MOVE", GERMANY, Shown::Always, cite(&GERMANY_2018, GERMANY_FAQ)),
    note("NOTE-GERMANY-MISSING-FEATURES", GERMANY, Shown::Always, cite(&GERMANY_2018, GERMANY_SELLING)),
    note("NOTE-GERMANY-APIS", GERMANY, Shown::Always, cite(&GERMANY_2018, GERMANY_FAQ)),
    note("NOTE-GERMANY-QUALIFICATION", GERMANY, Shown::Always, cite(&GERMANY_2018, GERMANY_FAQ)),
    note(
        "NOTE-GERMANY-ROLES",
        GERMANY,
        Shown::NoteWhen(|f| f.role().is_some() || f.task() == Some(Task::MigrateGermanyCustomer)),
        cite(&GERMANY_2020, GERMANY_2020_TOP),
    ),
    note("NOTE-UK-LEFT-EU", GERMANY, Shown::CautionWhen(uk_outside_eu), cite(&EU_WITHDRAWAL, "")),
    note("NOTE-USG-PRICING", US_GOVERNMENT, Shown::Always, cite(&US_GOVERNMENT_FAQ, "common")),
    note("NOTE-USG-PRODUCTS", US_GOVERNMENT, Shown::Always, cite(&US_GOVERNMENT_FAQ, "common")),
    note("NOTE-USG-AZURE-SERVICES", US_GOVERNMENT, Shown::Always, cite(&US_GOVERNMENT_FAQ, USG_AZURE)),
    note("NOTE-USG-CONTRACTING", US_GOVERNMENT, Shown::Always, cite(&US_GOVERNMENT_FAQ, "common")),
    note("NOTE-USG-NO-DATA-MOVE", US_GOVERNMENT, Shown::Always, cite(&US_GOVERNMENT_FAQ, "common")),
    note("NOTE-USG-APIS", US_GOVERNMENT, Shown::Always, cite(&US_GOVERNMENT_FAQ, USG_AZURE)),
    note("NOTE-USG-RELATIONSHIP-REQUESTS", US_GOVERNMENT, Shown::Always, cite(&US_GOVERNMENT_FAQ, "common")),
    // The 2023 developer page contradicts the FAQ (still current then) on Office 365 and on more than one partner.
    note("NOTE-USG-OFFICE-365-CONFLICT", US_GOVERNMENT, Shown::CautionWhen(|_| true), cite(&NATIONAL_CLOUD_DEVELOPERS, "")).from(USG_DEVELOPERS_2023),
    note("NOTE-USG-SINGLE-PARTNER-CONFLICT", US_GOVERNMENT, Shown::CautionWhen(|_| true), cite(&NATIONAL_CLOUD_DEVELOPERS, "")).from(USG_DEVELOPERS_2023),
    note("NOTE-USG-QUALIFICATION", US_GOVERNMENT, Shown::Always, cite(&US_GOVERNMENT_FAQ, "common")),
    note("NOTE-USG-US-JURISDICTION", US_GOVERNMENT, Shown::CautionWhen(in_us_territory), cite(&US_GOVERNMENT_FAQ, "common")),
    note("NOTE-VIANET-OPERATOR", VIANET, Shown::Always, cite(&NATIONAL_CLOUDS, "")),
    note("NOTE-VIANET-NOT-MCCL", VIANET, Shown::Always, cite(&ANNOUNCEMENTS_2021_MAY, "")),
    note("NOTE-VIANET-NO-AZURE-SUBSCRIPTIONS", VIANET, Shown::Always, cite(&NATIONAL_CLOUD_DEVELOPERS, "")),
    note("NOTE-VIANET-REQUIREMENTS", VIANET, Shown::Always, cite(&VIANET_ENROLLMENT_2018, "")),
];
