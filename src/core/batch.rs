//! Batch checks: a CSV file with one question per row. Its header row names the query's fields by
//! their flat paths (`as_of`, `partner.country`, `customer.segment`, … as in links); other columns
//! (a reseller's name, a customer id) pass through. Empty cells are facts not stated. Each row gets
//! every cloud's verdict, portal and deciding rules, or the problems that keep it from being decided,
//! each at its line and column. The command line and the page's batch view both read files with this.

use super::day::Day;
use super::engine::{tallies, Tally};
use super::markets::CountryCode;
use super::messages::{fill, text, Lang};
use super::parse::{contradictions, parse_query, QueryError};
use super::portals::transact_portal;
use super::query::{Customer, Partner, Query, API_VERSION};
use super::rules::RULES;
use super::vocabulary::{Cloud, CustomerStatus, PartnerModel, Program, Relation, Role, Segment, Task, Vocabulary};
use csv::StringRecord;

/// The longest rule id a batch file's `deciding` cell holds (checked at compile time against the table).
const MAX_RULE_ID: usize = 40;

const _: () = {
    let mut i = 0;
    while i < RULES.len() {
        assert!(RULES[i].id.len() <= MAX_RULE_ID, "a rule id is longer than MAX_RULE_ID");
        i += 1;
    }
};

/// The example file offered as a template: a header row and questions a partner would ask.
pub const TEMPLATE: &str = include_str!("../../data/batch-template.csv");

/// The query fields a column can name, by flat path.
pub const FIELDS: [&str; 19] = [
    "api_version",
    "as_of",
    "cloud",
    "task",
    "partner.country",
    "partner.model",
    "partner.has_partner_id",
    "partner.mpa_signed",
    "partner.provider_country",
    "partner.programs",
    "partner.us_gov_validated",
    "partner.role",
    "partner.european_account",
    "partner.european_tenant_country",
    "partner.european_tenant_active",
    "customer.country",
    "customer.segment",
    "customer.relation",
    "customer.national_cloud_customer",
];

/// Where a column belongs: a query field (its index in [`FIELDS`]) or the caller's own data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Field(usize),
    Own,
}

/// One thing wrong with a row (or the header), placed at its column when the field has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellProblem {
    /// The column (0-based), when the file has one for the field.
    pub column: Option<usize>,
    /// The field's flat path, or the column's name for a header problem.
    pub field: String,
    /// What is wrong, in the reader's language.
    pub message: String,
}

/// A batch file's header, read: which column holds which field.
#[derive(Clone, Debug)]
pub struct Batch {
    names: Vec<String>,
    columns: Vec<Column>,
    /// Whether a column gives `api_version` (rows without one are version 1).
    has_version: bool,
}

/// One row's answer.
pub type RowAnswer = Result<[Tally; 4], QueryError>;

impl Batch {
    /// Reads the header row; a column that looks like a query field but is none (`partner.contry`), or a
    /// field named twice, is a problem, since every row would miss it.
    ///
    /// # Errors
    /// Every problem of the header, each at its column.
    pub fn new(header: &StringRecord, lang: Lang) -> Result<Batch, Vec<CellProblem>> {
        let mut problems = Vec::new();
        let mut columns: Vec<Column> = Vec::with_capacity(header.len());
        for (at, name) in header.iter().enumerate() {
            let name = name.trim().trim_start_matches('\u{feff}');
            let column = match FIELDS.iter().position(|field| *field == name) {
                Some(field) if columns.contains(&Column::Field(field)) => {
                    problems.push(CellProblem { column: Some(at), field: name.into(), message: fill(text("error.batch_repeated_column", lang), &[name]) });
                    Column::Own
                }
                Some(field) => Column::Field(field),
                None if looks_like_field(name) => {
                    let expected = FIELDS.join(", ");
                    problems.push(CellProblem { column: Some(at), field: name.into(), message: fill(text("error.unknown_field", lang), &[name, &expected]) });
                    Column::Own
                }
                None => Column::Own,
            };
            columns.push(column);
        }
        if problems.is_empty() {
            let has_version = columns.contains(&Column::Field(0));
            Ok(Batch { names: header.iter().map(str::to_string).collect(), columns, has_version })
        } else {
            Err(problems)
        }
    }

