//! The JSON contract: schemas checked in under `static/` equal the types, the catalog cites real
//! sections, and every message the core or the UI can show exists in every language.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use csp_eligibility::core::catalog::Catalog;
use csp_eligibility::core::messages::{lookup, Message};
use csp_eligibility::core::notes::NOTES;
use csp_eligibility::core::portals::PORTALS;
use csp_eligibility::core::rules::RULES;
use csp_eligibility::core::sources::source;
use csp_eligibility::core::{catalog, Decision, Lang, Nearest, Query, QueryError, Timeline, Verdicts};
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
        ("static/schema/verdicts.schema.json", schema_text::<Verdicts>()),
        ("static/schema/query-error.schema.json", schema_text::<QueryError>()),
        ("static/schema/catalog.schema.json", schema_text::<Catalog>()),
        ("static/schema/nearest.schema.json", schema_text::<Nearest>()),
        ("static/schema/timeline.schema.json", schema_text::<Timeline>()),
    ];
    let stale: Vec<&str> = schemas.iter().filter(|(path, text)| common::refresh(path, text)).map(|(path, _)| *path).collect();
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
        if path.ends_with("messages_table.rs") {
            continue; // the catalog itself
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
    // Rules and notes name their messages by their IDs (`CSP-MPA-SIGNED` → `rule.csp_mpa_signed`,
    // `NOTE-UK-LEFT-EU` → `note.uk_left_eu`): each has one.
    for rule in csp_eligibility::core::rules::RULES {
        assert!(lookup(rule.message()).is_some_and(|message| message.key().starts_with("rule.")), "{} has no message", rule.id);
    }
    for note in csp_eligibility::core::notes::NOTES {
        assert!(lookup(note.message()).is_some_and(|message| message.key().starts_with("note.")), "{} has no message", note.id);
    }
}

#[test]
fn every_message_is_written_in_every_language() {
    for message in Message::all() {
        let (key, en, fr, de) = (message.key(), message.text(Lang::En), message.text(Lang::Fr), message.text(Lang::De));
        assert!(!en.is_empty() && !fr.is_empty() && !de.is_empty(), "{key} has an empty text");
        let placeholders = en.matches("{}").count();
        assert_eq!(fr.matches("{}").count(), placeholders, "{key} fr placeholders");
        assert_eq!(de.matches("{}").count(), placeholders, "{key} de placeholders");
        // Proper names may stay the same in one language, never in both; a cloud keeps the product name
        // Microsoft's documents give it in every language (the French seeds say "Microsoft Cloud for US
        // Government").
        if en.split_whitespace().count() > 2 && !key.starts_with("cloud.") {
            assert!(fr != en || de != en, "{key} is not translated");
        }
    }
}

/// TypeScript for one schema node.
/// Issue (page UX, point 9): one name per cloud in each language. Every "Microsoft Cloud …" a message
/// names is the cloud's own label in that language (or an agreement's name), never a translation of it.
#[test]
fn every_message_names_a_cloud_by_its_label_in_that_language() {
    for lang in Lang::ALL {
        let label = |key: &str| lookup(key).map(|message| message.text(lang)).unwrap_or_default();
        let names = [
            label("cloud.germany"),
            label("cloud.us_government"),
            "Microsoft Cloud Agreement",
            "Microsoft Cloud Reseller Agreement",
            "Microsoft Cloud Distributor Agreement",
        ];
        // Documents' titles and headings are quoted as the documents write them.
        for message in Message::all().filter(|message| !message.key().starts_with("heading.") && !message.key().starts_with("source.")) {
            let text = message.text(lang);
            for (at, _) in text.match_indices("Microsoft Cloud ") {
                let named = &text[at..];
                assert!(
                    names.iter().any(|name| named.starts_with(name)),
                    "{} ({}) names a cloud otherwise than its label: {}",
                    message.key(),
                    lang.tag(),
                    &named[..named.len().min(60)]
                );
            }
        }
    }
}

fn ts_type(schema: &serde_json::Value, indent: usize) -> String {
    use serde_json::Value;
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        return reference.rsplit('/').next().unwrap_or("unknown").to_string();
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(" | ");
    }
    for (key, joiner) in [("anyOf", " | "), ("oneOf", " | "), ("allOf", " & ")] {
        if let Some(parts) = schema.get(key).and_then(Value::as_array) {
            let mut own = schema.clone();
            if let Some(object) = own.as_object_mut() {
                object.remove(key);
                object.remove("description");
            }
            let mut types: Vec<String> = parts.iter().map(|part| ts_type(part, indent)).collect();
            if own.get("type").is_some() || own.get("properties").is_some() {
                types.push(ts_type(&own, indent));
            }
            return if types.len() == 1 { types.remove(0) } else { format!("({})", types.join(joiner)) };
        }
    }
    let kinds: Vec<&str> = match schema.get("type") {
        Some(Value::String(kind)) => vec![kind.as_str()],
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    if kinds.is_empty() && schema.get("properties").is_none() {
        return "unknown".into();
    }
    let mut alternatives = Vec::new();
    for kind in if kinds.is_empty() { vec!["object"] } else { kinds } {
        alternatives.push(match kind {
            "string" => "string".to_string(),
            "integer" | "number" => "number".to_string(),
            "boolean" => "boolean".to_string(),
            "null" => "null".to_string(),
            "array" => format!("Array<{}>", schema.get("items").map_or("unknown".into(), |items| ts_type(items, indent))),
            _ => ts_object(schema, indent),
        });
    }
    alternatives.join(" | ")
}

