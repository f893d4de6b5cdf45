//! Hostile input: every case either evaluates or fails with a clean error of
//! the expected kind pointing at the expression that failed; none of them
//! panics, aborts or overflows the native stack.

use eshkol::syntax::{parse_program, SourceId};
use eshkol::{ErrorKind, Interp};

/// Evaluates `code` and returns the error's kind and the text of its span.
fn error_of(interp: &mut Interp, code: &str) -> (ErrorKind, String) {
    match interp.eval_str("hostile", code) {
        Ok(value) => panic!("{code} evaluated to {value:?}, expected an error"),
        Err(error) => {
            let text = error
                .span()
                .map(|span| interp.sources.snippet(span).to_string())
                .unwrap_or_default();
            (error.kind(), text)
        }
    }
}

/// Evaluates `code` and returns its value as `write` prints it.
fn value_of(interp: &mut Interp, code: &str) -> String {
    match interp.eval_str("hostile", code) {
        Ok(value) => {
            interp.define_global("hostile-result", value);
            interp.take_output();
            interp
                .eval_str("show", "(write hostile-result)")
                .expect("write");
            interp.take_output()
        }
        Err(error) => panic!("{code} failed: {}", error.message()),
    }
}

fn check(code: &str, kind: ErrorKind, span: &str) {
    let mut interp = Interp::new_captured();
    assert_eq!(
        error_of(&mut interp, code),
        (kind, span.to_string()),
        "{code}"
    );
}

#[test]
fn self_application_is_an_arity_error() {
    check("(define (f) (f f))\n(f)", ErrorKind::Arity, "(f f)");
}

#[test]
fn negative_vector_index_is_a_range_error() {
    check(
        "(define v (vector 1 2 3))\n(vector-ref v -1)",
        ErrorKind::Range,
        "(vector-ref v -1)",
    );
}

#[test]
fn inexact_vector_size_is_a_type_error() {
    check("(make-vector 1e12)", ErrorKind::Type, "(make-vector 1e12)");
}

#[test]
fn enormous_vector_is_a_memory_error() {
    check(
        "(make-vector 1000000000000)",
        ErrorKind::Memory,
        "(make-vector 1000000000000)",
    );
}

#[test]
fn enormous_string_is_a_memory_error() {
    check(
        "(make-string (expt 2 62))",
        ErrorKind::Memory,
        "(make-string (expt 2 62))",
    );
}

#[test]
fn enormous_power_is_a_memory_error() {
    check(
        "(expt 2 (expt 2 40))",
        ErrorKind::Memory,
        "(expt 2 (expt 2 40))",
    );
}

/// Exact integers stop at 2^24 bits: past that a single multiplication
/// would run for seconds that nothing could interrupt.
#[test]
fn a_product_past_the_exact_integer_bound_is_a_memory_error() {
    let mut interp = Interp::new_captured();
    let (kind, span) = error_of(
        &mut interp,
        "(define a (expt 3 6000000))\n(define b (* a a))",
    );
    assert_eq!((kind, span.as_str()), (ErrorKind::Memory, "(* a a)"));
    let mut interp = Interp::new_captured();
    let code = "(define a (/ (expt 3 6000000) (expt 2 100)))\n(* a a)";
    match interp.eval_str("hostile", code) {
        Err(error) => assert!(
            error
                .message()
                .contains("*: result too large (more than 16777216 bits)"),
            "{}",
            error.message()
        ),
        Ok(value) => panic!("{code} evaluated to {value:?}"),
    }
}

/// Powers, their digits and the gcds of rationals of big numbers take
/// time near-linear in their size (before: `expt` reduced its result by a
/// gcd, quadratic in bits, and `(/ a b)` of huge numbers ran for minutes).
#[test]
fn huge_powers_print_and_reduce() {
    let mut interp = Interp::new_captured();
    assert_eq!(
        value_of(
            &mut interp,
            "(let ((s (number->string (expt 3 1000000)))) \
             (list (string-length s) (substring s 0 10) \
                   (substring s (- (string-length s) 10) (string-length s))))"
        ),
        "(477122 \"1797710116\" \"5220000001\")"
    );
    assert_eq!(
        value_of(
            &mut interp,
            "(let* ((g (+ (expt 3 20000) 1)) \
                    (a (* g (+ (expt 7 15000) 2))) (b (* g (- (expt 5 18000) 2)))) \
               (list (= (gcd a b) g) (= (denominator (/ a b)) (quotient b g)) \
                     (= (+ (/ a b) (/ b a)) (/ (+ (* a a) (* b b)) (* a b)))))"
        ),
        "(#t #t #t)"
    );
}

