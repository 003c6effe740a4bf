//! The question form: partner, customer and question sections. Every control writes one flat field.

use super::country_select::CountrySelect;
use super::field::{hint_and_errors, options, yes_no, SelectField};
use crate::core::parse::Problem;
use crate::core::vocabulary::{CustomerStatus, PartnerModel, Relation};
use crate::core::{Cloud, Day, Program, Role, Segment, Task, Vocabulary};
use crate::web::i18n::{label, t, tf};
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

/// Every field a form control sets directly.
const SETTABLE_FIELDS: [&str; 14] = [
    "as_of", "cloud", "task",
    "partner.country", "partner.model", "partner.has_partner_id", "partner.mpa_signed", "partner.provider_country",
    "partner.us_gov_validated", "partner.role",
    "customer.country", "customer.segment", "customer.relation", "customer.national_cloud_customer",
];

/// The element id of a field path (`partner.country` → `partner-country`).
pub fn field_id(path: &str) -> String {
    path.replace('.', "-")
}

fn errors_for(problems: &[Problem], path: &str, lang: crate::core::Lang) -> Vec<String> {
    problems
        .iter()
        .filter(|p| p.path == path || p.path.starts_with(&format!("{path}[")))
        .map(|p| tf(lang, p.code, &p.detail))
        .collect()
}

