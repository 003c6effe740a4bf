//! The browser layers over the rules core: the yew widget, the shareable-link and storage glue, the
//! custom element and the JS API. Nothing here decides anything; it all calls [`crate::core`].

pub mod app;
pub mod components;
pub mod i18n;
pub mod js_api;
pub mod link;
pub mod state;

use wasm_bindgen::JsCast;

/// Mounts the widget on the page's `#app` element (or `<body>` when there is none).
pub fn start() {
    let document = gloo::utils::document();
    let root = document.get_element_by_id("app").or_else(|| document.body().map(|body| body.unchecked_into()));
    if let Some(root) = root {
        yew::Renderer::<app::App>::with_root(root).render();
    }
}
