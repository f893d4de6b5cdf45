//! Compiling a rule's template: pattern variables checked against the
//! ellipses they are used under, and each ellipsis told which variables it
//! iterates over.

use std::collections::HashMap;

use super::parse::Keywords;
use super::{view, Element, Template, Var};
use crate::compile::expand::syntax_error;
use crate::diagnostics::Result;
use crate::native_stack::{deeper, deeper_or};
use crate::syntax::{Datum, DatumKind};

pub(super) struct TemplateCompiler<'k, 'v> {
    pub(super) keywords: &'k Keywords<'k>,
    pub(super) vars: &'v [Var],
    pub(super) names: &'v HashMap<&'v str, usize>,
}

impl TemplateCompiler<'_, '_> {
    /// Compiles `datum` used under `depth` ellipses; `escaped` inside `(... template)`.
    pub(super) fn template(&self, datum: &Datum, depth: usize, escaped: bool) -> Result<Template> {
        deeper(|| match &datum.kind {
            DatumKind::Symbol(name) => {
                if let Some(&var) = self.names.get(name.as_str()) {
                    let bound = self.vars[var].depth;
                    if bound > depth {
                        return Err(syntax_error(
                            datum.span,
                            format!(
                                "pattern variable `{name}` is matched under {} in the pattern \
                                 but used under {} in the template",
                                ellipses(bound),
                                ellipses(depth)
                            ),
                        )
                        .with_help(format!(
                            "follow it, or a template containing it, with `{}`",
                            self.keywords.ellipsis_name()
                        )));
                    }
                    Ok(Template::Var(var))
                } else if !escaped && self.keywords.is_ellipsis(datum) {
                    Err(syntax_error(
                        datum.span,
                        format!(
                            "`{}` must follow a template element",
                            self.keywords.ellipsis_name()
                        ),
                    ))
                } else {
                    Ok(Template::Symbol(name.clone()))
                }
            }
            DatumKind::List(_) | DatumKind::DottedList(..) => {
                let (items, tail) = view(datum);
                if !escaped && items.first().is_some_and(|d| self.keywords.is_ellipsis(d)) {
                    if items.len() != 2 || tail.is_some() {
                        let e = self.keywords.ellipsis_name();
                        return Err(syntax_error(
                            datum.span,
                            format!("the escape `({e} template)` takes exactly one template"),
                        ));
                    }
                    return self.template(items[1], depth, true);
                }
                let elements = self.elements(&items, depth, escaped)?;
                let tail = match tail {
                    Some(t) => Some(Box::new(self.template(t, depth, escaped)?)),
                    None => None,
                };
                Ok(Template::List(elements, tail))
            }
            DatumKind::Vector(items) => {
                let items: Vec<&Datum> = items.iter().collect();
                Ok(Template::Vector(self.elements(&items, depth, escaped)?))
            }
            other => Ok(Template::Constant(other.clone())),
        })
    }

    /// Compiles list or vector items, grouping each with the ellipses after it.
    fn elements(&self, items: &[&Datum], depth: usize, escaped: bool) -> Result<Vec<Element>> {
        let mut elements = Vec::with_capacity(items.len());
        let mut i = 0;
        while i < items.len() {
            let item = items[i];
            if !escaped && self.keywords.is_ellipsis(item) {
                return Err(syntax_error(
                    item.span,
                    format!(
                        "`{}` must follow a template element",
                        self.keywords.ellipsis_name()
                    ),
                ));
            }
            let mut end = i + 1;
            while !escaped && end < items.len() && self.keywords.is_ellipsis(items[end]) {
                end += 1;
            }
            let count = end - i - 1;
            let template = self.template(item, depth + count, escaped)?;
            let mut levels = Vec::with_capacity(count);
            if count > 0 {
                let mut used = Vec::new();
                collect_vars(&template, &mut used);
                used.sort_unstable();
                used.dedup();
                for level in 0..count {
                    let drivers: Vec<usize> = used
                        .iter()
                        .copied()
                        .filter(|&v| self.vars[v].depth > depth + level)
                        .collect();
                    if drivers.is_empty() {
                        return Err(syntax_error(
                            items[i + 1 + level].span,
                            format!(
                                "this `{}` follows a template with no pattern variable matched \
                                 under {}",
                                self.keywords.ellipsis_name(),
                                ellipses(depth + level + 1)
                            ),
                        ));
                    }
                    levels.push(drivers);
                }
            }
            elements.push(Element { template, levels });
            i = end;
        }
        Ok(elements)
    }
}

/// "1 ellipsis", "2 ellipses".
fn ellipses(n: usize) -> String {
    if n == 1 {
        "1 ellipsis".to_string()
    } else {
        format!("{n} ellipses")
    }
}

/// Every pattern variable a template uses (with repeats).
fn collect_vars(template: &Template, out: &mut Vec<usize>) {
    deeper_or(
        || (),
        || match template {
            Template::Var(v) => out.push(*v),
            Template::Symbol(_) | Template::Constant(_) => {}
            Template::List(elements, tail) => {
                for e in elements {
                    collect_vars(&e.template, out);
                }
                if let Some(t) = tail {
                    collect_vars(t, out);
                }
            }
            Template::Vector(elements) => {
                for e in elements {
                    collect_vars(&e.template, out);
                }
            }
        },
    )
}
