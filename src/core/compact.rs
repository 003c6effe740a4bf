//! The compact form of answers, for the JS package: every static part of a decision (ids, dates,
//! portals, reasons, actions, notes) is an index into a lexicon that grows as new parts appear, so a
//! decision crosses the wasm boundary as a few dozen numbers. Only the parts never sent before cross as
//! JSON; the package keeps them as shared, frozen objects and assembles the documented objects.
//!
//! The numbers, in order (`list` is a count followed by that many indices; index 0 means absent):
//! - a reply: the count of new lexicon entries, the count of errors, then one record per query;
//! - a record: `0` and a decision (or verdicts), `1` and the index of its `QueryError`, or `2` for a
//!   query given as numbers that is not valid that way ([`Lexicon::decide_words`]);
//! - a decision: `as_of`, `documents_up_to`, `requested_cloud`, `task`, the count of clouds, then per
//!   cloud `cloud`, `verdict`, `portal`, list `task_portals`, list `deciding`, list `reasons`, list
//!   `actions`, list `missing_facts`, list `cautions`, list `notes`, `sources_up_to`;
//! - verdicts: `as_of`, `requested_cloud`, `task`, the count of clouds, then per cloud the index of its
//!   verdict (cloud, verdict, portal and deciding rules: one shared entry, few combinations occur).
//!
//! Days are not entries (a batch may hold any number of them): they are the number `YYYYMMDD`.
//!
//! Queries cross the other way as numbers too ([`read_query_words`]): the package reads a query
//! object field by field into [`QUERY_WORDS`] numbers, so no JSON text is written or parsed; a query
//! it cannot read that way (a string, a wrong type, an unknown field) goes as JSON text instead.

use super::day::Day;
use super::decision::{Action, CloudVerdict, Decision, Note, Outcome, Reason, Verdict};
use super::engine::tallies;
use super::markets::CountryCode;
use super::parse::{contradictions, read_valid_query, QueryError};
use super::portals::{transact_portal, Portal};
use super::query::{Customer, Fact, Partner, Query, API_VERSION};
use super::vocabulary::{Cloud, CustomerStatus, PartnerModel, Program, Relation, Role, Segment, Task, Vocabulary};
use rustc_hash::FxBuildHasher;
use serde::Serialize;
use std::collections::HashMap;

/// How much of each answer to send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// The whole decision, with every reason, action and note.
    Full,
    /// Each cloud's verdict, portal and deciding rules.
    Verdicts,
}

/// How many numbers a query takes in its numeric form (see [`read_query_words`]).
pub const QUERY_WORDS: usize = 18;

/// The values the numeric form of a query indexes, as JSON for the package: for each vocabulary, its
/// ids in order (value `i + 1` in a word stands for the `i`-th id).
pub fn query_vocabulary() -> String {
    fn ids<V: Vocabulary>() -> Vec<&'static str> {
        V::ALL.iter().map(|value| value.id()).collect()
    }
    serde_json::json!({
        "model": ids::<PartnerModel>(),
        "program": ids::<Program>(),
        "role": ids::<Role>(),
        "segment": ids::<Segment>(),
        "relation": ids::<Relation>(),
        "status": ids::<CustomerStatus>(),
        "cloud": ids::<Cloud>(),
        "task": ids::<Task>(),
    })
    .to_string()
}

/// The value a word names: 0 is absent, `i + 1` the `i`-th; `Err` for a number past the end.
fn value<V: Vocabulary>(word: u32) -> Result<Option<V>, ()> {
    match word {
        0 => Ok(None),
        _ => V::ALL.get(word as usize - 1).copied().map(Some).ok_or(()),
    }
}

/// A country word: `1 +` the code's [`CountryCode::slot`] (`26 × first letter + second letter`, letters
/// counted from A), 0 when absent;
/// `Err` unless it names a country Partner Center knows.
fn country(word: u32) -> Result<Option<CountryCode>, ()> {
    match word {
        0 => Ok(None),
        _ => CountryCode::from_slot(word as usize - 1).filter(|code| code.is_known()).map(Some).ok_or(()),
    }
}

