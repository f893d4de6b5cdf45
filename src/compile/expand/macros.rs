//! `define-syntax`, `let-syntax`, `letrec-syntax` and macro uses, with hygiene
//! by renaming.
//!
//! Every symbol a `syntax-rules` template introduces is renamed to a fresh
//! *alias* that remembers the original name and the scope depth where the
//! macro was defined. An alias bound by a binding form in the expansion is an
//! ordinary new variable (so a macro's `tmp` never captures the user's `tmp`);
//! an alias left free means its original name as seen at the macro's
//! definition (so a template's `if` is the special form even where the user
//! has a local named `if`). Quoted data get their aliases' original names back.

use super::*;
use crate::compile::syntax_rules::SyntaxRules;
use std::collections::HashSet;

/// A macro: a `syntax-rules` transformer and where it was defined.
pub struct Macro {
    pub name: Symbol,
    rules: SyntaxRules,
    /// How many scopes were open where the macro was defined: free names in
    /// its templates resolve in those scopes only.
    def_depth: usize,
    /// The top-level environment it was defined in, where its free names
    /// resolve (a library's macro uses the library's bindings).
    env: EnvId,
}

/// What a name is bound to in a scope.
#[derive(Clone)]
pub(super) enum Binding {
    Var(VarId),
    Macro(Rc<Macro>),
}

/// A template-introduced name.
pub struct Alias {
    original: Symbol,
    def_depth: usize,
    env: EnvId,
}

/// Forgets the aliases no stored macro refers to, and hands their names back
/// for reuse. Aliases are made afresh by every macro expansion, so a program
/// that expands macros without end (`eval` in a loop) would otherwise keep
/// them all. After a top-level form is compiled, only the global macros can
/// still mention an alias: compiled code refers to slots and global cells,
/// and quoted data has its aliases stripped.
pub fn prune_aliases(macros: &HashMap<Symbol, Rc<Macro>>, aliases: &mut HashMap<Symbol, Alias>) {
    let mut live: HashSet<Symbol> = HashSet::new();
    let mut pending: Vec<Symbol> = Vec::new();
    for m in macros.values() {
        m.rules
            .for_each_name(&mut |name| pending.push(Symbol::intern(name)));
    }
    // An alias may stand for another alias: keep the whole chain.
    while let Some(name) = pending.pop() {
        if let Some(alias) = aliases.get(&name) {
            if live.insert(name) {
                pending.push(alias.original);
            }
        }
    }
    aliases.retain(|name, alias| {
        let keep = live.contains(name);
        if !keep {
            Symbol::recycle_gensym(*name, alias.original);
        }
        keep
    });
}

/// What a name means at a given place.
pub(super) enum Resolved {
    Local(Binding),
    /// Not bound locally: a global, a global macro or a keyword, by its key
    /// (see [`crate::compile::env`]).
    Free(Symbol),
}

/// Macro expansions allowed in one top-level form (stops a macro that keeps
/// expanding into itself).
const MAX_EXPANSIONS: usize = 10_000;

/// Data nodes all macro expansions of one top-level form may produce, in
/// total (each costs about 100 bytes while it lives, so at most about a
/// gigabyte). A macro that doubles its input, or one that grows it a little
/// at each of thousands of steps, stops here with a syntax error instead of
/// exhausting memory; a recursive macro over 3,000 elements (4.5 million
/// nodes in all) still expands.
const MAX_EXPANDED_NODES: usize = 10_000_000;

/// Data nodes one expansion may produce: no code a person writes needs
/// more, and a macro that doubles its input stops after about 20 steps.
const MAX_NODES_PER_EXPANSION: usize = 1_000_000;

/// Expanded nodes between two comparisons of resident memory with
/// `--max-memory`.
const NODES_BETWEEN_MEMORY_CHECKS: usize = 1 << 16;

/// The number of nodes (lists, vectors, atoms) in a datum.
fn datum_nodes(datum: &Datum) -> usize {
    let mut count = 0;
    let mut pending = vec![datum];
    while let Some(d) = pending.pop() {
        count += 1;
        match &d.kind {
            DatumKind::List(items) | DatumKind::Vector(items) => pending.extend(items),
            DatumKind::DottedList(items, tail) => {
                pending.extend(items);
                pending.push(tail);
            }
            DatumKind::Label(_, inner) => pending.push(inner),
            _ => {}
        }
    }
    count
}

