//! Fuzzing the reader and the evaluator with generated programs.
//!
//! Programs come from a small grammar: numbers (including extreme ones),
//! strings, characters, symbols drawn from the builtin names and the special
//! forms, quoted data, and nested applications, some of them special forms with
//! their expected shape and some deliberately malformed. The only property is
//! that nothing panics: every program evaluates or fails with an error. A
//! watchdog interrupts a program that runs longer than two seconds (generated
//! recursion can loop), the same way Ctrl-C would.
//!
//! The default case counts are small; a long run sets `PROPTEST_CASES`, and
//! `FUZZ_LAST=path` writes each program to `path` before running it so a crash
//! that kills the process (not a panic) can still be reproduced.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use eshkol::syntax::{parse_program, SourceId};
use eshkol::Interp;
use proptest::prelude::*;

/// Case count: `PROPTEST_CASES` or `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// Builtins left out: they read standard input or files, leave the process,
/// or touch the file system.
fn excluded(name: &str) -> bool {
    const WORDS: [&str; 12] = [
        "exit",
        "read",
        "load",
        "file",
        "peek",
        "ready",
        "input",
        "sleep",
        "system",
        "include",
        "import",
        "environment",
    ];
    WORDS.iter().any(|word| name.contains(word))
}

/// The builtin names, once.
fn builtin_names() -> Vec<String> {
    static NAMES: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    if names.is_empty() {
        let interp = Interp::new_captured();
        *names = interp
            .bound_names()
            .into_iter()
            .filter(|name| !excluded(name))
            .collect();
        names.sort();
    }
    names.clone()
}

const SPECIAL: [&str; 24] = [
    "define",
    "lambda",
    "if",
    "let",
    "let*",
    "letrec",
    "letrec*",
    "begin",
    "set!",
    "quote",
    "quasiquote",
    "unquote",
    "unquote-splicing",
    "cond",
    "case",
    "and",
    "or",
    "when",
    "unless",
    "guard",
    "define-record-type",
    "define-syntax",
    "let-values",
    "delay",
];

const LOCALS: [&str; 5] = ["x", "y", "z", "f", "lst"];

const NUMBERS: [&str; 34] = [
    "0",
    "1",
    "-1",
    "2",
    "3",
    "7",
    "10",
    "255",
    "256",
    "-5",
    "100",
    "1000",
    "2147483648",
    "4611686018427387904",
    "-9223372036854775808",
    "9223372036854775807",
    "18446744073709551616",
    "1000000000000000000000000000000",
    "0.5",
    "-0.0",
    "1e300",
    "1e-300",
    "+inf.0",
    "-inf.0",
    "+nan.0",
    "3.14",
    "1/3",
    "-7/2",
    "#e1.5",
    "#x-ff",
    "#b101",
    "1e21",
    "65",
    "(expt 2 64)",
];

const TEXT: [&str; 14] = [
    "\"\"",
    "\"abc\"",
    "\"a\\nb\"",
    "\"ß\"",
    "\"λx\"",
    "\"\\x41;\"",
    "#\\a",
    "#\\space",
    "#\\x0",
    "#\\x10FFFF",
    "#\\λ",
    "#t",
    "#f",
    "'()",
];

fn atom() -> impl Strategy<Value = String> {
    let names = builtin_names();
    prop_oneof![
        3 => proptest::sample::select(&NUMBERS[..]).prop_map(str::to_string),
        2 => proptest::sample::select(&TEXT[..]).prop_map(str::to_string),
        1 => (-1000i64..1000).prop_map(|n| n.to_string()),
        3 => proptest::sample::select(names),
        2 => proptest::sample::select(&LOCALS[..]).prop_map(str::to_string),
        1 => proptest::sample::select(&SPECIAL[..]).prop_map(str::to_string),
    ]
}

fn join(items: &[String]) -> String {
    items.join(" ")
}

