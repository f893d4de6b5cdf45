//! `eshkol --check`: each kind of finding with its place, the exit status,
//! the arena documents' examples (the bad ones flagged, the good ones not),
//! and no false alarm anywhere in the repository.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use eshkol::check::{check_program, prepare, Finding};
use eshkol::syntax::parse_program;
use eshkol::Interp;

/// The findings for `text`, as (line, column, warning, message).
fn findings(text: &str) -> Vec<(usize, usize, bool, String)> {
    let mut interp = Interp::new_captured();
    let source = interp.sources.add("program.scm", text);
    let program = parse_program(text, source).expect("the program parses");
    prepare(&mut interp, &program);
    check_program(&program, &interp)
        .into_iter()
        .map(|f| describe(text, &f))
        .collect()
}

fn describe(text: &str, finding: &Finding) -> (usize, usize, bool, String) {
    let span = finding.error.0.span.expect("every finding has a place");
    let before = &text[..span.start as usize];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (
        line,
        column,
        finding.warning,
        finding.error.message().to_string(),
    )
}

fn problem(line: usize, column: usize, message: &str) -> (usize, usize, bool, String) {
    (line, column, false, message.to_string())
}

fn warning(line: usize, column: usize, message: &str) -> (usize, usize, bool, String) {
    (line, column, true, message.to_string())
}

#[test]
fn a_value_used_after_its_arena_is_destroyed() {
    let text = "(define (f)\n\
                \x20 (define a (make-arena 64))\n\
                \x20 (define v (arena-alloc a 8))\n\
                \x20 (destroy-arena a)\n\
                \x20 (bytevector-length v))\n";
    assert_eq!(
        findings(text),
        [problem(
            5,
            22,
            "`v` is used after its arena `a` was destroyed"
        )]
    );
}

#[test]
fn a_value_returned_after_its_arena_is_destroyed() {
    let text = "(define (f)\n\
                \x20 (let ((a (make-arena 64)))\n\
                \x20   (define v (copy-to-arena (list 1 2) a))\n\
                \x20   (destroy-arena a)\n\
                \x20   v))\n";
    // Inside the let, v is the let's value: a use after the destroy.
    assert_eq!(
        findings(text),
        [problem(
            5,
            5,
            "`v` is used after its arena `a` was destroyed"
        )]
    );
    let text = "(define (g)\n\
                \x20 (define a (make-arena 64))\n\
                \x20 (define v (arena-alloc a 8))\n\
                \x20 (define w v)\n\
                \x20 (destroy-arena a)\n\
                \x20 w)\n";
    assert_eq!(
        findings(text),
        [problem(
            6,
            3,
            "`w` is returned after its arena `a` was destroyed: the caller gets a dead value"
        )]
    );
}

#[test]
fn an_arena_destroyed_twice_on_one_path() {
    let text = "(define a (make-arena 64))\n\
                (destroy-arena a)\n\
                (if #t (destroy-arena a))\n";
    assert_eq!(
        findings(text),
        [problem(3, 8, "arena `a` is destroyed a second time")]
    );
    // Once in each branch is once on each path.
    let text = "(define (f p)\n\
                \x20 (define a (make-arena 64))\n\
                \x20 (if p (destroy-arena a) (destroy-arena a)))\n";
    assert_eq!(findings(text), []);
}

#[test]
fn an_arena_a_procedure_does_not_destroy_on_every_path() {
    let text = "(define (never)\n\
                \x20 (define a (make-arena 64))\n\
                \x20 (arena-alloc a 8)\n\
                \x20 #t)\n\
                (define (sometimes p)\n\
                \x20 (let ((a (make-arena 64)))\n\
                \x20   (when p (destroy-arena a))\n\
                \x20   p))\n";
    assert_eq!(
        findings(text),
        [
            problem(2, 13, "arena `a` is never destroyed before `never` ends"),
            problem(
                6,
                12,
                "arena `a` is not destroyed on every path out of its `let`"
            ),
        ]
    );
}

