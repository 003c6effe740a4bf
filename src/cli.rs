//! The command line: decide one JSON query from standard input, or a whole batch file (CSV or JSON
//! Lines) row by row on every core, streaming in chunks so memory stays flat whatever the file's size.

use csp_eligibility::core::batch::{Batch, CellProblem, TEMPLATE};
use csp_eligibility::core::{self, Lang, Query, QueryError};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::mpsc;

const USAGE: &str = "usage:
  csp-eligibility < query.json             decide one query (the JSON contract) and print the decision
  csp-eligibility batch [FILE] [OPTIONS]   decide every row of a CSV or JSON Lines file (standard input
                                           without FILE) and write the answers to standard output
  csp-eligibility template                 print an example batch file (CSV)
options:
  --format csv|jsonl       the file's format (default: from FILE's extension, else csv)
  --detail verdicts|full   JSON Lines answers: verdicts (default) or whole decisions
  --lang en|fr|de          the language of problem messages (default en)
Rows that cannot be decided are reported on standard error with their line and column, keep their
place in the output (with a `problems` column, or a QueryError line), and make the exit status 1.";

/// Rows handed to the deciding threads at a time: enough to keep every core busy, few enough to keep
/// memory flat.
const CHUNK: usize = 16_384;

/// What `batch` was asked to do.
struct Options {
    file: Option<String>,
    jsonl: bool,
    full: bool,
    lang: Lang,
}

