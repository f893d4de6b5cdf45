//! Compiling a rule's pattern: which symbols are pattern variables (and under
//! how many ellipses), literals or `_`, and where an ellipsis may stand.

use std::collections::HashMap;

use super::parse::Keywords;
use super::{view, EllipsisPattern, ListPattern, Pattern, Var};
use crate::compile::expand::syntax_error;
use crate::diagnostics::{Error, Result};
use crate::native_stack::deeper;
use crate::syntax::{Datum, DatumKind};

pub(super) struct PatternCompiler<'k, 'p> {
    pub(super) keywords: &'k Keywords<'k>,
    pub(super) vars: Vec<Var>,
    pub(super) names: HashMap<&'p str, usize>,
}

impl<'p> PatternCompiler<'_, 'p> {
    fn pattern(&mut self, datum: &'p Datum, depth: usize) -> Result<Pattern> {
        deeper(|| match &datum.kind {
            DatumKind::Symbol(name) => {
                if self.keywords.literals.iter().any(|l| l == name) {
                    Ok(Pattern::Literal(name.clone()))
                } else if (self.keywords.strip)(name) == "_" {
                    Ok(Pattern::Any)
                } else if self.keywords.is_ellipsis(datum) {
                    Err(self.stray_ellipsis(datum))
                } else if self.names.contains_key(name.as_str()) {
                    Err(syntax_error(
                        datum.span,
                        format!("pattern variable `{name}` appears twice in one pattern"),
                    ))
                } else {
                    self.names.insert(name, self.vars.len());
                    self.vars.push(Var {
                        name: name.clone(),
                        depth,
                    });
                    Ok(Pattern::Var(self.vars.len() - 1))
                }
            }
            DatumKind::List(_) | DatumKind::DottedList(..) => {
                let (items, tail) = view(datum);
                Ok(Pattern::List(Box::new(
                    self.list(&items, tail, depth, false)?,
                )))
            }
            DatumKind::Vector(items) => {
                let items: Vec<&Datum> = items.iter().collect();
                Ok(Pattern::Vector(Box::new(
                    self.list(&items, None, depth, true)?,
                )))
            }
            other => Ok(Pattern::Constant(other.clone())),
        })
    }

    fn stray_ellipsis(&self, datum: &Datum) -> Error {
        syntax_error(
            datum.span,
            format!("`{}` must follow a pattern", self.keywords.ellipsis_name()),
        )
    }

    /// Compiles the items (and dotted tail) of a list or vector pattern.
    pub(super) fn list(
        &mut self,
        items: &[&'p Datum],
        tail: Option<&'p Datum>,
        depth: usize,
        vector: bool,
    ) -> Result<ListPattern> {
        let mut before = Vec::new();
        let mut ellipsis: Option<EllipsisPattern> = None;
        let mut i = 0;
        while i < items.len() {
            let item = items[i];
            if self.keywords.is_ellipsis(item) {
                return Err(if ellipsis.is_some() {
                    self.second_ellipsis(item)
                } else {
                    self.stray_ellipsis(item)
                });
            }
            match items.get(i + 1) {
                Some(next) if self.keywords.is_ellipsis(next) => {
                    if ellipsis.is_some() {
                        return Err(self.second_ellipsis(next));
                    }
                    let first_var = self.vars.len();
                    let repeated = self.pattern(item, depth + 1)?;
                    ellipsis = Some(EllipsisPattern {
                        repeated,
                        vars: (first_var..self.vars.len()).collect(),
                        after: Vec::new(),
                    });
                    i += 2;
                }
                _ => {
                    let pattern = self.pattern(item, depth)?;
                    match &mut ellipsis {
                        Some(e) => e.after.push(pattern),
                        None => before.push(pattern),
                    }
                    i += 1;
                }
            }
        }
        let tail = match tail {
            Some(t) if self.keywords.is_ellipsis(t) => {
                return Err(syntax_error(
                    t.span,
                    format!(
                        "`{}` cannot be the tail of a dotted pattern",
                        self.keywords.ellipsis_name()
                    ),
                ))
            }
            Some(t) => Some(self.pattern(t, depth)?),
            None => None,
        };
        debug_assert!(!vector || tail.is_none());
        Ok(ListPattern {
            before,
            ellipsis,
            tail,
        })
    }

    fn second_ellipsis(&self, datum: &Datum) -> Error {
        syntax_error(
            datum.span,
            format!(
                "only one `{}` is allowed in each list of a pattern",
                self.keywords.ellipsis_name()
            ),
        )
    }
}
