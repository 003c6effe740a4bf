//! Reading a query from JSON: every problem is collected with its JSON path, nothing panics.

use super::day::Day;
use super::markets::CountryCode;
use super::messages::{fill, text, Lang};
use super::query::{Customer, Partner, Query, API_VERSION};
use super::vocabulary::{CustomerStatus, PartnerModel, Relation, Task, Vocabulary};
use serde::Serialize;
use serde_json::{Map, Value};

/// One thing wrong with a query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Problem {
    /// JSON path of the offending field (`partner.country`), or empty for the whole document.
    pub path: String,
    /// Message key of the kind of problem (`error.unknown_country`).
    pub code: &'static str,
    /// The offending value (for a wrong type, the JSON type found: `string`, `number`, …).
    pub detail: String,
    /// English message.
    pub message: String,
    /// What fills the message's placeholders, so that it can be written in any language.
    #[serde(skip)]
    pub fills: Vec<Fill>,
}

/// What fills a placeholder of a problem's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fill {
    /// Shown as it is: an offending value, field names, ids.
    Text(String),
    /// A message key, shown in the reader's language.
    Key(&'static str),
}

impl Problem {
    /// A problem at `path` whose message is `code` with its placeholders filled by `fills`.
    pub fn new(path: &str, code: &'static str, detail: String, fills: Vec<Fill>) -> Problem {
        let mut problem = Problem { path: path.to_string(), code, detail, message: String::new(), fills };
        problem.message = problem.message_in(Lang::En);
        problem
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        let parts: Vec<&str> = self
            .fills
            .iter()
            .map(|part| match part {
                Fill::Text(shown) => shown.as_str(),
                Fill::Key(key) => text(key, lang),
            })
            .collect();
        fill(text(self.code, lang), &parts)
    }
}

/// Everything wrong with a query; never empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct QueryError {
    /// Contract version.
    pub api_version: u32,
    /// Every problem found, in document order.
    pub problems: Vec<Problem>,
}

impl QueryError {
    /// An error about the whole input (path empty): `code`'s message filled with `detail`.
    pub fn whole(code: &'static str, detail: String) -> QueryError {
        let problem = Problem::new("", code, detail.clone(), vec![Fill::Text(detail)]);
        QueryError { api_version: API_VERSION, problems: vec![problem] }
    }
}

/// Longest piece of user input repeated in a message.
const MAX_ECHO: usize = 40;

fn echo(value: &str) -> String {
    match value.char_indices().nth(MAX_ECHO) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_string(),
    }
}

/// A JSON value's type: its JSON name (the detail of a wrong type) and the message key naming it.
fn kind(value: &Value) -> (&'static str, &'static str) {
    match value {
        Value::Null => ("null", "error.type_null"),
        Value::Bool(_) => ("boolean", "error.type_boolean"),
        Value::Number(_) => ("number", "error.type_number"),
        Value::String(_) => ("string", "error.type_string"),
        Value::Array(_) => ("array", "error.type_array"),
        Value::Object(_) => ("object", "error.type_object"),
    }
}

/// Parses JSON text into a query.
///
/// # Errors
/// Returns every problem found: malformed JSON, unknown fields, wrong types, unknown values, contradictions.
pub fn parse_query_str(text: &str) -> Result<Query, QueryError> {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => parse_query(&value),
        Err(error) => {
            let mut walker = Walker::default();
            walker.report("", "error.malformed_json", error.to_string());
            Err(walker.into_error())
        }
    }
}

/// Reads a query from a JSON value.
///
/// # Errors
/// Returns every problem found: unknown fields, wrong types, unknown values, contradictions.
pub fn parse_query(value: &Value) -> Result<Query, QueryError> {
    let mut walker = Walker::default();
    let query = walker.query(value);
    match query {
        Some(query) if walker.problems.is_empty() => Ok(query),
        _ => Err(walker.into_error()),
    }
}

#[derive(Default)]
struct Walker {
    problems: Vec<Problem>,
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

impl Walker {
    fn into_error(self) -> QueryError {
        QueryError { api_version: API_VERSION, problems: self.problems }
    }

    /// Reports a problem whose message shows its detail.
    fn report(&mut self, path: &str, code: &'static str, detail: String) {
        self.problems.push(Problem::new(path, code, detail.clone(), vec![Fill::Text(detail)]));
    }

