//! The ordinary checks of `eshkol --check`, reported as warnings: names
//! that nothing binds, and calls of known procedures (builtins, and the
//! program's own top-level procedures) with a wrong number of arguments.
//!
//! Scopes follow the core binding forms. A program that includes files,
//! imports libraries of its own or defines libraries is not checked for
//! unbound names (its definitions are elsewhere), and a form the check does
//! not know how to scope (a macro of the program, `cond-expand`) is skipped.

use std::collections::{HashMap, HashSet};

use super::{head, items, symbols, Finding};
use crate::diagnostics::{Error, ErrorKind};
use crate::syntax::{Datum, DatumKind, Span};

/// What the environment every program starts in provides.
pub trait Environment {
    /// Whether `name` is a builtin, a library procedure, a special form or
    /// a built-in macro.
    fn is_bound(&self, name: &str) -> bool;
    /// The argument counts a builtin procedure accepts: at least, at most.
    fn arity(&self, name: &str) -> Option<(usize, Option<usize>)>;
    /// A bound name close to `name`, for "did you mean" help.
    fn suggest(&self, name: &str) -> Option<String>;
}

/// Checks `program` against the names `environment` provides.
pub fn check(program: &[Datum], environment: &dyn Environment) -> Vec<Finding> {
    let mut checker = Checker {
        environment,
        globals: HashSet::new(),
        procedures: HashMap::new(),
        assigned: HashSet::new(),
        macros: program_macros(program),
        scopes: Vec::new(),
        findings: Vec::new(),
        check_unbound: true,
    };
    for form in program {
        checker.collect(form);
    }
    for form in program {
        checker.form(form);
    }
    checker.findings
}

/// The names a program defines as macros (`define-syntax` anywhere).
pub fn program_macros(program: &[Datum]) -> HashSet<String> {
    let mut macros = HashSet::new();
    for form in program {
        collect_macros(form, &mut macros);
    }
    macros
}

fn collect_macros(form: &Datum, macros: &mut HashSet<String>) {
    if let Some(parts) = items(form) {
        if matches!(head(form), Some("define-syntax")) {
            if let Some(name) = parts.get(1).and_then(Datum::as_symbol) {
                macros.insert(name.to_string());
            }
        }
        for part in parts {
            collect_macros(part, macros);
        }
    }
}

struct Checker<'a> {
    environment: &'a dyn Environment,
    /// Names the program defines at top level.
    globals: HashSet<String>,
    /// Top-level procedures with their argument counts.
    procedures: HashMap<String, (usize, Option<usize>)>,
    /// Globals assigned with `set!` somewhere: their arity is unknown.
    assigned: HashSet<String>,
    macros: HashSet<String>,
    scopes: Vec<HashSet<String>>,
    findings: Vec<Finding>,
    check_unbound: bool,
}

