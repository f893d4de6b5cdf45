//! The expander: data → [`Core`].
//!
//! Recognises special forms (unless a local binding shadows their name), checks
//! their shape, rewrites derived forms into core forms, and resolves every
//! identifier to a lexical variable or a global, recording what the lowering pass
//! needs to know about each variable.

mod binding_forms;
mod bodies;
mod conditionals;
mod definitions;
mod derived;
mod lambda;
mod loops;
mod macros;
mod promises;
mod quotation;
mod scopes;
mod special_forms;
mod variables;

pub use derived::{feature_met, library_name_text, read_included, FEATURES};
pub use lambda::Params;
use macros::{macro_as_variable, Binding, Resolved};
pub use macros::{prune_aliases, Alias, Macro};
pub(crate) use special_forms::{is_special_form, special_form_names};
use special_forms::{special_form, SpecialForm};

use crate::compile::core::*;
use crate::compile::env::{EnvId, Environment};
use crate::compile::quasi;
use crate::value::datum::datum_to_value;
use std::collections::HashMap;
use std::rc::Rc;

use crate::diagnostics::{Error, ErrorKind, Result, SourceMap};
use crate::symbol::Symbol;
use crate::syntax::{Datum, DatumKind, Span, MAX_NESTING};
use crate::value::Value;

/// The lambda id of top-level code.
pub const TOPLEVEL: LambdaId = 0;

/// Expander state for one top-level form.
pub struct Expander<'a> {
    pub vars: Vec<VarInfo>,
    scopes: scopes::Scopes,
    /// Names introduced by macro templates, each standing for an original
    /// name as seen where its macro was defined (see [`macros`]).
    /// (Kept by the interpreter: a macro defined by a macro carries aliases
    /// into later forms.)
    aliases: &'a mut HashMap<Symbol, Alias>,
    /// Macros defined at top level, shared across forms.
    global_macros: &'a mut HashMap<Symbol, Rc<Macro>>,
    /// Nested macro expansions in progress (to stop runaway recursion).
    expansion_depth: usize,
    /// Data nodes macro expansions have produced in this top-level form.
    expanded_nodes: usize,
    /// Expressions being expanded, one inside the other.
    nesting: usize,
    /// The macro expanded last in this top-level form, named when its
    /// output nests too deeply.
    last_macro: Option<Symbol>,
    /// The resident-memory bound (`--max-memory`), checked as expansions grow.
    max_memory: Option<usize>,
    lambda_stack: Vec<LambdaId>,
    next_lambda: LambdaId,
    /// Where `include` registers the files it reads.
    sources: &'a mut SourceMap,
    /// Every top-level environment; free names resolve in [`Self::env`] (or,
    /// for a macro-introduced name, in its macro's environment).
    envs: &'a mut Vec<Environment>,
    /// The environment of the form being expanded.
    env: EnvId,
    /// Whether a library is available, for `cond-expand`'s `(library ...)`.
    library_known: &'a dyn Fn(&str) -> bool,
    /// Whether a global (by key) has a value now.
    global_bound: &'a dyn Fn(Symbol) -> bool,
    /// Free references to globals unbound when compiled, with a local
    /// variable of a close name in scope: (reference, local name), for a
    /// "did you mean" if the global is still unbound when the reference runs.
    pub local_suggestions: Vec<(Span, Symbol)>,
}

/// What an expander works on: the interpreter's tables it reads and extends.
pub struct ExpandContext<'a> {
    pub sources: &'a mut SourceMap,
    pub macros: &'a mut HashMap<Symbol, Rc<Macro>>,
    pub aliases: &'a mut HashMap<Symbol, Alias>,
    pub envs: &'a mut Vec<Environment>,
    pub env: EnvId,
    pub library_known: &'a dyn Fn(&str) -> bool,
    /// Whether a global (by key) has a value now.
    pub global_bound: &'a dyn Fn(Symbol) -> bool,
    /// The resident-memory bound macro expansion is held to.
    pub max_memory: Option<usize>,
}

