//! The arena-lifetime check of `eshkol --check`: follows, through each
//! body, which variables hold arenas and which hold values allocated in
//! them, and reports what would fail or leak at run time.
//!
//! Facts are "must" facts: an arena counts as destroyed after a branch only
//! if every branch destroyed it, so a use is reported only when it follows
//! a destroy on every path to it. Whatever the check cannot follow (an arena
//! passed to a procedure it does not know, captured by a closure, stored, or
//! a form it does not understand) makes it forget that arena: it stays
//! silent rather than guess.

use std::collections::HashMap;

use super::{head, items, symbols, Finding};
use crate::diagnostics::{Error, ErrorKind};
use crate::syntax::{Datum, DatumKind, Span};

/// An arena held by a variable.
#[derive(Clone, Debug)]
struct ArenaVar {
    /// Where it was made, when made in the body being checked (an arena
    /// made there must be destroyed there, returned or stored).
    made: Option<Span>,
    /// Destroyed on every path so far: where (the first destroy).
    destroyed: Option<Span>,
    /// Destroyed on some path so far.
    maybe_destroyed: bool,
    /// Passed on, stored or captured: no longer followed for leaks.
    escaped: bool,
    /// Destroyed on the way out of its `with-arena`: never a leak.
    scoped: bool,
}

/// A value allocated in (or copied into) an arena.
#[derive(Clone, Debug)]
struct ArenaValue {
    arena: String,
    made: Span,
}

/// What the check knows at a point of a body.
#[derive(Clone, Debug, Default)]
struct Flow {
    arenas: HashMap<String, ArenaVar>,
    values: HashMap<String, ArenaValue>,
}

impl Flow {
    /// The facts after two alternative paths.
    fn merge(a: Flow, b: &Flow) -> Flow {
        let mut merged = Flow::default();
        for (name, x) in a.arenas {
            if let Some(y) = b.arenas.get(&name) {
                let both = x.destroyed.is_some() && y.destroyed.is_some();
                merged.arenas.insert(
                    name,
                    ArenaVar {
                        made: x.made.or(y.made),
                        destroyed: if both { x.destroyed } else { None },
                        maybe_destroyed: x.maybe_destroyed || y.maybe_destroyed,
                        escaped: x.escaped || y.escaped,
                        scoped: x.scoped && y.scoped,
                    },
                );
            }
        }
        for (name, v) in a.values {
            if b.values.get(&name).is_some_and(|w| w.arena == v.arena) {
                merged.values.insert(name, v);
            }
        }
        merged
    }

    /// Forgets `name` as an arena or arena value (it is rebound).
    fn forget(&mut self, name: &str) {
        self.arenas.remove(name);
        self.values.remove(name);
    }
}

/// Builtins that use an arena argument without destroying or keeping it.
const ARENA_READERS: &[&str] = &[
    "arena-alloc",
    "copy-to-arena",
    "arena-stats",
    "arena-used",
    "arena?",
    "arena-live?",
    "arena-reset!",
];

/// Checks every body of a program; returns the findings in source order.
pub fn check(program: &[Datum], macros: &dyn Fn(&str) -> bool) -> Vec<Finding> {
    let mut checker = Checker {
        findings: Vec::new(),
        macros,
        depth: 0,
    };
    let mut flow = Flow::default();
    checker.body(program, &mut flow, None);
    checker
        .findings
        .sort_by_key(|f| f.error.0.span.map(|s| (s.source, s.start)));
    checker.findings
}

struct Checker<'a> {
    findings: Vec<Finding>,
    /// Whether a name is a macro of the program (its arguments are not
    /// expressions the check can follow).
    macros: &'a dyn Fn(&str) -> bool,
    /// How many procedure bodies enclose the form being checked.
    depth: usize,
}

impl<'a> Checker<'a> {
    /// A body: definitions and expressions in order. For the body of
    /// `procedure` (its name, empty for a lambda) the last expression is its
    /// value, and arenas made in it are checked for leaks at its end.
    fn body(&mut self, forms: &[Datum], flow: &mut Flow, procedure: Option<&str>) {
        let before: Vec<String> = flow.arenas.keys().cloned().collect();
        let mut streak: Vec<String> = Vec::new();
        for (i, form) in forms.iter().enumerate() {
            if i + 1 == forms.len() && procedure.is_some() {
                if let Some(name) = form.as_symbol() {
                    self.reference(name, form.span, flow, true);
                }
            }
            self.interleaving(form, flow, &mut streak);
            self.form(form, flow);
        }
        if let Some(procedure) = procedure {
            self.leaks(flow, &before, procedure, forms.last());
        }
    }

