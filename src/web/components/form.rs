//! The question form: partner, customer and question sections. Every control writes one flat field.

use super::country_select::CountrySelect;
use super::field::{hint_and_errors, options, yes_no, SelectField};
use crate::core::messages::fill;
use crate::core::parse::Problem;
use crate::core::vocabulary::{CustomerStatus, PartnerModel, Relation};
use crate::core::{Cloud, Day, Program, Role, Segment, Task, Vocabulary};
use crate::web::i18n::{country_name, label, labelled, t, tf};
use crate::web::state::{Action, State};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`QueryForm`].
#[derive(Properties, PartialEq)]
pub struct QueryFormProps {
    /// The widget state.
    pub state: UseReducerHandle<State>,
    /// Problems with the current fields.
    pub problems: Vec<Problem>,
}

/// Paths the form shows problems beside, besides its fields: the rest go above the form.
const OTHER_SHOWN_PATHS: [&str; 3] = ["api_version", "partner", "customer"];

/// The form's fields in its order, with their labels' message keys: each control sets one (the
/// programs' checkboxes toggle theirs), and the printed question lists them.
const QUESTION_FIELDS: [(&str, &str); 18] = [
    ("partner.country", "ui.partner_country"),
    ("partner.model", "ui.model"),
    ("partner.provider_country", "ui.provider_country"),
    ("partner.has_partner_id", "ui.has_partner_id"),
    ("partner.mpa_signed", "ui.mpa_signed"),
    ("partner.programs", "ui.programs"),
    ("partner.us_gov_validated", "ui.us_gov_validated"),
    ("partner.role", "ui.role"),
    ("customer.country", "ui.customer_country"),
    ("customer.segment", "ui.segment"),
    ("customer.relation", "ui.relation"),
    ("customer.national_cloud_customer", "ui.national_cloud_customer"),
    ("as_of", "ui.as_of"),
    ("task", "ui.task"),
    ("partner.european_account", "ui.european_account"),
    ("partner.european_tenant_country", "ui.european_tenant_country"),
    ("partner.european_tenant_active", "ui.european_tenant_active"),
    ("cloud", "ui.cloud"),
];

/// The question as text, one "label: value" per stated field in the form's order: what the printed
/// answer shows instead of the form's controls.
pub fn question_text(state: &State, lang: crate::core::Lang) -> String {
    let mut parts = Vec::new();
    for (path, label_key) in QUESTION_FIELDS {
        let Some(value) = state.get(path).filter(|value| !value.is_empty()) else { continue };
        let field = path.rsplit('.').next().unwrap_or(path);
        let shown = match (field, value) {
            (_, "true") => t(lang, "ui.yes").to_string(),
            (_, "false") => t(lang, "ui.no").to_string(),
            ("as_of", day) => Day::parse(day).map_or_else(|| day.to_string(), |day| crate::web::i18n::date(lang, day)),
            ("programs", _) => state.programs().into_iter().map(|program| label(lang, program)).collect::<Vec<_>>().join(", "),
            (_, code) if field.ends_with("country") => {
                crate::core::CountryCode::parse(code).map_or_else(|| code.to_string(), |country| country_name(country, lang))
            }
            // The other fields hold vocabulary ids, whose labels are keyed `<vocabulary>.<id>`.
            ("national_cloud_customer", status) => t(lang, &format!("status.{status}")).to_string(),
            (vocabulary, id) => t(lang, &format!("{vocabulary}.{id}")).to_string(),
        };
        parts.push(format!("{}{shown}", labelled(lang, t(lang, label_key))));
    }
    parts.join(" · ")
}

/// The element id of a field path (`partner.country` → `partner-country`).
pub fn field_id(path: &str) -> String {
    path.replace('.', "-")
}

/// The problems at field `path`, holding `value`, in words a person uses beside the field labelled
/// `label` (the JSON contract's messages name paths and types; the page names the field and the value
/// and says what to do).
fn errors_for(problems: &[Problem], path: &str, value: Option<&str>, label: &str, lang: crate::core::Lang) -> Vec<String> {
    problems
        .iter()
        .filter(|p| p.path == path || p.path.starts_with(&format!("{path}[")))
        .map(|p| match p.code {
            "error.missing_field" => tf(lang, "ui.fix_missing", label),
            "error.unknown_value" | "error.wrong_type" => fill(t(lang, "ui.fix_choice"), &[value.unwrap_or(&p.detail), label]),
            "error.unknown_country" | "error.malformed_country" => tf(lang, "ui.fix_country", &p.detail),
            "error.bad_date" => tf(lang, "ui.fix_date", &p.detail),
            _ => p.message_in(lang),
        })
        .collect()
}

