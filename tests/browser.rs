//! The widget in headless Chromium: the real app mounted, driven with real DOM events, checked by the
//! text a person reads. Run by `cargo xtask test` (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use csp_eligibility::web::app::App;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    gloo::utils::document()
}

/// Puts `query` in the address bar, clears storage, mounts the app and waits for its first render.
async fn mount(query: &str) -> (yew::AppHandle<App>, Element) {
    mount_with_state(query, &wasm_bindgen::JsValue::NULL).await
}

/// [`mount`], with `state` as the history entry's state.
async fn mount_with_state(query: &str, state: &wasm_bindgen::JsValue) -> (yew::AppHandle<App>, Element) {
    let _ = gloo::utils::window().local_storage().ok().flatten().map(|s| s.clear());
    let url = if query.is_empty() { "?".to_string() } else { format!("?{query}") };
    let path = gloo::utils::window().location().pathname().unwrap_or_default();
    gloo::utils::history().replace_state_with_url(state, "", Some(&format!("{path}{url}"))).expect("set address");
    let root = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&root).expect("append");
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    (handle, root)
}

async fn settle() {
    TimeoutFuture::new(60).await;
}

/// Waits up to two seconds for `ready` (effects run after rendering, later on a loaded machine).
async fn eventually(ready: impl Fn() -> bool) {
    for _ in 0..50 {
        if ready() {
            return;
        }
        TimeoutFuture::new(40).await;
    }
}

fn document_lang() -> Option<String> {
    gloo::utils::document_element().get_attribute("lang")
}

