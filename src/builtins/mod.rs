//! Builtin procedures by topic (a directory when a topic has several
//! concerns), each file exporting a table of [`Primitive`]s that the
//! interpreter installs as globals at start-up.

pub mod arena;
pub mod bytevectors;
pub mod chars;
pub mod control;
pub mod equivalence;
pub mod exceptions;
pub mod format;
pub mod hashtables;
pub mod lists;
pub mod numbers;
pub mod output;
pub mod ports;
pub mod records;
pub mod sorting;
pub mod strings;
pub mod symbols;
pub mod vectors;

pub use crate::value::{args, PrimFn, Primitive};

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
        exceptions::PRIMITIVES,
        records::PRIMITIVES,
        sorting::PRIMITIVES,
        arena::PRIMITIVES,
    ]
}

/// The builtin named `name`, for a builtin that returns another
/// (`hash-table-equivalence-function`) and for unit tests; programs reach
/// builtins through their globals.
pub fn builtin(name: &str) -> Option<&'static Primitive> {
    tables()
        .into_iter()
        .flat_map(|table| table.iter())
        .find(|p| p.name == name)
}
