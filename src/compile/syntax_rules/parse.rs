//! Parsing a `(syntax-rules ...)` form: its ellipsis and literals, and each
//! `(pattern template)` rule, handed to the pattern and template compilers.

use std::collections::HashMap;

use super::pattern::PatternCompiler;
use super::template::TemplateCompiler;
use super::{shorten, view, write_datum, Rule, SyntaxRules};
use crate::compile::expand::syntax_error;
use crate::diagnostics::Result;
use crate::syntax::{Datum, DatumKind};

impl SyntaxRules {
    /// Parses `(syntax-rules (literal ...) (pattern template) ...)` or the R7RS custom-ellipsis
    /// form `(syntax-rules ellipsis (literal ...) (pattern template) ...)`. `strip` maps a symbol
    /// name to the name it stands for; it decides which symbols are `syntax-rules`, the ellipsis
    /// and `_`.
    pub fn parse(spec: &Datum, strip: &dyn Fn(&str) -> String) -> Result<SyntaxRules> {
        let usage = "write (syntax-rules (literal ...) (pattern template) ...)";
        let items = match &spec.kind {
            DatumKind::List(items) if !items.is_empty() => items,
            _ => {
                return Err(syntax_error(spec.span, "expected a syntax-rules form").with_help(usage))
            }
        };
        if items[0].as_symbol().map(strip).as_deref() != Some("syntax-rules") {
            return Err(
                syntax_error(items[0].span, "expected a syntax-rules form").with_help(usage)
            );
        }
        let (custom, literals_at) = match items.get(1).and_then(Datum::as_symbol) {
            Some(name) => (Some(strip(name)), 2),
            None => (None, 1),
        };
        let Some(literal_list) = items.get(literals_at) else {
            return Err(
                syntax_error(spec.span, "syntax-rules needs a literal list").with_help(usage)
            );
        };
        let DatumKind::List(literal_items) = &literal_list.kind else {
            return Err(syntax_error(
                literal_list.span,
                "the literal list of syntax-rules must be a list of identifiers",
            )
            .with_help(usage));
        };
        let mut literals = Vec::with_capacity(literal_items.len());
        for literal in literal_items {
            match literal.as_symbol() {
                Some(name) => literals.push(name.to_string()),
                None => {
                    return Err(syntax_error(
                        literal.span,
                        "a syntax-rules literal must be an identifier",
                    ))
                }
            }
        }
        let ellipsis_name = custom.unwrap_or_else(|| "...".to_string());
        let ellipsis = if literals.iter().any(|l| strip(l) == ellipsis_name) {
            None
        } else {
            Some(ellipsis_name)
        };
        let keywords = Keywords {
            strip,
            ellipsis: ellipsis.as_deref(),
            literals: &literals,
        };
        let mut rules = Vec::with_capacity(items.len() - literals_at - 1);
        for rule in &items[literals_at + 1..] {
            rules.push(keywords.rule(rule)?);
        }
        Ok(SyntaxRules {
            ellipsis,
            literals,
            rules,
        })
    }
}

/// What `parse` needs to classify symbols.
pub(super) struct Keywords<'k> {
    pub(super) strip: &'k dyn Fn(&str) -> String,
    pub(super) ellipsis: Option<&'k str>,
    pub(super) literals: &'k [String],
}

impl Keywords<'_> {
    pub(super) fn is_ellipsis(&self, datum: &Datum) -> bool {
        match (self.ellipsis, datum.as_symbol()) {
            (Some(ellipsis), Some(name)) => (self.strip)(name) == ellipsis,
            _ => false,
        }
    }

    pub(super) fn ellipsis_name(&self) -> &str {
        self.ellipsis.unwrap_or("...")
    }

    /// Compiles one `(pattern template)` rule.
    fn rule(&self, rule: &Datum) -> Result<Rule> {
        let (pattern, template) = match &rule.kind {
            DatumKind::List(parts) if parts.len() == 2 => (&parts[0], &parts[1]),
            _ => {
                return Err(syntax_error(
                    rule.span,
                    "a syntax-rules rule must be (pattern template)",
                )
                .with_help("each rule is a list of a pattern and a template"))
            }
        };
        let (items, tail) = view(pattern);
        let Some((_, rest)) = items.split_first() else {
            return Err(syntax_error(
                pattern.span,
                "a syntax-rules pattern must be a list starting with the macro keyword",
            )
            .with_help("write the pattern as (_ argument ...)"));
        };
        let mut compiler = PatternCompiler {
            keywords: self,
            vars: Vec::new(),
            names: HashMap::new(),
        };
        let compiled = compiler.list(rest, tail, 0, false)?;
        let templates = TemplateCompiler {
            keywords: self,
            vars: &compiler.vars,
            names: &compiler.names,
        };
        let template = templates.template(template, 0, false)?;
        Ok(Rule {
            text: shorten(write_datum(pattern)),
            pattern: compiled,
            vars: compiler.vars,
            template,
        })
    }
}