/// A boolean word: 0 absent, 1 false, 2 true.
fn flag(word: u32) -> Result<Option<bool>, ()> {
    match word {
        0 => Ok(None),
        1 | 2 => Ok(Some(word == 2)),
        _ => Err(()),
    }
}

/// A programs word: 0 absent; else bit 31 set and, from the lowest bits up, 3 bits per program
/// (`1 + index`) in the order given, repeats already left out.
fn programs(word: u32) -> Result<Option<Vec<Program>>, ()> {
    if word == 0 {
        return Ok(None);
    }
    if word & (1 << 31) == 0 {
        return Err(());
    }
    let mut chosen = Vec::with_capacity(Program::ALL.len());
    let mut rest = word & !(1 << 31);
    while rest != 0 {
        let program = value::<Program>(rest & 7)?.ok_or(())?;
        if chosen.contains(&program) {
            return Err(());
        }
        chosen.push(program);
        rest >>= 3;
    }
    Ok(Some(chosen))
}

/// The numeric form of a query, as the package writes it (the inverse of [`read_query_words`]).
pub fn query_words(query: &Query) -> [u32; QUERY_WORDS] {
    fn index<V: Vocabulary + PartialEq>(value: Option<V>) -> u32 {
        value.and_then(|value| V::ALL.iter().position(|known| *known == value)).map_or(0, |at| at as u32 + 1)
    }
    let country = |code: Option<CountryCode>| code.map_or(0, |code| 1 + code.slot() as u32);
    let flag = |value: Option<bool>| value.map_or(0, |value| 1 + u32::from(value));
    let programs = query
        .partner
        .programs
        .as_ref()
        .map_or(0, |programs| programs.iter().enumerate().fold(1 << 31, |word, (at, program)| word | index(Some(*program)) << (3 * at)));
    let (partner, customer) = (&query.partner, &query.customer);
    [
        query.as_of.digits(),
        country(Some(partner.country)),
        index(Some(partner.model)),
        flag(partner.has_partner_id),
        flag(partner.mpa_signed),
        country(partner.provider_country),
        programs,
        flag(partner.us_gov_validated),
        index(partner.role),
        flag(partner.european_account),
        country(partner.european_tenant_country),
        flag(partner.european_tenant_active),
        country(Some(customer.country)),
        index(Some(customer.segment)),
        index(Some(customer.relation)),
        index(customer.national_cloud_customer),
        index(query.cloud),
        index(query.task),
    ]
}

/// Reads a query from its numeric form, the package's way of sending a query object: `Some` only for a
/// valid query, and then the query its JSON text gives ([`read_valid_query`]). The words, each 0 when
/// the field is absent: `as_of` as `YYYYMMDD`; the partner's `country`, `model`, `has_partner_id`,
/// `mpa_signed`, `provider_country`, `programs`, `us_gov_validated`, `role`, `european_account`,
/// `european_tenant_country`, `european_tenant_active`; the customer's `country`, `segment`,
/// `relation`, `national_cloud_customer`; then `cloud` and `task`. Vocabulary values are `1 + index`
/// in [`query_vocabulary`]; countries, booleans and programs are read by [`country`], [`flag`] and
/// [`programs`].
pub fn read_query_words(words: &[u32]) -> Option<Query> {
    let &[as_of, partner_country, model, has_partner_id, mpa_signed, provider_country, chosen, us_gov_validated, role, european_account, european_tenant_country, european_tenant_active, customer_country, segment, relation, status, cloud, task] =
        words
    else {
        return None;
    };
    let read = || -> Result<Query, ()> {
        let year = as_of / 10_000;
        let as_of = if (1000..=9999).contains(&year) { Day::from_ymd(year as i32, (as_of / 100 % 100) as u8, (as_of % 100) as u8) } else { None };
        let partner = Partner {
            country: country(partner_country)?.ok_or(())?,
            model: value(model)?.ok_or(())?,
            has_partner_id: flag(has_partner_id)?,
            mpa_signed: flag(mpa_signed)?,
            provider_country: country(provider_country)?,
            programs: programs(chosen)?,
            us_gov_validated: flag(us_gov_validated)?,
            role: value(role)?,
            european_account: flag(european_account)?,
            european_tenant_country: country(european_tenant_country)?,
            european_tenant_active: flag(european_tenant_active)?,
        };
        let customer = Customer {
            country: country(customer_country)?.ok_or(())?,
            segment: value(segment)?.ok_or(())?,
            relation: value(relation)?.ok_or(())?,
            national_cloud_customer: value(status)?,
        };
        Ok(Query { api_version: API_VERSION, as_of: as_of.ok_or(())?, partner, customer, cloud: value(cloud)?, task: value(task)? })
    };
    read().ok().filter(|query| contradictions(query).next().is_none())
}

