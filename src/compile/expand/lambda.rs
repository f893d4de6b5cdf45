//! `lambda` and parameter lists: building a procedure's scope, parameters and
//! body, and parsing `(a b)`, `(a . rest)` or `args`.

use super::*;

impl Expander<'_> {
    /// Expands an expression that is being bound to `name` (so a lambda gets
    /// that name), and, for letrec bindings, to variable `binding`.
    pub(super) fn expand_named(
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

    /// Expands a lambda from its parsed parameter list and body.
    pub(super) fn expand_lambda_parts(
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
    pub(super) fn build_lambda(
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
}

/// A parsed parameter list.
#[derive(Default, Clone)]
pub struct Params {
    pub required: Vec<(Symbol, Span)>,
    pub rest: Option<(Symbol, Span)>,
}

/// Parses `(a b)`, `(a . rest)` or `args`.
pub(super) fn parse_params(datum: &Datum) -> Result<Params> {
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
pub(super) fn split_head(datum: &Datum) -> Option<(Datum, Params)> {
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

pub(super) fn params_datum(params: &Params, span: Span) -> Datum {
    let sym = |(s, sp): &(Symbol, Span)| Datum::new(DatumKind::Symbol(s.name().to_string()), *sp);
    let required: Vec<Datum> = params.required.iter().map(sym).collect();
    match &params.rest {
        None => Datum::new(DatumKind::List(required), span),
        Some(rest) if required.is_empty() => sym(rest),
        Some(rest) => Datum::new(DatumKind::DottedList(required, Box::new(sym(rest))), span),
    }
}