    /// Reads one row into a query: straight into its types when every cell is valid, else through the
    /// problem-collecting parser (the same as links and JSON), which names every problem.
    ///
    /// # Errors
    /// Every problem of the row, each with its field's path.
    pub fn read(&self, row: &StringRecord) -> Result<Query, QueryError> {
        let cells = || {
            self.columns.iter().zip(row.iter()).filter_map(|(column, cell)| match column {
                Column::Field(field) if !cell.trim().is_empty() => Some((*field, cell.trim())),
                _ => None,
            })
        };
        if let Some(query) = read_valid_fields(cells(), self.has_version) {
            return Ok(query);
        }
        let mut pairs: Vec<(&str, String)> = cells().map(|(field, cell)| (FIELDS[field], normalised(FIELDS[field], cell))).collect();
        if !self.has_version {
            pairs.push(("api_version", API_VERSION.to_string()));
        }
        parse_query(&super::flat::to_value(pairs.iter().map(|(path, cell)| (*path, cell.as_str()))))
    }

    /// Decides one row: every cloud's verdict, portal and deciding rules, or the row's problems.
    pub fn decide(&self, row: &StringRecord) -> RowAnswer {
        self.read(row).map(|query| tallies(&query))
    }

    /// A row's problems, each placed at its column, in `lang`.
    pub fn place(&self, error: &QueryError, lang: Lang) -> Vec<CellProblem> {
        error
            .problems
            .iter()
            .map(|problem| {
                let field = problem.path.split('[').next().unwrap_or_default();
                let column = self.columns.iter().position(|column| matches!(column, Column::Field(at) if FIELDS[*at] == field));
                CellProblem { column, field: problem.path.clone(), message: problem.message_in(lang) }
            })
            .collect()
    }

    /// The output's header: the input's columns, then each cloud's verdict, portal and deciding rules,
    /// then the row's problems.
    pub fn output_header(&self) -> Vec<String> {
        let mut names = self.names.clone();
        for cloud in Cloud::ALL {
            for part in ["verdict", "portal", "deciding"] {
                names.push(format!("{}.{part}", cloud.id()));
            }
        }
        names.push("problems".into());
        names
    }

    /// Writes one output row: the input row as it was, then the answer's columns (see
    /// [`Batch::output_header`]), with problems in `lang`.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn write_row<W: std::io::Write>(&self, writer: &mut csv::Writer<W>, row: &StringRecord, answer: &RowAnswer, lang: Lang) -> csv::Result<()> {
        for at in 0..self.names.len() {
            writer.write_field(row.get(at).unwrap_or_default())?;
        }
        match answer {
            Ok(decided) => {
                for (cloud, tally) in Cloud::EVERY.into_iter().zip(decided) {
                    writer.write_field(tally.verdict().id())?;
                    writer.write_field(transact_portal(cloud).id)?;
                    // The deciding rules' ids, separated by a space (assembled without allocating).
                    let mut ids = [0u8; 2 * MAX_RULE_ID + 1];
                    let mut length = 0;
                    for rule in tally.deciding() {
                        if length > 0 {
                            ids[length] = b' ';
                            length += 1;
                        }
                        ids[length..length + rule.id.len()].copy_from_slice(rule.id.as_bytes());
                        length += rule.id.len();
                    }
                    writer.write_field(&ids[..length])?;
                }
                writer.write_field("")?;
            }
            Err(error) => {
                for _ in 0..Cloud::ALL.len() * 3 {
                    writer.write_field("")?;
                }
                let problems: Vec<String> = self.place(error, lang).into_iter().map(|problem| format!("{}: {}", problem.field, problem.message)).collect();
                writer.write_field(problems.join("; "))?;
            }
        }
        writer.write_record(None::<&[u8]>)
    }

    /// The cells of a row's own columns (those that are no query field), in order.
    pub fn own_cells<'r>(&'r self, row: &'r StringRecord) -> impl Iterator<Item = &'r str> {
        self.columns.iter().zip(row.iter()).filter(|(column, _)| **column == Column::Own).map(|(_, cell)| cell)
    }

    /// The cell of a row for a query field, if the file has a column for it.
    pub fn cell<'r>(&self, row: &'r StringRecord, path: &str) -> Option<&'r str> {
        let at = self.columns.iter().position(|column| matches!(column, Column::Field(field) if FIELDS[*field] == path))?;
        row.get(at)
    }
}

