//! The closed sets of values a query and a decision are made of: clouds, partner models, programs,
//! customer segments, relations, tasks, roles and CSP regions.

use serde::{Deserialize, Serialize};

/// A closed set of values with a stable snake_case identifier, used in JSON, URLs and message keys.
pub trait Vocabulary: Copy + Sized + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// Prefix of the message keys that name the values (`<prefix>.<id>`).
    const KEY_PREFIX: &'static str;
    /// The snake_case identifier.
    fn id(self) -> &'static str;
    /// The value with this identifier, if any.
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.id() == id)
    }
    /// Comma-separated identifiers, for error messages.
    fn expected() -> String {
        Self::ALL.iter().map(|value| value.id()).collect::<Vec<_>>().join(", ")
    }
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $prefix:literal { $($(#[$vmeta:meta])* $variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $id)] $variant),+
        }
        impl Vocabulary for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            const KEY_PREFIX: &'static str = $prefix;
            fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }
        }
    };
}

vocabulary! {
    /// A cloud the partner may sell in: the commercial CSP program or one of the national clouds.
    Cloud, "cloud" {
        /// Commercial (global) CSP.
        Commercial = "commercial",
        /// Microsoft Cloud Germany (data trustee model; closed 2021-10-29).
        Germany = "germany",
        /// Microsoft Cloud for US Government.
        UsGovernment = "us_government",
        /// Azure and Office 365 operated by 21Vianet in China.
        Vianet21 = "vianet_21",
    }
}

vocabulary! {
    /// How the partner transacts in CSP.
    PartnerModel, "model" {
        /// Buys from Microsoft and bills its customers itself.
        DirectBill = "direct_bill",
        /// Buys from Microsoft and sells to indirect resellers (a distributor).
        IndirectProvider = "indirect_provider",
        /// Sells to customers through an indirect provider; never buys from Microsoft.
        IndirectReseller = "indirect_reseller",
    }
}

vocabulary! {
    /// A CSP program a partner onboards to separately.
    Program, "program" {
        /// Commercial CSP.
        Commercial = "commercial",
        /// CSP for Microsoft Cloud for US Government.
        UsGovernment = "us_government",
        /// CSP for Microsoft Cloud Germany.
        Germany = "germany",
        /// CSP operated by 21Vianet.
        Vianet21 = "vianet_21",
    }
}

vocabulary! {
    /// The kind of organisation the customer is.
    Segment, "segment" {
        /// A commercial organisation.
        Commercial = "commercial",
        /// A US federal government entity.
        UsFederal = "us_federal",
        /// A US state government entity.
        UsState = "us_state",
        /// A US local government entity.
        UsLocal = "us_local",
        /// A US tribal government entity.
        UsTribal = "us_tribal",
    }
}

vocabulary! {
    /// What the customer is to the selling partner, seen from the seller's side.
    Relation, "relation" {
        /// An ordinary end customer.
        Unrelated = "unrelated",
        /// The seller's own CSP tenant (the tenant it transacts in the CSP program with).
        SelfTenant = "self",
        /// The seller's own separate tenant of customer type: still a sale to itself.
        OwnCustomerTenant = "own_customer_tenant",
        /// An organisation affiliated with the seller.
        Affiliate = "affiliate",
        /// Another CSP partner's CSP tenant.
        OtherCspPartner = "other_csp_partner",
        /// Another CSP partner's separate customer-type tenant, bought for its own use.
        OtherPartnerCustomerTenant = "other_partner_customer_tenant",
        /// Asked by an indirect reseller: buying for its own use from its own indirect provider.
        OwnProvider = "own_provider",
        /// Asked by an indirect provider: one of its own indirect resellers buying for its own use.
        OwnIndirectReseller = "own_indirect_reseller",
    }
}

vocabulary! {
    /// Whether the customer already uses the national cloud.
    CustomerStatus, "status" {
        /// Not yet a customer of the national cloud.
        New = "new",
        /// Already a customer of the national cloud.
        Existing = "existing",
    }
}

vocabulary! {
    /// A Partner Center task the person asking wants to do.
    Task, "task" {
        /// Place an order (sell a subscription).
        Sell = "sell",
        /// Create a new customer.
        CreateCustomer = "create_customer",
        /// Manage the partner's own users.
        ManagePartnerUsers = "manage_partner_users",
        /// Manage the customer's users.
        ManageCustomerUsers = "manage_customer_users",
        /// Reset a user's password.
        ResetPassword = "reset_password",
        /// Manage licences.
        ManageLicenses = "manage_licenses",
        /// Migrate a Microsoft Cloud Germany customer to a European region.
        MigrateGermanyCustomer = "migrate_germany_customer",
    }
}

