//! Long loops stay flat in memory: reference cycles made by closures are
//! collected, and destroyed arenas give their blocks back.
//!
//! Each test runs a loop once to warm up, notes the resident set size, runs it
//! many more times, and checks that the resident set did not grow by more than
//! a small margin (a leak of even a few dozen bytes per iteration would show as
//! tens of megabytes).

use eshkol::Interp;

/// Resident set size of this process, in bytes (Linux).
fn rss_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("Linux /proc");
    let pages: usize = statm
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("resident pages");
    pages * 4096
}

/// Runs `setup`, then `(run n)` for a warm-up and for the measured iterations;
/// returns (RSS after warm-up, RSS at the end).
fn measure(setup: &str, warmup: usize, iterations: usize) -> (usize, usize) {
    // RSS is per process: measure one loop at a time.
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let mut interp = Interp::new_captured();
    interp.eval_str("setup", setup).expect("setup runs");
    interp
        .eval_str("warmup", &format!("(run {warmup})"))
        .expect("warm-up runs");
    let before = rss_bytes();
    interp
        .eval_str("loop", &format!("(run {iterations})"))
        .expect("loop runs");
    let after = rss_bytes();
    eprintln!("RSS after {warmup} warm-up iterations: {before} bytes; after {iterations} more: {after} bytes");
    (before, after)
}

const MARGIN: usize = 16 * 1024 * 1024;

#[test]
fn procedures_with_internal_defines_do_not_leak() {
    // Mutually recursive internal procedures capture each other's boxes: a
    // reference cycle on every call of `work`.
    let setup = "
      (define (work n)
        (define (ev? k) (if (= k 0) #t (od? (- k 1))))
        (define (od? k) (if (= k 0) #f (ev? (- k 1))))
        (define (helper x) (if (> x 0) (helper (- x 1)) (ev? n)))
        (helper 2))
      (define (run n)
        (let loop ((i 0))
          (when (< i n) (work 3) (loop (+ i 1)))))";
    let (before, after) = measure(setup, 100_000, 1_000_000);
    assert!(
        after < before + MARGIN,
        "RSS grew from {before} to {after} bytes"
    );
    let (collections, cleared) = eshkol::gc::stats();
    assert!(collections > 0 && cleared > 0, "the cycle collector ran");
}

#[test]
fn named_let_closures_do_not_leak() {
    let setup = "
      (define (sum-to n) (let loop ((i 0) (acc 0)) (if (> i n) acc (loop (+ i 1) (+ acc i)))))
      (define (run n)
        (do ((i 0 (+ i 1))) ((= i n)) (sum-to 3)))";
    let (before, after) = measure(setup, 100_000, 1_000_000);
    assert!(
        after < before + MARGIN,
        "RSS grew from {before} to {after} bytes"
    );
}

#[test]
fn arena_create_destroy_cycles_give_memory_back() {
    let setup = "
      (define (run n)
        (do ((i 0 (+ i 1))) ((= i n))
          (let ((a (make-arena 4096)))
            (arena-alloc a 100)
            (arena-alloc a 5000)
            (copy-to-arena (list 1 2 \"three\") a)
            (destroy-arena a))))";
    let (before, after) = measure(setup, 100_000, 1_000_000);
    assert!(
        after < before + MARGIN,
        "RSS grew from {before} to {after} bytes"
    );
}

#[test]
fn set_cdr_cycles_are_collected() {
    let setup = "
      (define (run n)
        (do ((i 0 (+ i 1))) ((= i n))
          (let ((p (list 1 2 3)))
            (set-cdr! (cddr p) p))))";
    let (before, after) = measure(setup, 100_000, 1_000_000);
    assert!(
        after < before + MARGIN,
        "RSS grew from {before} to {after} bytes"
    );
}

#[test]
fn caught_errors_do_not_leak() {
    // Each iteration raises a runtime error inside a builtin, a user error with
    // irritants and a non-condition object, and catches all three.
    let setup = "
      (define (run n)
        (do ((i 0 (+ i 1))) ((= i n))
          (guard (e (#t #f)) (car i))
          (guard (e ((error-object? e) (error-object-message e))) (error \"bad\" i (list i)))
          (guard (e ((symbol? e) e)) (raise 'oops))))";
    let (before, after) = measure(setup, 100_000, 1_000_000);
    assert!(
        after < before + MARGIN,
        "RSS grew from {before} to {after} bytes"
    );
}

/// An embedding program may create and drop many interpreters: each one's
/// globals, closures (which refer to the globals they call, a cycle) and
/// library code must be freed with it.
#[test]
fn dropped_interpreters_free_their_memory() {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let run = |count: usize| {
        for _ in 0..count {
            let mut interp = Interp::new_captured();
            interp
                .eval_str(
                    "program",
                    "(define (f n) (if (= n 0) 0 (f (- n 1))))
                     (define data (list f (vector f) (lambda () data)))
                     (f 10)",
                )
                .expect("runs");
        }
    };
    run(200);
    let before = rss_bytes();
    run(2_000);
    let after = rss_bytes();
    eprintln!("RSS after 200 interpreters: {before} bytes; after 2,000 more: {after} bytes");
    assert!(
        after < before + 1024 * 1024,
        "RSS grew from {before} to {after} bytes"
    );
}

/// Every macro expansion makes fresh hygiene names; a program that expands
/// macros without end (`eval` in a loop) must not keep them all, and a macro
/// defined by another macro, whose template holds such names, must keep
/// working after the unused ones are forgotten.
#[test]
fn macro_expansions_in_an_eval_loop_stay_flat() {
    let setup = "
        (define-syntax define-swapper
          (syntax-rules ()
            ((_ name)
             (define-syntax name
               (syntax-rules ()
                 ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp))))))))
        (define-swapper my-swap!)
        (define-syntax swap!
          (syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
        (define (run n)
          (let loop ((i 0))
            (when (< i n)
              (eval '(let ((x 1) (y 2)) (swap! x y) x))
              (loop (+ i 1)))))";
    let (before, after) = measure(setup, 50_000, 200_000);
    assert!(
        after < before + 4 * 1024 * 1024,
        "RSS grew from {before} to {after} bytes"
    );
    let mut interp = Interp::new_captured();
    interp.eval_str("setup", setup).expect("setup runs");
    interp.eval_str("churn", "(run 30000)").expect("churn runs");
    let swapped = interp
        .eval_str(
            "use",
            "(let ((tmp 5) (other 6)) (my-swap! tmp other) (equal? (list tmp other) '(6 5)))",
        )
        .expect("the macro made by a macro still works");
    assert_eq!(format!("{swapped:?}"), "#t");
}

#[test]
fn environments_made_in_a_loop_do_not_accumulate() {
    // Each `environment` call with the same import sets gives the same
    // environment, so eval in a loop stays flat.
    let setup = "
      (define (run n)
        (let loop ((i 0))
          (when (< i n)
            (eval '(+ 1 2) (environment '(only (scheme base) +) '(scheme write)))
            (loop (+ i 1)))))";
    let (before, after) = measure(setup, 10_000, 200_000);
    assert!(
        after < before + MARGIN,
        "RSS grew from {before} to {after} bytes"
    );
}
