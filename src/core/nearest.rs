//! Nearest yes: for every cloud that is not `allowed`, the smallest changes to the facts the asker
//! controls that make it `allowed`, found by deciding every one- and two-fact change. Facts the asker
//! cannot change (the customer's tenant country, its segment, the relation, the customer's national-cloud
//! status) are never proposed.

use super::change_days::verdict_change_days;
use super::day::Day;
use super::decision::Verdict;
use super::engine::decide;
use super::markets::{region_on, CountryCode};
use super::query::Query;
use super::vocabulary::{Cloud, PartnerModel, Program, Region, Role, Vocabulary};
use serde::Serialize;

/// One change to a fact the asker controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// State that the partner has a PartnerID (get one).
    PartnerId,
    /// Sign the Microsoft Partner Agreement.
    SignMpa,
    /// Onboard to a program.
    Onboard {
        /// The program.
        program: Program,
    },
    /// Get validated for Microsoft Cloud for US Government.
    UsGovValidation,
    /// Ask with another Partner Center role.
    Role {
        /// The role.
        role: Role,
    },
    /// For a Germany migration: have a CSP account in a European region.
    EuropeanAccount,
    /// For a Germany migration: select a tenant in this country.
    EuropeanTenant {
        /// The tenant's country.
        country: CountryCode,
    },
    /// For a Germany migration: make the selected tenant active.
    EuropeanTenantActive,
    /// Work with an indirect provider in this country.
    ProviderCountry {
        /// The provider's country.
        country: CountryCode,
    },
    /// Transact from a CSP account (tenant and PartnerID location) in this country.
    PartnerCountry {
        /// The country.
        country: CountryCode,
        /// Its CSP region on the as-of day, if it is a market.
        #[serde(skip_serializing_if = "Option::is_none")]
        region: Option<Region>,
    },
    /// Ask about another day.
    AsOf {
        /// The day.
        day: Day,
    },
}

impl Change {
    /// How much it asks of the partner, for ranking: a statement or a signature before onboarding, a
    /// new provider or account in another region, and another day last.
    pub fn effort(self) -> u8 {
        match self {
            Change::PartnerId | Change::SignMpa | Change::Role { .. } => 1,
            Change::EuropeanTenantActive | Change::EuropeanTenant { .. } => 2,
            Change::Onboard { .. } | Change::EuropeanAccount => 3,
            Change::UsGovValidation => 4,
            Change::ProviderCountry { .. } => 5,
            Change::PartnerCountry { .. } => 6,
            Change::AsOf { .. } => 8,
        }
    }

    /// The query field it sets (two changes to one field are never combined).
    pub fn path(self) -> &'static str {
        match self {
            Change::PartnerId => "partner.has_partner_id",
            Change::SignMpa => "partner.mpa_signed",
            Change::Onboard { .. } => "partner.programs",
            Change::UsGovValidation => "partner.us_gov_validated",
            Change::Role { .. } => "partner.role",
            Change::EuropeanAccount => "partner.european_account",
            Change::EuropeanTenant { .. } => "partner.european_tenant_country",
            Change::EuropeanTenantActive => "partner.european_tenant_active",
            Change::ProviderCountry { .. } => "partner.provider_country",
            Change::PartnerCountry { .. } => "partner.country",
            Change::AsOf { .. } => "as_of",
        }
    }

    /// The query with this change made.
    pub fn apply(self, query: &mut Query) {
        let partner = &mut query.partner;
        match self {
            Change::PartnerId => partner.has_partner_id = Some(true),
            Change::SignMpa => partner.mpa_signed = Some(true),
            Change::Onboard { program } => partner.programs.get_or_insert_with(Vec::new).push(program),
            Change::UsGovValidation => partner.us_gov_validated = Some(true),
            Change::Role { role } => partner.role = Some(role),
            Change::EuropeanAccount => partner.european_account = Some(true),
            Change::EuropeanTenant { country } => partner.european_tenant_country = Some(country),
            Change::EuropeanTenantActive => partner.european_tenant_active = Some(true),
            Change::ProviderCountry { country } => partner.provider_country = Some(country),
            Change::PartnerCountry { country, .. } => partner.country = country,
            Change::AsOf { day } => query.as_of = day,
        }
    }
}

/// A set of changes that makes a cloud `allowed`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Proposal {
    /// The changes, one or two.
    pub changes: Vec<Change>,
    /// Their summed effort (lower first).
    pub effort: u8,
}

/// The nearest ways to a yes for one cloud.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CloudNearest {
    /// The cloud.
    pub cloud: Cloud,
    /// Its verdict for the query as asked.
    pub verdict: Verdict,
    /// Up to three proposals, least effort first (at most one of them another day, the nearest); empty
    /// when the cloud is already allowed, or when no change the asker controls makes it allowed.
    pub proposals: Vec<Proposal>,
}

/// The nearest ways to a yes for every cloud.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Nearest {
    /// One entry per cloud, in the order of [`Cloud`].
    pub clouds: Vec<CloudNearest>,
}

/// How many proposals a cloud shows.
const SHOWN: usize = 3;

