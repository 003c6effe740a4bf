//! Batch checks on the command line (`cli.rs`, `core/batch.rs`): a CSV with every column and a bad
//! line, JSON Lines, the template, and header mistakes, through the real binary.

#![cfg(not(target_arch = "wasm32"))]

use csp_eligibility::core::batch::{Batch, FIELDS, TEMPLATE};
use csp_eligibility::core::Lang;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_csp-eligibility"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
    child.wait_with_output().expect("output")
}

fn rows(output: &Output) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(output.stdout.as_slice()).records().map(|row| row.expect("CSV out")).collect()
}

fn header(output: &Output) -> csv::StringRecord {
    csv::Reader::from_reader(output.stdout.as_slice()).headers().expect("header").clone()
}

/// Every query field as a column, an own column, quoted cells, a bad line in the middle.
const EVERY_COLUMN: &str = "\
reseller,api_version,as_of,cloud,task,partner.country,partner.model,partner.has_partner_id,partner.mpa_signed,partner.provider_country,partner.programs,partner.us_gov_validated,partner.role,partner.european_account,partner.european_tenant_country,partner.european_tenant_active,customer.country,customer.segment,customer.relation,customer.national_cloud_customer
\"Fabrikam, Inc.\",1,2024-01-01,commercial,sell,FR,indirect_reseller,true,true,DE,commercial,false,admin_agent,,,,ES,commercial,unrelated,new
Litware,1,2024-01-01,,,ZZ,direct_bill,TRUE,true,,commercial,,,,,,FR,commercial,unrelated,
Northwind,1,2021-06-01,germany,migrate_germany_customer,GB,direct_bill,true,true,,\"commercial;germany\",,global_admin,true,FR,true,DE,commercial,unrelated,existing
";

#[test]
fn a_csv_with_every_column_and_a_bad_line_round_trips() {
    let output = run(&["batch"], EVERY_COLUMN);
    assert_eq!(output.status.code(), Some(1), "a bad row makes the exit status 1");
    let header = header(&output);
    assert_eq!(header.len(), 20 + 4 * 3 + 1);
    assert_eq!(&header[0], "reseller");
    assert_eq!(&header[20], "commercial.verdict");
    assert_eq!(&header[32], "problems");
    let rows = rows(&output);
    assert_eq!(rows.len(), 3, "the bad row keeps its place");
    let input: Vec<csv::StringRecord> = csv::Reader::from_reader(EVERY_COLUMN.as_bytes()).records().map(|row| row.expect("CSV in")).collect();
    for (out, row) in rows.iter().zip(&input) {
        assert_eq!(out.iter().take(20).collect::<Vec<_>>(), row.iter().collect::<Vec<_>>(), "input columns pass through as they were");
    }
    // Row 1: the French reseller with a German provider and a Spanish customer (same CSP region).
    assert_eq!((&rows[0][20], &rows[0][21], &rows[0][32]), ("allowed", "partner_center", ""));
    assert_eq!(&rows[0][26], "denied", "US Government: USG-PARTNER-US");
    assert!(rows[0][28].contains("USG-PARTNER-US"), "{}", &rows[0][28]);
    // Row 2: an unknown country, named at its line and column, in the output and on standard error.
    assert!(rows[1].iter().skip(20).take(12).all(str::is_empty));
    assert!(rows[1][32].starts_with("partner.country: "), "{}", &rows[1][32]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 3, column 6 (partner.country): `ZZ`"), "{stderr}");
    assert!(stderr.contains("1 of 3 rows could not be decided"), "{stderr}");
    // Row 3: a Germany migration with every migration fact; the programs cell uses `;`.
    assert!(!rows[2][23].is_empty(), "Germany has a verdict");
    assert_eq!(&rows[2][32], "");
}

#[test]
fn the_template_decides_without_a_problem() {
    let output = run(&["batch", "--lang", "de"], TEMPLATE);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let rows = rows(&output);
    assert_eq!(rows.len(), TEMPLATE.lines().count() - 1);
    let verdict = |row: usize, cloud: usize| rows[row][16 + 3 * cloud].to_string();
    // Fabrikam France (FR reseller, DE provider): Spain and Switzerland are in Europe, Türkiye and the US are not.
    assert_eq!([verdict(0, 0), verdict(1, 0), verdict(2, 0), verdict(3, 0)], ["allowed", "allowed", "denied", "denied"]);
    // 2021 without the MPA: needs action (CSP-MPA-SIGNED).
    assert_eq!((verdict(4, 0).as_str(), &rows[4][18]), ("needs_action", "CSP-MPA-SIGNED"));
    // A validated US partner and a US state customer: US Government allowed.
    assert_eq!(verdict(5, 2), "allowed");
    // A UK partner and a French customer in Microsoft Cloud Germany, 2018.
    assert_eq!(verdict(6, 1), "allowed");
    assert_eq!(run(&["template"], "").stdout, TEMPLATE.as_bytes());
}

#[test]
fn header_mistakes_stop_before_any_row() {
    let output = run(&["batch", "--lang", "fr"], "partner.contry,as_of,as_of\nFR,2024-01-01,2024-01-01\n");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 1, column 1 (partner.contry): champ inconnu"), "{stderr}");
    assert!(stderr.contains("line 1, column 3 (as_of): la colonne `as_of` apparaît deux fois"), "{stderr}");
    let mut usage = run(&["batch", "--format", "xml"], "");
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("--format must be csv or jsonl"));
    usage = run(&["batch", "--lang", "it"], "");
    assert!(String::from_utf8_lossy(&usage.stderr).contains("--lang must be en, fr or de"));
}

