//! Inputs the fuzzer (`fuzz/run.sh`) found, each kept as a regression test with
//! the behaviour it now has.

use eshkol::{ErrorKind, Interp};

/// A loop catching 100,000 unbound-variable errors took 32 s: each error
/// searched every global for a "did you mean" suggestion when it was raised.
/// The search now happens only when the error is shown.
#[test]
fn caught_unbound_variable_errors_do_not_search_for_suggestions() {
    let mut interp = Interp::new_captured();
    let caught = interp
        .eval_str(
            "finding",
            "(define (count-errors n)
               (let loop ((i 0) (caught 0))
                 (if (= i n) caught
                     (loop (+ i 1) (guard (e (#t (+ caught 1))) (c=ar i))))))
             (count-errors 100000)",
        )
        .expect("the loop finishes");
    assert_eq!(format!("{caught:?}"), "100000");

    let error = interp
        .eval_str("finding", "(lenght '(1 2))")
        .expect_err("unbound");
    assert_eq!(error.kind(), ErrorKind::Unbound);
    assert_eq!(error.0.help, None, "no suggestion is computed when raised");
    let report = interp.render_error(&error, false);
    assert!(report.contains("did you mean `length`?"), "{report}");
}

/// A mutated test file held a macro that expands into itself inside its own
/// argument; stopping it took 0.7 s and 360 MB at 100,000 expansions. The
/// limits are now 10,000 expansions per top-level form and code nested
/// 10,000 levels deep (this macro's output nests deeper at each step), which
/// still leaves room for recursive macros over thousands of elements.
#[test]
fn a_macro_expanding_into_itself_stops_quickly() {
    let mut interp = Interp::new_captured();
    let error = interp
        .eval_str(
            "finding",
            "(define-syntax count-args
               (syntax-rules ()
                 ((_) 0)
                 ((_ x rest ...) (+ 1 &(count-args rt .es..)))))
             (count-args a b c d)",
        )
        .expect_err("runaway expansion");
    assert_eq!(error.kind(), ErrorKind::Syntax);
    assert_eq!(
        error.message(),
        "code nested too deeply (more than 10000 levels) by the expansion of macro `count-args`"
    );
    let span = error.span().expect("located");
    assert_eq!(interp.sources.snippet(span), "(count-args a b c d)");

    let elements = vec!["x"; 3_000].join(" ");
    let counted = interp
        .eval_str(
            "finding",
            &format!(
                "(define-syntax count
                   (syntax-rules () ((_) 0) ((_ x rest ...) (+ 1 (count rest ...)))))
                 (count {elements})"
            ),
        )
        .expect("3,000 expansions are allowed");
    assert_eq!(format!("{counted:?}"), "3000");
}
