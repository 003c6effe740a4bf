//! The batch view's engine (feature `batch`, a build of its own for the batch view's worker): `CsvBatch` reads a CSV file with `core::batch` and decides
//! it a slice of rows at a time, so the page's worker can report progress and stop between slices.
//! Each row crosses as 14 numbers (line, problem flag, then per cloud the verdict and up to two deciding
//! rules as indices into `ruleIds()`); the output file, the rows' labels and the problems come as text.

use crate::core::batch::{Batch, CellProblem, TEMPLATE};
use crate::core::rules::RULES;
use crate::core::{Lang, Verdict};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A problem as the batch view shows it: the line, the column (1-based, 0 when the field has none), the field, the message.
#[derive(Serialize)]
struct Located<'a> {
    line: u64,
    column: usize,
    field: &'a str,
    message: &'a str,
}

fn located(line: u64, problems: &[CellProblem]) -> impl Iterator<Item = Located<'_>> {
    problems.iter().map(move |problem| Located {
        line,
        column: problem.column.map_or(0, |column| column + 1),
        field: &problem.field,
        message: &problem.message,
    })
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".into())
}

/// A batch file being decided.
#[wasm_bindgen]
pub struct CsvBatch {
    batch: Batch,
    reader: csv::Reader<std::io::Cursor<Vec<u8>>>,
    size: usize,
    lang: Lang,
    output: csv::Writer<Vec<u8>>,
    labels: Vec<String>,
    problems: Vec<String>,
    row: csv::StringRecord,
}

#[wasm_bindgen]
impl CsvBatch {
    /// Reads the header of `text` (a CSV file); problems are written in `lang`. Throws the header's
    /// problems as JSON text (`[{line, column, field, message}]`).
    #[wasm_bindgen(constructor)]
    pub fn new(text: String, lang: &str) -> Result<CsvBatch, JsValue> {
        let lang = Lang::from_tag(lang).unwrap_or_default();
        let size = text.len();
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(std::io::Cursor::new(text.into_bytes()));
        let header = match reader.headers() {
            Ok(header) => header.clone(),
            Err(error) => {
                let unreadable = crate::core::QueryError::whole("error.batch_unreadable_row", error.to_string());
                let problem = CellProblem { column: None, field: String::new(), message: unreadable.problems[0].message_in(lang) };
                return Err(json(&located(1, &[problem]).collect::<Vec<_>>()).into());
            }
        };
        let batch = Batch::new(&header, lang).map_err(|problems| JsValue::from(json(&located(1, &problems).collect::<Vec<_>>())))?;
        let mut output = csv::Writer::from_writer(Vec::with_capacity(size * 2));
        // A Vec never fails to take bytes.
        let _ = output.write_record(batch.output_header());
        Ok(CsvBatch { batch, reader, size, lang, output, labels: Vec::new(), problems: Vec::new(), row: csv::StringRecord::new() })
    }

    /// Decides up to `count` more rows: 14 numbers per row (see the module's documentation); empty at the end.
    pub fn next(&mut self, count: u32) -> Vec<u32> {
        let mut codes = Vec::with_capacity(count as usize * 14);
        for _ in 0..count {
            let (line, answer) = match self.reader.read_record(&mut self.row) {
                Ok(false) => break,
                Ok(true) => (self.row.position().map_or(0, csv::Position::line), self.batch.decide(&self.row)),
                Err(error) => {
                    let line = error.position().map_or(0, csv::Position::line);
                    self.row.clear();
                    (line, Err(crate::core::QueryError::whole("error.batch_unreadable_row", error.to_string())))
                }
            };
            codes.extend([line as u32, u32::from(answer.is_err())]);
            match &answer {
                Ok(tallies) => {
                    for tally in tallies {
                        let rule = |at: usize| tally.deciding_indices().nth(at).map_or(0, |index| index as u32 + 1);
                        codes.extend([verdict_code(tally.verdict()), rule(0), rule(1)]);
                    }
                }
                Err(error) => {
                    codes.extend([0; 12]);
                    let placed = self.batch.place(error, self.lang);
                    self.problems.extend(located(line, &placed).map(|problem| json(&problem)));
                }
            }
            self.labels.push(self.label());
            let _ = self.batch.write_row(&mut self.output, &self.row, &answer, self.lang);
        }
        codes
    }

    /// How much of the file has been read, from 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.size == 0 {
            1.0
        } else {
            self.reader.position().byte() as f64 / self.size as f64
        }
    }

    /// The output file's text written since the last call (the header first).
    #[wasm_bindgen(js_name = takeOutput)]
    pub fn take_output(&mut self) -> String {
        let written = std::mem::replace(&mut self.output, csv::Writer::from_writer(Vec::new()));
        String::from_utf8(written.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    /// The problems met since the last call, as JSON text: `[{line, column, field, message}]`.
    #[wasm_bindgen(js_name = takeProblems)]
    pub fn take_problems(&mut self) -> String {
        format!("[{}]", std::mem::take(&mut self.problems).join(","))
    }

    /// The labels of the rows decided since the last call (their own columns, or partner → customer country), as JSON text.
    #[wasm_bindgen(js_name = takeLabels)]
    pub fn take_labels(&mut self) -> String {
        json(&std::mem::take(&mut self.labels))
    }

    fn label(&self) -> String {
        let own: Vec<&str> = self.batch.own_cells(&self.row).filter(|cell| !cell.is_empty()).collect();
        if own.is_empty() {
            let cell = |path| self.batch.cell(&self.row, path).unwrap_or("?");
            format!("{} → {}", cell("partner.country"), cell("customer.country"))
        } else {
            own.join(" · ")
        }
    }
}

/// A verdict as the batch view's numbers carry it.
fn verdict_code(verdict: Verdict) -> u32 {
    match verdict {
        Verdict::Allowed => 0,
        Verdict::Denied => 1,
        Verdict::NeedsAction => 2,
        Verdict::Unknown => 3,
    }
}

/// The rule ids the batch view's numbers index (1-based; 0 is no rule), as JSON text.
#[wasm_bindgen(js_name = ruleIds)]
pub fn rule_ids() -> String {
    json(&RULES.iter().map(|rule| rule.id).collect::<Vec<_>>())
}

/// The example batch file.
#[wasm_bindgen(js_name = batchTemplate)]
pub fn batch_template() -> String {
    TEMPLATE.to_string()
}

/// The site pages' texts in `lang` (the batch view and the rule catalog): the messages whose keys start with one of
/// `prefixes` (comma-separated), as a JSON object.
#[wasm_bindgen(js_name = siteTexts)]
pub fn site_texts(lang: &str, prefixes: &str) -> String {
    let lang = Lang::from_tag(lang).unwrap_or_default();
    let prefixes: Vec<&str> = prefixes.split(',').filter(|prefix| !prefix.is_empty()).collect();
    let texts: std::collections::BTreeMap<&str, &str> = crate::core::messages::Message::all()
        .filter(|message| prefixes.iter().any(|prefix| message.key().starts_with(prefix)))
        .map(|message| (message.key(), message.text(lang)))
        .collect();
    json(&texts)
}
