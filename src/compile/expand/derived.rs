//! Derived forms from R7RS chapters 4.2, 5 and 6 that expand into calls of
//! private builtins or into plain definitions: `guard`, `let-values`,
//! `let*-values`, `define-values`, `parameterize`, `define-record-type` and
//! `include`.
//!
//! The derived forms that are plain rewrites (`receive`, `case-lambda`,
//! `assert`, `with-arena`, `do`) are `syntax-rules` macros in
//! `stdlib/derived.scm`. These stay in Rust: `guard` expands into a core
//! node of its own; `define-values` and `define-record-type` are rewritten
//! into several definitions before a body is scanned, with a hidden
//! variable for the values, and a macro cannot hide one: a top-level
//! definition of a name a macro introduces defines the name itself;
//! `let-values` and `parameterize` check their bindings' shapes with
//! messages of their own; `include` and `cond-expand` read files and
//! features.

use super::lambda::parse_params;
use super::*;
use crate::syntax::NumberLiteral;

/// A symbol datum.
fn sym(name: &str, span: Span) -> Datum {
    Datum::new(DatumKind::Symbol(name.into()), span)
}

/// A reference to the builtin `name` itself, whatever a program binds to
/// that name (its system key, see [`crate::compile::env`]).
fn builtin_sym(name: &str, span: Span) -> Datum {
    sym(&crate::compile::env::system_key(name).name(), span)
}

/// A list datum.
fn list(items: Vec<Datum>, span: Span) -> Datum {
    Datum::new(DatumKind::List(items), span)
}

/// `(quote datum)`.
fn quoted(datum: Datum, span: Span) -> Datum {
    list(vec![sym("quote", span), datum], span)
}

