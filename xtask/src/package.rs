//! The npm package in `pkg/`: the library (no `main`, so nothing starts on import) through
//! wasm-bindgen `--target web`, wasm-opt, the ES module wrapper and TypeScript declarations.

use crate::tools::{cargo, locked_wasm_bindgen, node_bin, root, run};
use crate::Fallible;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The features wasm-opt must accept (what rustc emits for wasm32 by default).
pub const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Where the package is built.
pub fn pkg_dir() -> PathBuf {
    root().join("pkg")
}

fn copy(from: &Path, to: &Path) -> Fallible {
    std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("copy {} to {}: {e}", from.display(), to.display()))
}

/// Copies a folder's files and subfolders.
pub fn copy_tree(from: &Path, to: &Path) -> Fallible {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?.flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            copy(&entry.path(), &target)?;
        }
    }
    Ok(())
}

fn package_version() -> String {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap_or_default();
    manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = \"").map(|v| v.trim_end_matches('"').to_string()))
        .unwrap_or_else(|| "0.0.0".into())
}

/// Builds `pkg/`.
pub fn build() -> Fallible {
    run(
        "build the library for wasm32",
        cargo().args(["build", "--lib", "--profile", "npm", "--features", "npm", "--target", "wasm32-unknown-unknown"]),
    )?;
    let dir = pkg_dir();
    let _ = std::fs::remove_dir_all(&dir);
    let wasm = root().join("target/wasm32-unknown-unknown/npm/csp_eligibility.wasm");
    run(
        &format!("wasm-bindgen {}", locked_wasm_bindgen()?),
        Command::new("wasm-bindgen").args(["--target", "web", "--out-name", "csp_eligibility", "--out-dir"]).arg(&dir).arg(&wasm),
    )?;
    let bg = dir.join("csp_eligibility_bg.wasm");
    run("wasm-opt -O3", Command::new(node_bin().join("wasm-opt")).arg("-O3").args(WASM_FEATURES).arg(&bg).arg("-o").arg(&bg))?;
    copy(&root().join("static/pkg/index.js"), &dir.join("index.js"))?;
    copy(&root().join("static/pkg/index.d.ts"), &dir.join("index.d.ts"))?;
    let manifest = format!(
        r#"{{
  "name": "csp-eligibility",
  "version": "{}",
  "description": "Can this CSP partner sell to this customer, in which cloud, via which portal? Rules core and <csp-eligibility> element in WebAssembly.",
  "license": "MIT",
  "type": "module",
  "main": "./index.js",
  "module": "./index.js",
  "types": "./index.d.ts",
  "exports": {{ ".": {{ "types": "./index.d.ts", "default": "./index.js" }} }},
  "engines": {{ "node": ">=20" }},
  "sideEffects": true
}}
"#,
        package_version()
    );
    std::fs::write(dir.join("package.json"), manifest).map_err(|e| format!("package.json: {e}"))?;
    let _ = std::fs::remove_file(dir.join(".gitignore"));
    Ok(())
}
