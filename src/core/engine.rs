//! Applies the rule and note tables to a query. The same pass produces the verdict and its explanation.

use super::age;
use super::decision::{Action, CloudDecision, Decision, Note, Outcome, Reason, Verdict, Verdicts};
use super::facts::Facts;
use super::messages::Text;
use super::notes::{Shown, NOTES};
use super::portals::{task_portals, transact_portal};
use super::query::{Query, API_VERSION};
use super::rules::{Check, RULES};
use super::vocabulary::{Cloud, Vocabulary};

/// Version of the rule table; changes whenever a rule, note or market row changes.
pub const RULESET_VERSION: &str = "2026.12.1";

/// Decides every cloud for a query.
pub fn decide(query: &Query) -> Decision {
    decide_with(query, Explain::All)
}

/// Decides every cloud for a query, keeping only each verdict, portal and deciding rules: the same
/// pass as [`decide`], without recording the explanation (for callers that ask at volume).
pub fn verdicts(query: &Query) -> Verdicts {
    Verdicts::from(decide_with(query, Explain::DecidingOnly))
}

/// How much of the explanation a pass records.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Explain {
    /// Every reason, action, missing fact, caution and note.
    All,
    /// Only the deciding rules.
    DecidingOnly,
}

fn decide_with(query: &Query, explain: Explain) -> Decision {
    let facts = Facts::new(query);
    Decision {
        api_version: API_VERSION,
        ruleset_version: RULESET_VERSION,
        as_of: query.as_of,
        documents_up_to: age::documents_up_to(),
        requested_cloud: query.cloud,
        task: query.task,
        clouds: Cloud::ALL.iter().map(|&cloud| decide_cloud(&facts, cloud, explain)).collect(),
    }
}

fn decide_cloud(facts: &Facts, cloud: Cloud, explain: Explain) -> CloudDecision {
    let day = facts.day();
    let all = explain == Explain::All;
    let mut decision = CloudDecision {
        cloud,
        verdict: Verdict::Allowed,
        portal: transact_portal(cloud),
        task_portals: facts.task().filter(|_| all).map(|task| task_portals(cloud, task).to_vec()).unwrap_or_default(),
        deciding: Vec::new(),
        reasons: Vec::with_capacity(if all { 16 } else { 0 }),
        actions: Vec::new(),
        missing_facts: Vec::new(),
        cautions: Vec::new(),
        notes: Vec::with_capacity(if all { 12 } else { 0 }),
        sources_up_to: age::newest_for(cloud).date,
    };
    let mut strongest = Outcome::Pass;
    // Ways out of failed rules, and steps for rules that need action: a denial shows only the former,
    // and none of them when one of its failed rules has no way out (no action then makes it allowed).
    let mut ways_out = Vec::new();
    let mut dead_end = false;
    let mut steps = Vec::new();
    for rule in RULES.iter().filter(|rule| rule.applies(cloud, day)) {
        let outcome = match (rule.check)(facts, cloud) {
            Check::Skip => continue,
            Check::Pass => Outcome::Pass,
            Check::Caution(key) => {
                if all {
                    decision.cautions.push(Note { id: rule.id, text: Text(key), citation: &rule.citation });
                }
                Outcome::Pass
            }
            Check::Fail(keys) => {
                if all {
                    push_actions(&mut ways_out, rule.id, keys);
                    dead_end |= keys.is_empty();
                }
                Outcome::Fail
            }
            Check::Act(actions) => {
                if all {
                    push_actions(&mut steps, rule.id, &actions);
                }
                Outcome::NeedsAction
            }
            Check::Unsettled(key) => {
                if all {
                    decision.cautions.push(Note { id: rule.id, text: Text(key), citation: &rule.citation });
                }
                Outcome::Unknown
            }
            Check::Missing(fact) => {
                if all && !decision.missing_facts.contains(&fact) {
                    decision.missing_facts.push(fact);
                }
                Outcome::Unknown
            }
        };
        // The deciding rules: the first two with the strongest outcome so far.
        if outcome.weight() > strongest.weight() {
            strongest = outcome;
            decision.deciding.clear();
        }
        if outcome == strongest && outcome != Outcome::Pass && decision.deciding.len() < 2 {
            decision.deciding.push(rule.id);
        }
        if all {
            decision.reasons.push(Reason { rule: rule.id, outcome, text: Text(rule.message), citation: &rule.citation });
        }
    }
    decision.verdict = strongest.verdict();
    if !all {
        return decision;
    }
    decision.actions = match strongest {
        Outcome::Fail if dead_end => Vec::new(),
        Outcome::Fail => ways_out,
        _ => steps,
    };
    for note in NOTES.iter().filter(|note| note.clouds.contains(cloud) && note.effective.holds_on(day)) {
        let entry = Note { id: note.id, text: Text(note.message), citation: &note.citation };
        match note.shown {
            Shown::Always => decision.notes.push(entry),
            Shown::NoteWhen(relevant) if relevant(facts) => decision.notes.push(entry),
            Shown::CautionWhen(relevant) if relevant(facts) => decision.cautions.push(entry),
            Shown::NoteWhen(_) | Shown::CautionWhen(_) => {}
        }
    }
    let newest = age::newest_for(cloud);
    if day > newest.date {
        decision.cautions.push(Note { id: age::SOURCES_END, text: Text("caution.sources_end"), citation: newest });
    }
    decision
}

fn push_actions(actions: &mut Vec<Action>, rule: &'static str, keys: &[&'static str]) {
    for &key in keys {
        if !actions.iter().any(|action| action.text.key() == key) {
            actions.push(Action { rule, text: Text(key) });
        }
    }
}
