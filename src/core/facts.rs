//! What the rules read: the query plus what the market table says about its countries on the as-of day.

use super::day::Day;
use super::jurisdictions;
use super::markets::{self, CountryCode};
use super::query::{Fact, Query};
use super::vocabulary::{Jurisdiction, PartnerModel, Program, Region, Relation, Role, Task};

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
    let parties = [(Party::Partner, Some(query.partner.country)), (Party::Provider, query.partner.provider_country), (Party::Customer, Some(query.customer.country))];
    parties.into_iter().filter_map(|(party, country)| country.map(|country| Placed { party, country, region: markets::region_on(country, day) })).collect()
}

/// A query with its countries resolved against the market table for its as-of day.
pub struct Facts<'q> {
    /// The query.
    pub query: &'q Query,
    /// The partner's CSP region; `None` when its country is no CSP market that day.
    pub partner_region: Option<Region>,
    /// The customer's CSP region; `None` when its country is no CSP market that day.
    pub customer_region: Option<Region>,
    /// The reseller's provider's CSP region: `None` when not given, `Some(None)` when no market.
    pub provider_region: Option<Option<Region>>,
    /// The jurisdiction (EU, EFTA, US) of the partner's country that day.
    pub partner_jurisdiction: Option<Jurisdiction>,
    /// The jurisdiction (EU, EFTA, US) of the customer's tenant country that day.
    pub customer_jurisdiction: Option<Jurisdiction>,
}

impl<'q> Facts<'q> {
    /// Resolves the query's countries on its as-of day.
    pub fn new(query: &'q Query) -> Facts<'q> {
        let day = query.as_of;
        Facts {
            query,
            partner_region: markets::region_on(query.partner.country, day),
            customer_region: markets::region_on(query.customer.country, day),
            provider_region: query.partner.provider_country.map(|code| markets::region_on(code, day)),
            partner_jurisdiction: jurisdictions::on(query.partner.country, day),
            customer_jurisdiction: jurisdictions::on(query.customer.country, day),
        }
    }

    /// The as-of day.
    pub fn day(&self) -> Day {
        self.query.as_of
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

    /// The asked task, if any.
    pub fn task(&self) -> Option<Task> {
        self.query.task
    }

    /// The asker's role, if given.
    pub fn role(&self) -> Option<Role> {
        self.query.partner.role
    }

    /// Whether the partner has onboarded to `program`; `Err` names the missing fact.
    pub fn onboarded(&self, program: Program) -> Result<bool, Fact> {
        self.query.partner.programs.as_ref().map(|programs| programs.contains(&program)).ok_or(Fact::Programs)
    }

    /// The CSP region, on the as-of day, of the tenant selected for migrating a Microsoft Cloud Germany
    /// customer: `Err` names the missing fact, `Ok(None)` when its country is no CSP market.
    pub fn european_tenant_region(&self) -> Result<Option<Region>, Fact> {
        let country = self.query.partner.european_tenant_country.ok_or(Fact::EuropeanTenantCountry)?;
        Ok(markets::region_on(country, self.day()))
    }

    /// Whether the partner or the customer is in one of `codes`.
    pub fn involves_country(&self, codes: &[&str]) -> bool {
        let (partner, customer) = (self.query.partner.country, self.query.customer.country);
        codes.iter().any(|code| partner.is(code) || customer.is(code))
    }
}