vocabulary! {
    /// A Partner Center role of the person asking.
    Role, "role" {
        /// Global admin.
        GlobalAdmin = "global_admin",
        /// User management admin.
        UserManagementAdmin = "user_management_admin",
        /// Admin agent.
        AdminAgent = "admin_agent",
        /// Sales agent.
        SalesAgent = "sales_agent",
        /// Billing admin.
        BillingAdmin = "billing_admin",
        /// Helpdesk agent.
        HelpdeskAgent = "helpdesk_agent",
    }
}

vocabulary! {
    /// A CSP region: the territory a partner's CSP tenant may sell in.
    Region, "region" {
        /// Africa.
        Africa = "africa",
        /// Asia and Pacific.
        AsiaPacific = "asia_pacific",
        /// Australia.
        Australia = "australia",
        /// Brazil.
        Brazil = "brazil",
        /// Canada.
        Canada = "canada",
        /// China (MCCL CSP, not 21Vianet).
        China = "china",
        /// Europe.
        Europe = "europe",
        /// India.
        India = "india",
        /// Japan.
        Japan = "japan",
        /// Korea, Republic of.
        Korea = "korea",
        /// Latin America and the Caribbean.
        LatinAmericaCaribbean = "latin_america_caribbean",
        /// Middle East, Central and Eastern Europe.
        MiddleEastCentralEasternEurope = "middle_east_central_eastern_europe",
        /// New Zealand.
        NewZealand = "new_zealand",
        /// Russia (no longer a CSP region).
        Russia = "russia",
        /// Taiwan.
        Taiwan = "taiwan",
        /// United States.
        UnitedStates = "united_states",
    }
}

vocabulary! {
    /// A jurisdiction a national cloud's eligibility follows: EU membership, EFTA membership, or the
    /// United States with its territories.
    Jurisdiction, "jurisdiction" {
        /// The territory of a European Union member state.
        Eu = "eu",
        /// A European Free Trade Association member state.
        Efta = "efta",
        /// The United States: the states, the District of Columbia and the territories.
        Us = "us",
    }
}

impl Relation {
    /// Whether a partner of `model` can ask about this relation: only a reseller buys from its own
    /// provider, only a provider has indirect resellers of its own.
    pub fn fits(self, model: PartnerModel) -> bool {
        match self {
            Relation::OwnProvider => model == PartnerModel::IndirectReseller,
            Relation::OwnIndirectReseller => model == PartnerModel::IndirectProvider,
            _ => true,
        }
    }
}

impl Segment {
    /// Whether the customer is a US government entity.
    pub fn is_us_government(self) -> bool {
        !matches!(self, Segment::Commercial)
    }
}

/// A set of clouds, as a rule or note lists the clouds it applies to. JSON: an array of cloud ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clouds(u8);

impl Clouds {
    /// Every cloud.
    pub const ALL: Clouds = Clouds::of(&Cloud::EVERY);

    /// The set of `clouds`.
    pub const fn of(clouds: &[Cloud]) -> Clouds {
        let mut bits = 0;
        let mut i = 0;
        while i < clouds.len() {
            bits |= 1 << clouds[i] as u8;
            i += 1;
        }
        Clouds(bits)
    }

    /// Whether `cloud` is in the set.
    pub const fn contains(self, cloud: Cloud) -> bool {
        self.0 & (1 << cloud as u8) != 0
    }

    /// The clouds in the set, in `Cloud` order.
    pub fn iter(self) -> impl Iterator<Item = Cloud> {
        Cloud::ALL.iter().copied().filter(move |cloud| self.contains(*cloud))
    }
}

impl Cloud {
    /// Every cloud, as an array usable in constants (one slot per cloud for per-cloud results).
    pub const EVERY: [Cloud; 4] = [Cloud::Commercial, Cloud::Germany, Cloud::UsGovernment, Cloud::Vianet21];
}

impl Serialize for Clouds {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Clouds {
    fn schema_name() -> String {
        "Clouds".into()
    }
    fn json_schema(generator: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        <Vec<Cloud>>::json_schema(generator)
    }
}