impl Checker<'_> {
    /// First pass: the top-level definitions (any order of use is fine).
    fn collect(&mut self, form: &Datum) {
        visit_quoted_definitions(form, false, &mut |name| {
            self.globals.insert(name.to_string());
        });
        let Some(parts) = items(form) else { return };
        if head(form).is_some_and(|h| self.macros.contains(h)) {
            // A macro use may define any name it mentions.
            symbols(form, &mut |n| {
                self.globals.insert(n.to_string());
            });
            return;
        }
        match head(form) {
            Some("begin") => {
                for part in &parts[1..] {
                    self.collect(part);
                }
            }
            Some("define") => {
                let (name, arity) = match parts.get(1) {
                    Some(target) if target.as_symbol().is_some() => {
                        (target.as_symbol(), parts.get(2).and_then(lambda_arity))
                    }
                    Some(signature) => {
                        let (name, arity) = signature_arity(signature);
                        (name, Some(arity))
                    }
                    None => (None, None),
                };
                if let Some(name) = name {
                    // A name defined twice may take different counts.
                    if !self.globals.insert(name.to_string()) {
                        self.assigned.insert(name.to_string());
                    }
                    if let Some(arity) = arity {
                        self.procedures.insert(name.to_string(), arity);
                    }
                }
            }
            Some("define-values") => {
                if let Some(formals) = parts.get(1) {
                    for name in formal_names(formals) {
                        self.globals.insert(name.to_string());
                    }
                }
            }
            Some("define-record-type") => {
                for part in &parts[1..] {
                    symbols(part, &mut |n| {
                        self.globals.insert(n.to_string());
                    });
                }
            }
            Some("include" | "include-ci" | "define-library" | "load") => {
                self.check_unbound = false
            }
            Some("import") => {
                let own_library = parts[1..].iter().any(|set| !builtin_import(set));
                if own_library {
                    self.check_unbound = false;
                }
            }
            _ => {}
        }
        visit_assignments(form, &mut |name| {
            self.assigned.insert(name.to_string());
        });
    }

    fn bound_locally(&self, name: &str) -> bool {
        self.scopes.iter().any(|scope| scope.contains(name))
    }

    fn with_scope(&mut self, names: impl IntoIterator<Item = String>, f: impl FnOnce(&mut Self)) {
        self.scopes.push(names.into_iter().collect());
        f(self);
        self.scopes.pop();
    }

    fn forms(&mut self, forms: &[Datum]) {
        // Internal definitions are visible to the whole body; a macro use
        // may define any name it mentions.
        let mut defined: Vec<String> = forms.iter().flat_map(defined_names).collect();
        for form in forms {
            if head(form).is_some_and(|h| self.macros.contains(h)) {
                symbols(form, &mut |n| defined.push(n.to_string()));
            }
        }
        self.with_scope(defined, |c| {
            for form in forms {
                c.form(form);
            }
        });
    }

    fn form(&mut self, form: &Datum) {
        match &form.kind {
            DatumKind::Symbol(name) => self.reference(name, form.span),
            DatumKind::List(parts) if !parts.is_empty() => self.compound(form, parts),
            _ => {}
        }
    }

    fn reference(&mut self, name: &str, span: Span) {
        if !self.check_unbound
            || self.bound_locally(name)
            || self.globals.contains(name)
            || self.macros.contains(name)
            || self.environment.is_bound(name)
        {
            return;
        }
        let help = match self.environment.suggest(name) {
            Some(close) => format!("did you mean `{close}`?"),
            None => "nothing in the program or among the builtins defines it".to_string(),
        };
        let error = Error::new(ErrorKind::Unbound, format!("unbound variable `{name}`"))
            .at(span)
            .with_help(help);
        self.findings.push(Finding::warning(error));
    }

    fn compound(&mut self, form: &Datum, parts: &[Datum]) {
        let keyword = head(form).filter(|k| !self.bound_locally(k));
        match keyword {
            Some(k) if self.macros.contains(k) && !self.globals.contains(k) => {}
            Some(
                "quote" | "quasiquote" | "define-syntax" | "let-syntax" | "letrec-syntax"
                | "define-record-type" | "import" | "define-library" | "cond-expand" | "include"
                | "include-ci" | "syntax-rules",
            ) => {}
            Some("define") => self.define(parts),
            Some("define-values") => {
                if let Some(value) = parts.get(2) {
                    self.form(value);
                }
            }
            Some("lambda") => {
                if let Some(formals) = parts.get(1) {
                    let names = formal_names(formals)
                        .map(str::to_string)
                        .collect::<Vec<_>>();
                    self.with_scope(names, |c| c.forms(&parts[2..]));
                }
            }
            Some("case-lambda") => {
                for clause in &parts[1..] {
                    if let Some(clause) = items(clause) {
                        let names: Vec<String> = clause
                            .first()
                            .map(formal_names)
                            .into_iter()
                            .flatten()
                            .map(str::to_string)
                            .collect();
                        self.with_scope(names, |c| c.forms(&clause[1.min(clause.len())..]));
                    }
                }
            }
            Some("let" | "let*" | "letrec" | "letrec*") => self.let_form(parts),
            Some(keyword @ ("let-values" | "let*-values")) => {
                let sequential = keyword == "let*-values";
                let mut names = Vec::new();
                for binding in parts.get(1).and_then(items).unwrap_or_default() {
                    if let Some([formals, init]) = items(binding).and_then(|b| b.get(..2)) {
                        let seen = if sequential {
                            names.clone()
                        } else {
                            Vec::new()
                        };
                        self.with_scope(seen, |c| c.form(init));
                        names.extend(formal_names(formals).map(str::to_string));
                    }
                }
                self.with_scope(names, |c| c.forms(&parts[2.min(parts.len())..]));
            }
            Some("receive") => {
                if let (Some(formals), Some(init)) = (parts.get(1), parts.get(2)) {
                    self.form(init);
                    let names = formal_names(formals)
                        .map(str::to_string)
                        .collect::<Vec<_>>();
                    self.with_scope(names, |c| c.forms(&parts[3..]));
                }
            }
            Some("do") => self.do_loop(parts),
            Some("parameterize") => {
                for binding in parts.get(1).and_then(items).unwrap_or_default() {
                    for part in items(binding).unwrap_or_default() {
                        self.form(part);
                    }
                }
                self.forms(&parts[2.min(parts.len())..]);
            }
            Some("case") => {
                if let Some(key) = parts.get(1) {
                    self.form(key);
                }
                for clause in &parts[2.min(parts.len())..] {
                    if let Some(clause) = items(clause) {
                        self.clause_body(&clause[1.min(clause.len())..]);
                    }
                }
            }
            Some("cond") => self.cond_clauses(&parts[1..]),
            Some("guard") => {
                // (guard (var clause ...) body ...)
                let Some(spec) = parts.get(1).and_then(items) else {
                    return;
                };
                let rest = &spec[1.min(spec.len())..];
                self.with_scope(first_name(spec), |c| c.cond_clauses(rest));
                self.forms(&parts[2..]);
            }
            Some("with-arena") => {
                // (with-arena (name size [limit]) body ...)
                let Some(spec) = parts.get(1).and_then(items) else {
                    return;
                };
                for size in &spec[1.min(spec.len())..] {
                    self.form(size);
                }
                self.with_scope(first_name(spec), |c| c.forms(&parts[2..]));
            }
            Some("begin") => {
                for part in &parts[1..] {
                    self.form(part);
                }
            }
            Some(name) if crate::compile::expand::is_special_form(name) => {
                for part in &parts[1..] {
                    self.form(part);
                }
            }
            _ => self.call(parts),
        }
    }

    /// The clauses of a `cond` or a `guard`: each test, then its body.
    fn cond_clauses(&mut self, clauses: &[Datum]) {
        for clause in clauses {
            if let Some(clause) = items(clause) {
                if let Some(test) = clause.first().filter(|t| t.as_symbol() != Some("else")) {
                    self.form(test);
                }
                self.clause_body(&clause[1.min(clause.len())..]);
            }
        }
    }

    /// The body of a `cond`, `case` or `guard` clause (`=> f` included).
    fn clause_body(&mut self, body: &[Datum]) {
        for form in body {
            if form.as_symbol() != Some("=>") {
                self.form(form);
            }
        }
    }

    fn define(&mut self, parts: &[Datum]) {
        match parts.get(1).map(|d| &d.kind) {
            Some(DatumKind::Symbol(_)) => {
                if let Some(value) = parts.get(2) {
                    self.form(value);
                }
            }
            Some(DatumKind::List(_)) | Some(DatumKind::DottedList(..)) => {
                let mut names = Vec::new();
                let mut signature = parts[1].clone();
                // Curried defines: ((f a) b) binds a and b.
                while let Some(inner) = items(&signature)
                    .and_then(|s| s.first())
                    .filter(|f| items(f).is_some())
                {
                    names.extend(formal_names(&tail_formals(&signature)).map(str::to_string));
                    signature = inner.clone();
                }
                names.extend(formal_names(&tail_formals(&signature)).map(str::to_string));
                self.with_scope(names, |c| c.forms(&parts[2..]));
            }
            _ => {}
        }
    }

    fn let_form(&mut self, parts: &[Datum]) {
        let named = parts.get(1).and_then(Datum::as_symbol);
        let at = if named.is_some() { 2 } else { 1 };
        let bindings = parts.get(at).and_then(items).unwrap_or_default();
        let mut names: Vec<String> = named.map(str::to_string).into_iter().collect();
        let keyword = parts.first().and_then(Datum::as_symbol);
        let sequential = matches!(keyword, Some("let*" | "letrec" | "letrec*"));
        for binding in bindings {
            if let Some(items) = items(binding) {
                if let Some(name) = items.first().and_then(Datum::as_symbol) {
                    names.push(name.to_string());
                }
            } else if let Some(name) = binding.as_symbol() {
                names.push(name.to_string());
            }
        }
        let initial_scope = if sequential {
            names.clone()
        } else {
            Vec::new()
        };
        self.with_scope(initial_scope, |c| {
            for binding in bindings {
                if let Some(init) = items(binding).and_then(|b| b.get(1)) {
                    c.form(init);
                }
            }
        });
        self.with_scope(names, |c| c.forms(&parts[(at + 1).min(parts.len())..]));
    }

    fn do_loop(&mut self, parts: &[Datum]) {
        let specs = parts.get(1).and_then(items).unwrap_or_default();
        let mut names = Vec::new();
        for spec in specs {
            if let Some(spec) = items(spec) {
                if let Some(init) = spec.get(1) {
                    self.form(init);
                }
                if let Some(name) = spec.first().and_then(Datum::as_symbol) {
                    names.push(name.to_string());
                }
            }
        }
        self.with_scope(names, |c| {
            for spec in specs {
                if let Some(step) = items(spec).and_then(|s| s.get(2)) {
                    c.form(step);
                }
            }
            if let Some(exit) = parts.get(2).and_then(items) {
                for form in exit {
                    c.form(form);
                }
            }
            c.forms(&parts[3.min(parts.len())..]);
        });
    }

    /// A call: each part, then the argument count against the callee's.
    fn call(&mut self, parts: &[Datum]) {
        for part in parts {
            self.form(part);
        }
        let Some(name) = parts.first().and_then(Datum::as_symbol) else {
            return;
        };
        if self.bound_locally(name) || self.assigned.contains(name) {
            return;
        }
        let arity = if self.globals.contains(name) {
            self.procedures.get(name).copied()
        } else {
            self.environment.arity(name)
        };
        let Some((min, max)) = arity else { return };
        let given = parts.len() - 1;
        if given >= min && max.is_none_or(|max| given <= max) {
            return;
        }
        let (expected, last) = match max {
            Some(max) if max == min => (format!("{min}"), min),
            Some(max) => (format!("{min} to {max}"), max),
            None => (format!("at least {min}"), min),
        };
        let plural = if last == 1 { "" } else { "s" };
        let mut error = Error::new(
            ErrorKind::Arity,
            format!("`{name}` takes {expected} argument{plural}, this call passes {given}"),
        )
        .at(parts[0].span);
        let infix = parts[1..]
            .iter()
            .any(|p| matches!(p.as_symbol(), Some("*" | "+" | "-" | "/")));
        if infix {
            error = error.with_help("Scheme has no infix arithmetic: compute with a prefix expression, as in (* 1024 1024 100)");
        }
        self.findings.push(Finding::warning(error));
    }
}

