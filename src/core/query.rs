//! The question: who the partner is, who the customer is, and on which day.

use super::day::Day;
use super::markets::CountryCode;
use super::vocabulary::{Cloud, CustomerStatus, PartnerModel, Program, Relation, Role, Segment, Task};
use serde::{Deserialize, Serialize};

/// The version of the JSON contract this build speaks.
pub const API_VERSION: u32 = 1;

/// A question for the rules core. Build one from JSON with [`crate::core::parse_query`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Query {
    /// Contract version; must be 1.
    pub api_version: u32,
    /// The day the answer is for; the core never reads a clock.
    pub as_of: Day,
    /// The partner that wants to sell.
    pub partner: Partner,
    /// The customer it wants to sell to.
    pub customer: Customer,
    /// The one cloud the asker cares about; every cloud is answered anyway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud: Option<Cloud>,
    /// The task the asker wants to do; sets the task portal and role checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<Task>,
}

/// Facts about the partner. Optional facts left out make the rules that need them answer `unknown`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// Country of the partner's CSP tenant and PartnerID location.
    pub country: CountryCode,
    /// How the partner transacts.
    pub model: PartnerModel,
    /// Whether the partner has a PartnerID (MPN ID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_partner_id: Option<bool>,
    /// Whether the partner has signed the Microsoft Partner Agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mpa_signed: Option<bool>,
    /// For an indirect reseller: the country of its indirect provider's CSP tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_country: Option<CountryCode>,
    /// The CSP programs the partner has onboarded to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programs: Option<Vec<Program>>,
    /// Whether Microsoft has validated the partner for Microsoft Cloud for US Government.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub us_gov_validated: Option<bool>,
    /// The Partner Center role of the person asking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// For migrating a Microsoft Cloud Germany customer: whether the partner has a CSP account in a European region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub european_account: Option<bool>,
    /// For migrating a Microsoft Cloud Germany customer: the country of the CSP tenant the partner selects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub european_tenant_country: Option<CountryCode>,
    /// For migrating a Microsoft Cloud Germany customer: whether the selected tenant is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub european_tenant_active: Option<bool>,
}

/// Facts about the customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// Country set on the customer's tenant (not where the customer physically is).
    pub country: CountryCode,
    /// Commercial, or a kind of US government entity.
    pub segment: Segment,
    /// What the customer is to the partner.
    pub relation: Relation,
    /// Whether the customer is new to, or already in, a national cloud.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_cloud_customer: Option<CustomerStatus>,
}

/// A fact a rule needs, named by its JSON path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub enum Fact {
    /// `partner.has_partner_id`
    #[serde(rename = "partner.has_partner_id")]
    HasPartnerId,
    /// `partner.mpa_signed`
    #[serde(rename = "partner.mpa_signed")]
    MpaSigned,
    /// `partner.provider_country`
    #[serde(rename = "partner.provider_country")]
    ProviderCountry,
    /// `partner.programs`
    #[serde(rename = "partner.programs")]
    Programs,
    /// `partner.us_gov_validated`
    #[serde(rename = "partner.us_gov_validated")]
    UsGovValidated,
    /// `partner.role`
    #[serde(rename = "partner.role")]
    Role,
    /// `customer.national_cloud_customer`
    #[serde(rename = "customer.national_cloud_customer")]
    NationalCloudCustomer,
    /// `partner.european_account`
    #[serde(rename = "partner.european_account")]
    EuropeanAccount,
    /// `partner.european_tenant_country`
    #[serde(rename = "partner.european_tenant_country")]
    EuropeanTenantCountry,
    /// `partner.european_tenant_active`
    #[serde(rename = "partner.european_tenant_active")]
    EuropeanTenantActive,
}

impl Fact {
    /// Every optional fact a rule can read.
    pub const ALL: [Fact; 10] = [
        Fact::HasPartnerId,
        Fact::MpaSigned,
        Fact::ProviderCountry,
        Fact::Programs,
        Fact::UsGovValidated,
        Fact::Role,
        Fact::NationalCloudCustomer,
        Fact::EuropeanAccount,
        Fact::EuropeanTenantCountry,
        Fact::EuropeanTenantActive,
    ];

    /// The JSON path of the fact.
    pub fn path(self) -> &'static str {
        match self {
            Fact::HasPartnerId => "partner.has_partner_id",
            Fact::MpaSigned => "partner.mpa_signed",
            Fact::ProviderCountry => "partner.provider_country",
            Fact::Programs => "partner.programs",
            Fact::UsGovValidated => "partner.us_gov_validated",
            Fact::Role => "partner.role",
            Fact::NationalCloudCustomer => "customer.national_cloud_customer",
            Fact::EuropeanAccount => "partner.european_account",
            Fact::EuropeanTenantCountry => "partner.european_tenant_country",
            Fact::EuropeanTenantActive => "partner.european_tenant_active",
        }
    }

    /// The message key of the question that asks for it.
    pub fn message_key(self) -> &'static str {
        match self {
            Fact::HasPartnerId => "fact.has_partner_id",
            Fact::MpaSigned => "fact.mpa_signed",
            Fact::ProviderCountry => "fact.provider_country",
            Fact::Programs => "fact.programs",
            Fact::UsGovValidated => "fact.us_gov_validated",
            Fact::Role => "fact.role",
            Fact::NationalCloudCustomer => "fact.national_cloud_customer",
            Fact::EuropeanAccount => "fact.european_account",
            Fact::EuropeanTenantCountry => "fact.european_tenant_country",
            Fact::EuropeanTenantActive => "fact.european_tenant_active",
        }
    }
}
