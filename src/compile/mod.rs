//! The syntax pass: data → expressions with resolved variables.
//!
//! [`expand`] recognises special forms and derived syntax and resolves names,
//! producing [`core`]; [`lower`] assigns frame slots, captures and boxes,
//! producing the [`expr`] tree the evaluator runs.

pub mod core;
pub mod env;
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
    let libraries = &interp.libraries;
    let library_known = |name: &str| libraries.known(name);
    let mut expander = expand::Expander::new(expand::ExpandContext {
        sources: &mut interp.sources,
        macros: &mut interp.macros,
        aliases: &mut interp.aliases,
        envs: &mut interp.envs,
        env: interp.current_env,
        library_known: &library_known,
    });
    let core = expander.expand_toplevel(datum);
    let vars = std::mem::take(&mut expander.vars);
    forget_unused_aliases(interp);
    let core = core?;
    let lowerer = lower::Lowerer::new(&vars, interp);
    Ok(lowerer.lower_toplevel(&core))
}

/// Aliases kept before unused ones are first forgotten: ordinary programs
/// never reach it, a program expanding macros in a loop does.
const ALIASES_BEFORE_PRUNING: usize = 10_000;

/// Forgets the hygiene aliases nothing refers to any more, once there are many
/// (see [`expand::prune_aliases`]); the next pruning waits until the table has
/// doubled, so the cost stays proportional to the expansions made.
fn forget_unused_aliases(interp: &mut Interp) {
    if interp.aliases.len() < interp.prune_aliases_at.max(ALIASES_BEFORE_PRUNING) {
        return;
    }
    expand::prune_aliases(&interp.macros, &mut interp.aliases);
    interp.prune_aliases_at = interp.aliases.len() * 2;
}