/// The variable a `(name ...)` spec binds, if its first part is one.
fn first_name(spec: &[Datum]) -> Vec<String> {
    spec.first()
        .and_then(Datum::as_symbol)
        .map(str::to_string)
        .into_iter()
        .collect()
}

/// `(import (scheme base) (srfi 1) ...)`: whether an import set names a
/// built-in library (possibly through only, except, prefix, rename).
pub(super) fn builtin_import(set: &Datum) -> bool {
    let Some(parts) = items(set) else {
        return false;
    };
    match head(set) {
        Some("only" | "except" | "prefix" | "rename") => parts.get(1).is_some_and(builtin_import),
        Some("scheme" | "srfi" | "eshkol") => true,
        _ => false,
    }
}

/// The formals of a procedure signature `(name . formals)`.
fn tail_formals(signature: &Datum) -> Datum {
    match &signature.kind {
        DatumKind::List(parts) => Datum::new(
            DatumKind::List(parts[1.min(parts.len())..].to_vec()),
            signature.span,
        ),
        DatumKind::DottedList(parts, tail) if parts.len() > 1 => Datum::new(
            DatumKind::DottedList(parts[1..].to_vec(), tail.clone()),
            signature.span,
        ),
        DatumKind::DottedList(_, tail) => (**tail).clone(),
        _ => Datum::new(DatumKind::List(Vec::new()), signature.span),
    }
}

