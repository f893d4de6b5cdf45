//! Named `let`: a procedure bound by letrec and called with the initial
//! values. (`do` is a macro of `stdlib/derived.scm` that expands into one.)

use super::*;

impl Expander<'_> {
    pub(super) fn expand_named_let(
        &mut self,
        name: Symbol,
        datum: &Datum,
        items: &[Datum],
    ) -> Result<Core> {
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
    /// let.
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
}