/// What every control of the form needs: the state, the problems, the language and the setters.
struct FormContext<'a> {
    state: &'a State,
    problems: &'a [Problem],
    lang: crate::core::Lang,
    setters: &'a [(&'static str, Callback<Option<String>>)],
    as_of: Option<Day>,
}

impl FormContext<'_> {
    fn value(&self, path: &str) -> Option<String> {
        self.state.get(path).map(str::to_string)
    }

    fn errors(&self, path: &str, label: &str) -> Vec<String> {
        errors_for(self.problems, path, self.state.get(path), t(self.lang, label), self.lang)
    }

    fn setter(&self, path: &str) -> Callback<Option<String>> {
        self.setters.iter().find(|(p, _)| *p == path).map(|(_, c)| c.clone()).unwrap_or_default()
    }

    fn text(&self, key: Option<&str>) -> Option<AttrValue> {
        key.map(|key| AttrValue::from(t(self.lang, key)))
    }

    /// The select of field `path`, labelled by message `label`; `unset` names the "not stated" entry.
    fn select(&self, path: &str, label: &str, options: Vec<(String, String)>, unset: Option<&str>) -> Html {
        html! {
            <SelectField id={field_id(path)} label={t(self.lang, label)} {options} unset_label={self.text(unset)}
                value={self.value(path)} errors={self.errors(path, label)} onchange={self.setter(path)} />
        }
    }

    /// The country select of field `path`, labelled by message `label`.
    fn country(&self, path: &str, label: &str, hint: Option<&str>, unset: Option<&str>) -> Html {
        html! {
            <CountrySelect id={field_id(path)} label={t(self.lang, label)} value={self.value(path)} as_of={self.as_of}
                hint={self.text(hint)} unset_label={self.text(unset)} errors={self.errors(path, label)} lang={self.lang}
                onchange={self.setter(path)} />
        }
    }
}

