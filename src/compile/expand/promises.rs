//! Promises: `delay`, `delay-force`, `make-promise-lazy` and `cons-stream`,
//! whose expressions are wrapped in thunks to run when forced.

use super::*;

impl Expander<'_> {
    /// `(delay expr)`, `(delay-force expr)` or `(make-promise-lazy expr)`, by `head`.
    pub(super) fn expand_delay(
        &mut self,
        head: &str,
        datum: &Datum,
        items: &[Datum],
    ) -> Result<Core> {
        let span = datum.span;
        expect_len(
            items,
            2,
            span,
            &format!("{head}: expected one expression"),
            "(delay expr)",
        )?;
        let thunk = self.expand_lambda_parts(&Params::default(), &items[1..2], None, None, span)?;
        Ok(Core::new(
            CoreKind::Delay(Box::new(thunk), head == "delay-force"),
            span,
        ))
    }

    /// `(cons-stream a b)`: a pair of `a` and a promise of `b`.
    pub(super) fn expand_cons_stream(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        expect_len(
            items,
            3,
            span,
            "cons-stream: expected a head and a tail",
            "(cons-stream a b)",
        )?;
        let first = self.expand(&items[1])?;
        let thunk = self.expand_lambda_parts(&Params::default(), &items[2..3], None, None, span)?;
        let promise = Core::new(CoreKind::Delay(Box::new(thunk), false), span);
        Ok(quasi::call_primitive(
            quasi::cons_primitive(),
            vec![first, promise],
            span,
        ))
    }
}