#[test]
fn an_arena_returned_stored_or_handed_on_is_not_a_leak() {
    let text = "(define kept #f)\n\
                (define (returned) (define a (make-arena 64)) a)\n\
                (define (stored) (define a (make-arena 64)) (set! kept a) #t)\n\
                (define (handed-on f) (define a (make-arena 64)) (f a) #t)\n\
                (define (captured) (define a (make-arena 64)) (lambda () (destroy-arena a)))\n\
                (define (scoped) (with-arena (a 64) (bytevector-length (arena-alloc a 8))))\n";
    assert_eq!(findings(text), []);
}

#[test]
fn a_with_arena_body_returning_its_own_arenas_value() {
    let text = "(define (f)\n\
                \x20 (with-arena (a 64)\n\
                \x20   (arena-alloc a 8)))\n";
    assert_eq!(
        findings(text),
        [problem(
            3,
            5,
            "with-arena returns a value living in its own arena `a`, which is destroyed as the body returns"
        )]
    );
}

#[test]
fn a_destroy_in_one_branch_or_an_unknown_callee_keeps_the_check_silent() {
    let text = "(define (f p)\n\
                \x20 (define a (make-arena 64))\n\
                \x20 (define v (arena-alloc a 8))\n\
                \x20 (if p (destroy-arena a))\n\
                \x20 (bytevector-length v)\n\
                \x20 (unless p (destroy-arena a)))\n\
                (define (g finish)\n\
                \x20 (define a (make-arena 64))\n\
                \x20 (define v (arena-alloc a 8))\n\
                \x20 (finish a)\n\
                \x20 (bytevector-length v))\n";
    assert_eq!(findings(text), []);
}

#[test]
fn a_value_built_from_arena_values_dies_with_them() {
    let text = "(define (f)\n\
                \x20 (define a (make-arena 64))\n\
                \x20 (define v (arena-alloc a 8))\n\
                \x20 (define pair (cons v 1))\n\
                \x20 (destroy-arena a)\n\
                \x20 (car pair))\n";
    assert_eq!(
        findings(text),
        [problem(
            6,
            8,
            "`pair` is used after its arena `a` was destroyed"
        )]
    );
}

#[test]
fn allocations_going_back_and_forth_between_arenas_get_one_warning() {
    let text = "(define a (make-arena 64))\n\
                (define b (make-arena 64))\n\
                (define x1 (arena-alloc a 8))\n\
                (define y1 (arena-alloc b 8))\n\
                (define x2 (arena-alloc a 8))\n\
                (define y2 (arena-alloc b 8))\n\
                (define x3 (arena-alloc a 8))\n\
                (define x4 (arena-alloc a 8))\n\
                (define y3 (arena-alloc b 8))\n";
    assert_eq!(
        findings(text),
        [warning(
            5,
            1,
            "allocations alternate between arenas `a` and `b`"
        )]
    );
}

#[test]
fn unbound_names_and_argument_counts_are_warnings() {
    let text = "(define (two a b) (+ a b))\n\
                (display (lenght '(1 2)))\n\
                (two 1)\n\
                (car 1 2)\n\
                (let loop ((i 0)) (if (< i 3) (loop (+ i 1))))\n\
                (define-record-type point (make-point x y) point? (x point-x))\n\
                (point-x (make-point 1 2))\n";
    assert_eq!(
        findings(text),
        [
            warning(2, 11, "unbound variable `lenght`"),
            warning(3, 2, "`two` takes 2 arguments, this call passes 1"),
            warning(4, 2, "`car` takes 1 argument, this call passes 2"),
        ]
    );
}

/// Runs `eshkol --check` on `text`; returns the exit status and stderr.
fn check_cli(name: &str, text: &str) -> (i32, String) {
    let path = std::env::temp_dir().join(format!("eshkol-check-{}-{name}.scm", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let output = Command::cargo_bin("eshkol")
        .unwrap()
        .env("NO_COLOR", "1")
        .arg("--check")
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).to_string(),
    )
}

