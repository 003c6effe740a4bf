//! The JSON contract: schemas checked in under `static/` equal the types, the catalog cites real
//! sections, and every message the core or the UI can show exists in every language.

#![cfg(not(target_arch = "wasm32"))]

use csp_eligibility::core::catalog::Catalog;
use csp_eligibility::core::messages::{lookup, MESSAGES};
use csp_eligibility::core::notes::NOTES;
use csp_eligibility::core::portals::PORTALS;
use csp_eligibility::core::rules::RULES;
use csp_eligibility::core::sources::source;
use csp_eligibility::core::{catalog, Decision, Lang, Query, QueryError};
use std::path::Path;

fn schema_text<T: schemars::JsonSchema>() -> String {
    let schema = schemars::schema_for!(T);
    serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n"
}

/// Rewrites a stale schema file and fails, so the checked-in copy always equals the types.
#[test]
fn checked_in_json_schemas_equal_the_types() {
    let schemas = [
        ("static/schema/query.schema.json", schema_text::<Query>()),
        ("static/schema/decision.schema.json", schema_text::<Decision>()),
        ("static/schema/query-error.schema.json", schema_text::<QueryError>()),
        ("static/schema/catalog.schema.json", schema_text::<Catalog>()),
    ];
    let mut stale = Vec::new();
    for (path, text) in schemas {
        let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        if std::fs::read_to_string(&full).ok().as_deref() != Some(text.as_str()) {
            std::fs::create_dir_all(full.parent().expect("schema folder")).expect("create schema folder");
            std::fs::write(&full, text).expect("write schema");
            stale.push(path);
        }
    }
    assert!(stale.is_empty(), "regenerated {stale:?}; commit them");
}

#[test]
fn every_citation_names_a_known_document_and_section() {
    for entry in catalog(Lang::En).entries {
        let document = source(entry.citation.document).unwrap_or_else(|| panic!("{}: unknown document", entry.id));
        assert!(
            entry.citation.section.is_empty() && document.sections.is_empty() || document.sections.contains(&entry.citation.section),
            "{}: section `{}` is not in {}",
            entry.id,
            entry.citation.section,
            document.id
        );
        assert_eq!(entry.citation.url, document.url, "{}", entry.id);
    }
}

#[test]
fn rule_and_note_ids_are_unique() {
    let mut ids: Vec<&str> = RULES.iter().map(|rule| rule.id).chain(NOTES.iter().map(|note| note.id)).collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count);
}

fn keys_in_source(folder: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    for entry in std::fs::read_dir(&root).expect("source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            keys.extend(keys_in_source(&path.strip_prefix(env!("CARGO_MANIFEST_DIR")).expect("inside").to_string_lossy()));
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for piece in text.split('"').skip(1).step_by(2) {
            let prefix = piece.split('.').next().unwrap_or_default();
            let known = ["rule", "action", "caution", "note", "fact", "error", "ui", "verdict", "outcome"];
            if known.contains(&prefix) && piece.contains('.') && !piece.contains(' ') && !piece.ends_with('.') {
                keys.push(piece.to_string());
            }
        }
    }
    keys
}

#[test]
fn every_message_key_in_the_code_exists_in_the_catalog() {
    let missing: Vec<String> = keys_in_source("src").into_iter().filter(|key| lookup(key).is_none()).collect();
    assert!(missing.is_empty(), "keys without a message: {missing:?}");
    for portal in PORTALS {
        assert!(lookup(&format!("portal.{}", portal.id)).is_some(), "{}", portal.id);
    }
}

#[test]
fn every_message_is_written_in_every_language() {
    for (key, [en, fr, de]) in MESSAGES {
        assert!(!en.is_empty() && !fr.is_empty() && !de.is_empty(), "{key} has an empty text");
        let placeholders = en.matches("{}").count();
        assert_eq!(fr.matches("{}").count(), placeholders, "{key} fr placeholders");
        assert_eq!(de.matches("{}").count(), placeholders, "{key} de placeholders");
        // Proper names may stay the same in one language, never in both.
        if en.split_whitespace().count() > 2 {
            assert!(fr != en || de != en, "{key} is not translated");
        }
    }
}
