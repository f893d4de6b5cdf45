//! `define-library`: a namespace of its own, filled by its declarations in
//! order, and an export list taken from it.

use std::rc::Rc;

use super::{import_into, library_error, new_environment, Library};
use crate::compile::env::EnvId;
use crate::compile::expand::{feature_met, library_name_text, read_included};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::symbol::Symbol;
use crate::syntax::{Datum, DatumKind, Span};
use crate::value::Value;

/// One export: the name inside the library, the name importers see, and
/// where it was written.
struct Export {
    internal: Symbol,
    external: Symbol,
    span: Span,
}

/// Evaluates `(define-library name declaration ...)` and registers the
/// library under its name (replacing an earlier definition of it).
pub fn eval_define_library(interp: &mut Interp, datum: &Datum) -> Result<Value> {
    let DatumKind::List(items) = &datum.kind else {
        return Err(usage(datum));
    };
    let name_datum = items.get(1).ok_or_else(|| usage(datum))?;
    let name = library_name_text(name_datum).ok_or_else(|| {
        library_error(
            name_datum.span,
            "define-library: a library name is a list of identifiers and integers",
        )
        .with_help("for example (define-library (my util) ...), found as my/util.sld")
    })?;
    let env = new_environment(interp, &name);
    let mut exports = Vec::new();
    let result = interp.in_environment(env, |interp| {
        declarations(interp, env, &items[2..], &mut exports)
    });
    result?;
    let exports = exports
        .iter()
        .map(|export| {
            let key = interp.syntax.envs[env].key(export.internal);
            if !defines(interp, key) {
                return Err(library_error(
                    export.span,
                    format!(
                        "library {name} exports `{}`, which it neither defines nor imports",
                        export.internal
                    ),
                )
                .with_help("define it in the library's (begin ...) or import it"));
            }
            Ok((export.external, key))
        })
        .collect::<Result<Vec<_>>>()?;
    interp
        .libraries
        .defined
        .insert(name, Rc::new(Library { exports }));
    Ok(Value::Unspecified)
}

/// Runs a library's declarations in order, collecting its exports.
fn declarations(
    interp: &mut Interp,
    env: EnvId,
    forms: &[Datum],
    exports: &mut Vec<Export>,
) -> Result<()> {
    for declaration in forms {
        let DatumKind::List(parts) = &declaration.kind else {
            return Err(bad_declaration(declaration));
        };
        match parts.first().and_then(Datum::as_symbol) {
            Some("export") => {
                for spec in &parts[1..] {
                    exports.push(export_spec(spec)?);
                }
            }
            Some("import") => import_into(interp, env, declaration)?,
            Some("begin") => {
                for form in &parts[1..] {
                    interp.eval_datum(form)?;
                }
            }
            Some(head @ ("include" | "include-ci")) => {
                let forms = read_included(
                    &mut interp.sources,
                    declaration,
                    parts,
                    head == "include-ci",
                )?;
                for form in &forms {
                    interp.eval_datum(form)?;
                }
            }
            Some("include-library-declarations") => {
                let forms = read_included(&mut interp.sources, declaration, parts, false)?;
                declarations(interp, env, &forms, exports)?;
            }
            Some("cond-expand") => {
                let chosen = cond_expand(interp, &parts[1..])?;
                declarations(interp, env, &chosen, exports)?;
            }
            _ => return Err(bad_declaration(declaration)),
        }
    }
    Ok(())
}

/// The declarations of the first `cond-expand` clause whose requirement holds.
fn cond_expand(interp: &Interp, clauses: &[Datum]) -> Result<Vec<Datum>> {
    let known = |name: &str| interp.libraries.known(name);
    let plain = |name: &str| name.to_string();
    for clause in clauses {
        let parts = match &clause.kind {
            DatumKind::List(parts) if !parts.is_empty() => parts,
            _ => {
                return Err(library_error(
                    clause.span,
                    "cond-expand: each clause must be (requirement declaration ...)",
                ))
            }
        };
        if parts[0].as_symbol() == Some("else") || feature_met(&parts[0], &plain, &known)? {
            return Ok(parts[1..].to_vec());
        }
    }
    Ok(Vec::new())
}

/// Whether `key` names something a library can export: a bound global, a
/// macro, or a special form.
fn defines(interp: &Interp, key: Symbol) -> bool {
    interp.globals.get(&key).is_some_and(|g| g.is_bound())
        || interp.syntax.macros.contains_key(&key)
        || crate::compile::env::is_syntax_word(&key.name())
}

fn export_spec(spec: &Datum) -> Result<Export> {
    if let Some(name) = spec.as_symbol() {
        let name = Symbol::intern(name);
        return Ok(Export {
            internal: name,
            external: name,
            span: spec.span,
        });
    }
    if let DatumKind::List(parts) = &spec.kind {
        if let [word, from, to] = &parts[..] {
            if let (Some("rename"), Some(from), Some(to)) =
                (word.as_symbol(), from.as_symbol(), to.as_symbol())
            {
                return Ok(Export {
                    internal: Symbol::intern(from),
                    external: Symbol::intern(to),
                    span: spec.span,
                });
            }
        }
    }
    Err(library_error(
        spec.span,
        "export: expected a name or (rename internal external)",
    ))
}

fn bad_declaration(declaration: &Datum) -> Error {
    library_error(declaration.span, "define-library: unknown declaration").with_help(
        "a library declaration is (export ...), (import ...), (begin ...), (include \"file\"), \
         (include-ci \"file\"), (include-library-declarations \"file\") or (cond-expand ...)",
    )
}

fn usage(datum: &Datum) -> Error {
    library_error(
        datum.span,
        "define-library: expected a name and declarations",
    )
    .with_help(
        "write (define-library (my util) (export name ...) (import (scheme base)) (begin ...))",
    )
}