    /// Reports `offending` where one of `expected` (ids or field names) was expected.
    fn report_unexpected(&mut self, path: &str, code: &'static str, offending: &str, expected: String) {
        let detail = echo(offending);
        self.problems.push(Problem::new(path, code, detail.clone(), vec![Fill::Text(detail), Fill::Text(expected)]));
    }

    /// Reports a value of the wrong JSON type; `expected` is the message key naming what was expected.
    fn wrong_type(&mut self, path: &str, expected: &'static str, found: &Value) -> Option<()> {
        let (name, key) = kind(found);
        self.problems.push(Problem::new(path, "error.wrong_type", name.to_string(), vec![Fill::Key(expected), Fill::Key(key)]));
        None
    }

    fn object<'v>(&mut self, value: &'v Value, path: &str, fields: &[&str]) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.wrong_type(path, "error.type_object", value)?;
            return None;
        };
        for key in map.keys().filter(|key| !fields.contains(&key.as_str())) {
            self.report_unexpected(&join(path, key), "error.unknown_field", key, fields.join(", "));
        }
        Some(map)
    }

    fn field<'v, T>(
        &mut self,
        map: &'v Map<String, Value>,
        parent: &str,
        key: &str,
        read: impl FnOnce(&mut Self, &'v Value, &str) -> Option<T>,
    ) -> Option<Option<T>> {
        let path = join(parent, key);
        match map.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(value) => read(self, value, &path).map(Some),
        }
    }

    fn required<'v, T>(
        &mut self,
        map: &'v Map<String, Value>,
        parent: &str,
        key: &str,
        read: impl FnOnce(&mut Self, &'v Value, &str) -> Option<T>,
    ) -> Option<T> {
        let found = self.field(map, parent, key, read)?;
        if found.is_none() {
            self.report(&join(parent, key), "error.missing_field", key.to_string());
        }
        found
    }

    fn text<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v str> {
        match value {
            Value::String(text) => Some(text),
            other => self.wrong_type(path, "error.type_string", other).and(None),
        }
    }

    fn boolean(&mut self, value: &Value, path: &str) -> Option<bool> {
        match value {
            Value::Bool(flag) => Some(*flag),
            other => self.wrong_type(path, "error.type_true_or_false", other).and(None),
        }
    }

    fn choice<V: Vocabulary>(&mut self, value: &Value, path: &str) -> Option<V> {
        let text = self.text(value, path)?;
        let found = V::from_id(text);
        if found.is_none() {
            self.report_unexpected(path, "error.unknown_value", text, V::expected());
        }
        found
    }

    fn country(&mut self, value: &Value, path: &str) -> Option<CountryCode> {
        let text = self.text(value, path)?;
        match CountryCode::parse(text) {
            Some(code) if code.is_known() => Some(code),
            Some(_) => {
                self.report(path, "error.unknown_country", echo(text));
                None
            }
            None => {
                self.report(path, "error.malformed_country", echo(text));
                None
            }
        }
    }

    fn day(&mut self, value: &Value, path: &str) -> Option<Day> {
        let text = self.text(value, path)?;
        let day = Day::parse(text);
        if day.is_none() {
            self.report(path, "error.bad_date", echo(text));
        }
        day
    }

    fn list<V: Vocabulary + PartialEq>(&mut self, value: &Value, path: &str) -> Option<Vec<V>> {
        let Value::Array(items) = value else {
            return self.wrong_type(path, "error.type_array", value).and(None);
        };
        let mut chosen = Vec::with_capacity(items.len());
        let mut complete = true;
        for (index, item) in items.iter().enumerate() {
            match self.choice::<V>(item, &format!("{path}[{index}]")) {
                Some(choice) if !chosen.contains(&choice) => chosen.push(choice),
                Some(_) => {}
                None => complete = false,
            }
        }
        complete.then_some(chosen)
    }

    fn version(&mut self, value: &Value, path: &str) -> Option<u32> {
        if value.as_u64() == Some(u64::from(API_VERSION)) {
            Some(API_VERSION)
        } else {
            let (detail, fill) = match value.as_u64() {
                Some(number) => (number.to_string(), Fill::Text(number.to_string())),
                None => {
                    let (name, key) = kind(value);
                    (name.to_string(), Fill::Key(key))
                }
            };
            self.problems.push(Problem::new(path, "error.api_version", detail, vec![fill]));
            None
        }
    }

    fn query(&mut self, value: &Value) -> Option<Query> {
        let map = self.object(value, "", &["api_version", "as_of", "partner", "customer", "cloud", "task"])?;
        let api_version = self.required(map, "", "api_version", Self::version);
        let as_of = self.required(map, "", "as_of", Self::day);
        let partner = self.required(map, "", "partner", Self::partner);
        let customer = self.required(map, "", "customer", Self::customer);
        let cloud = self.field(map, "", "cloud", Self::choice);
        let task = self.field(map, "", "task", Self::choice);
        let query = Query { api_version: api_version?, as_of: as_of?, partner: partner?, customer: customer?, cloud: cloud?, task: task? };
        self.contradictions(&query);
        Some(query)
    }

    fn partner(&mut self, value: &Value, path: &str) -> Option<Partner> {
        let fields = [
            "country",
            "model",
            "has_partner_id",
            "mpa_signed",
            "provider_country",
            "programs",
            "us_gov_validated",
            "role",
            "european_account",
            "european_tenant_country",
            "european_tenant_active",
        ];
        let map = self.object(value, path, &fields)?;
        let country = self.required(map, path, "country", Self::country);
        let model = self.required(map, path, "model", Self::choice);
        let has_partner_id = self.field(map, path, "has_partner_id", Self::boolean);
        let mpa_signed = self.field(map, path, "mpa_signed", Self::boolean);
        let provider_country = self.field(map, path, "provider_country", Self::country);
        let programs = self.field(map, path, "programs", Self::list);
        let us_gov_validated = self.field(map, path, "us_gov_validated", Self::boolean);
        let role = self.field(map, path, "role", Self::choice);
        let european_account = self.field(map, path, "european_account", Self::boolean);
        let european_tenant_country = self.field(map, path, "european_tenant_country", Self::country);
        let european_tenant_active = self.field(map, path, "european_tenant_active", Self::boolean);
        Some(Partner {
            country: country?,
            model: model?,
            has_partner_id: has_partner_id?,
            mpa_signed: mpa_signed?,
            provider_country: provider_country?,
            programs: programs?,
            us_gov_validated: us_gov_validated?,
            role: role?,
            european_account: european_account?,
            european_tenant_country: european_tenant_country?,
            european_tenant_active: european_tenant_active?,
        })
    }

    fn customer(&mut self, value: &Value, path: &str) -> Option<Customer> {
        let map = self.object(value, path, &["country", "segment", "relation", "national_cloud_customer"])?;
        let country = self.required(map, path, "country", Self::country);
        let segment = self.required(map, path, "segment", Self::choice);
        let relation = self.required(map, path, "relation", Self::choice);
        let status = self.field(map, path, "national_cloud_customer", Self::choice);
        Some(Customer { country: country?, segment: segment?, relation: relation?, national_cloud_customer: status? })
    }

    fn contradictions(&mut self, query: &Query) {
        for (path, code, detail) in contradictions(query) {
            self.report(path, code, detail.to_string());
        }
    }
}

