//! Looking up UI text in the language the user picked.

use crate::core::messages::{fill, label_key, text, Lang};
use crate::core::{Day, Vocabulary};

/// Loads `lang`'s language pack (the page bundle compiles in no text): its later messages (notes and
/// catalog) when `later`, else the others; calls `done` with whether it is now installed.
#[cfg(not(feature = "npm"))]
pub fn load_pack(lang: Lang, later: bool, done: impl FnOnce(bool) + 'static) {
    fetch_pack(lang, later, Box::new(done));
}

/// [`load_pack`] for one callback type: a single copy of the fetch in the bundle.
#[cfg(not(feature = "npm"))]
fn fetch_pack(lang: Lang, later: bool, done: Box<dyn FnOnce(bool)>) {
    use wasm_bindgen::JsCast;
    let request = gloo::utils::window().fetch_with_str(&format!("lang/{}", crate::core::messages::pack_name(lang, later)));
    wasm_bindgen_futures::spawn_local(async move {
        let text = async {
            let response = wasm_bindgen_futures::JsFuture::from(request).await.ok()?.dyn_into::<web_sys::Response>().ok()?;
            let text = wasm_bindgen_futures::JsFuture::from(response.ok().then(|| response.text().ok()).flatten()?).await.ok()?;
            text.as_string()
        };
        let pack = text.await;
        done(pack.is_some_and(|pack| crate::core::messages::install(lang, later, pack)));
    });
}

/// Every language is compiled into the package build: nothing to load.
#[cfg(feature = "npm")]
pub fn load_pack(_lang: Lang, _later: bool, done: impl FnOnce(bool) + 'static) {
    done(true);
}

/// The text of `key`.
pub fn t(lang: Lang, key: &str) -> &'static str {
    // INVARIANT: every key the UI uses is in the catalog (checked by tests/contract.rs); a missing key
    // falls back to an empty string rather than a dangling reference.
    crate::core::messages::lookup(key).map_or("", |message| message.text(lang))
}

/// The text of `key` with its `{}` filled by `detail`.
pub fn tf(lang: Lang, key: &str, detail: &str) -> String {
    fill(text(key, lang), &[detail])
}

/// `day` as `lang` writes a date in a sentence ("1 February 2020" style: "February 1, 2020",
/// "1er février 2020", "1. Februar 2020"), from the browser's own CLDR data (`Intl.DateTimeFormat`).
pub fn date(lang: Lang, day: Day) -> String {
    let iso = day.to_string();
    let options = js_sys::Object::new();
    for (name, value) in [("dateStyle", "long"), ("timeZone", "UTC")] {
        let _ = js_sys::Reflect::set(&options, &name.into(), &value.into());
    }
    let format = js_sys::Intl::DateTimeFormat::new(&locales(lang), &options).format();
    let written = format.call1(&wasm_bindgen::JsValue::UNDEFINED, &js_sys::Date::new(&iso.as_str().into())).ok().and_then(|text| text.as_string());
    match written {
        // French writes the first of the month as an ordinal.
        Some(text) if lang == Lang::Fr && text.starts_with("1 ") => format!("1er {}", &text[2..]),
        Some(text) => text,
        None => iso,
    }
}

/// The text of `key` with every ISO date in it (`2020-02-01`) written as `lang` writes dates.
pub fn sentence(lang: Lang, key: &str) -> String {
    let text = t(lang, key);
    let mut written = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(at) = rest.char_indices().map(|(at, _)| at).find(|&at| rest.get(at..at + 10).and_then(Day::parse).is_some()) {
        written.push_str(&rest[..at]);
        written.push_str(&Day::parse(&rest[at..at + 10]).map_or_else(String::new, |day| date(lang, day)));
        rest = &rest[at + 10..];
    }
    written.push_str(rest);
    written
}

/// `label` followed by a colon and a space, as `lang` writes them (French puts a narrow space before).
pub fn labelled(lang: Lang, label: &str) -> String {
    format!("{label}{} ", t(lang, "ui.colon"))
}

/// The display name of a vocabulary value.
pub fn label<V: Vocabulary>(lang: Lang, value: V) -> &'static str {
    t(lang, &label_key(value))
}

/// The name of the country with `code` in `lang` (see [`CountryNames`]).
pub fn country_name(code: crate::core::CountryCode, lang: Lang) -> String {
    let english = crate::core::markets::rows(code).first().map_or(code.as_str(), |row| row.name);
    CountryNames::new(lang).name(code.as_str(), english)
}

/// Country names in the interface language from the browser's own CLDR data (`Intl.DisplayNames`), so
/// the bundle carries only the market table's English names (Microsoft's spelling), which English uses
/// and which stay the fallback for codes the browser does not name (Partner Center's XE and XS).
pub struct CountryNames(Option<js_sys::Intl::DisplayNames>);

/// Codes whose Partner Center meaning is narrower than the ISO country's: BQ is Bonaire alone, since
/// Partner Center gives Sint Eustatius and Saba codes of their own.
const PARTNER_CENTER_NAMES: [&str; 1] = ["BQ"];

impl CountryNames {
    /// The names for `lang`.
    pub fn new(lang: Lang) -> CountryNames {
        if lang == Lang::En {
            return CountryNames(None);
        }
        CountryNames::in_locale(lang)
    }

    /// The browser's own English names ("United Kingdom" where Microsoft writes "UK"), which the
    /// country picker matches besides Microsoft's.
    pub fn english() -> CountryNames {
        CountryNames::in_locale(Lang::En)
    }

    fn in_locale(lang: Lang) -> CountryNames {
        let supported =
            js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).and_then(|intl| js_sys::Reflect::has(&intl, &"DisplayNames".into())).unwrap_or(false);
        if !supported {
            return CountryNames(None);
        }
        let options = js_sys::Intl::DisplayNamesOptions::new();
        options.set_type(js_sys::Intl::DisplayNamesType::Region);
        options.set_fallback(js_sys::Intl::DisplayNamesFallback::None);
        CountryNames(Some(js_sys::Intl::DisplayNames::new(&locales(lang), &options)))
    }

    /// The name of the country with `code`, whose English name is `english`.
    pub fn name(&self, code: &str, english: &str) -> String {
        let names = self.0.as_ref().filter(|_| !PARTNER_CENTER_NAMES.contains(&code));
        names.and_then(|names| names.of(code)).map_or_else(|| english.to_string(), String::from)
    }
}

/// Compares two texts the way a dictionary in `lang` orders them (`Intl.Collator`).
pub fn collator(lang: Lang) -> impl Fn(&str, &str) -> std::cmp::Ordering {
    let compare = js_sys::Intl::Collator::new(&locales(lang), &js_sys::Object::new()).compare();
    move |a, b| {
        let order = compare.call2(&wasm_bindgen::JsValue::UNDEFINED, &a.into(), &b.into()).ok().and_then(|n| n.as_f64()).unwrap_or(0.0);
        order.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
    }
}

/// `text` lower-cased for `lang` and without accents, so that a filter for "osterreich" finds "Österreich".
pub fn fold(text: &str, lang: Lang) -> String {
    let decomposed: String = js_sys::JsString::from(text).normalize("NFD").to_locale_lower_case(Some(lang.tag())).into();
    decomposed.chars().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).collect()
}

fn locales(lang: Lang) -> js_sys::Array {
    js_sys::Array::of1(&lang.tag().into())
}
