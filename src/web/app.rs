//! The widget's root: owns the state and lays out the toolbar, the form, the answer and the catalog.
//! On the standalone page it keeps the query in the address bar and local storage; inside the custom
//! element it takes presets from the host's attributes and hands each answer to the element.

use crate::core::age::documents_up_to;
use crate::core::decision::Decision;
use crate::core::facts::places;
use crate::core::flat::Fields;
use crate::core::parse::Problem;
use crate::core::{decide, nearest, timeline, Lang, Vocabulary, RULESET_VERSION};
use crate::web::components::answer::{heading, summary, verdict_look, CloudCard, Explained};
use crate::web::components::form::{question_text, QueryForm};
use crate::web::components::toolbar::Toolbar;
use crate::web::i18n::{date, label, labelled, t, tf};
use crate::web::link;
use crate::web::state::{Action, State, View};
use yew::prelude::*;

/// Where the widget lives and what its host presets.
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Whether a custom element hosts this instance (no address bar or storage of its own).
    #[prop_or_default]
    pub embedded: bool,
    /// Called with every new answer and its nearest ways to a yes and timeline (the custom element
    /// turns them into a DOM event).
    #[prop_or_default]
    pub on_decision: Option<Callback<(Decision, Explained)>>,
    /// Fields preset by the host (flat path → value); changes are applied live.
    #[prop_or_default]
    pub preset: Fields,
    /// Language preset by the host.
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// A layout for a slot in a host's page: no title or language switcher, the answer first and the
    /// question folded into one line with an edit button.
    #[prop_or_default]
    pub compact: bool,
    /// The heading level of the widget's title (the host's outline decides it); the answer, the cards
    /// and their sections go one level deeper each.
    #[prop_or(1)]
    pub heading_level: u8,
}

/// The state an embedded instance starts from: a fresh query with the host's presets.
fn embedded_state(props: &AppProps) -> State {
    let mut state = State::fresh(&link::today(), props.lang.unwrap_or_default());
    state.fields.extend(props.preset.clone());
    state
}

/// The language a page load starts in: the link's, else the browser's, else English.
pub fn initial_lang() -> Lang {
    link::lang_from_address().or_else(link::browser_lang).and_then(|tag| Lang::from_tag(&tag)).unwrap_or_default()
}

/// The state a page load starts from: the link's query, else the stored one, else a fresh one.
fn initial_state() -> State {
    let mut state = State::fresh(&link::today(), initial_lang());
    let from_link = link::fields_from_address();
    if !from_link.is_empty() {
        state.ignored = State::unknown_paths(&from_link);
        state.fields = State::completed(from_link, &link::today());
        state.link_broken = state.outcome().is_err();
    } else if let Some(stored) = link::stored_fields() {
        state.fields = stored;
    }
    state
}

/// On a narrow page, the four verdicts above the form, kept in view while the form scrolls; each
/// jumps to its card.
fn verdict_strip(decision: &Decision, lang: Lang) -> Html {
    html! {
        <nav class="verdict-strip" aria-label={t(lang, "ui.answer")}>
            { for decision.clouds.iter().map(|c| {
                let (icon, key, class) = verdict_look(c.verdict);
                let mut href = String::from("#card-");
                href.push_str(c.cloud.id());
                html! {
                    <a {href} {class}><span aria-hidden="true">{ icon }</span>{ " " }<strong>{ t(lang, key) }</strong>{ " " }{ label(lang, c.cloud) }</a>
                }
            }) }
        </nav>
    }
}

/// The rule catalog inside the widget, when the widget shows it (the package's build; the page links to
/// the site's catalog page instead).
#[cfg(feature = "npm")]
fn catalog_view(view: &View, lang: Lang, on_back: Callback<()>, level: u8) -> Option<Html> {
    use crate::web::components::catalog_view::CatalogView;
    match view {
        View::Catalog(focus) => Some(html! { <CatalogView {lang} focus={focus.clone()} {on_back} {level} /> }),
        View::Answer => None,
    }
}

/// The page bundle has no catalog view: its catalog is the site's catalog page.
#[cfg(not(feature = "npm"))]
fn catalog_view(_: &View, _: Lang, _: Callback<()>, _: u8) -> Option<Html> {
    None
}