/// The variables a formals list binds: `(a b)`, `(a . rest)`, `args`.
fn formal_names(formals: &Datum) -> impl Iterator<Item = &str> {
    let (list, tail): (&[Datum], Option<&Datum>) = match &formals.kind {
        DatumKind::List(parts) => (parts, None),
        DatumKind::DottedList(parts, tail) => (parts, Some(tail)),
        DatumKind::Symbol(_) => (&[], Some(formals)),
        _ => (&[], None),
    };
    list.iter().chain(tail).filter_map(|d| {
        d.as_symbol()
            .or_else(|| items(d).and_then(|o| o.first()).and_then(Datum::as_symbol))
    })
}

/// The argument counts of `(lambda formals ...)`.
fn lambda_arity(value: &Datum) -> Option<(usize, Option<usize>)> {
    if head(value) != Some("lambda") {
        return None;
    }
    let formals = items(value).and_then(|p| p.get(1))?;
    Some(formals_arity(formals))
}

fn formals_arity(formals: &Datum) -> (usize, Option<usize>) {
    match &formals.kind {
        DatumKind::List(parts) if parts.iter().all(|p| p.as_symbol().is_some()) => {
            (parts.len(), Some(parts.len()))
        }
        DatumKind::DottedList(parts, _) => (parts.len(), None),
        DatumKind::Symbol(_) => (0, None),
        // #!optional and friends: not followed.
        _ => (0, None),
    }
}

