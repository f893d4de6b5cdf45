//! The module layers of `src/`: every `crate::` path must point to the same
//! layer or one below it, so the pipeline the README describes is the
//! dependency graph. `docs/architecture.md` explains the layers.
//!
//! The check reads the sources: comments and unit-test modules are skipped
//! (doc links and tests may look anywhere), and every `crate::module::...` path
//! in code, `use` lists included, is compared with the table below.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, bottom first. A module may use its own layer and those below.
const LAYERS: &[&[&str]] = &[
    &["symbol", "bigint", "process_memory"],
    &["syntax"],
    &["diagnostics"],
    &["native_stack"],
    &["value", "gc", "numeric", "printer", "port"],
    &["compile"],
    &["eval"],
    &["builtins", "arena_profile"],
    &["library", "stdlib"],
    &["interp"],
    &["arena_picture", "arena_report", "check", "repl"],
];

/// The types that tie the layers together and may be named from any layer: a
/// value can be a procedure (`Lambda` is its code), every procedure runs on
/// the interpreter (`Interp`), which holds values, and an error carries the
/// raised `Value`. Only the types: their functions are reached through the
/// layers like any other code.
const KNOT: &[&str] = &["interp::Interp", "compile::Lambda", "value::Value"];

/// Upward paths allowed for now, as `from -> path`, each with its reason.
/// The test fails when one of these disappears without being removed here,
/// so the list only shrinks. It is empty: keep it so.
const REMAINING: &[&str] = &[];

/// `src/` and the module each file belongs to (its first path component).
fn source_files() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).expect("src is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let relative = path.strip_prefix(&src).expect("under src").to_path_buf();
            let first = relative.components().next()?.as_os_str().to_str()?;
            let module = first.trim_end_matches(".rs").to_string();
            (module != "lib" && module != "main" && relative.file_name()? != "tests.rs")
                .then_some((path, module))
        })
        .collect()
}

/// The code of a file without comments and without its unit-test module.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or("");
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path `crate::a::b...` in `code`, with `{...}` groups expanded, as
/// the list of its segments after `crate`.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let boundary = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '$'));
        rest = &rest[at + "crate::".len()..];
        if boundary {
            expand(rest, Vec::new(), &mut paths);
        }
    }
    paths
}

/// Reads one path (or brace group of paths) at the start of `text`.
fn expand(text: &str, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let text = text.trim_start();
    if let Some(group) = text.strip_prefix('{') {
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    expand(&group[start..i], prefix.clone(), out);
                    return;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&group[start..i], prefix.clone(), out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        return;
    }
    let ident: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if ident.is_empty() {
        if !prefix.is_empty() {
            out.push(prefix);
        }
        return;
    }
    let mut path = prefix;
    path.push(ident.clone());
    match text[ident.len()..].strip_prefix("::") {
        Some(more) => expand(more, path, out),
        None => out.push(path),
    }
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// Whether `path` names one of the [`KNOT`] types.
fn is_knot(path: &[String]) -> bool {
    KNOT.iter().any(|knot| {
        let (module, item) = knot.split_once("::").expect("module::Type");
        path.first().is_some_and(|m| m == module) && path.last().is_some_and(|i| i == item)
    })
}

#[test]
fn every_crate_path_points_down_or_sideways() {
    let mut upward = BTreeSet::new();
    let mut unknown = BTreeSet::new();
    for (file, module) in source_files() {
        let Some(from) = layer_of(&module) else {
            unknown.insert(module);
            continue;
        };
        let code = code_of(&fs::read_to_string(&file).expect("source is readable"));
        for path in crate_paths(&code) {
            let target = &path[0];
            if target == &module || target == "prim" || is_knot(&path) {
                continue;
            }
            match layer_of(target) {
                Some(to) if to <= from => {}
                Some(_) => {
                    upward.insert(format!("{module} -> {}", path.join("::")));
                }
                None => {
                    unknown.insert(target.clone());
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "modules missing from LAYERS in tests/layers.rs: {unknown:?}"
    );
    let remaining: BTreeSet<String> = REMAINING.iter().map(|s| s.to_string()).collect();
    let new: Vec<_> = upward.difference(&remaining).collect();
    let gone: Vec<_> = remaining.difference(&upward).collect();
    assert!(
        new.is_empty(),
        "these paths point up a layer (see docs/architecture.md):\n{}",
        new.iter()
            .map(|s| format!("  {s}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        gone.is_empty(),
        "these upward paths are gone: remove them from REMAINING in tests/layers.rs:\n{}",
        gone.iter()
            .map(|s| format!("  {s}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn paths_are_read_with_their_groups() {
    let code = "use crate::a::{b, c::{D, e}};\nlet x = crate::f::g(1); my_crate::h::i;";
    let paths: Vec<String> = crate_paths(code).iter().map(|p| p.join("::")).collect();
    assert_eq!(paths, ["a::b", "a::c::D", "a::c::e", "f::g"]);
}
