//! `syntax-rules` transformers (R7RS 4.3.2) as a pure data-to-data transformation.
//!
//! [`SyntaxRules::parse`] checks a `(syntax-rules ...)` form and compiles its rules into
//! patterns and templates; [`SyntaxRules::expand`] matches a macro use against the rules
//! in order and builds the expansion. Binding environments and hygiene belong to the
//! caller: it supplies how introduced symbols are renamed and how literals compare.
//!
//! Nesting in patterns and inputs is unbounded: every walk in this module's
//! files recurses through [`deeper`](crate::native_stack::deeper) (fallible
//! walks) or [`deeper_or`](crate::native_stack::deeper_or) (the others, which
//! run inside the expander's watched pass).

mod matcher;
mod parse;
mod pattern;
mod template;
#[cfg(test)]
mod tests;
mod transcriber;
mod write;

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::compile::expand::syntax_error;
use crate::diagnostics::{Error, Result};
use crate::syntax::{Datum, DatumKind};

use matcher::Matcher;
use transcriber::Transcriber;
pub use write::write_datum;

/// How many patterns the "no pattern matches" help line lists.
const HELP_PATTERNS: usize = 8;
/// How long one pattern may be in that help line.
const HELP_PATTERN_CHARS: usize = 120;

/// A parsed `(syntax-rules ...)` transformer.
pub struct SyntaxRules {
    /// The ellipsis name (after `strip`), or `None` when it is listed as a literal.
    ellipsis: Option<String>,
    literals: Vec<String>,
    rules: Vec<Rule>,
}

/// One `(pattern template)` rule, compiled.
struct Rule {
    /// The pattern as written, for error help.
    text: String,
    /// The pattern without its keyword position.
    pattern: ListPattern,
    /// Pattern variables, indexed by the ids in `pattern` and `template`.
    vars: Vec<Var>,
    template: Template,
}

/// A pattern variable and the number of ellipses it is matched under.
struct Var {
    name: String,
    depth: usize,
}

enum Pattern {
    /// `_`: matches anything, binds nothing.
    Any,
    /// A literal identifier, compared with the caller's `literal_matches`.
    Literal(String),
    Var(usize),
    /// A non-symbol atom compared with `equal?`.
    Constant(DatumKind),
    List(Box<ListPattern>),
    /// Vector patterns never have a tail.
    Vector(Box<ListPattern>),
}

/// `(before ... [repeated <ellipsis> after ...] [. tail])`.
struct ListPattern {
    before: Vec<Pattern>,
    ellipsis: Option<EllipsisPattern>,
    tail: Option<Pattern>,
}

struct EllipsisPattern {
    repeated: Pattern,
    /// Every variable inside `repeated`.
    vars: Vec<usize>,
    after: Vec<Pattern>,
}

enum Template {
    /// A symbol the template introduces; renamed once per expansion.
    Symbol(String),
    /// A non-symbol atom.
    Constant(DatumKind),
    Var(usize),
    List(Vec<Element>, Option<Box<Template>>),
    Vector(Vec<Element>),
}

/// A list or vector template item, with the ellipses that follow it.
struct Element {
    template: Template,
    /// For each following ellipsis, outermost first: the variables it iterates over.
    /// Empty when no ellipsis follows.
    levels: Vec<Vec<usize>>,
}

impl SyntaxRules {
    /// Calls `f` with every identifier the rules mention: literals, literal
    /// patterns and the symbols templates introduce (which, in a macro made
    /// by another macro, are hygiene names that must stay known).
    pub fn for_each_name(&self, f: &mut dyn FnMut(&str)) {
        for literal in &self.literals {
            f(literal);
        }
        for rule in &self.rules {
            rule.pattern.for_each_name(f);
            rule.template.for_each_name(f);
        }
    }
}

impl ListPattern {
    fn for_each_name(&self, f: &mut dyn FnMut(&str)) {
        for pattern in &self.before {
            pattern.for_each_name(f);
        }
        if let Some(ellipsis) = &self.ellipsis {
            ellipsis.repeated.for_each_name(f);
            for pattern in &ellipsis.after {
                pattern.for_each_name(f);
            }
        }
        if let Some(tail) = &self.tail {
            tail.for_each_name(f);
        }
    }
}

impl Pattern {
    fn for_each_name(&self, f: &mut dyn FnMut(&str)) {
        match self {
            Pattern::Literal(name) => f(name),
            Pattern::List(list) | Pattern::Vector(list) => list.for_each_name(f),
            Pattern::Any | Pattern::Var(_) | Pattern::Constant(_) => {}
        }
    }
}

