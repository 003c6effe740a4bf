//! `cargo xtask <command>`: the project's set-up, build, serve and test commands.
//!
//! - `serve`: install what is missing, build the release bundle into `dist/`, serve it at http://127.0.0.1:8080
//! - `test`: install what is missing (also Chromium, Firefox ESR, geckodriver), run every test: native,
//!   the exhaustive analysis, wasm in headless Chromium and Firefox,
//!   end to end against the release bundle, the npm package in Node, and the packed package in fresh
//!   projects built with Vite, webpack and esbuild
//! - `dist`: build the release bundle only (page, package and embedding demo)
//! - `pkg`: build the npm package into `pkg/`
//! - `bench`: native, browser and size benchmarks; prints a JSON summary (also in `target/bench-summary.json`)
//! - `fuzz [seconds]`: fuzz query parsing and `decide`, then batch CSV files, with cargo-fuzz (libFuzzer), 300 s by default
//! - `sizes`: build the bundle and print the gzip and brotli size of every file the page downloads
//! - `mutants [files…]`: mutation testing of the rules core with cargo-mutants (the files of
//!   `.cargo/mutants.toml` by default); prints caught, missed, timed-out and unviable mutants and lists survivors

mod bundle;
mod imports;
mod mutants;
mod package;
mod serve;
mod tools;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve_command(&args[1..]),
        Some("test") => test_command(),
        Some("dist") => tools::ensure_build_tools().and_then(|_| bundle::build()),
        Some("pkg") => tools::ensure_build_tools().and_then(|_| package::build()),
        Some("bench") => bench_command(),
        Some("fuzz") => fuzz_command(&args[1..]),
        Some("sizes") => tools::ensure_build_tools().and_then(|_| bundle::build()).and_then(|_| sizes()),
        Some("mutants") => mutants::run(&args[1..]),
        _ => Err("usage: cargo xtask <serve [--port N] | test | dist | pkg | sizes | bench | fuzz [seconds] | mutants [files…]>".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

/// A failed step, as text for the user.
pub type Fallible = Result<(), String>;

fn serve_command(args: &[String]) -> Fallible {
    let port = match args {
        [flag, port] if flag == "--port" => port.parse().map_err(|_| format!("`{port}` is not a port number"))?,
        [] => 8080,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    tools::ensure_build_tools()?;
    bundle::build()?;
    serve::serve(&bundle::dist_dir(), port)
}

fn test_command() -> Fallible {
    tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    tools::ensure_firefox()?;
    tools::run("formatting (rustfmt.toml)", tools::cargo().args(["fmt", "--all", "--check"]))?;
    tools::run("native tests", tools::cargo().arg("test"))?;
    tools::run("exhaustive analysis of the rule table", tools::cargo().args(["test", "--release", "--test", "exhaustive", "--", "--nocapture"]))?;
    tools::run(
        "browser tests (wasm-bindgen-test in headless Chromium)",
        tools::cargo()
            .args(["test", "--target", "wasm32-unknown-unknown", "--features", "npm", "--test", "browser"])
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "180"),
    )?;
    tools::run(
        "browser tests (wasm-bindgen-test in headless Firefox ESR)",
        tools::cargo()
            .args(["test", "--target", "wasm32-unknown-unknown", "--features", "npm", "--test", "browser"])
            .env("GECKODRIVER", tools::cargo_bin("geckodriver"))
            .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "180"),
    )?;
    bundle::build()?;
    tools::run("build the native command line", tools::cargo().args(["build", "--quiet", "--bin", "csp-eligibility"]))?;
    let port = serve::start(&bundle::dist_dir(), 0)?;
    tools::run(
        "end-to-end tests (Chromium via playwright-core, and the package in Node)",
        std::process::Command::new("node")
            .arg("tests/e2e/run.mjs")
            .arg(format!("http://127.0.0.1:{port}"))
            .arg(tools::root().join("target/debug/csp-eligibility"))
            .current_dir(tools::root()),
    )?;
    tools::run(
        "the packed package in fresh projects (Vite, webpack, esbuild, Node, tsc --strict)",
        std::process::Command::new("node").arg("tests/consumers/run.mjs").arg(package::pkg_dir()).current_dir(tools::root()),
    )
}

fn sizes() -> Fallible {
    tools::run("download sizes", std::process::Command::new("node").args(["benches/sizes.mjs", "dist"]).current_dir(tools::root()))
}

fn bench_command() -> Fallible {
    tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    bundle::build()?;
    let output = tools::root().join("target/bench-native.txt");
    let file = std::fs::File::create(&output).map_err(|e| format!("{}: {e}", output.display()))?;
    tools::run("native benchmarks (criterion, then 1 000 000 generated queries)", tools::cargo().args(["bench", "--bench", "decide"]).stdout(file))?;
    tools::run("the command line, for the batch benchmark", tools::cargo().args(["build", "--release", "--bin", "csp-eligibility"]))?;
    let port = serve::start(&bundle::dist_dir(), 0)?;
    tools::run(
        "browser benchmarks and sizes",
        std::process::Command::new("node")
            .arg("benches/report.mjs")
            .arg(format!("http://127.0.0.1:{port}"))
            .arg(&output)
            .arg(tools::root().join("target/release/csp-eligibility"))
            .current_dir(tools::root()),
    )
}

fn fuzz_command(args: &[String]) -> Fallible {
    let seconds: u64 = match args {
        [] => 300,
        [seconds] => seconds.parse().map_err(|_| format!("`{seconds}` is not a number of seconds"))?,
        _ => return Err("usage: cargo xtask fuzz [seconds]".into()),
    };
    tools::ensure_cargo_fuzz()?;
    // Each target gets half the time: query JSON (and the package's fast path), then batch CSV files.
    for (target, what) in [("query_json", "query parsing and decide"), ("batch_csv", "batch CSV reading and decide")] {
        let corpus = tools::root().join("target/fuzz-corpus").join(target);
        package::copy_tree(&tools::root().join("fuzz/corpus").join(target), &corpus)?;
        tools::run(
            &format!("fuzz {what} for {} s", seconds / 2),
            std::process::Command::new("cargo")
                .args(["fuzz", "run", target, "--sanitizer", "none"])
                .arg(&corpus)
                .arg("--")
                .arg(format!("-max_total_time={}", seconds / 2))
                .arg("-print_final_stats=1")
                .current_dir(tools::root().join("fuzz")),
        )?;
    }
    Ok(())
}
