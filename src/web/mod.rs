//! The browser layers over the rules core: the yew widget, the shareable-link and storage glue, the
//! custom element and the JS API. Nothing here decides anything; it all calls [`crate::core`].

pub mod app;
pub mod components;
pub mod element;
pub mod i18n;
pub mod js_api;
pub mod link;
pub mod state;

/// Registers the custom element and mounts the widget on the page's `#app` element, if the page has one.
pub fn start() {
    element::define_element();
    let document = gloo::utils::document();
    if let Some(root) = document.get_element_by_id("app") {
        yew::Renderer::<app::App>::with_root(root).render();
    }
}