/// Facts of a query that cannot hold together: each with its path, problem code and offending value.
pub(crate) fn contradictions(query: &Query) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    let model = query.partner.model;
    let provider_for_non_reseller = query.partner.provider_country.is_some() && model != PartnerModel::IndirectReseller;
    let relation = query.customer.relation;
    let misfit = (!relation.fits(model)).then(|| {
        let code = if relation == Relation::OwnProvider { "error.own_provider_for_non_reseller" } else { "error.own_reseller_for_non_provider" };
        ("customer.relation", code, model.id())
    });
    let migrating = query.task == Some(Task::MigrateGermanyCustomer);
    let new_customer_migrating = migrating && query.customer.national_cloud_customer == Some(CustomerStatus::New);
    provider_for_non_reseller
        .then_some(("partner.provider_country", "error.provider_for_non_reseller", model.id()))
        .into_iter()
        .chain(misfit)
        .chain(new_customer_migrating.then_some(("customer.national_cloud_customer", "error.migrating_customer_is_existing", CustomerStatus::New.id())))
}

/// Reads JSON text straight into a query, without the problem-collecting walk: `Some` only for a valid
/// query, and then exactly the query [`parse_query_str`] gives; `None` sends the caller to
/// [`parse_query_str`] for the problems. The JS package's fast path.
pub fn read_valid_query(text: &str) -> Option<Query> {
    let mut query: Query = serde_json::from_str(text).ok()?;
    if query.api_version != API_VERSION || contradictions(&query).next().is_some() {
        return None;
    }
    if let Some(programs) = &mut query.partner.programs {
        // The walk keeps the first of repeated programs.
        let mut seen = Vec::with_capacity(programs.len());
        programs.retain(|program| {
            !seen.contains(program) && {
                seen.push(*program);
                true
            }
        });
    }
    Some(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(String, &'static str)> {
        parse_query_str(text).expect_err("invalid").problems.into_iter().map(|p| (p.path, p.code)).collect()
    }

    #[test]
    fn every_problem_is_reported_with_its_path() {
        let found = problems(
            r#"{"api_version":1,"as_of":"2021-02-30","colour":1,
                "partner":{"country":"ZZ","model":"wholesaler","programs":["commercial","mars"]},
                "customer":{"country":"fr","segment":"commercial","relation":5}}"#,
        );
        assert_eq!(
            found,
            vec![
                ("colour".into(), "error.unknown_field"),
                ("as_of".into(), "error.bad_date"),
                ("partner.country".into(), "error.unknown_country"),
                ("partner.model".into(), "error.unknown_value"),
                ("partner.programs[1]".into(), "error.unknown_value"),
                ("customer.country".into(), "error.malformed_country"),
                ("customer.relation".into(), "error.wrong_type"),
            ]
        );
    }

    #[test]
    fn contradictions_are_problems() {
        let found = problems(
            r#"{"api_version":1,"as_of":"2021-02-01",
                "partner":{"country":"FR","model":"direct_bill","provider_country":"DE"},
                "customer":{"country":"FR","segment":"commercial","relation":"own_provider"}}"#,
        );
        assert_eq!(
            found,
            vec![("partner.provider_country".into(), "error.provider_for_non_reseller"), ("customer.relation".into(), "error.own_provider_for_non_reseller"),]
        );
    }

    #[test]
    fn missing_required_fields_and_bad_json_are_problems() {
        assert_eq!(problems("{}").len(), 4);
        assert_eq!(problems("[1").first().map(|p| p.1), Some("error.malformed_json"));
        assert_eq!(problems("42"), vec![(String::new(), "error.wrong_type")]);
    }

    #[test]
    fn long_input_is_cut_in_messages() {
        let long = "x".repeat(1_000_000);
        let error = parse_query_str(&format!(r#"{{"api_version":1,"as_of":"{long}"}}"#)).expect_err("invalid");
        assert!(error.problems.iter().all(|p| p.message.len() < 300));
    }

    #[test]
    fn problems_read_in_every_language_with_the_offending_value_as_detail() {
        let error = parse_query_str(r#"{"api_version":"1","as_of":"2024-01-01","colour":1,"partner":{"country":"FR","model":"reseller","mpa_signed":"maybe"},"customer":{"country":"FR","segment":"commercial","relation":"unrelated"}}"#)
            .expect_err("invalid");
        let found: Vec<(&str, &str, String, String)> =
            error.problems.iter().map(|p| (p.path.as_str(), p.detail.as_str(), p.message.clone(), p.message_in(Lang::Fr))).collect();
        assert_eq!(
            found,
            [
                (
                    "colour",
                    "colour",
                    "unknown field `colour`; expected one of api_version, as_of, partner, customer, cloud, task".to_string(),
                    "champ inconnu `colour` ; attendu l’un de : api_version, as_of, partner, customer, cloud, task".to_string()
                ),
                (
                    "api_version",
                    "string",
                    "api_version must be 1, not a string".to_string(),
                    "api_version doit valoir 1, et non une chaîne de caractères".to_string()
                ),
                (
                    "partner.model",
                    "reseller",
                    "unknown value `reseller`; expected one of direct_bill, indirect_provider, indirect_reseller".to_string(),
                    "valeur inconnue `reseller` ; attendu l’une de : direct_bill, indirect_provider, indirect_reseller".to_string()
                ),
                (
                    "partner.mpa_signed",
                    "string",
                    "expected true or false, not a string".to_string(),
                    "attendu : true ou false, et non une chaîne de caractères".to_string()
                ),
            ]
        );
        assert_eq!(error.problems[3].message_in(Lang::De), "erwartet: true oder false, nicht eine Zeichenkette");
    }
}
