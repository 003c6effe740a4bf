//! The release bundle: `trunk build --offline --release`, then the inline loader moved to a file so
//! the page runs under `script-src 'self'`.

use crate::package;
use crate::tools::{path_with_node_bin, root, run};
use crate::Fallible;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the bundle is built.
pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// Builds the release bundle into `dist/`: the page, the package, the embedding demo, the batch view and
/// the rule catalog page.
pub fn build() -> Fallible {
    // trunk keeps wasm-bindgen's output between builds; stale snippets would be preloaded.
    let _ = std::fs::remove_dir_all(root().join("target/wasm-bindgen"));
    run("build the release bundle", Command::new("trunk").args(["build", "--offline", "--release"]).env("PATH", path_with_node_bin()).current_dir(root()))?;
    let index = dist_dir().join("index.html");
    let loader = externalize_loader(&index)?;
    bundle_loader(&index, &loader)?;
    shorten_imports(&loader)?;
    package::build()?;
    package::copy_tree(&package::pkg_dir(), &dist_dir().join("pkg"))?;
    package::copy_tree(&root().join("static/embed"), &dist_dir())?;
    package::copy_tree(&root().join("static/batch"), &dist_dir())?;
    package::copy_tree(&root().join("static/catalog"), &dist_dir())?;
    package::copy_tree(&root().join("static/site"), &dist_dir())?;
    std::fs::copy(root().join("docs/decision-matrix.md"), dist_dir().join("decision-matrix.md")).map_err(|e| format!("decision matrix: {e}"))?;
    std::fs::copy(root().join("static/favicon.svg"), dist_dir().join("favicon.svg")).map(|_| ()).map_err(|e| format!("favicon: {e}"))
}

/// Bundles the loader with wasm-bindgen's JS glue (which trunk copies as written) into one minified
/// module, and drops the glue's own file and preload: one script request fewer. esbuild keeps the
/// import object's keys, which the wasm module links against.
fn bundle_loader(index: &Path, loader: &Path) -> Fallible {
    run(
        "bundle and minify the loader and the JS glue",
        Command::new(crate::tools::node_bin().join("esbuild"))
            .arg(loader)
            .args(["--bundle", "--minify", "--format=esm", "--log-level=warning", "--allow-overwrite"])
            .arg(format!("--outfile={}", loader.display())),
    )?;
    let html = std::fs::read_to_string(index).map_err(|e| format!("{}: {e}", index.display()))?;
    let preload = html.find("rel=modulepreload").ok_or("no module preload of the JS glue in the built index.html")?;
    let start = html[..preload].rfind("<link").ok_or("unexpected module preload tag")?;
    let end = preload + html[preload..].find('>').ok_or("unterminated module preload tag")? + 1;
    let glue = html[start..end].split("href=./").nth(1).and_then(|rest| rest.split([' ', '>']).next()).ok_or("no glue file in the preload tag")?;
    std::fs::remove_file(dist_dir().join(glue)).map_err(|e| format!("{glue}: {e}"))?;
    std::fs::write(index, format!("{}{}", &html[..start], &html[end..])).map_err(|e| format!("{}: {e}", index.display()))
}

/// Gives the page's wasm imports short names, in the module and the loader alike (see `imports.rs`).
fn shorten_imports(loader: &Path) -> Fallible {
    let wasm_path = std::fs::read_dir(dist_dir())
        .map_err(|e| format!("dist: {e}"))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.to_string_lossy().ends_with("_bg.wasm"))
        .ok_or("no wasm module in dist")?;
    let wasm = std::fs::read(&wasm_path).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    let text = std::fs::read_to_string(loader).map_err(|e| format!("{}: {e}", loader.display()))?;
    let (wasm, text) = crate::imports::shorten(&wasm, &text)?;
    std::fs::write(&wasm_path, wasm).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    std::fs::write(loader, text).map_err(|e| format!("{}: {e}", loader.display()))
}

/// A short content hash for cache-busting file names (FNV-1a).
fn fingerprint(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

/// Moves the inline `<script type="module">` trunk writes into its own file (its HTML minifier drops
/// the quotes, so both spellings are accepted); a page without one is an error, since it would break
/// the strict CSP silently.
fn externalize_loader(index: &PathBuf) -> Result<PathBuf, String> {
    let html = std::fs::read_to_string(index).map_err(|e| format!("{}: {e}", index.display()))?;
    let (start, open) = ["<script type=\"module\">", "<script type=module>"]
        .iter()
        .find_map(|open| html.find(open).map(|start| (start, open.len())))
        .ok_or("no inline loader script in the built index.html")?;
    let body_start = start + open;
    let end = html[body_start..].find("</script>").map(|i| body_start + i).ok_or("unterminated loader script")?;
    let script = &html[body_start..end];
    let name = format!("loader-{}.js", fingerprint(script.as_bytes()));
    let loader = dist_dir().join(&name);
    // Only the import and the start: nothing reads the bindings trunk puts on `window` or its start event.
    let start_only: Vec<&str> = script.lines().filter(|line| !line.contains("window.wasmBindings") && !line.contains("TrunkApplicationStarted")).collect();
    std::fs::write(&loader, start_only.join("\n").trim()).map_err(|e| format!("{name}: {e}"))?;
    let tag = format!("<script type=module src=./{name}></script>");
    let rewritten = format!("{}{}{}", &html[..start], tag, &html[end + "</script>".len()..]);
    std::fs::write(index, rewritten).map_err(|e| format!("{}: {e}", index.display()))?;
    Ok(loader)
}
