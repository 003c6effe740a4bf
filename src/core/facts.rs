//! What the rules read: the query plus what the market table says about its countries on the as-of day.

use super::day::Day;
use super::jurisdictions;
use super::markets::{self, CountryCode, Listing};
use super::query::{Fact, Query};
use super::vocabulary::{CustomerStatus, Jurisdiction, PartnerModel, Program, Region, Relation, Role, Segment, Task};
use std::cell::Cell;

/// A party whose country some rules place in a CSP region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Party {
    /// The partner (the reseller, for an indirect reseller).
    Partner,
    /// The reseller's indirect provider.
    Provider,
    /// The customer's tenant.
    Customer,
}

/// A party's country and its CSP region on the as-of day (`None`: no CSP market that day).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Whose country it is.
    pub party: Party,
    /// The country.
    pub country: CountryCode,
    /// Its CSP region that day.
    pub region: Option<Region>,
}

/// Where each party the query names stands on its as-of day: what a rule that compares regions
/// shows beside its verdict (the regions the rules read, from [`markets::region_on`]).
pub fn places(query: &Query) -> Vec<Placed> {
    let day = query.as_of;
    let parties =
        [(Party::Partner, Some(query.partner.country)), (Party::Provider, query.partner.provider_country), (Party::Customer, Some(query.customer.country))];
    parties.into_iter().filter_map(|(party, country)| country.map(|country| Placed { party, country, region: markets::region_on(country, day) })).collect()
}

/// A query field the asker controls: what the nearest-yes search may change. A rule's check reads
/// these through [`Facts`], which records them, so that the search changes only what a rule read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `as_of` (it also decides which rules are in force).
    AsOf,
    /// `partner.country`
    PartnerCountry,
    /// `partner.has_partner_id`
    HasPartnerId,
    /// `partner.mpa_signed`
    MpaSigned,
    /// `partner.provider_country`
    ProviderCountry,
    /// `partner.programs`
    Programs,
    /// `partner.us_gov_validated`
    UsGovValidated,
    /// `partner.role`
    Role,
    /// `partner.european_account`
    EuropeanAccount,
    /// `partner.european_tenant_country`
    EuropeanTenantCountry,
    /// `partner.european_tenant_active`
    EuropeanTenantActive,
}

/// A set of [`Field`]s, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Fields(u16);

impl Fields {
    /// No field.
    pub const NONE: Fields = Fields(0);

    /// The set of one field.
    pub const fn of(field: Field) -> Fields {
        Fields(1 << field as u16)
    }

    /// Whether `field` is in the set.
    pub const fn contains(self, field: Field) -> bool {
        self.0 & (1 << field as u16) != 0
    }

    /// The union of two sets.
    pub const fn with(self, other: Fields) -> Fields {
        Fields(self.0 | other.0)
    }
}

/// A query with its countries resolved against the market table for its as-of day. Rules read the
/// query through its methods, which record the fields the asker controls that a check has read.
pub struct Facts<'q> {
    query: &'q Query,
    partner_listing: Listing,
    customer_listing: Listing,
    provider_listing: Option<Listing>,
    partner_jurisdiction: Option<Jurisdiction>,
    customer_jurisdiction: Option<Jurisdiction>,
    provider_jurisdiction: Option<Option<Jurisdiction>>,
    reads: Cell<Fields>,
}