/// What makes two lexicon entries the same: the values, or the addresses of the static texts and
/// table rows they come from. A reason's citation is its rule row's own field, so its address and the
/// outcome name the reason; a note's citation and message key name the note.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Cloud(Cloud),
    Verdict(Verdict),
    Task(Task),
    Fact(Fact),
    Rule(usize),
    Portal(usize),
    Reason(usize, Outcome),
    Action(usize, usize),
    Note(usize, usize),
}

fn address<T: ?Sized>(value: &T) -> usize {
    value as *const T as *const u8 as usize
}

/// The entries sent so far, and the JSON of those not yet fetched.
#[derive(Default)]
pub struct Lexicon {
    index: HashMap<Key, u32, FxBuildHasher>,
    /// The entries of clouds' verdicts (with verdicts only), by cloud, verdict and deciding rules packed
    /// in one number (one cheap hash per cloud of every answer).
    cloud_verdicts: HashMap<u32, u32, FxBuildHasher>,
    /// How many entries there are (indices start at 1).
    count: u32,
    new_entries: Vec<String>,
    errors: Vec<String>,
}

impl Lexicon {
    /// The index of an entry, adding it (and its JSON for the next fetch) when it is new. Indices start at 1.
    fn entry(&mut self, key: Key, value: &impl Serialize) -> u32 {
        match self.index.get(&key) {
            Some(&index) => index,
            None => {
                let index = self.fresh(value);
                self.index.insert(key, index);
                index
            }
        }
    }

    /// Adds a new entry (its JSON goes with the next fetch) and gives its index.
    fn fresh(&mut self, value: &impl Serialize) -> u32 {
        self.new_entries.push(serde_json::to_string(value).unwrap_or_else(|_| "null".into()));
        self.count += 1;
        self.count
    }

    fn list<T>(&mut self, items: &[T], out: &mut Vec<u32>, mut entry: impl FnMut(&mut Self, &T) -> u32) {
        out.push(items.len() as u32);
        for item in items {
            let index = entry(self, item);
            out.push(index);
        }
    }

    fn portal(&mut self, portal: &&'static Portal) -> u32 {
        self.entry(Key::Portal(address(*portal)), portal)
    }

    fn rule(&mut self, rule: &&'static str) -> u32 {
        self.entry(Key::Rule(address(*rule)), rule)
    }

    /// What the query asked (cloud, task) and the count of clouds answered.
    fn asked(&mut self, cloud: Option<Cloud>, task: Option<Task>, clouds: usize, out: &mut Vec<u32>) {
        out.push(cloud.map_or(0, |cloud| self.entry(Key::Cloud(cloud), &cloud)));
        out.push(task.map_or(0, |task| self.entry(Key::Task(task), &task)));
        out.push(clouds as u32);
    }

