//! In the browser: starts the widget. Natively: the command line (`cli.rs`): one JSON query on stdin,
//! or a batch file.

#[cfg(target_arch = "wasm32")]
fn main() {
    csp_eligibility::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run(&std::env::args().skip(1).collect::<Vec<_>>())
}

/// The page's allocator: talc is a few kilobytes smaller than the standard library's dlmalloc on wasm32
/// and at least as fast.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: wasm32-unknown-unknown runs this module on one thread, which is what `TalckWasm` requires.
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
