//! `cargo xtask mutants`: mutation testing of the rules core. cargo-mutants changes one operator, return
//! value or condition at a time in the files `.cargo/mutants.toml` names (or the files given), runs the
//! native tests against each change, and records which changes no test noticed. This prints the counts and
//! every survivor; it fails when a mutant survives (one that hangs the tests is caught by the timeout).

use crate::tools;
use crate::Fallible;
use std::path::Path;

/// Where cargo-mutants writes its report (`mutants.out/` inside).
const OUTPUT: &str = "target/mutants";

/// Runs cargo-mutants over the configured files, or over `files` when some are given.
pub fn run(files: &[String]) -> Fallible {
    tools::ensure_cargo_mutants()?;
    let mut command = tools::cargo();
    command.args(["mutants", "--no-shuffle", "--output", OUTPUT]);
    for file in files {
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
