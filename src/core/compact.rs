//! The compact form of answers, for the JS package: every static part of a decision (ids, dates,
//! portals, reasons, actions, notes) is an index into a lexicon that grows as new parts appear, so a
//! decision crosses the wasm boundary as a few dozen numbers. Only the parts never sent before cross as
//! JSON; the package keeps them as shared, frozen objects and assembles the documented objects.
//!
//! The numbers, in order (`list` is a count followed by that many indices; index 0 means absent):
//! - a reply: the count of new lexicon entries, the count of errors, then one record per query;
//! - a record: `0` and a decision (or verdicts), or `1` and the index of its `QueryError`;
//! - a decision: `as_of`, `documents_up_to`, `requested_cloud`, `task`, the count of clouds, then per
//!   cloud `cloud`, `verdict`, `portal`, list `task_portals`, list `deciding`, list `reasons`, list
//!   `actions`, list `missing_facts`, list `cautions`, list `notes`, `sources_up_to`;
//! - verdicts: `as_of`, `requested_cloud`, `task`, the count of clouds, then per cloud `cloud`,
//!   `verdict`, `portal`, list `deciding`.
//!
//! Days are not entries (a batch may hold any number of them): they are the number `YYYYMMDD`.

use super::decision::{Action, Decision, Note, Outcome, Reason, Verdict, Verdicts};
use super::parse::{parse_query_str, read_valid_query, QueryError};
use super::portals::Portal;
use super::query::{Fact, Query};
use super::vocabulary::{Cloud, Task};
use rustc_hash::FxBuildHasher;
use std::collections::HashMap;
use serde::Serialize;

/// How much of each answer to send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// The whole decision, with every reason, action and note.
    Full,
    /// Each cloud's verdict, portal and deciding rules.
    Verdicts,
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
    new_entries: Vec<String>,
    errors: Vec<String>,
}

impl Lexicon {
    /// The index of an entry, adding it (and its JSON for the next fetch) when it is new. Indices start at 1.
    fn entry(&mut self, key: Key, value: &impl Serialize) -> u32 {
        let next = self.index.len() as u32 + 1;
        *self.index.entry(key).or_insert_with(|| {
            self.new_entries.push(serde_json::to_string(value).unwrap_or_else(|_| "null".into()));
            next
        })
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

    /// A cloud's name, verdict and portal.
    fn verdict(&mut self, cloud: Cloud, verdict: Verdict, portal: &'static Portal, out: &mut Vec<u32>) {
        let head = [self.entry(Key::Cloud(cloud), &cloud), self.entry(Key::Verdict(verdict), &verdict), self.portal(&portal)];
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
            self.verdict(cloud.cloud, cloud.verdict, cloud.portal, out);
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

    /// Appends each cloud's verdict, portal and deciding rules in compact form.
    fn verdicts(&mut self, decision: &Verdicts, out: &mut Vec<u32>) {
        out.push(decision.as_of.digits());
        self.asked(decision.requested_cloud, decision.task, decision.clouds.len(), out);
        for cloud in &decision.clouds {
            self.verdict(cloud.cloud, cloud.verdict, cloud.portal, out);
            self.list(&cloud.deciding, out, Self::rule);
        }
    }

    fn record(&mut self, answer: Result<Query, QueryError>, detail: Detail, out: &mut Vec<u32>) {
        match answer {
            Ok(query) => {
                out.push(0);
                match detail {
                    Detail::Full => self.decision(&super::engine::decide(&query), out),
                    Detail::Verdicts => self.verdicts(&super::engine::verdicts(&query), out),
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

    /// Decides every query of a JSON array (each element a query object, or a string holding one), in
    /// compact form; a bad element gets its `QueryError` and the others are decided.
    pub fn decide_many(&mut self, text: &str, detail: Detail) -> Vec<u32> {
        let mut out = vec![0, 0];
        match serde_json::from_str::<Vec<&serde_json::value::RawValue>>(text) {
            Ok(elements) => {
                out.reserve(elements.len() * if detail == Detail::Full { 160 } else { 32 });
                for element in elements {
                    let held: Option<String> = element.get().starts_with('"').then(|| serde_json::from_str(element.get()).ok()).flatten();
                    let text = held.as_deref().unwrap_or(element.get());
                    let answer = read_valid_query(text).map_or_else(|| parse_query_str(text), Ok);
                    self.record(answer, detail, &mut out);
                }
            }
            Err(_) => {
                let not_a_list = super::parse::Problem::new("", "error.wrong_type", String::new(), vec![
                    super::parse::Fill::Key("error.type_array"),
                    super::parse::Fill::Key("error.type_object"),
                ]);
                self.record(Err(QueryError { api_version: super::query::API_VERSION, problems: vec![not_a_list] }), detail, &mut out);
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

    #[test]
    fn bad_elements_get_their_error_and_the_others_are_decided() {
        let mut lexicon = Lexicon::default();
        let many = format!(r#"[{QUERY}, {{"api_version":1}}, {}]"#, serde_json::to_string(QUERY).expect("string"));
        let reply = lexicon.decide_many(&many, Detail::Verdicts);
        assert_eq!(reply[1], 1, "one error");
        let fetched: serde_json::Value = serde_json::from_str(&lexicon.take_new()).expect("JSON");
        assert!(fetched[1][0]["problems"].as_array().is_some_and(|problems| problems.len() >= 3));
        // Verdicts: tag, as_of, cloud, task, 4 (clouds), then 4 × (cloud, verdict, portal, count, deciding…).
        let record_len = |at: usize| {
            assert_eq!(reply[at + 4], 4);
            let mut end = at + 5;
            for _ in 0..4 {
                end += 4 + reply[end + 3] as usize;
            }
            end - at
        };
        let first = 2;
        let second = first + record_len(first);
        assert_eq!(reply[second..second + 2], [1, 0], "the bad element's record names its error");
        let third = second + 2;
        assert_eq!(reply[first..second], reply[third..third + record_len(third)], "a query given as a string is read too");
    }

    #[test]
    fn invalid_queries_take_the_problem_collecting_path() {
        let mut lexicon = Lexicon::default();
        assert!(lexicon.decide(&QUERY.replace("\"FR\"", "\"ZZ\""), Detail::Full).is_none());
        assert!(lexicon.decide("{", Detail::Full).is_none());
    }
}