/// `(define (name . formals) ...)`: the name and argument counts (a curried
/// define returns a procedure: its count is that of the outer signature).
fn signature_arity(signature: &Datum) -> (Option<&str>, (usize, Option<usize>)) {
    let mut current = signature;
    while let Some(inner) = items(current)
        .and_then(|s| s.first())
        .filter(|f| items(f).is_some())
    {
        current = inner;
    }
    let name = items(current)
        .and_then(|s| s.first())
        .and_then(Datum::as_symbol);
    let name = name.or_else(|| match &current.kind {
        DatumKind::DottedList(parts, _) => parts.first().and_then(Datum::as_symbol),
        _ => None,
    });
    (name, formals_arity(&tail_formals(current)))
}

/// The names a body form defines: `(define x ...)`, `(define (f ...) ...)`,
/// `(define-values (a b) ...)`, `(define-record-type ...)`, `(begin ...)`.
fn defined_names(form: &Datum) -> Vec<String> {
    let Some(parts) = items(form) else {
        return Vec::new();
    };
    match head(form) {
        Some("define") => match parts.get(1) {
            Some(target) if target.as_symbol().is_some() => {
                target.as_symbol().map(str::to_string).into_iter().collect()
            }
            Some(signature) => signature_arity(signature)
                .0
                .map(str::to_string)
                .into_iter()
                .collect(),
            None => Vec::new(),
        },
        Some("define-values") => parts
            .get(1)
            .map(|f| formal_names(f).map(str::to_string).collect())
            .unwrap_or_default(),
        Some("define-record-type") => {
            let mut names = Vec::new();
            for part in &parts[1..] {
                symbols(part, &mut |n| names.push(n.to_string()));
            }
            names
        }
        Some("begin") => parts[1..].iter().flat_map(defined_names).collect(),
        _ => Vec::new(),
    }
}

/// Every name a quoted `(define name ...)` in `datum` would define (for
/// `eval`): `quoted` when `datum` is inside a quotation.
fn visit_quoted_definitions(datum: &Datum, quoted: bool, f: &mut dyn FnMut(&str)) {
    let Some(parts) = items(datum) else { return };
    if quoted && head(datum) == Some("define") {
        if let Some(target) = parts.get(1) {
            let name = target.as_symbol().or_else(|| signature_arity(target).0);
            if let Some(name) = name {
                f(name);
            }
        }
    }
    let quoted = quoted || matches!(head(datum), Some("quote" | "quasiquote"));
    for part in parts {
        visit_quoted_definitions(part, quoted, f);
    }
}

/// Every `(set! name ...)` in `datum`.
fn visit_assignments(datum: &Datum, f: &mut dyn FnMut(&str)) {
    if let Some(parts) = items(datum) {
        if head(datum) == Some("set!") {
            if let Some(name) = parts.get(1).and_then(Datum::as_symbol) {
                f(name);
            }
        }
        for part in parts {
            visit_assignments(part, f);
        }
    }
}
