//! Installing what the commands need, only when it is missing, and running steps.

use crate::Fallible;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// `cargo`, run from the repository root.
pub fn cargo() -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(root());
    command
}

/// Runs a step, failing with its name when it fails.
pub fn run(step: &str, command: &mut Command) -> Fallible {
    eprintln!("==> {step}");
    let status = command.status().map_err(|error| format!("{step}: cannot start: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{step} failed ({status})"))
    }
}

/// The first line a command prints, if it runs at all.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).current_dir(root()).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// The exact wasm-bindgen version Cargo.lock pins.
pub fn locked_wasm_bindgen() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen".into())
}

/// The folder npm installs the build tools into.
pub fn node_bin() -> PathBuf {
    root().join("node_modules").join(".bin")
}

/// The wasm32 target, wasm-bindgen-cli (the locked version), trunk 0.21 and npm's binaryen (wasm-opt).
pub fn ensure_build_tools() -> Fallible {
    let targets = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t == "wasm32-unknown-unknown") {
        run("add the wasm32 target", Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let wanted = locked_wasm_bindgen()?;
    if output_of("wasm-bindgen", &["--version"]) != Some(format!("wasm-bindgen {wanted}")) {
        run("install wasm-bindgen-cli", cargo().args(["install", "wasm-bindgen-cli", "--version", &wanted]))?;
    }
    if !output_of("trunk", &["--version"]).is_some_and(|v| v.starts_with("trunk 0.21")) {
        run("install trunk 0.21", cargo().args(["install", "trunk", "--version", "^0.21", "--locked"]))?;
    }
    let lock_stamp = root().join("node_modules").join(".package-lock.json");
    if !node_bin().join("wasm-opt").exists() || !lock_stamp.exists() {
        run("install npm build tools", Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(root()))?;
    }
    Ok(())
}

/// Debian's Chromium and ChromeDriver.
pub fn ensure_browser() -> Fallible {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// Installs Debian packages (after refreshing the package lists).
fn apt_install(packages: &[&str]) -> Fallible {
    run("apt-get update", Command::new("apt-get").arg("update"))?;
    run(&format!("install {}", packages.join(" ")), Command::new("apt-get").args(["install", "-y", "--no-install-recommends"]).args(packages))
}

/// `PATH` with npm's tool folder first, so trunk finds wasm-opt.
pub fn path_with_node_bin() -> String {
    let current = std::env::var("PATH").unwrap_or_default();
    format!("{}:{current}", node_bin().display())
}

/// cargo-fuzz (runs on stable Rust with `--sanitizer none`).
pub fn ensure_cargo_fuzz() -> Fallible {
    if output_of("cargo", &["fuzz", "--version"]).is_some() {
        return Ok(());
    }
    run("install cargo-fuzz", cargo().args(["install", "cargo-fuzz", "--locked"]))
}

/// cargo-mutants (mutation testing), from crates.io.
pub fn ensure_cargo_mutants() -> Fallible {
    if output_of("cargo", &["mutants", "--version"]).is_some() {
        return Ok(());
    }
    run("install cargo-mutants", cargo().args(["install", "cargo-mutants", "--locked"]))
}

/// Debian's Firefox ESR and geckodriver (from crates.io; Debian has none).
pub fn ensure_firefox() -> Fallible {
    if !Path::new("/usr/bin/firefox-esr").exists() {
        apt_install(&["firefox-esr"])?;
    }
    if output_of("geckodriver", &["--version"]).is_none() {
        run("install geckodriver", cargo().args(["install", "geckodriver", "--locked"]))?;
    }
    Ok(())
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin(name: &str) -> PathBuf {
    let home = std::env::var("CARGO_HOME").map(PathBuf::from).unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"));
    home.join("bin").join(name)
}
