//! The toolbar: language switcher, copy link, print, catalog, start over, and the batch view's link.

use super::IN_WIDGET_CATALOG;
use crate::core::Lang;
use crate::web::i18n::t;
use crate::web::link::{catalog_address, current_address};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// Interface language.
    pub lang: Lang,
    /// Switch language.
    pub on_lang: Callback<Lang>,
    /// Show the catalog.
    pub on_catalog: Callback<()>,
    /// Start over with a fresh query.
    pub on_reset: Callback<()>,
    /// Whether the query lives in the address bar, so that copying the link makes sense.
    pub shareable: bool,
    /// Whether to offer the language switcher (a compact widget in a portal follows the host's language).
    pub languages: bool,
}

/// The toolbar.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let copied = use_state(|| false);
    let on_lang = {
        let callback = props.on_lang.clone();
        Callback::from(move |event: Event| {
            let tag = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(lang) = Lang::from_tag(&tag) {
                callback.emit(lang);
            }
        })
    };
    let copy = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let clipboard = gloo::utils::window().navigator().clipboard();
            let _ = clipboard.write_text(&current_address());
            copied.set(true);
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let catalog = {
        let callback = props.on_catalog.clone();
        Callback::from(move |_: MouseEvent| callback.emit(()))
    };
    let reset = {
        let callback = props.on_reset.clone();
        Callback::from(move |_: MouseEvent| callback.emit(()))
    };
    html! {
        <nav class="toolbar" part="toolbar" aria-label={t(lang, "ui.title")}>
            if props.languages {
                <label for="lang">{ t(lang, "ui.language") }</label>
                <select id="lang" onchange={on_lang}>
                    { for Lang::ALL.iter().map(|l| html! {
                        <option value={l.tag()} selected={*l == lang}>{ match l { Lang::En => "English", Lang::Fr => "Français", Lang::De => "Deutsch" } }</option>
                    }) }
                </select>
            }
            if props.shareable {
                <button type="button" onclick={copy}>{ t(lang, if *copied { "ui.copied" } else { "ui.copy_link" }) }</button>
            }
            <button type="button" class="print" onclick={print}>{ t(lang, "ui.print") }</button>
            if IN_WIDGET_CATALOG {
                <button type="button" onclick={catalog}>{ t(lang, "ui.open_catalog") }</button>
            } else {
                <a href={catalog_address(lang, None)}>{ t(lang, "ui.open_catalog") }</a>
            }
            <button type="button" class="secondary" onclick={reset}>{ t(lang, "ui.reset") }</button>
            // The batch view is a page of the standalone site, not of a host's portal.
            if props.shareable {
                <a href={match lang { Lang::En => "batch.html?lang=en", Lang::Fr => "batch.html?lang=fr", Lang::De => "batch.html?lang=de" }}>{ t(lang, "ui.batch") }</a>
            }
        </nav>
    }
}
