//! A country picker: an accessible combobox over every known country, grouped by its CSP region on the
//! as-of date, matching names in the page's language and English, common aliases and codes.

use super::field::{describedby, hint_and_errors};
use crate::core::markets::{self, CountryCode, MARKETS};
use crate::core::vocabulary::Region;
use crate::core::{Day, Lang, Vocabulary};
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
    let english = CountryNames::english();
    let compare = collator(lang);
    let rank = |region: Option<Region>| region.map_or(usize::MAX, |r| Region::ALL.iter().position(|x| *x == r).unwrap_or(0));
    let mut rows: Vec<CountryRow> = Vec::new();
    for code in markets::known_codes() {
        let Some(market) = CountryCode::parse(code).and_then(|c| markets::on(c, day)).or_else(|| MARKETS.iter().find(|r| r.code == code)) else {
            continue;
        };
        let region = market.region.filter(|_| market.effective.holds_on(day));
        let name = names.name(code, market.name);
        let aliases = ALIASES.iter().find(|(alias, _)| *alias == code).map_or("", |(_, names)| names);
        let search = fold(&format!("{name} {} {} {aliases} {code}", market.name, english.name(code, market.name)), lang);
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

/// Other names people type for a country, in any of the page's languages, besides its name in the
/// page's language, Microsoft's English name and its code (the browser's English name is added too).
const ALIASES: [(&str, &str); 14] = [
    ("GB", "Britain Great Britain England Scotland Wales Royaume-Uni Grande-Bretagne Großbritannien Vereinigtes Königreich"),
    ("US", "USA America Amérique Amerika Vereinigte Staaten États-Unis"),
    ("TR", "Turkey Turquie Türkei"),
    ("KR", "South Korea Corée du Sud Südkorea"),
    ("NL", "Holland Pays-Bas Niederlande"),
    ("CZ", "Czechia Tchéquie Tschechien"),
    ("CI", "Ivory Coast Elfenbeinküste"),
    ("MK", "Macedonia Macédoine Mazedonien"),
    ("SZ", "Eswatini"),
    ("CV", "Cape Verde Cap-Vert Kap Verde"),
    ("VA", "Holy See Saint-Siège Heiliger Stuhl"),
    ("AE", "UAE Emirates Émirats Emirate"),
    ("CH", "Suisse Schweiz Svizzera"),
    ("DE", "Allemagne Deutschland"),
];

/// How well a row matches what was typed: the code itself, then a name or alias starting with it, then
/// a name containing it; `None` when it does not match.
fn rank(row: &CountryRow, needle: &str) -> Option<u8> {
    if needle.is_empty() {
        return Some(2);
    }
    if row.code.eq_ignore_ascii_case(needle) {
        return Some(0);
    }
    let starts = row.search.split([' ', '(', ')', ',', '-']).any(|word| word.starts_with(needle)) || row.search.starts_with(needle);
    if starts {
        Some(1)
    } else {
        row.search.contains(needle).then_some(2)
    }
}

/// A country combobox: type a name (in the page's language or English, or a common alias) or a code,
/// move with the arrow keys, Enter picks; the list is grouped by CSP region on the as-of date while
/// nothing is typed, ranked by match once something is.
#[function_component(CountrySelect)]
pub fn country_select(props: &CountrySelectProps) -> Html {
    // What the asker is typing; `None` shows the chosen country.
    let typed = use_state(|| None::<String>);
    let open = use_state(|| false);
    let active = use_state(|| None::<usize>);
    let lang = props.lang;
    let day = props.as_of.or_else(|| Day::parse("2024-01-01")).unwrap_or_else(|| Day::from_date(time::Date::MIN));
    let rows = use_memo((day, lang), |(day, lang)| country_list(*day, *lang));
    let value = props.value.clone().unwrap_or_default();
    let needle = typed.as_deref().map(|text| fold(text.trim(), lang)).unwrap_or_default();
    // The choices in order: "not stated" first while nothing is typed, then the countries.
    let mut matches: Vec<(Option<&CountryRow>, u8)> = Vec::new();
    if props.unset_label.is_some() && needle.is_empty() {
        matches.push((None, 0));
    }
    for row in rows.iter() {
        if let Some(score) = rank(row, &needle) {
            let at = matches.partition_point(|(_, other)| *other <= score);
            matches.insert(at, (Some(row), score));
        }
    }
    let chosen_text = rows
        .iter()
        .find(|row| row.code == value)
        .map_or_else(|| if value.is_empty() { chosen_none(props) } else { value.clone() }, |row| format!("{} ({})", row.name, row.code));
    let shown = typed.as_ref().cloned().unwrap_or_else(|| chosen_text.clone());
    let list_id = format!("{}-list", props.id);
    let option_id = {
        let id = props.id.clone();
        move |row: Option<&CountryRow>| format!("{id}-option-{}", row.map_or("none", |row| row.code))
    };
    // Closing the list shows the chosen country again.
    let close = {
        let (typed, open, active) = (typed.clone(), open.clone(), active.clone());
        move || {
            typed.set(None);
            open.set(false);
            active.set(None);
        }
    };
    let choose = {
        let (close, onchange) = (close.clone(), props.onchange.clone());
        move |code: Option<&'static str>| {
            onchange.emit(code.map(str::to_string));
            close();
        }
    };
    let codes: Vec<Option<&'static str>> = matches.iter().map(|(row, _)| row.map(|row| row.code)).collect();
    let oninput = {
        let (typed, open, active, chosen) = (typed.clone(), open.clone(), active.clone(), chosen_text.clone());
        Callback::from(move |event: InputEvent| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let mut text = input.value();
            // Typing after the chosen country's name (a click put the caret there) starts a new search.
            if typed.is_none() && text.len() > chosen.len() {
                if let Some(rest) = text.strip_prefix(chosen.as_str()) {
                    text = rest.to_string();
                    input.set_value(&text);
                }
            }
            // The best match is highlighted at once, so Enter takes it.
            active.set((!text.trim().is_empty()).then_some(0));
            typed.set(Some(text));
            open.set(true);
        })
    };
    let onkeydown = {
        let (typed, open, active, choose, close, codes) = (typed.clone(), open.clone(), active.clone(), choose.clone(), close.clone(), codes.clone());
        Callback::from(move |event: KeyboardEvent| {
            let last = codes.len().checked_sub(1);
            match event.key().as_str() {
                "ArrowDown" | "ArrowUp" if last.is_some() => {
                    event.prevent_default();
                    let down = event.key() == "ArrowDown";
                    let next = match (*active, down) {
                        (None, true) => 0,
                        (None, false) => last.unwrap_or(0),
                        (Some(at), true) => (at + 1).min(last.unwrap_or(0)),
                        (Some(at), false) => at.saturating_sub(1),
                    };
                    open.set(true);
                    active.set(Some(next));
                }
                "Enter" if *open => {
                    event.prevent_default();
                    if let Some(code) = active.and_then(|at| codes.get(at).copied()) {
                        choose(code);
                    }
                }
                "Escape" if *open || typed.is_some() => {
                    event.prevent_default();
                    close();
                }
                _ => {}
            }
        })
    };
    let onblur = Callback::from(move |_: FocusEvent| close());
    // Focus selects the chosen country's name, so that typing replaces it.
    let onfocus = Callback::from(|event: FocusEvent| event.target_unchecked_into::<HtmlInputElement>().select());
    let onclick = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let grouped = needle.is_empty();
    let mut last_region = None;
    let items = matches.iter().enumerate().map(|(index, (row, _))| {
        let header = match row {
            Some(row) if grouped && last_region != Some(row.region) => {
                last_region = Some(row.region);
                Some(html! { <li role="presentation" class="group">{ row.region.map_or_else(|| t(lang, "region.none"), |r| label(lang, r)) }</li> })
            }
            _ => None,
        };
        let text = row.map_or_else(|| chosen_none(props), |row| format!("{} ({})", row.name, row.code));
        let code = row.map(|row| row.code);
        let pick = choose.clone();
        // Pressing keeps the focus in the box, so the pick is not lost to its blur.
        let onmousedown = Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            pick(code);
        });
        let selected = code.unwrap_or_default() == value;
        html! {
            <>
                { header.unwrap_or_default() }
                <li role="option" id={option_id(*row)} aria-selected={(*active == Some(index)).to_string()}
                    class={classes!(selected.then_some("chosen"), (*active == Some(index)).then_some("active"))} {onmousedown}>{ text }</li>
            </>
        }
    });
    let list: Html = items.collect();
    html! {
        <div class={classes!("field", "country", (!props.errors.is_empty()).then_some("has-error"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            { hint_and_errors(&props.id, props.hint.as_ref(), &props.errors) }
            <div class="combo">
                <input id={props.id.clone()} type="text" role="combobox" aria-autocomplete="list" aria-expanded={open.to_string()}
                    aria-controls={list_id.clone()} aria-activedescendant={active.and_then(|at| matches.get(at)).map(|(row, _)| option_id(*row))}
                    aria-invalid={(!props.errors.is_empty()).to_string()} aria-describedby={describedby(&props.id, props.hint.is_some(), &props.errors)}
                    placeholder={t(lang, "ui.country_filter")} value={shown} autocomplete="off" spellcheck="false" {oninput} {onkeydown} {onfocus} {onblur} {onclick} />
                if *open {
                    <ul role="listbox" id={list_id} aria-label={props.label.clone()} class="options">{ list }</ul>
                }
                <span class="visually-hidden" role="status" id={format!("{}-status", props.id)}>{ if *open && matches.is_empty() { t(lang, "ui.no_country") } else { "" } }</span>
                if *open && matches.is_empty() {
                    <p class="no-match" aria-hidden="true">{ t(lang, "ui.no_country") }</p>
                }
            </div>
        </div>
    }
}

/// The "not stated" entry's text.
fn chosen_none(props: &CountrySelectProps) -> String {
    props.unset_label.as_ref().map(ToString::to_string).unwrap_or_default()
}