/// A syntax error at `span`.
pub fn syntax_error(span: Span, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Syntax, message).at(span)
}

fn list_items(datum: &Datum) -> Option<&[Datum]> {
    match &datum.kind {
        DatumKind::List(items) => Some(items),
        _ => None,
    }
}

impl<'a> Expander<'a> {
    /// A fresh expander positioned at top level.
    pub fn new(context: ExpandContext<'a>) -> Expander<'a> {
        Expander {
            vars: Vec::new(),
            scopes: scopes::Scopes::default(),
            aliases: context.aliases,
            global_macros: context.macros,
            expansion_depth: 0,
            expanded_nodes: 0,
            nesting: 0,
            last_macro: None,
            max_memory: context.max_memory,
            lambda_stack: vec![TOPLEVEL],
            next_lambda: TOPLEVEL + 1,
            sources: context.sources,
            envs: context.envs,
            env: context.env,
            library_known: context.library_known,
            global_bound: context.global_bound,
            local_suggestions: Vec::new(),
        }
    }

    /// Whether `name` is a special-form keyword here (not shadowed locally).
    fn is_keyword(&self, name: &str) -> bool {
        matches!(self.resolve(Symbol::intern(name)), Resolved::Free(n) if is_special_form(&n.name()))
    }

    /// The special-form keyword a datum denotes here, if it is one.
    fn head_keyword(&self, datum: &Datum) -> Option<&'static str> {
        self.head_special_form(datum).map(|form| form.name)
    }