impl Expander<'_> {
    /// Rewrites a definition form that is not a plain `define` into plain
    /// definitions (a `begin`), or `None` if `datum` is not one.
    pub(super) fn rewrite_definition(&mut self, datum: &Datum) -> Result<Option<Datum>> {
        let Some(items) = list_items(datum) else {
            return Ok(None);
        };
        let Some(head) = items.first().and_then(Datum::as_symbol) else {
            return Ok(None);
        };
        if !self.is_keyword(head) {
            return Ok(None);
        }
        match head {
            "define-values" => self.rewrite_define_values(datum, items).map(Some),
            "cond-expand" => {
                let mut forms = vec![sym("begin", datum.span)];
                forms.extend(self.cond_expand_forms(items)?);
                Ok(Some(list(forms, datum.span)))
            }
            "define-record-type" => self.rewrite_define_record_type(datum, items).map(Some),
            "include" | "include-ci" => {
                let mut forms = vec![sym("begin", datum.span)];
                forms.extend(self.include_forms(datum, items)?);
                Ok(Some(list(forms, datum.span)))
            }
            _ => Ok(None),
        }
    }

    /// `(define-values formals expr)` → a hidden variable holding the values as
    /// a vector (the formals check their count), then one `define` each.
    fn rewrite_define_values(&mut self, datum: &Datum, items: &[Datum]) -> Result<Datum> {
        let span = datum.span;
        if items.len() != 3 {
            return Err(
                syntax_error(span, "define-values: expected formals and an expression")
                    .with_help("write (define-values (a b) expr)"),
            );
        }
        let params = parse_params(&items[1])?;
        let names: Vec<&(Symbol, Span)> =
            params.required.iter().chain(params.rest.iter()).collect();
        let hidden = Symbol::gensym("values").name().to_string();
        let packer = list(
            std::iter::once(sym("lambda", span))
                .chain(std::iter::once(items[1].clone()))
                .chain(std::iter::once(list(
                    std::iter::once(builtin_sym("vector", span))
                        .chain(names.iter().map(|(n, sp)| sym(&n.name(), *sp)))
                        .collect(),
                    span,
                )))
                .collect(),
            span,
        );
        let producer = list(
            vec![sym("lambda", span), list(vec![], span), items[2].clone()],
            span,
        );
        let mut forms = vec![
            sym("begin", span),
            list(
                vec![
                    sym("define", span),
                    sym(&hidden, span),
                    list(
                        vec![builtin_sym("call-with-values", span), producer, packer],
                        span,
                    ),
                ],
                span,
            ),
        ];
        for (i, (name, name_span)) in names.iter().enumerate() {
            forms.push(list(
                vec![
                    sym("define", *name_span),
                    sym(&name.name(), *name_span),
                    list(
                        vec![
                            builtin_sym("vector-ref", span),
                            sym(&hidden, span),
                            Datum::new(DatumKind::Number(NumberLiteral::Fixnum(i as i64)), span),
                        ],
                        span,
                    ),
                ],
                span,
            ));
        }
        Ok(list(forms, span))
    }

    /// `(define-record-type <name> (ctor field ...) pred (field accessor [modifier]) ...)`.
    fn rewrite_define_record_type(&mut self, datum: &Datum, items: &[Datum]) -> Result<Datum> {
        let span = datum.span;
        let usage = "write (define-record-type <point> (make-point x y) point? (x point-x) (y point-y set-point-y!))";
        if items.len() < 4 {
            return Err(syntax_error(
                span,
                "define-record-type: expected a type name, a constructor and a predicate",
            )
            .with_help(usage));
        }
        let type_name = items[1].as_symbol().ok_or_else(|| {
            syntax_error(
                items[1].span,
                "define-record-type: the type name must be a symbol",
            )
        })?;
        let mut field_specs = Vec::new();
        for spec in &items[4..] {
            let parts = list_items(spec)
                .filter(|p| {
                    !p.is_empty() && p.len() <= 3 && p.iter().all(|d| d.as_symbol().is_some())
                })
                .ok_or_else(|| {
                    syntax_error(
                        spec.span,
                        "define-record-type: each field must be (field accessor [modifier])",
                    )
                    .with_help(usage)
                })?;
            field_specs.push(parts.to_vec());
        }
        let field_names: Vec<Datum> = field_specs.iter().map(|p| p[0].clone()).collect();
        let type_sym = sym(type_name, items[1].span);
        let mut forms = vec![sym("begin", span)];
        let mut define = |name: &Datum, call: Vec<Datum>| {
            forms.push(list(
                vec![
                    sym("define", name.span),
                    name.clone(),
                    list(call, name.span),
                ],
                name.span,
            ));
        };
        define(
            &type_sym,
            vec![
                builtin_sym("%make-record-type", span),
                quoted(type_sym.clone(), span),
                quoted(list(field_names.clone(), span), span),
            ],
        );
        match &items[2].kind {
            DatumKind::Bool(false) => {}
            DatumKind::Symbol(_) => define(
                &items[2],
                vec![
                    builtin_sym("%record-constructor", span),
                    type_sym.clone(),
                    quoted(items[2].clone(), span),
                    quoted(list(field_names.clone(), span), span),
                ],
            ),
            DatumKind::List(ctor)
                if !ctor.is_empty() && ctor.iter().all(|d| d.as_symbol().is_some()) =>
            {
                define(
                    &ctor[0],
                    vec![
                        builtin_sym("%record-constructor", span),
                        type_sym.clone(),
                        quoted(ctor[0].clone(), span),
                        quoted(list(ctor[1..].to_vec(), span), span),
                    ],
                )
            }
            _ => {
                return Err(syntax_error(
                    items[2].span,
                    "define-record-type: expected (constructor field ...)",
                )
                .with_help(usage))
            }
        }
        if items[3].as_symbol().is_none() {
            return Err(syntax_error(
                items[3].span,
                "define-record-type: the predicate name must be a symbol",
            )
            .with_help(usage));
        }
        define(
            &items[3],
            vec![
                builtin_sym("%record-predicate", span),
                type_sym.clone(),
                quoted(items[3].clone(), span),
            ],
        );
        for parts in &field_specs {
            if let Some(accessor) = parts.get(1) {
                define(
                    accessor,
                    vec![
                        builtin_sym("%record-accessor", span),
                        type_sym.clone(),
                        quoted(accessor.clone(), span),
                        quoted(parts[0].clone(), span),
                    ],
                );
            }
            if let Some(modifier) = parts.get(2) {
                define(
                    modifier,
                    vec![
                        builtin_sym("%record-modifier", span),
                        type_sym.clone(),
                        quoted(modifier.clone(), span),
                        quoted(parts[0].clone(), span),
                    ],
                );
            }
        }
        Ok(list(forms, span))
    }

    /// The forms of the files an `include` names, read relative to the file
    /// the `include` is in.
    pub(super) fn include_forms(&mut self, datum: &Datum, items: &[Datum]) -> Result<Vec<Datum>> {
        let fold_case = items.first().and_then(Datum::as_symbol) == Some("include-ci");
        read_included(self.sources, datum, items, fold_case)
    }

    /// The forms of the first `cond-expand` clause whose feature requirement
    /// holds (none if no clause applies).
    pub(super) fn cond_expand_forms(&mut self, items: &[Datum]) -> Result<Vec<Datum>> {
        for clause in &items[1..] {
            let parts = list_items(clause)
                .filter(|p| !p.is_empty())
                .ok_or_else(|| {
                    syntax_error(
                        clause.span,
                        "cond-expand: each clause must be (requirement form ...)",
                    )
                })?;
            if self.means(&parts[0], "else") || self.feature_met(&parts[0])? {
                return Ok(parts[1..].to_vec());
            }
        }
        Ok(Vec::new())
    }

    /// Evaluates a feature requirement (see [`feature_met`]), seeing through
    /// macro-introduced names.
    fn feature_met(&self, requirement: &Datum) -> Result<bool> {
        let strip = |name: &str| self.strip_symbol(Symbol::intern(name)).name().to_string();
        feature_met(requirement, &strip, self.library_known)
    }

    /// `(guard (var clause ...) body ...)`.
    pub(super) fn expand_guard(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        let usage = "write (guard (e (test handler ...) ... [(else handler ...)]) body ...)";
        let spec = items
            .get(1)
            .and_then(list_items)
            .filter(|spec| !spec.is_empty())
            .ok_or_else(|| {
                syntax_error(span, "guard: expected (variable clause ...)").with_help(usage)
            })?;
        if items.len() < 3 {
            return Err(syntax_error(span, "guard: expected a body").with_help(usage));
        }
        let name = spec[0]
            .as_symbol()
            .ok_or_else(|| syntax_error(spec[0].span, "guard: the variable must be a symbol"))?;
        let name = Symbol::intern(name);
        let body = self.expand_body(&items[2..], span)?;
        self.scopes.push(Vec::new());
        let result = (|| {
            let var = self.new_var(name);
            self.bind(name, var);
            let reraise = call_builtin(
                "%reraise",
                vec![Core::new(CoreKind::Local(var), span)],
                span,
            );
            let handler = self.expand_cond_or(&spec[1..], span, Some(reraise))?;
            Ok(Core::new(
                CoreKind::Guard(Box::new(GuardCore { var, body, handler })),
                span,
            ))
        })();
        self.scopes.pop();
        result
    }

    /// `(let-values (((formals) expr) ...) body ...)` and `let*-values`: each
    /// expression's values are collected in a list, then spread over a lambda
    /// with the formals, so the count is checked like a call's.
    pub(super) fn expand_let_values(
        &mut self,
        datum: &Datum,
        items: &[Datum],
        sequential: bool,
    ) -> Result<Core> {
        let span = datum.span;
        let head = if sequential {
            "let*-values"
        } else {
            "let-values"
        };
        let usage = format!("write ({head} (((a b) expr) ...) body ...)");
        let bindings = items.get(1).and_then(list_items).ok_or_else(|| {
            syntax_error(span, format!("{head}: expected a list of bindings"))
                .with_help(usage.clone())
        })?;
        if items.len() < 3 {
            return Err(syntax_error(span, format!("{head}: expected a body")).with_help(usage));
        }
        let mut parsed = Vec::new();
        for binding in bindings {
            match list_items(binding) {
                Some([formals, expr]) => parsed.push((parse_params(formals)?, expr.clone())),
                _ => {
                    return Err(syntax_error(
                        binding.span,
                        format!("{head}: each binding must be (formals expression)"),
                    ))
                }
            }
        }
        if sequential {
            return self.nest_values(&parsed, &items[2..], span);
        }
        // let-values: every expression is evaluated outside all the bindings.
        let mut temps = Vec::new();
        for (_, expr) in &parsed {
            temps.push(self.values_as_list(expr, span)?);
        }
        self.scopes.push(Vec::new());
        let result = (|| {
            let mut lets = Vec::new();
            for init in temps {
                let var = self.new_var(Symbol::gensym("values"));
                lets.push((var, init));
            }
            let vars: Vec<VarId> = lets.iter().map(|(v, _)| *v).collect();
            let body = self.spread_values(&parsed, &vars, &items[2..], span)?;
            Ok(Core::new(CoreKind::Let(lets, Box::new(body)), span))
        })();
        self.scopes.pop();
        result
    }

    /// `(call-with-values (lambda () expr) list)`.
    fn values_as_list(&mut self, expr: &Datum, span: Span) -> Result<Core> {
        let producer = self.expand_lambda_parts(
            &Params::default(),
            std::slice::from_ref(expr),
            None,
            None,
            span,
        )?;
        let list = builtin_ref("list", span);
        Ok(call_builtin("call-with-values", vec![producer, list], span))
    }

    /// `(apply (lambda formals1 (apply (lambda formals2 body) t2)) t1)`.
    fn spread_values(
        &mut self,
        parsed: &[(Params, Datum)],
        vars: &[VarId],
        body: &[Datum],
        span: Span,
    ) -> Result<Core> {
        let Some(((params, _), rest)) = parsed.split_first() else {
            return self.expand_body(body, span);
        };
        let lambda = self.build_lambda(params, None, None, span, |this| {
            this.spread_values(rest, &vars[1..], body, span)
        })?;
        Ok(call_builtin(
            "apply",
            vec![lambda, Core::new(CoreKind::Local(vars[0]), span)],
            span,
        ))
    }

    /// `let*-values`: each binding's expression sees the previous bindings.
    fn nest_values(
        &mut self,
        parsed: &[(Params, Datum)],
        body: &[Datum],
        span: Span,
    ) -> Result<Core> {
        let Some(((params, expr), rest)) = parsed.split_first() else {
            return self.expand_body(body, span);
        };
        let values = self.values_as_list(expr, span)?;
        let lambda = self.build_lambda(params, None, None, span, |this| {
            this.nest_values(rest, body, span)
        })?;
        Ok(call_builtin("apply", vec![lambda, values], span))
    }

    /// `(parameterize ((param value) ...) body ...)`.
    pub(super) fn expand_parameterize(&mut self, datum: &Datum, items: &[Datum]) -> Result<Core> {
        let span = datum.span;
        let usage = "write (parameterize ((param value) ...) body ...)";
        let bindings = items.get(1).and_then(list_items).ok_or_else(|| {
            syntax_error(span, "parameterize: expected a list of bindings").with_help(usage)
        })?;
        if items.len() < 3 {
            return Err(syntax_error(span, "parameterize: expected a body").with_help(usage));
        }
        let mut params = Vec::new();
        let mut values = Vec::new();
        for binding in bindings {
            match list_items(binding) {
                Some([p, v]) => {
                    params.push(self.expand(p)?);
                    values.push(self.expand(v)?);
                }
                _ => {
                    return Err(syntax_error(
                        binding.span,
                        "parameterize: each binding must be (param value)",
                    ))
                }
            }
        }
        let params = call_builtin("list", params, span);
        let values = call_builtin("list", values, span);
        let body = self.expand_lambda_parts(&Params::default(), &items[2..], None, None, span)?;
        // The procedure is Scheme (`stdlib/control.scm`), so the body runs
        // on the machine and a continuation captured in it stays re-entrant.
        let procedure = self.expand(&builtin_sym("%parameterize", span))?;
        Ok(Core::new(
            CoreKind::Call(Box::new(procedure), vec![params, values, body]),
            span,
        ))
    }
}

