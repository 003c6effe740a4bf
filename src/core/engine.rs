//! Applies the rule and note tables to a query. The same pass produces the verdict and its explanation.

use super::age;
use super::decision::{Action, CloudDecision, CloudVerdict, Decision, Note, Outcome, Reason, Verdict, Verdicts};
use super::facts::{Facts, Field, Fields};
use super::messages::Text;
use super::notes::{Shown, NOTES};
use super::portals::{task_portals, transact_portal};
use super::query::{Fact, Query, API_VERSION};
use super::rules::{in_force_on, Check, Rule, RULES, RULES_BY_CLOUD};
use super::vocabulary::Cloud;

/// Version of the rule table; changes whenever a rule, note or market row changes.
pub const RULESET_VERSION: &str = "2026.12.3";

/// Decides every cloud for a query.
pub fn decide(query: &Query) -> Decision {
    let facts = Facts::new(query);
    let in_force = in_force_on(query.as_of);
    Decision {
        api_version: API_VERSION,
        ruleset_version: RULESET_VERSION,
        as_of: query.as_of,
        documents_up_to: age::documents_up_to(),
        requested_cloud: query.cloud,
        task: query.task,
        clouds: Cloud::EVERY.iter().map(|&cloud| decide_cloud(&facts, cloud, in_force)).collect(),
    }
}

/// Decides every cloud for a query, keeping only each verdict, portal and deciding rules: the same
/// pass as [`decide`], without recording the explanation (for callers that ask at volume).
pub fn verdicts(query: &Query) -> Verdicts {
    Verdicts {
        api_version: API_VERSION,
        ruleset_version: RULESET_VERSION,
        as_of: query.as_of,
        requested_cloud: query.cloud,
        task: query.task,
        clouds: Cloud::EVERY
            .into_iter()
            .zip(tallies(query))
            .map(|(cloud, tally)| CloudVerdict {
                cloud,
                verdict: tally.verdict(),
                portal: transact_portal(cloud),
                deciding: tally.deciding().map(|rule| rule.id).collect(),
            })
            .collect(),
    }
}

/// Each cloud's tally (in [`Cloud::EVERY`] order), allocating nothing: what [`verdicts`] reports, for
/// the paths that write it straight out (compact answers, batch files).
pub fn tallies(query: &Query) -> [Tally; 4] {
    let facts = Facts::new(query);
    let in_force = in_force_on(query.as_of);
    Cloud::EVERY.map(|cloud| tally(&facts, cloud, in_force, |_, _, _| {}))
}

/// One cloud's pass over the rules in force for a query, handing each rule that did not skip to `visit`
/// with its outcome and the fields the asker controls that its check read (`as_of` always among them,
/// since the day decides which rules are in force): what the nearest-yes search steers by.
pub fn trace(query: &Query, cloud: Cloud, mut visit: impl FnMut(&'static Rule, Outcome, Fields)) -> Tally {
    let facts = Facts::new(query);
    let in_force = in_force_on(query.as_of);
    tally(&facts, cloud, in_force, |rule, _, outcome| visit(rule, outcome, facts.reads().with(Fields::of(Field::AsOf))))
}

/// The verdict-deciding part of one cloud's pass: the strongest outcome of the rules in force and the
/// first two rules (their indices in [`RULES`]) that came out with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tally {
    strongest: Outcome,
    deciding: [u8; 2],
    count: u8,
    missing: u16,
}

impl Tally {
    /// The verdict.
    pub fn verdict(&self) -> Verdict {
        self.strongest.verdict()
    }

    /// The strongest outcome.
    pub fn strongest(&self) -> Outcome {
        self.strongest
    }

    /// The one or two rules that decided the verdict; none when allowed.
    pub fn deciding(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        self.deciding_indices().map(|index| &RULES[index])
    }

    /// Whether a rule that applied missed `fact` (the facts `decide` lists in `missing_facts`).
    pub fn misses(&self, fact: Fact) -> bool {
        self.missing & 1 << fact as u16 != 0
    }

    /// The deciding rules' indices in [`RULES`].
    pub fn deciding_indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.deciding[..usize::from(self.count)].iter().map(|&index| usize::from(index))
    }
}

