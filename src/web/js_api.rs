//! The JS API: `decide`, `nearest`, `timeline`, `validate`, `catalog`, `version`. Decisions of valid
//! queries take the compact path: the package sends the query as JSON text, read straight into its
//! types, and gets numbers back that index a lexicon of shared parts (`core::compact`). Everything
//! else takes the problem-collecting path: queries come in through serde-wasm-bindgen (after a bounded
//! nesting check) and answers go out as JSON text parsed by the engine's `JSON.parse`, which measured
//! 2.6× faster than building the object through serde-wasm-bindgen. Bad input comes back as a
//! `QueryError` value, never as a trap.

use super::to_js;
use crate::core::compact::{Detail, Lexicon};
use crate::core::{self, parse_query, Lang, QueryError, API_VERSION, RULESET_VERSION};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Deepest nesting a query object may have; a query needs 3, hostile input gets a problem, not a trap.
const MAX_DEPTH: usize = 32;

/// Whether objects or arrays nest deeper than `limit` (checked without recursion).
fn nests_deeper_than(value: &JsValue, limit: usize) -> bool {
    let mut pending = vec![(value.clone(), 0)];
    while let Some((value, depth)) = pending.pop() {
        if value.is_object() {
            if depth >= limit {
                return true;
            }
            let object: &js_sys::Object = value.unchecked_ref();
            pending.extend(js_sys::Object::values(object).iter().map(|child| (child, depth + 1)));
        }
    }
    false
}

/// Reads a JS value (an object, or a JSON string) as a query.
fn read_query(input: &JsValue) -> Result<core::Query, QueryError> {
    if let Some(text) = input.as_string() {
        return core::parse_query_str(&text);
    }
    if nests_deeper_than(input, MAX_DEPTH) {
        return Err(QueryError::whole("error.too_deep", MAX_DEPTH.to_string()));
    }
    match serde_wasm_bindgen::from_value::<serde_json::Value>(input.clone()) {
        Ok(value) => parse_query(&value),
        Err(error) => Err(QueryError::whole("error.not_json", error.to_string())),
    }
}

/// Decides a query (object or JSON string) along the problem-collecting path: a `Decision` (or its
/// `Verdicts`), or a `QueryError` with every problem. The package calls it when the compact path declines.
#[wasm_bindgen]
pub fn decide(query: JsValue, verdicts: bool) -> JsValue {
    match read_query(&query) {
        Ok(query) if verdicts => to_js(&core::verdicts(&query)),
        Ok(query) => to_js(&core::decide(&query)),
        Err(error) => to_js(&error),
    }
}

thread_local! {
    /// The compact answers' lexicon: what the package has been sent so far.
    static LEXICON: std::cell::RefCell<Lexicon> = std::cell::RefCell::default();
}

fn detail(verdicts: bool) -> Detail {
    if verdicts {
        Detail::Verdicts
    } else {
        Detail::Full
    }
}

/// Decides one valid query given as JSON text, in compact form (see `core::compact`); empty when the
/// query is not valid as it stands, and the package then calls `decide` for its problems.
#[wasm_bindgen(js_name = decideCompact)]
pub fn decide_compact(text: &str, verdicts: bool) -> Vec<u32> {
    LEXICON.with_borrow_mut(|lexicon| lexicon.decide(text, detail(verdicts)).unwrap_or_default())
}

/// Decides queries given as numbers (`core::compact::read_query_words`, 18 per query) in compact form;
/// a query not valid that way gets the record `2` and the package sends it again as JSON.
#[wasm_bindgen(js_name = decideWords)]
pub fn decide_words(words: &[u32], verdicts: bool) -> Vec<u32> {
    LEXICON.with_borrow_mut(|lexicon| lexicon.decide_words(words, detail(verdicts)))
}

/// The vocabularies the numeric form of a query indexes, as JSON (`core::compact::query_vocabulary`).
#[wasm_bindgen(js_name = queryVocabulary)]
pub fn query_vocabulary() -> String {
    crate::core::compact::query_vocabulary()
}

/// The JSON of the lexicon entries and errors a compact reply counted, as `[[entries…],[errors…]]`.
#[wasm_bindgen(js_name = takeNew)]
pub fn take_new() -> String {
    LEXICON.with_borrow_mut(Lexicon::take_new)
}

/// The nearest ways to a yes for every cloud that is not allowed (a `Nearest`), or a `QueryError`.
#[wasm_bindgen]
pub fn nearest(query: JsValue) -> JsValue {
    match read_query(&query) {
        Ok(query) => to_js(&core::nearest(&query)),
        Err(error) => to_js(&error),
    }
}

/// Every cloud's verdict over time for a query (a `Timeline`), or a `QueryError`.
#[wasm_bindgen]
pub fn timeline(query: JsValue) -> JsValue {
    match read_query(&query) {
        Ok(query) => to_js(&core::timeline(&query)),
        Err(error) => to_js(&error),
    }
}

/// Checks a query: `null` when it is valid, else a `QueryError` with every problem.
#[wasm_bindgen]
pub fn validate(query: JsValue) -> JsValue {
    match read_query(&query) {
        Ok(_) => JsValue::NULL,
        Err(error) => to_js(&error),
    }
}

/// The rule catalog, with messages in `lang` (`en`, `fr` or `de`; English by default).
#[wasm_bindgen]
pub fn catalog(lang: Option<String>) -> JsValue {
    to_js(&core::catalog(lang.as_deref().and_then(Lang::from_tag).unwrap_or_default()))
}

/// Versions: `{ api_version, ruleset_version, package_version }`.
#[wasm_bindgen]
pub fn version() -> JsValue {
    #[derive(Serialize)]
    struct Version {
        api_version: u32,
        ruleset_version: &'static str,
        package_version: &'static str,
    }
    to_js(&Version { api_version: API_VERSION, ruleset_version: RULESET_VERSION, package_version: env!("CARGO_PKG_VERSION") })
}