/// Whether a column name is meant as a query field (a dotted partner or customer path, or a top-level field name).
fn looks_like_field(name: &str) -> bool {
    name.starts_with("partner.") || name.starts_with("customer.") || ["partner", "customer"].contains(&name)
}

/// A cell as the flat form writes it: booleans in lower case, programs separated by commas (a file may
/// use `;` or spaces, and spreadsheets write `TRUE`).
fn normalised(path: &str, cell: &str) -> String {
    match path {
        "partner.programs" => cell.split([',', ';', ' ']).filter(|item| !item.is_empty()).collect::<Vec<_>>().join(","),
        _ if cell.eq_ignore_ascii_case("true") || cell.eq_ignore_ascii_case("false") => cell.to_ascii_lowercase(),
        _ => cell.to_string(),
    }
}

/// Reads a country cell: a code of the market table.
fn country(cell: &str) -> Option<CountryCode> {
    CountryCode::parse(cell).filter(|code| code.is_known())
}

/// Reads a true/false cell (any case).
fn boolean(cell: &str) -> Option<bool> {
    if cell.eq_ignore_ascii_case("true") {
        Some(true)
    } else if cell.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// Reads a programs cell: ids separated by commas, semicolons or spaces, the first of repeats kept.
fn programs(cell: &str) -> Option<Vec<Program>> {
    let mut chosen = Vec::new();
    for id in cell.split([',', ';', ' ']).filter(|item| !item.is_empty()) {
        let program = Program::from_id(id)?;
        if !chosen.contains(&program) {
            chosen.push(program);
        }
    }
    Some(chosen)
}

/// Reads the cells of a row straight into a query: `Some` only when every cell is valid and the facts
/// hold together, and then the query the problem-collecting parser gives; `None` sends the row there.
fn read_valid_fields<'a>(cells: impl Iterator<Item = (usize, &'a str)>, has_api_version: bool) -> Option<Query> {
    let (mut as_of, mut cloud, mut task) = (None, None, None);
    let (mut partner_country, mut model, mut customer_country, mut segment, mut relation) = (None, None, None, None, None);
    let mut partner = Partner {
        country: CountryCode::parse("US")?,
        model: PartnerModel::DirectBill,
        has_partner_id: None,
        mpa_signed: None,
        provider_country: None,
        programs: None,
        us_gov_validated: None,
        role: None,
        european_account: None,
        european_tenant_country: None,
        european_tenant_active: None,
    };
    let mut status = None;
    let mut version_seen = !has_api_version;
    // The arms follow the order of [`FIELDS`].
    for (field, cell) in cells {
        match field {
            0 => version_seen = cell == "1",
            1 => as_of = Some(Day::parse(cell)?),
            2 => cloud = Some(Cloud::from_id(cell)?),
            3 => task = Some(Task::from_id(cell)?),
            4 => partner_country = Some(country(cell)?),
            5 => model = Some(PartnerModel::from_id(cell)?),
            6 => partner.has_partner_id = Some(boolean(cell)?),
            7 => partner.mpa_signed = Some(boolean(cell)?),
            8 => partner.provider_country = Some(country(cell)?),
            9 => partner.programs = Some(programs(cell)?),
            10 => partner.us_gov_validated = Some(boolean(cell)?),
            11 => partner.role = Some(Role::from_id(cell)?),
            12 => partner.european_account = Some(boolean(cell)?),
            13 => partner.european_tenant_country = Some(country(cell)?),
            14 => partner.european_tenant_active = Some(boolean(cell)?),
            15 => customer_country = Some(country(cell)?),
            16 => segment = Some(Segment::from_id(cell)?),
            17 => relation = Some(Relation::from_id(cell)?),
            18 => status = Some(CustomerStatus::from_id(cell)?),
            _ => return None,
        }
    }
    partner.country = partner_country?;
    partner.model = model?;
    let customer = Customer { country: customer_country?, segment: segment?, relation: relation?, national_cloud_customer: status };
    let query = Query { api_version: API_VERSION, as_of: as_of?, partner, customer, cloud, task };
    (version_seen && contradictions(&query).next().is_none()).then_some(query)
}
