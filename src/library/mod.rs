//! R7RS libraries: `import`, `define-library`, and the library search path.
//!
//! A library is a set of exports, each a name and the key of the global (or
//! global macro, or special form) it denotes (see [`crate::compile::env`]).
//! Built-in libraries are made from [`standard`]'s export lists on first
//! import; a library file `NAME/PART.sld` (or `.scm`) is found on the search
//! path, evaluated once, and cached, however many times it is imported.

mod define;
pub(crate) mod environments;
mod import_set;
pub mod standard;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::compile::env::{self, EnvId, Environment};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::symbol::Symbol;
use crate::syntax::{Datum, DatumKind, Span};
use crate::value::Value;

pub use define::eval_define_library;

/// A library's exports: each external name with the key it denotes.
pub struct Library {
    pub exports: Vec<(Symbol, Symbol)>,
}

/// The libraries known to one interpreter, and where to look for more.
#[derive(Default)]
pub struct Libraries {
    defined: HashMap<String, Rc<Library>>,
    /// Libraries whose files are being loaded, outermost first: an import of
    /// one of them is a cycle.
    loading: Vec<String>,
    /// Directories library files were found under, searched after the
    /// importing file's own directory (a library's imports are relative to
    /// the same root as the library).
    roots: Vec<PathBuf>,
    /// `-I` / `--lib-path` directories, in order.
    pub search_path: Vec<PathBuf>,
    /// What `environment` made for each list of import sets (as written), so
    /// that calling it in a loop does not make environments without end.
    made_from_sets: HashMap<String, EnvId>,
}

impl Libraries {
    /// Whether a library of this name is built in or already defined (what
    /// `cond-expand`'s `(library ...)` asks).
    pub fn known(&self, name: &str) -> bool {
        self.defined.contains_key(name)
            || standard::is_builtin(name)
            || crate::stdlib::library_source(name).is_some()
    }
}

/// The top-level forms the library system handles itself.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum LibraryForm {
    Import,
    DefineLibrary,
}

/// Whether `datum` is an `import` or `define-library` form (and the
/// environment has not made those names mean something else).
pub fn library_form(interp: &Interp, datum: &Datum) -> Option<LibraryForm> {
    let DatumKind::List(items) = &datum.kind else {
        return None;
    };
    let head = items.first()?.as_symbol()?;
    let form = match head {
        "import" => LibraryForm::Import,
        "define-library" => LibraryForm::DefineLibrary,
        _ => return None,
    };
    let name = Symbol::intern(head);
    let key = interp.syntax.envs[interp.syntax.current_env].key(name);
    let rebound = key != name
        || interp.syntax.macros.contains_key(&key)
        || interp.globals.get(&key).is_some_and(|g| g.is_bound());
    (!rebound).then_some(form)
}

/// `(import set ...)`: makes each import set's names visible in the current
/// environment, loading the libraries they come from as needed.
pub fn eval_import(interp: &mut Interp, datum: &Datum) -> Result<Value> {
    let env = interp.syntax.current_env;
    import_into(interp, env, datum)?;
    Ok(Value::Unspecified)
}

/// Imports the sets of an `(import ...)` form or declaration into `env`.
pub(crate) fn import_into(interp: &mut Interp, env: EnvId, datum: &Datum) -> Result<()> {
    let DatumKind::List(items) = &datum.kind else {
        return Err(library_error(
            datum.span,
            "import: expected (import set ...)",
        ));
    };
    if items.len() < 2 {
        return Err(
            library_error(datum.span, "import: expected at least one import set")
                .with_help("write (import (scheme base) (scheme write))"),
        );
    }
    import_sets(interp, env, &items[1..], datum.span)
}

/// Imports each import set into `env`; libraries are searched for first
/// beside the file that `span` is in.
fn import_sets(interp: &mut Interp, env: EnvId, sets: &[Datum], span: Span) -> Result<()> {
    let from = importing_directory(interp, span);
    for set in sets {
        for (name, key) in import_set::resolve(interp, set, &from)? {
            interp.syntax.envs[env].import(name, key);
        }
    }
    Ok(())
}

