//! The syntax pass: data → expressions with resolved variables.
//!
//! [`expand`] recognises special forms and derived syntax and resolves names,
//! producing [`core`]; [`lower`] assigns frame slots, captures and boxes,
//! producing the [`expr`] tree the evaluator runs.

pub mod core;
pub mod emit;
pub mod env;
pub mod expand;
pub mod expr;
pub mod lower;
pub mod quasi;
pub mod syntax_env;
pub mod syntax_rules;

use std::rc::Rc;

pub use expr::{CaptureSource, Expr, Lambda};
pub use syntax_env::SyntaxEnv;

use crate::diagnostics::Result;
use crate::interp::Interp;
use crate::syntax::Datum;

/// Compiles one top-level form into a procedure of no arguments that runs it.
pub fn compile_toplevel(interp: &mut Interp, datum: &Datum) -> Result<Rc<Lambda>> {
    // With room on the stack: the passes make and drop trees as deep as the code.
    crate::native_stack::deeper(|| crate::native_stack::watched(|| compile_watched(interp, datum)))
        .map_err(|e| e.or_at(datum.span))
}

/// [`compile_toplevel`], whose walks may stop short when the native stack
/// cannot grow.
fn compile_watched(interp: &mut Interp, datum: &Datum) -> Result<Rc<Lambda>> {
    let (core, vars, suggestions) = with_expander(interp, |expander| {
        let core = expander.expand_toplevel(datum);
        let vars = std::mem::take(&mut expander.vars);
        (core, vars, std::mem::take(&mut expander.local_suggestions))
    });
    remember_local_suggestions(interp, suggestions);
    forget_unused_aliases(interp);
    let core = core?;
    let lowerer = lower::Lowerer::new(&vars, interp);
    Ok(lowerer.lower_toplevel(&core))
}

/// The macro expansion of `datum` in the current environment, as the REPL
/// shows it: one step (`None` when it is no macro use), or `full`, every
/// macro use in it.
pub fn expand_macros(interp: &mut Interp, datum: &Datum, full: bool) -> Result<Option<Datum>> {
    crate::native_stack::watched(|| {
        with_expander(interp, |expander| {
            if full {
                expander.expand_everywhere(datum).map(Some)
            } else {
                expander.expand_once(datum)
            }
        })
    })
    .map_err(|e| e.or_at(datum.span))
}

/// Runs `f` with an expander over the interpreter's tables, positioned at
/// top level of the current environment.
fn with_expander<T>(interp: &mut Interp, f: impl FnOnce(&mut expand::Expander) -> T) -> T {
    let libraries = &interp.libraries;
    let library_known = |name: &str| libraries.known(name);
    let globals = &interp.globals;
    let global_bound = |key| globals.get(&key).is_some_and(|g| g.is_bound());
    let mut expander = expand::Expander::new(expand::ExpandContext {
        sources: &mut interp.sources,
        macros: &mut interp.syntax.macros,
        aliases: &mut interp.syntax.aliases,
        envs: &mut interp.syntax.envs,
        env: interp.syntax.current_env,
        library_known: &library_known,
        global_bound: &global_bound,
        max_memory: interp.machine.max_memory,
    });
    f(&mut expander)
}

/// Keeps the close local names found for this form's free references to
/// unbound globals, so their "unbound variable" report can say "did you
/// mean the local `x`?". The table is emptied when it grows large.
fn remember_local_suggestions(
    interp: &mut Interp,
    suggestions: Vec<(crate::syntax::Span, crate::symbol::Symbol)>,
) {
    const KEPT: usize = 10_000;
    for (span, local) in suggestions {
        if interp.syntax.local_suggestions.len() >= KEPT {
            interp.syntax.local_suggestions.clear();
        }
        interp.syntax.local_suggestions.insert(span, local);
    }
}

/// Aliases kept before unused ones are first forgotten: ordinary programs
/// never reach it, a program expanding macros in a loop does.
const ALIASES_BEFORE_PRUNING: usize = 10_000;

/// Forgets the hygiene aliases nothing refers to any more, once there are many
/// (see [`expand::prune_aliases`]); the next pruning waits until the table has
/// doubled, so the cost stays proportional to the expansions made.
fn forget_unused_aliases(interp: &mut Interp) {
    if interp.syntax.aliases.len() < interp.syntax.prune_aliases_at.max(ALIASES_BEFORE_PRUNING) {
        return;
    }
    expand::prune_aliases(&interp.syntax.macros, &mut interp.syntax.aliases);
    interp.syntax.prune_aliases_at = interp.syntax.aliases.len() * 2;
}
