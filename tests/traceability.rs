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

/// The `language` of a row quoting the reference notes (`tests/sources/reference-notes.md`) about a later
/// page, rather than a seed; its `document` is the page's identifier in `SOURCES` and its `section` empty.
const REFERENCE: &str = "ref";

/// How the reference notes tag each later page the rules cite (`[EN23:<path>]`, `[FR-sxs:<path>]`,
/// `[web:<url>]`): the parts of a tag that name it, lowercased. The notes' list of countries in no market
/// (§1.4) is their own comparison of the regional lists, and says so.
static REFERENCE_TAGS: [(&str, &[&str]); 21] = [
    ("announcements-2020-february", &["announcements/2020-february.md"]),
    ("enrolling-in-the-csp-program", &["en23:enrolling-in-the-csp-program.md"]),
    ("indirect-reseller-tasks-in-partner-center", &["en23:indirect-reseller-tasks-in-partner-center.md"]),
    ("direct-partner-new-requirements", &["direct-partner-new-requirements.md"]),
    ("new-indirect-reseller-requirement", &["new-indirect-reseller-requirement.md"]),
    ("request-a-relationship-with-a-customer", &["en23:request-a-relationship-with-a-customer.md"]),
    ("purchase-azure-plan", &["purchase-azure-plan.md"]),
    ("regional-authorization-overview", &["regional-authorization-overview.md", "i compared the regional lists"]),
    ("announcements-2023-august", &["august-2023/csp-program-guide-update.md"]),
    ("csp-national-clouds-overview", &["csp-national-clouds-overview.md"]),
    ("developing-for-partner-center-for-microsoft-national-cloud", &["developer/developing-for-partner-center-for-microsoft-national-cloud.md"]),
    ("announcements-2021-may", &["announcements/2021-may.md"]),
    ("partner-center-for-microsoft-us-govt-cloud", &["en23:partner-center-for-microsoft-us-govt-cloud.md"]),
    ("germany-developer-guide", &["germany/germany-developer-guide"]),
    ("environmentname-azuregermancloud", &["environmentname.azuregermancloud"]),
    ("microsoft-ceasing-new-sales-in-russia", &["microsoft-is-ceasing-all-new-sales-in-russia"]),
    ("china-enrolling-in-the-csp-program", &["archive/china-enrolling-in-the-csp-program.md"]),
    ("permissions-overview", &["permissions-overview.md"]),
    ("add-a-new-customer", &["add-a-new-customer.md"]),
    ("create-a-new-subscription", &["create-a-new-subscription.md"]),
    ("transition-direct-to-indirect", &["transition-direct-to-indirect.md"]),
];

/// Cited pages the reference notes do not cover, each with what stands for it instead.
static OUTSIDE_THE_NOTES: [(&str, &str); 1] = [("eu-withdrawal-agreement", "the treaty's own text: the withdrawal took effect on 2020-02-01")];

/// The carrier IDs that stand for task-portal rows (`src/core/portals.rs`), with their cloud.
static TASK_PORTAL_CARRIERS: [(&str, Cloud); 3] =
    [("TASK-PORTALS-GERMANY", Cloud::Germany), ("TASK-PORTALS-US-GOVERNMENT", Cloud::UsGovernment), ("TASK-PORTALS-21VIANET", Cloud::Vianet21)];

/// The carrier ID standing for a cloud's task-portal rows.
fn task_portal_carrier(cloud: Cloud) -> &'static str {
    TASK_PORTAL_CARRIERS.iter().find(|(_, of)| *of == cloud).map_or("TASK-PORTALS-?", |(id, _)| *id)
}

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

/// The IDs a row may name: every rule and note, and the task-portal carriers whose cloud has rows.
fn known_carriers() -> BTreeSet<&'static str> {
    let rules = RULES.iter().map(|rule| rule.id);
    let notes = NOTES.iter().map(|note| note.id);
    let portals = TASK_PORTAL_CARRIERS.iter().filter(|(_, cloud)| TASK_PORTALS.iter().any(|row| row.cloud == *cloud)).map(|(id, _)| *id);
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

/// The rows quoting the seeds (the others quote the reference notes).
fn seed_rows() -> Vec<Row> {
    source_map().into_iter().filter(|row| row.language != REFERENCE).collect()
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
        seed_rows().iter().filter_map(|row| section_problem(&seeds, row).map(|problem| format!("{}: {problem}", row.place()))).collect();
    fail_on(&offenders, "source map rows that point at no section of a seed");
}

// Guards against paraphrase and drift: each quote is the seed's own words, found in the section it names.
#[test]
fn every_quote_is_found_in_its_section() {
    let seeds = seeds();
    let offenders: Vec<String> = seed_rows()
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
    let rows = seed_rows();
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
            let listed: Vec<&Row> = rows.iter().filter(|row| row.document == document && row.section == *section && row.language != REFERENCE).collect();
            total += 1;
            covered += usize::from(!listed.is_empty());
            render_section(&mut out, source, section, &citations, &listed);
        }
    }
    render_reference_pages(&mut out, rows);
    writeln!(out, "\n---\n\n{} sentences listed; {covered} of {total} seed sections covered.", rows.len()).expect("write to a String");
    out
}