    /// Notes the arena a form of a body allocates in; allocations that go
    /// back and forth between two arenas (A, B, A) get one warning per run
    /// of allocations (the document's "interleaved allocations").
    fn interleaving(&mut self, form: &Datum, flow: &Flow, streak: &mut Vec<String>) {
        let init = match head(form) {
            Some("define") => items(form).and_then(|p| p.get(2)),
            _ => Some(form),
        };
        let Some(arena) = init.and_then(|init| allocation_arena(init, flow)) else {
            streak.clear();
            return;
        };
        let back_and_forth = match streak.as_slice() {
            [.., a, b] => *a == arena && *b != arena,
            _ => false,
        };
        let warned = streak.iter().any(String::is_empty);
        if back_and_forth && !warned {
            let other = streak[streak.len() - 1].clone();
            let error = Error::new(
                ErrorKind::Arena,
                format!("allocations alternate between arenas `{arena}` and `{other}`"),
            )
            .at(form.span)
            .with_help("group each arena's allocations together, so each arena's data sits together in its blocks");
            self.findings.push(Finding::warning(error));
            streak.push(String::new());
        }
        streak.push(arena);
    }

    /// A form in a body: a definition, or an expression.
    fn form(&mut self, form: &Datum, flow: &mut Flow) {
        let Some(parts) = items(form) else {
            return self.expr(form, flow);
        };
        match head(form) {
            Some("define") => self.define(parts, flow),
            Some("begin") => {
                for part in &parts[1..] {
                    self.form(part, flow);
                }
            }
            _ => self.expr(form, flow),
        }
    }

    /// `(define name expr)` or `(define (name . params) body ...)`.
    fn define(&mut self, parts: &[Datum], flow: &mut Flow) {
        match parts.get(1).map(|d| &d.kind) {
            Some(DatumKind::Symbol(name)) => {
                if let Some(value) = parts.get(2) {
                    self.expr(value, flow);
                    self.bind(name, value, flow);
                } else {
                    flow.forget(name);
                }
            }
            Some(DatumKind::List(signature)) | Some(DatumKind::DottedList(signature, _)) => {
                if let Some(name) = signature.first().and_then(Datum::as_symbol) {
                    self.procedure(name, &parts[2..], flow);
                    flow.forget(name);
                }
            }
            _ => {}
        }
    }

    /// Binds `name` to the value of `init` (already checked as an expression).
    fn bind(&mut self, name: &str, init: &Datum, flow: &mut Flow) {
        flow.forget(name);
        match head(init) {
            Some("make-arena") => {
                flow.arenas.insert(
                    name.to_string(),
                    ArenaVar {
                        made: Some(init.span),
                        destroyed: None,
                        maybe_destroyed: false,
                        escaped: false,
                        scoped: false,
                    },
                );
            }
            Some("cons" | "list" | "vector" | "cons*") => {
                // A value built from arena values dies with their arena.
                let parts = items(init).unwrap_or_default();
                let source = parts[1..]
                    .iter()
                    .find_map(|p| p.as_symbol().and_then(|s| flow.values.get(s)))
                    .cloned();
                if let Some(source) = source {
                    flow.values.insert(
                        name.to_string(),
                        ArenaValue {
                            arena: source.arena,
                            made: init.span,
                        },
                    );
                }
            }
            Some(_) => {
                if let Some(arena) = allocation_arena(init, flow) {
                    flow.values.insert(
                        name.to_string(),
                        ArenaValue {
                            arena,
                            made: init.span,
                        },
                    );
                }
            }
            None => {
                if let Some(source) = init.as_symbol() {
                    if let Some(value) = flow.values.get(source).cloned() {
                        flow.values.insert(name.to_string(), value);
                    } else if let Some(arena) = flow.arenas.get_mut(source) {
                        // Two names for one arena: follow neither for leaks.
                        arena.escaped = true;
                    }
                }
            }
        }
    }

    /// A procedure body: checked on its own (the check does not follow
    /// arenas into or out of calls); the outer arenas it names are captured.
    fn procedure(&mut self, name: &str, body: &[Datum], outer: &mut Flow) {
        self.escape_mentioned(body, outer);
        let mut flow = Flow::default();
        self.depth += 1;
        self.body(body, &mut flow, Some(name));
        self.depth -= 1;
    }

