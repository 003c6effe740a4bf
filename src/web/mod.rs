//! The browser layers over the rules core: the yew widget, the shareable-link and storage glue, the
//! custom element and the JS API. Nothing here decides anything; it all calls [`crate::core`].

pub mod app;
#[cfg(feature = "batch")]
pub mod batch_api;
pub mod components;
#[cfg(feature = "npm")]
pub mod element;
pub mod i18n;
#[cfg(feature = "npm")]
pub mod js_api;
pub mod link;
pub mod state;

/// Loads the text of the page's language (English if that fails; its notes and catalog text follow
/// once the widget answers), then mounts the widget on the page's
/// `#app` element, if the page has one.
pub fn start() {
    let lang = app::initial_lang();
    i18n::load_pack(lang, false, move |loaded| {
        if loaded || lang == crate::core::Lang::En {
            mount();
        } else {
            i18n::load_pack(crate::core::Lang::En, false, |_| mount());
        }
    });
}

fn mount() {
    if let Some(root) = gloo::utils::document().get_element_by_id("app") {
        yew::Renderer::<app::App>::with_root(root).render();
    }
}

#[cfg(feature = "npm")]
/// A value as plain JS data (objects, arrays, strings, numbers): exactly what `JSON.parse` gives.
pub fn to_js<T: serde::Serialize>(value: &T) -> wasm_bindgen::JsValue {
    serde_json::to_string(value).ok().and_then(|text| js_sys::JSON::parse(&text).ok()).unwrap_or(wasm_bindgen::JsValue::NULL)
}
