//! Traceability of the rule table to the five source documents ("seeds", copied in `tests/sources/`).
//!
//! `data/source-map.tsv` lists the normative sentences of the seeds, each with the rules, notes or
//! task-portal rows that carry it. These tests check every quote against the section it names, every
//! carrier against the tables, and every seed citation of a rule or note against the map; they also
//! regenerate `docs/source-map.md`, the reader's view of that coverage.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{source_map, Row};
use csp_eligibility::core::notes::NOTES;
use csp_eligibility::core::portals::TASK_PORTALS;
use csp_eligibility::core::rules::RULES;
use csp_eligibility::core::sources::{cite, source, Citation, Source};
use csp_eligibility::core::{Cloud, Vocabulary};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// The seed documents, in the order the source map and its rendering follow.
static SEEDS: [&str; 5] =
    ["000_6afa813301a98690.txt", "001_0a1de67b1829e173.txt", "002_27d6eb6990a20835.txt", "003_88aa279d84c9d6cf.txt", "004_67f44b5b4431ee71.txt"];

/// The carrier IDs that stand for task-portal rows (`src/core/portals.rs`), with their cloud.
static TASK_PORTAL_CARRIERS: [(&str, Cloud); 2] = [("TASK-PORTALS-GERMANY", Cloud::Germany), ("TASK-PORTALS-US-GOVERNMENT", Cloud::UsGovernment)];

/// One section of a seed file: its anchor, and its text whitespace-collapsed and lowercased.
struct Section {
    anchor: String,
    text: String,
}

/// Seed file name → its sections, for the French `.txt` files and the English `.en.md` extracts.
type Seeds = BTreeMap<String, Vec<Section>>;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

fn exists(relative: &str) -> bool {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative).exists()
}

/// Collapses runs of whitespace to one space and lowercases: the form quotes are compared in.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The seed file a row quotes: the French `.txt`, or for `en` the English `.en.md` extract.
fn seed_file(document: &str, language: &str) -> Option<String> {
    match language {
        "fr" => Some(document.to_string()),
        "en" => document.strip_suffix(".txt").map(|stem| format!("{stem}.en.md")),
        _ => None,
    }
}

/// Splits a seed into sections: each runs from its `<a name="…">` anchor to the next anchor.
fn sections(text: &str) -> Vec<Section> {
    const OPEN: &str = "<a name=\"";
    let starts: Vec<usize> = text.match_indices(OPEN).map(|(at, _)| at).collect();
    starts
        .iter()
        .enumerate()
        .map(|(index, &start)| {
            let end = starts.get(index + 1).copied().unwrap_or(text.len());
            let body = &text[start..end];
            let anchor = body[OPEN.len()..].split('"').next().expect("an anchor name before its closing quote");
            Section { anchor: anchor.to_string(), text: normalize(body) }
        })
        .collect()
}

/// Every seed file in `tests/sources/`: each French `.txt` (required) and English `.en.md` (where there is one).
fn seeds() -> Seeds {
    let mut seeds = Seeds::new();
    for document in SEEDS {
        let english = seed_file(document, "en").expect("seed file names end in .txt");
        for file in [document.to_string(), english] {
            let path = format!("tests/sources/{file}");
            if file == document || exists(&path) {
                seeds.insert(file, sections(&read(&path)));
            }
        }
    }
    seeds
}

/// The section a row quotes, if its document, language and section all exist.
fn quoted_section<'a>(seeds: &'a Seeds, row: &Row) -> Option<&'a Section> {
    let file = seed_file(&row.document, &row.language)?;
    seeds.get(&file)?.iter().find(|section| section.anchor == row.section)
}

/// What is wrong with where a row points, if anything.
fn section_problem(seeds: &Seeds, row: &Row) -> Option<String> {
    if !SEEDS.contains(&row.document.as_str()) {
        return Some(format!("{} is not one of the five seeds", row.document));
    }
    let Some(file) = seed_file(&row.document, &row.language) else {
        return Some(format!("language {:?} is neither fr nor en", row.language));
    };
    let Some(sections) = seeds.get(&file) else {
        return Some(format!("tests/sources/{file} does not exist"));
    };
    let known = sections.iter().any(|section| section.anchor == row.section);
    (!known).then(|| format!("{file} has no section {:?}", row.section))
}

/// The seed document of `SOURCES` with this file name.
fn seed_source(document: &str) -> &'static Source {
    source(document).unwrap_or_else(|| panic!("{document} is missing from SOURCES"))
}

/// The IDs a row may name: every rule and note, and the task-portal carriers whose cloud has a row citing a seed.
fn known_carriers() -> BTreeSet<&'static str> {
    let rules = RULES.iter().map(|rule| rule.id);
    let notes = NOTES.iter().map(|note| note.id);
    let portals = TASK_PORTAL_CARRIERS
        .iter()
        .filter(|(_, cloud)| TASK_PORTALS.iter().any(|row| row.cloud == *cloud && SEEDS.contains(&row.citation.document)))
        .map(|(id, _)| *id);
    rules.chain(notes).chain(portals).collect()
}