    /// Marks the outer arenas that `forms` mention as escaped.
    fn escape_mentioned(&mut self, forms: &[Datum], flow: &mut Flow) {
        for form in forms {
            symbols(form, &mut |s| {
                if let Some(arena) = flow.arenas.get_mut(s) {
                    arena.escaped = true;
                }
            });
        }
    }

    /// An expression evaluated for its value or effect.
    fn expr(&mut self, expr: &Datum, flow: &mut Flow) {
        match &expr.kind {
            DatumKind::Symbol(name) => self.reference(name, expr.span, flow, false),
            DatumKind::List(parts) if !parts.is_empty() => self.compound(expr, parts, flow),
            _ => {}
        }
    }

    /// A compound expression: a special form the check follows, a macro use
    /// it skips, or a call.
    fn compound(&mut self, expr: &Datum, parts: &[Datum], flow: &mut Flow) {
        let Some(keyword) = head(expr) else {
            return self.call(parts, flow);
        };
        if (self.macros)(keyword) {
            return self.escape_mentioned(&parts[1..], flow);
        }
        match keyword {
            "quote" | "quasiquote" | "define-syntax" | "let-syntax" | "letrec-syntax"
            | "define-record-type" | "import" | "define-library" | "syntax-rules" => {}
            "lambda" | "case-lambda" => self.procedure("", &parts[1..], flow),
            "define" | "begin" => self.form(expr, flow),
            "set!" => {
                if let (Some(name), Some(value)) =
                    (parts.get(1).and_then(Datum::as_symbol), parts.get(2))
                {
                    self.expr(value, flow);
                    self.stored(value, flow);
                    flow.forget(name);
                }
            }
            "if" => {
                if let Some(test) = parts.get(1) {
                    self.expr(test, flow);
                }
                self.branches(
                    parts.iter().skip(2).map(std::slice::from_ref),
                    parts.len() < 4,
                    flow,
                );
            }
            "when" | "unless" => {
                if let Some(test) = parts.get(1) {
                    self.expr(test, flow);
                }
                self.branches(std::iter::once(&parts[2.min(parts.len())..]), true, flow);
            }
            "cond" | "case" => self.clauses(keyword, parts, flow),
            "and" | "or" => {
                if let Some(first) = parts.get(1) {
                    self.expr(first, flow);
                }
                self.branches(std::iter::once(&parts[2.min(parts.len())..]), true, flow);
            }
            "let" | "let*" | "letrec" | "letrec*" => self.let_form(parts, flow),
            "do" => self.do_loop(parts, flow),
            "with-arena" => self.with_arena(expr, parts, flow),
            "destroy-arena" => self.destroy(expr, parts, flow),
            _ => self.call(parts, flow),
        }
    }

    /// A call: the operator and operands in order. An arena passed to a
    /// procedure other than the arena builtins that only read it escapes.
    fn call(&mut self, parts: &[Datum], flow: &mut Flow) {
        for part in parts {
            self.expr(part, flow);
        }
        let reader = parts
            .first()
            .and_then(Datum::as_symbol)
            .is_some_and(|h| ARENA_READERS.contains(&h));
        for part in &parts[1..] {
            if let Some(name) = part.as_symbol() {
                if let Some(arena) = flow.arenas.get_mut(name) {
                    if !reader {
                        arena.escaped = true;
                    }
                }
            }
        }
    }

    /// A reference to `name`; `returning` when it is a procedure's value.
    fn reference(&mut self, name: &str, span: Span, flow: &mut Flow, returning: bool) {
        let Some(value) = flow.values.get(name) else {
            return;
        };
        let Some(arena) = flow.arenas.get(&value.arena) else {
            return;
        };
        let Some(destroyed) = arena.destroyed else {
            return;
        };
        let message = if returning {
            format!(
                "`{name}` is returned after its arena `{}` was destroyed: the caller gets a dead value",
                value.arena
            )
        } else {
            format!(
                "`{name}` is used after its arena `{}` was destroyed",
                value.arena
            )
        };
        let error = Error::new(ErrorKind::ArenaDestroyed, message)
            .at(span)
            .with_label(value.made, "allocated in the arena here")
            .with_label(destroyed, "arena destroyed here")
            .with_help("use it before destroy-arena, or copy what must outlive the arena to the heap first (bytevector-copy, list-copy...)");
        self.findings.push(Finding::problem(error));
        // One report per value and destroy.
        flow.values.remove(name);
    }