/// Runs the command line with its arguments (without the program name).
pub fn run(args: &[String]) -> ExitCode {
    match args.first().map(String::as_str) {
        None => decide_one(),
        Some("batch") => match options(&args[1..]) {
            Ok(options) => batch(&options),
            Err(message) => usage_error(&message),
        },
        Some("template") => {
            print!("{TEMPLATE}");
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage_error(&format!("unknown command `{other}`")),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("{message}\n{USAGE}");
    ExitCode::from(2)
}

fn decide_one() -> ExitCode {
    let mut input = String::new();
    if let Err(error) = io::stdin().read_to_string(&mut input) {
        eprintln!("cannot read standard input: {error}");
        return ExitCode::FAILURE;
    }
    let (json, code) = match core::decide_json(&input) {
        Ok(decision) => (serde_json::to_string_pretty(&decision), ExitCode::SUCCESS),
        Err(error) => (serde_json::to_string_pretty(&error), ExitCode::from(2)),
    };
    println!("{}", json.unwrap_or_default());
    code
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut options = Options { file: None, jsonl: false, full: false, lang: Lang::En };
    let mut format = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--format" => format = Some(value("--format")?),
            "--detail" => {
                options.full = match value("--detail")?.as_str() {
                    "full" => true,
                    "verdicts" => false,
                    other => return Err(format!("--detail must be verdicts or full, not `{other}`")),
                }
            }
            "--lang" => {
                let tag = value("--lang")?;
                options.lang = Lang::from_tag(&tag).ok_or_else(|| format!("--lang must be en, fr or de, not `{tag}`"))?;
            }
            file if !file.starts_with("--") && options.file.is_none() => options.file = Some(file.to_string()),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    let by_extension = options.file.as_deref().is_some_and(|file| file.ends_with(".jsonl") || file.ends_with(".ndjson"));
    options.jsonl = match format.as_deref() {
        None => by_extension,
        Some("csv") => false,
        Some("jsonl") => true,
        Some(other) => return Err(format!("--format must be csv or jsonl, not `{other}`")),
    };
    Ok(options)
}

fn batch(options: &Options) -> ExitCode {
    let (input, size): (Box<dyn Read + Send>, Option<u64>) = match &options.file {
        Some(path) => match std::fs::File::open(path) {
            Ok(file) => {
                let size = file.metadata().ok().map(|meta| meta.len());
                (Box::new(file), size)
            }
            Err(error) => {
                eprintln!("cannot open {path}: {error}");
                return ExitCode::from(2);
            }
        },
        None => (Box::new(io::stdin()), None),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let progress = progress_bar(size);
    let result = if options.jsonl { batch_jsonl(input, options, &mut out, &progress) } else { batch_csv(input, options, &mut out, &progress) };
    let flushed = out.flush();
    progress.finish_and_clear();
    match (result, flushed) {
        (Ok(summary), Ok(())) => {
            if summary.bad > 0 {
                eprintln!("{} of {} rows could not be decided", summary.bad, summary.rows);
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        (Err(message), _) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
        (_, Err(error)) => {
            eprintln!("cannot write the answers: {error}");
            ExitCode::from(2)
        }
    }
}

/// A bar on standard error when it is a terminal (hidden otherwise), by bytes read when the size is known.
fn progress_bar(size: Option<u64>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    match size {
        Some(bytes) => ProgressBar::new(bytes)
            .with_style(ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {msg} ({eta} left)").unwrap_or_else(|_| ProgressStyle::default_bar())),
        None => ProgressBar::new_spinner().with_style(ProgressStyle::with_template("{spinner} {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner())),
    }
}

/// How many rows were read, and how many of them could not be decided.
#[derive(Default)]
struct Summary {
    rows: u64,
    bad: u64,
}

/// A row as read: its line, its cells, and why it cannot be read if so. Rows are reused chunk after
/// chunk, so reading allocates nothing once the first chunks are filled.
#[derive(Default)]
struct ReadRow {
    line: u64,
    record: csv::StringRecord,
    unreadable: Option<String>,
}

/// Reads up to [`CHUNK`] rows into `chunk` (reusing its rows); the byte offset reached, or why reading stopped.
fn fill_chunk<R: Read>(reader: &mut csv::Reader<R>, chunk: &mut Vec<ReadRow>) -> Result<u64, String> {
    let mut count = 0;
    while count < CHUNK {
        if count == chunk.len() {
            chunk.push(ReadRow::default());
        }
        let row = &mut chunk[count];
        row.unreadable = None;
        match reader.read_record(&mut row.record) {
            Ok(false) => break,
            Ok(true) => row.line = row.record.position().map_or(0, csv::Position::line),
            Err(error) if error.is_io_error() => return Err(format!("cannot read the file: {error}")),
            Err(error) => {
                row.line = error.position().map_or(0, csv::Position::line);
                row.unreadable = Some(error.to_string());
            }
        }
        count += 1;
    }
    chunk.truncate(count);
    Ok(reader.position().byte())
}

fn batch_csv(input: Box<dyn Read + Send>, options: &Options, out: &mut impl Write, progress: &ProgressBar) -> Result<Summary, String> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).buffer_capacity(1 << 20).from_reader(input);
    let header = reader.headers().map_err(|error| format!("cannot read the header row: {error}"))?.clone();
    let lang = options.lang;
    let batch = Batch::new(&header, lang).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|problem| located(1, problem)).collect();
        lines.join("\n")
    })?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(batch.output_header()).map_err(|error| error.to_string())?;
    out.write_all(&writer.into_inner().map_err(|error| error.to_string())?).map_err(|error| error.to_string())?;
    // The reading thread fills chunks while the others decide; decided chunks go back to be refilled.
    let (filled, chunks) = mpsc::sync_channel::<(Vec<ReadRow>, u64)>(1);
    let (recycle, emptied) = mpsc::channel::<Vec<ReadRow>>();
    let reading = std::thread::spawn(move || -> Result<(), String> {
        loop {
            let mut chunk = emptied.try_recv().unwrap_or_default();
            let byte = fill_chunk(&mut reader, &mut chunk)?;
            let done = chunk.len() < CHUNK;
            if filled.send((chunk, byte)).is_err() || done {
                return Ok(());
            }
        }
    });
    let mut summary = Summary::default();
    // One piece of each chunk per thread, each written into that thread's own buffer, kept from chunk to
    // chunk: the deciding threads allocate as little as they can (the allocator's lock serialised them).
    let threads = rayon::current_num_threads().max(1);
    let mut buffers: Vec<Vec<u8>> = (0..threads).map(|_| Vec::with_capacity(CHUNK.div_ceil(threads) * 400)).collect();
    for (chunk, byte) in chunks {
        let piece = chunk.len().div_ceil(threads).max(1);
        let problems: Vec<Vec<String>> =
            chunk.par_chunks(piece).zip(buffers.par_iter_mut()).map(|(rows, buffer)| decide_csv_rows(&batch, rows, lang, buffer)).collect();
        for (buffer, problems) in buffers.iter().zip(problems) {
            out.write_all(buffer).map_err(|error| format!("cannot write the answers: {error}"))?;
            summary.bad += problems.len() as u64;
            for problem in problems {
                progress.suspend(|| eprintln!("{problem}"));
            }
        }
        summary.rows += chunk.len() as u64;
        progress.set_position(byte);
        progress.set_message(format!("{} rows", summary.rows));
        let _ = recycle.send(chunk);
    }
    reading.join().map_err(|_| "the reading thread stopped".to_string())??;
    Ok(summary)
}

/// Decides some rows into `buffer` (emptied first): a line for standard error for each row that is bad.
fn decide_csv_rows(batch: &Batch, rows: &[ReadRow], lang: Lang, buffer: &mut Vec<u8>) -> Vec<String> {
    buffer.clear();
    let mut writer = csv::Writer::from_writer(buffer);
    let mut problems = Vec::new();
    let empty = csv::StringRecord::new();
    for row in rows {
        let (record, answer) = match &row.unreadable {
            None => (&row.record, batch.decide(&row.record)),
            Some(why) => (&empty, Err(QueryError::whole("error.batch_unreadable_row", why.clone()))),
        };
        if let Err(error) = &answer {
            let placed: Vec<String> = batch.place(error, lang).iter().map(|problem| located(row.line, problem)).collect();
            problems.push(placed.join("\n"));
        }
        // A Vec never fails to take bytes.
        let _ = batch.write_row(&mut writer, record, &answer, lang);
    }
    // A Vec never fails to take the bytes left in the writer's own buffer.
    let _ = writer.flush();
    problems
}

/// `line 4, column 3 (partner.country): …`, columns counted from 1 as spreadsheets do.
fn located(line: u64, problem: &CellProblem) -> String {
    match problem.column {
        Some(column) => format!("line {line}, column {} ({}): {}", column + 1, problem.field, problem.message),
        None if problem.field.is_empty() => format!("line {line}: {}", problem.message),
        None => format!("line {line} ({}): {}", problem.field, problem.message),
    }
}

fn batch_jsonl(input: Box<dyn Read + Send>, options: &Options, out: &mut impl Write, progress: &ProgressBar) -> Result<Summary, String> {
    let mut lines = io::BufReader::with_capacity(1 << 20, input).lines();
    let mut summary = Summary::default();
    let mut line_number = 0u64;
    let mut bytes = 0u64;
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut ended = true;
        for line in lines.by_ref() {
            line_number += 1;
            let line = line.map_err(|error| format!("cannot read line {line_number}: {error}"))?;
            bytes += line.len() as u64 + 1;
            if !line.trim().is_empty() {
                chunk.push((line_number, line));
            }
            if chunk.len() == CHUNK {
                ended = false;
                break;
            }
        }
        let answers: Vec<(String, Option<String>)> = chunk.par_iter().map(|(line, text)| decide_json_line(*line, text, options)).collect();
        for (json, problem) in answers {
            out.write_all(json.as_bytes()).and_then(|()| out.write_all(b"\n")).map_err(|error| format!("cannot write the answers: {error}"))?;
            if let Some(problem) = problem {
                summary.bad += 1;
                progress.suspend(|| eprintln!("{problem}"));
            }
        }
        summary.rows += chunk.len() as u64;
        progress.set_position(bytes);
        progress.set_message(format!("{} rows", summary.rows));
        if ended {
            break;
        }
    }
    Ok(summary)
}

fn decide_json_line(line: u64, text: &str, options: &Options) -> (String, Option<String>) {
    let read: Result<Query, QueryError> = core::read_valid_query(text).map_or_else(|| core::parse_query_str(text), Ok);
    let json = match &read {
        Ok(query) if options.full => serde_json::to_string(&core::decide(query)),
        Ok(query) => serde_json::to_string(&core::verdicts(query)),
        Err(error) => serde_json::to_string(error),
    };
    let problem = read.err().map(|error| {
        let lines: Vec<String> = error
            .problems
            .iter()
            .map(|problem| {
                let at = if problem.path.is_empty() { String::new() } else { format!(" ({})", problem.path) };
                format!("line {line}{at}: {}", problem.message_in(options.lang))
            })
            .collect();
        lines.join("\n")
    });
    (json.unwrap_or_default(), problem)
}