impl Template {
    fn for_each_name(&self, f: &mut dyn FnMut(&str)) {
        match self {
            Template::Symbol(name) => f(name),
            Template::List(elements, tail) => {
                for element in elements {
                    element.template.for_each_name(f);
                }
                if let Some(tail) = tail {
                    tail.for_each_name(f);
                }
            }
            Template::Vector(elements) => {
                for element in elements {
                    element.template.for_each_name(f);
                }
            }
            Template::Constant(_) | Template::Var(_) => {}
        }
    }
}

impl SyntaxRules {
    /// The ellipsis identifier, or `None` when it is one of the literals.
    pub fn ellipsis(&self) -> Option<&str> {
        self.ellipsis.as_deref()
    }

    /// The literal identifiers, as written.
    pub fn literals(&self) -> &[String] {
        &self.literals
    }

    /// Expands one macro use (the whole form; its keyword position is ignored). The rules are
    /// tried in order. `rename` is called once per distinct symbol the template introduces;
    /// `literal_matches(pattern_literal, input_symbol)` decides whether an input symbol matches
    /// a literal. Data built from the template get `form.span`; substituted data keep theirs.
    pub fn expand(
        &self,
        form: &Datum,
        rename: &mut dyn FnMut(&str) -> String,
        literal_matches: &dyn Fn(&str, &str) -> bool,
    ) -> Result<Datum> {
        let (items, tail) = view(form);
        if let Some((_, args)) = items.split_first() {
            for rule in &self.rules {
                let mut matcher = Matcher {
                    literal_matches,
                    bindings: (0..rule.vars.len()).map(|_| None).collect(),
                };
                if !matcher.list(&rule.pattern, args, tail, form.span) {
                    continue;
                }
                let mut env = Vec::with_capacity(rule.vars.len());
                for (binding, var) in matcher.bindings.iter().zip(&rule.vars) {
                    match binding {
                        Some(bound) => env.push(bound),
                        None => {
                            return Err(syntax_error(
                                form.span,
                                format!("pattern variable `{}` was left unbound", var.name),
                            ))
                        }
                    }
                }
                let mut transcriber = Transcriber {
                    vars: &rule.vars,
                    env,
                    renames: HashMap::new(),
                    rename,
                    span: form.span,
                };
                return transcriber.template(&rule.template);
            }
        }
        Err(self.no_match(form))
    }

    /// The error for a use that no rule matches.
    fn no_match(&self, form: &Datum) -> Error {
        let keyword = match &form.kind {
            DatumKind::List(items) | DatumKind::DottedList(items, _) => {
                items.first().and_then(Datum::as_symbol)
            }
            DatumKind::Symbol(name) => Some(name.as_str()),
            _ => None,
        };
        let message = match keyword {
            Some(name) => format!("no syntax-rules pattern of `{name}` matches this use"),
            None => "no syntax-rules pattern matches this use".to_string(),
        };
        let error = syntax_error(form.span, message);
        if self.rules.is_empty() {
            return error.with_help("this macro has no rules");
        }
        let mut help = String::from(if self.rules.len() == 1 {
            "the pattern is:"
        } else {
            "the patterns are:"
        });
        for rule in self.rules.iter().take(HELP_PATTERNS) {
            help.push_str("\n  ");
            help.push_str(&rule.text);
        }
        if self.rules.len() > HELP_PATTERNS {
            let _ = write!(
                help,
                "\n  ... and {} more",
                self.rules.len() - HELP_PATTERNS
            );
        }
        error.with_help(help)
    }
}

/// A datum seen structurally as pairs: its items up to the first non-pair tail, and that tail
/// (`None` for `()`). An atom is zero items followed by itself.
fn view(datum: &Datum) -> (Vec<&Datum>, Option<&Datum>) {
    let mut items = Vec::new();
    let mut current = datum;
    loop {
        match &current.kind {
            DatumKind::List(list) => {
                items.extend(list.iter());
                return (items, None);
            }
            DatumKind::DottedList(list, tail) => {
                items.extend(list.iter());
                current = tail;
            }
            _ => return (items, Some(current)),
        }
    }
}

/// Cuts a long pattern text for a help line.
fn shorten(text: String) -> String {
    if text.chars().count() <= HELP_PATTERN_CHARS {
        return text;
    }
    let mut short: String = text.chars().take(HELP_PATTERN_CHARS).collect();
    short.push_str(" ...");
    short
}