impl<'q> Facts<'q> {
    /// Resolves the query's countries on its as-of day.
    pub fn new(query: &'q Query) -> Facts<'q> {
        let day = query.as_of;
        Facts {
            query,
            partner_listing: markets::listing_on(query.partner.country, day),
            customer_listing: markets::listing_on(query.customer.country, day),
            provider_listing: query.partner.provider_country.map(|code| markets::listing_on(code, day)),
            partner_jurisdiction: jurisdictions::on(query.partner.country, day),
            customer_jurisdiction: jurisdictions::on(query.customer.country, day),
            provider_jurisdiction: query.partner.provider_country.map(|code| jurisdictions::on(code, day)),
            reads: Cell::new(Fields::NONE),
        }
    }

    fn read<T>(&self, fields: Fields, value: T) -> T {
        self.reads.set(self.reads.get().with(fields));
        value
    }

    /// The controlled fields read since the last [`Facts::forget_reads`].
    pub fn reads(&self) -> Fields {
        self.reads.get()
    }

    /// Starts recording reads afresh (the engine calls it before each rule's check).
    pub fn forget_reads(&self) {
        self.reads.set(Fields::NONE);
    }

    /// The as-of day.
    pub fn day(&self) -> Day {
        self.read(Fields::of(Field::AsOf), self.query.as_of)
    }

    /// The partner's country.
    pub fn partner_country(&self) -> CountryCode {
        self.read(Fields::of(Field::PartnerCountry), self.query.partner.country)
    }

    /// The customer's tenant country.
    pub fn customer_country(&self) -> CountryCode {
        self.query.customer.country
    }

    /// The partner's country's place in the market lists that day.
    pub fn partner_listing(&self) -> Listing {
        self.read(Fields::of(Field::PartnerCountry).with(Fields::of(Field::AsOf)), self.partner_listing)
    }

    /// The customer's country's place in the market lists that day.
    pub fn customer_listing(&self) -> Listing {
        self.read(Fields::of(Field::AsOf), self.customer_listing)
    }

    /// The reseller's provider's country's place in the market lists that day; `None` when not given.
    pub fn provider_listing(&self) -> Option<Listing> {
        self.read(Fields::of(Field::ProviderCountry).with(Fields::of(Field::AsOf)), self.provider_listing)
    }

    /// The partner's CSP region (the one it is in when listed); `None` when its country is no CSP market that day.
    pub fn partner_region(&self) -> Option<Region> {
        self.partner_listing().region()
    }

    /// The customer's CSP region (the one it is in when listed); `None` when its country is no CSP market that day.
    pub fn customer_region(&self) -> Option<Region> {
        self.customer_listing().region()
    }

    /// The jurisdiction (EU, EFTA, US) of the partner's country that day.
    pub fn partner_jurisdiction(&self) -> Option<Jurisdiction> {
        self.read(Fields::of(Field::PartnerCountry).with(Fields::of(Field::AsOf)), self.partner_jurisdiction)
    }

    /// The jurisdiction (EU, EFTA, US) of the customer's tenant country that day.
    pub fn customer_jurisdiction(&self) -> Option<Jurisdiction> {
        self.read(Fields::of(Field::AsOf), self.customer_jurisdiction)
    }

    /// The jurisdiction of the reseller's provider's country that day: `None` when not given.
    pub fn provider_jurisdiction(&self) -> Option<Option<Jurisdiction>> {
        self.read(Fields::of(Field::ProviderCountry).with(Fields::of(Field::AsOf)), self.provider_jurisdiction)
    }

    /// The provider's country, if given.
    pub fn provider_country(&self) -> Option<CountryCode> {
        self.read(Fields::of(Field::ProviderCountry), self.query.partner.provider_country)
    }

    /// The partner's model.
    pub fn model(&self) -> PartnerModel {
        self.query.partner.model
    }

    /// Whether the partner is an indirect reseller.
    pub fn is_reseller(&self) -> bool {
        self.model() == PartnerModel::IndirectReseller
    }

    /// What the customer is to the partner.
    pub fn relation(&self) -> Relation {
        self.query.customer.relation
    }

    /// The customer's segment.
    pub fn segment(&self) -> Segment {
        self.query.customer.segment
    }

    /// Whether the customer is new to, or already in, a national cloud (if stated).
    pub fn national_cloud_customer(&self) -> Option<CustomerStatus> {
        self.query.customer.national_cloud_customer
    }

    /// The asked task, if any.
    pub fn task(&self) -> Option<Task> {
        self.query.task
    }

    /// The asker's role, if given.
    pub fn role(&self) -> Option<Role> {
        self.read(Fields::of(Field::Role), self.query.partner.role)
    }

    /// Whether the partner has a PartnerID, if stated.
    pub fn has_partner_id(&self) -> Option<bool> {
        self.read(Fields::of(Field::HasPartnerId), self.query.partner.has_partner_id)
    }

    /// Whether the partner has signed the MPA, if stated.
    pub fn mpa_signed(&self) -> Option<bool> {
        self.read(Fields::of(Field::MpaSigned), self.query.partner.mpa_signed)
    }

    /// Whether Microsoft has validated the partner for US Government, if stated.
    pub fn us_gov_validated(&self) -> Option<bool> {
        self.read(Fields::of(Field::UsGovValidated), self.query.partner.us_gov_validated)
    }

    /// For a Germany migration: whether the partner has a CSP account in a European region, if stated.
    pub fn european_account(&self) -> Option<bool> {
        self.read(Fields::of(Field::EuropeanAccount), self.query.partner.european_account)
    }

    /// For a Germany migration: whether the selected tenant is active, if stated.
    pub fn european_tenant_active(&self) -> Option<bool> {
        self.read(Fields::of(Field::EuropeanTenantActive), self.query.partner.european_tenant_active)
    }

    /// Whether the partner has onboarded to `program`; `Err` names the missing fact.
    pub fn onboarded(&self, program: Program) -> Result<bool, Fact> {
        let programs = self.read(Fields::of(Field::Programs), self.query.partner.programs.as_ref());
        programs.map(|programs| programs.contains(&program)).ok_or(Fact::Programs)
    }

    /// The CSP region, on the as-of day, of the tenant selected for migrating a Microsoft Cloud Germany
    /// customer: `Err` names the missing fact, `Ok(None)` when its country is no CSP market.
    pub fn european_tenant_region(&self) -> Result<Option<Region>, Fact> {
        let country = self.read(Fields::of(Field::EuropeanTenantCountry), self.query.partner.european_tenant_country);
        let country = country.ok_or(Fact::EuropeanTenantCountry)?;
        Ok(markets::region_on(country, self.day()))
    }

    /// Each party's country with its jurisdiction that day: the partner, its provider (if given) and the customer.
    pub fn parties(&self) -> impl Iterator<Item = (CountryCode, Option<Jurisdiction>)> + '_ {
        let provider = self.query.partner.provider_country.zip(self.provider_jurisdiction);
        [Some((self.query.partner.country, self.partner_jurisdiction)), provider, Some((self.query.customer.country, self.customer_jurisdiction))]
            .into_iter()
            .flatten()
    }

    /// Whether the partner, its provider or the customer is in one of `codes`.
    pub fn involves_country(&self, codes: &[&str]) -> bool {
        codes.iter().any(|code| self.parties().any(|(country, _)| country.is(code)))
    }
}
