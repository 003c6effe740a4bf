//! The rule catalog view: every rule and note with its message, clouds, dates and citation.

use super::answer::{citation_link, heading};
use crate::core::catalog::{catalog, EntryKind, SourceSection};
use crate::core::day::Effective;
use crate::core::sources::{self, source};
use crate::core::Lang;
use crate::web::i18n::{date, label, sentence, t, tf};
use yew::prelude::*;

/// Props of [`CatalogView`].
#[derive(Properties, PartialEq)]
pub struct CatalogViewProps {
    /// Interface language.
    pub lang: Lang,
    /// The rule to scroll to.
    pub focus: Option<String>,
    /// Back to the answer.
    pub on_back: Callback<()>,
    /// The heading level of the catalog's title.
    pub level: u8,
}

fn effective_text(effective: &Effective, lang: Lang) -> String {
    match (effective.from, effective.until) {
        (None, None) => t(lang, "catalog.always").to_string(),
        (Some(from), None) => tf(lang, "ui.from", &date(lang, from)),
        (None, Some(until)) => tf(lang, "ui.until", &date(lang, until)),
        (Some(from), Some(until)) => format!("{} {}", tf(lang, "ui.from", &date(lang, from)), tf(lang, "ui.until", &date(lang, until))),
    }
}

/// Every section of every source document with the rules and notes resting on it, grouped by document.
fn source_map_view(map: &[SourceSection], lang: Lang, level: u8) -> Html {
    let documents = map.chunk_by(|a, b| a.document == b.document);
    html! {
        <section class="source-map" aria-labelledby="source-map-title">
            { heading(level, Some("source-map-title"), None, html! { t(lang, "catalog.source_map") }) }
            <p class="muted">{ t(lang, "catalog.source_map_intro") }</p>
            { for documents.map(|sections| {
                let source = source(sections[0].document);
                let resting: usize = sections.iter().map(|entry| entry.cited_by.len()).sum();
                html! {
                    <details>
                        <summary>
                            { source.map_or(sections[0].document, |s| crate::core::sources::cite(s, "").title_in(lang)) }
                            { source.map(|s| format!(" · {}", date(lang, s.version_date))).unwrap_or_default() }
                            <span class="muted">{ format!(" · {}", tf(lang, "catalog.resting_on", &resting.to_string())) }</span>
                        </summary>
                        <ul>
                            { for sections.iter().map(|entry| html! {
                                <li>
                                    { if entry.section.is_empty() { t(lang, "catalog.whole_page") } else { sources::heading(entry.section, lang).unwrap_or(entry.section) } }{ " — " }
                                    if entry.cited_by.is_empty() {
                                        <span class="muted">{ t(lang, "catalog.source_map_uncited") }</span>
                                    } else {
                                        { entry.cited_by.join(", ") }
                                    }
                                </li>
                            }) }
                        </ul>
                    </details>
                }
            }) }
        </section>
    }
}

/// The catalog.
#[function_component(CatalogView)]
pub fn catalog_view(props: &CatalogViewProps) -> Html {
    let lang = props.lang;
    let catalog = use_memo(lang, |lang| catalog(*lang));
    {
        let focus = props.focus.clone();
        use_effect_with(focus, |focus| {
            let target = focus.as_ref().map(|id| format!("rule-{id}")).unwrap_or_else(|| "catalog-title".into());
            if let Some(element) = gloo::utils::document().get_element_by_id(&target) {
                element.scroll_into_view();
                if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                    let _ = element.focus();
                }
            }
        });
    }
    let back = {
        let on_back = props.on_back.clone();
        Callback::from(move |_: MouseEvent| on_back.emit(()))
    };
    html! {
        <section class="catalog" aria-labelledby="catalog-title">
            { heading(props.level, Some("catalog-title"), None, html! { t(lang, "ui.catalog") }) }
            <p>{ t(lang, "catalog.catalog_intro") }</p>
            <p class="muted">{ t(lang, "catalog.coverage_intro") }</p>
            <button type="button" class="secondary" onclick={back.clone()}>{ t(lang, "ui.back") }</button>
            <table>
                <thead><tr>
                    <th scope="col">{ t(lang, "catalog.rule_id") }</th>
                    <th scope="col">{ t(lang, "catalog.summary") }</th>
                    <th scope="col">{ t(lang, "catalog.clouds") }</th>
                    <th scope="col">{ t(lang, "catalog.effective") }</th>
                    <th scope="col">{ t(lang, "ui.source") }</th>
                    <th scope="col">{ t(lang, "catalog.coverage") }</th>
                </tr></thead>
                <tbody>
                    { for catalog.entries.iter().map(|e| {
                        let focused = props.focus.as_deref() == Some(e.id);
                        let kind = match e.kind { EntryKind::Rule => "catalog.kind_rule", EntryKind::Caution => "catalog.kind_caution", EntryKind::Note => "catalog.kind_note" };
                        html! {
                            <tr id={format!("rule-{}", e.id)} tabindex="-1" class={classes!(focused.then_some("focused"))}>
                                <th scope="row"><code>{ e.id }</code><br /><span class="muted">{ t(lang, kind) }</span></th>
                                <td>{ sentence(lang, e.message_key) }</td>
                                <td>{ e.clouds.iter().map(|c| label(lang, c)).collect::<Vec<_>>().join(", ") }</td>
                                <td>{ effective_text(&e.effective, lang) }</td>
                                <td>{ citation_link(&e.citation, lang) }</td>
                                <td>{ e.coverage.map(|(applied, fired)| tf(lang, "catalog.coverage_counts", &format!("{applied} / {fired}"))).unwrap_or_default() }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            { source_map_view(&catalog.source_map, lang, props.level + 1) }
            <button type="button" class="secondary" onclick={back}>{ t(lang, "ui.back") }</button>
        </section>
    }
}
