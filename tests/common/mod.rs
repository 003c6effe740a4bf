//! Shared helpers: a baseline query every scenario edits, and readers for the decision.
#![allow(dead_code)]

use csp_eligibility::core::decision::Outcome;
use csp_eligibility::core::{decide, parse_query_str, Cloud, CloudDecision, CountryCode, Day, Program, Query, Segment, Verdict};

/// A French direct-bill partner with every fact stated, selling to a French company on 2024-01-01.
pub const BASE: &str = r#"{"api_version":1,"as_of":"2024-01-01",
  "partner":{"country":"FR","model":"direct_bill","has_partner_id":true,"mpa_signed":true,"programs":["commercial"],"us_gov_validated":false},
  "customer":{"country":"FR","segment":"commercial","relation":"unrelated","national_cloud_customer":"new"}}"#;

/// The baseline query, edited by `edit`.
pub fn query(edit: impl FnOnce(&mut Query)) -> Query {
    let mut query = parse_query_str(BASE).expect("baseline query is valid");
    edit(&mut query);
    query
}

/// A country code from the table.
pub fn country(code: &str) -> CountryCode {
    CountryCode::parse(code).filter(|code| code.is_known()).expect("known country")
}

/// A day.
pub fn day(text: &str) -> Day {
    Day::parse(text).expect("valid day")
}

/// The decision for one cloud.
pub fn cloud(query: &Query, cloud: Cloud) -> CloudDecision {
    decide(query).cloud(cloud).clone()
}

/// How `rule` came out for `cloud`; `None` when it did not apply.
pub fn outcome(query: &Query, on: Cloud, rule: &str) -> Option<Outcome> {
    cloud(query, on).reasons.iter().find(|reason| reason.rule == rule).map(|reason| reason.outcome)
}

/// The verdict for `cloud`.
pub fn verdict(query: &Query, on: Cloud) -> Verdict {
    cloud(query, on).verdict
}

/// Asserts `rule` came out as `expected` for `cloud`, with a readable failure.
#[track_caller]
pub fn assert_rule(query: &Query, on: Cloud, rule: &str, expected: Option<Outcome>) {
    let found = outcome(query, on, rule);
    assert_eq!(found, expected, "{rule} on {on:?} for {query:?}");
}

/// A list of programs, as the query holds it.
pub fn programs(list: &[Program]) -> Option<Vec<Program>> {
    Some(list.to_vec())
}

/// A UK direct-bill partner onboarded to commercial CSP and Microsoft Cloud Germany, on 2018-06-01.
pub fn germany_query(edit: impl FnOnce(&mut Query)) -> Query {
    query(|q| {
        q.as_of = day("2018-06-01");
        q.partner.country = country("GB");
        q.partner.programs = programs(&[Program::Commercial, Program::Germany]);
        edit(q);
    })
}

/// A validated US partner onboarded to US Government, selling to a US federal entity on 2024-01-01.
pub fn us_government_query(edit: impl FnOnce(&mut Query)) -> Query {
    query(|q| {
        q.partner.country = country("US");
        q.customer.country = country("US");
        q.customer.segment = Segment::UsFederal;
        q.partner.us_gov_validated = Some(true);
        q.partner.programs = programs(&[Program::Commercial, Program::UsGovernment]);
        edit(q);
    })
}

/// The message keys of a cloud's actions.
pub fn action_keys(query: &Query, on: Cloud) -> Vec<&'static str> {
    cloud(query, on).actions.iter().map(|a| a.text.key()).collect()
}

/// The ids of a cloud's cautions.
pub fn caution_ids(query: &Query, on: Cloud) -> Vec<&'static str> {
    cloud(query, on).cautions.iter().map(|c| c.id).collect()
}

/// Writes a generated file (a path from the crate root) when it differs from `content`; whether it did.
pub fn refresh(path: &str, content: &str) -> bool {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let stale = std::fs::read_to_string(&full).ok().as_deref() != Some(content);
    if stale {
        std::fs::create_dir_all(full.parent().expect("a generated file has a parent directory")).expect("create its directory");
        std::fs::write(&full, content).expect("write generated file");
    }
    stale
}

/// The header row of `data/source-map.tsv`.
pub const COLUMNS: [&str; 5] = ["document", "section", "quote", "carried_by", "language"];

/// One listed sentence of `data/source-map.tsv`.
pub struct Row {
    /// Line in the file, for messages.
    pub line: usize,
    pub document: String,
    pub section: String,
    pub quote: String,
    pub carried_by: Vec<String>,
    pub language: String,
}

impl Row {
    /// Where the row is, for failure messages.
    pub fn place(&self) -> String {
        format!("data/source-map.tsv:{} ({}#{})", self.line, self.document, self.section)
    }

    /// Whether the row names `id` among its carriers.
    pub fn carries(&self, id: &str) -> bool {
        self.carried_by.iter().any(|carrier| carrier == id)
    }
}

/// Reads `data/source-map.tsv`, skipping `#` comment lines.
pub fn source_map() -> Vec<Row> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/source-map.tsv")).expect("data/source-map.tsv");
    let mut body = String::new();
    let mut file_lines = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if !line.starts_with('#') && !line.trim().is_empty() {
            body.push_str(line);
            body.push('\n');
            file_lines.push(index + 1);
        }
    }
    let mut reader = csv::ReaderBuilder::new().delimiter(b'\t').quoting(false).from_reader(body.as_bytes());
    let headers = reader.headers().expect("source map header row").clone();
    assert_eq!(headers.iter().collect::<Vec<_>>(), COLUMNS, "header row of data/source-map.tsv");
    reader
        .records()
        .map(|record| {
            let record = record.expect("well-formed source map row (five tab-separated fields)");
            let body_line = record.position().expect("position of a parsed record").line() as usize;
            Row {
                line: file_lines[body_line - 1],
                document: record[0].to_string(),
                section: record[1].to_string(),
                quote: record[2].to_string(),
                carried_by: record[3].split(',').map(str::trim).filter(|id| !id.is_empty()).map(String::from).collect(),
                language: record[4].to_string(),
            }
        })
        .collect()
}
