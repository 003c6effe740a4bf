//! The widget's state: the query as flat `path=value` pairs (exactly what the link carries), the
//! language and the view. One reducer applies every user action.

use crate::core::decision::Decision;
use crate::core::flat::Fields;
use crate::core::messages;
use crate::core::nearest::Change;
use crate::core::parse::{parse_query, QueryError};
use crate::core::{decide, Lang, PartnerModel, Program, Relation, Vocabulary};
use std::rc::Rc;
use yew::Reducible;

/// Which view is shown.
#[derive(Clone, Debug, PartialEq)]
pub enum View {
    /// The form and the answer.
    Answer,
    /// The rule catalog, scrolled to a rule if one is named.
    Catalog(Option<String>),
}

/// Everything the widget shows is derived from this.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The query in flat form: path → text.
    pub fields: Fields,
    /// The interface language shown: the asked one once its text is at hand.
    pub lang: Lang,
    /// The language asked for (the link, the switcher, the host); its pack may still be loading.
    pub wanted_lang: Lang,
    /// The current view.
    pub view: View,
    /// Whether the page was opened from a link that could not be read in full.
    pub link_broken: bool,
    /// What the link named that is no field of the query (left out, so that the rest answers).
    pub ignored: Vec<String>,
    /// How many later packs (notes, catalog) have arrived since the widget started (each re-renders).
    pub later_loaded: u8,
}

/// Something the user (or the browser) did.
pub enum Action {
    /// Set a field; `None` clears it.
    Set(&'static str, Option<String>),
    /// Add or remove a program from `partner.programs`.
    ToggleProgram(Program, bool),
    /// Switch language.
    SetLang(Lang),
    /// Show the catalog, optionally at a rule.
    ShowCatalog(Option<String>),
    /// Back to the answer.
    ShowAnswer,
    /// Replace the whole query (from a link, history or storage).
    Restore(Fields, bool),
    /// Apply a nearest-yes proposal's changes to the query.
    Apply(Vec<Change>),
    /// Apply a host element's presets: these fields and, if given, the language.
    Preset(Fields, Option<Lang>),
    /// A language's later pack (notes, catalog) has arrived.
    LaterLoaded,
}

impl State {
    /// Asks for `lang`: shown at once if its text is at hand, else once its pack is loaded (the page
    /// keeps its current language meanwhile).
    fn set_lang(&mut self, lang: Lang) {
        self.wanted_lang = lang;
        if messages::is_available(lang) {
            self.lang = lang;
        }
    }

    /// A starting query: a commercial question for today.
    pub fn fresh(today: &str, lang: Lang) -> State {
        let fields = [
            ("api_version", "1"),
            ("as_of", today),
            ("partner.country", "FR"),
            ("partner.model", "direct_bill"),
            ("partner.has_partner_id", "true"),
            ("partner.mpa_signed", "true"),
            ("partner.programs", "commercial"),
            ("customer.country", "FR"),
            ("customer.segment", "commercial"),
            ("customer.relation", "unrelated"),
        ];
        State {
            fields: fields.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            lang: if messages::is_available(lang) { lang } else { Lang::En },
            wanted_lang: lang,
            view: View::Answer,
            link_broken: false,
            ignored: Vec::new(),
            later_loaded: 0,
        }
    }

    /// A link's fields made answerable: the contract version this page speaks, and today's starting
    /// values for the required fields the link leaves out (optional facts stay unstated, as the link has them).
    pub fn completed(link: Fields, today: &str) -> Fields {
        const REQUIRED: [&str; 6] = ["as_of", "partner.country", "partner.model", "customer.country", "customer.segment", "customer.relation"];
        let mut fields = link;
        for path in State::unknown_paths(&fields) {
            fields.remove(&path);
        }
        let fresh = State::fresh(today, Lang::En).fields;
        for path in REQUIRED {
            if fields.get(path).is_none() {
                fields.set(path, fresh.get(path).unwrap_or_default().to_string());
            }
        }
        fields.set("api_version", crate::core::API_VERSION.to_string());
        fields
    }

    /// The paths of `fields` that are no field of the query (a hand-made link's typo, say).
    pub fn unknown_paths(fields: &Fields) -> Vec<String> {
        fields.iter().map(|(path, _)| path).filter(|path| !crate::core::batch::FIELDS.contains(path)).map(str::to_string).collect()
    }

    /// The value of a field.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.fields.get(path)
    }

    /// The programs ticked.
    pub fn programs(&self) -> Vec<Program> {
        self.get("partner.programs").unwrap_or_default().split(',').filter_map(Program::from_id).collect()
    }

    /// Adds or removes a program from `partner.programs`, keeping the programs' order.
    fn toggle_program(&mut self, program: Program, on: bool) {
        let mut programs = self.programs();
        programs.retain(|p| *p != program);
        if on {
            programs.push(program);
        }
        let ordered: Vec<&str> = Program::ALL.iter().filter(|p| programs.contains(p)).map(|p| p.id()).collect();
        self.fields.set("partner.programs", ordered.join(","));
    }

    /// Makes one nearest-yes change to the fields (field by field: the page carries no JSON serialiser).
    fn apply(&mut self, change: Change) {
        let text = match change {
            Change::Onboard { program } => return self.toggle_program(program, true),
            Change::PartnerId | Change::SignMpa | Change::UsGovValidation | Change::EuropeanAccount | Change::EuropeanTenantActive => "true".to_string(),
            Change::Role { role } => role.id().to_string(),
            Change::EuropeanTenant { country } | Change::ProviderCountry { country } | Change::PartnerCountry { country, .. } => country.to_string(),
            Change::AsOf { day } => day.to_string(),
        };
        self.fields.set(change.path(), text);
    }

    /// The query the current fields stand for, or every problem with them.
    pub fn query(&self) -> Result<crate::core::Query, QueryError> {
        parse_query(&self.fields.to_value())
    }

    /// The decision for the current fields, or every problem with them.
    pub fn outcome(&self) -> Result<Decision, QueryError> {
        self.query().map(|query| decide(&query))
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Set(path, value) => {
                next.link_broken = false;
                next.ignored.clear();
                match value {
                    Some(value) => next.fields.set(path, value),
                    None => next.fields.remove(path),
                }
                if path == "partner.model" {
                    let model = next.get("partner.model").and_then(PartnerModel::from_id);
                    if model != Some(PartnerModel::IndirectReseller) {
                        next.fields.remove("partner.provider_country");
                    }
                    // A relation only one model can ask about falls back to an ordinary customer.
                    let relation = next.get("customer.relation").and_then(Relation::from_id);
                    if let (Some(model), Some(relation)) = (model, relation) {
                        if !relation.fits(model) {
                            next.fields.set("customer.relation", Relation::Unrelated.id().into());
                        }
                    }
                }
            }
            Action::ToggleProgram(program, on) => next.toggle_program(program, on),
            Action::SetLang(lang) => next.set_lang(lang),
            Action::ShowCatalog(rule) => next.view = View::Catalog(rule),
            Action::ShowAnswer => next.view = View::Answer,
            Action::LaterLoaded => next.later_loaded = next.later_loaded.wrapping_add(1),
            Action::Preset(fields, lang) => {
                next.fields.extend(fields);
                if let Some(lang) = lang {
                    next.set_lang(lang);
                }
            }
            Action::Apply(changes) => {
                for change in changes {
                    next.apply(change);
                }
            }
            Action::Restore(fields, broken) => {
                next.fields = fields;
                next.link_broken = broken;
            }
        }
        Rc::new(next)
    }
}
