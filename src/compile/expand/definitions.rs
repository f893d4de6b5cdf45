//! `define`: top-level definitions of globals, and the name and value a
//! `define` form gives (curried forms included), at top level or in a body.

use super::lambda::{params_datum, split_head};
use super::*;

impl Expander<'_> {
    pub(super) fn expand_global_define(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
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

    pub(super) fn define_parts_local(
        &mut self,
        datum: &Datum,
        items: &[Datum],
    ) -> Result<(Symbol, Core)> {
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

    /// The name a body form defines, if it is a definition.
    pub(super) fn definition_name(&self, datum: &Datum) -> Option<(Symbol, Span)> {
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
}