/// Runs the rules for `cloud` among those `in_force` (from [`in_force_on`] the facts' day), in table
/// order, combining their outcomes by precedence (fail > unknown > needs action > pass); `explain` sees
/// every rule that did not skip, with its check and outcome. The one pass behind both the verdict and
/// its explanation.
fn tally(facts: &Facts, cloud: Cloud, in_force: u64, mut explain: impl FnMut(&'static Rule, Check, Outcome)) -> Tally {
    let mut tally = Tally { strongest: Outcome::Pass, deciding: [0; 2], count: 0, missing: 0 };
    let mut pending = in_force & RULES_BY_CLOUD[cloud as usize];
    while pending != 0 {
        let index = pending.trailing_zeros() as usize;
        pending &= pending - 1;
        let rule = &RULES[index];
        facts.forget_reads();
        let check = (rule.check)(facts, cloud);
        let outcome = match check {
            Check::Skip => continue,
            Check::Pass | Check::Caution(_) => Outcome::Pass,
            Check::Fail(_) => Outcome::Fail,
            Check::Act(_) => Outcome::NeedsAction,
            Check::Unsettled(_) => Outcome::Unknown,
            Check::Missing(fact) => {
                tally.missing |= 1 << fact as u16;
                Outcome::Unknown
            }
        };
        // The deciding rules: the first two with the strongest outcome so far.
        if outcome.weight() > tally.strongest.weight() {
            tally.strongest = outcome;
            tally.count = 0;
        }
        if outcome == tally.strongest && outcome != Outcome::Pass && tally.count < 2 {
            tally.deciding[usize::from(tally.count)] = index as u8;
            tally.count += 1;
        }
        explain(rule, check, outcome);
    }
    tally
}

fn decide_cloud(facts: &Facts, cloud: Cloud, in_force: u64) -> CloudDecision {
    let day = facts.day();
    let mut reasons = Vec::with_capacity(16);
    let mut cautions = Vec::new();
    // Ways out of failed rules, and steps for rules that need action: a denial shows only the former,
    // and none of them when one of its failed rules has no way out (no action then makes it allowed).
    let mut ways_out = Vec::new();
    let mut dead_end = false;
    let mut steps = Vec::new();
    let tally = tally(facts, cloud, in_force, |rule, check, outcome| {
        match check {
            Check::Caution(key) | Check::Unsettled(key) => cautions.push(Note { id: rule.id, text: Text(key), citation: &rule.citation }),
            Check::Fail(keys) => {
                push_actions(&mut ways_out, rule.id, keys);
                dead_end |= keys.is_empty();
            }
            Check::Act(actions) => push_actions(&mut steps, rule.id, actions.keys()),
            Check::Skip | Check::Pass | Check::Missing(_) => {}
        }
        reasons.push(Reason { rule: rule.id, outcome, text: Text(rule.message()), citation: &rule.citation });
    });
    // The facts the rules missed, each once, in the question's order.
    let missing_facts = Fact::ALL.iter().copied().filter(|&fact| tally.misses(fact)).collect();
    let mut decision = CloudDecision {
        cloud,
        verdict: tally.verdict(),
        portal: transact_portal(cloud),
        task_portals: facts.task().map(|task| task_portals(cloud, task).to_vec()).unwrap_or_default(),
        deciding: tally.deciding().map(|rule| rule.id).collect(),
        reasons,
        actions: match tally.strongest() {
            Outcome::Fail if dead_end => Vec::new(),
            Outcome::Fail => ways_out,
            _ => steps,
        },
        missing_facts,
        cautions,
        notes: Vec::with_capacity(12),
        sources_up_to: age::newest_for(cloud).date,
    };
    for note in NOTES.iter().filter(|note| note.clouds.contains(cloud) && note.effective.holds_on(day)) {
        let entry = Note { id: note.id, text: Text(note.message()), citation: &note.citation };
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
    let oldest = age::oldest_for(cloud);
    if day < oldest.date {
        decision.cautions.push(Note { id: age::SOURCES_BEGIN, text: Text("caution.sources_begin"), citation: oldest });
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