pub(super) fn macro_as_variable(m: &Macro, span: Span) -> Error {
    syntax_error(span, format!("`{}` is a macro, not a variable", m.name))
        .with_help(format!("use it at the head of a form: ({} ...)", m.name))
}

impl Expander<'_> {
    /// What `name` means here: local bindings first; for an alias, then the
    /// bindings visible where its macro was defined.
    pub(super) fn resolve(&self, name: Symbol) -> Resolved {
        let mut name = name;
        let mut depth = self.scopes.len();
        let mut env = self.env;
        loop {
            let found = self.scopes.find(name, depth);
            if let Some(binding) = found {
                return Resolved::Local(binding);
            }
            match self.aliases.get(&name) {
                Some(alias) => {
                    name = alias.original;
                    depth = depth.min(alias.def_depth);
                    env = alias.env;
                }
                None => return Resolved::Free(self.envs[env].key(name)),
            }
        }
    }

    /// The name an alias stands for (itself if it is not an alias).
    pub(super) fn strip_symbol(&self, name: Symbol) -> Symbol {
        let mut name = name;
        while let Some(alias) = self.aliases.get(&name) {
            name = alias.original;
        }
        name
    }

    /// A copy of `datum` with every alias replaced by its original name.
    fn strip_datum(&self, datum: &Datum) -> Datum {
        let stand_in = || Datum::new(DatumKind::Bool(false), datum.span);
        crate::native_stack::deeper_or(stand_in, || {
            let kind = match &datum.kind {
                DatumKind::Symbol(name) => {
                    let symbol = Symbol::intern(name);
                    if !self.aliases.contains_key(&symbol) {
                        return datum.clone();
                    }
                    DatumKind::Symbol(self.strip_symbol(symbol).name().to_string())
                }
                DatumKind::List(items) => {
                    DatumKind::List(items.iter().map(|d| self.strip_datum(d)).collect())
                }
                DatumKind::DottedList(items, tail) => DatumKind::DottedList(
                    items.iter().map(|d| self.strip_datum(d)).collect(),
                    Box::new(self.strip_datum(tail)),
                ),
                DatumKind::Vector(items) => {
                    DatumKind::Vector(items.iter().map(|d| self.strip_datum(d)).collect())
                }
                DatumKind::Label(n, inner) => {
                    DatumKind::Label(*n, Box::new(self.strip_datum(inner)))
                }
                _ => return datum.clone(),
            };
            Datum::new(kind, datum.span)
        })
    }

    /// The value of a quoted datum (aliases back to their original names).
    pub(crate) fn quote_value(&self, datum: &Datum) -> Result<Value> {
        if self.aliases.is_empty() {
            datum_to_value(datum)
        } else {
            datum_to_value(&self.strip_datum(datum))
        }
    }

    /// Whether a datum is the identifier `word`, for other modules.
    pub(crate) fn is_identifier(&self, datum: &Datum, word: &str) -> bool {
        self.means(datum, word)
    }

    /// The macro a form's head names, if any.
    fn macro_of(&self, datum: &Datum) -> Option<Rc<Macro>> {
        let items = list_items(datum)?;
        let name = items.first()?.as_symbol()?;
        match self.resolve(Symbol::intern(name)) {
            Resolved::Local(Binding::Macro(m)) => Some(m),
            Resolved::Local(Binding::Var(_)) => None,
            Resolved::Free(global) => self.global_macros.get(&global).cloned(),
        }
    }

    /// Expands the macro use `datum` once, names shown as written (`None`
    /// when its head names no macro): what the REPL's `:expand1` shows.
    pub fn expand_once(&mut self, datum: &Datum) -> Result<Option<Datum>> {
        Ok(self
            .expand_macro_use(datum)?
            .map(|expanded| self.strip_datum(&expanded)))
    }

    /// Expands every macro use in `datum`: the form itself until its head is
    /// no macro, then each of its subforms, except inside quotations and
    /// macro definitions (what the REPL's `:expand` shows). Local macros
    /// (`let-syntax`) and local rebindings of a macro's name are not
    /// tracked; the total number of expansions is bounded as in compilation.
    pub fn expand_everywhere(&mut self, datum: &Datum) -> Result<Datum> {
        let expanded = self.expand_subforms(datum)?;
        Ok(self.strip_datum(&expanded))
    }

    fn expand_subforms(&mut self, datum: &Datum) -> Result<Datum> {
        const OPAQUE: &[&str] = &[
            "quote",
            "quasiquote",
            "define-syntax",
            "let-syntax",
            "letrec-syntax",
            "syntax-rules",
        ];
        let expanded = self.expand_head(datum)?;
        let form = expanded.as_ref().unwrap_or(datum);
        crate::native_stack::deeper(|| {
            let kind = match &form.kind {
                DatumKind::List(items) => {
                    let opaque = items
                        .first()
                        .is_some_and(|head| OPAQUE.iter().any(|word| self.means(head, word)));
                    if opaque {
                        return Ok(form.clone());
                    }
                    DatumKind::List(self.expand_each(items)?)
                }
                DatumKind::DottedList(items, tail) => DatumKind::DottedList(
                    self.expand_each(items)?,
                    Box::new(self.expand_subforms(tail)?),
                ),
                _ => return Ok(form.clone()),
            };
            Ok(Datum::new(kind, form.span))
        })
    }

    fn expand_each(&mut self, items: &[Datum]) -> Result<Vec<Datum>> {
        items.iter().map(|d| self.expand_subforms(d)).collect()
    }

    /// Expands `datum` until its head names no macro (`None` when it is no
    /// macro use). Each step replaces the last, which is dropped rather than
    /// kept alive while the rest expands.
    pub(super) fn expand_head(&mut self, datum: &Datum) -> Result<Option<Datum>> {
        let Some(mut expanded) = self.expand_macro_use(datum)? else {
            return Ok(None);
        };
        while let Some(next) = self.expand_macro_use(&expanded)? {
            expanded = next;
        }
        Ok(Some(expanded))
    }

    /// Expands a macro use once, or `None` if `datum` is not one.
    pub(super) fn expand_macro_use(&mut self, datum: &Datum) -> Result<Option<Datum>> {
        let Some(m) = self.macro_of(datum) else {
            return Ok(None);
        };
        if self.expansion_depth >= MAX_EXPANSIONS {
            return Err(syntax_error(
                datum.span,
                format!("macro `{}` keeps expanding into itself", m.name),
            ));
        }
        let mut introduced: Vec<(Symbol, Symbol)> = Vec::new();
        let (def_depth, env) = (m.def_depth, m.env);
        let mut rename = |name: &str| -> String {
            let alias = Symbol::gensym(name);
            introduced.push((alias, Symbol::intern(name)));
            alias.name().to_string()
        };
        let literal_matches = |literal: &str, input: &str| -> bool {
            let input = self.strip_symbol(Symbol::intern(input));
            *input.name() == *literal
        };
        let expanded = m.rules.expand(datum, &mut rename, &literal_matches)?;
        for (alias, original) in introduced {
            self.aliases.insert(
                alias,
                Alias {
                    original,
                    def_depth,
                    env,
                },
            );
        }
        self.expansion_depth += 1;
        self.last_macro = Some(m.name);
        self.charge_expansion(&m, datum, &expanded)?;
        Ok(Some(expanded))
    }

    /// Counts an expansion's size against [`MAX_EXPANDED_NODES`] and, now
    /// and then, resident memory against `--max-memory`.
    fn charge_expansion(&mut self, m: &Macro, use_site: &Datum, expanded: &Datum) -> Result<()> {
        let before = self.expanded_nodes;
        let nodes = datum_nodes(expanded);
        self.expanded_nodes += nodes;
        if nodes > MAX_NODES_PER_EXPANSION || self.expanded_nodes > MAX_EXPANDED_NODES {
            return Err(syntax_error(
                use_site.span,
                format!(
                    "macro `{}` expands into too much code ({} parts, the most is {})",
                    m.name,
                    if nodes > MAX_NODES_PER_EXPANSION { nodes } else { self.expanded_nodes },
                    if nodes > MAX_NODES_PER_EXPANSION {
                        format!("{MAX_NODES_PER_EXPANSION} in one expansion")
                    } else {
                        format!("{MAX_EXPANDED_NODES} in one top-level form")
                    }
                ),
            )
            .with_help("a macro that copies its input at every step grows exponentially: check its recursion"));
        }
        let crossed = before / NODES_BETWEEN_MEMORY_CHECKS
            != self.expanded_nodes / NODES_BETWEEN_MEMORY_CHECKS;
        if let (true, Some(limit)) = (crossed, self.max_memory) {
            let resident = crate::process_memory::resident_bytes().unwrap_or(0);
            if resident > limit {
                return Err(Error::new(
                    ErrorKind::Memory,
                    format!(
                        "macro `{}`: memory limit exceeded while expanding: {} resident, the limit is {}",
                        m.name,
                        crate::diagnostics::human_bytes(resident),
                        crate::diagnostics::human_bytes(limit)
                    ),
                )
                .at(use_site.span));
            }
        }
        Ok(())
    }

    /// Parses a macro definition's transformer.
    fn parse_macro(&self, name: &Datum, spec: &Datum, def_depth: usize) -> Result<Rc<Macro>> {
        let name = name.as_symbol().ok_or_else(|| {
            syntax_error(name.span, "define-syntax: the macro name must be a symbol")
        })?;
        let strip = |text: &str| self.strip_symbol(Symbol::intern(text)).name().to_string();
        let rules = SyntaxRules::parse(spec, &strip)?;
        Ok(Rc::new(Macro {
            name: self.strip_symbol(Symbol::intern(name)),
            rules,
            def_depth,
            env: self.env,
        }))
    }

    fn define_parts_of_syntax<'d>(
        &self,
        datum: &'d Datum,
        items: &'d [Datum],
    ) -> Result<(&'d Datum, &'d Datum)> {
        match items {
            [_, name, spec] => Ok((name, spec)),
            _ => Err(syntax_error(
                datum.span,
                "define-syntax: expected a name and a transformer",
            )
            .with_help(
                "write (define-syntax name (syntax-rules (literal ...) (pattern template) ...))",
            )),
        }
    }

    /// Top-level `define-syntax`.
    pub(super) fn define_global_macro(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let (name, spec) = self.define_parts_of_syntax(datum, items)?;
        let m = self.parse_macro(name, spec, 0)?;
        let key = self.envs[self.env].define(m.name);
        self.global_macros.insert(key, m);
        Ok(Core::new(CoreKind::Const(Value::Unspecified), datum.span))
    }

    /// `define-syntax` in a body: bound in the body's scope from here on.
    pub(super) fn define_local_macro(&mut self, datum: &Datum, items: &[Datum]) -> Result<()> {
        let (name, spec) = self.define_parts_of_syntax(datum, items)?;
        let m = self.parse_macro(name, spec, self.scopes.len())?;
        let key = Symbol::intern(name.as_symbol().unwrap_or_default());
        self.scopes.bind(key, Binding::Macro(m));
        Ok(())
    }

    /// `(let-syntax ((name transformer) ...) body ...)`, and `letrec-syntax`
    /// whose transformers also see each other.
    pub(super) fn expand_let_syntax(
        &mut self,
        datum: &Datum,
        items: &[Datum],
        recursive: bool,
    ) -> Result<Core> {
        let span = datum.span;
        let head = if recursive {
            "letrec-syntax"
        } else {
            "let-syntax"
        };
        let bindings = items.get(1).and_then(list_items).ok_or_else(|| {
            syntax_error(
                span,
                format!("{head}: expected a list of (name transformer) bindings"),
            )
        })?;
        if items.len() < 3 {
            return Err(syntax_error(span, format!("{head}: expected a body")));
        }
        let outer = self.scopes.len();
        let def_depth = if recursive { outer + 1 } else { outer };
        let mut scope = Vec::new();
        for binding in bindings {
            match list_items(binding) {
                Some([name, spec]) => {
                    let m = self.parse_macro(name, spec, def_depth)?;
                    let key = Symbol::intern(name.as_symbol().unwrap_or_default());
                    scope.push((key, Binding::Macro(m)));
                }
                _ => {
                    return Err(syntax_error(
                        binding.span,
                        format!("{head}: each binding must be (name transformer)"),
                    ))
                }
            }
        }
        self.scopes.push(scope);
        let result = self.expand_body(&items[2..], span);
        self.scopes.pop();
        result
    }
}
