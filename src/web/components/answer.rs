//! The answer: one card per cloud with verdict, portals, actions, the "why" and the notes.

use super::explain::{deciding_view, nearest_view, rule_link, timeline_view};
use crate::core::age::SOURCES_END;
use crate::core::decision::{CloudDecision, Decision, Note, Outcome, Verdict};
use crate::core::facts::Placed;
use crate::core::nearest::{Change, Nearest};
use crate::core::portals::Portal;
use crate::core::sources::Citation;
use crate::core::timeline::Timeline;
use crate::core::{Lang, Vocabulary};
use crate::web::i18n::{date, label, labelled, sentence, t};
use yew::prelude::*;

/// The verdict's icon, message key and CSS class. The icon and the word carry the meaning; colour only repeats it.
pub fn verdict_look(verdict: Verdict) -> (&'static str, &'static str, &'static str) {
    match verdict {
        Verdict::Allowed => ("✔", "verdict.allowed", "allowed"),
        Verdict::Denied => ("✖", "verdict.denied", "denied"),
        Verdict::NeedsAction => ("!", "verdict.needs_action", "needs-action"),
        Verdict::Unknown => ("?", "verdict.unknown", "unknown"),
    }
}

fn outcome_look(outcome: Outcome) -> (&'static str, &'static str) {
    match outcome {
        Outcome::Pass => ("✔", "outcome.pass"),
        Outcome::Fail => ("✖", "outcome.fail"),
        Outcome::NeedsAction => ("!", "outcome.needs_action"),
        Outcome::Unknown => ("?", "outcome.unknown"),
    }
}

