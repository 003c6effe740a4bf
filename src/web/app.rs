//! The widget's root: owns the state, keeps it in the address bar and local storage, and lays out the
//! toolbar, the form, the answer and the catalog.

use crate::core::decision::Decision;
use crate::core::parse::Problem;
use crate::core::{Lang, RULESET_VERSION};
use crate::web::components::answer::{summary, CloudCard};
use crate::web::components::catalog_view::CatalogView;
use crate::web::components::form::QueryForm;
use crate::web::components::toolbar::Toolbar;
use crate::web::i18n::{t, tf};
use crate::web::link;
use crate::web::state::{Action, State, View};
use gloo::history::{BrowserHistory, History};
use yew::prelude::*;

/// The state a page load starts from: the link's query, else the stored one, else a fresh one.
fn initial_state(history: &BrowserHistory) -> State {
    let lang = link::lang_from_address(history)
        .or_else(link::browser_lang)
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let mut state = State::fresh(&link::today(), lang);
    let from_link = link::fields_from_address(history);
    if !from_link.is_empty() {
        state.fields = from_link;
        state.link_broken = state.outcome().is_err();
    } else if let Some(stored) = link::stored_fields() {
        state.fields = stored;
    }
    state
}

/// The whole widget.
#[function_component(App)]
pub fn app() -> Html {
    let history = use_memo((), |_| BrowserHistory::new());
    let state = use_reducer_eq(|| initial_state(&history));
    let lang = state.lang;
    let outcome: std::rc::Rc<Result<Decision, Vec<Problem>>> =
        use_memo(state.fields.clone(), |_| state.outcome().map_err(|error| error.problems));

    // The address bar and local storage follow the state.
    {
        let history = history.clone();
        use_effect_with((state.fields.clone(), lang), move |(fields, lang)| {
            link::push_to_address(&history, fields, lang.tag());
            link::store_fields(fields);
            gloo::utils::document_element().set_attribute("lang", lang.tag()).ok();
            gloo::utils::document().set_title(t(*lang, "ui.title"));
        });
    }
    // Back and forward restore the query the address holds.
    {
        let history = history.clone();
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener_history = history.clone();
            let listener = history.listen(move || {
                let fields = link::fields_from_address(&listener_history);
                if !fields.is_empty() {
                    state.dispatch(Action::Restore(fields, false));
                }
            });
            move || drop(listener)
        });
    }
    // The first answer on screen, for the browser benchmark.
    use_effect_with((), |_| {
        if let Some(performance) = gloo::utils::window().performance() {
            let _ = performance.mark("csp-eligibility:first-answer");
        }
    });

    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang| state.dispatch(Action::SetLang(lang)))
    };
    let on_catalog = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ShowCatalog(None)))
    };
    let on_show_rule = {
        let state = state.clone();
        Callback::from(move |rule: String| state.dispatch(Action::ShowCatalog(Some(rule))))
    };
    let on_back = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ShowAnswer))
    };
    let on_reset = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Restore(State::fresh(&link::today(), Lang::En).fields, false)))
    };
    let announcement = match &*outcome {
        Ok(decision) => summary(decision, lang),
        Err(_) => t(lang, "ui.fix_errors").to_string(),
    };
    let problems = match &*outcome {
        Ok(_) => Vec::new(),
        Err(problems) => problems.clone(),
    };
    html! {
        <div class="csp-eligibility" part="root">
            <a class="skip-link" href="#answer">{ t(lang, "ui.skip_to_answer") }</a>
            <header class="masthead">
                <h1>{ t(lang, "ui.title") }</h1>
                <p class="subtitle">{ t(lang, "ui.subtitle") }</p>
                <Toolbar {lang} {on_lang} {on_catalog} {on_reset} />
            </header>
            <div class="print-only print-header">
                <p>{ tf(lang, "ui.printed_on", &link::today()) }{ " · " }{ tf(lang, "ui.ruleset", RULESET_VERSION) }</p>
                <p>{ announcement.clone() }</p>
            </div>
            if state.link_broken {
                <p class="banner error" role="alert">{ t(lang, "ui.link_error") }</p>
            }
            <div aria-live="polite" aria-atomic="true" class="visually-hidden" id="announcer">{ announcement }</div>
            if let View::Catalog(focus) = &state.view {
                <CatalogView {lang} focus={focus.clone()} {on_back} />
            } else {
                <main class="layout">
                    <QueryForm state={state.clone()} {problems} />
                    <section id="answer" class="answer" aria-labelledby="answer-title" tabindex="-1">
                        <h2 id="answer-title">{ t(lang, "ui.answer") }
                            if let Some(as_of) = state.get("as_of") { <span class="muted">{ format!(" · {} {}", t(lang, "ui.as_of"), as_of) }</span> }
                        </h2>
                        { match &*outcome {
                            Ok(decision) => html! {
                                <div class="cards">
                                    { for decision.clouds.iter().map(|c| html! {
                                        <CloudCard decision={c.clone()} task_asked={decision.task.is_some()}
                                            requested={decision.requested_cloud == Some(c.cloud)} {lang} on_show_rule={on_show_rule.clone()} />
                                    }) }
                                </div>
                            },
                            Err(_) => html! { <p class="error">{ t(lang, "ui.fix_errors") }</p> },
                        } }
                        <p class="ruleset muted">{ tf(lang, "ui.ruleset", RULESET_VERSION) }</p>
                    </section>
                </main>
            }
        </div>
    }
}
