//! `cargo xtask mutants`: mutation testing of the rules core. cargo-mutants changes one operator, return
//! value or condition at a time in the decision files of the core (or the files given), runs the native
//! tests against each change, and records which changes no test noticed (`.cargo/mutants.toml` holds
//! the test profile and the equivalent mutants it skips). This prints the counts and
//! every survivor; it fails when a mutant survives (one that hangs the tests is caught by the timeout).

use crate::tools;
use crate::Fallible;
use std::path::Path;

/// Where cargo-mutants writes its report (`mutants.out/` inside).
const OUTPUT: &str = "target/mutants";

/// The files tested when none are named: where the core decides.
const DECISION_FILES: [&str; 8] = [
    "src/core/rules.rs",
    "src/core/engine.rs",
    "src/core/facts.rs",
    "src/core/notes.rs",
    "src/core/nearest.rs",
    "src/core/timeline.rs",
    "src/core/markets.rs",
    "src/core/jurisdictions.rs",
];

/// Runs cargo-mutants over the decision files, or over `files` when some are given.
pub fn run(files: &[String]) -> Fallible {
    tools::ensure_cargo_mutants()?;
    let mut command = tools::cargo();
    command.args(["mutants", "--no-shuffle", "--output", OUTPUT]);
    let chosen: Vec<&str> = if files.is_empty() { DECISION_FILES.to_vec() } else { files.iter().map(String::as_str).collect() };
    for file in chosen {
        command.args(["--file", file]);
    }
    // cargo-mutants exits non-zero when a mutant survives or times out; the report below says which.
    let outcome = tools::run("mutation testing of the rules core (cargo-mutants)", &mut command);
    let report = tools::root().join(OUTPUT).join("mutants.out");
    let counts = |name: &str| read_lines(&report.join(name));
    let (caught, missed, timeout, unviable) = (counts("caught.txt"), counts("missed.txt"), counts("timeout.txt"), counts("unviable.txt"));
    println!(
        "mutants: {} caught, {} missed, {} timed out, {} unviable ({} in all)",
        caught.len(),
        missed.len(),
        timeout.len(),
        unviable.len(),
        caught.len() + missed.len() + timeout.len() + unviable.len()
    );
    for survivor in &missed {
        println!("  survived: {survivor}");
    }
    // A mutant that makes the tests hang (an endless loop) is caught by the timeout, not missed.
    match (outcome, missed.is_empty()) {
        (_, false) => Err(format!("{} mutants survived; see {}", missed.len(), report.display())),
        (_, true) => Ok(()),
    }
}

/// The non-empty lines of a report file (none when it does not exist).
fn read_lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path).unwrap_or_default().lines().filter(|line| !line.trim().is_empty()).map(String::from).collect()
}