#[test]
fn empty_symbol_is_allowed() {
    let mut interp = Interp::new_captured();
    assert_eq!(
        value_of(&mut interp, "(symbol->string (string->symbol \"\"))"),
        "\"\""
    );
}

#[test]
fn exact_infinity_is_a_range_error() {
    check("(exact +inf.0)", ErrorKind::Range, "(exact +inf.0)");
}

#[test]
fn surrogate_char_is_a_range_error() {
    check(
        "(integer->char 55296)",
        ErrorKind::Range,
        "(integer->char 55296)",
    );
}

#[test]
fn deep_non_tail_recursion_completes_or_stops_cleanly() {
    let mut interp = Interp::new_captured();
    let code = "(define (d n) (if (= n 0) 0 (+ 1 (d (- n 1)))))\n(d 1000000)";
    match interp.eval_str("deep", code) {
        Ok(value) => assert_eq!(format!("{value:?}"), "1000000"),
        Err(error) => assert_eq!(error.kind(), ErrorKind::RecursionDepth),
    }
    assert_eq!(value_of(&mut interp, "(d 10)"), "10");
}

const NEST: usize = 100_000;

#[test]
fn deeply_nested_parentheses_read_cleanly() {
    let text = format!("'{}{}", "(".repeat(NEST), ")".repeat(NEST));
    let mut interp = Interp::new_captured();
    match interp.eval_str("nest", &text) {
        Ok(_) => {}
        Err(error) => assert_eq!(error.kind(), ErrorKind::Read, "{}", error.message()),
    }
    let text = format!("{}{}", "(".repeat(NEST), ")".repeat(NEST));
    assert!(interp.eval_str("nest", &text).is_err());
    let text = "(".repeat(NEST);
    let kind = interp
        .eval_str("open", &text)
        .map(|_| ())
        .unwrap_err()
        .kind();
    assert!(
        matches!(kind, ErrorKind::Incomplete | ErrorKind::Read),
        "{kind:?}"
    );
    let text = format!("{}{}", "#(".repeat(NEST), ")".repeat(NEST));
    let _ = parse_program(&text, SourceId(0));
    assert_eq!(value_of(&mut interp, "(+ 1 2)"), "3");
}

#[test]
fn million_element_list() {
    let mut interp = Interp::new_captured();
    let setup = "(define big (let loop ((i 0) (acc '())) (if (= i 1000000) acc (loop (+ i 1) (cons i acc)))))";
    interp.eval_str("setup", setup).expect("builds");
    assert_eq!(value_of(&mut interp, "(length big)"), "1000000");
    assert_eq!(value_of(&mut interp, "(equal? big (list-copy big))"), "#t");
    assert_eq!(
        value_of(&mut interp, "(let ((p (open-output-string))) (display big p) (string-length (get-output-string p)))"),
        "6888891"
    );
    assert_eq!(
        value_of(
            &mut interp,
            "(define a (make-arena 4096)) (length (copy-to-arena big a))"
        ),
        "1000000"
    );
    assert_eq!(
        value_of(&mut interp, "(destroy-arena a) (set! big #f) 'dropped"),
        "dropped"
    );
}

#[test]
fn hundred_thousand_deep_list() {
    let mut interp = Interp::new_captured();
    let setup = "(define (nest n) (do ((i 0 (+ i 1)) (x '() (list x))) ((= i n) x)))\n(define deep (nest 100000))";
    interp.eval_str("setup", setup).expect("builds");
    assert_eq!(
        value_of(&mut interp, "(let ((p (open-output-string))) (display deep p) (string-length (get-output-string p)))"),
        "200002"
    );
    assert_eq!(value_of(&mut interp, "(equal? deep (nest 100000))"), "#t");
    assert_eq!(value_of(&mut interp, "(equal? deep (nest 99999))"), "#f");
    assert_eq!(
        value_of(
            &mut interp,
            "(define a (make-arena 4096)) (equal? deep (copy-to-arena deep a))"
        ),
        "#t"
    );
    let deep_vector = "(define dv (do ((i 0 (+ i 1)) (x '() (vector x))) ((= i 100000) x))) (equal? dv (copy-to-arena dv a))";
    assert_eq!(value_of(&mut interp, deep_vector), "#t");
    assert_eq!(
        value_of(
            &mut interp,
            "(destroy-arena a) (set! deep #f) (set! dv #f) 'dropped"
        ),
        "dropped"
    );
    interp
        .eval_str("again", "(define kept (nest 100000))")
        .expect("builds");
    drop(interp);
}

