//! Unit tests of `syntax-rules`: parsing, matching and transcription, and
//! the messages of their errors.

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
