//! The answer: one decision per cloud, each with its verdict, portals, reasons, actions and notes.

use super::day::Day;
use super::messages::Text;
use super::portals::Portal;
use super::query::Fact;
use super::sources::Citation;
use super::vocabulary::{Cloud, Task};
use serde::Serialize;

/// The answer to a query: a decision for every cloud.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Decision {
    /// Contract version.
    pub api_version: u32,
    /// Version of the rule table that produced the answer.
    pub ruleset_version: &'static str,
    /// The day the answer is for.
    pub as_of: Day,
    /// The date of the newest document the ruleset rests on; later changes are not included.
    pub documents_up_to: Day,
    /// The cloud the query asked about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requested_cloud: Option<Cloud>,
    /// The task the query asked about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<Task>,
    /// One decision per cloud, in the order of [`Cloud`].
    pub clouds: Vec<CloudDecision>,
}

/// Whether the partner can sell in one cloud.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every rule passes.
    Allowed,
    /// A rule fails and the partner cannot change that.
    Denied,
    /// Prerequisites the partner can fulfil are missing; see the actions.
    NeedsAction,
    /// A fact some rule needs is missing (see `missing_facts`), or the documents do not settle the
    /// question (a caution says where they are silent or disagree).
    Unknown,
}

/// How one rule came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The rule is satisfied.
    Pass,
    /// The rule is broken.
    Fail,
    /// The rule is not yet satisfied; the partner can act.
    NeedsAction,
    /// The rule needs a fact the query does not give, or the documents do not settle it.
    Unknown,
}

impl Verdict {
    /// The verdict's id, as JSON writes it (`allowed`, `denied`, `needs_action`, `unknown`).
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Allowed => "allowed",
            Verdict::Denied => "denied",
            Verdict::NeedsAction => "needs_action",
            Verdict::Unknown => "unknown",
        }
    }
}

impl Outcome {
    /// The verdict a cloud gets when this is its strongest outcome.
    pub fn verdict(self) -> Verdict {
        match self {
            Outcome::Pass => Verdict::Allowed,
            Outcome::Fail => Verdict::Denied,
            Outcome::NeedsAction => Verdict::NeedsAction,
            Outcome::Unknown => Verdict::Unknown,
        }
    }

    /// Precedence when outcomes combine: a failure decides, then a missing fact, then an action.
    pub fn weight(self) -> u8 {
        match self {
            Outcome::Pass => 0,
            Outcome::NeedsAction => 1,
            Outcome::Unknown => 2,
            Outcome::Fail => 3,
        }
    }
}

/// One rule applied to the query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Reason {
    /// Rule identifier.
    pub rule: &'static str,
    /// How it came out.
    pub outcome: Outcome,
    /// The rule's statement (`message_key`, and `message` in English).
    #[serde(flatten)]
    pub text: Text,
    /// Where the rule comes from.
    pub citation: &'static Citation,
}

/// Something the partner can do to turn the answer into yes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Action {
    /// The rule that asks for it.
    pub rule: &'static str,
    /// What to do (`message_key`, and `message` in English).
    #[serde(flatten)]
    pub text: Text,
}

/// A caution or standing note: true and worth knowing, but not a condition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Note {
    /// Note identifier.
    pub id: &'static str,
    /// The note (`message_key`, and `message` in English).
    #[serde(flatten)]
    pub text: Text,
    /// Where it comes from.
    pub citation: &'static Citation,
}

/// The decision for one cloud.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CloudDecision {
    /// The cloud.
    pub cloud: Cloud,
    /// Allowed, denied, needs action or unknown.
    pub verdict: Verdict,
    /// The Partner Center instance to transact in.
    pub portal: &'static Portal,
    /// Where to do the asked task; empty when no task was asked or the task does not apply here.
    pub task_portals: Vec<&'static Portal>,
    /// The one or two rules that decided the verdict (failed rules for a denial, pending steps for
    /// needs-action, the rules missing a fact or left unsettled for unknown); empty when allowed.
    pub deciding: Vec<&'static str>,
    /// Every rule that applied, in table order.
    pub reasons: Vec<Reason>,
    /// What would turn the answer into yes.
    pub actions: Vec<Action>,
    /// Facts the query left out that a rule needs.
    pub missing_facts: Vec<Fact>,
    /// Warnings raised by the query's facts.
    pub cautions: Vec<Note>,
    /// Standing facts about this cloud.
    pub notes: Vec<Note>,
    /// The date of this cloud's newest source; an answer dated later carries the caution `NOTE-SOURCES-END`.
    pub sources_up_to: Day,
}

impl Decision {
    /// The decision for `cloud`.
    pub fn cloud(&self, cloud: Cloud) -> &CloudDecision {
        // INVARIANT: `clouds` holds every cloud, in `Cloud::ALL` order.
        &self.clouds[cloud as usize]
    }
}

/// The short answer: each cloud's verdict, portal and deciding rules, without the explanations
/// (what `decide(query, { detail: 'verdicts' })` returns).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Verdicts {
    /// Contract version.
    pub api_version: u32,
    /// Version of the rule table that produced the answer.
    pub ruleset_version: &'static str,
    /// The day the answer is for.
    pub as_of: Day,
    /// The cloud the query asked about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requested_cloud: Option<Cloud>,
    /// The task the query asked about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<Task>,
    /// One verdict per cloud, in the order of [`Cloud`].
    pub clouds: Vec<CloudVerdict>,
}

/// One cloud's verdict, portal and deciding rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CloudVerdict {
    /// The cloud.
    pub cloud: Cloud,
    /// Allowed, denied, needs action or unknown.
    pub verdict: Verdict,
    /// The Partner Center instance to transact in.
    pub portal: &'static Portal,
    /// The one or two rules that decided the verdict; empty when allowed.
    pub deciding: Vec<&'static str>,
}

impl From<Decision> for Verdicts {
    fn from(decision: Decision) -> Verdicts {
        Verdicts {
            api_version: decision.api_version,
            ruleset_version: decision.ruleset_version,
            as_of: decision.as_of,
            requested_cloud: decision.requested_cloud,
            task: decision.task,
            clouds: decision
                .clouds
                .into_iter()
                .map(|cloud| CloudVerdict { cloud: cloud.cloud, verdict: cloud.verdict, portal: cloud.portal, deciding: cloud.deciding })
                .collect(),
        }
    }
}

impl From<&Decision> for Verdicts {
    fn from(decision: &Decision) -> Verdicts {
        decision.clone().into()
    }
}
