//! What the REPL's `:doc` says about each special form: its shape and a
//! sentence on what it does. A unit test ties this table to the expander's
//! list of keywords, so a new special form cannot go undocumented. The
//! derived forms written as macros in `stdlib/derived.scm` (`do`,
//! `receive`, `case-lambda`, `assert`, `with-arena`) keep their rows: to a
//! program they are syntax like the others.

/// (name, shape, what it does) of every special form and library form.
pub const SPECIAL_FORMS: &[(&str, &str, &str)] = &[
    ("quote", "(quote datum) or 'datum", "the datum itself, unevaluated"),
    (
        "quasiquote",
        "(quasiquote template) or `template",
        "the template as data, with ,expr and ,@expr filled in",
    ),
    ("unquote", ",expr", "inside a quasiquote: the value of expr"),
    (
        "unquote-splicing",
        ",@expr",
        "inside a quasiquote: the elements of the list expr, spliced in",
    ),
    (
        "lambda",
        "(lambda (param ...) body ...) or (lambda (param ... . rest) body ...)",
        "a procedure; a string first in a longer body is its documentation",
    ),
    (
        "define",
        "(define name expr) or (define (name param ...) body ...)",
        "binds name in the current scope",
    ),
    ("set!", "(set! name expr)", "assigns an existing variable"),
    (
        "if",
        "(if test then [else])",
        "evaluates then when test is not #f, else otherwise",
    ),
    ("begin", "(begin form ...)", "evaluates the forms in order; the last gives the value"),
    (
        "let",
        "(let ((name expr) ...) body ...) or (let loop ((name expr) ...) body ...)",
        "binds names to values for the body; the named form is a loop",
    ),
    ("let*", "(let* ((name expr) ...) body ...)", "like let, each binding seeing the ones before"),
    (
        "letrec",
        "(letrec ((name expr) ...) body ...)",
        "bindings that can refer to each other (mutually recursive procedures)",
    ),
    ("letrec*", "(letrec* ((name expr) ...) body ...)", "letrec, initialised left to right"),
    (
        "cond",
        "(cond (test expr ...) ... (else expr ...))",
        "the first clause whose test is not #f; (test => proc) passes the test's value",
    ),
    (
        "case",
        "(case key ((datum ...) expr ...) ... (else expr ...))",
        "the clause listing a datum eqv? to key",
    ),
    ("and", "(and expr ...)", "#f at the first #f, else the last value (#t when empty)"),
    ("or", "(or expr ...)", "the first value that is not #f, else #f"),
    ("when", "(when test body ...)", "the body when test is not #f"),
    ("unless", "(unless test body ...)", "the body when test is #f"),
    (
        "do",
        "(do ((var init step) ...) (test result ...) body ...)",
        "a loop: steps the variables until test is true, then gives result",
    ),
    ("delay", "(delay expr)", "a promise that evaluates expr once, when forced"),
    (
        "delay-force",
        "(delay-force expr)",
        "a promise whose value is that of the promise expr gives (iterative lazy algorithms)",
    ),
    (
        "make-promise-lazy",
        "(make-promise-lazy expr)",
        "delay-force under its SRFI 45 name (lazy)",
    ),
    (
        "cons-stream",
        "(cons-stream head tail)",
        "a stream pair whose tail is delayed (SICP streams)",
    ),
    (
        "with-arena",
        "(with-arena (name size) body ...)",
        "makes an arena, runs the body, and destroys the arena however the body exits",
    ),
    (
        "guard",
        "(guard (var clause ...) body ...)",
        "runs the body; a raised object is bound to var and tried against cond-like clauses",
    ),
    (
        "let-values",
        "(let-values (((name ...) expr) ...) body ...)",
        "binds the multiple values each expr returns",
    ),
    ("let*-values", "(let*-values (((name ...) expr) ...) body ...)", "let-values, in sequence"),
    (
        "receive",
        "(receive (name ... [. rest]) expr body ...)",
        "binds the values of expr (SRFI 8)",
    ),
    (
        "case-lambda",
        "(case-lambda ((param ...) body ...) ...)",
        "a procedure choosing its clause by the number of arguments",
    ),
    (
        "parameterize",
        "(parameterize ((param value) ...) body ...)",
        "gives parameters new values while the body runs",
    ),
    ("assert", "(assert expr)", "an error unless expr is true"),
    ("include", "(include \"file\" ...)", "the forms of the files, as if written here"),
    ("include-ci", "(include-ci \"file\" ...)", "include, reading symbols case-folded"),
    (
        "define-values",
        "(define-values (name ...) expr)",
        "defines each name from the values of expr",
    ),
    (
        "define-record-type",
        "(define-record-type name (constructor field ...) predicate (field accessor [modifier]) ...)",
        "a new record type with its constructor, predicate and field procedures",
    ),
    (
        "define-syntax",
        "(define-syntax name (syntax-rules (literal ...) (pattern template) ...))",
        "defines a hygienic macro",
    ),
    (
        "let-syntax",
        "(let-syntax ((name transformer) ...) body ...)",
        "macros visible in the body only",
    ),
    (
        "letrec-syntax",
        "(letrec-syntax ((name transformer) ...) body ...)",
        "let-syntax whose macros can use each other",
    ),
    (
        "cond-expand",
        "(cond-expand (feature-requirement form ...) ... (else form ...))",
        "the forms of the first clause whose features this implementation has",
    ),
    (
        "import",
        "(import import-set ...)",
        "makes a library's names visible; (only ...) (except ...) (prefix ...) (rename ...) select them",
    ),
    (
        "define-library",
        "(define-library (name ...) (export ...) (import ...) (begin ...))",
        "a library with its own namespace, exporting the names listed",
    ),
];

/// The shape and description of special form `name`, if it is one.
pub fn special_form_doc(name: &str) -> Option<(&'static str, &'static str)> {
    SPECIAL_FORMS
        .iter()
        .find(|(form, _, _)| *form == name)
        .map(|(_, shape, what)| (*shape, *what))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_is_documented() {
        for keyword in crate::compile::expand::special_form_names() {
            assert!(special_form_doc(keyword).is_some(), "{keyword}");
        }
    }
}