/// The feature identifiers `cond-expand` and `(features)` know.
pub const FEATURES: &[&str] = &[
    "r7rs",
    "exact-closed",
    "ratios",
    "full-unicode",
    "eshkol",
    "arenas",
];

/// The forms of the files an `include` / `include-ci` form names, read
/// relative to the directory of the file the form is in and registered as
/// sources; `include-ci` reads them with case folding.
pub fn read_included(
    sources: &mut SourceMap,
    datum: &Datum,
    items: &[Datum],
    fold_case: bool,
) -> Result<Vec<Datum>> {
    let head = if fold_case { "include-ci" } else { "include" };
    if items.len() < 2 {
        return Err(syntax_error(
            datum.span,
            format!("{head}: expected at least one file name"),
        ));
    }
    let base = sources
        .get(datum.span.source)
        .map(|s| std::path::PathBuf::from(&s.name))
        .and_then(|p| p.parent().map(|d| d.to_path_buf()))
        .unwrap_or_default();
    let mut forms = Vec::new();
    for item in &items[1..] {
        let DatumKind::String(name) = &item.kind else {
            return Err(syntax_error(
                item.span,
                format!("{head}: file names must be strings"),
            ));
        };
        let path = base.join(name);
        check_include_cycle(sources, datum.span.source, &path, item.span, head)?;
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!(
                    "{head}: cannot read {}: {}",
                    path.display(),
                    crate::diagnostics::io_reason(&e)
                ),
            )
            .at(item.span)
        })?;
        let source = sources.add_included(path.display().to_string(), &text, datum.span.source);
        let text = crate::syntax::strip_bom(&text);
        let parsed =
            crate::syntax::parse_program_with(text, source, fold_case).map_err(Error::from_read)?;
        forms.extend(parsed.data);
    }
    Ok(forms)
}

