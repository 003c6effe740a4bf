//! The message catalog: every rule message, action, note, error and UI string in English, French and
//! German, keyed by a stable message key. Compiled in from `data/messages.tsv` (see `messages_table.rs`).
//! The page bundle compiles in only the keys: it loads the language it shows as a language pack
//! (`PACKS`, before its first render and on every switch) and hands it to [`install`]; the notes and
//! the catalog's text come in a second pack, after the first answer ([`is_later`]).

use serde::{Deserialize, Serialize};

/// A language the catalog is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French (the source documents' language).
    Fr,
    /// German.
    De,
}

impl Lang {
    /// Every language, in switcher order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::De];

    /// The BCP 47 tag (`en`, `fr`, `de`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// The language for a BCP 47 tag such as `fr-CA`; `None` for other languages.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.tag() == primary)
    }

    /// The language's column in the catalog.
    pub fn column(self) -> usize {
        self as usize
    }
}

include!("messages_table.rs");

/// One message of the catalog: its key and its text in every language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Message(usize);

impl Message {
    /// The message key.
    pub fn key(self) -> &'static str {
        key_of(self.0)
    }

    /// The text in `lang` (in English while `lang`'s pack is not yet loaded; empty before any pack is).
    pub fn text(self, lang: Lang) -> &'static str {
        let later = is_later(self.key());
        match column(lang, later).or_else(|| column(Lang::En, later)) {
            Some((text, index)) => span(text, self.0, index),
            None => "",
        }
    }

    /// Every message, sorted by key.
    pub fn all() -> impl Iterator<Item = Message> {
        (0..ROWS).map(Message)
    }
}

fn key_of(row: usize) -> &'static str {
    span(KEYS, row, 0)
}

/// Separates the cells of a catalog column.
const SEPARATOR: char = '\u{1f}';

/// Where each cell of each column starts, found once per column from its separators: the keys, then
/// each language's text (its first pack, in the page), then each language's later pack (page only).
static STARTS: [std::sync::OnceLock<Vec<u16>>; 7] = [const { std::sync::OnceLock::new() }; 7];

/// The cell of `row` in catalog column `index` (see [`STARTS`]), whose whole text is `text`.
fn span(text: &'static str, row: usize, index: usize) -> &'static str {
    let starts = STARTS[index].get_or_init(|| {
        // INVARIANT: the generator asserts every column fits u16 offsets.
        std::iter::once(0).chain(text.match_indices(SEPARATOR).map(|(at, _)| (at + 1) as u16)).collect()
    });
    let start = starts.get(row).map_or(text.len(), |start| usize::from(*start));
    let end = starts.get(row + 1).map_or(text.len(), |next| usize::from(*next) - 1);
    text.get(start..end).unwrap_or_default()
}

/// Whether the page loads `key`'s text after its first answer: the notes (collapsed on the cards), the
/// cautions (the verdict and its deciding sentence come first; the passages a caution quotes fill in
/// with the notes, as the cautions from the note table always did), the rule catalog's own text, the
/// error messages (a valid first answer has none; a broken link's messages fill in when the pack
/// arrives, its fields are marked at once) and the cited sections' headings (a citation names its
/// document until they arrive).
pub fn is_later(key: &str) -> bool {
    ["note.", "caution.", "catalog.", "error.", "heading."].iter().any(|prefix| key.starts_with(prefix))
}

/// Whether the page can show `key`: all messages but the batch view's and the rule catalog's, which
/// only the package shows (the site's batch and catalog pages use its batch build), so the page
/// neither compiles in their keys nor loads their text.
pub fn in_page(key: &str) -> bool {
    !key.starts_with("batch.") && !key.starts_with("catalog.")
}

/// The text holding `lang`'s later messages (or its others), with its [`STARTS`] index, if at hand.
#[cfg(not(all(target_arch = "wasm32", not(feature = "npm"))))]
fn column(lang: Lang, _later: bool) -> Option<(&'static str, usize)> {
    Some((TEXTS[lang.column()], 1 + lang.column()))
}

/// The first packs, then the later packs, the page has loaded.
#[cfg(all(target_arch = "wasm32", not(feature = "npm")))]
static LOADED: [std::sync::OnceLock<&'static str>; 6] = [const { std::sync::OnceLock::new() }; 6];

/// Where `lang`'s first (or later) pack sits in [`LOADED`].
#[cfg(all(target_arch = "wasm32", not(feature = "npm")))]
fn slot(lang: Lang, later: bool) -> usize {
    lang.column() + if later { Lang::ALL.len() } else { 0 }
}

#[cfg(all(target_arch = "wasm32", not(feature = "npm")))]
fn column(lang: Lang, later: bool) -> Option<(&'static str, usize)> {
    let slot = slot(lang, later);
    LOADED[slot].get().map(|text| (*text, 1 + slot))
}

/// Whether `lang`'s text is at hand (always, except in the page before it has loaded that pack).
pub fn is_available(lang: Lang) -> bool {
    column(lang, false).is_some()
}

/// Whether `lang`'s later messages are at hand (the page loads them after its first answer).
pub fn later_available(lang: Lang) -> bool {
    column(lang, true).is_some()
}

/// The file name of `lang`'s pack, which the page loads: its later messages when `later`, else the others.
pub fn pack_name(lang: Lang, later: bool) -> &'static str {
    PACKS[lang.column()][usize::from(later)]
}

/// Takes a loaded language pack (the text of `pack_name(lang)`); refuses one that does not fit this
/// build's catalog, so a stale or damaged file can never misplace a message.
#[cfg(all(target_arch = "wasm32", not(feature = "npm")))]
pub fn install(lang: Lang, later: bool, pack: String) -> bool {
    if pack.len() > usize::from(u16::MAX) || pack.split(SEPARATOR).count() != ROWS {
        return false;
    }
    LOADED[slot(lang, later)].get_or_init(|| pack.leak());
    true
}

/// The text of `key` in `lang`; the key itself when the catalog lacks it (a test forbids that).
pub fn text(key: &str, lang: Lang) -> &str {
    lookup(key).map_or(key, |message| message.text(lang))
}

/// The message with `key`, if the catalog has it.
pub fn lookup(key: &str) -> Option<Message> {
    let (mut low, mut high) = (0, ROWS);
    while low < high {
        let middle = (low + high) / 2;
        match key_of(middle).cmp(key) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return Some(Message(middle)),
        }
    }
    None
}