/// The question form.
#[function_component(QueryForm)]
pub fn query_form(props: &QueryFormProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    // One stable callback per field, so that fields whose props did not change skip re-rendering.
    let setters = use_memo(state.dispatcher(), |dispatcher| {
        SETTABLE_FIELDS
            .iter()
            .map(|path| {
                let dispatcher = dispatcher.clone();
                (*path, Callback::from(move |value: Option<String>| dispatcher.dispatch(Action::Set(path, value))))
            })
            .collect::<Vec<(&'static str, Callback<Option<String>>)>>()
    });
    let set = |path: &'static str| setters.iter().find(|(p, _)| *p == path).map(|(_, c)| c.clone()).unwrap_or_default();
    let value = |path: &str| state.get(path).map(str::to_string);
    let errors = |path: &str| errors_for(&props.problems, path, lang);
    let not_stated: Option<AttrValue> = Some(t(lang, "ui.not_stated").into());
    let as_of = state.get("as_of").and_then(Day::parse);
    let reseller = state.get("partner.model") == Some(PartnerModel::IndirectReseller.id());
    let relations: Vec<(String, String)> = options::<Relation>(lang).into_iter().filter(|(id, _)| reseller || id != Relation::OwnProvider.id()).collect();
    let known_paths = [
        "api_version", "as_of", "partner", "customer", "cloud", "task",
        "partner.country", "partner.model", "partner.has_partner_id", "partner.mpa_signed", "partner.provider_country",
        "partner.programs", "partner.us_gov_validated", "partner.role",
        "customer.country", "customer.segment", "customer.relation", "customer.national_cloud_customer",
    ];
    let other_problems: Vec<String> = props
        .problems
        .iter()
        .filter(|p| !known_paths.iter().any(|k| p.path == *k || p.path.starts_with(&format!("{k}["))))
        .map(|p| format!("{}: {}", if p.path.is_empty() { "query" } else { &p.path }, tf(lang, p.code, &p.detail)))
        .collect();
    let programs = state.programs();
    let date_input = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let text = event.target_unchecked_into::<HtmlInputElement>().value();
            state.dispatch(Action::Set("as_of", (!text.is_empty()).then_some(text)));
        })
    };
    html! {
        <form class="query" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
            if !other_problems.is_empty() {
                <p class="error" role="alert">{ for other_problems.iter().map(|e| html! { <span>{ e }</span> }) }</p>
            }
            <fieldset>
                <legend>{ t(lang, "ui.partner") }</legend>
                <CountrySelect id="partner-country" label={t(lang, "ui.partner_country")} value={value("partner.country")} as_of={as_of}
                    errors={errors("partner.country")} {lang} onchange={set("partner.country")} />
                <SelectField id="partner-model" label={t(lang, "ui.model")} options={options::<PartnerModel>(lang)}
                    value={value("partner.model")} errors={errors("partner.model")} onchange={set("partner.model")} />
                if reseller {
                    <CountrySelect id="partner-provider_country" label={t(lang, "ui.provider_country")} value={value("partner.provider_country")}
                        as_of={as_of} unset_label={not_stated.clone()} errors={errors("partner.provider_country")} {lang}
                        onchange={set("partner.provider_country")} />
                }
                <SelectField id="partner-has_partner_id" label={t(lang, "ui.has_partner_id")} options={yes_no(lang)} unset_label={not_stated.clone()}
                    value={value("partner.has_partner_id")} errors={errors("partner.has_partner_id")} onchange={set("partner.has_partner_id")} />
                <SelectField id="partner-mpa_signed" label={t(lang, "ui.mpa_signed")} options={yes_no(lang)} unset_label={not_stated.clone()}
                    value={value("partner.mpa_signed")} errors={errors("partner.mpa_signed")} onchange={set("partner.mpa_signed")} />
                <fieldset class={classes!("field", "programs", (!errors("partner.programs").is_empty()).then_some("has-error"))}>
                    <legend>{ t(lang, "ui.programs") }</legend>
                    { hint_and_errors("partner-programs", None, &errors("partner.programs")) }
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
                <SelectField id="partner-us_gov_validated" label={t(lang, "ui.us_gov_validated")} options={yes_no(lang)} unset_label={not_stated.clone()}
                    value={value("partner.us_gov_validated")} errors={errors("partner.us_gov_validated")} onchange={set("partner.us_gov_validated")} />
                <SelectField id="partner-role" label={t(lang, "ui.role")} options={options::<Role>(lang)} unset_label={not_stated.clone()}
                    value={value("partner.role")} errors={errors("partner.role")} onchange={set("partner.role")} />
            </fieldset>
            <fieldset>
                <legend>{ t(lang, "ui.customer") }</legend>
                <CountrySelect id="customer-country" label={t(lang, "ui.customer_country")} value={value("customer.country")} as_of={as_of}
                    hint={Some(AttrValue::from(t(lang, "ui.customer_country_hint")))} errors={errors("customer.country")} {lang}
                    onchange={set("customer.country")} />
                <SelectField id="customer-segment" label={t(lang, "ui.segment")} options={options::<Segment>(lang)}
                    value={value("customer.segment")} errors={errors("customer.segment")} onchange={set("customer.segment")} />
                <SelectField id="customer-relation" label={t(lang, "ui.relation")} options={relations}
                    value={value("customer.relation")} errors={errors("customer.relation")} onchange={set("customer.relation")} />
                <SelectField id="customer-national_cloud_customer" label={t(lang, "ui.national_cloud_customer")} options={options::<CustomerStatus>(lang)}
                    unset_label={not_stated.clone()} value={value("customer.national_cloud_customer")}
                    errors={errors("customer.national_cloud_customer")} onchange={set("customer.national_cloud_customer")} />
            </fieldset>
            <fieldset>
                <legend>{ t(lang, "ui.question") }</legend>
                <div class={classes!("field", (!errors("as_of").is_empty()).then_some("has-error"))}>
                    <label for="as_of">{ t(lang, "ui.as_of") }</label>
                    { hint_and_errors("as_of", None, &errors("as_of")) }
                    <input type="date" id="as_of" value={value("as_of").unwrap_or_default()} onchange={date_input}
                        aria-invalid={(!errors("as_of").is_empty()).to_string()} aria-describedby={(!errors("as_of").is_empty()).then_some("as_of-error")} />
                </div>
                <SelectField id="task" label={t(lang, "ui.task")} options={options::<Task>(lang)} unset_label={Some(AttrValue::from(t(lang, "ui.no_task")))}
                    value={value("task")} errors={errors("task")} onchange={set("task")} />
                <SelectField id="cloud" label={t(lang, "ui.cloud")} options={options::<Cloud>(lang)} unset_label={Some(AttrValue::from(t(lang, "ui.all_clouds")))}
                    value={value("cloud")} errors={errors("cloud")} onchange={set("cloud")} />
            </fieldset>
        </form>
    }
}
