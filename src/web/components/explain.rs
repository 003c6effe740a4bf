//! What makes an answer actionable, on each card: the rules that decided it, the nearest ways to a yes
//! (each one click away) and the verdict over time. The page bundle shows the deciding rules; the element
//! (the package build) shows all three, and the JS API returns all three.

use super::answer::citation_link;
#[cfg(feature = "npm")]
use super::answer::verdict_look;
use crate::core::decision::CloudDecision;
#[cfg(not(feature = "npm"))]
use crate::core::decision::Verdict;
#[cfg(not(feature = "npm"))]
use crate::core::nearest::{Change, Proposal};
#[cfg(not(feature = "npm"))]
use crate::core::timeline::Interval;
use crate::core::Lang;
use crate::web::i18n::t;
use yew::prelude::*;

/// The rules that decided the verdict, one sentence each with its rule ID and source.
pub fn deciding_view(decision: &CloudDecision, lang: Lang, on_show_rule: &Callback<String>) -> Html {
    let reasons = decision.deciding.iter().filter_map(|id| decision.reasons.iter().find(|r| r.rule == *id));
    html! {
        <ul class="deciding">
            { for reasons.map(|r| {
                let rule = r.rule.to_string();
                let show = on_show_rule.clone();
                let onclick = Callback::from(move |e: MouseEvent| { e.prevent_default(); show.emit(rule.clone()); });
                html! {
                    <li>{ t(lang, r.text.key()) }{ " " }
                        <a href={format!("#rule-{}", r.rule)} class="rule-id" {onclick}>{ r.rule }</a>{ " " }
                        { citation_link(r.citation, lang) }
                    </li>
                }
            }) }
        </ul>
    }
}

/// Nearest yes and the timeline, in the element and package build (their views do not fit the page's
/// download budget).
#[cfg(feature = "npm")]
mod nearest {
    use super::verdict_look;
    use crate::core::decision::Verdict;
    use crate::core::timeline::Interval;
    use crate::core::markets;
    use crate::core::messages::fill;
    use crate::core::nearest::{Change, Proposal};
    use crate::core::Lang;
    use crate::web::i18n::{label, t, tf, CountryNames};
    use yew::prelude::*;

    fn country_name(code: markets::CountryCode, lang: Lang) -> String {
        let english = markets::rows(code).first().map_or(code.as_str(), |row| row.name);
        CountryNames::new(lang).name(code.as_str(), english)
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
            Change::AsOf { day } => tf(lang, "change.as_of", &day.to_string()),
        }
    }

    /// "Would be allowed if …": the nearest proposals, each a button that applies it to the form.
    pub fn nearest_view(verdict: Verdict, proposals: &[Proposal], lang: Lang, on_apply: &Callback<Vec<Change>>) -> Html {
        if verdict == Verdict::Allowed {
            return html! {};
        }
        html! {
            <section class="nearest">
                <h4>{ t(lang, "ui.nearest") }</h4>
                if proposals.is_empty() {
                    <p>{ t(lang, "ui.no_way_to_yes") }</p>
                } else {
                    <ul>
                        { for proposals.iter().map(|proposal| {
                            let changes = proposal.changes.clone();
                            let apply = on_apply.clone();
                            let onclick = Callback::from(move |_: MouseEvent| apply.emit(changes.clone()));
                            let text = proposal.changes.iter().map(|c| change_text(*c, lang)).collect::<Vec<_>>().join(t(lang, "ui.and"));
                            html! { <li><button type="button" class="link" {onclick}>{ text }</button></li> }
                        }) }
                    </ul>
                }
            </section>
        }
    }

    /// The verdict over time: one segment per interval, its verdict, dates and the rules that changed it.
    pub fn timeline_view(intervals: &[Interval], lang: Lang) -> Html {
        if intervals.len() < 2 {
            return html! {};
        }
        html! {
            <section class="timeline">
                <h4>{ t(lang, "ui.timeline") }</h4>
                <ol>
                    { for intervals.iter().map(|interval| {
                        let (icon, key, class) = verdict_look(interval.verdict);
                        let mut dates = Vec::new();
                        if let Some(from) = interval.from {
                            dates.push(tf(lang, "ui.from", &from.to_string()));
                        }
                        if let Some(until) = interval.until {
                            dates.push(tf(lang, "ui.until", &until.previous().to_string()));
                        }
                        let text = format!("{} {}", t(lang, key), dates.join(" "));
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
}

#[cfg(feature = "npm")]
pub use nearest::{nearest_view, timeline_view};

/// The page bundle leaves nearest yes out (the JS API and the element have it).
#[cfg(not(feature = "npm"))]
pub fn nearest_view(_verdict: Verdict, _proposals: &[Proposal], _lang: Lang, _on_apply: &Callback<Vec<Change>>) -> Html {
    html! {}
}

/// The page bundle leaves the timeline out (the JS API and the element have it).
#[cfg(not(feature = "npm"))]
pub fn timeline_view(_intervals: &[Interval], _lang: Lang) -> Html {
    html! {}
}

