//! Bodies and sequences: `begin`, and bodies whose internal definitions
//! (found after flattening `begin`s and macro uses) get letrec* scope.

use super::*;
use std::borrow::Cow;

impl Expander<'_> {
    /// `(begin expression ...)` used as an expression.
    pub(super) fn expand_begin(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        if items.len() == 1 {
            return Ok(Core::new(CoreKind::Const(Value::Unspecified), span));
        }
        let forms = self.expand_all(&items[1..])?;
        Ok(seq(forms, span))
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
}
