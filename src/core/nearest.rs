//! Nearest yes: for every cloud that is not `allowed`, the sets of changes to the facts the asker
//! controls that make it `allowed`, least effort first. The rules steer the search: a rule's check sees
//! only the fields it reads, so a cloud turns `allowed` only if a change touches a field that each rule
//! still standing in the way has read. From each set of changes the search branches only on the fields
//! one such rule read (the one with fewest choices), cheapest set first, each field changed at most once.
//! It thus meets every minimal set of the candidate changes in effort order, however many changes it
//! takes (a Germany migration takes four), and an empty list is a proof that none gives a yes. Facts the
//! asker cannot change (the customer's tenant country, its segment, the relation, the customer's
//! national-cloud status) are never proposed, nor is a day before the query's.

use super::change_days::verdict_change_days;
use super::day::Day;
use super::decision::{Outcome, Verdict};
use super::engine::trace;
use super::facts::{Field, Fields};
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

    /// The controlled field it sets (two changes to one field are never combined).
    pub fn field(self) -> Field {
        match self {
            Change::PartnerId => Field::HasPartnerId,
            Change::SignMpa => Field::MpaSigned,
            Change::Onboard { .. } => Field::Programs,
            Change::UsGovValidation => Field::UsGovValidated,
            Change::Role { .. } => Field::Role,
            Change::EuropeanAccount => Field::EuropeanAccount,
            Change::EuropeanTenant { .. } => Field::EuropeanTenantCountry,
            Change::EuropeanTenantActive => Field::EuropeanTenantActive,
            Change::ProviderCountry { .. } => Field::ProviderCountry,
            Change::PartnerCountry { .. } => Field::PartnerCountry,
            Change::AsOf { .. } => Field::AsOf,
        }
    }

    /// The query field it sets, as a flat path.
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
    /// The changes, one or more (each to a different field).
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
    /// Up to three proposals, least effort first; another (later) day comes last, at most once. Empty
    /// when the cloud is already allowed, or when no set of changes the asker controls makes it allowed.
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

/// Every single change worth trying for this query: each fact stated as done, each program and role,
/// a provider, tenant or account where the partner or the customer is, and each later day on which a
/// rule, a market or a jurisdiction changes.
pub fn candidates(query: &Query) -> Vec<Change> {
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
    // A Germany migration's steps in the documents' order (a proposal lists its changes in this order):
    // the account, a tenant where the partner or the customer is, active, then the role.
    if not_yet(partner.european_account) {
        changes.push(Change::EuropeanAccount);
    }
    for country in [partner.country, query.customer.country] {
        let change = Change::EuropeanTenant { country };
        if partner.european_tenant_country != Some(country) && region_on(country, query.as_of) == Some(Region::Europe) && !changes.contains(&change) {
            changes.push(change);
        }
    }
    if not_yet(partner.european_tenant_active) {
        changes.push(Change::EuropeanTenantActive);
    }
    changes.extend(Role::ALL.iter().filter(|role| partner.role != Some(**role)).map(|&role| Change::Role { role }));
    // A provider or an account where the partner or the customer already is: a reseller's provider where
    // the reseller is, or where the customer is (with an account there too).
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
    // A partner acts on what is to come: only later days, the first day of each later interval.
    changes.extend(verdict_change_days().into_iter().filter(|day| *day > query.as_of).map(|day| Change::AsOf { day }));
    // A set of changes is a 64-bit mask: at most 21 changes besides the days, and some 30 change days.
    debug_assert!(changes.len() <= u64::BITS as usize);
    changes.truncate(u64::BITS as usize);
    changes
}

/// A set of candidate changes: bit `i` stands for candidate `i`.
type ChangeSet = u64;

/// How a set ranks (lower first): another day last, then less effort, fewer changes. Among equals the
/// queue takes the smaller set first, and since the days are the last candidates, in ascending order,
/// that is the set with the nearer day.
type Rank = (bool, u8, u32);

fn members(set: ChangeSet, candidates: &[Change]) -> impl Iterator<Item = Change> + '_ {
    candidates.iter().enumerate().filter(move |(index, _)| set & (1 << index) != 0).map(|(_, change)| *change)
}

fn rank(set: ChangeSet, candidates: &[Change]) -> Rank {
    let (mut dated, mut effort) = (false, 0u8);
    for change in members(set, candidates) {
        effort = effort.saturating_add(change.effort());
        dated |= matches!(change, Change::AsOf { .. });
    }
    (dated, effort, set.count_ones())
}