/// Every single change worth trying for this query.
fn candidates(query: &Query) -> Vec<Change> {
    let partner = &query.partner;
    let mut changes = Vec::new();
    let not_yet = |flag: Option<bool>| flag != Some(true);
    if not_yet(partner.has_partner_id) {
        changes.push(Change::PartnerId);
    }
    if not_yet(partner.mpa_signed) {
        changes.push(Change::SignMpa);
    }
    for &program in Program::ALL {
        if !partner.programs.as_ref().is_some_and(|programs| programs.contains(&program)) {
            changes.push(Change::Onboard { program });
        }
    }
    if not_yet(partner.us_gov_validated) {
        changes.push(Change::UsGovValidation);
    }
    changes.extend(Role::ALL.iter().filter(|role| partner.role != Some(**role)).map(|&role| Change::Role { role }));
    if not_yet(partner.european_account) {
        changes.push(Change::EuropeanAccount);
    }
    if not_yet(partner.european_tenant_active) {
        changes.push(Change::EuropeanTenantActive);
    }
    // A tenant, a provider or an account where the partner or the customer already is.
    for country in [partner.country, query.customer.country] {
        let change = Change::EuropeanTenant { country };
        if partner.european_tenant_country != Some(country) && region_on(country, query.as_of) == Some(Region::Europe) && !changes.contains(&change) {
            changes.push(change);
        }
    }
    // A reseller's provider where the reseller is, or where the customer is (with an account there too).
    if partner.model == PartnerModel::IndirectReseller {
        for country in [partner.country, query.customer.country] {
            let change = Change::ProviderCountry { country };
            if partner.provider_country != Some(country) && !changes.contains(&change) {
                changes.push(change);
            }
        }
    }
    if query.customer.country != partner.country {
        let country = query.customer.country;
        changes.push(Change::PartnerCountry { country, region: region_on(country, query.as_of) });
    }
    for day in verdict_change_days() {
        for candidate in [day.previous(), day] {
            if candidate != query.as_of && !changes.contains(&Change::AsOf { day: candidate }) {
                changes.push(Change::AsOf { day: candidate });
            }
        }
    }
    changes
}

/// The nearest ways to a yes for every cloud that is not allowed.
pub fn nearest(query: &Query) -> Nearest {
    let asked = decide(query);
    let candidates = candidates(query);
    let allowed_with = |changes: &[Change]| {
        let mut changed = query.clone();
        for change in changes {
            change.apply(&mut changed);
        }
        let decision = decide(&changed);
        let mut allowed = [false; 4];
        for (slot, cloud) in allowed.iter_mut().zip(&decision.clouds) {
            *slot = cloud.verdict == Verdict::Allowed;
        }
        allowed
    };
    let singles: Vec<[bool; 4]> = candidates.iter().map(|change| allowed_with(&[*change])).collect();
    // Per cloud, the proposals kept in ranking order (by insertion: the page links no sort routine):
    // fewer changes, then less effort, then a nearer day.
    let mut found: Vec<Vec<(Vec<Change>, (usize, u8, i64))>> = vec![Vec::new(); Cloud::EVERY.len()];
    let rank = |changes: &[Change]| {
        let distance = changes.iter().map(|change| if let Change::AsOf { day } = change { day.days_between(query.as_of) } else { 0 }).sum::<i64>();
        (changes.len(), changes.iter().map(|change| change.effort()).sum::<u8>(), distance)
    };
    let mut keep = |cloud: usize, changes: Vec<Change>| {
        let key = rank(&changes);
        let list: &mut Vec<(Vec<Change>, (usize, u8, i64))> = &mut found[cloud];
        let at = list.partition_point(|(_, other)| *other <= key);
        list.insert(at, (changes, key));
    };
    for (index, change) in candidates.iter().enumerate() {
        for (cloud, allowed) in singles[index].iter().enumerate() {
            if *allowed {
                keep(cloud, vec![*change]);
            }
        }
    }
    let open: Vec<usize> = (0..Cloud::EVERY.len()).filter(|&cloud| asked.clouds[cloud].verdict != Verdict::Allowed).collect();
    for first in 0..candidates.len() {
        for second in first + 1..candidates.len() {
            let pair = [candidates[first], candidates[second]];
            // Only pairs whose changes are both needed: neither alone is enough for a cloud still open.
            let wanted: Vec<usize> = open.iter().copied().filter(|&cloud| !singles[first][cloud] && !singles[second][cloud]).collect();
            if pair[0].path() == pair[1].path() || wanted.is_empty() {
                continue;
            }
            let allowed = allowed_with(&pair);
            for cloud in wanted.into_iter().filter(|&cloud| allowed[cloud]) {
                keep(cloud, pair.to_vec());
            }
        }
    }
    let clouds = Cloud::EVERY
        .iter()
        .zip(found)
        .map(|(&cloud, options)| {
            let verdict = asked.cloud(cloud).verdict;
            let proposals = if verdict == Verdict::Allowed {
                Vec::new()
            } else {
                // Another day is a fact about time, not an effort: show only the nearest such day.
                let mut dated = false;
                options
                    .into_iter()
                    .filter(|(changes, _)| {
                        let has_day = changes.iter().any(|change| matches!(change, Change::AsOf { .. }));
                        let shown = !(has_day && dated);
                        dated |= has_day;
                        shown
                    })
                    .take(SHOWN)
                    .map(|(changes, (_, effort, _))| Proposal { effort, changes })
                    .collect()
            };
            CloudNearest { cloud, verdict, proposals }
        })
        .collect();
    Nearest { clouds }
}