#[test]
fn cyclic_structures_terminate() {
    let mut interp = Interp::new_captured();
    let setup = "(define c (list 1 2 3)) (set-cdr! (cddr c) c)
                 (define d (list 1 2 3 1 2 3)) (set-cdr! (cdr (cddddr d)) d)
                 (define v (vector 1 2)) (vector-set! v 0 v)";
    interp.eval_str("setup", setup).expect("builds");
    assert_eq!(value_of(&mut interp, "(equal? c c)"), "#t");
    assert_eq!(value_of(&mut interp, "(equal? c d)"), "#t");
    assert_eq!(value_of(&mut interp, "(equal? c (list 1 2 3))"), "#f");
    assert_eq!(value_of(&mut interp, "(equal? v v)"), "#t");
    let shown = value_of(
        &mut interp,
        "(let ((p (open-output-string))) (display c p) (get-output-string p))",
    );
    assert_eq!(shown, "\"#0=(1 2 3 . #0#)\"");
    let shown = value_of(
        &mut interp,
        "(let ((p (open-output-string))) (write v p) (get-output-string p))",
    );
    assert_eq!(shown, "\"#0=#(#0# 2)\"");
}

/// A small deterministic generator, so failures reproduce.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn binary_garbage_never_panics_the_reader() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let alphabet = b"()[]#\\'`,@\"|;.-+0123456789abcdefxXeEiI/uU8 \n\t{}";
    for round in 0..20_000 {
        let len = (rng.next() % 64) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = rng.next();
                if round % 2 == 0 {
                    r as u8
                } else {
                    alphabet[(r % alphabet.len() as u64) as usize]
                }
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_program(&text, SourceId(0));
    }
}

#[test]
fn invalid_utf8_file_names_the_byte_offset() {
    let path = std::env::temp_dir().join(format!("eshkol-hostile-{}.scm", std::process::id()));
    std::fs::write(&path, b"(display 1)\n\xff\xfe").expect("temp file");
    let mut interp = Interp::new_captured();
    let error = interp.load_source(&path).map(|_| ()).unwrap_err();
    let _ = std::fs::remove_file(&path);
    assert_eq!(error.kind(), ErrorKind::Read);
    assert!(error.message().contains("offset 12"), "{}", error.message());
}

#[test]
fn growing_a_live_list_by_mutation_stays_linear() {
    let mut interp = Interp::new_captured();
    let code = "(let ((head (list 0)))
                  (let loop ((i 0) (tail head))
                    (when (< i 1000000)
                      (let ((p (list i))) (set-cdr! tail p) (loop (+ i 1) p))))
                  (length head))";
    let start = std::time::Instant::now();
    assert_eq!(value_of(&mut interp, code), "1000001");
    let elapsed = start.elapsed();
    assert!(elapsed.as_secs() < 30, "took {elapsed:?}");
}

/// An error far out on a long line (past the display column miette can
/// draw) is reported by its line and column, without a snippet.
#[test]
fn errors_on_very_long_lines_are_reported_without_panicking() {
    for prefix in [
        " ".repeat(70_000),
        "\t".repeat(16_400),
        format!("(define wide \"{}\") ", "\u{4e2d}".repeat(33_000)),
    ] {
        let column = prefix.chars().count() + 1;
        let mut interp = Interp::new_captured();
        let code = format!("{prefix}(car 1)");
        let error = interp
            .eval_str("long.scm", &code)
            .expect_err("car of 1 fails");
        assert_eq!(error.kind(), ErrorKind::Type);
        let report = interp.render_error(&error, false);
        assert!(
            report.contains(&format!("note: at long.scm:1:{column}")),
            "{report}"
        );
        assert!(report.contains("car: expected a pair, got 1"), "{report}");
    }
}

#[test]
fn macro_expansion_is_bounded_in_size() {
    // Grows by one element at each of thousands of steps.
    check(
        "(define-syntax grow (syntax-rules () ((_ x ...) (grow x ... 1))))\n(grow)",
        ErrorKind::Syntax,
        "(grow)",
    );
    // Doubles at every step: 2^30 parts if nothing stopped it.
    check(
        "(define-syntax double (syntax-rules () ((_ 0 x) (quote x)) ((_ (n) x) (double n (x x)))))\n\
         (define v (double ((((((((((((((((((((((((((((((0)))))))))))))))))))))))))))))) 1))",
        ErrorKind::Syntax,
        "(double ((((((((((((((((((((((((((((((0)))))))))))))))))))))))))))))) 1)",
    );
    // A large but reasonable expansion still works.
    let mut interp = Interp::new_captured();
    assert_eq!(
        value_of(
            &mut interp,
            "(define-syntax double (syntax-rules () ((_ 0 x) (quote x)) ((_ (n) x) (double n (x x)))))\n\
             (length (double ((((((((((((((((0)))))))))))))))) 1))"
        ),
        "2"
    );
}