/// Every rule and note that cites a section of a seed, with its citation, in table order.
fn seed_citations() -> Vec<(&'static str, Citation)> {
    RULES
        .iter()
        .map(|rule| (rule.id, rule.citation))
        .chain(NOTES.iter().map(|note| (note.id, note.citation)))
        .filter(|(_, citation)| SEEDS.contains(&citation.document) && !citation.section.is_empty())
        .collect()
}

/// Fails listing every offender, when there is any.
fn fail_on(offenders: &[String], what: &str) {
    assert!(offenders.is_empty(), "{what} ({}):\n{}", offenders.len(), offenders.join("\n"));
}

// Guards the map itself: a row must point at a real section of a real seed file.
#[test]
fn every_mapped_section_exists_in_its_seed() {
    let seeds = seeds();
    let offenders: Vec<String> =
        source_map().iter().filter_map(|row| section_problem(&seeds, row).map(|problem| format!("{}: {problem}", row.place()))).collect();
    fail_on(&offenders, "source map rows that point at no section of a seed");
}

// Guards against paraphrase and drift: each quote is the seed's own words, found in the section it names.
#[test]
fn every_quote_is_found_in_its_section() {
    let seeds = seeds();
    let offenders: Vec<String> = source_map()
        .iter()
        .filter(|row| {
            let quote = normalize(&row.quote);
            quote.is_empty() || !quoted_section(&seeds, row).is_some_and(|section| section.text.contains(&quote))
        })
        .map(|row| format!("{}: {:?} is not in that section", row.place(), row.quote))
        .collect();
    fail_on(&offenders, "quotes not found in their section");
}

// Guards against orphan sentences: every listed sentence is carried by a rule, note or task-portal row that exists.
#[test]
fn every_row_names_known_carriers() {
    let known = known_carriers();
    let mut offenders = Vec::new();
    for row in source_map() {
        if row.carried_by.is_empty() {
            offenders.push(format!("{}: {:?} is carried by nothing", row.place(), row.quote));
        }
        for id in row.carried_by.iter().filter(|id| !known.contains(id.as_str())) {
            offenders.push(format!("{}: {id} is no rule, note or seed-cited task-portal row", row.place()));
        }
    }
    fail_on(&offenders, "source map rows with missing or unknown carriers");
}

// Guards citations: a rule or note citing a seed section must be named by a listed sentence of that very section.
#[test]
fn every_seed_citation_points_at_a_section_that_holds_its_subject() {
    let rows = source_map();
    let offenders: Vec<String> = seed_citations()
        .into_iter()
        .filter(|(id, citation)| !rows.iter().any(|row| row.document == citation.document && row.section == citation.section && row.carries(id)))
        .map(|(id, citation)| format!("{id} cites {} but no listed sentence of that section names it", citation.short()))
        .collect();
    fail_on(&offenders, "citations whose section holds no sentence carried by the rule or note");
}

// Guards the source table: SOURCES lists exactly the sections each seed file (and its English extract) has.
#[test]
fn source_table_lists_the_sections_of_each_seed() {
    let offenders: Vec<String> = seeds()
        .iter()
        .filter_map(|(file, sections)| {
            let listed = seed_source(&file.replace(".en.md", ".txt")).sections;
            let actual: Vec<&str> = sections.iter().map(|section| section.anchor.as_str()).collect();
            (actual.as_slice() != listed).then(|| format!("{file} has {actual:?}; SOURCES lists {listed:?}"))
        })
        .collect();
    fail_on(&offenders, "seeds whose sections differ from SOURCES");
}

/// The anchor Microsoft Learn makes of an English heading: lower case, punctuation dropped, each space a hyphen.
fn slug(heading: &str) -> String {
    heading.to_lowercase().chars().filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-').map(|c| if c == ' ' { '-' } else { c }).collect()
}

// Issue 12 point 10: citations show each section's heading in the page's language. Every seed section
// has an English heading that is its anchor's source and a French heading found in that section; every
// seed has its French title.
#[test]
fn every_seed_section_has_its_headings() {
    use csp_eligibility::core::messages::text;
    use csp_eligibility::core::sources::heading;
    use csp_eligibility::core::Lang;
    let seeds = seeds();
    let mut offenders = Vec::new();
    for document in SEEDS {
        let source = seed_source(document);
        let title = cite(source, "").title_in(Lang::Fr);
        if title == source.title || text(&format!("source.{document}"), Lang::En) != source.title {
            offenders.push(format!("{document}: French title {title:?}, English {:?}", text(&format!("source.{document}"), Lang::En)));
        }
        let french = &seeds[document];
        for anchor in source.sections {
            let (Some(english), Some(french_heading)) = (heading(anchor, Lang::En), heading(anchor, Lang::Fr)) else {
                offenders.push(format!("{document}#{anchor}: no heading"));
                continue;
            };
            if slug(english) != *anchor || heading(anchor, Lang::De) != Some(english) {
                offenders.push(format!("{document}#{anchor}: English heading {english:?} makes {:?}", slug(english)));
            }
            let squeeze = |text: &str| normalize(text).replace(' ', "");
            let section = french.iter().find(|section| section.anchor == *anchor).map_or_else(String::new, |section| section.text.replace(' ', ""));
            if !section.contains(&squeeze(french_heading)) {
                offenders.push(format!("{document}#{anchor}: French heading {french_heading:?} is not in the section"));
            }
        }
    }
    fail_on(&offenders, "seed sections without their headings");
}