    /// A cloud's name, verdict and transacting portal.
    fn verdict(&mut self, cloud: Cloud, verdict: Verdict, out: &mut Vec<u32>) {
        let head = [self.entry(Key::Cloud(cloud), &cloud), self.entry(Key::Verdict(verdict), &verdict), self.portal(&transact_portal(cloud))];
        out.extend(head);
    }

    fn note(&mut self, note: &Note) -> u32 {
        self.entry(Key::Note(address(note.citation), address(note.text.key())), note)
    }

    /// Appends a decision in compact form.
    fn decision(&mut self, decision: &Decision, out: &mut Vec<u32>) {
        out.extend([decision.as_of.digits(), decision.documents_up_to.digits()]);
        self.asked(decision.requested_cloud, decision.task, decision.clouds.len(), out);
        for cloud in &decision.clouds {
            self.verdict(cloud.cloud, cloud.verdict, out);
            self.list(&cloud.task_portals, out, Self::portal);
            self.list(&cloud.deciding, out, Self::rule);
            self.list(&cloud.reasons, out, |lexicon, reason: &Reason| lexicon.entry(Key::Reason(address(reason.citation), reason.outcome), reason));
            self.list(&cloud.actions, out, |lexicon, action: &Action| lexicon.entry(Key::Action(address(action.rule), address(action.text.key())), action));
            self.list(&cloud.missing_facts, out, |lexicon, fact| lexicon.entry(Key::Fact(*fact), fact));
            self.list(&cloud.cautions, out, Self::note);
            self.list(&cloud.notes, out, Self::note);
            out.push(cloud.sources_up_to.digits());
        }
    }

    /// Appends each cloud's verdict, portal and deciding rules in compact form (what `engine::verdicts`
    /// reports, written straight from the tallies): one entry per cloud, since few combinations occur.
    fn verdicts(&mut self, query: &Query, out: &mut Vec<u32>) {
        out.push(query.as_of.digits());
        self.asked(query.cloud, query.task, Cloud::EVERY.len(), out);
        for (cloud, tally) in Cloud::EVERY.into_iter().zip(tallies(query)) {
            // Cloud and verdict in the low bits, then each deciding rule's index plus one, 7 bits each.
            let packed = tally
                .deciding_indices()
                .enumerate()
                .fold(cloud as u32 | (tally.verdict() as u32) << 2, |packed, (at, rule)| packed | (rule as u32 + 1) << (4 + 7 * at));
            let entry = match self.cloud_verdicts.get(&packed) {
                Some(&entry) => entry,
                None => {
                    let verdict = CloudVerdict {
                        cloud,
                        verdict: tally.verdict(),
                        portal: transact_portal(cloud),
                        deciding: tally.deciding().map(|rule| rule.id).collect(),
                    };
                    let entry = self.fresh(&verdict);
                    self.cloud_verdicts.insert(packed, entry);
                    entry
                }
            };
            out.push(entry);
        }
    }

    fn record(&mut self, answer: Result<Query, QueryError>, detail: Detail, out: &mut Vec<u32>) {
        match answer {
            Ok(query) => {
                out.push(0);
                match detail {
                    Detail::Full => self.decision(&super::engine::decide(&query), out),
                    Detail::Verdicts => self.verdicts(&query, out),
                }
            }
            Err(error) => {
                out.extend([1, self.errors.len() as u32]);
                self.errors.push(serde_json::to_string(&error).unwrap_or_else(|_| "null".into()));
            }
        }
    }

    /// Decides one query given as JSON text, in compact form; `None` when it is not a valid query as it
    /// stands (the caller then takes the problem-collecting path, which names every problem).
    pub fn decide(&mut self, text: &str, detail: Detail) -> Option<Vec<u32>> {
        let query = read_valid_query(text)?;
        let mut out = Vec::with_capacity(if detail == Detail::Full { 160 } else { 32 });
        out.extend([0, 0]);
        self.record(Ok(query), detail, &mut out);
        self.seal(&mut out);
        Some(out)
    }

