//! Regenerates the compiled-in tables from `data/*.tsv` and fails when the checked-in copy was stale.
//! Run `cargo test --test generated_tables` after editing a data file.

#![cfg(not(target_arch = "wasm32"))]

use csp_eligibility::core::messages::{in_page, is_later};
use std::fmt::Write as _;
use std::path::Path;

fn read_tsv(path: &str) -> Vec<csv::StringRecord> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("data file");
    let body: String = text.lines().filter(|line| !line.starts_with('#')).map(|line| format!("{line}\n")).collect();
    let mut reader = csv::ReaderBuilder::new().delimiter(b'\t').quoting(false).from_reader(body.as_bytes());
    reader.records().map(|record| record.expect("well-formed TSV row")).collect()
}

fn day_literal(text: &str) -> String {
    if text.is_empty() {
        "None".into()
    } else {
        let parts: Vec<&str> = text.split('-').collect();
        format!("Some(crate::day!({} - {} - {}))", parts[0], parts[1], parts[2])
    }
}

fn variant(prefix: &str, id: &str) -> String {
    if id.is_empty() {
        return "None".into();
    }
    let camel: String = id
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect();
    format!("Some({prefix}::{camel})")
}

/// Writes `path` if its content differs; returns whether it was stale.
fn refresh(path: &str, content: &str) -> bool {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let stale = std::fs::read_to_string(&full).ok().as_deref() != Some(content);
    if stale {
        std::fs::write(&full, content).expect("write generated table");
    }
    stale
}

/// Whether a market row's `span` says the documents only bracket it between two lists.
fn bracketed(span: &str) -> bool {
    match span {
        "" => false,
        "bracketed" => true,
        other => panic!("span must be empty or \"bracketed\", not {other:?}"),
    }
}

fn markets_table() -> String {
    let mut rows = read_tsv("data/csp-markets.tsv");
    rows.sort_by(|a, b| (&a[0], &a[5]).cmp(&(&b[0], &b[5])));
    let mut out = String::from(
        "// Generated from data/csp-markets.tsv by tests/generated_tables.rs. Do not edit.\n\n\
         /// Every market row, sorted by country code, then by start day.\n\
         pub static MARKETS: &[Market] = &[\n",
    );
    for row in &rows {
        writeln!(
            out,
            "    Market {{ code: {:?}, name: {:?}, region: {}, effective: Effective {{ from: {}, until: {} }}, bracketed: {} }},",
            &row[0],
            &row[2],
            variant("Region", &row[3]),
            day_literal(&row[5]),
            day_literal(&row[6]),
            bracketed(&row[7])
        )
        .unwrap();
    }
    out.push_str("];\n");
    out
}

fn jurisdictions_table() -> String {
    let mut rows = read_tsv("data/jurisdictions.tsv");
    rows.sort_by(|a, b| (&a[0], &a[2]).cmp(&(&b[0], &b[2])));
    let mut out = String::from(
        "// Generated from data/jurisdictions.tsv by tests/generated_tables.rs. Do not edit.\n\n\
         /// Every membership row, sorted by country code, then by start day.\n\
         pub static MEMBERSHIPS: &[Membership] = &[\n",
    );
    for row in &rows {
        let jurisdiction = variant("Jurisdiction", &row[1]);
        let jurisdiction = jurisdiction.trim_start_matches("Some(").trim_end_matches(')');
        writeln!(
            out,
            "    Membership {{ code: {:?}, jurisdiction: {jurisdiction}, effective: Effective {{ from: {}, until: {} }} }},",
            &row[0],
            day_literal(&row[2]),
            day_literal(&row[3])
        )
        .unwrap();
    }
    out.push_str("];\n");
    out
}