    /// The special form a datum denotes here, if it is one.
    fn head_special_form(&self, datum: &Datum) -> Option<&'static SpecialForm> {
        let name = datum.as_symbol()?;
        match self.resolve(Symbol::intern(name)) {
            Resolved::Free(original) => special_form(&original.name()),
            Resolved::Local(_) => None,
        }
    }

    /// Whether a datum is the identifier `word` (`else`, `=>`...) as written,
    /// or introduced by a macro, and not shadowed by a local binding.
    fn means(&self, datum: &Datum, word: &str) -> bool {
        match datum.as_symbol() {
            Some(name) => matches!(
                self.resolve(Symbol::intern(name)),
                Resolved::Free(original) if &*original.name() == word
            ),
            None => false,
        }
    }

    /// Expands one top-level form: `define` makes globals here.
    pub fn expand_toplevel(&mut self, datum: &Datum) -> Result<Core> {
        crate::native_stack::deeper(|| self.expand_toplevel_inner(datum))
    }

    fn expand_toplevel_inner(&mut self, datum: &Datum) -> Result<Core> {
        if let Some(rewritten) = self.rewrite_definition(datum)? {
            return self.expand_toplevel(&rewritten);
        }
        if let Some(expanded) = self.expand_macro_use(datum)? {
            return self.expand_toplevel(&expanded);
        }
        if let Some(items) = list_items(datum) {
            match items.first().and_then(|d| self.head_keyword(d)) {
                Some("define") => return self.expand_global_define(datum, items),
                Some("define-syntax") => return self.define_global_macro(datum, items),
                Some("begin") => {
                    let forms = items[1..]
                        .iter()
                        .map(|d| self.expand_toplevel(d))
                        .collect::<Result<Vec<_>>>()?;
                    return Ok(seq(forms, datum.span));
                }
                _ => {}
            }
        }
        self.expand(datum)
    }

    /// Expands an expression. Code nests at most [`MAX_NESTING`] levels
    /// deep, as source text does: the limit matters for code that `eval` or
    /// a macro builds, and keeps every later pass over it shallow.
    pub fn expand(&mut self, datum: &Datum) -> Result<Core> {
        if self.nesting >= MAX_NESTING {
            return Err(Error::nested_too_deeply(datum.span, self.last_macro));
        }
        self.nesting += 1;
        let core = crate::native_stack::deeper(|| self.expand_inner(datum));
        self.nesting -= 1;
        core.map_err(|e| e.or_at(datum.span))
    }

    fn expand_inner(&mut self, datum: &Datum) -> Result<Core> {
        let span = datum.span;
        match &datum.kind {
            DatumKind::Symbol(name) => {
                if let Some(keyword) = self.head_keyword(datum) {
                    return Err(syntax_error(
                        span,
                        format!("`{keyword}` is a special form, not a variable"),
                    )
                    .with_help(format!("use it at the head of a form: ({keyword} ...)")));
                }
                self.reference(Symbol::intern(name), span)
            }
            DatumKind::List(items) if items.is_empty() => Err(syntax_error(
                span,
                "empty combination `()` is not an expression",
            )
            .with_help("to write the empty list, quote it: '()")),
            DatumKind::List(items) => {
                if let Some(expanded) = self.expand_head(datum)? {
                    return self.expand(&expanded);
                }
                // At top level these forms reach the expander only when the
                // program has defined the name as a procedure of its own.
                let nested = !self.scopes.is_empty() || self.lambda_stack.len() > 1;
                for form in ["import", "define-library"] {
                    if nested && self.means(&items[0], form) {
                        return Err(syntax_error(
                            span,
                            format!("{form}: only allowed at top level"),
                        )
                        .with_help(format!(
                            "put ({form} ...) at the top of the program, the library or the REPL input"
                        )));
                    }
                }
                if let Some(form) = self.head_special_form(&items[0]) {
                    return form.expand_use(self, datum, items);
                }
                let f = self.expand(&items[0])?;
                let args = items[1..]
                    .iter()
                    .map(|d| self.expand(d))
                    .collect::<Result<Vec<_>>>()?;
                Ok(Core::new(CoreKind::Call(Box::new(f), args), span))
            }
            DatumKind::DottedList(..) => {
                Err(syntax_error(span, "a dotted list is not an expression")
                    .with_help("to write a dotted pair as data, quote it: '(a . b)"))
            }
            DatumKind::Vector(_) | DatumKind::Bytevector(_) => {
                // R7RS: vectors and bytevectors are self-evaluating.
                Ok(Core::new(CoreKind::Const(self.quote_value(datum)?), span))
            }
            DatumKind::Label(..) | DatumKind::LabelRef(_) => Err(syntax_error(
                span,
                "datum labels are only allowed in quoted data",
            )
            .with_help("quote the datum: '#0=(a . #0#)")),
            _ => Ok(Core::new(CoreKind::Const(datum_to_value(datum)?), span)),
        }
    }

    fn expand_all(&mut self, data: &[Datum]) -> Result<Vec<Core>> {
        data.iter().map(|d| self.expand(d)).collect()
    }
}

/// A call of the builtin `name` through its system key, the global no
/// program can rebind, so the call means the builtin whatever the program has
/// bound `name` to.
fn call_builtin(name: &str, args: Vec<Core>, span: Span) -> Core {
    Core::new(
        CoreKind::Call(Box::new(builtin_ref(name, span)), args),
        span,
    )
}

/// A reference to the builtin `name` through its system key.
fn builtin_ref(name: &str, span: Span) -> Core {
    Core::new(
        CoreKind::Global(crate::compile::env::system_key(name)),
        span,
    )
}

fn unspecified(span: Span) -> Core {
    Core::new(CoreKind::Const(Value::Unspecified), span)
}

fn seq(mut forms: Vec<Core>, span: Span) -> Core {
    match forms.len() {
        0 => unspecified(span),
        1 => forms.pop().unwrap_or_else(|| unspecified(span)),
        _ => Core::new(CoreKind::Seq(forms), span),
    }
}

fn expect_len(items: &[Datum], n: usize, span: Span, message: &str, usage: &str) -> Result<()> {
    if items.len() == n {
        Ok(())
    } else {
        Err(syntax_error(span, message.to_string()).with_help(format!("write {usage}")))
    }
}
