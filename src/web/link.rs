//! The query in the address bar and in local storage, and today's date from the browser clock.

use gloo::history::{BrowserHistory, History};
use gloo::storage::{LocalStorage, Storage};
use std::collections::BTreeMap;

/// Local-storage key of the last query.
const STORAGE_KEY: &str = "csp-eligibility.last-query";
/// Query-string key of the language.
pub const LANG_PARAM: &str = "lang";

/// Every `key=value` pair of the current address's query string.
fn address_pairs(history: &BrowserHistory) -> Vec<(String, String)> {
    history.location().query::<Vec<(String, String)>>().unwrap_or_default()
}

/// The flat fields carried by the current address, without the language; empty when there are none.
pub fn fields_from_address(history: &BrowserHistory) -> BTreeMap<String, String> {
    address_pairs(history).into_iter().filter(|(key, _)| key != LANG_PARAM).collect()
}

/// The language named in the current address, if any.
pub fn lang_from_address(history: &BrowserHistory) -> Option<String> {
    address_pairs(history).into_iter().find(|(key, _)| key == LANG_PARAM).map(|(_, value)| value)
}

/// Puts the fields and language in the address as a new history entry, unless they are already there.
pub fn push_to_address(history: &BrowserHistory, fields: &BTreeMap<String, String>, lang: &str) {
    let mut pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    pairs.push((LANG_PARAM, lang));
    let current = address_pairs(history);
    let same = current.len() == pairs.len() && current.iter().zip(&pairs).all(|((ck, cv), (k, v))| ck == k && cv == v);
    if !same {
        let path = history.location().path().to_string();
        let _ = history.push_with_query(path, pairs);
    }
}

/// The full shareable address of the current page.
pub fn current_address() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// The last query kept in local storage.
pub fn stored_fields() -> Option<BTreeMap<String, String>> {
    LocalStorage::get(STORAGE_KEY).ok()
}

/// Keeps the query in local storage.
pub fn store_fields(fields: &BTreeMap<String, String>) {
    let _ = LocalStorage::set(STORAGE_KEY, fields);
}

/// Today's date (`YYYY-MM-DD`) from the browser clock, in the user's time zone.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// The user's preferred language among those the catalog has.
pub fn browser_lang() -> Option<String> {
    gloo::utils::window().navigator().language()
}
