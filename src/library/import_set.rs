//! R7RS import sets: a library name, or `only`, `except`, `prefix` and
//! `rename` applied to an import set, nested to any depth.

use std::path::Path;

use super::{find, library_error};
use crate::compile::expand::library_name_text;
use crate::diagnostics::Result;
use crate::interp::Interp;
use crate::symbol::Symbol;
use crate::syntax::{Datum, DatumKind};

/// The (name, key) bindings an import set brings, in export order.
pub fn resolve(interp: &mut Interp, set: &Datum, from: &Path) -> Result<Vec<(Symbol, Symbol)>> {
    crate::native_stack::deeper(|| resolve_inner(interp, set, from)).map_err(|e| e.or_at(set.span))
}

fn resolve_inner(interp: &mut Interp, set: &Datum, from: &Path) -> Result<Vec<(Symbol, Symbol)>> {
    let DatumKind::List(items) = &set.kind else {
        return Err(malformed(set));
    };
    let modifier = items.first().and_then(Datum::as_symbol);
    let nested = items
        .get(1)
        .filter(|d| matches!(d.kind, DatumKind::List(_)));
    match (modifier, nested) {
        (Some(word @ ("only" | "except" | "prefix" | "rename")), Some(inner)) => {
            let bindings = resolve(interp, inner, from)?;
            apply_modifier(word, bindings, &items[2..], set)
        }
        _ => {
            let name = library_name_text(set).ok_or_else(|| malformed(set))?;
            Ok(find(interp, &name, set.span, from)?.exports.clone())
        }
    }
}

fn apply_modifier(
    word: &str,
    mut bindings: Vec<(Symbol, Symbol)>,
    args: &[Datum],
    set: &Datum,
) -> Result<Vec<(Symbol, Symbol)>> {
    match word {
        "only" => {
            let wanted = identifiers(args, word)?;
            for (name, datum) in &wanted {
                require(&bindings, *name, datum, word)?;
            }
            bindings.retain(|(name, _)| wanted.iter().any(|(w, _)| w == name));
            Ok(bindings)
        }
        "except" => {
            let unwanted = identifiers(args, word)?;
            for (name, datum) in &unwanted {
                require(&bindings, *name, datum, word)?;
            }
            bindings.retain(|(name, _)| !unwanted.iter().any(|(u, _)| u == name));
            Ok(bindings)
        }
        "prefix" => {
            let [prefix] = args else {
                return Err(library_error(
                    set.span,
                    "prefix: expected (prefix set identifier)",
                ));
            };
            let prefix = prefix.as_symbol().ok_or_else(|| {
                library_error(prefix.span, "prefix: the prefix must be an identifier")
            })?;
            Ok(bindings
                .into_iter()
                .map(|(name, key)| (Symbol::intern(&format!("{prefix}{name}")), key))
                .collect())
        }
        _ => {
            for pair in args {
                let (from, to) = match &pair.kind {
                    DatumKind::List(two) if two.len() == 2 => {
                        match (two[0].as_symbol(), two[1].as_symbol()) {
                            (Some(a), Some(b)) => (Symbol::intern(a), Symbol::intern(b)),
                            _ => return Err(bad_rename(pair)),
                        }
                    }
                    _ => return Err(bad_rename(pair)),
                };
                require(&bindings, from, pair, word)?;
                for binding in bindings.iter_mut().filter(|(n, _)| *n == from) {
                    binding.0 = to;
                }
            }
            Ok(bindings)
        }
    }
}

/// The identifiers of `only` / `except`, each with its datum (for errors).
fn identifiers<'d>(args: &'d [Datum], word: &str) -> Result<Vec<(Symbol, &'d Datum)>> {
    args.iter()
        .map(|d| match d.as_symbol() {
            Some(name) => Ok((Symbol::intern(name), d)),
            None => Err(library_error(
                d.span,
                format!("{word}: expected identifiers"),
            )),
        })
        .collect()
}

/// An import set may only name identifiers the set it modifies provides.
fn require(bindings: &[(Symbol, Symbol)], name: Symbol, at: &Datum, word: &str) -> Result<()> {
    if bindings.iter().any(|(n, _)| *n == name) {
        return Ok(());
    }
    Err(library_error(
        at.span,
        format!("{word}: `{name}` is not in the imported set"),
    )
    .with_help("an import set can only select or rename names the library exports"))
}

fn bad_rename(pair: &Datum) -> crate::diagnostics::Error {
    library_error(pair.span, "rename: expected (old-name new-name)")
        .with_help("write (rename (scheme base) (car first) (cdr rest))")
}

fn malformed(set: &Datum) -> crate::diagnostics::Error {
    library_error(set.span, "import: malformed import set").with_help(
        "an import set is a library name such as (scheme base), or (only set name ...), \
         (except set name ...), (prefix set prefix) or (rename set (old new) ...)",
    )
}
