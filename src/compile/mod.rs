//! The syntax pass: data → expressions with resolved variables.
//!
//! [`expand`] recognises special forms and derived syntax and resolves names,
//! producing [`core`]; [`lower`] assigns frame slots, captures and boxes,
//! producing the [`expr`] tree the evaluator runs.

pub mod core;
pub mod expand;
pub mod expr;
pub mod lower;
pub mod quasi;
pub mod quote;
pub mod syntax_rules;

use std::rc::Rc;

pub use expr::{CaptureSource, Expr, Lambda};

use crate::diagnostics::Result;
use crate::interp::Interp;
use crate::syntax::Datum;

/// Compiles one top-level form into a procedure of no arguments that runs it.
pub fn compile_toplevel(interp: &mut Interp, datum: &Datum) -> Result<Rc<Lambda>> {
    let mut expander =
        expand::Expander::new(&mut interp.sources, &mut interp.macros, &mut interp.aliases);
    let core = expander.expand_toplevel(datum)?;
    let vars = std::mem::take(&mut expander.vars);
    let lowerer = lower::Lowerer::new(&vars, interp);
    Ok(lowerer.lower_toplevel(&core))
}