/// Expressions: atoms, applications, quoted data and shaped special forms.
fn expr() -> impl Strategy<Value = String> {
    atom().prop_recursive(5, 48, 5, |inner| {
        let many = proptest::collection::vec(inner.clone(), 0..5);
        let local = proptest::sample::select(&LOCALS[..]);
        prop_oneof![
            4 => many.clone().prop_map(|items| format!("({})", join(&items))),
            2 => (atom(), many.clone()).prop_map(|(head, items)| format!("({head} {})", join(&items))),
            1 => inner.clone().prop_map(|e| format!("'{e}")),
            1 => many.clone().prop_map(|items| format!("`({} ,{})", join(&items), items.first().cloned().unwrap_or_default())),
            1 => many.clone().prop_map(|items| format!("(list {} ,@(list 1 2))", join(&items))),
            1 => many.clone().prop_map(|items| format!("#({})", join(&items))),
            1 => (local.clone(), inner.clone(), many.clone())
                .prop_map(|(x, e, body)| format!("(let (({x} {e})) {})", join(&body))),
            1 => (local.clone(), inner.clone(), many.clone())
                .prop_map(|(x, e, body)| format!("(let* (({x} {e}) (y {x})) {})", join(&body))),
            1 => (local.clone(), many.clone())
                .prop_map(|(x, body)| format!("(lambda ({x} . rest) {})", join(&body))),
            1 => (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| format!("(if {a} {b} {c})")),
            1 => (inner.clone(), inner.clone())
                .prop_map(|(a, b)| format!("(cond ({a} {b}) (else {a}))")),
            1 => (inner.clone(), inner.clone())
                .prop_map(|(a, b)| format!("(case {a} ((1 2 x) {b}) (else => list))")),
            1 => (inner.clone(), many.clone())
                .prop_map(|(handler, body)| format!("(guard (e (#t {handler})) {})", join(&body))),
            1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| format!(
                "(with-exception-handler (lambda (e) {a}) (lambda () {b}))"
            )),
            1 => inner.clone().prop_map(|e| format!("(call/cc (lambda (k) (k {e})))")),
            1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| format!(
                "(dynamic-wind (lambda () {a}) (lambda () {b}) (lambda () #f))"
            )),
            1 => inner.clone().prop_map(|e| format!("(with-arena (ar 64) (copy-to-arena {e} ar))")),
            1 => inner.clone().prop_map(|e| format!(
                "(let ((ar (make-arena 16 64))) (let ((v (copy-to-arena {e} ar))) (destroy-arena ar) v))"
            )),
            1 => inner.clone().prop_map(|e| format!(
                "(let ((p (open-output-string))) (write {e} p) (get-output-string p))"
            )),
            1 => inner.prop_map(|e| format!("(apply list {e})")),
        ]
    })
}

/// Top-level forms: definitions of the local names, then expressions.
fn program() -> impl Strategy<Value = String> {
    let form = prop_oneof![
        3 => expr(),
        1 => (proptest::sample::select(&LOCALS[..]), expr())
            .prop_map(|(x, e)| format!("(define {x} {e})")),
        1 => (proptest::sample::select(&LOCALS[..]), expr())
            .prop_map(|(x, e)| format!("(define ({x} x . y) {e})")),
        1 => (proptest::sample::select(&LOCALS[..]), expr())
            .prop_map(|(x, e)| format!("(set! {x} {e})")),
    ];
    proptest::collection::vec(form, 1..6).prop_map(|forms| forms.join("\n"))
}

/// Programs the watchdog had to interrupt.
static TIMEOUTS: AtomicUsize = AtomicUsize::new(0);

/// Interrupts the interpreter behind `flag` if `done` does not say it finished
/// within two seconds.
fn watchdog(flag: Arc<AtomicBool>) -> mpsc::Sender<()> {
    let (done, finished) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        while let Err(RecvTimeoutError::Timeout) = finished.recv_timeout(Duration::from_secs(2)) {
            flag.store(true, Ordering::Relaxed);
            TIMEOUTS.fetch_add(1, Ordering::Relaxed);
        }
    });
    done
}

/// Programs run so far.
static RUNS: AtomicUsize = AtomicUsize::new(0);

/// Runs one generated program in a fresh interpreter.
fn run(text: &str) {
    let runs = RUNS.fetch_add(1, Ordering::Relaxed) + 1;
    if runs.is_multiple_of(100_000) {
        eprintln!(
            "fuzz: {runs} programs run, {} interrupted",
            TIMEOUTS.load(Ordering::Relaxed)
        );
    }
    if let Ok(path) = std::env::var("FUZZ_LAST") {
        let _ = std::fs::write(path, text);
    }
    let mut interp = Interp::new_captured();
    interp.machine.max_depth = 10_000;
    let done = watchdog(interp.machine.interrupt.clone());
    let _ = interp.eval_str("fuzz", text);
    let _ = done.send(());
    let _ = interp.take_output();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(256)))]

    #[test]
    fn generated_programs_never_panic(text in program()) {
        run(&text);
    }

    #[test]
    fn generated_text_never_panics_the_reader(text in "[()\\[\\]#'`,@\"\\\\|;.+\\-0-9a-fxieu/ \n\\PC]{0,80}") {
        let _ = parse_program(&text, SourceId(0));
        run(&text);
    }
}

#[test]
fn watchdog_stops_a_loop() {
    run("(define (spin) (spin)) (spin)");
    assert!(TIMEOUTS.load(Ordering::Relaxed) >= 1);
}
