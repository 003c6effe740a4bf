//! The JS API: `decide`, `validate`, `catalog`, `version`. Values cross the boundary with
//! serde-wasm-bindgen; bad input comes back as a `QueryError` value, never as a trap.

use crate::core::{self, parse_query, Lang, QueryError, API_VERSION, RULESET_VERSION};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// Reads a JS value (an object, or a JSON string) as a query.
fn read_query(input: &JsValue) -> Result<core::Query, QueryError> {
    if let Some(text) = input.as_string() {
        return core::parse_query_str(&text);
    }
    let value: serde_json::Value = match serde_wasm_bindgen::from_value(input.clone()) {
        Ok(value) => value,
        Err(error) => return core::parse_query_str(&format!("not JSON: {error}")),
    };
    parse_query(&value)
}

/// Decides a query (object or JSON string): a `Decision`, or a `QueryError` with every problem.
#[wasm_bindgen]
pub fn decide(query: JsValue) -> JsValue {
    match read_query(&query) {
        Ok(query) => to_js(&core::decide(&query)),
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
