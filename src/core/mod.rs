//! The rules core: pure Rust, no yew, web-sys or gloo. It turns a [`Query`] into a [`Decision`] for
//! every cloud, explains it with cited reasons, and lists its own rules as a [`Catalog`].

pub mod age;
pub mod batch;
pub mod catalog;
pub mod change_days;
pub mod compact;
pub mod day;
pub mod decision;
pub mod engine;
pub mod facts;
pub mod flat;
pub mod jurisdictions;
pub mod markets;
pub mod messages;
pub mod nearest;
pub mod notes;
pub mod parse;
pub mod portals;
pub mod query;
pub mod rules;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod sources;
pub mod timeline;
pub mod vocabulary;

pub use catalog::{catalog, Catalog, CatalogEntry};
pub use day::Day;
pub use decision::{CloudDecision, CloudVerdict, Decision, Outcome, Verdict, Verdicts};
pub use engine::{decide, verdicts, RULESET_VERSION};
pub use markets::CountryCode;
pub use messages::Lang;
pub use nearest::{nearest, Nearest};
pub use parse::{parse_query, parse_query_str, read_valid_query, Problem, QueryError};
pub use query::{Customer, Fact, Partner, Query, API_VERSION};
pub use timeline::{timeline, Timeline};
pub use vocabulary::{Cloud, PartnerModel, Program, Relation, Role, Segment, Task, Vocabulary};

/// Parses JSON text and decides it: the one-call entry point of the JSON contract.
///
/// # Errors
/// Returns every problem of the query, each with its JSON path.
pub fn decide_json(text: &str) -> Result<Decision, QueryError> {
    parse_query_str(text).map(|query| decide(&query))
}