/// One sentence per cloud with its deciding rule: in full for the live region, as its ID for the print
/// header (the printed cards carry the full sentence).
pub fn summary(decision: &Decision, lang: Lang, full: bool) -> String {
    decision
        .clouds
        .iter()
        .map(|c| {
            let deciding = c.deciding.first().and_then(|id| c.reasons.iter().find(|r| r.rule == *id));
            let reason = match deciding {
                Some(r) if full => format!(" {} ({})", sentence(lang, r.text.key()), r.rule),
                Some(r) => format!(" ({})", r.rule),
                None => String::new(),
            };
            format!("{}{}.{reason}", labelled(lang, t(lang, &format!("cloud.{}", c.cloud.id()))), t(lang, verdict_look(c.verdict).1))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A link to a cited section, in the page's language: the document's title, the section's heading and
/// the version's date.
pub fn citation_link(citation: &Citation, lang: Lang) -> Html {
    let heading = citation.heading_in(lang);
    let title = citation.title_in(lang);
    let mut tooltip = format!("{}{}", labelled(lang, t(lang, "ui.source")), title);
    if let Some(heading) = heading {
        tooltip.push_str(" › ");
        tooltip.push_str(heading);
    }
    html! {
        <a class="citation" href={citation.href(lang)} target="_blank" rel="noopener noreferrer" title={tooltip}>
            { title }
            if let Some(heading) = heading.filter(|heading| *heading != title) { <span class="section">{ format!(" › {heading}") }</span> }
            <span class="source-date">{ format!(" · {}", date(lang, citation.date)) }</span>
        </a>
    }
}

fn portal_view(portal: &Portal, lang: Lang) -> Html {
    let name = t(lang, &format!("portal.{}", portal.id));
    html! {
        <span class="portal">
            if let Some(url) = portal.url {
                <a href={url} target="_blank" rel="noopener noreferrer">{ name }</a>
            } else {
                { name }<span class="muted no-address">{ format!(" ({})", t(lang, "ui.no_address")) }</span>
            }
            if let Some(enroll) = portal.enroll_url.filter(|e| Some(*e) != portal.url) {
                <span class="enroll">{ " · " }<a href={enroll} target="_blank" rel="noopener noreferrer">{ t(lang, "ui.enroll") }</a></span>
            }
        </span>
    }
}

fn notes_list(notes: &[Note], lang: Lang) -> Html {
    html! {
        <ul class="notes">
            { for notes.iter().map(|n| html! {
                <li class={(n.id == SOURCES_END).then_some("sources-end")}>{ sentence(lang, n.text.key()) }{ " " }{ citation_link(n.citation, lang) }</li>
            }) }
        </ul>
    }
}

/// A heading of `level` (1 to 6; deeper levels stay at 6) around `children`, with an id and a class if
/// given: one builder for every heading whose level the host's outline decides.
pub fn heading(level: u8, id: Option<&str>, class: Option<&'static str>, children: Html) -> Html {
    let tag = ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(level.clamp(1, 6) - 1)];
    html! { <@{tag} id={id.map(str::to_string)} {class} tabindex={id.map(|_| "-1")}>{ children }</@> }
}

/// The nearest ways to a yes, the verdicts over time and where the parties' countries stand, for the
/// current query, when it is valid.
pub type Explained = std::rc::Rc<Option<(Nearest, Timeline, Vec<Placed>)>>;

/// Props of [`CloudCard`].
#[derive(Properties, PartialEq)]
pub struct CloudCardProps {
    /// The cloud's decision.
    pub decision: CloudDecision,
    /// Whether a task was asked.
    pub task_asked: bool,
    /// Whether this is the cloud the query asked about.
    pub requested: bool,
    /// Interface language.
    pub lang: Lang,
    /// Called with a rule id to show it in the catalog.
    pub on_show_rule: Callback<String>,
    /// The nearest ways to a yes and the verdicts over time, for every cloud.
    pub explained: Explained,
    /// Called with a proposal's changes to apply them to the form.
    pub on_apply: Callback<Vec<Change>>,
    /// The heading level of the card's title; its sections' headings are one level deeper.
    pub level: u8,
    /// Whether the card shows one line (cloud and verdict) that opens to the whole card: the clouds the
    /// query did not ask about, when it asks about one.
    pub condensed: bool,
}

/// The card of one cloud.
#[function_component(CloudCard)]
pub fn cloud_card(props: &CloudCardProps) -> Html {
    let lang = props.lang;
    let d = &props.decision;
    let (icon, verdict_key, class) = verdict_look(d.verdict);
    let title_id = format!("card-{}", d.cloud.id());
    let (proposals, intervals, places) = props.explained.as_ref().as_ref().map_or((&[][..], &[][..], &[][..]), |(nearest, timeline, places)| {
        (&nearest.clouds[d.cloud as usize].proposals[..], &timeline.clouds[d.cloud as usize].intervals[..], &places[..])
    });
    let sub = props.level + 1;
    let title = heading(
        props.level,
        Some(&title_id),
        Some("card-title"),
        html! {
            <>{ label(lang, d.cloud) }
                if props.requested { { " " }<span class="tag">{ t(lang, "ui.requested") }</span> }
            </>
        },
    );
    let verdict = html! { <span class="verdict"><span class="icon" aria-hidden="true">{ icon }</span>{ t(lang, verdict_key) }</span> };
    let body = html! {
        <>
            { deciding_view(d, places, lang, &props.on_show_rule) }
            <p><strong>{ labelled(lang, t(lang, "ui.portal")) }</strong>{ portal_view(d.portal, lang) }</p>
            if props.task_asked {
                <p><strong>{ labelled(lang, t(lang, "ui.task_portals")) }</strong>
                    if d.task_portals.is_empty() {
                        { t(lang, "ui.task_not_applicable") }
                    } else {
                        { for d.task_portals.iter().enumerate().map(|(i, p)| html! { <>{ if i > 0 { " / " } else { "" } }{ portal_view(p, lang) }</> }) }
                    }
                </p>
            }
            if !d.missing_facts.is_empty() && d.verdict != Verdict::Denied {
                <section class="missing">
                    { heading(sub, None, Some("sub"), html! { t(lang, "ui.missing_facts") }) }
                    <ul>{ for d.missing_facts.iter().map(|f| html! { <li>{ t(lang, f.message_key()) }</li> }) }</ul>
                </section>
            }
            if !d.actions.is_empty() {
                <section class="actions">
                    { heading(sub, None, Some("sub"), html! { t(lang, "ui.actions") }) }
                    <ul>{ for d.actions.iter().map(|a| html! { <li>{ t(lang, a.text.key()) }</li> }) }</ul>
                </section>
            }
            { nearest_view(d.verdict, proposals, lang, sub, &props.on_apply) }
            if !d.cautions.is_empty() {
                <section class="cautions">
                    { heading(sub, None, Some("sub"), html! { t(lang, "ui.cautions") }) }
                    { notes_list(&d.cautions, lang) }
                </section>
            }
            { timeline_view(intervals, lang, sub) }
            <details class="why">
                <summary>{ t(lang, "ui.why") }</summary>
                <ul class="reasons">
                    { for d.reasons.iter().map(|r| {
                        let (icon, key) = outcome_look(r.outcome);
                        html! {
                            <li class={format!("reason {}", key.replace("outcome.", "").replace('_', "-"))}>
                                <span class="icon" aria-hidden="true">{ icon }</span>
                                <span class="visually-hidden">{ labelled(lang, t(lang, key)) }</span>
                                { sentence(lang, r.text.key()) }{ " " }
                                { rule_link(r.rule, lang, &props.on_show_rule) }{ " " }
                                { citation_link(r.citation, lang) }
                            </li>
                        }
                    }) }
                </ul>
            </details>
            if !d.notes.is_empty() {
                <details class="notes-block">
                    <summary>{ t(lang, "ui.notes") }</summary>
                    { notes_list(&d.notes, lang) }
                </details>
            }
        </>
    };
    html! {
        <article class={classes!("card", class, props.requested.then_some("requested"), props.condensed.then_some("condensed"))} aria-labelledby={title_id} part="card">
            if props.condensed {
                <details><summary>{ title }{ verdict }</summary>{ body }</details>
            } else {
                <header>{ title }{ verdict }</header>{ body }
            }
        </article>
    }
}