/// The question form.
#[function_component(QueryForm)]
pub fn query_form(props: &QueryFormProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    // One stable callback per field, so that fields whose props did not change skip re-rendering.
    let setters = use_memo(state.dispatcher(), |dispatcher| {
        QUESTION_FIELDS
            .iter()
            .map(|(path, _)| {
                let dispatcher = dispatcher.clone();
                (*path, Callback::from(move |value: Option<String>| dispatcher.dispatch(Action::Set(path, value))))
            })
            .collect::<Vec<(&'static str, Callback<Option<String>>)>>()
    });
    let form = FormContext { state, problems: &props.problems, lang, setters: &setters, as_of: state.get("as_of").and_then(Day::parse) };
    let not_stated = Some("ui.not_stated");
    let model = state.get("partner.model").and_then(PartnerModel::from_id);
    let reseller = model == Some(PartnerModel::IndirectReseller);
    let relations: Vec<(String, String)> = options::<Relation>(lang)
        .into_iter()
        .filter(|(id, _)| Relation::from_id(id).zip(model).map_or(true, |(relation, model)| relation.fits(model)))
        .collect();
    let migrating = state.get("task") == Some(Task::MigrateGermanyCustomer.id());
    let european_account = state.get("partner.european_account") == Some("true");
    let shown = |path: &str| QUESTION_FIELDS.iter().map(|(k, _)| k).chain(&OTHER_SHOWN_PATHS).any(|k| path == *k || path.starts_with(&format!("{k}[")));
    let other_problems: Vec<String> = props
        .problems
        .iter()
        .filter(|p| !shown(&p.path))
        .map(|p| format!("{}{}", labelled(lang, if p.path.is_empty() { "query" } else { &p.path }), p.message_in(lang)))
        .collect();
    let programs = state.programs();
    let program_errors = form.errors("partner.programs", "ui.programs");
    let date_errors = form.errors("as_of", "ui.as_of");
    // A date input reports a change as each segment completes: a year being typed ("0002", "0020") is
    // not an answer yet. Leaving the field commits whatever it holds.
    let commit_date = {
        let state = state.clone();
        move |event: &Event, typing: bool| {
            let text = event.target_unchecked_into::<HtmlInputElement>().value();
            let year_incomplete = text.starts_with('0');
            if !(typing && year_incomplete) && state.get("as_of") != Some(text.as_str()) {
                state.dispatch(Action::Set("as_of", (!text.is_empty()).then_some(text)));
            }
        }
    };
    let date_input = {
        let commit = commit_date.clone();
        Callback::from(move |event: Event| commit(&event, true))
    };
    let date_left = Callback::from(move |event: FocusEvent| commit_date(&event, false));
    html! {
        <form class="query" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
            if !other_problems.is_empty() {
                <p class="error" role="alert">{ for other_problems.iter().map(|e| html! { <span>{ e }</span> }) }</p>
            }
            <fieldset>
                <legend>{ t(lang, "ui.partner") }</legend>
                { form.country("partner.country", "ui.partner_country", None, None) }
                { form.select("partner.model", "ui.model", options::<PartnerModel>(lang), None) }
                if reseller {
                    { form.country("partner.provider_country", "ui.provider_country", None, not_stated) }
                }
                { form.select("partner.has_partner_id", "ui.has_partner_id", yes_no(lang), not_stated) }
                { form.select("partner.mpa_signed", "ui.mpa_signed", yes_no(lang), not_stated) }
                <fieldset class={classes!("field", "programs", (!program_errors.is_empty()).then_some("has-error"))}>
                    <legend>{ t(lang, "ui.programs") }</legend>
                    { hint_and_errors("partner-programs", None, &program_errors) }
                    { for Program::ALL.iter().map(|program| {
                        let id = format!("partner-programs-{}", program.id());
                        let checked = programs.contains(program);
                        let state = state.clone();
                        let program = *program;
                        let onchange = Callback::from(move |event: Event| {
                            let on = event.target_unchecked_into::<HtmlInputElement>().checked();
                            state.dispatch(Action::ToggleProgram(program, on));
                        });
                        html! {
                            <div class="check">
                                <input type="checkbox" id={id.clone()} {checked} {onchange} />
                                <label for={id}>{ label(lang, program) }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                { form.select("partner.us_gov_validated", "ui.us_gov_validated", yes_no(lang), not_stated) }
                { form.select("partner.role", "ui.role", options::<Role>(lang), not_stated) }
            </fieldset>
            <fieldset>
                <legend>{ t(lang, "ui.customer") }</legend>
                { form.country("customer.country", "ui.customer_country", Some("ui.customer_country_hint"), None) }
                { form.select("customer.segment", "ui.segment", options::<Segment>(lang), None) }
                { form.select("customer.relation", "ui.relation", relations, None) }
                { form.select("customer.national_cloud_customer", "ui.national_cloud_customer", options::<CustomerStatus>(lang), not_stated) }
            </fieldset>
            <fieldset>
                <legend>{ t(lang, "ui.question") }</legend>
                <div class={classes!("field", (!date_errors.is_empty()).then_some("has-error"))}>
                    <label for="as_of">{ t(lang, "ui.as_of") }</label>
                    { hint_and_errors("as_of", None, &date_errors) }
                    <input type="date" id="as_of" value={form.value("as_of").unwrap_or_default()} onchange={date_input} onblur={date_left}
                        aria-invalid={(!date_errors.is_empty()).to_string()} aria-describedby={(!date_errors.is_empty()).then_some("as_of-error")} />
                </div>
                { form.select("task", "ui.task", options::<Task>(lang), Some("ui.no_task")) }
                if migrating {
                    { form.select("partner.european_account", "ui.european_account", yes_no(lang), not_stated) }
                    if european_account {
                        { form.country("partner.european_tenant_country", "ui.european_tenant_country", None, not_stated) }
                        { form.select("partner.european_tenant_active", "ui.european_tenant_active", yes_no(lang), not_stated) }
                    }
                }
                { form.select("cloud", "ui.cloud", options::<Cloud>(lang), Some("ui.all_clouds")) }
            </fieldset>
        </form>
    }
}