fn ts_object(schema: &serde_json::Value, indent: usize) -> String {
    let Some(properties) = schema.get("properties").and_then(serde_json::Value::as_object) else {
        return "Record<string, unknown>".into();
    };
    let required: Vec<&str> =
        schema.get("required").and_then(serde_json::Value::as_array).map(|r| r.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
    let pad = "  ".repeat(indent + 1);
    let mut out = String::from("{\n");
    for (name, property) in properties {
        if let Some(description) = property.get("description").and_then(serde_json::Value::as_str) {
            out.push_str(&format!("{pad}/** {} */\n", description.replace("*/", "* /").replace('\n', " ")));
        }
        let optional = if required.contains(&name.as_str()) { "" } else { "?" };
        out.push_str(&format!("{pad}{name}{optional}: {};\n", ts_type(property, indent + 1)));
    }
    out.push_str(&"  ".repeat(indent));
    out.push('}');
    out
}

/// The package's declarations, generated from the same schemas as `static/schema/`.
fn typescript_declarations() -> String {
    let mut definitions = std::collections::BTreeMap::new();
    let mut roots = Vec::new();
    for schema in [
        serde_json::to_value(schemars::schema_for!(Query)).expect("schema"),
        serde_json::to_value(schemars::schema_for!(Decision)).expect("schema"),
        serde_json::to_value(schemars::schema_for!(Verdicts)).expect("schema"),
        serde_json::to_value(schemars::schema_for!(QueryError)).expect("schema"),
        serde_json::to_value(schemars::schema_for!(Catalog)).expect("schema"),
        serde_json::to_value(schemars::schema_for!(Nearest)).expect("schema"),
        serde_json::to_value(schemars::schema_for!(Timeline)).expect("schema"),
    ] {
        for (name, definition) in schema.get("definitions").and_then(|d| d.as_object()).cloned().unwrap_or_default() {
            definitions.insert(name, definition);
        }
        let title = schema.get("title").and_then(|t| t.as_str()).unwrap_or("Root").to_string();
        roots.push((title, schema));
    }
    let mut out = String::from(
        "// Generated from the JSON Schemas by tests/contract.rs. Do not edit.\n\
         // The JSON contract of csp-eligibility (api_version 1).\n\n",
    );
    let described = |name: &str, schema: &serde_json::Value| {
        let doc = schema.get("description").and_then(|d| d.as_str()).map(|d| format!("/** {} */\n", d.replace('\n', " "))).unwrap_or_default();
        format!("{doc}export type {name} = {};\n\n", ts_type(schema, 0))
    };
    for (name, schema) in &roots {
        out.push_str(&described(name, schema));
    }
    for (name, schema) in &definitions {
        if !roots.iter().any(|(root, _)| root == name) {
            out.push_str(&described(name, schema));
        }
    }
    out.push_str(
        "/** How much of each answer to give: the whole decision (default), or each cloud's verdict, portal and deciding rules. */\n\
         export type DecideOptions = { detail?: 'full' | 'verdicts' };\n\
         /** Decides a query (object or JSON string): a Decision (or its Verdicts), or a QueryError listing every problem. Reasons, actions, notes and portals are shared, frozen objects. */\n\
         export declare function decide(query: Query | string, options?: { detail?: 'full' }): Decision | QueryError;\n\
         export declare function decide(query: Query | string, options: { detail: 'verdicts' }): Verdicts | QueryError;\n\
         export declare function decide(query: Query | string, options?: DecideOptions): Decision | Verdicts | QueryError;\n\
         /** Decides an array of queries in one call: one answer per query, in order (a bad query gets its QueryError). */\n\
         export declare function decideMany(queries: ReadonlyArray<Query | string>, options?: { detail?: 'full' }): Array<Decision | QueryError>;\n\
         export declare function decideMany(queries: ReadonlyArray<Query | string>, options: { detail: 'verdicts' }): Array<Verdicts | QueryError>;\n\
         export declare function decideMany(queries: ReadonlyArray<Query | string>, options?: DecideOptions): Array<Decision | Verdicts | QueryError>;\n\
         /** The nearest ways to a yes: up to three proposals per cloud that is not allowed. */\n\
         export declare function nearest(query: Query | string): Nearest | QueryError;\n\
         /** Every cloud's verdict over time, interval by interval. */\n\
         export declare function timeline(query: Query | string): Timeline | QueryError;\n\
         /** Checks a query: null when valid, else a QueryError listing every problem. */\n\
         export declare function validate(query: Query | string): QueryError | null;\n\
         /** The rule catalog, with messages in `lang` ('en', 'fr' or 'de'; English by default). */\n\
         export declare function catalog(lang?: 'en' | 'fr' | 'de'): Catalog;\n\
         /** Contract, ruleset and package versions. */\n\
         export declare function version(): { api_version: number; ruleset_version: string; package_version: string };\n\
         /** Where `init` loads the WebAssembly module from (browsers; the package's own file by default). */\n\
         export type InitOptions = { wasm?: string | URL | Response | ArrayBuffer | ArrayBufferView };\n\
         /** Loads the WebAssembly module once (browsers: before any other call; Node: already loaded on import). */\n\
         export declare function init(options?: InitOptions): Promise<void>;\n\
         /** Loads the module if needed, then registers the <csp-eligibility> custom element (browsers only; once per page). */\n\
         export declare function defineElement(options?: InitOptions): Promise<void>;\n",
    );
    out
}

#[test]
fn typescript_declarations_match_the_schemas() {
    let stale = common::refresh("static/pkg/index.d.ts", &typescript_declarations());
    assert!(!stale, "regenerated static/pkg/index.d.ts; commit it");
}