/// Includes nested deeper than this are an error (a chain of generated files
/// that include each other without end).
const MAX_INCLUDE_DEPTH: usize = 64;

/// Refuses an `include` of `path` from source `from` that would read a file
/// already being included (a cycle), or nest too deep.
fn check_include_cycle(
    sources: &SourceMap,
    from: crate::syntax::SourceId,
    path: &std::path::Path,
    span: Span,
    head: &str,
) -> Result<()> {
    let chain = sources.include_chain(from);
    let same = |name: &str| {
        let (a, b) = (std::fs::canonicalize(name), std::fs::canonicalize(path));
        matches!((a, b), (Ok(a), Ok(b)) if a == b)
    };
    if let Some(at) = chain.iter().position(|name| same(name)) {
        let mut cycle: Vec<String> = chain[..=at].iter().rev().map(|n| n.to_string()).collect();
        cycle.push(path.display().to_string());
        return Err(
            syntax_error(span, format!("{head} cycle: {}", cycle.join(" includes ")))
                .with_help("a file cannot include itself, directly or through others"),
        );
    }
    if chain.len() > MAX_INCLUDE_DEPTH {
        return Err(syntax_error(
            span,
            format!("{head}: files nested more than {MAX_INCLUDE_DEPTH} deep"),
        ));
    }
    Ok(())
}

