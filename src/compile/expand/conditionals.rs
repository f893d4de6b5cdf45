//! Conditionals: `if`, `when`, `unless`, `and`, `or`, `cond` and `case`.

use super::*;

impl Expander<'_> {
    /// `(if test then [else])`.
    pub(super) fn expand_if(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
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

    /// `(when test expression ...)` or `(unless test expression ...)`, by `head`.
    pub(super) fn expand_when_unless(
        &mut self,
        head: &str,
        datum: &Datum,
        items: &[Datum],
    ) -> Result<Core> {
        let span = datum.span;
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

    /// `(and expression ...)`.
    pub(super) fn expand_and(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
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

    /// `(or expression ...)`.
    pub(super) fn expand_or(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
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

    pub(super) fn expand_cond(&mut self, clauses: &[Datum], span: Span) -> Result<Core> {
        self.expand_cond_or(clauses, span, None)
    }

    /// `cond` clauses; when none applies, `fallback` (or the unspecified value).
    pub(super) fn expand_cond_or(
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

    pub(super) fn expand_case(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
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
}
