//! A country picker: every known country, grouped by its CSP region on the as-of date, with a filter box.

use super::field::{describedby, hint_and_errors, on_select, use_shown_value};
use crate::core::markets::{self, CountryCode, MARKETS};
use crate::core::{Day, Lang, Vocabulary};
use crate::core::vocabulary::Region;
use crate::web::i18n::{collator, fold, label, t, CountryNames};
use std::cell::RefCell;
use std::rc::Rc;
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

/// One entry of the country list.
struct CountryRow {
    /// CSP region on the day; `None` when the country is no CSP market then.
    region: Option<Region>,
    /// Partner Center code.
    code: &'static str,
    /// Name in the interface language.
    name: String,
    /// Localised and English names and the code, folded for the filter.
    search: String,
}

/// Every known country for a day and language, sorted by region, then by name in that language.
fn grouped(day: Day, lang: Lang) -> Vec<CountryRow> {
    let names = CountryNames::new(lang);
    let compare = collator(lang);
    let rank = |region: Option<Region>| region.map_or(usize::MAX, |r| Region::ALL.iter().position(|x| *x == r).unwrap_or(0));
    let mut rows: Vec<CountryRow> = Vec::new();
    for code in markets::known_codes() {
        let Some(market) = CountryCode::parse(code).and_then(|c| markets::on(c, day)).or_else(|| MARKETS.iter().find(|r| r.code == code)) else {
            continue;
        };
        let region = market.region.filter(|_| market.effective.holds_on(day));
        let name = names.name(code, market.name);
        let search = fold(&format!("{name} {} {code}", market.name), lang);
        // Inserting each row in place keeps the list ordered without a sort routine in the bundle.
        let at = rows.partition_point(|row| rank(row.region).cmp(&rank(region)).then_with(|| compare(&row.name, &name)).is_le());
        rows.insert(at, CountryRow { region, code, name, search });
    }
    rows
}

thread_local! {
    /// The last list built, shared by the page's country selects (they all show the same day and language).
    static LAST_LIST: RefCell<Option<(Day, Lang, Rc<Vec<CountryRow>>)>> = const { RefCell::new(None) };
}

/// The country list for a day and language, built once for all the selects that show it.
fn country_list(day: Day, lang: Lang) -> Rc<Vec<CountryRow>> {
    LAST_LIST.with(|last| {
        let mut last = last.borrow_mut();
        match &*last {
            Some((d, l, rows)) if *d == day && *l == lang => rows.clone(),
            _ => {
                let rows = Rc::new(grouped(day, lang));
                *last = Some((day, lang, rows.clone()));
                rows
            }
        }
    })
}

/// A filterable, region-grouped country select.
#[function_component(CountrySelect)]
pub fn country_select(props: &CountrySelectProps) -> Html {
    let filter = use_state(String::new);
    let lang = props.lang;
    let day = props.as_of.or_else(|| Day::parse("2024-01-01")).unwrap_or_else(|| Day::from_date(time::Date::MIN));
    let rows = use_memo((day, lang), |(day, lang)| country_list(*day, *lang));
    let value = props.value.clone().unwrap_or_default();
    let needle = fold(filter.trim(), lang);
    let mut groups: Vec<(Option<Region>, Vec<&CountryRow>)> = Vec::new();
    for row in rows.iter().filter(|row| needle.is_empty() || row.code == value || row.search.contains(&needle)) {
        match groups.last_mut() {
            Some((region, items)) if *region == row.region => items.push(row),
            _ => groups.push((row.region, vec![row])),
        }
    }
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |event: InputEvent| filter.set(event.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let onchange = on_select(&props.onchange);
    let known = rows.iter().any(|row| row.code == value);
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
                            { for items.iter().map(|row| html! {
                                <option value={row.code} selected={row.code == value}>{ format!("{} ({})", row.name, row.code) }</option>
                            }) }
                        </optgroup>
                    }) }
                </select>
            </div>
        </div>
    }
}
