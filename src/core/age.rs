//! How recent the documents behind the rules are: the newest source of the whole ruleset, and of each
//! cloud's own rules and notes (those that are not about every cloud), and each cloud's earliest. An answer
//! dated later than a cloud's newest source says so in a caution, since later changes are not in the
//! tables; one dated before its earliest source says so too, since the program may have differed then.

use super::day::Day;
use super::notes::NOTES;
use super::rules::RULES;
use super::sources::{Citation, SOURCES};
use super::vocabulary::{Cloud, Clouds, Vocabulary};
use std::sync::OnceLock;

/// Identifier of the caution an answer dated after its cloud's newest source carries.
pub const SOURCES_END: &str = "NOTE-SOURCES-END";

/// Identifier of the caution an answer dated before its cloud's earliest source carries.
pub const SOURCES_BEGIN: &str = "NOTE-SOURCES-BEGIN";

/// The day of the newest document the ruleset rests on.
pub fn documents_up_to() -> Day {
    SOURCES.iter().map(|source| source.version_date).fold(SOURCES[0].version_date, Day::max)
}

/// The newest citation among the rules and notes about `cloud` in particular: the cloud's newest source.
pub fn newest_for(cloud: Cloud) -> &'static Citation {
    own_bounds()[cloud as usize].1
}

/// The oldest citation among the rules and notes about `cloud` in particular: the cloud's earliest source.
pub fn oldest_for(cloud: Cloud) -> &'static Citation {
    own_bounds()[cloud as usize].0
}

/// Per cloud, the oldest and the newest citation of its own rules and notes.
fn own_bounds() -> &'static [(&'static Citation, &'static Citation)] {
    static BOUNDS: OnceLock<Vec<(&'static Citation, &'static Citation)>> = OnceLock::new();
    BOUNDS.get_or_init(|| {
        Cloud::ALL
            .iter()
            .map(|&cloud| {
                let own = |clouds: Clouds| clouds.contains(cloud) && clouds != Clouds::ALL;
                let citations = || {
                    RULES
                        .iter()
                        .filter(move |rule| own(rule.clouds))
                        .map(|rule| &rule.citation)
                        .chain(NOTES.iter().filter(move |note| own(note.clouds)).map(|note| &note.citation))
                };
                let oldest = citations().min_by_key(|citation| citation.date).unwrap_or(&RULES[0].citation);
                let newest = citations().max_by_key(|citation| citation.date).unwrap_or(&RULES[0].citation);
                (oldest, newest)
            })
            .collect()
    })
}