/// Evaluates a `cond-expand` feature requirement: a feature identifier,
/// `(and ...)`, `(or ...)`, `(not ...)` or `(library name)`. `strip` gives
/// the name an identifier stands for; `library_known` says whether a library
/// is available.
pub fn feature_met(
    requirement: &Datum,
    strip: &dyn Fn(&str) -> String,
    library_known: &dyn Fn(&str) -> bool,
) -> Result<bool> {
    if let Some(name) = requirement.as_symbol() {
        return Ok(FEATURES.contains(&&*strip(name)));
    }
    let malformed = || {
        syntax_error(
            requirement.span,
            "cond-expand: malformed feature requirement",
        )
        .with_help("use a feature name, (and ...), (or ...), (not ...) or (library (scheme base))")
    };
    let items = list_items(requirement)
        .filter(|i| !i.is_empty())
        .ok_or_else(malformed)?;
    let head = items[0].as_symbol().map(strip).unwrap_or_default();
    let met = |r: &Datum| feature_met(r, strip, library_known);
    match (head.as_str(), &items[1..]) {
        ("and", rest) => {
            for r in rest {
                if !met(r)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        ("or", rest) => {
            for r in rest {
                if met(r)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        ("not", [r]) => Ok(!met(r)?),
        ("library", [name]) => Ok(library_name_text(name).is_some_and(|n| library_known(&n))),
        _ => Err(malformed()),
    }
}

/// The canonical text of a library name, `(srfi 1)`, or `None` if `name` is
/// not a list of identifiers and exact non-negative integers.
pub fn library_name_text(name: &Datum) -> Option<String> {
    let parts = list_items(name).filter(|p| !p.is_empty())?;
    let words = parts
        .iter()
        .map(|p| match &p.kind {
            DatumKind::Symbol(s) => Some(s.clone()),
            DatumKind::Number(NumberLiteral::Fixnum(n)) if *n >= 0 => Some(n.to_string()),
            _ => None,
        })
        .collect::<Option<Vec<String>>>()?;
    Some(format!("({})", words.join(" ")))
}