fn unmount((handle, root): (yew::AppHandle<App>, Element)) {
    handle.destroy();
    root.remove();
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).ok().flatten().unwrap_or_else(|| panic!("no element `{selector}`"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn fire(element: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    element.dispatch_event(&Event::new_with_event_init_dict(kind, &init).expect("event")).expect("dispatch");
}

/// Types `text` into a country combobox, as a person would.
async fn type_country(root: &Element, id: &str, text: &str) -> HtmlInputElement {
    let input: HtmlInputElement = find(root, &format!("#{id}")).dyn_into().expect("an input");
    input.focus().expect("focus");
    input.set_value(text);
    fire(&input, "input");
    settle().await;
    input
}

/// Presses `key` on `element`.
async fn press(element: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    element.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event")).expect("dispatch");
    settle().await;
}

/// The country a combobox shows.
fn country_shown(root: &Element, id: &str) -> String {
    find(root, &format!("#{id}")).dyn_into::<HtmlInputElement>().expect("an input").value()
}

/// Picks `value` in a select, or a country by its code in a country combobox, as a person would.
async fn choose(root: &Element, id: &str, value: &str) {
    if find(root, &format!("#{id}")).get_attribute("role").as_deref() == Some("combobox") {
        let input = type_country(root, id, value).await;
        press(&input, "Enter").await;
        assert!(country_shown(root, id).ends_with(&format!("({value})")), "{value} picked in #{id}: {}", country_shown(root, id));
        return;
    }
    let select: HtmlSelectElement = find(root, &format!("#{id}")).dyn_into().expect("a select");
    select.set_value(value);
    assert_eq!(select.value(), value, "option `{value}` exists in #{id}");
    fire(&select, "change");
    settle().await;
}

/// Ticks or unticks a checkbox with a click.
async fn click(root: &Element, selector: &str) {
    let element: HtmlElement = find(root, selector).dyn_into().expect("clickable");
    element.click();
    settle().await;
}

/// Types a date, as a person would.
async fn type_date(root: &Element, id: &str, value: &str) {
    let input: HtmlInputElement = find(root, &format!("#{id}")).dyn_into().expect("an input");
    input.set_value(value);
    fire(&input, "change");
    settle().await;
}

fn verdict(root: &Element, cloud: &str) -> String {
    text(root, &format!("article[aria-labelledby=card-{cloud}] .verdict"))
}

const FULL: &str = "api_version=1&as_of=2024-01-01&partner.country=FR&partner.model=direct_bill&partner.has_partner_id=true&partner.mpa_signed=true&partner.programs=commercial&customer.country=FR&customer.segment=commercial&customer.relation=unrelated&lang=en";

// 004#supported-partner-transactions-in-the-csp-program, scenario 7: same region only.
#[wasm_bindgen_test]
async fn a_customer_in_another_region_is_denied() {
    let app = mount(FULL).await;
    assert_eq!(verdict(&app.1, "commercial"), "✔Allowed");
    choose(&app.1, "customer-country", "US").await;
    assert_eq!(verdict(&app.1, "commercial"), "✖Denied");
    assert!(text(&app.1, "article[aria-labelledby=card-commercial]").contains("Open a CSP account (tenant) in the customer's CSP region"));
    assert!(text(&app.1, "#announcer").contains("Commercial CSP: Denied."));
    unmount(app);
}

// 004#csp-program-requirements-signing-the-microsoft-partner-agreement-mpa: required from 2020-02-01.
#[wasm_bindgen_test]
async fn an_unsigned_mpa_needs_action_only_from_2020() {
    let app = mount(FULL).await;
    choose(&app.1, "partner-mpa_signed", "false").await;
    assert_eq!(verdict(&app.1, "commercial"), "!Needs action");
    assert!(text(&app.1, "article[aria-labelledby=card-commercial] .actions").contains("Microsoft Partner Agreement"));
    type_date(&app.1, "as_of", "2019-06-01").await;
    assert_eq!(verdict(&app.1, "commercial"), "✔Allowed");
    unmount(app);
}

// 000#frequently-asked-questions-about-the-csp-program-for-microsoft-cloud-germany and 001: a UK partner,
// a new French customer, before and after 2018-08-31.
#[wasm_bindgen_test]
async fn germany_takes_a_new_customer_in_june_2018_only() {
    let app = mount(FULL).await;
    choose(&app.1, "partner-country", "GB").await;
    click(&app.1, "#partner-programs-germany").await;
    choose(&app.1, "customer-national_cloud_customer", "new").await;
    type_date(&app.1, "as_of", "2018-06-01").await;
    assert_eq!(verdict(&app.1, "germany"), "✔Allowed");
    type_date(&app.1, "as_of", "2019-01-01").await;
    assert_eq!(verdict(&app.1, "germany"), "✖Denied");
    assert!(text(&app.1, "article[aria-labelledby=card-germany] .actions").contains("European regions"));
    unmount(app);
}

// 002#common: a validated US partner serving a state government.
#[wasm_bindgen_test]
async fn us_government_opens_after_validation_and_onboarding() {
    let app = mount(FULL).await;
    choose(&app.1, "partner-country", "US").await;
    choose(&app.1, "customer-country", "US").await;
    choose(&app.1, "customer-segment", "us_state").await;
    choose(&app.1, "partner-us_gov_validated", "false").await;
    click(&app.1, "#partner-programs-us_government").await;
    assert_eq!(verdict(&app.1, "us_government"), "!Needs action");
    choose(&app.1, "partner-us_gov_validated", "true").await;
    assert_eq!(verdict(&app.1, "us_government"), "✔Allowed");
    choose(&app.1, "task", "reset_password").await;
    let card = text(&app.1, "article[aria-labelledby=card-us_government]");
    assert!(card.contains("Azure portal for US Government"), "{card}");
    unmount(app);
}

// 004#supported-partner-transactions-in-the-csp-program, scenario 6: a reseller buying from its own provider.
#[wasm_bindgen_test]
async fn a_reseller_cannot_buy_from_its_own_provider_and_gets_three_options() {
    let app = mount(FULL).await;
    choose(&app.1, "partner-model", "indirect_reseller").await;
    choose(&app.1, "partner-provider_country", "DE").await;
    assert_eq!(verdict(&app.1, "commercial"), "✔Allowed");
    choose(&app.1, "customer-relation", "own_provider").await;
    assert_eq!(verdict(&app.1, "commercial"), "✖Denied");
    let actions = find(&app.1, "article[aria-labelledby=card-commercial] .actions").query_selector_all("li").expect("items").length();
    assert_eq!(actions, 3);
    unmount(app);
}

fn options_of(root: &Element, id: &str) -> Vec<String> {
    let select: HtmlSelectElement = find(root, &format!("#{id}")).dyn_into().expect("a select");
    (0..select.length()).filter_map(|i| select.item(i)).filter_map(|o| o.get_attribute("value")).collect()
}

// 004, scenario 6, asked from the provider's side; scenario 4: another partner's customer-type tenant.
#[wasm_bindgen_test]
async fn relations_follow_the_sellers_model() {
    let app = mount(FULL).await;
    let direct = options_of(&app.1, "customer-relation");
    assert!(!direct.contains(&"own_provider".to_string()) && !direct.contains(&"own_indirect_reseller".to_string()), "{direct:?}");
    choose(&app.1, "customer-relation", "own_customer_tenant").await;
    assert_eq!(verdict(&app.1, "commercial"), "✖Denied");
    choose(&app.1, "customer-relation", "other_partner_customer_tenant").await;
    assert_eq!(verdict(&app.1, "commercial"), "✔Allowed");
    assert!(text(&app.1, "article[aria-labelledby=card-commercial]").contains("customer-type tenant"));
    choose(&app.1, "partner-model", "indirect_provider").await;
    assert!(options_of(&app.1, "customer-relation").contains(&"own_indirect_reseller".to_string()));
    choose(&app.1, "customer-relation", "own_indirect_reseller").await;
    assert_eq!(verdict(&app.1, "commercial"), "✖Denied");
    choose(&app.1, "partner-model", "direct_bill").await;
    let relation: HtmlSelectElement = find(&app.1, "#customer-relation").dyn_into().expect("select");
    assert_eq!(relation.value(), "unrelated", "a relation the new model cannot ask about falls back");
    unmount(app);
}

// 001#migrate-customers-from-microsoft-cloud-germany-to-another-european-region and its two paths.
#[wasm_bindgen_test]
async fn migrating_a_germany_customer_asks_for_the_european_tenant() {
    let app = mount(FULL).await;
    choose(&app.1, "partner-country", "DE").await;
    click(&app.1, "#partner-programs-germany").await;
    type_date(&app.1, "as_of", "2021-01-01").await;
    assert!(app.1.query_selector("#partner-european_account").ok().flatten().is_none());
    choose(&app.1, "task", "migrate_germany_customer").await;
    assert_eq!(verdict(&app.1, "germany"), "?Unknown");
    choose(&app.1, "partner-european_account", "false").await;
    assert_eq!(verdict(&app.1, "germany"), "!Needs action");
    assert!(text(&app.1, "article[aria-labelledby=card-germany] .actions").contains("Create a new account"));
    choose(&app.1, "partner-european_account", "true").await;
    choose(&app.1, "partner-european_tenant_country", "US").await;
    choose(&app.1, "partner-european_tenant_active", "true").await;
    choose(&app.1, "partner-role", "global_admin").await;
    assert_eq!(verdict(&app.1, "germany"), "!Needs action");
    assert!(text(&app.1, "article[aria-labelledby=card-germany] .actions").contains("located in a European region"));
    choose(&app.1, "partner-european_tenant_country", "FR").await;
    assert_eq!(verdict(&app.1, "germany"), "✔Allowed");
    unmount(app);
}

// 000 FAQ names the UK; the UK left the EU on 2020-01-31; the documents do not settle what followed.
#[wasm_bindgen_test]
async fn a_uk_partner_after_brexit_gets_unknown_with_the_reason() {
    let app = mount(FULL).await;
    choose(&app.1, "partner-country", "GB").await;
    click(&app.1, "#partner-programs-germany").await;
    choose(&app.1, "customer-national_cloud_customer", "existing").await;
    type_date(&app.1, "as_of", "2020-01-31").await;
    assert_eq!(verdict(&app.1, "germany"), "✔Allowed");
    type_date(&app.1, "as_of", "2020-06-01").await;
    assert_eq!(verdict(&app.1, "germany"), "?Unknown");
    let card = text(&app.1, "article[aria-labelledby=card-germany]");
    assert!(card.contains("do not settle UK eligibility") && card.contains("left the European Union"), "{card}");
    unmount(app);
}

// Issue "honest about its sources' age": an answer after the newest source says so, with that source's date.
#[wasm_bindgen_test]
async fn an_answer_after_the_newest_source_says_later_changes_are_not_included() {
    let app = mount(FULL).await;
    let card = text(&app.1, "article[aria-labelledby=card-commercial]");
    assert!(card.contains("later changes are not included") && card.contains("October 23, 2023"), "{card}");
    type_date(&app.1, "as_of", "2023-10-23").await;
    assert!(!text(&app.1, "article[aria-labelledby=card-commercial]").contains("later changes are not included"));
    assert!(text(&app.1, ".ruleset").contains("Documents up to October 23, 2023"));
    unmount(app);
}

// Issue "an answer you can act on": the deciding rule on the card face, a nearest-yes click that flips the
// card (004 MPA section: sign the MPA), and the timeline's change point (MPA required from 2020-02-01).
#[wasm_bindgen_test]
async fn a_card_shows_its_deciding_rule_a_way_to_yes_and_when_it_changed() {
    let app = mount(FULL).await;
    choose(&app.1, "partner-mpa_signed", "false").await;
    let card = "article[aria-labelledby=card-commercial]";
    assert_eq!(verdict(&app.1, "commercial"), "!Needs action");
    assert!(text(&app.1, &format!("{card} .deciding")).contains("CSP-MPA-SIGNED"));
    assert!(text(&app.1, "#announcer").contains("Commercial CSP: Needs action. From February 1, 2020"), "{}", text(&app.1, "#announcer"));
    let timeline = text(&app.1, &format!("{card} .timeline"));
    assert!(timeline.contains("Allowed until January 31, 2020") && timeline.contains("Needs action from February 1, 2020"), "{timeline}");
    let first_proposal = find(&app.1, &format!("{card} .nearest button"));
    assert!(first_proposal.text_content().unwrap_or_default().contains("signed the Microsoft Partner Agreement"));
    click(&app.1, &format!("{card} .nearest button")).await;
    assert_eq!(verdict(&app.1, "commercial"), "✔Allowed");
    let mpa: HtmlSelectElement = find(&app.1, "#partner-mpa_signed").dyn_into().expect("select");
    assert_eq!(mpa.value(), "true", "the proposal applied to the form");
    // A denial with no way out says so.
    choose(&app.1, "customer-relation", "affiliate").await;
    assert!(text(&app.1, &format!("{card} .nearest")).contains("No change you control makes this allowed."));
    unmount(app);
}

fn api(function: fn(wasm_bindgen::JsValue) -> wasm_bindgen::JsValue, query: &str) -> String {
    let answer = function(wasm_bindgen::JsValue::from_str(query));
    js_sys::JSON::stringify(&answer).map(String::from).unwrap_or_default()
}

// The seed scenarios through the JS API: Germany 2018 → 2021, American Samoa 2023, a US Government
// partner that must onboard and be validated, a reseller whose provider is in another region.
#[wasm_bindgen_test]
fn timeline_and_nearest_through_the_js_api_follow_the_seed_scenarios() {
    use csp_eligibility::web::js_api::{nearest, timeline};
    let germany = api(
        timeline,
        r#"{"api_version":1,"as_of":"2018-06-01","partner":{"country":"DE","model":"direct_bill","has_partner_id":true,"mpa_signed":true,"programs":["germany"]},"customer":{"country":"DE","segment":"commercial","relation":"unrelated","national_cloud_customer":"new"}}"#,
    );
    assert!(germany.contains(r#"{"from":"2018-08-31","verdict":"denied","changed_by":["GER-NO-NEW-CUSTOMERS"]}"#), "{germany}");
    let samoa = api(
        timeline,
        r#"{"api_version":1,"as_of":"2022-01-01","partner":{"country":"US","model":"direct_bill","has_partner_id":true,"mpa_signed":true,"programs":["commercial"]},"customer":{"country":"AS","segment":"commercial","relation":"unrelated"}}"#,
    );
    assert!(samoa.contains(r#"{"from":"2023-10-12","verdict":"allowed","changed_by":["COM-SAME-REGION-CUSTOMER"]}"#), "{samoa}");
    let usg = api(
        nearest,
        r#"{"api_version":1,"as_of":"2024-01-01","partner":{"country":"US","model":"direct_bill","has_partner_id":true,"mpa_signed":true,"programs":["commercial"],"us_gov_validated":false},"customer":{"country":"US","segment":"us_state","relation":"unrelated"}}"#,
    );
    assert!(usg.contains(r#"{"changes":[{"change":"onboard","program":"us_government"},{"change":"us_gov_validation"}]"#), "{usg}");
    let reseller = api(
        nearest,
        r#"{"api_version":1,"as_of":"2024-01-01","partner":{"country":"US","model":"indirect_reseller","has_partner_id":true,"mpa_signed":true,"provider_country":"GB","programs":["commercial"]},"customer":{"country":"US","segment":"commercial","relation":"unrelated"}}"#,
    );
    assert!(reseller.contains(r#"{"changes":[{"change":"provider_country","country":"US"}]"#), "{reseller}");
    assert!(api(nearest, "{}").contains("problems"), "bad input is a QueryError");
}

// A hand-made or partial link is no dead end: what it leaves out gets today's starting values, the
// contract version is the page's own, and the answer shows at once.
#[wasm_bindgen_test]
async fn a_partial_link_answers_with_defaults_for_what_it_leaves_out() {
    for link in ["partner.country=DE&customer.country=AT", "api_version=2&partner.country=DE&customer.country=AT&lang=en"] {
        let app = mount(link).await;
        assert!(country_shown(&app.1, "partner-country").ends_with("(DE)"), "{link}");
        assert!(app.1.query_selector("article[aria-labelledby=card-commercial]").ok().flatten().is_some(), "an answer for {link}");
        assert!(app.1.query_selector(".banner").ok().flatten().is_none(), "no broken-link banner for {link}");
        unmount(app);
    }
}

// Reference (national clouds overview): 21Vianet needs its own enrollment.
#[wasm_bindgen_test]
async fn vianet_needs_its_own_enrollment() {
    let app = mount(FULL).await;
    choose(&app.1, "customer-country", "CN").await;
    assert_eq!(verdict(&app.1, "vianet_21"), "!Needs action");
    click(&app.1, "#partner-programs-vianet_21").await;
    assert_eq!(verdict(&app.1, "vianet_21"), "✔Allowed");
    unmount(app);
}

#[wasm_bindgen_test]
async fn the_link_carries_the_whole_query_and_restores_it() {
    let app = mount(FULL).await;
    choose(&app.1, "partner-country", "DE").await;
    choose(&app.1, "task", "create_customer").await;
    // A task asked without the asker's role is unknown, naming the role (issue 21, point 2).
    assert_eq!(verdict(&app.1, "commercial"), "?Unknown");
    choose(&app.1, "partner-role", "sales_agent").await;
    let search = gloo::utils::window().location().search().unwrap_or_default();
    assert!(search.contains("partner.country=DE") && search.contains("task=create_customer") && search.contains("partner.role=sales_agent"), "{search}");
    unmount(app);
    let again = mount(search.trim_start_matches('?')).await;
    assert_eq!(country_shown(&again.1, "partner-country"), "Germany (DE)");
    let task: HtmlSelectElement = find(&again.1, "#task").dyn_into().expect("select");
    assert_eq!(task.value(), "create_customer");
    assert_eq!(verdict(&again.1, "commercial"), "✔Allowed");
    unmount(again);
}

#[wasm_bindgen_test]
async fn a_broken_link_shows_errors_beside_the_fields_and_a_usable_form() {
    let app = mount("api_version=1&as_of=2021-02-30&partner.country=ZZ&partner.model=direct_bill&customer.country=FR&customer.segment=commercial&customer.relation=unrelated").await;
    assert!(text(&app.1, ".banner").contains("could not be read"));
    assert_eq!(text(&app.1, "#partner-country-error"), "“ZZ” is not a country Partner Center knows: choose one from the list.");
    assert!(text(&app.1, "#as_of-error").contains("2021-02-30"));
    choose(&app.1, "partner-country", "FR").await;
    type_date(&app.1, "as_of", "2021-03-01").await;
    assert_eq!(verdict(&app.1, "commercial"), "?Unknown");
    assert!(app.1.query_selector(".banner").ok().flatten().is_none());
    unmount(app);
}

/// Issue: every UI string translated, errors included: a French reader gets a French sentence around
/// the offending value, with no English word in it. Issue 12 point 8: in words a person uses, naming
/// the field by its label and saying what to do, not the contract's paths and types.
#[wasm_bindgen_test]
async fn a_broken_link_reads_in_the_page_language() {
    let app = mount("api_version=1&as_of=2024-01-01&partner.country=FR&partner.model=direct_bill&partner.mpa_signed=maybe&customer.country=FR&customer.segment=commercial&customer.relation=unrelated&lang=fr").await;
    assert_eq!(
        text(&app.1, "#partner-mpa_signed-error"),
        "« maybe » ne fait pas partie des choix pour « A signé le contrat de partenariat Microsoft » : choisissez-en un dans la liste."
    );
    unmount(app);
    let app = mount("api_version=1&as_of=2024-01-01&partner.country=FR&partner.model=direct_bill&customer.country=FR&customer.segment=commercial&customer.relation=friend&lang=de").await;
    let message = text(&app.1, "#customer-relation-error");
    assert!(message.starts_with("„friend“ gehört nicht zur Auswahl für „") && message.ends_with("“: Bitte einen Eintrag aus der Liste wählen."), "{message}");
    unmount(app);
}

// Issue 12 points 1 and 8: a field the page does not know ("colour") is left out with a notice, and
// the rest of the link answers at once.
#[wasm_bindgen_test]
async fn a_link_naming_an_unknown_field_still_answers_and_says_what_it_left_out() {
    let app = mount(&format!("{FULL}&colour=red")).await;
    assert!(text(&app.1, ".banner").contains("“colour”"), "{}", text(&app.1, ".banner"));
    assert_eq!(verdict(&app.1, "commercial"), "✔Allowed");
    choose(&app.1, "customer-country", "DE").await;
    assert!(app.1.query_selector(".banner").ok().flatten().is_none(), "the notice goes with the first edit");
    unmount(app);
}

#[wasm_bindgen_test]
async fn switching_language_translates_the_page_and_sets_lang() {
    let app = mount(FULL).await;
    choose(&app.1, "lang", "fr").await;
    assert_eq!(text(&app.1, "#answer-title").split(" ·").next().unwrap_or_default(), "Réponse");
    eventually(|| document_lang().as_deref() == Some("fr")).await;
    assert_eq!(document_lang().as_deref(), Some("fr"));
    assert!(verdict(&app.1, "commercial").contains("Autorisé"), "{}", verdict(&app.1, "commercial"));
    // French typography: a narrow no-break space before the colon.
    assert!(text(&app.1, "#announcer").contains("CSP commercial\u{202f}: Autorisé."), "{}", text(&app.1, "#announcer"));
    choose(&app.1, "lang", "de").await;
    eventually(|| document_lang().as_deref() == Some("de")).await;
    assert_eq!(document_lang().as_deref(), Some("de"));
    assert!(gloo::utils::window().location().search().unwrap_or_default().contains("lang=de"));
    unmount(app);
}

/// Issue: back/forward work, so opening a link must not leave an entry that back would return to. A
/// link whose pairs come in another order is the same query and adds no entry; an edit adds one. (The
/// entry is told by its state, which the test marks: browsers cap `history.length`.)
#[wasm_bindgen_test]
async fn a_link_in_another_order_adds_no_history_entry_and_an_edit_adds_one() {
    let reordered: Vec<&str> = FULL.split('&').rev().collect();
    let marker = wasm_bindgen::JsValue::from_str("the opened link");
    let app = mount_with_state(&reordered.join("&"), &marker).await;
    assert!(verdict(&app.1, "commercial").contains("Allowed"), "{}", verdict(&app.1, "commercial"));
    assert_eq!(gloo::utils::history().state().ok(), Some(marker), "opening the link added a history entry");
    choose(&app.1, "customer-country", "US").await;
    assert!(gloo::utils::history().state().is_ok_and(|state| state.is_null()), "an edit adds an entry");
    unmount(app);
}

/// Issue (page UX, point 6): typing a date fires a change per completed segment ("0002", "0020", "0201",
/// "2019"); a year being typed is no error and keeps the last answer, and the whole date is one history
/// entry. (Back from it must land on the opened link's entry, which the test marks.)
#[wasm_bindgen_test]
async fn typing_a_date_is_one_history_entry_and_no_false_error() {
    let marker = wasm_bindgen::JsValue::from_str("before the date");
    let app = mount_with_state(FULL, &marker).await;
    for partial in ["0002-03-04", "0020-03-04", "0201-03-04"] {
        type_date(&app.1, "as_of", partial).await;
        assert!(app.1.query_selector("#as_of-error").ok().flatten().is_none(), "no error while the year is typed ({partial})");
        assert!(verdict(&app.1, "commercial").contains("Allowed"), "the answer stays while the year is typed ({partial})");
    }
    type_date(&app.1, "as_of", "2019-03-04").await;
    eventually(|| gloo::utils::window().location().search().unwrap_or_default().contains("as_of=2019-03-04")).await;
    assert!(gloo::utils::window().location().search().unwrap_or_default().contains("as_of=2019-03-04"));
    // MPA not required before 2020-02-01: still allowed, now for 2019.
    assert!(text(&app.1, ".answer").contains("March 4, 2019"), "the answer is for the typed day");
    let popped = std::rc::Rc::new(std::cell::Cell::new(false));
    let listener = {
        let popped = popped.clone();
        gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |_| popped.set(true))
    };
    gloo::utils::history().back().expect("back");
    eventually(|| popped.get()).await;
    drop(listener);
    assert_eq!(gloo::utils::history().state().ok(), Some(marker), "back from the typed date returns to the link: one entry");
    unmount(app);
}

/// Issue (page UX, point 6): a year left half-typed is committed when the field is left, and then it is
/// an error beside the field.
#[wasm_bindgen_test]
async fn leaving_a_half_typed_year_shows_the_error_beside_the_date() {
    let app = mount(FULL).await;
    let input: HtmlInputElement = find(&app.1, "#as_of").dyn_into().expect("an input");
    input.set_value("0020-03-04");
    fire(&input, "change");
    settle().await;
    assert!(app.1.query_selector("#as_of-error").ok().flatten().is_none());
    fire(&input, "blur");
    eventually(|| app.1.query_selector("#as_of-error").ok().flatten().is_some()).await;
    assert!(!text(&app.1, "#as_of-error").is_empty(), "the error names the date field");
    unmount(app);
}

/// Issue: every UI string is translated, country names included; the picker ignores case and accents.
#[wasm_bindgen_test]
async fn country_names_follow_the_language_and_the_filter_ignores_accents() {
    let app = mount(FULL).await;
    assert_eq!(country_shown(&app.1, "customer-country"), "France (FR)");
    choose(&app.1, "lang", "de").await;
    assert_eq!(country_shown(&app.1, "customer-country"), "Frankreich (FR)");
    type_country(&app.1, "customer-country", "OSTERR").await;
    assert_eq!(options_shown(&app.1, "customer-country"), ["Österreich (AT)"], "the match, by its German name without the accent");
    press(&find(&app.1, "#customer-country"), "Escape").await;
    assert_eq!(country_shown(&app.1, "customer-country"), "Frankreich (FR)", "Escape keeps the chosen country");
    // Partner Center's own codes keep the table's names: XS is not an ISO code, and BQ means Bonaire only.
    choose(&app.1, "customer-country", "XS").await;
    assert_eq!(country_shown(&app.1, "customer-country"), "Saba (XS)");
    choose(&app.1, "customer-country", "BQ").await;
    assert_eq!(country_shown(&app.1, "customer-country"), "Bonaire (BQ)");
    unmount(app);
}

/// The options a country combobox lists.
fn options_shown(root: &Element, id: &str) -> Vec<String> {
    let list = root.query_selector_all(&format!("#{id}-list [role=option]")).expect("options");
    (0..list.length()).filter_map(|i| list.item(i)?.text_content()).collect()
}

// Issue 12 point 2: the country picker is a combobox: typing a common name or alias and pressing
// Enter picks it; the arrows move through the matches; no match says so; the chosen country does not
// linger in a list it does not match.
#[wasm_bindgen_test]
async fn the_country_picker_takes_common_names_aliases_and_the_keyboard() {
    let app = mount(FULL).await;
    for (typed, code) in [("Switzerland", "CH"), ("United Kingdom", "GB"), ("Britain", "GB"), ("Turkey", "TR"), ("South Korea", "KR"), ("USA", "US")] {
        let input = type_country(&app.1, "customer-country", typed).await;
        assert_eq!(find(&app.1, "#customer-country").get_attribute("aria-expanded").as_deref(), Some("true"));
        press(&input, "Enter").await;
        assert!(country_shown(&app.1, "customer-country").ends_with(&format!("({code})")), "{typed} → {code}: {}", country_shown(&app.1, "customer-country"));
        assert!(gloo::utils::window().location().search().unwrap_or_default().contains(&format!("customer.country={code}")), "{typed} is in the link");
    }
    // The arrows move the active option, announced through aria-activedescendant.
    let input = type_country(&app.1, "customer-country", "ger").await;
    assert!(!options_shown(&app.1, "customer-country").iter().any(|o| o.ends_with("(US)")), "the chosen country is not listed when it does not match");
    press(&input, "ArrowDown").await;
    let active = find(&app.1, "#customer-country").get_attribute("aria-activedescendant").unwrap_or_default();
    assert_eq!(find(&app.1, &format!("#{active}")).get_attribute("aria-selected").as_deref(), Some("true"));
    press(&input, "Enter").await;
    assert!(country_shown(&app.1, "customer-country").ends_with(&format!("({})", active.rsplit('-').next().unwrap_or_default())));
    // A click leaves the caret after the chosen name: what is typed there is a new search.
    let after = format!("{}Germ", country_shown(&app.1, "customer-country"));
    let input = type_country(&app.1, "customer-country", &after).await;
    press(&input, "Enter").await;
    assert_eq!(country_shown(&app.1, "customer-country"), "Germany (DE)");
    // No match says so.
    type_country(&app.1, "customer-country", "Atlantis").await;
    assert!(text(&app.1, "#customer-country-status").contains("No country matches"));
    unmount(app);
}

#[wasm_bindgen_test]
async fn every_control_has_a_label_and_the_tab_order_follows_the_form() {
    let app = mount(FULL).await;
    let controls = find(&app.1, "form.query").query_selector_all("input, select, button, a[href]").expect("controls");
    let mut ids = Vec::new();
    for index in 0..controls.length() {
        let element: Element = controls.item(index).expect("item").dyn_into().expect("element");
        assert!(element.get_attribute("tabindex").is_none_or(|t| t == "0"), "no positive tabindex");
        let id = element.id();
        assert!(app.1.query_selector(&format!("label[for='{id}']")).ok().flatten().is_some(), "label for #{id}");
        ids.push(id);
    }
    let expected = [
        "partner-country",
        "partner-model",
        "partner-has_partner_id",
        "partner-mpa_signed",
        "partner-programs-commercial",
        "partner-programs-us_government",
        "partner-programs-germany",
        "partner-programs-vianet_21",
        "partner-us_gov_validated",
        "partner-role",
        "customer-country",
        "customer-segment",
        "customer-relation",
        "customer-national_cloud_customer",
        "as_of",
        "task",
        "cloud",
    ];
    assert_eq!(ids, expected);
    unmount(app);
}

#[wasm_bindgen_test]
async fn a_reason_opens_its_rule_in_the_catalog() {
    let app = mount(FULL).await;
    click(&app.1, "article[aria-labelledby=card-commercial] a.rule-id").await;
    let row = find(&app.1, "tr.focused");
    assert!(row.id().starts_with("rule-CSP-"), "{}", row.id());
    assert!(text(&app.1, ".catalog").contains("CSP-MPA-SIGNED"));
    // The source map: every section of the documents with what rests on it.
    let map = text(&app.1, ".source-map");
    // Issue 12 point 10: sections by their headings, not their anchors.
    assert!(map.contains("CSP program requirements: Signing the Microsoft Partner Agreement (MPA) — CSP-MPA-SIGNED"), "{map}");
    assert!(map.contains("Learn how partners can work with other partners in the CSP program"));
    unmount(app);
}

#[wasm_bindgen_test]
async fn the_js_api_answers_and_reports_bad_input() {
    let query = js_sys::JSON::parse(r#"{"api_version":1,"as_of":"2024-01-01","partner":{"country":"FR","model":"direct_bill"},"customer":{"country":"FR","segment":"commercial","relation":"unrelated"}}"#).expect("json");
    let decision = csp_eligibility::web::js_api::decide(query.clone(), false);
    let clouds = js_sys::Reflect::get(&decision, &"clouds".into()).expect("clouds");
    assert_eq!(js_sys::Array::from(&clouds).length(), 4);
    // Verdicts only: no reasons.
    let short = csp_eligibility::web::js_api::decide(query, true);
    let first = js_sys::Array::from(&js_sys::Reflect::get(&short, &"clouds".into()).expect("clouds")).get(0);
    assert!(js_sys::Reflect::get(&first, &"reasons".into()).expect("get").is_undefined());
    assert!(js_sys::Reflect::get(&first, &"verdict".into()).expect("verdict").is_string());
    // The compact path: the same query as JSON text gives numbers, a broken one none.
    let text = r#"{"api_version":1,"as_of":"2024-01-01","partner":{"country":"FR","model":"direct_bill"},"customer":{"country":"FR","segment":"commercial","relation":"unrelated"}}"#;
    assert!(csp_eligibility::web::js_api::decide_compact(text, false).len() > 40);
    assert!(csp_eligibility::web::js_api::decide_compact("{", false).is_empty());
    let error = csp_eligibility::web::js_api::decide(wasm_bindgen::JsValue::from(42), false);
    let problems = js_sys::Reflect::get(&error, &"problems".into()).expect("problems");
    assert_eq!(js_sys::Array::from(&problems).length(), 1);
}

/// Mounts the widget as a host's portal would: embedded, with `preset` fields and these props.
async fn mount_embedded(preset: &[(&str, &str)], compact: bool, heading_level: u8) -> (yew::AppHandle<App>, Element) {
    use csp_eligibility::web::app::AppProps;
    let root = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&root).expect("append");
    let props = AppProps {
        embedded: true,
        preset: preset.iter().map(|(path, value)| (path.to_string(), value.to_string())).collect(),
        lang: Some(csp_eligibility::core::Lang::En),
        compact,
        heading_level,
        ..AppProps::default()
    };
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (handle, root)
}

/// The tag names of the widget's headings, in document order.
fn headings(root: &Element) -> Vec<String> {
    let list = root.query_selector_all("h1, h2, h3, h4, h5, h6").expect("headings");
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).map(|h| h.tag_name().to_lowercase()).collect()
}

// Issue 12 point 7: in a portal the host's outline decides the heading levels, and the widget adds no h1.
#[wasm_bindgen_test]
async fn an_embedded_widget_takes_the_hosts_heading_level_and_adds_no_h1() {
    let preset = [("partner.country", "FR"), ("customer.country", "ES"), ("as_of", "2024-01-01")];
    let app = mount_embedded(&preset, false, 3).await;
    let levels = headings(&app.1);
    assert_eq!(levels.first().map(String::as_str), Some("h3"), "the title at the host's level: {levels:?}");
    assert!(!levels.iter().any(|h| h == "h1" || h == "h2"), "nothing above the host's level: {levels:?}");
    assert_eq!(find(&app.1, "#answer-title").tag_name().to_lowercase(), "h4");
    assert_eq!(find(&app.1, "article[aria-labelledby=card-commercial] .card-title").tag_name().to_lowercase(), "h5");
    unmount(app);
}

// Issue 12 point 7: compact puts the answer first, has no title or language switcher, and folds the
// question into one line that an edit button opens.
#[wasm_bindgen_test]
async fn a_compact_widget_answers_first_and_folds_the_question() {
    let preset = [("partner.country", "FR"), ("customer.country", "ES"), ("as_of", "2024-01-01")];
    let app = mount_embedded(&preset, true, 2).await;
    assert!(app.1.query_selector(".masthead .title").ok().flatten().is_none(), "no title");
    assert!(app.1.query_selector("#lang").ok().flatten().is_none(), "no language switcher");
    assert!(app.1.query_selector("form.query").ok().flatten().is_none(), "the form is folded");
    let line = text(&app.1, ".question-line");
    assert!(line.contains("France") && line.contains("Spain"), "the question in one line: {line}");
    assert_eq!(verdict(&app.1, "commercial"), "✔Allowed");
    // The answer comes before the question.
    let answer = find(&app.1, "#answer");
    let question = find(&app.1, ".question-line");
    assert_eq!(answer.compare_document_position(&question) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING, web_sys::Node::DOCUMENT_POSITION_FOLLOWING);
    click(&app.1, ".question-line button").await;
    assert!(app.1.query_selector("form.query").ok().flatten().is_some(), "edit opens the form");
    assert_eq!(find(&app.1, ".question-line button").get_attribute("aria-expanded").as_deref(), Some("true"));
    choose(&app.1, "customer-country", "US").await;
    assert_eq!(verdict(&app.1, "commercial"), "✖Denied");
    unmount(app);
}

// Issue 12 point 5: the cloud the query asks about leads, whole; the others fold to one line that opens.
#[wasm_bindgen_test]
async fn the_requested_cloud_leads_and_the_others_fold_to_one_line() {
    let app = mount(&format!("{FULL}&cloud=us_government")).await;
    let cards = app.1.query_selector_all(".cards > article").expect("cards");
    let first: Element = cards.item(0).and_then(|n| n.dyn_into().ok()).expect("a card");
    assert_eq!(first.get_attribute("aria-labelledby").as_deref(), Some("card-us_government"));
    assert!(!first.get_attribute("class").unwrap_or_default().contains("condensed"));
    // Issue 12 point 9: the "asked" badge is a word of its own for screen readers.
    assert_eq!(text(&first, ".card-title"), "Microsoft Cloud for US Government asked");
    for cloud in ["commercial", "germany", "vianet_21"] {
        let card = find(&app.1, &format!("article[aria-labelledby=card-{cloud}]"));
        assert!(card.get_attribute("class").unwrap_or_default().contains("condensed"), "{cloud} folds");
        assert!(!find(&card, "details").has_attribute("open"), "{cloud} starts folded");
        assert!(text(&card, "summary").contains(&verdict(&app.1, cloud)), "{cloud}: one line with its verdict");
    }
    click(&app.1, "article[aria-labelledby=card-germany] summary").await;
    assert!(find(&app.1, "article[aria-labelledby=card-germany] details").has_attribute("open"), "a folded card opens");
    unmount(app);
    // Without a cloud of interest every card is whole.
    let app = mount(FULL).await;
    assert!(app.1.query_selector(".card.condensed").ok().flatten().is_none());
    unmount(app);
}
