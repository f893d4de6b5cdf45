//! The syntax pass: data → expressions with resolved variables.

use crate::symbol::Symbol;
use crate::syntax::Span;

/// A compiled lambda: everything about a procedure that does not change between
/// the closures made from it.
pub struct Lambda {
    /// The name it was defined with, for printing and stack traces.
    pub name: Option<Symbol>,
    /// Number of required parameters.
    pub required: usize,
    /// Whether extra arguments are collected into a rest list.
    pub rest: bool,
    /// Where the lambda was written.
    pub span: Span,
}
