//! The binding forms `let`, `let*`, `letrec` and `letrec*`, and the binding
//! lists they share with named `let` and `do`.

use super::*;

impl Expander<'_> {
    pub(super) fn parse_bindings<'d>(
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

    pub(super) fn expand_let(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
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

    pub(super) fn expand_let_star(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
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

    pub(super) fn expand_letrec(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
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
}
