//! A labelled select with its hint and error: the building block of the form.

use crate::core::{Lang, Vocabulary};
use crate::web::i18n::{label, t};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The options of a select for every value of a vocabulary.
pub fn options<V: Vocabulary>(lang: Lang) -> Vec<(String, String)> {
    V::ALL.iter().map(|value| (value.id().to_string(), label(lang, *value).to_string())).collect()
}

/// Yes / no options for a tri-state fact.
pub fn yes_no(lang: Lang) -> Vec<(String, String)> {
    vec![("true".into(), t(lang, "ui.yes").into()), ("false".into(), t(lang, "ui.no").into())]
}

/// A select's `change` handler that reports the chosen value (`None` for the empty "not stated" entry).
pub fn on_select(callback: &Callback<Option<String>>) -> Callback<Event> {
    let callback = callback.clone();
    Callback::from(move |event: Event| {
        let value = event.target_unchecked_into::<HtmlSelectElement>().value();
        callback.emit(if value.is_empty() { None } else { Some(value) });
    })
}

/// A ref for a `<select>` that shows `value` after every render. The `selected` attribute alone stops
/// applying once the user has touched a select, so a query restored by back/forward, or options
/// reordered by a filter, would otherwise show another entry than the state holds.
#[hook]
pub fn use_shown_value(value: &str) -> NodeRef {
    let select = use_node_ref();
    {
        let select = select.clone();
        let value = value.to_string();
        use_effect(move || {
            if let Some(element) = select.cast::<HtmlSelectElement>() {
                if element.value() != value {
                    element.set_value(&value);
                }
            }
        });
    }
    select
}

/// Props of [`SelectField`].
#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// Element id, also the field's JSON path with dots turned into dashes.
    pub id: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// (value, text) pairs.
    pub options: Vec<(String, String)>,
    /// The current value; `None` selects the "not stated" entry.
    pub value: Option<String>,
    /// Text of the "not stated" entry; `None` makes the field required.
    #[prop_or_default]
    pub unset_label: Option<AttrValue>,
    /// A hint under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Error messages for the field.
    #[prop_or_default]
    pub errors: Vec<String>,
    /// Called with the new value (`None` for "not stated").
    pub onchange: Callback<Option<String>>,
}

/// A labelled `<select>`.
#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let onchange = on_select(&props.onchange);
    let value = props.value.clone().unwrap_or_default();
    let known = props.options.iter().any(|(v, _)| *v == value);
    let select = use_shown_value(&value);
    html! {
        <div class={classes!("field", (!props.errors.is_empty()).then_some("has-error"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            { hint_and_errors(&props.id, props.hint.as_ref(), &props.errors) }
            <select ref={select} id={props.id.clone()} {onchange} aria-invalid={(!props.errors.is_empty()).to_string()}
                aria-describedby={describedby(&props.id, props.hint.is_some(), &props.errors)}>
                if let Some(unset) = &props.unset_label {
                    <option value="" selected={value.is_empty()}>{ unset }</option>
                }
                if !known && !value.is_empty() {
                    <option value={value.clone()} selected=true>{ &value }</option>
                }
                { for props.options.iter().map(|(v, text)| html! {
                    <option value={v.clone()} selected={*v == value}>{ text }</option>
                }) }
            </select>
        </div>
    }
}

/// The ids a control's `aria-describedby` points at.
pub fn describedby(id: &str, hint: bool, errors: &[String]) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if !errors.is_empty() {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A field's hint and error lines.
pub fn hint_and_errors(id: &str, hint: Option<&AttrValue>, errors: &[String]) -> Html {
    html! {
        <>
            if let Some(hint) = hint {
                <p class="hint" id={format!("{id}-hint")}>{ hint }</p>
            }
            if !errors.is_empty() {
                <p class="error" id={format!("{id}-error")} role="alert">
                    { for errors.iter().map(|e| html! { <span>{ e }</span> }) }
                </p>
            }
        </>
    }
}
