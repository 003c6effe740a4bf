//! Looking up UI text in the language the user picked.

use crate::core::messages::{format, label_key, text, Lang};
use crate::core::Vocabulary;

/// The text of `key`.
pub fn t(lang: Lang, key: &str) -> &'static str {
    // INVARIANT: every key the UI uses is in the catalog (checked by tests/contract.rs); a missing key
    // falls back to an empty string rather than a dangling reference.
    crate::core::messages::lookup(key).map_or("", |message| message.text(lang))
}

/// The text of `key` with its `{}` filled by `detail`.
pub fn tf(lang: Lang, key: &str, detail: &str) -> String {
    format(text(key, lang), detail)
}

/// The display name of a vocabulary value.
pub fn label<V: Vocabulary>(lang: Lang, value: V) -> &'static str {
    t(lang, &label_key(value))
}
