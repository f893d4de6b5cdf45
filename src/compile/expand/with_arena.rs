//! `with-arena`: a body run with a new arena that is destroyed on every exit.

use super::*;

impl Expander<'_> {
    /// `(with-arena (name size [limit]) body ...)`: calls the body with a new
    /// arena bound to `name` and destroys the arena on every exit, normal or not.
    pub(super) fn expand_with_arena(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        let usage =
            "write (with-arena (name size) body ...) or (with-arena (name size limit) body ...)";
        let spec = items
            .get(1)
            .and_then(list_items)
            .filter(|spec| spec.len() == 2 || spec.len() == 3)
            .ok_or_else(|| {
                syntax_error(span, "with-arena: expected (name size) and a body").with_help(usage)
            })?;
        if items.len() < 3 {
            return Err(syntax_error(span, "with-arena: expected a body").with_help(usage));
        }
        let name = spec[0].as_symbol().ok_or_else(|| {
            syntax_error(
                spec[0].span,
                "with-arena: the arena's name must be a symbol",
            )
        })?;
        let size = self.expand(&spec[1])?;
        let params = Params {
            required: vec![(Symbol::intern(name), spec[0].span)],
            rest: None,
        };
        let body = self.expand_lambda_parts(&params, &items[2..], None, None, span)?;
        let mut args = vec![size, body];
        if let Some(limit) = spec.get(2) {
            args.push(self.expand(limit)?);
        }
        call_builtin("call-with-arena", args, span)
    }
}