/// `A`, `B` in code spans, or a dash when there are none.
fn code_list<S: AsRef<str>>(items: &[S]) -> String {
    if items.is_empty() {
        return "—".into();
    }
    items.iter().map(|item| format!("`{}`", item.as_ref())).collect::<Vec<_>>().join(", ")
}

/// One section of the rendering: what cites it, and the sentences listed from it.
fn render_section(out: &mut String, source: &Source, section: &str, citations: &[(&str, Citation)], listed: &[&Row]) {
    let citing: Vec<&str> = citations.iter().filter(|(_, citation)| citation.document == source.id && citation.section == section).map(|(id, _)| *id).collect();
    let portals: Vec<String> = TASK_PORTALS
        .iter()
        .filter(|row| row.citation.document == source.id && row.citation.section == section)
        .map(|row| format!("{}/{}", row.cloud.id(), row.task.id()))
        .collect();
    writeln!(out, "\n### [`{section}`]({}#{section})\n", source.url).expect("write to a String");
    writeln!(out, "- Rules and notes citing it: {}", code_list(&citing)).expect("write to a String");
    writeln!(out, "- Task-portal rows citing it: {}\n", code_list(&portals)).expect("write to a String");
    if listed.is_empty() {
        out.push_str("No sentence listed.\n");
        return;
    }
    out.push_str("| quote | language | carried by |\n|---|---|---|\n");
    for row in listed {
        writeln!(out, "| “{}” | {} | {} |", row.quote.replace('|', "\\|"), row.language, code_list(&row.carried_by)).expect("write to a String");
    }
}

/// The reader's view of `data/source-map.tsv`: per seed and section, what cites it and what it says.
fn render(rows: &[Row]) -> String {
    let citations = seed_citations();
    let mut out = String::from(
        "<!-- Generated from data/source-map.tsv and the rule tables by tests/traceability.rs. Do not edit. -->\n\n\
         # Source map\n\n\
         For each section of the five source documents: the rules, notes and task-portal rows that cite it, and the\n\
         normative sentences listed from it in `data/source-map.tsv` with the IDs that carry them. Quotes are short\n\
         excerpts of Microsoft Partner Center documentation (© Microsoft, CC BY 4.0); see `tests/sources/README.md`.\n",
    );
    let (mut total, mut covered) = (0, 0);
    for document in SEEDS {
        let source = seed_source(document);
        writeln!(out, "\n## [{}]({})\n\n`{}`, version of {}.", source.title, source.url, source.id, source.version_date).expect("write to a String");
        for section in source.sections {
            let listed: Vec<&Row> = rows.iter().filter(|row| row.document == document && row.section == *section).collect();
            total += 1;
            covered += usize::from(!listed.is_empty());
            render_section(&mut out, source, section, &citations, &listed);
        }
    }
    writeln!(out, "\n---\n\n{} sentences listed; {covered} of {total} sections covered.", rows.len()).expect("write to a String");
    out
}

// Keeps the human-readable coverage report in step with the map and the rule tables.
#[test]
fn docs_source_map_is_current() {
    let stale = common::refresh("docs/source-map.md", &render(&source_map()));
    assert!(!stale, "regenerated docs/source-map.md; commit it");
}

// Issue 12 point 10: links go to the documentation in the page's locale, at the cited section; pages
// outside Microsoft Learn keep their address.
#[test]
fn citations_link_to_the_page_in_the_readers_locale() {
    use csp_eligibility::core::sources::{ENROLLMENT, EU_WITHDRAWAL};
    use csp_eligibility::core::Lang;
    let get_started = cite(&ENROLLMENT, "get-started");
    assert_eq!(get_started.href(Lang::Fr), "https://learn.microsoft.com/fr-fr/partner-center/enrolling-in-the-csp-program#get-started");
    assert_eq!(get_started.href(Lang::De), "https://learn.microsoft.com/de-de/partner-center/enrolling-in-the-csp-program#get-started");
    assert_eq!(get_started.heading_in(Lang::Fr), Some("Prise en main"));
    assert_eq!(get_started.title_in(Lang::De), "Enroll in the Cloud Solution Provider program");
    assert_eq!(cite(&EU_WITHDRAWAL, "").href(Lang::Fr), EU_WITHDRAWAL.url);
}