    /// `(destroy-arena x)`.
    fn destroy(&mut self, expr: &Datum, parts: &[Datum], flow: &mut Flow) {
        let Some(name) = parts.get(1).and_then(Datum::as_symbol) else {
            return self.call(parts, flow);
        };
        let Some(arena) = flow.arenas.get_mut(name) else {
            return;
        };
        if let Some(first) = arena.destroyed {
            let error = Error::new(
                ErrorKind::ArenaDestroyed,
                format!("arena `{name}` is destroyed a second time"),
            )
            .at(expr.span)
            .with_label(first, "first destroyed here")
            .with_help("destroy each arena exactly once");
            self.findings.push(Finding::problem(error));
            return;
        }
        arena.destroyed = Some(expr.span);
        arena.maybe_destroyed = true;
    }

    /// Alternative paths from the current point: each runs on a copy of
    /// the facts, which merge afterwards; `may_skip` when no path may run.
    fn branches<'b>(
        &mut self,
        paths: impl Iterator<Item = &'b [Datum]>,
        may_skip: bool,
        flow: &mut Flow,
    ) {
        let mut merged: Option<Flow> = may_skip.then(|| flow.clone());
        for path in paths {
            let mut branch = flow.clone();
            for form in path {
                self.form(form, &mut branch);
            }
            merged = Some(match merged {
                Some(m) => Flow::merge(m, &branch),
                None => branch,
            });
        }
        if let Some(merged) = merged {
            *flow = merged;
        }
    }

    /// `cond` and `case`: each clause's body is a path; without `else`,
    /// no clause may run.
    fn clauses(&mut self, keyword: &str, parts: &[Datum], flow: &mut Flow) {
        let clauses = if keyword == "case" {
            if let Some(key) = parts.get(1) {
                self.expr(key, flow);
            }
            &parts[2.min(parts.len())..]
        } else {
            &parts[1..]
        };
        let mut has_else = false;
        let mut bodies = Vec::new();
        for clause in clauses {
            let Some(clause) = items(clause) else {
                continue;
            };
            if clause.first().and_then(Datum::as_symbol) == Some("else") {
                has_else = true;
            } else if keyword == "cond" {
                if let Some(test) = clause.first() {
                    self.expr(test, flow);
                }
            }
            bodies.push(&clause[1.min(clause.len())..]);
        }
        self.branches(bodies.into_iter(), !has_else, flow);
    }

    /// `let`, `let*`, `letrec`, `letrec*` and named `let`: the initial
    /// values, then the body with the names bound; the names are forgotten
    /// after it. A named `let`'s body may run any number of times. Inside
    /// a procedure, an arena a `let` binds must be destroyed, returned or
    /// stored before the `let` ends.
    fn let_form(&mut self, parts: &[Datum], flow: &mut Flow) {
        let named = parts.get(1).and_then(Datum::as_symbol).is_some();
        let at = if named { 2 } else { 1 };
        let Some(bindings) = parts.get(at).and_then(items) else {
            return;
        };
        let body = &parts[(at + 1).min(parts.len())..];
        let mut names = Vec::new();
        for binding in bindings {
            let Some([name, init]) = items(binding).and_then(|b| b.get(..2)) else {
                continue;
            };
            let Some(name) = name.as_symbol() else {
                continue;
            };
            self.expr(init, flow);
            self.bind(name, init, flow);
            names.push(name);
        }
        if named {
            self.branches(std::iter::once(body), true, flow);
        } else {
            for form in body {
                self.form(form, flow);
            }
            if self.depth > 0 {
                for name in &names {
                    self.leak(flow, name, "its `let`", body.last());
                }
            }
        }
        for name in names {
            flow.forget(name);
        }
    }

    /// `(do ((var init step) ...) (test result ...) body ...)`.
    fn do_loop(&mut self, parts: &[Datum], flow: &mut Flow) {
        let specs = parts.get(1).and_then(items).unwrap_or_default();
        for spec in specs {
            if let Some(init) = items(spec).and_then(|s| s.get(1)) {
                self.expr(init, flow);
            }
        }
        let mut repeated: Vec<Datum> = parts[3.min(parts.len())..].to_vec();
        repeated.extend(
            specs
                .iter()
                .filter_map(|s| items(s).and_then(|s| s.get(2)).cloned()),
        );
        for spec in specs {
            if let Some(name) = items(spec)
                .and_then(|s| s.first())
                .and_then(Datum::as_symbol)
            {
                flow.forget(name);
            }
        }
        self.branches(std::iter::once(&repeated[..]), true, flow);
        if let Some(exit) = parts.get(2).and_then(items) {
            for form in exit {
                self.expr(form, flow);
            }
        }
    }

    /// `(with-arena (name size [limit]) body ...)`: the arena is destroyed
    /// on the way out, so the body must not return a value living in it.
    fn with_arena(&mut self, expr: &Datum, parts: &[Datum], flow: &mut Flow) {
        let Some(spec) = parts.get(1).and_then(items) else {
            return;
        };
        let Some(name) = spec.first().and_then(Datum::as_symbol) else {
            return;
        };
        for size in &spec[1..] {
            self.expr(size, flow);
        }
        let saved = (
            flow.arenas.get(name).cloned(),
            flow.values.get(name).cloned(),
        );
        flow.forget(name);
        flow.arenas.insert(
            name.to_string(),
            ArenaVar {
                made: Some(expr.span),
                destroyed: None,
                maybe_destroyed: false,
                escaped: false,
                scoped: true,
            },
        );
        let body = &parts[2.min(parts.len())..];
        for form in body {
            self.form(form, flow);
        }
        if let Some(last) = body.last() {
            let returns_arena = last.as_symbol() == Some(name)
                || allocation_arena(last, flow).as_deref() == Some(name)
                || last
                    .as_symbol()
                    .and_then(|v| flow.values.get(v))
                    .is_some_and(|v| v.arena == name);
            if returns_arena {
                let error = Error::new(
                    ErrorKind::ArenaDestroyed,
                    format!("with-arena returns a value living in its own arena `{name}`, which is destroyed as the body returns"),
                )
                .at(last.span)
                .with_label(expr.span, "the arena's extent")
                .with_help("return a copy on the heap (bytevector-copy, list-copy...) or a value computed from it");
                self.findings.push(Finding::problem(error));
            }
        }
        flow.values.retain(|_, v| v.arena != name);
        flow.forget(name);
        if let Some(arena) = saved.0 {
            flow.arenas.insert(name.to_string(), arena);
        }
        if let Some(value) = saved.1 {
            flow.values.insert(name.to_string(), value);
        }
    }

    /// `value` is stored somewhere the check does not follow.
    fn stored(&mut self, value: &Datum, flow: &mut Flow) {
        if let Some(arena) = value.as_symbol().and_then(|s| flow.arenas.get_mut(s)) {
            arena.escaped = true;
        }
    }

    /// At the end of a procedure body: every arena made in it must be
    /// destroyed on every path, returned or stored.
    fn leaks(&mut self, flow: &Flow, outer: &[String], procedure: &str, last: Option<&Datum>) {
        let mut names: Vec<&String> = flow.arenas.keys().filter(|n| !outer.contains(n)).collect();
        names.sort_by_key(|n| flow.arenas[*n].made.map(|s| s.start));
        let owner = if procedure.is_empty() {
            "the procedure".to_string()
        } else {
            format!("`{procedure}`")
        };
        for name in names {
            self.leak(flow, name, &owner, last);
        }
    }

    /// Reports arena `name` when it was made in the body that ends at
    /// `last` (`owner` names that body) and nothing destroys, returns or
    /// stores it on every path.
    fn leak(&mut self, flow: &Flow, name: &str, owner: &str, last: Option<&Datum>) {
        let Some(arena) = flow.arenas.get(name) else {
            return;
        };
        let Some(made) = arena.made else { return };
        let mut returned = false;
        if let Some(last) = last {
            symbols(last, &mut |s| returned |= s == name);
        }
        if arena.destroyed.is_some() || arena.escaped || arena.scoped || returned {
            return;
        }
        let message = if arena.maybe_destroyed {
            format!("arena `{name}` is not destroyed on every path out of {owner}")
        } else {
            format!("arena `{name}` is never destroyed before {owner} ends")
        };
        let error = Error::new(ErrorKind::Arena, message)
            .at(made)
            .with_help(format!("destroy it on every way out (with-arena does that for you), or return or store it: (destroy-arena {name})"));
        self.findings.push(Finding::problem(error));
    }
}

/// The arena variable `expr` allocates in: `(arena-alloc a n)` or
/// `(copy-to-arena v a)` with `a` a known arena.
fn allocation_arena(expr: &Datum, flow: &Flow) -> Option<String> {
    let parts = items(expr)?;
    let arena = match head(expr)? {
        "arena-alloc" => parts.get(1)?,
        "copy-to-arena" => parts.get(2)?,
        _ => return None,
    };
    let name = arena.as_symbol()?;
    flow.arenas.contains_key(name).then(|| name.to_string())
}
