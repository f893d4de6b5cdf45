//! Builtin procedures, one file per topic, each exporting a table of
//! [`Primitive`]s that the interpreter installs as globals at start-up.

pub mod arena;
pub mod args;
pub mod bytevectors;
pub mod chars;
pub mod control;
pub mod environments;
pub mod equivalence;
pub mod exceptions;
pub mod format;
pub mod hashtables;
pub(crate) mod list_columns;
pub mod lists;
pub mod numbers;
pub mod output;
pub mod ports;
pub mod records;
pub mod sorting;
pub mod strings;
pub mod symbols;
pub mod vectors;

use crate::diagnostics::Result;
use crate::interp::Interp;
use crate::value::Value;

/// The Rust signature of every builtin: arguments arrive already evaluated and
/// arity-checked against the table entry.
pub type PrimFn = fn(&mut Interp, &[Value]) -> Result<Value>;

/// A builtin procedure's table entry.
pub struct Primitive {
    /// The global name it is bound to.
    pub name: &'static str,
    pub min_args: usize,
    /// `None` for variadic procedures.
    pub max_args: Option<usize>,
    pub func: PrimFn,
    /// One line for `:doc` and the REPL's help.
    pub doc: &'static str,
}

/// Builds a [`Primitive`] table entry: `prim!("car", 1, 1, car, "doc")`; use
/// `prim!("list", 0, _, list, "doc")` for variadic procedures.
#[macro_export]
macro_rules! prim {
    ($name:expr, $min:expr, _, $func:expr, $doc:expr) => {
        $crate::builtins::Primitive {
            name: $name,
            min_args: $min,
            max_args: None,
            func: $func,
            doc: $doc,
        }
    };
    ($name:expr, $min:expr, $max:expr, $func:expr, $doc:expr) => {
        $crate::builtins::Primitive {
            name: $name,
            min_args: $min,
            max_args: Some($max),
            func: $func,
            doc: $doc,
        }
    };
}

/// Every builtin table, in installation order (later entries win on a clash).
pub fn tables() -> Vec<&'static [Primitive]> {
    vec![
        numbers::arithmetic::PRIMITIVES,
        numbers::comparison::PRIMITIVES,
        numbers::integers::PRIMITIVES,
        numbers::powers::PRIMITIVES,
        numbers::exactness::PRIMITIVES,
        numbers::rounding::PRIMITIVES,
        numbers::text_conversion::PRIMITIVES,
        numbers::predicates::PRIMITIVES,
        numbers::transcendental::PRIMITIVES,
        numbers::random::PRIMITIVES,
        equivalence::PRIMITIVES,
        lists::pairs::PRIMITIVES,
        lists::basics::PRIMITIVES,
        lists::sequences::PRIMITIVES,
        lists::searching::PRIMITIVES,
        lists::higher_order::PRIMITIVES,
        symbols::PRIMITIVES,
        chars::PRIMITIVES,
        strings::basics::PRIMITIVES,
        strings::comparison::PRIMITIVES,
        strings::case::PRIMITIVES,
        strings::extras::PRIMITIVES,
        vectors::PRIMITIVES,
        bytevectors::PRIMITIVES,
        hashtables::PRIMITIVES,
        output::PRIMITIVES,
        format::PRIMITIVES,
        ports::state::PRIMITIVES,
        ports::memory::PRIMITIVES,
        ports::reading::PRIMITIVES,
        ports::binary::PRIMITIVES,
        ports::current::PRIMITIVES,
        ports::files::PRIMITIVES,
        control::PRIMITIVES,
        environments::PRIMITIVES,
        exceptions::PRIMITIVES,
        records::PRIMITIVES,
        sorting::PRIMITIVES,
        arena::PRIMITIVES,
    ]
}

/// The builtin named `name`, for code the expander generates (so a program
/// that redefines the global name does not change what the syntax means).
pub fn builtin(name: &str) -> Option<&'static Primitive> {
    tables()
        .into_iter()
        .flat_map(|table| table.iter())
        .find(|p| p.name == name)
}