/// Whether `change` is worth trying next for a rule in the way that read `reads`, on top of a set that
/// changes `fields`: it changes a field the rule read and the set leaves alone (so no change is chosen
/// twice). Trying more changes than these would make the search slower, never find other sets: a change
/// no blocking rule read, or a second change to one field, only makes a superset of a cheaper set.
// mutants: `||` for `&&`, or always true, is equivalent for that reason.
fn is_choice(change: Change, fields: Fields, reads: Fields) -> bool {
    !fields.contains(change.field()) && reads.contains(change.field())
}

/// Whether a rule with `count` choices steers the search better than the one kept so far: the fewest
/// choices keep it narrow. Any rule still in the way would do, since each must be passed by changing a
/// field it read, so this makes the search faster and never changes what it finds.
// mutants: equivalent because the search finds the same sets whichever blocking rule steers it.
fn steers_better(count: usize, kept: Option<(usize, Fields)>) -> bool {
    kept.map_or(true, |(fewest, _)| count < fewest)
}

/// Puts `entry` in the queue, kept in descending order so that the cheapest set is popped first.
fn enqueue(queue: &mut Vec<(Rank, ChangeSet)>, entry: (Rank, ChangeSet)) {
    // mutants: `>=` is equivalent because no set is queued twice (the `seen` list), so no entry equals another.
    let at = queue.partition_point(|queued| *queued > entry);
    queue.insert(at, entry);
}

/// The nearest ways to a yes for every cloud that is not allowed.
pub fn nearest(query: &Query) -> Nearest {
    let candidates = candidates(query);
    Nearest { clouds: Cloud::EVERY.iter().map(|&cloud| nearest_for(query, cloud, &candidates)).collect() }
}

/// The cheapest sets of changes that make `cloud` allowed (see the module's comment for the search).
fn nearest_for(query: &Query, cloud: Cloud, candidates: &[Change]) -> CloudNearest {
    let verdict = trace(query, cloud, |_, _, _| {}).verdict();
    let mut proposals = Vec::new();
    if verdict == Verdict::Allowed {
        return CloudNearest { cloud, verdict, proposals };
    }
    // The sets to try, the cheapest last (kept in order by insertion: the page links no heap, hash set or
    // sort routine), and every set ever queued, sorted.
    let mut queue: Vec<(Rank, ChangeSet)> = vec![(rank(0, candidates), 0)];
    let mut seen: Vec<ChangeSet> = Vec::new();
    let mut found: Vec<ChangeSet> = Vec::new();
    while let Some(((dated, effort, ..), set)) = queue.pop() {
        // A set holding one already found is no nearer way: its extra changes are not needed.
        if found.iter().any(|smaller| smaller & !set == 0) {
            continue;
        }
        let mut changed = query.clone();
        let mut fields = Fields::NONE;
        for change in members(set, candidates) {
            change.apply(&mut changed);
            fields = fields.with(Fields::of(change.field()));
        }
        // Among the rules still in the way, the one whose read fields leave the fewest changes to try.
        let choices = |reads: Fields| candidates.iter().enumerate().filter(move |(_, change)| is_choice(**change, fields, reads));
        let mut steer: Option<(usize, Fields)> = None;
        let tally = trace(&changed, cloud, |_, outcome, reads| {
            if outcome != Outcome::Pass {
                let count = choices(reads).count();
                if steers_better(count, steer) {
                    steer = Some((count, reads));
                }
            }
        });
        if tally.verdict() == Verdict::Allowed {
            found.push(set);
            proposals.push(Proposal { changes: members(set, candidates).collect(), effort });
            // Ranked in order: once another day is proposed, or enough without one, the rest rank lower.
            if dated || proposals.len() == SHOWN {
                break;
            }
            continue;
        }
        if let Some((_, reads)) = steer {
            for (index, _) in choices(reads) {
                // mutants: equivalent because `index` is not in `set` (its field is not in `fields`), so `^` adds it as `|` does.
                let next = set | 1 << index;
                if let Err(at) = seen.binary_search(&next) {
                    seen.insert(at, next);
                    enqueue(&mut queue, (rank(next, candidates), next));
                }
            }
        }
    }
    CloudNearest { cloud, verdict, proposals }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The queue gives back the cheapest set first, whatever order the sets were queued in.
    #[test]
    fn the_queue_pops_the_cheapest_set_first() {
        let mut queue = Vec::new();
        for entry in [((false, 3, 1), 4), ((false, 1, 1), 1), ((true, 8, 1), 64), ((false, 3, 2), 5), ((false, 1, 2), 3)] {
            enqueue(&mut queue, entry);
        }
        let popped: Vec<ChangeSet> = std::iter::from_fn(|| queue.pop().map(|(_, set)| set)).collect();
        assert_eq!(popped, vec![1, 3, 4, 5, 64]);
    }
}
