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