/// The whole widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let embedded = props.embedded;
    let state = use_reducer_eq(|| if embedded { embedded_state(props) } else { initial_state() });
    let lang = state.lang;
    // The query is read once per change: the decision, and for the cards the nearest ways to a yes and
    // the verdicts over time.
    let answered = use_memo(state.fields.clone(), |_| match state.query() {
        Ok(query) => (std::rc::Rc::new(Ok(decide(&query))), Explained::new(Some((nearest(&query), timeline(&query), places(&query))))),
        Err(error) => (std::rc::Rc::new(Err(error.problems)), Explained::new(None)),
    });
    let (outcome, explained): (std::rc::Rc<Result<Decision, Vec<Problem>>>, Explained) = (answered.0.clone(), answered.1.clone());
    let on_apply = {
        let state = state.clone();
        Callback::from(move |changes| state.dispatch(Action::Apply(changes)))
    };

    // A language whose text is not compiled in is loaded, then shown.
    {
        let state = state.clone();
        use_effect_with(state.wanted_lang, move |wanted| {
            if !crate::core::messages::is_available(*wanted) {
                let wanted = *wanted;
                crate::web::i18n::load_pack(wanted, false, move |loaded| {
                    if loaded {
                        state.dispatch(Action::SetLang(wanted));
                    }
                });
            }
        });
    }
    // The notes (collapsed on the cards), the catalog's text and the error messages come after the
    // first answer.
    {
        let state = state.clone();
        use_effect_with(lang, move |lang| {
            if !crate::core::messages::later_available(*lang) {
                crate::web::i18n::load_pack(*lang, true, move |loaded| {
                    if loaded {
                        state.dispatch(Action::LaterLoaded);
                    }
                });
            }
        });
    }
    // Standalone page: the address bar, local storage and the document language follow the state.
    use_effect_with((state.fields.clone(), lang, state.wanted_lang), move |(fields, lang, wanted)| {
        if !embedded {
            link::push_to_address(fields, wanted.tag());
            link::store_fields(fields);
            gloo::utils::document_element().set_attribute("lang", lang.tag()).ok();
            gloo::utils::document().set_title(t(*lang, "ui.title"));
        }
    });
    // Standalone page: back and forward restore the query the address holds.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = (!embedded).then(|| {
                link::on_address_change(move || {
                    let fields = link::fields_from_address();
                    if !fields.is_empty() {
                        state.dispatch(Action::Restore(State::completed(fields, &link::today()), false));
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Custom element: attribute changes apply live.
    {
        let state = state.clone();
        use_effect_with((props.preset.clone(), props.lang), move |(preset, lang)| {
            if embedded {
                state.dispatch(Action::Preset(preset.clone(), *lang));
            }
        });
    }
    // Every new answer goes to whoever listens (the custom element's host page).
    {
        let on_decision = props.on_decision.clone();
        let explained = explained.clone();
        use_effect_with(outcome.clone(), move |outcome| {
            if let (Some(on_decision), Ok(decision)) = (on_decision, &**outcome) {
                on_decision.emit((decision.clone(), explained));
            }
        });
    }
    // The first answer on screen, for the browser benchmark; back from the catalog page, the sections
    // that were open and the rule link that was followed come back too.
    use_effect_with((), move |_| {
        if !embedded {
            link::restore_return();
        }
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
        #[cfg(feature = "npm")]
        let preset = props.preset.clone();
        Callback::from(move |_| {
            #[cfg_attr(not(feature = "npm"), allow(unused_mut))]
            let mut fields = State::fresh(&link::today(), Lang::En).fields;
            // In a host's portal, starting over keeps what the host preset (the page has no presets).
            #[cfg(feature = "npm")]
            fields.extend(preset.clone());
            state.dispatch(Action::Restore(fields, false))
        })
    };
    // A compact widget folds its question to one line until the asker opens it.
    let editing = use_state(|| false);
    let toggle_form = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(!*editing))
    };
    let (announcement, printed) = match &*outcome {
        Ok(decision) => (summary(decision, lang, true), summary(decision, lang, false)),
        Err(_) => (t(lang, "ui.fix_errors").to_string(), t(lang, "ui.fix_errors").to_string()),
    };
    let problems = match &*outcome {
        Ok(_) => Vec::new(),
        Err(problems) => problems.clone(),
    };
    // A host's slot (the element's `compact` and `heading-level`); the page is never compact.
    let compact = cfg!(feature = "npm") && props.compact;
    let level = if cfg!(feature = "npm") { props.heading_level.clamp(1, 6) } else { 1 };
    let answer_level = if compact { level } else { level + 1 };
    let form_open = !compact || *editing || !problems.is_empty();
    let form = html! {
        <>
            if compact {
                <p class="question-line">{ question_text(&state, lang) }{ " " }
                    <button type="button" class="link" aria-expanded={form_open.to_string()} onclick={toggle_form}>{ t(lang, "ui.edit") }</button>
                </p>
            }
            if form_open { <QueryForm state={state.clone()} {problems} /> }
        </>
    };
    let answer = html! {
        <section id="answer" class="answer" part="answer" aria-labelledby="answer-title" tabindex="-1">
            { heading(answer_level, Some("answer-title"), None, html! {
                <>{ t(lang, "ui.answer") }
                    if let Some(as_of) = state.get("as_of").and_then(crate::core::Day::parse) { <span class="muted">{ format!(" · {} {}", t(lang, "ui.as_of"), date(lang, as_of)) }</span> }
                </>
            }) }
            { match &*outcome {
                Ok(decision) => html! {
                    <div class="cards">
                        // The cloud the asker named comes first and whole; the others fold to one line.
                        { for decision.clouds.iter().filter(|c| decision.requested_cloud == Some(c.cloud))
                            .chain(decision.clouds.iter().filter(|c| decision.requested_cloud != Some(c.cloud))).map(|c| {
                            html! {
                                <CloudCard decision={c.clone()} task_asked={decision.task.is_some()}
                                    requested={decision.requested_cloud == Some(c.cloud)} {lang} on_show_rule={on_show_rule.clone()}
                                    explained={explained.clone()} on_apply={on_apply.clone()} level={answer_level + 1}
                                    condensed={decision.requested_cloud.is_some_and(|requested| requested != c.cloud)} />
                            }
                        }) }
                    </div>
                },
                Err(_) => html! { <p class="error">{ t(lang, "ui.fix_errors") }</p> },
            } }
            <p class="ruleset muted">{ tf(lang, "ui.ruleset", RULESET_VERSION) }{ " · " }{ tf(lang, "ui.documents_up_to", &date(lang, documents_up_to())) }</p>
        </section>
    };
    html! {
        <div class={classes!("csp-eligibility", compact.then_some("compact"))} part="root" lang={lang.tag()}>
            <a class="skip-link" href="#answer">{ t(lang, "ui.skip_to_answer") }</a>
            <header class="masthead">
                if !compact {
                    { heading(level, None, Some("title"), html! { t(lang, "ui.title") }) }
                    <p class="subtitle">{ t(lang, "ui.subtitle") }</p>
                }
                <Toolbar {lang} {on_lang} {on_catalog} {on_reset} shareable={!embedded} languages={!compact} />
            </header>
            <div class="print-only print-header">
                <p>{ tf(lang, "ui.printed_on", &crate::core::Day::parse(&link::today()).map_or_else(link::today, |day| date(lang, day))) }{ " · " }{ tf(lang, "ui.ruleset", RULESET_VERSION) }{ " · " }{ tf(lang, "ui.documents_up_to", &date(lang, documents_up_to())) }</p>
                <p class="print-question">{ labelled(lang, t(lang, "ui.question")) }{ question_text(&state, lang) }</p>
                <p>{ printed }</p>
                if !embedded { <p class="print-link">{ link::address_for(&state.fields, lang.tag()) }</p> }
            </div>
            if state.link_broken {
                <p class="banner error" role="alert">{ t(lang, "ui.link_error") }</p>
            }
            if !state.ignored.is_empty() {
                <p class="banner" role="status">{ tf(lang, "ui.link_ignored", &state.ignored.iter().map(|path| format!("“{path}”")).collect::<Vec<_>>().join(", ")) }</p>
            }
            <div aria-live="polite" aria-atomic="true" class="visually-hidden" id="announcer">{ announcement }</div>
            if let Some(catalog) = catalog_view(&state.view, lang, on_back, answer_level) {
                { catalog }
            } else {
                <@{if embedded { "section" } else { "main" }} class="layout" aria-label={embedded.then_some(t(lang, "ui.title"))}>
                    if let (false, Ok(decision)) = (embedded, &*outcome) {
                        { verdict_strip(decision, lang) }
                    }
                    if compact { { answer }{ form } } else { { form }{ answer } }
                </@>
            }
        </div>
    }
}