#[test]
fn the_command_line_reports_with_places_and_sets_the_exit_status() {
    let (status, stderr) = check_cli("clean", "(define a (make-arena 64))\n(destroy-arena a)\n");
    assert_eq!((status, stderr.as_str()), (0, ""));
    let (status, stderr) = check_cli(
        "dirty",
        "(define (f)\n  (define a (make-arena 64))\n  (define v (arena-alloc a 8))\n  (destroy-arena a)\n  (bytevector-u8-ref v 0))\n(car 1 2)\n",
    );
    assert_eq!(status, 1, "{stderr}");
    assert!(
        stderr.contains("× `v` is used after its arena `a` was destroyed"),
        "{stderr}"
    );
    assert!(stderr.contains("eshkol-check-"), "{stderr}");
    assert!(stderr.contains(":5:22]"), "{stderr}");
    assert!(stderr.contains("allocated in the arena here"), "{stderr}");
    assert!(stderr.contains("arena destroyed here"), "{stderr}");
    assert!(stderr.contains("⚠ `car` takes 1 argument"), "{stderr}");
    assert!(
        stderr.contains(": 1 arena problem and 1 warning"),
        "{stderr}"
    );
    let (status, stderr) = check_cli("unreadable", "(define (f)\n");
    assert_eq!(status, 2, "{stderr}");
}

/// The ```scheme blocks of a Markdown document, joined in order.
fn scheme_blocks(markdown: &str) -> String {
    let mut text = String::new();
    let mut inside = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            inside = !inside && line.trim_start().starts_with("```scheme");
            text.push('\n');
            continue;
        }
        if inside {
            text.push_str(line);
        }
        text.push('\n');
    }
    text
}

#[test]
fn the_seeds_bad_examples_are_flagged_and_its_good_ones_are_not() {
    // Stubs for the helpers the document leaves undefined, as its runner has.
    let stubs = "(define (do-processing input buffer) input)\n\
                 (define (process-with-arena request arena) request)\n\
                 (define (extract-session-data request) request)\n\
                 (define (generate-response request) request)\n\
                 (define (store-in-session data) data)\n\
                 (define (println . xs) xs)\n";
    let seed = include_str!("seed/MEMORY_MANAGEMENT.md");
    let text = format!("{stubs}{}", scheme_blocks(seed));
    let found = findings(&text);
    let lines: Vec<&str> = text.lines().collect();
    let flagged: Vec<(&str, &str)> = found
        .iter()
        .map(|(line, _, _, message)| (lines[line - 1].trim(), message.as_str()))
        .collect();
    // "Too large": the infix size; "Bad: interleaved allocations". "Bad:
    // arena outlives its data" has the shape of the good session arena of
    // "nested arenas" (a global arena filled by a procedure) and is not
    // flagged; the document's other bad examples are in C.
    assert_eq!(
        flagged,
        [
            (
                "(define huge-arena (make-arena 1024 * 1024 * 100))",
                "`make-arena` takes 1 to 2 arguments, this call passes 5"
            ),
            (
                "(define a2 (arena-alloc arena1 100))",
                "allocations alternate between arenas `arena1` and `arena2`"
            )
        ]
    );
}

#[test]
fn the_guides_bad_examples_are_flagged_and_its_good_ones_are_not() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide = std::fs::read_to_string(root.join("docs/memory-management.md")).unwrap();
    let text = scheme_blocks(&guide);
    let lines: Vec<&str> = text.lines().collect();
    let flagged: Vec<(String, String)> = findings(&text)
        .into_iter()
        .map(|(line, _, _, message)| (lines[line - 1].trim().to_string(), message))
        .collect();
    // The guide's own deliberate mistakes (marked with the error they
    // raise), its leak, incorrect-usage and interleaved-allocation examples.
    let expected = [
        (
            "(bytevector-u8-ref buffer 0)    ;; error: arena-destroyed",
            "`buffer` is used after its arena `arena` was destroyed",
        ),
        (
            "(destroy-arena arena)           ;; error: arena-destroyed",
            "arena `arena` is destroyed a second time",
        ),
        (
            "(make-arena 1024 * 1024 * 100)   ;; error: arity at (make-arena 1024 * 1024 * 100)",
            "`make-arena` takes 1 to 2 arguments, this call passes 5",
        ),
        (
            "(define arena (make-arena 1024))",
            "arena `arena` is never destroyed before `leaky-handler` ends",
        ),
        (
            "(bytevector-u8-ref data 0))        ;; WRONG: data died with the arena",
            "`data` is used after its arena `arena` was destroyed",
        ),
        (
            "(define a2 (arena-alloc arena1 100))",
            "allocations alternate between arenas `arena1` and `arena2`",
        ),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(l, m)| (l.to_string(), m.to_string()))
        .collect();
    assert_eq!(flagged, expected);
}

