//! The release bundle: `trunk build --offline --release`, then the inline loader moved to a file so
//! the page runs under `script-src 'self'`.

use crate::package;
use crate::tools::{path_with_node_bin, root, run};
use crate::Fallible;
use std::path::PathBuf;
use std::process::Command;

/// Where the bundle is built.
pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// Builds the release bundle into `dist/`: the page, the package and the embedding demo.
pub fn build() -> Fallible {
    // trunk keeps wasm-bindgen's output between builds; stale snippets would be preloaded.
    let _ = std::fs::remove_dir_all(root().join("target/wasm-bindgen"));
    run(
        "build the release bundle",
        Command::new("trunk").args(["build", "--offline", "--release"]).env("PATH", path_with_node_bin()).current_dir(root()),
    )?;
    externalize_loader(&dist_dir().join("index.html"))?;
    minify_glue()?;
    package::build()?;
    package::copy_tree(&package::pkg_dir(), &dist_dir().join("pkg"))?;
    package::copy_tree(&root().join("static/embed"), &dist_dir())?;
    std::fs::copy(root().join("static/favicon.svg"), dist_dir().join("favicon.svg")).map(|_| ()).map_err(|e| format!("favicon: {e}"))
}

/// Minifies wasm-bindgen's JS glue, which trunk copies as written (esbuild keeps the export names and
/// the import object's keys, which the wasm module links against).
fn minify_glue() -> Fallible {
    let entries = std::fs::read_dir(dist_dir()).map_err(|e| format!("dist: {e}"))?;
    let glue = entries
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|e| e == "js") && path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("csp-eligibility-")))
        .ok_or("no wasm-bindgen glue in dist/")?;
    run(
        "minify the JS glue",
        Command::new(crate::tools::node_bin().join("esbuild"))
            .arg(&glue)
            .args(["--minify", "--format=esm", "--log-level=warning", "--allow-overwrite"])
            .arg(format!("--outfile={}", glue.display())),
    )
}

/// A short content hash for cache-busting file names (FNV-1a).
fn fingerprint(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

/// Moves the inline `<script type="module">` trunk writes into its own file (its HTML minifier drops
/// the quotes, so both spellings are accepted); a page without one is an error, since it would break
/// the strict CSP silently.
fn externalize_loader(index: &PathBuf) -> Fallible {
    let html = std::fs::read_to_string(index).map_err(|e| format!("{}: {e}", index.display()))?;
    let (start, open) = ["<script type=\"module\">", "<script type=module>"]
        .iter()
        .find_map(|open| html.find(open).map(|start| (start, open.len())))
        .ok_or("no inline loader script in the built index.html")?;
    let body_start = start + open;
    let end = html[body_start..].find("</script>").map(|i| body_start + i).ok_or("unterminated loader script")?;
    let script = &html[body_start..end];
    let name = format!("loader-{}.js", fingerprint(script.as_bytes()));
    std::fs::write(dist_dir().join(&name), script.trim()).map_err(|e| format!("{name}: {e}"))?;
    let tag = format!("<script type=module src=./{name}></script>");
    let rewritten = format!("{}{}{}", &html[..start], tag, &html[end + "</script>".len()..]);
    std::fs::write(index, rewritten).map_err(|e| format!("{}: {e}", index.display()))
}
