//! `eshkol --check FILE`: finds arena-lifetime mistakes without running the
//! program ([`lifetimes`]), and runs the ordinary checks, unbound names and
//! argument counts, as warnings ([`names`]).

mod lifetimes;
mod names;

pub use names::Environment;

use crate::compile::env::{system_key, INTERACTION};
use crate::diagnostics::Error;
use crate::interp::Interp;
use crate::symbol::Symbol;
use crate::syntax::{Datum, DatumKind};
use crate::value::Value;

/// One thing the check reports.
#[derive(Debug)]
pub struct Finding {
    /// What and where, with the places involved as labels.
    pub error: Error,
    /// An ordinary check's warning rather than an arena problem.
    pub warning: bool,
}

impl Finding {
    fn problem(error: Error) -> Finding {
        Finding {
            error,
            warning: false,
        }
    }

    fn warning(error: Error) -> Finding {
        Finding {
            error,
            warning: true,
        }
    }
}

/// Readies a fresh interpreter as the environment `program` is checked
/// against: the library written in Scheme (SRFI 64's macros...), and the
/// built-in libraries the program imports. Libraries of the program's own
/// are not loaded (that would run their code); the unbound-name check is
/// off for such a program.
pub fn prepare(interp: &mut Interp, program: &[Datum]) {
    interp.ensure_stdlib();
    for form in program {
        if head(form) == Some("import")
            && items(form).is_some_and(|parts| parts[1..].iter().all(names::builtin_import))
        {
            // An import the interpreter cannot do is reported when the
            // program runs; the check goes on without it.
            let _ = interp.eval_datum(form);
        }
    }
}

/// Every finding in `program`, in source order.
pub fn check_program(program: &[Datum], environment: &dyn Environment) -> Vec<Finding> {
    let macros = names::program_macros(program);
    let mut findings = lifetimes::check(program, &|name| macros.contains(name));
    findings.extend(names::check(program, environment));
    findings.sort_by_key(|f| f.error.0.span.map(|s| (s.source, s.start)));
    findings
}

/// A fresh interpreter provides the builtins, the library's procedures and
/// macros, and the special forms.
impl Environment for Interp {
    fn is_bound(&self, name: &str) -> bool {
        matches!(name, "else" | "=>" | "_" | "...")
            || crate::compile::expand::is_special_form(name)
            || self.bound_cell(name).is_some()
            || self
                .syntax
                .macros
                .contains_key(&self.syntax.envs[INTERACTION].key(Symbol::intern(name)))
            || self.syntax.macros.contains_key(&system_key(name))
            || self
                .globals
                .get(&system_key(name))
                .is_some_and(|g| g.is_bound())
    }

    fn arity(&self, name: &str) -> Option<(usize, Option<usize>)> {
        match self.bound_cell(name)?.get() {
            // A builtin that counts its own arguments (to explain a wrong
            // count better) is as variadic as its documented shape says.
            Value::Primitive(p) => {
                Some((p.min_args, p.max_args.or_else(|| documented_most(p.doc))))
            }
            Value::Closure(c) => {
                let lambda = &c.lambda;
                Some((lambda.required, (!lambda.rest).then_some(lambda.required)))
            }
            _ => None,
        }
    }

    fn suggest(&self, name: &str) -> Option<String> {
        self.suggest_global(name)
    }
}

/// The most arguments a builtin's documented shape allows, `(make-arena
/// size [limit])` 2; `None` for a shape with `...`.
fn documented_most(doc: &str) -> Option<usize> {
    let shape = doc.strip_prefix('(')?.split(')').next()?;
    if shape.contains("...") {
        return None;
    }
    Some(shape.split_whitespace().skip(1).count())
}

/// The operator of a compound form, when it is a symbol.
fn head(form: &Datum) -> Option<&str> {
    items(form)?.first()?.as_symbol()
}

/// The parts of a proper list.
fn items(form: &Datum) -> Option<&[Datum]> {
    match &form.kind {
        DatumKind::List(parts) => Some(parts),
        _ => None,
    }
}

/// Calls `f` on every symbol in `datum`, quoted ones included: both checks
/// err towards silence, and a symbol may name something either way.
fn symbols(datum: &Datum, f: &mut dyn FnMut(&str)) {
    match &datum.kind {
        DatumKind::Symbol(s) => f(s),
        DatumKind::List(parts) | DatumKind::Vector(parts) => {
            for part in parts {
                symbols(part, f);
            }
        }
        DatumKind::DottedList(parts, tail) => {
            for part in parts {
                symbols(part, f);
            }
            symbols(tail, f);
        }
        DatumKind::Label(_, inner) => symbols(inner, f),
        _ => {}
    }
}
