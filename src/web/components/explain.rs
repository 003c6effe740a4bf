//! What makes an answer actionable, on each card: the rules that decided it, the nearest ways to a yes
//! (each one click away) and the verdict over time.

use super::answer::verdict_look;
use super::answer::{citation_link, heading};
use super::IN_WIDGET_CATALOG;
use crate::core::decision::{CloudDecision, Verdict};
use crate::core::facts::Placed;
use crate::core::messages::fill;
use crate::core::nearest::{Change, Proposal};
use crate::core::rules::RULES;
use crate::core::timeline::Interval;
use crate::core::Lang;
use crate::web::i18n::{country_name, date, label, sentence, t, tf};
use yew::prelude::*;

/// The rules that decided the verdict, one sentence each with its rule ID and source, and the CSP
/// regions of the countries a rule compares ("France is in Europe; Türkiye is in …").
pub fn deciding_view(decision: &CloudDecision, places: &[Placed], lang: Lang, on_show_rule: &Callback<String>) -> Html {
    let reasons = decision.deciding.iter().filter_map(|id| decision.reasons.iter().find(|r| r.rule == *id));
    html! {
        <ul class="deciding">
            { for reasons.map(|r| {
                html! {
                    <li>{ sentence(lang, r.text.key()) }{ " " }
                        { rule_link(r.rule, lang, on_show_rule) }{ " " }
                        { citation_link(r.citation, lang) }
                        { places_view(r.rule, places, lang) }
                    </li>
                }
            }) }
        </ul>
    }
}

/// A rule's ID, linking to its row of the rule catalog: the catalog page in the page bundle, the
/// widget's own catalog view in the package (a host's portal has no catalog page).
pub fn rule_link(rule: &'static str, lang: Lang, on_show_rule: &Callback<String>) -> Html {
    if !IN_WIDGET_CATALOG {
        // Coming back, the card's open sections and this link's focus are restored.
        let onclick = Callback::from(move |event: MouseEvent| {
            // The handler is delegated: the link is the clicked element's nearest `a`.
            let target = event.target().and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok());
            if let Some(link) = target.and_then(|element| element.closest("a").ok().flatten()) {
                crate::web::link::remember_return(&link, rule);
            }
        });
        return html! { <a href={crate::web::link::catalog_address(lang, Some(rule))} class="rule-id" {onclick}>{ rule }</a> };
    }
    let show = on_show_rule.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        show.emit(rule.to_string());
    });
    html! { <a href={format!("#rule-{rule}")} class="rule-id" {onclick}>{ rule }</a> }
}

/// Where the countries compared by `rule` stand, as one sentence; nothing for other rules.
fn places_view(rule: &str, places: &[Placed], lang: Lang) -> Html {
    let compared = RULES.iter().find(|r| r.id == rule).map_or(&[][..], |r| r.places);
    let mut sentences = String::new();
    for placed in places.iter().filter(|placed| compared.contains(&placed.party)) {
        let country = country_name(placed.country, lang);
        if !sentences.is_empty() {
            sentences.push(' ');
        }
        sentences.push_str(&match placed.region {
            Some(region) => fill(t(lang, "ui.placed"), &[&country, label(lang, region)]),
            None => tf(lang, "ui.placed_nowhere", &country),
        });
    }
    if sentences.is_empty() {
        return html! {};
    }
    html! { <span class="places">{ sentences }</span> }
}

/// One change, as the end of "Would be allowed if …".
fn change_text(change: Change, lang: Lang) -> String {
    match change {
        Change::PartnerId => t(lang, "change.partner_id").into(),
        Change::SignMpa => t(lang, "change.sign_mpa").into(),
        Change::Onboard { program } => tf(lang, "change.onboard", label(lang, program)),
        Change::UsGovValidation => t(lang, "change.us_gov_validation").into(),
        Change::Role { role } => tf(lang, "change.role", label(lang, role)),
        Change::EuropeanAccount => t(lang, "change.european_account").into(),
        Change::EuropeanTenant { country } => tf(lang, "change.european_tenant", &country_name(country, lang)),
        Change::EuropeanTenantActive => t(lang, "change.european_tenant_active").into(),
        Change::ProviderCountry { country } => tf(lang, "change.provider_country", &country_name(country, lang)),
        Change::PartnerCountry { country, region } => {
            let region = region.map_or_else(|| t(lang, "region.none"), |region| label(lang, region));
            fill(t(lang, "change.partner_country"), &[&country_name(country, lang), region])
        }
        Change::AsOf { day } => tf(lang, "change.as_of", &date(lang, day)),
    }
}

/// "Would be allowed if …": the nearest proposals, each a button that applies it to the form.
pub fn nearest_view(verdict: Verdict, proposals: &[Proposal], lang: Lang, level: u8, on_apply: &Callback<Vec<Change>>) -> Html {
    if verdict == Verdict::Allowed {
        return html! {};
    }
    html! {
        <section class="nearest">
            { heading(level, None, Some("sub"), html! { t(lang, "ui.nearest") }) }
            if proposals.is_empty() {
                <p>{ t(lang, "ui.no_way_to_yes") }</p>
            } else {
                <ul>
                    { for proposals.iter().map(|proposal| {
                        let changes = proposal.changes.clone();
                        let apply = on_apply.clone();
                        let onclick = Callback::from(move |_: MouseEvent| apply.emit(changes.clone()));
                        let mut text = String::new();
                        for (index, change) in proposal.changes.iter().enumerate() {
                            if index > 0 {
                                text.push_str(t(lang, "ui.and"));
                            }
                            text.push_str(&change_text(*change, lang));
                        }
                        html! { <li><button type="button" class="link" {onclick}>{ text }</button></li> }
                    }) }
                </ul>
            }
        </section>
    }
}

/// The verdict over time: one segment per interval, its verdict, dates and the rules that changed it.
pub fn timeline_view(intervals: &[Interval], lang: Lang, level: u8) -> Html {
    if intervals.len() < 2 {
        return html! {};
    }
    html! {
        <section class="timeline">
            { heading(level, None, Some("sub"), html! { t(lang, "ui.timeline") }) }
            <ol>
                { for intervals.iter().map(|interval| {
                    let (icon, key, class) = verdict_look(interval.verdict);
                    let mut text = String::from(t(lang, key));
                    if let Some(from) = interval.from {
                        text.push(' ');
                        text.push_str(&tf(lang, "ui.from", &date(lang, from)));
                    }
                    if let Some(until) = interval.until {
                        text.push(' ');
                        text.push_str(&tf(lang, "ui.until", &date(lang, until.previous())));
                    }
                    html! {
                        <li class={class} tabindex="0">
                            <span class="icon" aria-hidden="true">{ icon }</span>{ text }
                            if !interval.changed_by.is_empty() { <span class="muted">{ format!(" · {}", interval.changed_by.join(", ")) }</span> }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
