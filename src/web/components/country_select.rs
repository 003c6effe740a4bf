//! A country picker: every known country, grouped by its CSP region on the as-of date, with a filter box.

use super::field::{describedby, hint_and_errors, on_select, use_shown_value};
use crate::core::markets::{self, CountryCode, MARKETS};
use crate::core::{Day, Lang, Vocabulary};
use crate::core::vocabulary::Region;
use crate::web::i18n::{label, t};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`CountrySelect`].
#[derive(Properties, PartialEq)]
pub struct CountrySelectProps {
    /// Element id of the select; the filter box gets `<id>-filter`.
    pub id: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// The selected code.
    pub value: Option<String>,
    /// The day regions are shown for.
    pub as_of: Option<Day>,
    /// Text of the "not stated" entry; `None` makes the field required.
    #[prop_or_default]
    pub unset_label: Option<AttrValue>,
    /// A hint under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Error messages.
    #[prop_or_default]
    pub errors: Vec<String>,
    /// The interface language.
    pub lang: Lang,
    /// Called with the new code.
    pub onchange: Callback<Option<String>>,
}

/// Every known country as (region, code, name) for a day, sorted by region then name.
fn grouped(day: Day) -> Vec<(Option<Region>, &'static str, &'static str)> {
    let rank = |region: Option<Region>| region.map_or(usize::MAX, |r| Region::ALL.iter().position(|x| *x == r).unwrap_or(0));
    let mut rows: Vec<(Option<Region>, &'static str, &'static str)> = Vec::new();
    for code in markets::known_codes() {
        let Some(row) = CountryCode::parse(code).and_then(|c| markets::on(c, day)).or_else(|| MARKETS.iter().find(|r| r.code == code)) else {
            continue;
        };
        let region = row.region.filter(|_| row.effective.holds_on(day));
        // Inserting each row in place keeps the list ordered without a sort routine in the bundle.
        let at = rows.partition_point(|(r, _, name)| (rank(*r), *name) <= (rank(region), row.name));
        rows.insert(at, (region, row.code, row.name));
    }
    rows
}

/// A filterable, region-grouped country select.
#[function_component(CountrySelect)]
pub fn country_select(props: &CountrySelectProps) -> Html {
    let filter = use_state(String::new);
    let lang = props.lang;
    let day = props.as_of.or_else(|| Day::parse("2024-01-01")).unwrap_or_else(|| Day::from_date(time::Date::MIN));
    let rows = use_memo(day, |day| grouped(*day));
    let value = props.value.clone().unwrap_or_default();
    let needle = filter.trim().to_ascii_lowercase();
    let shown: Vec<_> = rows
        .iter()
        .filter(|(_, code, name)| needle.is_empty() || *code == value || name.to_ascii_lowercase().contains(&needle) || code.eq_ignore_ascii_case(&needle))
        .collect();
    let mut groups: Vec<(Option<Region>, Vec<(&str, &str)>)> = Vec::new();
    for (region, code, name) in shown {
        match groups.last_mut() {
            Some((last, items)) if last == region => items.push((code, name)),
            _ => groups.push((*region, vec![(code, name)])),
        }
    }
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |event: InputEvent| filter.set(event.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let onchange = on_select(&props.onchange);
    let known = rows.iter().any(|(_, code, _)| *code == value);
    let select = use_shown_value(&value);
    let filter_id = format!("{}-filter", props.id);
    html! {
        <div class={classes!("field", "country", (!props.errors.is_empty()).then_some("has-error"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            { hint_and_errors(&props.id, props.hint.as_ref(), &props.errors) }
            <div class="country-controls">
                <label class="visually-hidden" for={filter_id.clone()}>{ format!("{} — {}", props.label, t(lang, "ui.country_filter")) }</label>
                <input id={filter_id} type="search" class="filter" placeholder={t(lang, "ui.country_filter")} value={(*filter).clone()} {oninput} autocomplete="off" />
                <select ref={select} id={props.id.clone()} {onchange} aria-invalid={(!props.errors.is_empty()).to_string()}
                    aria-describedby={describedby(&props.id, props.hint.is_some(), &props.errors)}>
                    if let Some(unset) = &props.unset_label {
                        <option value="" selected={value.is_empty()}>{ unset }</option>
                    }
                    if !known && !value.is_empty() {
                        <option value={value.clone()} selected=true>{ &value }</option>
                    }
                    { for groups.iter().map(|(region, items)| html! {
                        <optgroup label={region.map_or_else(|| t(lang, "region.none"), |r| label(lang, r))}>
                            { for items.iter().map(|(code, name)| html! {
                                <option value={code.to_string()} selected={*code == value}>{ format!("{name} ({code})") }</option>
                            }) }
                        </optgroup>
                    }) }
                </select>
            </div>
        </div>
    }
}
