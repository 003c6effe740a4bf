//! The `<csp-eligibility>` custom element: the widget in an open shadow root, preset by attributes,
//! announcing every answer with a `csp-eligibility:decision` event and a language switched inside the
//! widget with `csp-eligibility:lang` (the host's `lang` attribute follows it).

use crate::core::flat::Fields;
use crate::core::{Decision, Lang};
use crate::web::app::{App, AppProps};
use crate::web::components::answer::Explained;
use crate::web::to_js;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The element's tag name.
pub const TAG: &str = "csp-eligibility";

/// Attributes that preset query fields: attribute name → flat field path.
pub const FIELD_ATTRIBUTES: [(&str, &str); 10] = [
    ("partner-country", "partner.country"),
    ("partner-model", "partner.model"),
    ("provider-country", "partner.provider_country"),
    ("customer-country", "customer.country"),
    ("customer-segment", "customer.segment"),
    ("customer-relation", "customer.relation"),
    ("programs", "partner.programs"),
    ("as-of", "as_of"),
    ("task", "task"),
    ("cloud", "cloud"),
];

/// The widget's styles, adopted by every shadow root (a constructed sheet, so no inline style is needed).
const STYLES: &str = include_str!("../../static/style.css");

#[wasm_bindgen(inline_js = r#"
export function define_csp_element(tag, observed, connect) {
  if (customElements.get(tag)) return;
  // Print from inside a widget prints that widget only: while it prints, the rest of the host page is hidden.
  const printing = new CSSStyleSheet();
  printing.replaceSync('@media print { body:has([data-csp-printing]) *:not(:has([data-csp-printing])):not([data-csp-printing]) { display: none !important; } body:has([data-csp-printing]) :has([data-csp-printing]) { visibility: hidden; margin: 0; padding: 0; border: 0; } [data-csp-printing] { visibility: visible; } html:has([data-csp-printing]) { font-size: 8pt; } }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, printing];
  customElements.define(tag, class extends HTMLElement {
    static get observedAttributes() { return observed; }
    connectedCallback() {
      if (this._widget) return;
      this._widget = connect(this);
      // The widget's own language switch: the host element's lang follows, and the host hears of it.
      this._lang = new MutationObserver(() => {
        const lang = this.shadowRoot?.querySelector('.csp-eligibility')?.getAttribute('lang');
        if (lang && lang !== this.getAttribute('lang')) {
          this.setAttribute('lang', lang);
          this.dispatchEvent(new CustomEvent('csp-eligibility:lang', { bubbles: true, composed: true, detail: { lang } }));
        }
      });
      if (this.shadowRoot) this._lang.observe(this.shadowRoot, { subtree: true, attributes: true, attributeFilter: ['lang'] });
      // Before the widget's Print button calls print(), this element is marked as the one printing.
      this.shadowRoot?.addEventListener('click', (event) => {
        if (!event.target.closest?.('button.print')) return;
        this.setAttribute('data-csp-printing', '');
        window.addEventListener('afterprint', () => this.removeAttribute('data-csp-printing'), { once: true });
      }, true);
    }
    disconnectedCallback() {
      this._lang?.disconnect();
      if (this._widget) { this._widget.destroy(); this._widget = undefined; }
    }
    attributeChangedCallback() { if (this._widget) this._widget.refresh(); }
  });
}
"#)]
extern "C" {
    fn define_csp_element(tag: &str, observed: js_sys::Array, connect: &Closure<dyn Fn(HtmlElement) -> JsValue>);
}

/// One mounted element: its host and the widget rendered in its shadow root.
#[wasm_bindgen]
pub struct ElementHandle {
    host: HtmlElement,
    app: Option<yew::AppHandle<App>>,
}

/// Name of the event dispatched on the element with each new answer.
pub const DECISION_EVENT: &str = "csp-eligibility:decision";

/// Dispatches the decision on the host element as a bubbling, composed `CustomEvent`; its detail is the
/// decision with a `nearest` member (the nearest ways to a yes, as `nearest()` returns them).
fn announce(host: &HtmlElement, decision: &Decision, explained: &Explained) {
    let detail = to_js(decision);
    if let Some((nearest, ..)) = explained.as_ref() {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("nearest"), &to_js(nearest));
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(DECISION_EVENT, &init) {
        let _ = host.dispatch_event(&event);
    }
}

fn props_of(host: &HtmlElement) -> AppProps {
    let preset: Fields = FIELD_ATTRIBUTES.iter().filter_map(|(attribute, path)| host.get_attribute(attribute).map(|value| (path.to_string(), value))).collect();
    let target = host.clone();
    AppProps {
        embedded: true,
        on_decision: Some(yew::Callback::from(move |(decision, explained): (Decision, Explained)| announce(&target, &decision, &explained))),
        preset,
        lang: host.get_attribute("lang").and_then(|tag| Lang::from_tag(&tag)),
        compact: host.has_attribute("compact"),
        // The host's outline decides; by default the widget's title sits under the host's own h1.
        heading_level: host.get_attribute("heading-level").and_then(|level| level.trim().parse().ok()).filter(|level| (1..=6).contains(level)).unwrap_or(2),
    }
}

fn shadow_root(host: &HtmlElement) -> Option<ShadowRoot> {
    host.shadow_root().or_else(|| host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).ok())
}

fn adopt_styles(root: &ShadowRoot) {
    if let Ok(sheet) = web_sys::CssStyleSheet::new() {
        if sheet.replace_sync(STYLES).is_ok() {
            root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
    }
}

#[wasm_bindgen]
impl ElementHandle {
    /// Re-reads the host's attributes and applies them.
    pub fn refresh(&mut self) {
        let props = props_of(&self.host);
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Unmounts the widget and empties the shadow root.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        if let Some(root) = self.host.shadow_root() {
            root.set_inner_html("");
        }
    }
}

fn connect(host: HtmlElement) -> JsValue {
    let Some(root) = shadow_root(&host) else {
        return JsValue::NULL;
    };
    adopt_styles(&root);
    let container = gloo::utils::document().create_element("div").ok();
    let app = container.map(|container| {
        let _ = root.append_child(&container);
        yew::Renderer::<App>::with_root_and_props(container, props_of(&host)).render()
    });
    ElementHandle { host, app }.into()
}

/// Registers `<csp-eligibility>` (once per page).
#[wasm_bindgen(js_name = defineElement)]
pub fn define_element() {
    let observed: js_sys::Array = FIELD_ATTRIBUTES
        .iter()
        .map(|(attribute, _)| JsValue::from(*attribute))
        .chain([JsValue::from("lang"), JsValue::from("compact"), JsValue::from("heading-level")])
        .collect();
    let connect = Closure::<dyn Fn(HtmlElement) -> JsValue>::new(connect);
    define_csp_element(TAG, observed, &connect);
    connect.forget();
}
