//! The npm package in `pkg/`: the library (no `main`, so nothing starts on import) built twice (for
//! speed in Node, for size in browsers) through wasm-bindgen `--target web` and wasm-opt, the ES module
//! entries, TypeScript declarations, README and LICENSE.

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
    manifest.lines().find_map(|line| line.strip_prefix("version = \"").map(|v| v.trim_end_matches('"').to_string())).unwrap_or_else(|| "0.0.0".into())
}

/// One build of the library for the package: a cargo profile, its wasm-opt level and the folder it goes to.
struct Flavour {
    profile: &'static str,
    features: &'static str,
    wasm_opt: &'static [&'static str],
    folder: &'static str,
}

/// Node decides in loops: speed. Browsers download the module: size, as the page. The batch view's
/// worker gets the browser build with the batch engine (`batch` feature), outside the package's files.
const FLAVOURS: [Flavour; 3] = [
    Flavour { profile: "npm", features: "npm", wasm_opt: &["-O3"], folder: "node" },
    Flavour { profile: "npm-web", features: "npm", wasm_opt: &["-Oz", "--low-memory-unused", "--converge"], folder: "browser" },
    Flavour { profile: "npm-web", features: "batch", wasm_opt: &["-Oz", "--low-memory-unused", "--converge"], folder: "batch" },
];

/// The files of `static/pkg/` the package ships as they are.
const PACKAGE_FILES: [&str; 4] = ["api.js", "node.js", "browser.js", "index.d.ts"];

fn build_flavour(flavour: &Flavour, dir: &Path) -> Fallible {
    run(
        &format!("build the library for wasm32 ({} profile, features {})", flavour.profile, flavour.features),
        cargo().args(["build", "--lib", "--profile", flavour.profile, "--features", flavour.features, "--target", "wasm32-unknown-unknown"]),
    )?;
    let wasm = root().join(format!("target/wasm32-unknown-unknown/{}/csp_eligibility.wasm", flavour.profile));
    let out = dir.join(flavour.folder);
    run(
        &format!("wasm-bindgen {}", locked_wasm_bindgen()?),
        Command::new("wasm-bindgen").args(["--target", "web", "--no-typescript", "--out-name", "csp_eligibility", "--out-dir"]).arg(&out).arg(&wasm),
    )?;
    let bg = out.join("csp_eligibility_bg.wasm");
    run(
        &format!("wasm-opt {}", flavour.wasm_opt.join(" ")),
        Command::new(node_bin().join("wasm-opt")).args(flavour.wasm_opt).args(WASM_FEATURES).arg(&bg).arg("-o").arg(&bg),
    )?;
    let _ = std::fs::remove_file(out.join(".gitignore"));
    Ok(())
}

/// The package's README: the project README's title paragraph and its "Embedding" section.
fn package_readme() -> Result<String, String> {
    let readme = std::fs::read_to_string(root().join("README.md")).map_err(|e| format!("README.md: {e}"))?;
    let intro = readme.split("\n\n").take(2).collect::<Vec<_>>().join("\n\n");
    let start = readme.find("\n## Embedding").ok_or("README.md has no \"## Embedding\" section")?;
    let section = &readme[start + 1..];
    let end = section[3..].find("\n## ").map_or(section.len(), |i| i + 4);
    Ok(format!("{intro}\n\n{}", section[..end].trim_end()) + "\n")
}

/// Builds `pkg/`: a Node entry (speed build, loaded synchronously) and a browser entry (size build,
/// loaded by `init()`), chosen by the manifest's conditional exports.
pub fn build() -> Fallible {
    let dir = pkg_dir();
    let _ = std::fs::remove_dir_all(&dir);
    for flavour in &FLAVOURS {
        build_flavour(flavour, &dir)?;
    }
    for file in PACKAGE_FILES {
        copy(&root().join("static/pkg").join(file), &dir.join(file))?;
    }
    copy(&root().join("LICENSE"), &dir.join("LICENSE"))?;
    std::fs::write(dir.join("README.md"), package_readme()?).map_err(|e| format!("README.md: {e}"))?;
    let manifest = format!(
        r#"{{
  "name": "csp-eligibility",
  "version": "{}",
  "description": "Can this CSP partner sell to this customer, in which cloud, via which portal? Rules core and <csp-eligibility> element in WebAssembly.",
  "license": "MIT",
  "type": "module",
  "main": "./node.js",
  "browser": "./browser.js",
  "types": "./index.d.ts",
  "exports": {{
    ".": {{ "types": "./index.d.ts", "node": "./node.js", "browser": "./browser.js", "default": "./browser.js" }},
    "./wasm": "./browser/csp_eligibility_bg.wasm",
    "./package.json": "./package.json"
  }},
  "files": ["api.js", "node.js", "browser.js", "index.d.ts", "node/", "browser/", "README.md", "LICENSE"],
  "engines": {{ "node": ">=20" }},
  "sideEffects": ["./node.js"]
}}
"#,
        package_version()
    );
    std::fs::write(dir.join("package.json"), manifest).map_err(|e| format!("package.json: {e}"))
}