#[test]
fn errors_through_many_returning_handlers_keep_a_bounded_message() {
    let mut interp = Interp::new_captured();
    let code = "(define (nest n)
                  (if (= n 0)
                      (raise 'bottom)
                      (with-exception-handler (lambda (e) e) (lambda () (nest (- n 1))))))
                (nest 100000)";
    let error = interp.eval_str("hostile", code).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Raise);
    assert_eq!(
        error.message(),
        "exception handler returned from a non-continuable raise of bottom"
    );
    let code = "(define (nest-error n)
                  (if (= n 0)
                      (car 1)
                      (with-exception-handler (lambda (e) e) (lambda () (nest-error (- n 1))))))
                (nest-error 100000)";
    let error = interp.eval_str("hostile", code).unwrap_err();
    assert_eq!(
        error.message(),
        "exception handler returned from a non-continuable error: car: expected a pair, got 1"
    );
}

#[test]
fn code_that_eval_gets_nests_at_most_as_deep_as_source() {
    let mut interp = Interp::new_captured();
    let setup = "(define (nest n e) (if (= n 0) e (nest (- n 1) (list 'abs e))))";
    interp.eval_str("setup", setup).expect("defines");
    let (kind, span) = error_of(
        &mut interp,
        "(eval (nest 1000000 -1) (interaction-environment))",
    );
    assert_eq!(
        (kind, span.as_str()),
        (
            ErrorKind::Syntax,
            "(eval (nest 1000000 -1) (interaction-environment))"
        )
    );
    let error = interp
        .eval_str("deeper", "(eval (nest 10001 -1) (interaction-environment))")
        .unwrap_err();
    assert_eq!(
        error.message(),
        "code nested too deeply (more than 10000 levels)"
    );
    assert_eq!(
        value_of(
            &mut interp,
            "(eval (nest 9990 -1) (interaction-environment))"
        ),
        "1"
    );
    // A macro that nests its output one level per step stops at the same limit.
    let grow = "(define-syntax wrap (syntax-rules () ((_ () e) e) ((_ (x . more) e) (wrap more (abs e)))))";
    interp.eval_str("macro", grow).expect("defines");
    let many = format!("(wrap ({}) -2)", "x ".repeat(10_500));
    let (kind, _) = error_of(&mut interp, &many);
    assert_eq!(kind, ErrorKind::Syntax);
}

#[test]
fn deeply_nested_code_runs_deep_in_a_recursion() {
    // Nested expressions recurse on the native stack between procedure
    // calls; code nested near the limit still runs at the bottom of a deep
    // recursion, where little of the current stack segment is left.
    let mut interp = Interp::new_captured();
    let setup = "(define (nest n e) (if (= n 0) e (nest (- n 1) (list 'abs e))))
                 (define e (nest 9990 -7))
                 (define (f n) (if (= n 0) (eval e (interaction-environment)) (+ 0 (f (- n 1)))))
                 (define (g n) (if (= n 0) (eval (list 'lambda '() e) (interaction-environment)) (let ((r (g (- n 1)))) r)))";
    interp.eval_str("setup", setup).expect("defines");
    for depth in [1_000, 20_000, 100_000] {
        assert_eq!(value_of(&mut interp, &format!("(f {depth})")), "7");
        assert_eq!(value_of(&mut interp, &format!("((g {depth}))")), "7");
    }
    let source = format!(
        "(define (deep n) (if (= n 0) {}-3{} (+ 0 (deep (- n 1))))) (deep 100000)",
        "(abs ".repeat(9_900),
        ")".repeat(9_900)
    );
    assert_eq!(value_of(&mut interp, &source), "3");
}

#[test]
fn data_nested_millions_deep_is_dropped_without_deep_recursion() {
    let mut interp = Interp::new_captured();
    let code = "(define (nest wrap n) (do ((i 0 (+ i 1)) (x '() (wrap x))) ((= i n) x)))
                (define kept (list (nest list 2000000) (nest vector 1000000)
                                   (nest (lambda (x) (delay x)) 1000000)
                                   (nest (lambda (x) (lambda () x)) 1000000)))
                (set! kept #f)
                'dropped";
    assert_eq!(value_of(&mut interp, code), "dropped");
}