fn messages_table() -> (String, Vec<(String, String)>) {
    let mut rows = read_tsv("data/messages.tsv");
    rows.sort_by(|a, b| a[0].cmp(&b[0]));
    // One text per column, its cells separated by U+001F: no offset table to ship, and the page's
    // language packs are the same texts as files.
    let columns: Vec<String> = (0..4).map(|column| rows.iter().map(|row| &row[column]).collect::<Vec<_>>().join("\u{1f}")).collect();
    assert!(rows.iter().flat_map(|row| row.iter()).all(|cell| !cell.contains('\u{1f}')), "a message holds the separator");
    assert!(columns.iter().all(|column| column.len() <= usize::from(u16::MAX)), "a catalog column outgrew u16 offsets");
    // The page's packs: the first answer's text, then (fetched after it) the notes and the catalog's
    // text. Each keeps every row, the other pack's cells empty.
    // The page's rows leave out the text only the package shows (see `in_page`).
    let page_rows: Vec<_> = rows.iter().filter(|row| in_page(&row[0])).collect();
    let part = |column: usize, later: bool| -> String {
        page_rows.iter().map(|row| if is_later(&row[0]) == later { &row[column][..] } else { "" }).collect::<Vec<_>>().join("\u{1f}")
    };
    let page_keys = page_rows.iter().map(|row| &row[0][..]).collect::<Vec<_>>().join("\u{1f}");
    let mut pack_files: Vec<(String, String)> = Vec::new();
    let mut names: Vec<[String; 2]> = Vec::new();
    for (index, tag) in ["en", "fr", "de"].iter().enumerate() {
        let first = part(index + 1, false);
        let later = part(index + 1, true);
        let pair = [format!("{tag}-{}.txt", fingerprint(&first)), format!("{tag}-later-{}.txt", fingerprint(&later))];
        pack_files.push((pair[0].clone(), first));
        pack_files.push((pair[1].clone(), later));
        names.push(pair);
    }
    let mut out = format!(
        "// Generated from data/messages.tsv by tests/generated_tables.rs. Do not edit.\n\n\
         /// The message keys in order, separated by U+001F.\n\
         #[cfg(not(all(target_arch = \"wasm32\", not(feature = \"npm\"))))]\n\
         static KEYS: &str = {:?};\n\n\
         /// The keys the page looks up: all but those of text only the package shows (see `in_page`).\n\
         #[cfg(all(target_arch = \"wasm32\", not(feature = \"npm\")))]\n\
         static KEYS: &str = {:?};\n\n\
         /// The English, French and German text, each its cells in key order separated by U+001F. Compiled\n\
         /// in except in the page bundle, which loads the language it shows from `static/lang/` (see `PACKS`).\n\
         #[cfg(not(all(target_arch = \"wasm32\", not(feature = \"npm\"))))]\n\
         static TEXTS: [&str; 3] = [\n",
        columns[0], page_keys
    );
    for column in &columns[1..] {
        writeln!(out, "    {column:?},").unwrap();
    }
    write!(
        out,
        "];\n\n/// The file names of the language packs (content-hashed, so a cached pack always fits): per\n\
         /// language, the first answer's text, then the notes' and the catalog's (see `is_later`).\n\
         pub static PACKS: [[&str; 2]; 3] = [{:?}, {:?}, {:?}];\n\n\
         /// How many messages the catalog has.\n\
         #[cfg(not(all(target_arch = \"wasm32\", not(feature = \"npm\"))))]\n\
         const ROWS: usize = {};\n\n\
         /// How many messages the page looks up.\n\
         #[cfg(all(target_arch = \"wasm32\", not(feature = \"npm\")))]\n\
         const ROWS: usize = {};\n",
        names[0],
        names[1],
        names[2],
        rows.len(),
        page_rows.len()
    )
    .unwrap();
    (out, pack_files)
}

/// A short content hash for cache-busting file names (FNV-1a).
fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3));
    format!("{:08x}", hash >> 32)
}

/// Writes the language packs into `static/lang/` and removes packs of older catalogs; returns whether
/// anything changed.
fn refresh_packs(packs: &[(String, String)]) -> bool {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("static/lang");
    std::fs::create_dir_all(&folder).expect("static/lang");
    let mut changed = false;
    for entry in std::fs::read_dir(&folder).expect("static/lang").flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if !packs.iter().any(|(pack, _)| *pack == name) {
            std::fs::remove_file(entry.path()).expect("remove an old pack");
            changed = true;
        }
    }
    for (name, text) in packs {
        changed |= refresh(&format!("static/lang/{name}"), text);
    }
    changed
}

#[test]
fn compiled_in_tables_match_their_data_files() {
    let (messages, packs) = messages_table();
    let mut stale: Vec<&str> =
        [("src/core/markets_table.rs", markets_table()), ("src/core/jurisdictions_table.rs", jurisdictions_table()), ("src/core/messages_table.rs", messages)]
            .iter()
            .filter(|(path, content)| refresh(path, content))
            .map(|(path, _)| *path)
            .collect();
    if refresh_packs(&packs) {
        stale.push("static/lang/");
    }
    assert!(stale.is_empty(), "regenerated {stale:?}; rebuild and commit them");
}

#[test]
fn market_codes_are_unique_per_day_and_complete() {
    let rows = read_tsv("data/csp-markets.tsv");
    let codes: std::collections::BTreeSet<&str> = rows.iter().map(|row| &row[0]).collect();
    let markets: std::collections::BTreeSet<&str> = rows.iter().filter(|row| !row[3].is_empty()).map(|row| &row[0]).collect();
    // The reference table lists 246 markets (2021 and 2023 lists together); Microsoft's own country list
    // also codes Jan Mayen (XJ) apart from Svalbard, in the same market (issue 27, point 4); six more
    // countries are no market.
    assert_eq!(markets.len(), 247);
    assert!(markets.contains("XJ"));
    assert_eq!(codes.len(), 253);
}

#[test]
fn jurisdiction_codes_are_known_markets_and_never_overlap() {
    let markets: std::collections::BTreeSet<String> = read_tsv("data/csp-markets.tsv").iter().map(|row| row[0].to_string()).collect();
    let rows = read_tsv("data/jurisdictions.tsv");
    for row in &rows {
        assert!(markets.contains(&row[0]), "{} is no Partner Center country code", &row[0]);
        assert!(["eu", "efta", "us"].contains(&&row[1]), "{}: unknown jurisdiction {}", &row[0], &row[1]);
    }
    let codes: std::collections::BTreeSet<&str> = rows.iter().map(|row| &row[0]).collect();
    assert_eq!(codes.len(), rows.len(), "one row per country: a country changes jurisdiction only by its dates");
}
