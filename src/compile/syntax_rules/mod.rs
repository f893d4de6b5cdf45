//! `syntax-rules` transformers (R7RS 4.3.2) as a pure data-to-data transformation.
//!
//! [`SyntaxRules::parse`] checks a `(syntax-rules ...)` form and compiles its rules into
//! patterns and templates; [`SyntaxRules::expand`] matches a macro use against the rules
//! in order and builds the expansion. Binding environments and hygiene belong to the
//! caller: it supplies how introduced symbols are renamed and how literals compare.
//!
//! Nesting in patterns and inputs is unbounded: every walk below recurses
//! through [`deeper`] (fallible walks) or [`deeper_or`] (the others, which
//! run inside the expander's watched pass).

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::compile::expand::syntax_error;
use crate::diagnostics::{Error, Result};
use crate::native_stack::{deeper, deeper_or};
use crate::syntax::{Datum, DatumKind, NumberLiteral, Span};

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

/// What `parse` needs to classify symbols.
struct Keywords<'k> {
    strip: &'k dyn Fn(&str) -> String,
    ellipsis: Option<&'k str>,
    literals: &'k [String],
}

impl Keywords<'_> {
    fn is_ellipsis(&self, datum: &Datum) -> bool {
        match (self.ellipsis, datum.as_symbol()) {
            (Some(ellipsis), Some(name)) => (self.strip)(name) == ellipsis,
            _ => false,
        }
    }

    fn ellipsis_name(&self) -> &str {
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

struct PatternCompiler<'k, 'p> {
    keywords: &'k Keywords<'k>,
    vars: Vec<Var>,
    names: HashMap<&'p str, usize>,
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
    fn list(
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

struct TemplateCompiler<'k, 'v> {
    keywords: &'k Keywords<'k>,
    vars: &'v [Var],
    names: &'v HashMap<&'v str, usize>,
}

impl TemplateCompiler<'_, '_> {
    /// Compiles `datum` used under `depth` ellipses; `escaped` inside `(... template)`.
    fn template(&self, datum: &Datum, depth: usize, escaped: bool) -> Result<Template> {
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

/// What a pattern variable matched.
enum Bound<'a> {
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

struct Matcher<'a, 'f> {
    literal_matches: &'f dyn Fn(&str, &str) -> bool,
    bindings: Vec<Option<Bound<'a>>>,
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
    fn list(
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

struct Transcriber<'b, 'a, 'r> {
    vars: &'b [Var],
    /// The current binding of each pattern variable, descended into by ellipses.
    env: Vec<&'b Bound<'a>>,
    renames: HashMap<String, String>,
    rename: &'r mut dyn FnMut(&str) -> String,
    span: Span,
}

impl<'b, 'a> Transcriber<'b, 'a, '_> {
    fn template(&mut self, template: &Template) -> Result<Datum> {
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

/// Cuts a long pattern text for a help line.
fn shorten(text: String) -> String {
    if text.chars().count() <= HELP_PATTERN_CHARS {
        return text;
    }
    let mut short: String = text.chars().take(HELP_PATTERN_CHARS).collect();
    short.push_str(" ...");
    short
}

/// The external representation of a datum, for messages.
pub fn write_datum(datum: &Datum) -> String {
    let mut out = String::new();
    write_into(datum, &mut out);
    out
}

fn write_items(items: &[Datum], out: &mut String) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        write_into(item, out);
    }
}

fn write_into(datum: &Datum, out: &mut String) {
    deeper_or(
        || (),
        || match &datum.kind {
            DatumKind::Bool(true) => out.push_str("#t"),
            DatumKind::Bool(false) => out.push_str("#f"),
            DatumKind::Number(n) => match n {
                NumberLiteral::Fixnum(i) => {
                    let _ = write!(out, "{i}");
                }
                NumberLiteral::Bignum(i) => {
                    let _ = write!(out, "{i}");
                }
                NumberLiteral::Rational(r) => {
                    let _ = write!(out, "{r}");
                }
                NumberLiteral::Real(x) if x.is_nan() => out.push_str("+nan.0"),
                NumberLiteral::Real(x) if x.is_infinite() => {
                    out.push_str(if *x > 0.0 { "+inf.0" } else { "-inf.0" })
                }
                NumberLiteral::Real(x) => {
                    let _ = write!(out, "{x:?}");
                }
            },
            DatumKind::Char(c) => {
                let _ = match c {
                    ' ' => write!(out, "#\\space"),
                    '\n' => write!(out, "#\\newline"),
                    '\t' => write!(out, "#\\tab"),
                    c if c.is_control() => write!(out, "#\\x{:x}", *c as u32),
                    c => write!(out, "#\\{c}"),
                };
            }
            DatumKind::String(s) => {
                out.push('"');
                for c in s.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '\t' => out.push_str("\\t"),
                        c => out.push(c),
                    }
                }
                out.push('"');
            }
            DatumKind::Symbol(name) => out.push_str(name),
            DatumKind::List(items) => {
                out.push('(');
                write_items(items, out);
                out.push(')');
            }
            DatumKind::DottedList(items, tail) => {
                out.push('(');
                write_items(items, out);
                out.push_str(" . ");
                write_into(tail, out);
                out.push(')');
            }
            DatumKind::Vector(items) => {
                out.push_str("#(");
                write_items(items, out);
                out.push(')');
            }
            DatumKind::Bytevector(bytes) => {
                out.push_str("#u8(");
                for (i, b) in bytes.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    let _ = write!(out, "{b}");
                }
                out.push(')');
            }
            DatumKind::Label(n, inner) => {
                let _ = write!(out, "#{n}=");
                write_into(inner, out);
            }
            DatumKind::LabelRef(n) => {
                let _ = write!(out, "#{n}#");
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::ErrorKind;
    use crate::syntax::{parse_program, SourceId};

    fn read(text: &str) -> Datum {
        let mut data = parse_program(text, SourceId(0)).expect("test input reads");
        assert_eq!(data.len(), 1, "one datum in {text}");
        data.remove(0)
    }

    fn identity(name: &str) -> String {
        name.to_string()
    }

    fn rules(spec: &str) -> SyntaxRules {
        match SyntaxRules::parse(&read(spec), &identity) {
            Ok(rules) => rules,
            Err(e) => panic!("{spec}: {}", e.message()),
        }
    }

    fn parse_error(spec: &str) -> Error {
        match SyntaxRules::parse(&read(spec), &identity) {
            Ok(_) => panic!("{spec} parsed"),
            Err(e) => e,
        }
    }

    fn expand_form(spec: &str, form: &Datum) -> Result<Datum> {
        rules(spec).expand(form, &mut |n| n.to_string(), &|a, b| a == b)
    }

    /// Expands `form` with identity renaming and name-equality literals, written out.
    fn expand(spec: &str, form: &str) -> String {
        match expand_form(spec, &read(form)) {
            Ok(d) => write_datum(&d),
            Err(e) => panic!("{form}: {}", e.message()),
        }
    }

    fn expand_error(spec: &str, form: &str) -> Error {
        match expand_form(spec, &read(form)) {
            Ok(d) => panic!("{form} expanded to {}", write_datum(&d)),
            Err(e) => e,
        }
    }

    /// The source text an error points at.
    fn at<'t>(text: &'t str, e: &Error) -> &'t str {
        let span = e.span().expect("error has a span");
        &text[span.start as usize..span.end as usize]
    }

    const SWAP: &str = "(syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp))))";

    #[test]
    fn swap() {
        assert_eq!(
            expand(SWAP, "(swap! x y)"),
            "(let ((tmp x)) (set! x y) (set! y tmp))"
        );
    }

    #[test]
    fn recursive_or() {
        let or = "(syntax-rules () ((_) #f) ((_ e) e) \
                  ((_ e r ...) (let ((t e)) (if t t (my-or r ...)))))";
        assert_eq!(expand(or, "(my-or)"), "#f");
        assert_eq!(expand(or, "(my-or a)"), "a");
        assert_eq!(
            expand(or, "(my-or a b c)"),
            "(let ((t a)) (if t t (my-or b c)))"
        );
    }

    #[test]
    fn literals() {
        let spec = "(syntax-rules (=>) ((_ test => f) (f test)) ((_ test e) (if test e)))";
        assert_eq!(expand(spec, "(m 1 => g)"), "(g 1)");
        assert_eq!(expand(spec, "(m 1 2)"), "(if 1 2)");
        let r = rules(spec);
        assert_eq!(r.literals(), ["=>".to_string()]);
        let form = read("(m 1 => g)");
        let e = r
            .expand(&form, &mut identity_mut(), &|_, _| false)
            .expect_err("no match when the literal does not match");
        assert_eq!(
            e.message(),
            "no syntax-rules pattern of `m` matches this use"
        );
        let mut seen = Vec::new();
        let seen_cell = std::cell::RefCell::new(&mut seen);
        let out = r
            .expand(&form, &mut identity_mut(), &|lit, input| {
                seen_cell
                    .borrow_mut()
                    .push((lit.to_string(), input.to_string()));
                true
            })
            .expect("matches");
        assert_eq!(write_datum(&out), "(g 1)");
        assert_eq!(seen, [("=>".to_string(), "=>".to_string())]);
        // A literal never matches a non-symbol.
        assert_eq!(expand(spec, "(m 1 \"=>\")"), "(if 1 \"=>\")");
    }

    fn identity_mut() -> impl FnMut(&str) -> String {
        |n: &str| n.to_string()
    }

    #[test]
    fn ellipsis_followed_by_patterns() {
        let spec = "(syntax-rules () ((_ a ... b c) (list (a ...) b c)))";
        assert_eq!(expand(spec, "(m 1 2 3 4)"), "(list (1 2) 3 4)");
        assert_eq!(expand(spec, "(m 3 4)"), "(list () 3 4)");
        let e = expand_error(spec, "(m 4)");
        assert_eq!(e.kind(), ErrorKind::Syntax);
        assert_eq!(
            e.message(),
            "no syntax-rules pattern of `m` matches this use"
        );
        assert_eq!(
            e.0.help.as_deref(),
            Some("the pattern is:\n  (_ a ... b c)")
        );
        // A proper-list pattern refuses an improper input.
        expand_error(spec, "(m 1 2 3 . 4)");
    }

    #[test]
    fn dotted_patterns() {
        let spec = "(syntax-rules () ((_ a . r) (quote (a r))))";
        assert_eq!(expand(spec, "(m 1 2 3)"), "(quote (1 (2 3)))");
        assert_eq!(expand(spec, "(m 1)"), "(quote (1 ()))");
        assert_eq!(expand(spec, "(m 1 . 2)"), "(quote (1 2))");
        assert_eq!(expand(spec, "(m 1 2 . 3)"), "(quote (1 (2 . 3)))");
        expand_error(spec, "(m)");

        let spec = "(syntax-rules () ((_ a ... . r) (quote ((a ...) r))))";
        assert_eq!(expand(spec, "(m 1 2 . 3)"), "(quote ((1 2) 3))");
        assert_eq!(expand(spec, "(m 1 2)"), "(quote ((1 2) ()))");
        assert_eq!(expand(spec, "(m)"), "(quote (() ()))");

        let spec = "(syntax-rules () ((_ a ... z . r) (quote (z r a ...))))";
        assert_eq!(expand(spec, "(m 1 2 3 . 4)"), "(quote (3 4 1 2))");

        // Nested dotted pattern against a proper list.
        let spec = "(syntax-rules () ((_ (a . b)) (quote (b a))))";
        assert_eq!(expand(spec, "(m (1 2 3))"), "(quote ((2 3) 1))");
        assert_eq!(expand(spec, "(m (1))"), "(quote (() 1))");
        expand_error(spec, "(m 1)");
        expand_error(spec, "(m ())");

        // Whole-form tail.
        let spec = "(syntax-rules () ((_ . args) (list . args)))";
        assert_eq!(expand(spec, "(m)"), "(list)");
        assert_eq!(expand(spec, "(m 1 2)"), "(list 1 2)");
    }

    #[test]
    fn dotted_templates_are_normalised() {
        let spec = "(syntax-rules () ((_ a b) (a . b)))";
        assert_eq!(expand(spec, "(m 1 (2 3))"), "(1 2 3)");
        assert_eq!(expand(spec, "(m 1 2)"), "(1 . 2)");
        assert_eq!(expand(spec, "(m 1 ())"), "(1)");
        assert_eq!(expand(spec, "(m 1 (2 . 3))"), "(1 2 . 3)");
        let d = expand_form(spec, &read("(m 1 (2 3))")).unwrap();
        assert!(matches!(&d.kind, DatumKind::List(items) if items.len() == 3));
        let d = expand_form(spec, &read("(m 1 (2 . 3))")).unwrap();
        assert!(matches!(&d.kind, DatumKind::DottedList(items, _) if items.len() == 2));

        let spec = "(syntax-rules () ((_ a ... . r) (a ... . r)))";
        assert_eq!(expand(spec, "(m . 5)"), "5");
        assert_eq!(expand(spec, "(m 1 2 . 5)"), "(1 2 . 5)");
        assert_eq!(expand(spec, "(m 1 2)"), "(1 2)");
    }

    #[test]
    fn vectors() {
        let spec = "(syntax-rules () ((_ #(a ...) b) (quote #(b a ...))))";
        assert_eq!(expand(spec, "(m #(1 2) 3)"), "(quote #(3 1 2))");
        assert_eq!(expand(spec, "(m #() 3)"), "(quote #(3))");
        expand_error(spec, "(m (1 2) 3)");

        let spec = "(syntax-rules () ((_ #(a b ... c)) (quote (c b ... a))))";
        assert_eq!(expand(spec, "(m #(1 2 3 4))"), "(quote (4 2 3 1))");
        assert_eq!(expand(spec, "(m #(1 4))"), "(quote (4 1))");
        expand_error(spec, "(m #(1))");

        let spec = "(syntax-rules () ((_ #(a b)) #((a b) ...)))";
        let e = parse_error(spec);
        assert_eq!(
            e.message(),
            "this `...` follows a template with no pattern variable matched under 1 ellipsis"
        );
    }

    #[test]
    fn nested_ellipses() {
        let spec = "(syntax-rules () ((_ ((n v) ...) body ...) ((lambda (n ...) body ...) v ...)))";
        assert_eq!(
            expand(spec, "(my-let ((a 1) (b 2)) (f a) b)"),
            "((lambda (a b) (f a) b) 1 2)"
        );
        assert_eq!(expand(spec, "(my-let () 1)"), "((lambda () 1))");

        let star = "(syntax-rules () ((_ () body ...) (let () body ...)) \
                    ((_ ((n v) rest ...) body ...) (let ((n v)) (my-let* (rest ...) body ...))))";
        assert_eq!(
            expand(star, "(my-let* ((a 1) (b a)) b)"),
            "(let ((a 1)) (my-let* ((b a)) b))"
        );

        let spec = "(syntax-rules () ((_ (a b ...) ...) (quote ((b ... a) ...))))";
        assert_eq!(
            expand(spec, "(m (1 2 3) (4) (5 6))"),
            "(quote ((2 3 1) (4) (6 5)))"
        );
        let flat = "(syntax-rules () ((_ (a b ...) ...) (quote (b ... ...))))";
        assert_eq!(expand(flat, "(m (1 2 3) (4) (5 6))"), "(quote (2 3 6))");
        assert_eq!(expand(flat, "(m)"), "(quote ())");
        let flat_tree = "(syntax-rules () ((_ ((a ...) ...) ...) (quote (a ... ... ...))))";
        assert_eq!(
            expand(flat_tree, "(m ((1 2) (3)) () ((4)))"),
            "(quote (1 2 3 4))"
        );
    }

    #[test]
    fn lower_depth_variables_are_replicated() {
        let spec = "(syntax-rules () ((_ x (a ...)) (quote ((x a) ...))))";
        assert_eq!(expand(spec, "(m k (1 2))"), "(quote ((k 1) (k 2)))");
        let spec = "(syntax-rules () ((_ x (a b ...) ...) (quote ((a x b ...) ...))))";
        assert_eq!(
            expand(spec, "(m k (1 2 3) (4))"),
            "(quote ((1 k 2 3) (4 k)))"
        );
    }

    #[test]
    fn mismatched_lengths() {
        let spec = "(syntax-rules () ((_ (a ...) (b ...)) (quote ((a b) ...))))";
        assert_eq!(expand(spec, "(m (1 2) (3 4))"), "(quote ((1 3) (2 4)))");
        let text = "(m (1 2) (3))";
        let e = expand_error(spec, text);
        assert_eq!(
            e.message(),
            "pattern variables `a` and `b` matched different numbers of items (2 and 1) \
             but are repeated by the same ellipsis"
        );
        assert_eq!(at(text, &e), text);
    }

    #[test]
    fn custom_ellipsis() {
        let spec = "(syntax-rules ::: () ((_ a :::) (list a :::)))";
        assert_eq!(expand(spec, "(m 1 2)"), "(list 1 2)");
        assert_eq!(rules(spec).ellipsis(), Some(":::"));
        // `...` is an ordinary pattern variable under a custom ellipsis.
        let spec = "(syntax-rules ::: () ((_ ... a :::) (quote (... a :::))))";
        assert_eq!(expand(spec, "(m x 1 2)"), "(quote (x 1 2))");
        // An ellipsis listed among the literals is a literal.
        let spec = "(syntax-rules (...) ((_ a ...) (quote a)))";
        assert_eq!(rules(spec).ellipsis(), None);
        assert_eq!(expand(spec, "(m 1 ...)"), "(quote 1)");
        expand_error(spec, "(m 1 2)");
    }

    #[test]
    fn ellipsis_escape() {
        let spec = "(syntax-rules () ((_ a ...) (quote ((... ...) a ...))))";
        assert_eq!(expand(spec, "(m 1 2)"), "(quote (... 1 2))");
        let spec = "(syntax-rules () ((_ a) (quote (... (a ...)))))";
        assert_eq!(expand(spec, "(m 1)"), "(quote (1 ...))");
        // A macro-writing macro.
        let spec = "(syntax-rules () ((_ name) \
                    (define-syntax name (syntax-rules () ((_ x (... ...)) (list x (... ...)))))))";
        assert_eq!(
            expand(spec, "(def m2)"),
            "(define-syntax m2 (syntax-rules () ((_ x ...) (list x ...))))"
        );
    }

    #[test]
    fn underscore() {
        let spec = "(syntax-rules () ((_ _ b _) b))";
        assert_eq!(expand(spec, "(m 1 2 3)"), "2");
        let spec = "(syntax-rules () ((_ (_ ...) b) b))";
        assert_eq!(expand(spec, "(m (1 2) 3)"), "3");
        // `_` among the literals is matched as a literal.
        let spec = "(syntax-rules (_) ((_ _ b) b))";
        assert_eq!(expand(spec, "(m _ 2)"), "2");
        expand_error(spec, "(m 1 2)");
    }

    #[test]
    fn constants_match_with_equal() {
        let spec = "(syntax-rules () ((_ 1 x) (quote one)) ((_ \"s\" x) (quote string)) \
                    ((_ #\\c x) (quote char)) ((_ #t x) (quote true)) ((_ 1.5 x) (quote real)) \
                    ((_ () x) (quote empty)) ((_ y x) (quote other)))";
        assert_eq!(expand(spec, "(m 1 0)"), "(quote one)");
        assert_eq!(expand(spec, "(m \"s\" 0)"), "(quote string)");
        assert_eq!(expand(spec, "(m #\\c 0)"), "(quote char)");
        assert_eq!(expand(spec, "(m #t 0)"), "(quote true)");
        assert_eq!(expand(spec, "(m 1.5 0)"), "(quote real)");
        assert_eq!(expand(spec, "(m () 0)"), "(quote empty)");
        assert_eq!(expand(spec, "(m 1.0 0)"), "(quote other)");
        assert_eq!(expand(spec, "(m \"t\" 0)"), "(quote other)");
        assert_eq!(expand(spec, "(m #f 0)"), "(quote other)");
    }

    #[test]
    fn renames_are_consistent_within_one_expansion() {
        let r = rules(SWAP);
        let mut counter = 0;
        let mut calls = Vec::new();
        let mut rename = |name: &str| {
            counter += 1;
            calls.push(name.to_string());
            format!("{name}.{counter}")
        };
        let first = r
            .expand(&read("(swap! x y)"), &mut rename, &|a, b| a == b)
            .unwrap();
        let second = r
            .expand(&read("(swap! p q)"), &mut rename, &|a, b| a == b)
            .unwrap();
        assert_eq!(
            write_datum(&first),
            "(let.1 ((tmp.2 x)) (set!.3 x y) (set!.3 y tmp.2))"
        );
        assert_eq!(
            write_datum(&second),
            "(let.4 ((tmp.5 p)) (set!.6 p q) (set!.6 q tmp.5))"
        );
        assert_eq!(calls, ["let", "tmp", "set!", "let", "tmp", "set!"]);
    }

    #[test]
    fn spans() {
        let text = "(swap! x (car y))";
        let form = read(text);
        let out = expand_form(SWAP, &form).unwrap();
        assert_eq!(out.span, form.span);
        let DatumKind::List(items) = &out.kind else {
            panic!("a list")
        };
        // `let` and `((tmp x))` come from the template.
        assert_eq!(items[0].span, form.span);
        assert_eq!(items[1].span, form.span);
        // `(set! x (car y))`: built from the template, with substituted parts.
        let DatumKind::List(set) = &items[2].kind else {
            panic!("a list")
        };
        assert_eq!(items[2].span, form.span);
        assert_eq!(
            &text[set[1].span.start as usize..set[1].span.end as usize],
            "x"
        );
        assert_eq!(
            &text[set[2].span.start as usize..set[2].span.end as usize],
            "(car y)"
        );
        let DatumKind::List(car) = &set[2].kind else {
            panic!("a list")
        };
        assert_eq!(
            &text[car[1].span.start as usize..car[1].span.end as usize],
            "y"
        );

        // Template constants get the use span too; a rest binding spans its items.
        let spec = "(syntax-rules () ((_ a . r) (f \"s\" r)))";
        let text = "(m 1 2 3)";
        let form = read(text);
        let out = expand_form(spec, &form).unwrap();
        let DatumKind::List(items) = &out.kind else {
            panic!("a list")
        };
        assert_eq!(items[1].span, form.span);
        assert_eq!(
            &text[items[2].span.start as usize..items[2].span.end as usize],
            "2 3"
        );
    }

    #[test]
    fn no_match_lists_patterns() {
        let spec = "(syntax-rules () ((_ a) a) ((_ a b) b))";
        let text = "(m 1 2 3)";
        let e = expand_error(spec, text);
        assert_eq!(e.kind(), ErrorKind::Syntax);
        assert_eq!(
            e.message(),
            "no syntax-rules pattern of `m` matches this use"
        );
        assert_eq!(at(text, &e), text);
        assert_eq!(
            e.0.help.as_deref(),
            Some("the patterns are:\n  (_ a)\n  (_ a b)")
        );
        // A bare keyword matches no list pattern.
        let e = expand_error(spec, "m");
        assert_eq!(
            e.message(),
            "no syntax-rules pattern of `m` matches this use"
        );
        let e = expand_error("(syntax-rules ())", "(m)");
        assert_eq!(e.0.help.as_deref(), Some("this macro has no rules"));
    }

    #[test]
    fn parse_errors() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "(syntax-rulez () ((_ a) a))",
                "expected a syntax-rules form",
                "syntax-rulez",
            ),
            (
                "(syntax-rules)",
                "syntax-rules needs a literal list",
                "(syntax-rules)",
            ),
            (
                "(syntax-rules 5 ((_ a) a))",
                "the literal list of syntax-rules must be a list of identifiers",
                "5",
            ),
            (
                "(syntax-rules (a 5) ((_ a) a))",
                "a syntax-rules literal must be an identifier",
                "5",
            ),
            (
                "(syntax-rules () ((_ a) a a))",
                "a syntax-rules rule must be (pattern template)",
                "((_ a) a a)",
            ),
            (
                "(syntax-rules () x)",
                "a syntax-rules rule must be (pattern template)",
                "x",
            ),
            (
                "(syntax-rules () (x x))",
                "a syntax-rules pattern must be a list starting with the macro keyword",
                "x",
            ),
            (
                "(syntax-rules () (() 1))",
                "a syntax-rules pattern must be a list starting with the macro keyword",
                "()",
            ),
            (
                "(syntax-rules () ((_ a (b a)) a))",
                "pattern variable `a` appears twice in one pattern",
                "a",
            ),
            (
                "(syntax-rules () ((_ a ... b ...) a))",
                "only one `...` is allowed in each list of a pattern",
                "...",
            ),
            (
                "(syntax-rules () ((_ a ... ...) a))",
                "only one `...` is allowed in each list of a pattern",
                "...",
            ),
            (
                "(syntax-rules () ((_ #(a ... b ...)) a))",
                "only one `...` is allowed in each list of a pattern",
                "...",
            ),
            (
                "(syntax-rules () ((_ (... a)) a))",
                "`...` must follow a pattern",
                "...",
            ),
            (
                "(syntax-rules () ((_ a . ...) a))",
                "`...` cannot be the tail of a dotted pattern",
                "...",
            ),
            (
                "(syntax-rules () ((_ a) (a ...)))",
                "this `...` follows a template with no pattern variable matched under 1 ellipsis",
                "...",
            ),
            (
                "(syntax-rules () ((_ a ...) ((a ...) ...)))",
                "this `...` follows a template with no pattern variable matched under 2 ellipses",
                "...",
            ),
            (
                "(syntax-rules () ((_ a ...) (a ... ...)))",
                "this `...` follows a template with no pattern variable matched under 2 ellipses",
                "...",
            ),
            (
                "(syntax-rules () ((_ a ...) (f a)))",
                "pattern variable `a` is matched under 1 ellipsis in the pattern but used under \
                 0 ellipses in the template",
                "a",
            ),
            (
                "(syntax-rules () ((_ (a ...) ...) (f a ...)))",
                "pattern variable `a` is matched under 2 ellipses in the pattern but used under \
                 1 ellipsis in the template",
                "a",
            ),
            (
                "(syntax-rules () ((_ a) ...))",
                "`...` must follow a template element",
                "...",
            ),
            (
                "(syntax-rules () ((_ a) (f . ...)))",
                "`...` must follow a template element",
                "...",
            ),
            (
                "(syntax-rules () ((_ a) #(... a)))",
                "`...` must follow a template element",
                "...",
            ),
            (
                "(syntax-rules () ((_ a) (... a a)))",
                "the escape `(... template)` takes exactly one template",
                "(... a a)",
            ),
            (
                "(syntax-rules () ((_ a) (...)))",
                "the escape `(... template)` takes exactly one template",
                "(...)",
            ),
            (
                "(syntax-rules ::: () ((_ a :::) (a ::: :::)))",
                "this `:::` follows a template with no pattern variable matched under 2 ellipses",
                ":::",
            ),
        ];
        for (spec, message, text) in cases {
            let e = parse_error(spec);
            assert_eq!(e.kind(), ErrorKind::Syntax, "{spec}");
            assert_eq!(e.message(), *message, "{spec}");
            assert_eq!(at(spec, &e), *text, "{spec}");
        }
        let e = parse_error("5");
        assert_eq!(e.message(), "expected a syntax-rules form");
    }

    #[test]
    fn strip_decides_keywords() {
        let strip = |name: &str| name.trim_end_matches('#').to_string();
        let spec = read("(syntax-rules# () ((_# a ...#) (list a ...#)))");
        let r = SyntaxRules::parse(&spec, &strip).unwrap();
        let out = r
            .expand(&read("(m 1 2)"), &mut identity_mut(), &|a, b| a == b)
            .unwrap();
        assert_eq!(write_datum(&out), "(list 1 2)");
    }

    #[test]
    fn long_inputs() {
        let n = 100_000;
        let mut text = String::from("(m");
        for i in 0..n {
            text.push_str(&format!(" {i}"));
        }
        text.push(')');
        let spec = "(syntax-rules () ((_ a ... z) (f z a ...)))";
        let out = expand_form(spec, &read(&text)).unwrap();
        let DatumKind::List(items) = &out.kind else {
            panic!("a list")
        };
        assert_eq!(items.len(), n + 1);

        let depth = 2_000;
        let nested = format!("(m {}x{})", "(".repeat(depth), ")".repeat(depth));
        let spec = "(syntax-rules () ((_ a) (quote a)))";
        let out = expand_form(spec, &read(&nested)).unwrap();
        assert_eq!(write_datum(&out).len(), "(quote )".len() + 2 * depth + 1);
    }
}