/// The key of the message named `prefix` + `name` in lower case with `_` for `-` (how a rule's or a
/// note's ID names its message: `CSP-MPA-SIGNED` is `rule.csp_mpa_signed`); empty when there is none.
pub fn key_named(prefix: &str, name: &str) -> &'static str {
    let key = format!("{prefix}{}", name.to_ascii_lowercase().replace('-', "_"));
    lookup(&key).map_or("", Message::key)
}

/// The message keys of a table's rows, derived from their IDs once and then found by row: `rows` is the
/// table, `row` one of its rows, `key_of_row` the derivation.
pub fn derived_key<T>(keys: &'static std::sync::OnceLock<Vec<&'static str>>, rows: &'static [T], row: &T, key_of_row: fn(&T) -> &'static str) -> &'static str {
    let keys = keys.get_or_init(|| rows.iter().map(key_of_row).collect());
    let index = (row as *const T as usize).wrapping_sub(rows.as_ptr() as usize) / std::mem::size_of::<T>().max(1);
    match keys.get(index) {
        Some(key) if std::ptr::eq(&rows[index], row) => key,
        _ => key_of_row(row),
    }
}

/// Fills the `{}` placeholders of a message with `parts`, in order.
pub fn fill(template: &str, parts: &[&str]) -> String {
    let mut filled = String::with_capacity(template.len());
    let mut rest = template;
    for part in parts {
        let Some((before, after)) = rest.split_once("{}") else { break };
        filled.push_str(before);
        filled.push_str(part);
        rest = after;
    }
    filled.push_str(rest);
    filled
}

/// The message key naming a vocabulary value (`region.europe`).
pub fn label_key<V: super::vocabulary::Vocabulary>(value: V) -> String {
    format!("{}.{}", V::KEY_PREFIX, value.id())
}

/// A message key as the decision carries it. Its JSON form is `message_key` plus the English `message`,
/// looked up only when serialised so that deciding stays cheap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text(pub &'static str);

impl Text {
    /// The message key.
    pub fn key(self) -> &'static str {
        self.0
    }

    /// The message in `lang`.
    pub fn in_lang(self, lang: Lang) -> &'static str {
        text(self.0, lang)
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut fields = serializer.serialize_struct("Text", 2)?;
        fields.serialize_field("message_key", self.0)?;
        fields.serialize_field("message", self.in_lang(Lang::En))?;
        fields.end()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Text {
    fn schema_name() -> String {
        "Text".into()
    }
    fn json_schema(generator: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        let mut schema = schemars::schema::SchemaObject { instance_type: Some(schemars::schema::InstanceType::Object.into()), ..Default::default() };
        let object = schema.object();
        for field in ["message_key", "message"] {
            object.properties.insert(field.into(), generator.subschema_for::<String>());
            object.required.insert(field.into());
        }
        schema.into()
    }
}
