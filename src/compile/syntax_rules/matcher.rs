//! Matching a macro use against a compiled pattern, binding each pattern
//! variable to what it matched (one binding per repetition under an ellipsis).

use super::{view, ListPattern, Pattern};
use crate::native_stack::deeper_or;
use crate::syntax::{Datum, DatumKind, NumberLiteral, Span};

/// What a pattern variable matched.
pub(super) enum Bound<'a> {
    One(&'a Datum),
    /// The rest of a list after some items: `items` followed by `tail` (`None` for `()`).
    Rest {
        items: Vec<&'a Datum>,
        tail: Option<&'a Datum>,
        span: Span,
    },
    /// One binding per ellipsis match.
    Many(Vec<Bound<'a>>),
}

pub(super) struct Matcher<'a, 'f> {
    pub(super) literal_matches: &'f dyn Fn(&str, &str) -> bool,
    pub(super) bindings: Vec<Option<Bound<'a>>>,
}

impl<'a> Matcher<'a, '_> {
    fn pattern(&mut self, pattern: &Pattern, datum: &'a Datum) -> bool {
        deeper_or(
            || false,
            || match pattern {
                Pattern::Any => true,
                Pattern::Literal(literal) => datum
                    .as_symbol()
                    .is_some_and(|name| (self.literal_matches)(literal, name)),
                Pattern::Var(v) => self.bind(*v, Bound::One(datum)),
                Pattern::Constant(constant) => constant_equal(constant, &datum.kind),
                Pattern::List(list) => {
                    let (items, tail) = view(datum);
                    self.list(list, &items, tail, datum.span)
                }
                Pattern::Vector(list) => match &datum.kind {
                    DatumKind::Vector(items) => {
                        let items: Vec<&Datum> = items.iter().collect();
                        self.list(list, &items, None, datum.span)
                    }
                    _ => false,
                },
            },
        )
    }

    fn bind(&mut self, var: usize, bound: Bound<'a>) -> bool {
        match self.bindings.get_mut(var) {
            Some(slot) => {
                *slot = Some(bound);
                true
            }
            None => false,
        }
    }

    /// Matches `items` followed by `tail` against a list pattern; `span` is the enclosing datum's.
    pub(super) fn list(
        &mut self,
        pattern: &ListPattern,
        items: &[&'a Datum],
        tail: Option<&'a Datum>,
        span: Span,
    ) -> bool {
        let before = pattern.before.len();
        let after = pattern.ellipsis.as_ref().map_or(0, |e| e.after.len());
        if items.len() < before + after {
            return false;
        }
        if pattern.tail.is_none()
            && (tail.is_some() || (pattern.ellipsis.is_none() && items.len() != before))
        {
            return false;
        }
        for (p, d) in pattern.before.iter().zip(items) {
            if !self.pattern(p, d) {
                return false;
            }
        }
        let mut rest = before;
        if let Some(e) = &pattern.ellipsis {
            let count = items.len() - before - after;
            let mut sequences: Vec<Vec<Bound<'a>>> =
                e.vars.iter().map(|_| Vec::with_capacity(count)).collect();
            for item in &items[before..before + count] {
                if !self.pattern(&e.repeated, item) {
                    return false;
                }
                for (sequence, &v) in sequences.iter_mut().zip(&e.vars) {
                    match self.bindings.get_mut(v).and_then(Option::take) {
                        Some(bound) => sequence.push(bound),
                        None => return false,
                    }
                }
            }
            for (sequence, &v) in sequences.into_iter().zip(&e.vars) {
                self.bind(v, Bound::Many(sequence));
            }
            for (p, d) in e.after.iter().zip(&items[before + count..]) {
                if !self.pattern(p, d) {
                    return false;
                }
            }
            rest = items.len();
        }
        match &pattern.tail {
            Some(p) => self.rest(p, &items[rest..], tail, span),
            None => true,
        }
    }

    /// Matches the rest of a list (`items` then `tail`) against a dotted tail pattern.
    fn rest(
        &mut self,
        pattern: &Pattern,
        items: &[&'a Datum],
        tail: Option<&'a Datum>,
        span: Span,
    ) -> bool {
        if let (true, Some(t)) = (items.is_empty(), tail) {
            return self.pattern(pattern, t);
        }
        match pattern {
            Pattern::Any => true,
            Pattern::Var(v) => {
                let span = match (items.first(), tail.or(items.last().copied())) {
                    (Some(first), Some(last)) if first.span.source == last.span.source => {
                        first.span.to(last.span)
                    }
                    _ => span,
                };
                self.bind(
                    *v,
                    Bound::Rest {
                        items: items.to_vec(),
                        tail,
                        span,
                    },
                )
            }
            Pattern::List(list) => self.list(list, items, tail, span),
            Pattern::Literal(_) | Pattern::Constant(_) | Pattern::Vector(_) => false,
        }
    }
}

/// `equal?` on the atoms a pattern may contain.
fn constant_equal(pattern: &DatumKind, input: &DatumKind) -> bool {
    match (pattern, input) {
        (DatumKind::Number(NumberLiteral::Real(a)), DatumKind::Number(NumberLiteral::Real(b))) => {
            a.to_bits() == b.to_bits()
        }
        (DatumKind::Number(a), DatumKind::Number(b)) => a == b,
        (DatumKind::Bool(a), DatumKind::Bool(b)) => a == b,
        (DatumKind::Char(a), DatumKind::Char(b)) => a == b,
        (DatumKind::String(a), DatumKind::String(b)) => a == b,
        (DatumKind::Bytevector(a), DatumKind::Bytevector(b)) => a == b,
        _ => false,
    }
}