    /// Decides queries given in their numeric form ([`QUERY_WORDS`] numbers each, see
    /// [`read_query_words`]), in compact form; a query that is not valid that way gets the record `2`
    /// (the package sends it again as JSON text, for its problems).
    pub fn decide_words(&mut self, words: &[u32], detail: Detail) -> Vec<u32> {
        let mut out = Vec::with_capacity(2 + words.len() / QUERY_WORDS * if detail == Detail::Full { 160 } else { 32 });
        out.extend([0, 0]);
        for query in words.chunks(QUERY_WORDS) {
            match read_query_words(query) {
                Some(query) => self.record(Ok(query), detail, &mut out),
                None => out.push(2),
            }
        }
        self.seal(&mut out);
        out
    }

    fn seal(&self, out: &mut [u32]) {
        out[0] = self.new_entries.len() as u32;
        out[1] = self.errors.len() as u32;
    }

    /// The JSON of the entries added and the errors met since the last call, as `[[entries…],[errors…]]`;
    /// the package fetches it when a reply counts either.
    pub fn take_new(&mut self) -> String {
        let text = format!("[[{}],[{}]]", self.new_entries.join(","), self.errors.join(","));
        self.new_entries.clear();
        self.errors.clear();
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUERY: &str = r#"{"api_version":1,"as_of":"2024-01-01","partner":{"country":"FR","model":"direct_bill","has_partner_id":true,"mpa_signed":false,"programs":["commercial"]},"customer":{"country":"FR","segment":"commercial","relation":"unrelated"}}"#;

    #[test]
    fn a_second_decision_sends_no_new_entries() {
        let mut lexicon = Lexicon::default();
        let first = lexicon.decide(QUERY, Detail::Full).expect("valid");
        assert!(first[0] > 20, "the first decision brings its entries");
        let fetched: serde_json::Value = serde_json::from_str(&lexicon.take_new()).expect("JSON");
        assert_eq!(fetched[0].as_array().map(Vec::len), Some(first[0] as usize));
        let second = lexicon.decide(QUERY, Detail::Full).expect("valid");
        assert_eq!(second[0], 0);
        assert_eq!(first[2..], second[2..], "the same query, the same numbers");
    }

    fn query_words() -> Vec<u32> {
        super::query_words(&read_valid_query(QUERY).expect("valid")).to_vec()
    }

    #[test]
    fn a_query_as_numbers_is_the_query_its_json_gives() {
        assert_eq!(read_query_words(&query_words()), read_valid_query(QUERY));
        let mut lexicon = Lexicon::default();
        let from_text = lexicon.decide(QUERY, Detail::Verdicts).expect("valid");
        let mut words = query_words();
        words.extend([0; QUERY_WORDS]);
        words.extend(query_words());
        let reply = lexicon.decide_words(&words, Detail::Verdicts);
        let record = &from_text[2..];
        assert_eq!(reply[2..2 + record.len()], *record, "the same record as from the text");
        assert_eq!(reply[2 + record.len()], 2, "a query that is no query as numbers is declined");
        assert_eq!(reply[3 + record.len()..], *record);
    }

    #[test]
    fn numbers_out_of_range_are_declined_never_a_panic() {
        for (at, word) in
            [(0, 20240230), (0, 9990101), (1, 677), (1, 27 * 26), (2, 99), (3, 3), (6, 1), (6, (1 << 31) | 0o11), (6, (1 << 31) | 7), (12, 0), (17, 50)]
        {
            let mut words = query_words();
            words[at] = word;
            assert_eq!(read_query_words(&words), None, "word {at} = {word}");
        }
        assert_eq!(read_query_words(&[0; 3]), None);
    }

    #[test]
    fn invalid_queries_take_the_problem_collecting_path() {
        let mut lexicon = Lexicon::default();
        assert!(lexicon.decide(&QUERY.replace("\"FR\"", "\"ZZ\""), Detail::Full).is_none());
        assert!(lexicon.decide("{", Detail::Full).is_none());
    }
}
