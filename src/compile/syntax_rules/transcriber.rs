//! Transcription: building a rule's expansion from its template and the
//! bindings of a match, renaming the symbols the template introduces.

use std::collections::HashMap;

use super::matcher::Bound;
use super::{Element, Template, Var};
use crate::compile::expand::syntax_error;
use crate::diagnostics::{Error, Result};
use crate::native_stack::{deeper, deeper_or};
use crate::syntax::{Datum, DatumKind, Span};

pub(super) struct Transcriber<'b, 'a, 'r> {
    pub(super) vars: &'b [Var],
    /// The current binding of each pattern variable, descended into by ellipses.
    pub(super) env: Vec<&'b Bound<'a>>,
    pub(super) renames: HashMap<String, String>,
    pub(super) rename: &'r mut dyn FnMut(&str) -> String,
    pub(super) span: Span,
}

impl<'b, 'a> Transcriber<'b, 'a, '_> {
    pub(super) fn template(&mut self, template: &Template) -> Result<Datum> {
        deeper(|| match template {
            Template::Symbol(name) => {
                let renamed = match self.renames.get(name) {
                    Some(renamed) => renamed.clone(),
                    None => {
                        let renamed = (self.rename)(name);
                        self.renames.insert(name.clone(), renamed.clone());
                        renamed
                    }
                };
                Ok(Datum::new(DatumKind::Symbol(renamed), self.span))
            }
            Template::Constant(kind) => Ok(Datum::new(kind.clone(), self.span)),
            Template::Var(v) => match self.env.get(*v) {
                Some(Bound::One(datum)) => Ok(clone_datum(datum)),
                Some(Bound::Rest { items, tail, span }) => Ok(make_list(
                    items.iter().map(|d| clone_datum(d)).collect(),
                    tail.map(clone_datum),
                    *span,
                )),
                _ => Err(self.internal(*v)),
            },
            Template::List(elements, tail) => {
                let items = self.elements(elements)?;
                let tail = match tail {
                    Some(t) => Some(self.template(t)?),
                    None => None,
                };
                Ok(make_list(items, tail, self.span))
            }
            Template::Vector(elements) => {
                let items = self.elements(elements)?;
                Ok(Datum::new(DatumKind::Vector(items), self.span))
            }
        })
    }

    fn internal(&self, var: usize) -> Error {
        let name = self.vars.get(var).map_or("?", |v| v.name.as_str());
        syntax_error(
            self.span,
            format!("pattern variable `{name}` has the wrong ellipsis depth here"),
        )
    }

    fn elements(&mut self, elements: &[Element]) -> Result<Vec<Datum>> {
        let mut out = Vec::with_capacity(elements.len());
        for element in elements {
            self.repeat(&element.template, &element.levels, &mut out)?;
        }
        Ok(out)
    }

    /// Transcribes `template` once per match of the first level's variables, recursing for
    /// the remaining levels (`x ... ...` flattens).
    fn repeat(
        &mut self,
        template: &Template,
        levels: &[Vec<usize>],
        out: &mut Vec<Datum>,
    ) -> Result<()> {
        let Some((drivers, inner)) = levels.split_first() else {
            out.push(self.template(template)?);
            return Ok(());
        };
        let mut saved: Vec<&'b [Bound<'a>]> = Vec::with_capacity(drivers.len());
        let mut length: Option<(usize, usize)> = None;
        for &v in drivers {
            let Some(Bound::Many(sequence)) = self.env.get(v).copied() else {
                return Err(self.internal(v));
            };
            if let Some((first, n)) = length {
                if n != sequence.len() {
                    return Err(syntax_error(
                        self.span,
                        format!(
                            "pattern variables `{}` and `{}` matched different numbers of items \
                             ({n} and {}) but are repeated by the same ellipsis",
                            self.vars[first].name,
                            self.vars[v].name,
                            sequence.len()
                        ),
                    ));
                }
            } else {
                length = Some((v, sequence.len()));
            }
            saved.push(sequence);
        }
        let outer: Vec<&'b Bound<'a>> = drivers.iter().map(|&v| self.env[v]).collect();
        let count = length.map_or(0, |(_, n)| n);
        let mut result = Ok(());
        for i in 0..count {
            for (&v, sequence) in drivers.iter().zip(&saved) {
                self.env[v] = &sequence[i];
            }
            result = self.repeat(template, inner, out);
            if result.is_err() {
                break;
            }
        }
        for (&v, bound) in drivers.iter().zip(outer) {
            self.env[v] = bound;
        }
        result
    }
}

/// Copies a datum, growing the stack for deep nesting.
fn clone_datum(datum: &Datum) -> Datum {
    let stand_in = || Datum::new(DatumKind::Bool(false), datum.span);
    deeper_or(stand_in, || {
        let kind = match &datum.kind {
            DatumKind::List(items) => DatumKind::List(items.iter().map(clone_datum).collect()),
            DatumKind::DottedList(items, tail) => DatumKind::DottedList(
                items.iter().map(clone_datum).collect(),
                Box::new(clone_datum(tail)),
            ),
            DatumKind::Vector(items) => DatumKind::Vector(items.iter().map(clone_datum).collect()),
            DatumKind::Label(n, inner) => DatumKind::Label(*n, Box::new(clone_datum(inner))),
            other => other.clone(),
        };
        Datum::new(kind, datum.span)
    })
}

/// `items` followed by `tail` (`None` for `()`), normalised: a list tail is spliced in, and
/// no items with a tail is the tail itself.
fn make_list(mut items: Vec<Datum>, mut tail: Option<Datum>, span: Span) -> Datum {
    if items.is_empty() {
        if let Some(tail) = tail {
            return tail;
        }
    }
    loop {
        match tail {
            None => return Datum::new(DatumKind::List(items), span),
            Some(t) => match t.kind {
                DatumKind::List(more) => {
                    items.extend(more);
                    tail = None;
                }
                DatumKind::DottedList(more, rest) => {
                    items.extend(more);
                    tail = Some(*rest);
                }
                kind => {
                    let tail = Datum::new(kind, t.span);
                    return Datum::new(DatumKind::DottedList(items, Box::new(tail)), span);
                }
            },
        }
    }
}
