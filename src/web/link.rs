//! The query in the address bar and in local storage, and today's date from the browser clock.

use crate::core::flat::Fields;
use crate::core::Lang;
use gloo::events::EventListener;
use gloo::storage::{LocalStorage, Storage};

/// Local-storage key of the last query.
const STORAGE_KEY: &str = "csp-eligibility.last-query";
/// Query-string key of the language.
pub const LANG_PARAM: &str = "lang";

/// The `key=value` pairs of a query string, in order (parsed by the browser's `URLSearchParams`).
fn query_pairs(text: &str) -> Vec<(String, String)> {
    let Some(entries) = web_sys::UrlSearchParams::new_with_str(text).ok().and_then(|params| js_sys::try_iter(&params).ok().flatten()) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pair = js_sys::Array::from(&entry);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// A query string for `pairs`, encoded by the browser's `URLSearchParams`.
fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return String::new();
    };
    for (key, value) in pairs {
        params.append(key, value);
    }
    params.to_string().into()
}

/// Every `key=value` pair of the current address's query string.
fn address_pairs() -> Vec<(String, String)> {
    query_pairs(&gloo::utils::window().location().search().unwrap_or_default())
}

/// The flat fields carried by the current address, without the language; empty when there are none.
pub fn fields_from_address() -> Fields {
    address_pairs().into_iter().filter(|(key, _)| key != LANG_PARAM).collect()
}

/// The language named in the current address, if any.
pub fn lang_from_address() -> Option<String> {
    address_pairs().into_iter().find(|(key, _)| key == LANG_PARAM).map(|(_, value)| value)
}

/// How long after an edit of a field another edit of the same field replaces its history entry
/// rather than adding one (typing a date fires a change per completed segment).
const EDIT_BURST_MS: f64 = 2000.0;

thread_local! {
    /// The field the last history entry changed, and when.
    static LAST_EDIT: std::cell::RefCell<Option<(String, f64)>> = const { std::cell::RefCell::new(None) };
}

/// Puts the fields and language in the address, unless they are already there: as a new history entry,
/// or replacing the current one when the same single field changed again within [`EDIT_BURST_MS`].
/// (The History API directly: gloo's history type brings a serde state codec the page never uses.)
pub fn push_to_address(fields: &Fields, lang: &str) {
    let pairs = with_lang(fields, lang);
    let current = address_pairs();
    let changed: Vec<&str> = pairs
        .iter()
        .filter(|(k, v)| !current.iter().any(|(ck, cv)| ck == k && cv == v))
        .map(|(k, _)| *k)
        .chain(current.iter().filter(|(ck, _)| !pairs.iter().any(|(k, _)| k == ck)).map(|(ck, _)| ck.as_str()))
        .collect();
    // The same pairs in another order (a link written by hand) are the same query: no new entry.
    if changed.is_empty() && current.len() == pairs.len() {
        return;
    }
    let now = js_sys::Date::now();
    let field = match changed.as_slice() {
        [one] => Some(one.to_string()),
        _ => None,
    };
    let burst = LAST_EDIT.with_borrow(|last| last.as_ref().is_some_and(|(last, at)| Some(last) == field.as_ref() && now - at < EDIT_BURST_MS));
    LAST_EDIT.set(field.map(|field| (field, now)));
    let window = gloo::utils::window();
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}?{}", query_string(pairs));
    if let Ok(history) = window.history() {
        let _ = if burst {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// The fields' pairs followed by the language's.
fn with_lang<'a>(fields: &'a Fields, lang: &'a str) -> Vec<(&'a str, &'a str)> {
    fields.iter().chain(std::iter::once((LANG_PARAM, lang))).collect()
}

/// The full address that reproduces `fields` in `lang`, as the page puts it in its address bar (the
/// printed answer carries it as text).
pub fn address_for(fields: &Fields, lang: &str) -> String {
    let location = gloo::utils::window().location();
    format!("{}{}?{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default(), query_string(with_lang(fields, lang)))
}

/// The address of the site's rule catalog page in `lang`, at `rule`'s row if one is named.
pub fn catalog_address(lang: Lang, rule: Option<&str>) -> String {
    let mut address = format!("catalog.html?lang={}", lang.tag());
    if let Some(rule) = rule {
        address.push_str("#rule-");
        address.push_str(rule);
    }
    address
}

/// Where the page keeps, for the one return from the catalog page, what was open and followed.
const RETURN_KEY: &str = "csp-eligibility:return";

/// Notes the sections open on the cards and the rule link being followed (`link`, to `rule`), so that
/// coming back from the catalog page opens them again and puts the focus back on that link.
pub fn remember_return(link: &web_sys::Element, rule: &str) {
    let card_of = |element: &web_sys::Element| element.closest("article").ok().flatten().and_then(|card| card.get_attribute("aria-labelledby"));
    let mut selectors = Vec::new();
    if let Ok(open) = gloo::utils::document().query_selector_all("article details[open]") {
        for index in 0..open.length() {
            let Some(details) = open.item(index).and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok()) else { continue };
            if let Some(card) = card_of(&details) {
                match details.get_attribute("class") {
                    Some(class) => selectors.push(format!("article[aria-labelledby={card}] details.{}", class.split(' ').next().unwrap_or_default())),
                    None => selectors.push(format!("article[aria-labelledby={card}] > details")),
                }
            }
        }
    }
    if let Some(card) = card_of(link) {
        let list = if link.closest(".reasons").ok().flatten().is_some() { "reasons" } else { "deciding" };
        selectors.push(format!("article[aria-labelledby={card}] .{list} a[href$='#rule-{rule}']"));
    }
    let _ = gloo::storage::SessionStorage::raw().set_item(RETURN_KEY, &selectors.join("\n"));
}

/// After a return from the catalog page: opens the sections that were open and focuses the rule link
/// that was followed (see [`remember_return`]); once.
pub fn restore_return() {
    let storage = gloo::storage::SessionStorage::raw();
    let Ok(Some(saved)) = storage.get_item(RETURN_KEY) else { return };
    let _ = storage.remove_item(RETURN_KEY);
    let document = gloo::utils::document();
    for selector in saved.lines() {
        let Ok(Some(element)) = document.query_selector(selector) else { continue };
        if element.tag_name().eq_ignore_ascii_case("details") {
            let _ = element.set_attribute("open", "");
        } else if let Ok(link) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = link.focus();
        }
    }
}

/// Calls `on_change` whenever back or forward changes the address; stops when dropped.
pub fn on_address_change(on_change: impl Fn() + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "popstate", move |_| on_change())
}

/// The full shareable address of the current page.
pub fn current_address() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// The last query kept in local storage (stored as a query string, like the address).
pub fn stored_fields() -> Option<Fields> {
    let text = LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten()?;
    let fields: Fields = query_pairs(&text).into_iter().collect();
    (!fields.is_empty()).then_some(fields)
}

/// Keeps the query in local storage.
pub fn store_fields(fields: &Fields) {
    let text = query_string(fields.iter());
    let _ = LocalStorage::raw().set_item(STORAGE_KEY, &text);
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