/// The later pages the rules cite, each with what cites it and the reference notes' words it rests on.
fn render_reference_pages(out: &mut String, rows: &[Row]) {
    out.push_str(
        "\n## Later pages\n\nRules and notes citing a later Partner Center page (or another public page) rest on its entry in\n\
         the reference notes (`tests/sources/reference-notes.md`), quoted here.\n",
    );
    let citations = reference_citations();
    for (id, _) in REFERENCE_TAGS.iter() {
        let page = source(id).expect("a page of SOURCES");
        let citing: Vec<&str> = citations.iter().filter(|(_, document)| document == id).map(|(carrier, _)| carrier.as_str()).collect();
        writeln!(out, "\n### [{}]({})\n\n`{id}`, version of {}. Cited by {}.\n", page.title, page.url, page.version_date, code_list(&citing))
            .expect("write to a String");
        out.push_str("| reference notes | carried by |\n|---|---|\n");
        for row in rows.iter().filter(|row| row.language == REFERENCE && row.document == *id) {
            writeln!(out, "| “{}” | {} |", row.quote.replace('|', "\\|"), code_list(&row.carried_by)).expect("write to a String");
        }
    }
    for (id, instead) in OUTSIDE_THE_NOTES {
        let page = source(id).expect("a page of SOURCES");
        writeln!(out, "\n### [{}]({})\n\n`{id}`: not in the reference notes; {instead}.", page.title, page.url).expect("write to a String");
    }
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

/// The reference notes split into entries, whitespace-collapsed and lowercased. An entry runs from a
/// line that starts at the margin to the next such line, its indented sub-items with it. Tags written
/// apart from the entries they source go with them: a line that is only a tag (`[…]`) sources every entry
/// since the previous heading or tag line; a bold lead-in carrying a tag (`**Portals** [EN23:…]`) the
/// entries after it up to the next lead-in or heading; a plain line right under a heading that carries a
/// tag, the whole section.
fn reference_entries() -> Vec<String> {
    let text = read("tests/sources/reference-notes.md");
    let mut entries: Vec<String> = Vec::new();
    let (mut open_since, mut lead_in, mut section_intro) = (0, String::new(), String::new());
    for line in text.lines() {
        let at_margin = !line.is_empty() && !line.starts_with(char::is_whitespace);
        let tagged = line.contains('[');
        if !at_margin {
            if let Some(entry) = entries.last_mut() {
                entry.push(' ');
                entry.push_str(line);
            }
            continue;
        }
        if line.starts_with('[') {
            for entry in &mut entries[open_since..] {
                entry.push(' ');
                entry.push_str(line);
            }
            open_since = entries.len();
            continue;
        }
        if line.starts_with('#') || line == "---" {
            (open_since, lead_in, section_intro) = (entries.len() + 1, String::new(), String::new());
        } else if line.starts_with("**") {
            lead_in = if tagged { line.to_string() } else { String::new() };
            open_since = entries.len();
        } else if tagged && !line.starts_with(['-', '|']) && entries.last().is_some_and(|last| last.starts_with('#')) {
            section_intro = line.to_string();
        }
        entries.push(format!("{line} {lead_in} {section_intro}"));
    }
    entries.iter().map(|entry| normalize(entry)).collect()
}

/// The rows quoting the reference notes.
fn reference_rows() -> Vec<Row> {
    source_map().into_iter().filter(|row| row.language == REFERENCE).collect()
}

/// Every rule, note and task-portal row citing a later page, with that page's identifier.
fn reference_citations() -> Vec<(String, &'static str)> {
    let rules = RULES.iter().map(|rule| (rule.id.to_string(), rule.citation.document));
    let notes = NOTES.iter().map(|note| (note.id.to_string(), note.citation.document));
    let portals = TASK_PORTALS.iter().map(|row| (task_portal_carrier(row.cloud).to_string(), row.citation.document));
    rules.chain(notes).chain(portals).filter(|(_, document)| !SEEDS.contains(document)).collect()
}

// Issue 27, point 3: a row quoting the reference notes names a cited page, and its quote is the notes' own
// words, in an entry that the page's tag sources.
#[test]
fn every_reference_quote_is_found_in_an_entry_of_its_page() {
    let entries = reference_entries();
    let mut offenders = Vec::new();
    for row in reference_rows() {
        let Some((_, tags)) = REFERENCE_TAGS.iter().find(|(id, _)| *id == row.document) else {
            offenders.push(format!("{}: {} has no tag in the reference notes", row.place(), row.document));
            continue;
        };
        let quote = normalize(&row.quote);
        if !row.section.is_empty() || quote.is_empty() || source(&row.document).is_none() {
            offenders.push(format!("{}: a reference row names a page of SOURCES, no section, and a quote", row.place()));
        } else if !entries.iter().any(|entry| entry.contains(&quote) && tags.iter().any(|tag| entry.contains(tag))) {
            offenders.push(format!("{}: {:?} is in no entry of the reference notes tagged {tags:?}", row.place(), row.quote));
        }
    }
    fail_on(&offenders, "reference quotes not found in an entry of their page");
}

// Issue 27, point 3: every rule, note and task-portal row citing a later page says what an entry of the
// reference notes for that page says: a listed quote of that page names it.
#[test]
fn every_reference_citation_is_backed_by_a_quote_of_its_page() {
    let rows = reference_rows();
    let offenders: Vec<String> = reference_citations()
        .into_iter()
        .filter(|(_, document)| !OUTSIDE_THE_NOTES.iter().any(|(outside, _)| outside == document))
        .filter(|(id, document)| !rows.iter().any(|row| row.document == *document && row.carries(id)))
        .map(|(id, document)| format!("{id} cites {document} but no quote of that page in data/source-map.tsv names it"))
        .collect();
    fail_on(&offenders, "citations of later pages with no quote from the reference notes");
    for id in REFERENCE_TAGS.iter().map(|(id, _)| id).chain(OUTSIDE_THE_NOTES.iter().map(|(id, _)| id)) {
        assert!(source(id).is_some(), "{id} is no page of SOURCES");
    }
}
