//! The expander: data → [`Core`].
//!
//! Recognises special forms (unless a local binding shadows their name), checks
//! their shape, rewrites derived forms into core forms, and resolves every
//! identifier to a lexical variable or a global, recording what the lowering pass
//! needs to know about each variable.

mod derived;
mod macros;
mod scopes;

pub use derived::{feature_met, library_name_text, read_included, FEATURES};
use macros::{macro_as_variable, Binding, Resolved};
pub use macros::{prune_aliases, Alias, Macro};

use crate::compile::core::*;
use crate::compile::env::{EnvId, Environment};
use crate::compile::quasi;
use crate::compile::quote::datum_to_value;
use std::borrow::Cow;
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

/// Code nested past [`MAX_NESTING`] levels; `by_macro` names the macro
/// whose expansion nested it.
pub fn nested_too_deeply(span: Span, by_macro: Option<Symbol>) -> Error {
    let too_deep = format!("code nested too deeply (more than {MAX_NESTING} levels)");
    match by_macro {
        Some(name) => syntax_error(span, format!("{too_deep} by the expansion of macro `{name}`"))
            .with_help("a macro that puts its own use inside its output nests deeper at every step: check its recursion"),
        None => syntax_error(span, too_deep)
            .with_help("build the computation with a loop or a procedure instead of nesting"),
    }
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

    fn current_lambda(&self) -> LambdaId {
        *self.lambda_stack.last().unwrap_or(&TOPLEVEL)
    }

    fn new_var(&mut self, name: Symbol) -> VarId {
        self.vars.push(VarInfo {
            name,
            owner: self.current_lambda(),
            assigned: false,
            letrec: false,
            self_lambda: None,
            captured: false,
            captured_in_self: false,
        });
        self.vars.len() - 1
    }

    /// The lexical variable `name` denotes here, if any.
    fn lookup(&self, name: Symbol) -> Option<VarId> {
        match self.resolve(name) {
            Resolved::Local(Binding::Var(var)) => Some(var),
            _ => None,
        }
    }

    /// Whether `name` is a special-form keyword here (not shadowed locally).
    fn is_keyword(&self, name: &str) -> bool {
        matches!(self.resolve(Symbol::intern(name)), Resolved::Free(n) if KEYWORDS.contains(&&*n.name()))
    }

    /// The special-form keyword a datum denotes here, if it is one.
    fn head_keyword(&self, datum: &Datum) -> Option<&'static str> {
        let name = datum.as_symbol()?;
        match self.resolve(Symbol::intern(name)) {
            Resolved::Free(original) => {
                let text = original.name();
                KEYWORDS.iter().copied().find(|k| *k == &*text)
            }
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

    /// Resolves a variable reference, recording captures.
    fn reference(&mut self, name: Symbol, span: Span) -> Result<Core> {
        match self.resolve(name) {
            Resolved::Local(Binding::Var(var)) => {
                self.note_use(var);
                Ok(Core::new(CoreKind::Local(var), span))
            }
            Resolved::Local(Binding::Macro(m)) => Err(macro_as_variable(&m, span)),
            Resolved::Free(global) => match self.global_macros.get(&global) {
                Some(m) => Err(macro_as_variable(m, span)),
                None => {
                    self.note_close_local(name, global, span);
                    Ok(Core::new(CoreKind::Global(global), span))
                }
            },
        }
    }

    /// Records a local variable in scope whose name is close to the free
    /// reference `name` of an unbound global (only the innermost bindings are
    /// looked at, so deep nesting stays linear).
    fn note_close_local(&mut self, name: Symbol, global: Symbol, span: Span) {
        const LOOKED_AT: usize = 64;
        if self.scopes.is_empty() || (self.global_bound)(global) {
            return;
        }
        let text = name.name();
        if text.starts_with(' ') {
            return;
        }
        let locals = self
            .scopes
            .innermost_first()
            .take(LOOKED_AT)
            .filter(|(_, binding)| matches!(binding, Binding::Var(_)))
            .map(|(local, _)| local.name())
            .filter(|local| !local.starts_with(' '));
        if let Some(close) = crate::diagnostics::closest_name(&text, locals) {
            self.local_suggestions.push((span, Symbol::intern(&close)));
        }
    }

    /// The global a `set!` of free `name` assigns. A builtin a library
    /// exported is shared by every importer, so it cannot be assigned.
    fn assignable_global(&self, name: Symbol, span: Span) -> Result<Symbol> {
        let key = match self.resolve(name) {
            Resolved::Free(key) => key,
            Resolved::Local(_) => self.strip_symbol(name),
        };
        if crate::compile::env::is_system_key(key) {
            let shown = crate::compile::env::display_name(key);
            return Err(syntax_error(
                span,
                format!("set!: `{shown}` is an imported builtin and cannot be assigned"),
            )
            .with_help(format!(
                "define a variable of your own instead: (define {shown} ...)"
            )));
        }
        Ok(key)
    }

    fn note_use(&mut self, var: VarId) {
        let current = self.current_lambda();
        let info = &self.vars[var];
        if info.owner == current {
            return;
        }
        let inside_self = info
            .self_lambda
            .map(|l| self.lambda_stack.contains(&l))
            .unwrap_or(false);
        if inside_self {
            self.vars[var].captured_in_self = true;
        } else {
            self.vars[var].captured = true;
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

    fn expand_global_define(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        // Bound before the value is expanded, so that a procedure's references
        // to itself mean this definition even where the name was imported.
        if let Some((name, _)) = self.definition_name(datum) {
            self.define_key(name);
        }
        let (name, value) = self.define_parts(datum, items)?;
        let key = self.define_key(name);
        self.global_macros.remove(&key);
        Ok(Core::new(
            CoreKind::DefineGlobal(key, Box::new(value)),
            datum.span,
        ))
    }

    /// The key a top-level definition of `name` binds in this environment (a
    /// macro-introduced name defines the name it stands for).
    fn define_key(&mut self, name: Symbol) -> Symbol {
        let name = self.strip_symbol(name);
        self.envs[self.env].define(name)
    }

    /// Splits a `define` form into its name and expanded value.
    fn define_parts(&mut self, datum: &Datum, items: &[Datum]) -> Result<(Symbol, Core)> {
        let target = items.get(1).ok_or_else(|| {
            syntax_error(datum.span, "define: expected a name and a value")
                .with_help("write (define name value) or (define (name arg ...) body ...)")
        })?;
        match &target.kind {
            DatumKind::Symbol(name) => {
                let name = Symbol::intern(name);
                let value = match items.len() {
                    2 => Core::new(CoreKind::Const(Value::Unspecified), datum.span),
                    3 => self.expand_named(&items[2], Some(name), None)?,
                    _ => {
                        return Err(syntax_error(
                            items[3].span,
                            "define: too many expressions after the name",
                        )
                        .with_help("a variable definition takes one value: (define name value)"))
                    }
                };
                Ok((name, value))
            }
            DatumKind::List(_) | DatumKind::DottedList(..) => {
                // (define (name . params) body ...), possibly curried.
                let (head, params) = split_head(target).ok_or_else(|| {
                    syntax_error(target.span, "define: expected (name parameter ...)")
                })?;
                if items.len() < 3 {
                    return Err(syntax_error(datum.span, "define: procedure has no body"));
                }
                match &head.kind {
                    DatumKind::Symbol(name) => {
                        let name = Symbol::intern(name);
                        let lambda = self.expand_lambda_parts(
                            &params,
                            &items[2..],
                            Some(name),
                            None,
                            datum.span,
                        )?;
                        Ok((name, lambda))
                    }
                    DatumKind::List(_) | DatumKind::DottedList(..) => {
                        // Curried define: (define ((f a) b) body) = (define (f a) (lambda (b) body)).
                        let inner = Datum::new(
                            DatumKind::List(
                                std::iter::once(Datum::new(
                                    DatumKind::Symbol("lambda".into()),
                                    target.span,
                                ))
                                .chain(std::iter::once(params_datum(&params, target.span)))
                                .chain(items[2..].iter().cloned())
                                .collect(),
                            ),
                            datum.span,
                        );
                        let outer = Datum::new(
                            DatumKind::List(vec![items[0].clone(), head.clone(), inner]),
                            datum.span,
                        );
                        let outer_items = list_items(&outer).unwrap_or(&[]).to_vec();
                        self.define_parts(&outer, &outer_items)
                    }
                    _ => Err(syntax_error(head.span, "define: expected a name")),
                }
            }
            _ => Err(syntax_error(
                target.span,
                "define: expected a name or (name parameter ...)",
            )),
        }
    }

    /// Expands an expression that is being bound to `name` (so a lambda gets
    /// that name), and, for letrec bindings, to variable `binding`.
    fn expand_named(
        &mut self,
        datum: &Datum,
        name: Option<Symbol>,
        binding: Option<VarId>,
    ) -> Result<Core> {
        if let Some(items) = list_items(datum) {
            if items.first().and_then(|d| self.head_keyword(d)) == Some("lambda") {
                if items.len() < 3 {
                    return Err(
                        syntax_error(datum.span, "lambda: expected parameters and a body")
                            .with_help("write (lambda (arg ...) body ...)"),
                    );
                }
                let params = parse_params(&items[1])?;
                return self.expand_lambda_parts(&params, &items[2..], name, binding, datum.span);
            }
        }
        self.expand(datum)
    }

    /// Expands an expression. Code nests at most [`MAX_NESTING`] levels
    /// deep, as source text does: the limit matters for code that `eval` or
    /// a macro builds, and keeps every later pass over it shallow.
    pub fn expand(&mut self, datum: &Datum) -> Result<Core> {
        if self.nesting >= MAX_NESTING {
            return Err(nested_too_deeply(datum.span, self.last_macro));
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
                if let Some(head) = self.head_keyword(&items[0]) {
                    return self.expand_special(head, datum, items);
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

    fn expand_special(&mut self, head: &str, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        match head {
            "quote" => {
                expect_len(
                    items,
                    2,
                    span,
                    "quote: expected exactly one datum",
                    "(quote datum)",
                )?;
                Ok(Core::new(
                    CoreKind::Const(self.quote_value(&items[1])?),
                    span,
                ))
            }
            "quasiquote" => {
                expect_len(
                    items,
                    2,
                    span,
                    "quasiquote: expected exactly one template",
                    "`template",
                )?;
                quasi::expand_quasiquote(self, &items[1], 1)
            }
            "unquote" | "unquote-splicing" => Err(syntax_error(
                span,
                format!("{head}: only allowed inside a quasiquote"),
            )),
            "lambda" => self.expand_named(datum, None, None),
            "define" => Err(syntax_error(
                span,
                "define: only allowed at top level or at the start of a body",
            )
            .with_help("use set! to change an existing variable, or let to bind a new one")),
            "set!" => {
                expect_len(
                    items,
                    3,
                    span,
                    "set!: expected a variable and a value",
                    "(set! name value)",
                )?;
                let name = items[1]
                    .as_symbol()
                    .ok_or_else(|| syntax_error(items[1].span, "set!: expected a variable name"))?;
                let name = Symbol::intern(name);
                let value = self.expand(&items[2])?;
                match self.lookup(name) {
                    Some(var) => {
                        self.vars[var].assigned = true;
                        self.note_use(var);
                        Ok(Core::new(CoreKind::SetLocal(var, Box::new(value)), span))
                    }
                    None => Ok(Core::new(
                        CoreKind::SetGlobal(
                            self.assignable_global(name, items[1].span)?,
                            Box::new(value),
                        ),
                        span,
                    )),
                }
            }
            "if" => {
                if items.len() != 3 && items.len() != 4 {
                    return Err(syntax_error(
                        span,
                        "if: expected a test, a consequent and an optional alternative",
                    )
                    .with_help("write (if test then) or (if test then else)"));
                }
                let test = self.expand(&items[1])?;
                let then = self.expand(&items[2])?;
                let otherwise = match items.get(3) {
                    Some(d) => Some(Box::new(self.expand(d)?)),
                    None => None,
                };
                Ok(Core::new(
                    CoreKind::If(Box::new(test), Box::new(then), otherwise),
                    span,
                ))
            }
            "begin" => {
                if items.len() == 1 {
                    return Ok(Core::new(CoreKind::Const(Value::Unspecified), span));
                }
                let forms = self.expand_all(&items[1..])?;
                Ok(seq(forms, span))
            }
            "let" => self.expand_let(datum, items),
            "let*" => self.expand_let_star(datum, items),
            "letrec" | "letrec*" => self.expand_letrec(datum, items),
            "cond" => self.expand_cond(&items[1..], span),
            "case" => self.expand_case(datum, items),
            "and" => {
                let forms = self.expand_all(&items[1..])?;
                Ok(match forms.len() {
                    0 => Core::new(CoreKind::Const(Value::Bool(true)), span),
                    1 => forms
                        .into_iter()
                        .next()
                        .unwrap_or_else(|| unspecified(span)),
                    _ => Core::new(CoreKind::And(forms), span),
                })
            }
            "or" => {
                let forms = self.expand_all(&items[1..])?;
                Ok(match forms.len() {
                    0 => Core::new(CoreKind::Const(Value::Bool(false)), span),
                    1 => forms
                        .into_iter()
                        .next()
                        .unwrap_or_else(|| unspecified(span)),
                    _ => Core::new(CoreKind::Or(forms), span),
                })
            }
            "when" | "unless" => {
                if items.len() < 3 {
                    return Err(syntax_error(
                        span,
                        format!("{head}: expected a test and at least one expression"),
                    ));
                }
                let test = self.expand(&items[1])?;
                let body = seq(self.expand_all(&items[2..])?, span);
                let (then, otherwise) = if head == "when" {
                    (body, unspecified(span))
                } else {
                    (unspecified(span), body)
                };
                Ok(Core::new(
                    CoreKind::If(Box::new(test), Box::new(then), Some(Box::new(otherwise))),
                    span,
                ))
            }
            "do" => self.expand_do(datum, items),
            "delay" | "delay-force" | "make-promise-lazy" => {
                expect_len(
                    items,
                    2,
                    span,
                    &format!("{head}: expected one expression"),
                    "(delay expr)",
                )?;
                let thunk =
                    self.expand_lambda_parts(&Params::default(), &items[1..2], None, None, span)?;
                Ok(Core::new(
                    CoreKind::Delay(Box::new(thunk), head == "delay-force"),
                    span,
                ))
            }
            "cons-stream" => {
                expect_len(
                    items,
                    3,
                    span,
                    "cons-stream: expected a head and a tail",
                    "(cons-stream a b)",
                )?;
                let first = self.expand(&items[1])?;
                let thunk =
                    self.expand_lambda_parts(&Params::default(), &items[2..3], None, None, span)?;
                let promise = Core::new(CoreKind::Delay(Box::new(thunk), false), span);
                Ok(quasi::call_primitive(
                    quasi::cons_primitive(),
                    vec![first, promise],
                    span,
                ))
            }
            "with-arena" => self.expand_with_arena(datum, items),
            "define-syntax" => Err(syntax_error(
                span,
                "define-syntax: only allowed at top level or at the start of a body",
            )),
            "let-syntax" | "letrec-syntax" => {
                self.expand_let_syntax(datum, items, head == "letrec-syntax")
            }
            "guard" => self.expand_guard(datum, items),
            "let-values" => self.expand_let_values(datum, items, false),
            "let*-values" => self.expand_let_values(datum, items, true),
            "receive" => self.expand_receive(datum, items),
            "case-lambda" => self.expand_case_lambda(datum, items),
            "parameterize" => self.expand_parameterize(datum, items),
            "assert" => self.expand_assert(datum, items),
            "include" | "include-ci" => {
                let forms = self.include_forms(datum, items)?;
                Ok(seq(self.expand_all(&forms)?, span))
            }
            "cond-expand" => {
                let forms = self.cond_expand_forms(items)?;
                Ok(seq(self.expand_all(&forms)?, span))
            }
            "define-values" | "define-record-type" => Err(syntax_error(
                span,
                format!("{head}: only allowed at top level or at the start of a body"),
            )),
            _ => Err(syntax_error(span, format!("{head}: unknown special form"))),
        }
    }

    fn expand_all(&mut self, data: &[Datum]) -> Result<Vec<Core>> {
        data.iter().map(|d| self.expand(d)).collect()
    }

    /// Expands a lambda from its parsed parameter list and body.
    fn expand_lambda_parts(
        &mut self,
        params: &Params,
        body: &[Datum],
        name: Option<Symbol>,
        binding: Option<VarId>,
        span: Span,
    ) -> Result<Core> {
        let mut lambda = self.build_lambda(params, name, binding, span, |this| {
            this.expand_body(body, span)
        })?;
        if let (CoreKind::Lambda(core), [first, _, ..]) = (&mut lambda.kind, body) {
            if let DatumKind::String(doc) = &first.kind {
                core.doc = Some(Rc::from(doc.as_str()));
            }
        }
        Ok(lambda)
    }

    /// A lambda whose body `make_body` builds inside the lambda's scope (with
    /// the parameters bound).
    fn build_lambda(
        &mut self,
        params: &Params,
        name: Option<Symbol>,
        binding: Option<VarId>,
        span: Span,
        make_body: impl FnOnce(&mut Self) -> Result<Core>,
    ) -> Result<Core> {
        let id = self.next_lambda;
        self.next_lambda += 1;
        if let Some(var) = binding {
            self.vars[var].self_lambda = Some(id);
        }
        self.lambda_stack.push(id);
        self.scopes.push(Vec::new());
        let build = || -> Result<CoreLambda> {
            let mut param_vars = Vec::new();
            for (sym, _) in &params.required {
                let var = self.new_var(*sym);
                self.bind(*sym, var);
                param_vars.push(var);
            }
            let rest = params.rest.map(|(sym, _)| {
                let var = self.new_var(sym);
                self.bind(sym, var);
                var
            });
            let body = make_body(self)?;
            Ok(CoreLambda {
                id,
                name,
                params: param_vars,
                rest,
                body,
                doc: None,
            })
        };
        let result = build();
        self.scopes.pop();
        self.lambda_stack.pop();
        Ok(Core::new(CoreKind::Lambda(Box::new(result?)), span))
    }

    fn bind(&mut self, name: Symbol, var: VarId) {
        self.scopes.bind(name, Binding::Var(var));
    }

    /// Expands a body: internal definitions (anywhere among the expressions) get
    /// letrec* scope over the whole body.
    pub fn expand_body(&mut self, forms: &[Datum], span: Span) -> Result<Core> {
        if forms.is_empty() {
            return Err(syntax_error(
                span,
                "expected at least one expression in the body",
            ));
        }
        // The body's own scope: internal macros and definitions live here.
        self.scopes.push(Vec::new());
        let result = self.expand_body_in_scope(forms, span);
        self.scopes.pop();
        result
    }

    fn expand_body_in_scope(&mut self, forms: &[Datum], span: Span) -> Result<Core> {
        let mut flat = Vec::new();
        self.flatten_body(forms, &mut flat)?;
        let defined: Vec<(Symbol, Span)> = flat
            .iter()
            .filter_map(|d| self.definition_name(d))
            .collect();
        if defined.is_empty() {
            let exprs = flat
                .iter()
                .map(|d| self.expand(d))
                .collect::<Result<Vec<_>>>()?;
            return Ok(seq(exprs, span));
        }
        {
            let mut vars = Vec::new();
            for (name, name_span) in &defined {
                if vars.iter().any(|&v: &VarId| self.vars[v].name == *name) {
                    return Err(syntax_error(
                        *name_span,
                        format!("`{name}` is defined twice in the same body"),
                    ));
                }
                let var = self.new_var(*name);
                self.vars[var].letrec = true;
                self.bind(*name, var);
                vars.push(var);
            }
            let mut items = Vec::new();
            for datum in &flat {
                if self.definition_name(datum).is_some() {
                    let form = list_items(datum).unwrap_or(&[]);
                    let (name, value) = self.define_parts_local(datum, form)?;
                    let var = self.lookup(name).unwrap_or(0);
                    items.push(BodyItem::Define(var, value));
                } else {
                    items.push(BodyItem::Expr(self.expand(datum)?));
                }
            }
            Ok(Core::new(CoreKind::Body(vars, items), span))
        }
    }

    fn define_parts_local(&mut self, datum: &Datum, items: &[Datum]) -> Result<(Symbol, Core)> {
        // The binding hint lets a recursive procedure refer to itself without a box.
        let name = self.definition_name(datum).map(|(n, _)| n);
        let var = name.and_then(|n| self.lookup(n));
        if let (Some(var), Some(target)) = (var, items.get(1)) {
            if let Some(value) = items.get(2) {
                if target.as_symbol().is_some() && items.len() == 3 {
                    let core = self.expand_named(value, name, Some(var))?;
                    return Ok((self.vars[var].name, core));
                }
            }
            if let Some((head, params)) = split_head(target) {
                if head.as_symbol().is_some() && items.len() >= 3 {
                    let core = self.expand_lambda_parts(
                        &params,
                        &items[2..],
                        name,
                        Some(var),
                        datum.span,
                    )?;
                    return Ok((self.vars[var].name, core));
                }
            }
        }
        self.define_parts(datum, items)
    }

    /// Splices `(begin ...)` forms of a body into one list, after rewriting
    /// definition forms (`define-values`, `define-record-type`, `include`) into
    /// plain `define`s.
    /// The forms written in the body are borrowed, not copied, so nested
    /// bodies cost memory linear in the source, not in its depth squared.
    fn flatten_body<'d>(
        &mut self,
        forms: &'d [Datum],
        out: &mut Vec<Cow<'d, Datum>>,
    ) -> Result<()> {
        crate::native_stack::deeper(|| self.flatten_body_inner(forms, out))
    }

    /// Flattens a form the expander made (a rewritten definition, a macro's
    /// output) into owned forms.
    fn flatten_made(&mut self, form: Datum, out: &mut Vec<Cow<'_, Datum>>) -> Result<()> {
        let mut made = Vec::new();
        self.flatten_body(std::slice::from_ref(&form), &mut made)?;
        out.extend(made.into_iter().map(|f| Cow::Owned(f.into_owned())));
        Ok(())
    }

    fn flatten_body_inner<'d>(
        &mut self,
        forms: &'d [Datum],
        out: &mut Vec<Cow<'d, Datum>>,
    ) -> Result<()> {
        for form in forms {
            if let Some(rewritten) = self.rewrite_definition(form)? {
                self.flatten_made(rewritten, out)?;
                continue;
            }
            if let Some(expanded) = self.expand_head(form)? {
                self.flatten_made(expanded, out)?;
                continue;
            }
            if let Some(items) = list_items(form) {
                match items.first().and_then(|d| self.head_keyword(d)) {
                    Some("begin") if items.len() > 1 => {
                        self.flatten_body(&items[1..], out)?;
                        continue;
                    }
                    Some("define-syntax") => {
                        self.define_local_macro(form, items)?;
                        continue;
                    }
                    _ => {}
                }
            }
            out.push(Cow::Borrowed(form));
        }
        Ok(())
    }

    /// The name a body form defines, if it is a definition.
    fn definition_name(&self, datum: &Datum) -> Option<(Symbol, Span)> {
        let items = list_items(datum)?;
        if self.head_keyword(items.first()?) != Some("define") {
            return None;
        }
        let mut target = items.get(1)?;
        loop {
            match &target.kind {
                DatumKind::Symbol(name) => return Some((Symbol::intern(name), target.span)),
                DatumKind::List(inner) if !inner.is_empty() => target = &inner[0],
                DatumKind::DottedList(inner, _) if !inner.is_empty() => target = &inner[0],
                _ => return None,
            }
        }
    }

    fn parse_bindings<'d>(
        &self,
        datum: &'d Datum,
        form: &str,
    ) -> Result<Vec<(Symbol, Span, Option<&'d Datum>)>> {
        let items = list_items(datum).ok_or_else(|| {
            syntax_error(datum.span, format!("{form}: expected a list of bindings"))
                .with_help(format!("write ({form} ((name value) ...) body ...)"))
        })?;
        let mut out: Vec<(Symbol, Span, Option<&'d Datum>)> = Vec::new();
        for binding in items {
            let parts = list_items(binding);
            let (name, value) = match parts {
                Some([name, value]) => (name, Some(value)),
                Some([name]) if form == "do" => (name, None),
                _ => {
                    return Err(syntax_error(
                        binding.span,
                        format!("{form}: each binding must be (name value)"),
                    ))
                }
            };
            let sym = name.as_symbol().ok_or_else(|| {
                syntax_error(name.span, format!("{form}: binding name must be a symbol"))
            })?;
            let sym = Symbol::intern(sym);
            if form != "let*" && out.iter().any(|(s, _, _)| *s == sym) {
                return Err(syntax_error(
                    name.span,
                    format!("{form}: `{sym}` is bound twice"),
                ));
            }
            out.push((sym, name.span, value));
        }
        Ok(out)
    }

    fn expand_let(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        if let Some(name) = items.get(1).and_then(Datum::as_symbol) {
            return self.expand_named_let(Symbol::intern(name), datum, items);
        }
        if items.len() < 3 {
            return Err(syntax_error(span, "let: expected bindings and a body")
                .with_help("write (let ((name value) ...) body ...)"));
        }
        let bindings = self.parse_bindings(&items[1], "let")?;
        let mut inits = Vec::new();
        for (name, _, value) in &bindings {
            let value = value
                .as_ref()
                .ok_or_else(|| syntax_error(span, "let: missing value"))?;
            inits.push(self.expand_named(value, Some(*name), None)?);
        }
        self.scopes.push(Vec::new());
        let result = (|| {
            let mut pairs = Vec::new();
            for ((name, _, _), init) in bindings.iter().zip(inits) {
                let var = self.new_var(*name);
                pairs.push((var, init));
            }
            for (i, (name, _, _)) in bindings.iter().enumerate() {
                self.bind(*name, pairs[i].0);
            }
            let body = self.expand_body(&items[2..], span)?;
            Ok(Core::new(CoreKind::Let(pairs, Box::new(body)), span))
        })();
        self.scopes.pop();
        result
    }

    fn expand_named_let(&mut self, name: Symbol, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        if items.len() < 4 {
            return Err(
                syntax_error(span, "let: named let needs bindings and a body")
                    .with_help("write (let name ((var init) ...) body ...)"),
            );
        }
        let bindings = self.parse_bindings(&items[2], "let")?;
        let mut inits = Vec::new();
        for (_, _, value) in &bindings {
            let value = value
                .as_ref()
                .ok_or_else(|| syntax_error(span, "let: missing value"))?;
            inits.push(self.expand(value)?);
        }
        let params = Params {
            required: bindings.iter().map(|(s, sp, _)| (*s, *sp)).collect(),
            rest: None,
        };
        let proc = self.loop_procedure(name, &params, &items[3..], span)?;
        Ok(Core::new(CoreKind::Call(Box::new(proc), inits), span))
    }

    /// `(letrec ((name (lambda params body))) name)`: the procedure of a named
    /// let or `do` loop.
    fn loop_procedure(
        &mut self,
        name: Symbol,
        params: &Params,
        body: &[Datum],
        span: Span,
    ) -> Result<Core> {
        self.scopes.push(Vec::new());
        let result = (|| {
            let var = self.new_var(name);
            self.vars[var].letrec = true;
            self.bind(name, var);
            let lambda = self.expand_lambda_parts(params, body, Some(name), Some(var), span)?;
            self.note_use(var);
            Ok(Core::new(
                CoreKind::Body(
                    vec![var],
                    vec![
                        BodyItem::Define(var, lambda),
                        BodyItem::Expr(Core::new(CoreKind::Local(var), span)),
                    ],
                ),
                span,
            ))
        })();
        self.scopes.pop();
        result
    }

    fn expand_let_star(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        if items.len() < 3 {
            return Err(syntax_error(span, "let*: expected bindings and a body")
                .with_help("write (let* ((name value) ...) body ...)"));
        }
        let bindings = self.parse_bindings(&items[1], "let*")?;
        let depth = self.scopes.len();
        let result = (|| {
            let mut lets = Vec::new();
            for (name, _, value) in &bindings {
                let value = value
                    .as_ref()
                    .ok_or_else(|| syntax_error(span, "let*: missing value"))?;
                let init = self.expand_named(value, Some(*name), None)?;
                let var = self.new_var(*name);
                self.scopes.push(vec![(*name, Binding::Var(var))]);
                lets.push((var, init));
            }
            let mut body = self.expand_body(&items[2..], span)?;
            for (var, init) in lets.into_iter().rev() {
                body = Core::new(CoreKind::Let(vec![(var, init)], Box::new(body)), span);
            }
            Ok(body)
        })();
        self.scopes.truncate(depth);
        result
    }

    fn expand_letrec(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        let head = items[0].as_symbol().unwrap_or("letrec");
        if items.len() < 3 {
            return Err(syntax_error(
                span,
                format!("{head}: expected bindings and a body"),
            ));
        }
        let bindings = self.parse_bindings(&items[1], head)?;
        self.scopes.push(Vec::new());
        let result = (|| {
            let mut vars = Vec::new();
            for (name, _, _) in &bindings {
                let var = self.new_var(*name);
                self.vars[var].letrec = true;
                self.bind(*name, var);
                vars.push(var);
            }
            let mut body_items = Vec::new();
            for ((name, _, value), var) in bindings.iter().zip(&vars) {
                let value = value
                    .as_ref()
                    .ok_or_else(|| syntax_error(span, "letrec: missing value"))?;
                let init = self.expand_named(value, Some(*name), Some(*var))?;
                body_items.push(BodyItem::Define(*var, init));
            }
            let body = self.expand_body(&items[2..], span)?;
            body_items.push(BodyItem::Expr(body));
            Ok(Core::new(CoreKind::Body(vars, body_items), span))
        })();
        self.scopes.pop();
        result
    }

    fn expand_cond(&mut self, clauses: &[Datum], span: Span) -> Result<Core> {
        self.expand_cond_or(clauses, span, None)
    }

    /// `cond` clauses; when none applies, `fallback` (or the unspecified value).
    fn expand_cond_or(
        &mut self,
        clauses: &[Datum],
        span: Span,
        fallback: Option<Core>,
    ) -> Result<Core> {
        let Some((clause, rest)) = clauses.split_first() else {
            return Ok(fallback.unwrap_or_else(|| unspecified(span)));
        };
        let parts = list_items(clause)
            .filter(|p| !p.is_empty())
            .ok_or_else(|| {
                syntax_error(
                    clause.span,
                    "cond: each clause must be (test expression ...)",
                )
            })?;
        let is_else = self.means(&parts[0], "else");
        if is_else {
            if !rest.is_empty() {
                return Err(syntax_error(
                    rest[0].span,
                    "cond: clauses after `else` can never run",
                ));
            }
            if parts.len() < 2 {
                return Err(syntax_error(
                    clause.span,
                    "cond: `else` clause needs an expression",
                ));
            }
            return Ok(seq(self.expand_all(&parts[1..])?, clause.span));
        }
        let test = self.expand(&parts[0])?;
        let otherwise = if rest.is_empty() {
            fallback.map(Box::new)
        } else {
            Some(Box::new(self.expand_cond_or(rest, span, fallback)?))
        };
        if parts.get(1).is_some_and(|d| self.means(d, "=>")) {
            if parts.len() != 3 {
                return Err(syntax_error(
                    clause.span,
                    "cond: expected (test => receiver)",
                ));
            }
            let receiver = self.expand(&parts[2])?;
            return Ok(Core::new(
                CoreKind::CondArrow(Box::new(test), Box::new(receiver), otherwise),
                clause.span,
            ));
        }
        if parts.len() == 1 {
            // (test): the value of the test if true.
            let mut alternatives = vec![test];
            alternatives.push(otherwise.map(|b| *b).unwrap_or_else(|| unspecified(span)));
            return Ok(Core::new(CoreKind::Or(alternatives), clause.span));
        }
        let body = seq(self.expand_all(&parts[1..])?, clause.span);
        Ok(Core::new(
            CoreKind::If(Box::new(test), Box::new(body), otherwise),
            clause.span,
        ))
    }

    fn expand_case(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        if items.len() < 2 {
            return Err(syntax_error(span, "case: expected a key and clauses"));
        }
        let key = self.expand(&items[1])?;
        let mut clauses = Vec::new();
        let mut else_clause = None;
        for (i, clause) in items[2..].iter().enumerate() {
            let parts = list_items(clause).filter(|p| p.len() >= 2).ok_or_else(|| {
                syntax_error(
                    clause.span,
                    "case: each clause must be ((datum ...) expression ...)",
                )
            })?;
            let arrow = self.means(&parts[1], "=>");
            if arrow && parts.len() != 3 {
                return Err(syntax_error(
                    clause.span,
                    "case: expected (data => receiver)",
                ));
            }
            let body = if arrow {
                self.expand(&parts[2])?
            } else {
                seq(self.expand_all(&parts[1..])?, clause.span)
            };
            if self.means(&parts[0], "else") {
                if i + 3 != items.len() {
                    return Err(syntax_error(
                        clause.span,
                        "case: `else` must be the last clause",
                    ));
                }
                else_clause = Some(Box::new((body, arrow)));
                continue;
            }
            let data = list_items(&parts[0])
                .ok_or_else(|| syntax_error(parts[0].span, "case: expected a list of data"))?;
            clauses.push(CaseClause {
                data: data
                    .iter()
                    .map(|d| self.quote_value(d))
                    .collect::<Result<_>>()?,
                body,
                arrow,
            });
        }
        Ok(Core::new(
            CoreKind::Case(Box::new(key), clauses, else_clause),
            span,
        ))
    }

    fn expand_do(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        if items.len() < 3 {
            return Err(
                syntax_error(span, "do: expected bindings and a (test result ...) clause")
                    .with_help("write (do ((var init step) ...) (test result ...) body ...)"),
            );
        }
        let specs = list_items(&items[1])
            .ok_or_else(|| syntax_error(items[1].span, "do: expected a list of (var init step)"))?;
        let mut vars = Vec::new();
        let mut inits = Vec::new();
        let mut steps = Vec::new();
        for spec in specs {
            let parts = list_items(spec)
                .filter(|p| p.len() == 2 || p.len() == 3)
                .ok_or_else(|| {
                    syntax_error(spec.span, "do: each binding must be (var init [step])")
                })?;
            let name = parts[0]
                .as_symbol()
                .ok_or_else(|| syntax_error(parts[0].span, "do: variable must be a symbol"))?;
            vars.push((Symbol::intern(name), parts[0].span));
            inits.push(self.expand(&parts[1])?);
            steps.push(parts.get(2).cloned().unwrap_or_else(|| parts[0].clone()));
        }
        let exit = list_items(&items[2])
            .filter(|p| !p.is_empty())
            .ok_or_else(|| syntax_error(items[2].span, "do: expected (test result ...)"))?;
        // Loop body as data, with a name no program can spell:
        // (if test (begin result ...) (begin body ... (loop step ...)))
        let loop_name = Symbol::gensym("do-loop");
        let sym = |s: &str, sp: Span| Datum::new(DatumKind::Symbol(s.into()), sp);
        let mut recur = vec![sym(&loop_name.name(), span)];
        recur.extend(steps);
        let mut then = vec![sym("begin", span)];
        if exit.len() > 1 {
            then.extend(exit[1..].iter().cloned());
        } else {
            then.push(Datum::new(
                DatumKind::List(vec![
                    sym("if", span),
                    Datum::new(DatumKind::Bool(false), span),
                    Datum::new(DatumKind::Bool(false), span),
                ]),
                span,
            ));
        }
        let mut otherwise = vec![sym("begin", span)];
        otherwise.extend(items[3..].iter().cloned());
        otherwise.push(Datum::new(DatumKind::List(recur), span));
        let body = Datum::new(
            DatumKind::List(vec![
                sym("if", span),
                exit[0].clone(),
                Datum::new(DatumKind::List(then), span),
                Datum::new(DatumKind::List(otherwise), span),
            ]),
            span,
        );
        let params = Params {
            required: vars,
            rest: None,
        };
        let proc = self.loop_procedure(loop_name, &params, std::slice::from_ref(&body), span)?;
        Ok(Core::new(CoreKind::Call(Box::new(proc), inits), span))
    }
}

impl Expander<'_> {
    /// `(with-arena (name size [limit]) body ...)`: calls the body with a new
    /// arena bound to `name` and destroys the arena on every exit, normal or not.
    fn expand_with_arena(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        let usage =
            "write (with-arena (name size) body ...) or (with-arena (name size limit) body ...)";
        let spec = items
            .get(1)
            .and_then(list_items)
            .filter(|spec| spec.len() == 2 || spec.len() == 3)
            .ok_or_else(|| {
                syntax_error(span, "with-arena: expected (name size) and a body").with_help(usage)
            })?;
        if items.len() < 3 {
            return Err(syntax_error(span, "with-arena: expected a body").with_help(usage));
        }
        let name = spec[0].as_symbol().ok_or_else(|| {
            syntax_error(
                spec[0].span,
                "with-arena: the arena's name must be a symbol",
            )
        })?;
        let size = self.expand(&spec[1])?;
        let params = Params {
            required: vec![(Symbol::intern(name), spec[0].span)],
            rest: None,
        };
        let body = self.expand_lambda_parts(&params, &items[2..], None, None, span)?;
        let mut args = vec![size, body];
        if let Some(limit) = spec.get(2) {
            args.push(self.expand(limit)?);
        }
        call_builtin("call-with-arena", args, span)
    }
}

/// Special-form keywords.
pub const KEYWORDS: &[&str] = &[
    "quote",
    "quasiquote",
    "unquote",
    "unquote-splicing",
    "lambda",
    "define",
    "set!",
    "if",
    "begin",
    "let",
    "let*",
    "letrec",
    "letrec*",
    "cond",
    "case",
    "and",
    "or",
    "when",
    "unless",
    "do",
    "delay",
    "delay-force",
    "make-promise-lazy",
    "cons-stream",
    "with-arena",
    "guard",
    "let-values",
    "let*-values",
    "receive",
    "case-lambda",
    "parameterize",
    "assert",
    "include",
    "include-ci",
    "define-values",
    "define-record-type",
    "define-syntax",
    "let-syntax",
    "letrec-syntax",
    "cond-expand",
];

/// A call of the builtin `name`, whatever the program has bound that name to.
fn call_builtin(name: &str, args: Vec<Core>, span: Span) -> Result<Core> {
    let primitive = crate::builtins::builtin(name).ok_or_else(|| {
        Error::new(
            ErrorKind::Syntax,
            format!("internal error: no builtin `{name}`"),
        )
        .at(span)
    })?;
    Ok(quasi::call_primitive(primitive, args, span))
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

/// A parsed parameter list.
#[derive(Default, Clone)]
pub struct Params {
    pub required: Vec<(Symbol, Span)>,
    pub rest: Option<(Symbol, Span)>,
}

/// Parses `(a b)`, `(a . rest)` or `args`.
fn parse_params(datum: &Datum) -> Result<Params> {
    let mut params = Params::default();
    let (items, rest): (&[Datum], Option<&Datum>) = match &datum.kind {
        DatumKind::Symbol(_) => (&[], Some(datum)),
        DatumKind::List(items) => (items, None),
        DatumKind::DottedList(items, rest) => (items, Some(rest)),
        _ => {
            return Err(
                syntax_error(datum.span, "lambda: expected a parameter list")
                    .with_help("write (lambda (arg ...) body ...) or (lambda args body ...)"),
            )
        }
    };
    let mut seen: Vec<Symbol> = Vec::new();
    let mut take = |d: &Datum| -> Result<(Symbol, Span)> {
        let name = d
            .as_symbol()
            .ok_or_else(|| syntax_error(d.span, "lambda: parameters must be symbols"))?;
        let sym = Symbol::intern(name);
        if seen.contains(&sym) {
            return Err(syntax_error(
                d.span,
                format!("lambda: parameter `{name}` appears twice"),
            ));
        }
        seen.push(sym);
        Ok((sym, d.span))
    };
    for item in items {
        params.required.push(take(item)?);
    }
    if let Some(rest) = rest {
        params.rest = Some(take(rest)?);
    }
    Ok(params)
}

/// Splits `(name . params)` into the name datum and parsed parameters.
fn split_head(datum: &Datum) -> Option<(Datum, Params)> {
    let (items, tail) = match &datum.kind {
        DatumKind::List(items) if !items.is_empty() => (items.as_slice(), None),
        DatumKind::DottedList(items, tail) if !items.is_empty() => (items.as_slice(), Some(tail)),
        _ => return None,
    };
    let rest_datum = match tail {
        Some(t) if items.len() == 1 => (**t).clone(),
        Some(t) => Datum::new(
            DatumKind::DottedList(items[1..].to_vec(), t.clone()),
            datum.span,
        ),
        None => Datum::new(DatumKind::List(items[1..].to_vec()), datum.span),
    };
    let params = parse_params(&rest_datum).ok()?;
    Some((items[0].clone(), params))
}

fn params_datum(params: &Params, span: Span) -> Datum {
    let sym = |(s, sp): &(Symbol, Span)| Datum::new(DatumKind::Symbol(s.name().to_string()), *sp);
    let required: Vec<Datum> = params.required.iter().map(sym).collect();
    match &params.rest {
        None => Datum::new(DatumKind::List(required), span),
        Some(rest) if required.is_empty() => sym(rest),
        Some(rest) => Datum::new(DatumKind::DottedList(required, Box::new(sym(rest))), span),
    }
}
