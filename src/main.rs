//! In the browser: starts the widget. Natively: reads a query as JSON on stdin and prints the decision.

#[cfg(target_arch = "wasm32")]
fn main() {
    csp_eligibility::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::io::Read;
    let mut input = String::new();
    if let Err(error) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("cannot read standard input: {error}");
        return std::process::ExitCode::FAILURE;
    }
    let (json, code) = match csp_eligibility::core::decide_json(&input) {
        Ok(decision) => (serde_json::to_string_pretty(&decision), std::process::ExitCode::SUCCESS),
        Err(error) => (serde_json::to_string_pretty(&error), std::process::ExitCode::from(2)),
    };
    println!("{}", json.unwrap_or_default());
    code
}

/// The page's allocator: talc is a few kilobytes smaller than the standard library's dlmalloc on wasm32
/// and at least as fast.
#[cfg(all(target_arch = "wasm32", not(feature = "npm")))]
#[global_allocator]
// SAFETY: wasm32-unknown-unknown runs this module on one thread, which is what `TalckWasm` requires.
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
