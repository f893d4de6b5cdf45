//! `quote` and `quasiquote`: data written in code (quasiquote templates are
//! expanded by [`quasi`]).

use super::*;

impl Expander<'_> {
    /// `(quote datum)`: the datum as a constant.
    pub(super) fn expand_quote(&self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        expect_len(
            items,
            2,
            span,
            "quote: expected exactly one datum",
            "(quote datum)",
        )?;
        Ok(Core::new(
            CoreKind::Const(self.quote_value(&items[1])?),
            span,
        ))
    }

    /// `(quasiquote template)`.
    pub(super) fn expand_quasiquote(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        expect_len(
            items,
            2,
            span,
            "quasiquote: expected exactly one template",
            "`template",
        )?;
        quasi::expand_quasiquote(self, &items[1], 1)
    }
}
