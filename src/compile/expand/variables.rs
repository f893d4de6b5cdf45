//! Variables: making and binding them, resolving references (recording
//! captures and "did you mean" hints) and `set!`.

use super::*;

impl Expander<'_> {
    fn current_lambda(&self) -> LambdaId {
        *self.lambda_stack.last().unwrap_or(&TOPLEVEL)
    }

    pub(super) fn new_var(&mut self, name: Symbol) -> VarId {
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
    pub(super) fn lookup(&self, name: Symbol) -> Option<VarId> {
        match self.resolve(name) {
            Resolved::Local(Binding::Var(var)) => Some(var),
            _ => None,
        }
    }

    /// Resolves a variable reference, recording captures.
    pub(super) fn reference(&mut self, name: Symbol, span: Span) -> Result<Core> {
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

    pub(super) fn note_use(&mut self, var: VarId) {
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

    /// `(set! name value)`: assigns a local variable or a global.
    pub(super) fn expand_set(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
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

    pub(super) fn bind(&mut self, name: Symbol, var: VarId) {
        self.scopes.bind(name, Binding::Var(var));
    }
}