/// The error kind a finding's message stands for (for an arena problem,
/// any arena error: a line may fail at run time on an earlier one).
fn kind_of(message: &str) -> &'static str {
    if message.starts_with("unbound variable") {
        "unbound"
    } else if message.contains(" takes ") {
        "arity"
    } else {
        "arena"
    }
}

/// Every `.scm` file under `dir`, skipping build output and VCS data.
fn scheme_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | ".git") {
                scheme_files(&path, out);
            }
        } else if name.ends_with(".scm") {
            out.push(path);
        }
    }
}

#[test]
fn no_false_alarm_in_any_scheme_file_of_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    scheme_files(root, &mut files);
    files.sort();
    let mut checked = 0;
    for path in files {
        let relative = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // Preludes for other Schemes (their own names), and library bodies
        // that a .sld includes (their names come from the library).
        if relative.starts_with("bench/prelude/") || relative.starts_with("tests/libraries/") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        if parse_program(&text, eshkol::syntax::SourceId(0)).is_err() {
            // Files that test the reader's errors.
            continue;
        }
        checked += 1;
        let lines: Vec<&str> = text.lines().collect();
        for (line, column, _, message) in findings(&text) {
            // The test suites' deliberate mistakes carry the error they
            // expect at run time (`; error: kind`, or `; => kind` when a
            // guard catches it); anything else is a false alarm.
            let source_line = lines[line - 1];
            let expectation = source_line
                .find("; error:")
                .or_else(|| source_line.find("; =>"))
                .map(|at| &source_line[at..]);
            let kind = kind_of(&message);
            assert!(
                expectation.is_some_and(|e| e.contains(kind)),
                "{relative}:{line}:{column}: {message}\n  {source_line}"
            );
        }
    }
    assert!(checked > 60, "only {checked} files checked");
}

#[test]
fn no_false_alarm_in_the_other_documents_examples() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut documents = vec![root.join("README.md")];
    for entry in std::fs::read_dir(root.join("docs")).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") && !path.ends_with("memory-management.md") {
            documents.push(path);
        }
    }
    for document in documents {
        let text = scheme_blocks(&std::fs::read_to_string(&document).unwrap());
        let lines: Vec<&str> = text.lines().collect();
        for (line, _, _, message) in findings(&text) {
            let source_line = lines[line - 1];
            assert!(
                source_line.contains("error:") && source_line.contains(kind_of(&message)),
                "{}:{line}: {message}\n  {source_line}",
                document.display()
            );
        }
    }
}

#[test]
fn malformed_special_forms_are_skipped_not_a_crash() {
    // Each is a syntax error when the program runs; the check reads past it.
    let text = r#"(define)
(define ())
(define (()))
(define ((f a) b) (+ a b))
(let)
(let loop)
(let loop ())
(let ((a)) a)
(let (a) a)
(let* ((x 1) . y) x)
(lambda)
(lambda x)
(do)
(do ((i)) ())
(with-arena)
(with-arena ())
(with-arena (a))
(cond ())
(cond (else))
(case)
(case 1 (else))
(guard)
(guard ())
(define-values)
(let-values (((a)) ) a)
(let-values ((a)) a)
(receive)
(parameterize)
(parameterize ((a)))
(destroy-arena)
(destroy-arena 1 2)
(set!)
(if)
(when)
(and)
(case-lambda (x))
(quasiquote (a (unquote b)))
(define-record-type)
(import)
(f . x)
((lambda (x) x) . 1)
"#;
    let (status, stderr) = check_cli("malformed", text);
    assert_eq!(status, 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("`destroy-arena` takes 1 argument, this call passes 2"),
        "{stderr}"
    );
}

#[test]
fn the_program_can_come_from_standard_input() {
    let assert = assert_cmd::Command::cargo_bin("eshkol")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(["--check", "-"])
        .write_stdin("(define (f)\n  (define a (make-arena 8))\n  1)\n")
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("[<stdin>:2:13]"), "{stderr}");
    assert!(
        stderr.ends_with("<stdin>: 1 arena problem and 0 warnings\n"),
        "{stderr}"
    );
}
