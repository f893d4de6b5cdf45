//! Loops: named `let` and `do`, each a procedure bound by letrec and called
//! with the initial values.

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

    pub(super) fn expand_do(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
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
