//! The rule catalog: every rule and note of the tables, with its dates, message and citation, as data
//! for the catalog view, the JS API and the docs.

use super::day::{Day, Effective};
use super::engine::RULESET_VERSION;
use super::messages::{text, Lang};
use super::notes::{Shown, NOTES};
use super::rules::RULES;
use super::sources::{heading, Citation, Source, SOURCES};
use super::vocabulary::Clouds;
use serde::Serialize;

/// Whether a catalog entry can change a verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A rule: it can pass, fail, ask for an action or a fact.
    Rule,
    /// A caution shown when the query's facts make it relevant.
    Caution,
    /// A standing note about a cloud.
    Note,
}

/// One rule or note, as the catalog lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CatalogEntry {
    /// Identifier.
    pub id: &'static str,
    /// Rule, caution or note.
    pub kind: EntryKind,
    /// The clouds it applies to.
    pub clouds: Clouds,
    /// The days it is in force.
    pub effective: Effective,
    /// Message key.
    pub message_key: &'static str,
    /// The message in the catalog's language.
    pub message: &'static str,
    /// Where it comes from.
    pub citation: Citation,
    /// The cited document's title in the catalog's language (French for the French seeds).
    pub source_title: &'static str,
    /// The cited section's heading in the catalog's language; absent for a page cited as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section_heading: Option<&'static str>,
    /// The cited page in the catalog's language's locale, at the cited section.
    pub source_url: String,
    /// Date of the cited document's version.
    pub source_date: Day,
    /// For a rule: at how many points of the exhaustive input space it applied, and at how many it did not pass.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<(u64, u64)>,
}

mod coverage_table {
    include!("coverage_table.rs");
}

/// How often a rule applied and fired in the exhaustive analysis (`tests/exhaustive.rs`).
pub fn coverage(rule: &str) -> Option<(u64, u64)> {
    coverage_table::COVERAGE.iter().find(|(id, _, _)| *id == rule).map(|(_, applied, fired)| (*applied, *fired))
}

/// The whole catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Catalog {
    /// Version of the rule table.
    pub ruleset_version: &'static str,
    /// Every rule, then every note, in table order.
    pub entries: Vec<CatalogEntry>,
    /// The documents citations point into, with titles, public URLs and section anchors.
    pub sources: &'static [Source],
    /// For every section of every document (or the whole page, for pages cited as a whole), the rules and
    /// notes that cite it: the documents' coverage at a glance.
    pub source_map: Vec<SourceSection>,
}

/// One section of a source document and what cites it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct SourceSection {
    /// The document's identifier.
    pub document: &'static str,
    /// The section anchor; empty for a page cited as a whole.
    pub section: &'static str,
    /// The section's heading in the catalog's language; absent for a page cited as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<&'static str>,
    /// The rules and notes citing it, in table order; empty when nothing rests on it.
    pub cited_by: Vec<&'static str>,
}

/// Every section of every source with the rules and notes that cite it, in the sources' order, with
/// headings in `lang`.
pub fn source_map(lang: Lang) -> Vec<SourceSection> {
    let citations: Vec<(&'static str, &Citation)> =
        RULES.iter().map(|rule| (rule.id, &rule.citation)).chain(NOTES.iter().map(|note| (note.id, &note.citation))).collect();
    let whole_page: &[&str] = &[""];
    SOURCES
        .iter()
        .flat_map(|source| {
            let sections = if source.sections.is_empty() { whole_page } else { source.sections };
            sections.iter().map(move |section| (source.id, *section))
        })
        .map(|(document, section)| SourceSection {
            document,
            section,
            heading: heading(section, lang),
            cited_by: citations.iter().filter(|(_, c)| c.document == document && c.section == section).map(|(id, _)| *id).collect(),
        })
        .collect()
}

/// The catalog, with messages in `lang`.
pub fn catalog(lang: Lang) -> Catalog {
    let rules = RULES.iter().map(|rule| CatalogEntry {
        id: rule.id,
        kind: EntryKind::Rule,
        clouds: rule.clouds,
        effective: rule.effective,
        message_key: rule.message(),
        message: text(rule.message(), lang),
        citation: rule.citation,
        source_title: rule.citation.title_in(lang),
        section_heading: rule.citation.heading_in(lang),
        source_url: rule.citation.href(lang),
        source_date: rule.citation.date,
        coverage: coverage(rule.id),
    });
    let notes = NOTES.iter().map(|note| CatalogEntry {
        id: note.id,
        kind: if matches!(note.shown, Shown::CautionWhen(_)) { EntryKind::Caution } else { EntryKind::Note },
        clouds: note.clouds,
        effective: note.effective,
        message_key: note.message(),
        message: text(note.message(), lang),
        citation: note.citation,
        source_title: note.citation.title_in(lang),
        section_heading: note.citation.heading_in(lang),
        source_url: note.citation.href(lang),
        source_date: note.citation.date,
        coverage: None,
    });
    Catalog { ruleset_version: RULESET_VERSION, entries: rules.chain(notes).collect(), sources: SOURCES, source_map: source_map(lang) }
}
