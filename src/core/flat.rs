//! The flat form of a query: `path=value` pairs such as `partner.country=FR`, used for shareable links
//! and form state. Reading goes through the same parser as JSON, so a bad link gets the same errors.

use super::query::Query;
use serde_json::{Map, Value};

/// Fields whose flat text is `true` or `false`.
const BOOLEAN_FIELDS: [&str; 5] =
    ["partner.european_account", "partner.european_tenant_active", "partner.has_partner_id", "partner.mpa_signed", "partner.us_gov_validated"];
/// Fields whose flat text is a comma-separated list.
const LIST_FIELDS: [&str; 1] = ["partner.programs"];
/// Fields whose flat text is a number.
const NUMBER_FIELDS: [&str; 1] = ["api_version"];

/// A query in flat form: `path → text`, kept sorted by path (the order a link carries them in).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields(Vec<(String, String)>);

impl Fields {
    /// The text of a field.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.position(path).ok().map(|i| self.0[i].1.as_str())
    }

    /// Sets a field, replacing its text if it was set.
    pub fn set(&mut self, path: &str, text: String) {
        match self.position(path) {
            Ok(i) => self.0[i].1 = text,
            Err(i) => self.0.insert(i, (path.to_string(), text)),
        }
    }

    /// Clears a field.
    pub fn remove(&mut self, path: &str) {
        if let Ok(i) = self.position(path) {
            self.0.remove(i);
        }
    }

    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every `(path, text)` pair, sorted by path.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(path, text)| (path.as_str(), text.as_str()))
    }

    /// The JSON value these fields stand for (see [`to_value`]).
    pub fn to_value(&self) -> Value {
        to_value(self.iter())
    }

    fn position(&self, path: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(p, _)| p.as_str().cmp(path))
    }
}

impl Extend<(String, String)> for Fields {
    fn extend<I: IntoIterator<Item = (String, String)>>(&mut self, pairs: I) {
        for (path, text) in pairs {
            self.set(&path, text);
        }
    }
}

impl IntoIterator for Fields {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FromIterator<(String, String)> for Fields {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Fields {
        let mut fields = Fields::default();
        fields.extend(pairs);
        fields
    }
}

/// The flat pairs of a query, in a stable order, omitting unset optional facts.
pub fn to_pairs(query: &Query) -> Vec<(String, String)> {
    let value = serde_json::to_value(query).unwrap_or(Value::Null);
    let mut pairs = Vec::new();
    flatten("", &value, &mut pairs);
    pairs
}

fn flatten(prefix: &str, value: &Value, pairs: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                flatten(&path, inner, pairs);
            }
        }
        Value::Array(items) => {
            let texts: Vec<String> = items.iter().map(|item| item.as_str().map_or_else(|| item.to_string(), str::to_string)).collect();
            pairs.push((prefix.to_string(), texts.join(",")));
        }
        Value::String(text) => pairs.push((prefix.to_string(), text.clone())),
        Value::Null => {}
        other => pairs.push((prefix.to_string(), other.to_string())),
    }
}

/// The JSON value flat pairs stand for; typed fields that do not parse stay strings, so the parser
/// reports them at their path. Unknown paths are kept, so the parser reports them too.
pub fn to_value<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Value {
    let mut root = Map::new();
    for (path, text) in pairs {
        let typed = typed_value(path, text);
        let mut parts = path.split('.').peekable();
        let mut map = &mut root;
        while let Some(part) = parts.next() {
            if parts.peek().is_none() {
                map.insert(part.to_string(), typed);
                break;
            }
            let entry = map.entry(part.to_string()).or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            match entry {
                Value::Object(inner) => map = inner,
                _ => break,
            }
        }
    }
    Value::Object(root)
}

fn typed_value(path: &str, text: &str) -> Value {
    if BOOLEAN_FIELDS.contains(&path) {
        match text {
            "true" => return Value::Bool(true),
            "false" => return Value::Bool(false),
            _ => {}
        }
    }
    if LIST_FIELDS.contains(&path) {
        return Value::Array(text.split(',').filter(|item| !item.is_empty()).map(|item| Value::String(item.to_string())).collect());
    }
    if NUMBER_FIELDS.contains(&path) {
        if let Ok(number) = text.parse::<u64>() {
            return Value::from(number);
        }
    }
    Value::String(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse_query;

    const QUERY: &str = r#"{"api_version":1,"as_of":"2021-03-04","partner":{"country":"FR","model":"indirect_reseller","mpa_signed":false,"provider_country":"DE","programs":["commercial","germany"]},"customer":{"country":"ES","segment":"commercial","relation":"unrelated"},"task":"sell"}"#;

    #[test]
    fn a_query_survives_the_round_trip_through_flat_pairs() {
        let query = crate::core::parse_query_str(QUERY).expect("valid");
        let pairs = to_pairs(&query);
        assert!(pairs.contains(&("partner.programs".into(), "commercial,germany".into())));
        let back = parse_query(&to_value(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))).expect("valid again");
        assert_eq!(back, query);
    }

    #[test]
    fn fields_stay_sorted_and_keep_one_text_per_path() {
        let mut fields: Fields = [("b", "1"), ("a", "2"), ("b", "3")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        fields.set("c", "4".into());
        fields.remove("a");
        fields.remove("missing");
        assert_eq!(fields.iter().collect::<Vec<_>>(), [("b", "3"), ("c", "4")]);
        assert_eq!(fields.get("b"), Some("3"));
        assert_eq!(fields.get("a"), None);
    }

    #[test]
    fn a_broken_link_is_reported_at_its_fields() {
        let pairs = [
            ("api_version", "1"),
            ("as_of", "2021-02-30"),
            ("partner.country", "XX"),
            ("partner.model", "direct_bill"),
            ("partner.mpa_signed", "maybe"),
            ("customer.country", "FR"),
            ("customer.segment", "commercial"),
            ("customer.relation", "unrelated"),
            ("utm_source", "mail"),
        ];
        let error = parse_query(&to_value(pairs)).expect_err("broken");
        let paths: Vec<&str> = error.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["utm_source", "as_of", "partner.country", "partner.mpa_signed"]);
    }
}