/// `(environment set ...)`: a new environment holding what the import sets
/// import.
/// The same sets give the same environment (R7RS makes its bindings
/// immutable, so sharing it is not observable by portable code).
/// `written` is the sets as `write` shows them.
pub fn environment_from_sets(
    interp: &mut Interp,
    sets: &[Datum],
    written: String,
    span: Span,
) -> Result<EnvId> {
    if let Some(env) = interp.libraries.made_from_sets.get(&written) {
        return Ok(*env);
    }
    let env = new_environment(interp, "environment");
    import_sets(interp, env, sets, span)?;
    interp.libraries.made_from_sets.insert(written, env);
    Ok(env)
}

/// A new isolated environment: a program's, a library's, or `environment`'s.
pub(crate) fn new_environment(interp: &mut Interp, label: &str) -> EnvId {
    let namespace = format!("{}{label}", interp.syntax.envs.len());
    interp.syntax.envs.push(Environment::isolated(&namespace));
    interp.syntax.envs.len() - 1
}

/// The library named `name` (canonical text, e.g. `(srfi 1)`), built in or
/// loaded from its file on first use.
fn find(interp: &mut Interp, name: &str, span: Span, from: &Path) -> Result<Rc<Library>> {
    if let Some(library) = interp.libraries.defined.get(name) {
        return Ok(library.clone());
    }
    if let Some(library) = builtin_library(interp, name) {
        let library = Rc::new(library);
        interp
            .libraries
            .defined
            .insert(name.to_string(), library.clone());
        return Ok(library);
    }
    if let Some(start) = interp.libraries.loading.iter().position(|n| n == name) {
        let cycle: Vec<&str> = interp.libraries.loading[start..]
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(name))
            .collect();
        return Err(library_error(
            span,
            format!("import cycle: {}", cycle.join(" imports ")),
        )
        .with_help("a library cannot import itself, directly or through others: move what they share into a third library"));
    }
    let (source, file) = match crate::stdlib::library_source(name) {
        Some((file, text)) => (interp.sources.add(file, text), PathBuf::from(file)),
        None => {
            let file =
                search(interp, name, from).map_err(|looked_in| unknown(name, span, &looked_in))?;
            let source = interp.load_source(&file).map_err(|e| e.at(span))?;
            remember_root(interp, name, &file);
            (source, file)
        }
    };
    interp.libraries.loading.push(name.to_string());
    let result = interp.in_environment(env::INTERACTION, |interp| interp.eval_source(source));
    interp.libraries.loading.pop();
    result?;
    interp.libraries.defined.get(name).cloned().ok_or_else(|| {
        library_error(
            span,
            format!("{} does not define library {name}", file.display()),
        )
        .with_help(format!(
            "the file should hold (define-library {name} (export ...) (import ...) (begin ...))"
        ))
    })
}

