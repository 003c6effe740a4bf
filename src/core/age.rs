//! How recent the documents behind the rules are: the newest source of the whole ruleset, and of each
//! cloud's own rules and notes (those that are not about every cloud). An answer dated later than a
//! cloud's newest source says so in a caution, since later changes are not in the tables.

use super::day::Day;
use super::notes::NOTES;
use super::rules::RULES;
use super::sources::{Citation, SOURCES};
use super::vocabulary::{Cloud, Clouds, Vocabulary};
use std::sync::OnceLock;

/// Identifier of the caution an answer dated after its cloud's newest source carries.
pub const SOURCES_END: &str = "NOTE-SOURCES-END";

/// The day of the newest document the ruleset rests on.
pub fn documents_up_to() -> Day {
    SOURCES.iter().map(|source| source.version_date).fold(SOURCES[0].version_date, Day::max)
}

/// The newest citation among the rules and notes about `cloud` in particular: the cloud's newest source.
pub fn newest_for(cloud: Cloud) -> &'static Citation {
    static NEWEST: OnceLock<Vec<&'static Citation>> = OnceLock::new();
    let newest = NEWEST.get_or_init(|| {
        Cloud::ALL
            .iter()
            .map(|&cloud| {
                let own = |clouds: Clouds| clouds.contains(cloud) && clouds != Clouds::ALL;
                RULES
                    .iter()
                    .filter(|rule| own(rule.clouds))
                    .map(|rule| &rule.citation)
                    .chain(NOTES.iter().filter(|note| own(note.clouds)).map(|note| &note.citation))
                    .max_by_key(|citation| citation.date)
                    .unwrap_or(&RULES[0].citation)
            })
            .collect()
    });
    newest[cloud as usize]
}