#[test]
fn json_lines_in_and_out_keep_their_order_and_name_bad_lines() {
    let good = r#"{"api_version":1,"as_of":"2024-01-01","partner":{"country":"FR","model":"direct_bill","has_partner_id":true,"mpa_signed":true,"programs":["commercial"]},"customer":{"country":"FR","segment":"commercial","relation":"unrelated"}}"#;
    let input = format!("{good}\n\n{{\"api_version\":1}}\n{good}\n");
    let output = run(&["batch", "--format", "jsonl"], &input);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout).lines().map(|line| serde_json::from_str(line).expect("JSON line")).collect();
    assert_eq!(lines.len(), 3, "blank lines are skipped");
    assert_eq!(lines[0]["clouds"][0]["verdict"], "allowed");
    assert!(lines[0]["clouds"][0].get("reasons").is_none(), "verdicts by default");
    assert!(lines[1]["problems"].as_array().is_some_and(|problems| problems.len() >= 3));
    assert!(String::from_utf8_lossy(&output.stderr).contains("line 3 (as_of): "));
    let full = run(&["batch", "--format", "jsonl", "--detail", "full"], good);
    let decision: serde_json::Value = serde_json::from_slice(&full.stdout).expect("JSON");
    assert!(decision["clouds"][0]["reasons"].as_array().is_some_and(|reasons| !reasons.is_empty()));
}

#[test]
fn the_field_list_is_every_flat_path_a_query_has() {
    let query = csp_eligibility::core::parse_query_str(
        r#"{"api_version":1,"as_of":"2021-06-01","cloud":"germany","task":"migrate_germany_customer","partner":{"country":"GB","model":"indirect_reseller","has_partner_id":true,"mpa_signed":true,"provider_country":"DE","programs":["commercial"],"us_gov_validated":false,"role":"global_admin","european_account":true,"european_tenant_country":"FR","european_tenant_active":true},"customer":{"country":"DE","segment":"commercial","relation":"unrelated","national_cloud_customer":"existing"}}"#,
    )
    .expect("valid");
    let mut paths: Vec<String> = csp_eligibility::core::flat::to_pairs(&query).into_iter().map(|(path, _)| path).collect();
    let mut fields: Vec<String> = FIELDS.iter().map(|field| field.to_string()).collect();
    paths.sort();
    fields.sort();
    assert_eq!(paths, fields);
    assert!(Batch::new(&csv::StringRecord::from(FIELDS.to_vec()), Lang::En).is_ok());
}