/// The error for a library found nowhere, listing where it was looked for.
fn unknown(name: &str, span: Span, looked_in: &[PathBuf]) -> Error {
    let relative = relative_path(name);
    library_error(span, format!("unknown library {name}")).with_help(format!(
        "looked for {0}.sld and {0}.scm in {1}; add a directory with -I DIR or ESHKOL_LIBRARY_PATH",
        relative.display(),
        looked_in
            .iter()
            .map(|d| display_dir(d))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// Remembers the directory a library file was found under (`a/b.sld` of
/// library `(a b)` is under the directory holding `a`): the libraries it
/// imports are looked for there too.
fn remember_root(interp: &mut Interp, name: &str, file: &Path) {
    let depth = name.split_whitespace().count();
    if let Some(root) = file.ancestors().nth(depth) {
        if !interp.libraries.roots.iter().any(|r| r == root) {
            interp.libraries.roots.push(root.to_path_buf());
        }
    }
}

/// The file of library `name`, or the directories searched in vain.
fn search(interp: &Interp, name: &str, from: &Path) -> std::result::Result<PathBuf, Vec<PathBuf>> {
    let relative = relative_path(name);
    let mut dirs = vec![from.to_path_buf()];
    dirs.extend(interp.libraries.roots.iter().cloned());
    dirs.extend(interp.libraries.search_path.iter().cloned());
    if let Some(paths) = std::env::var_os("ESHKOL_LIBRARY_PATH") {
        dirs.extend(std::env::split_paths(&paths).filter(|p| !p.as_os_str().is_empty()));
    }
    let mut searched: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        if searched.contains(&dir) {
            continue;
        }
        for extension in ["sld", "scm"] {
            let candidate = dir.join(relative.with_extension(extension));
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
        searched.push(dir);
    }
    Err(searched)
}

/// `(my util)` → `my/util` (the extension is added by the search).
fn relative_path(name: &str) -> PathBuf {
    name.trim_start_matches('(')
        .trim_end_matches(')')
        .split_whitespace()
        .collect()
}

fn display_dir(dir: &Path) -> String {
    if dir.as_os_str().is_empty() {
        ".".to_string()
    } else {
        dir.display().to_string()
    }
}

/// The directory an `import` at `span` searches first: its file's, or the
/// working directory for the REPL and `-e`.
fn importing_directory(interp: &Interp, span: Span) -> PathBuf {
    interp
        .sources
        .get(span.source)
        .map(|s| PathBuf::from(&s.name))
        .filter(|p| p.is_file())
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or_default()
}

/// A built-in library, its exports resolved against what this interpreter
/// implements: special forms keep their names, builtins their system keys,
/// `stdlib/` definitions their global names.
fn builtin_library(interp: &mut Interp, name: &str) -> Option<Library> {
    if standard::exports_stdlib(name) {
        interp.ensure_stdlib();
    }
    let exports: Vec<(Symbol, Symbol)> = if name == standard::ESHKOL_BASE {
        everything(interp)
    } else {
        standard::export_list(name)?
            .filter_map(|export| Some((Symbol::intern(export), builtin_key(interp, export)?)))
            .collect()
    };
    Some(Library { exports })
}

/// The key a built-in library exports `name` under, if eshkol implements it.
fn builtin_key(interp: &Interp, name: &str) -> Option<Symbol> {
    let plain = Symbol::intern(name);
    let system = env::system_key(name);
    if env::is_syntax_word(name) {
        Some(plain)
    } else if interp.globals.get(&system).is_some_and(|g| g.is_bound())
        || interp.syntax.macros.contains_key(&system)
    {
        Some(system)
    } else if interp.syntax.macros.contains_key(&plain)
        || interp.globals.get(&plain).is_some_and(|g| g.is_bound())
    {
        Some(plain)
    } else {
        None
    }
}

/// Every builtin table: the topics of `crate::builtins`, then the procedures
/// that need the library system (`eval`, `load`, `environment`...).
pub fn builtin_tables() -> Vec<&'static [crate::value::Primitive]> {
    let mut tables = crate::builtins::tables();
    tables.push(environments::PRIMITIVES);
    tables
}

/// `(eshkol base)`: every builtin, special form and `stdlib/` definition.
fn everything(interp: &Interp) -> Vec<(Symbol, Symbol)> {
    let mut names: Vec<&str> = crate::compile::expand::special_form_names().collect();
    names.extend(
        builtin_tables()
            .into_iter()
            .flat_map(|t| t.iter().map(|p| p.name))
            .filter(|n| !n.starts_with('%')),
    );
    let mut exports: Vec<(Symbol, Symbol)> = names
        .into_iter()
        .filter_map(|n| Some((Symbol::intern(n), builtin_key(interp, n)?)))
        .collect();
    exports.extend(crate::stdlib::core_definitions(interp));
    for name in standard::export_list("(srfi 64)").into_iter().flatten() {
        if let Some(key) = builtin_key(interp, name) {
            exports.push((Symbol::intern(name), key));
        }
    }
    exports
}

/// An error of the library system at `span`.
fn library_error(span: Span, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Library, message).at(span)
}

/// For an unbound variable in a program or library: the built-in library
/// that exports it, for the report's help line.
pub fn import_hint(name: &str) -> Option<String> {
    let library = standard::library_exporting(name)?;
    Some(format!(
        "`{name}` is exported by {library}: add {library} to the import list"
    ))
}
