//! The user's arena document (`tests/seed/MEMORY_MANAGEMENT.md`, a copy of the
//! seed) run verbatim: each of its Scheme examples, with stubs for the helpers
//! it leaves undefined and calls that exercise what it defines.

use eshkol::syntax::parse_program;
use eshkol::{ErrorKind, Interp};

const SEED: &str = include_str!("seed/MEMORY_MANAGEMENT.md");

/// The seed's ```scheme blocks, in order.
fn blocks() -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in SEED.lines() {
        match &mut current {
            None if line.trim_start().starts_with("```scheme") => current = Some(String::new()),
            None => {}
            Some(_) if line.trim_start().starts_with("```") => {
                blocks.extend(current.take());
            }
            Some(text) => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    blocks
}

/// Runs `stubs`, then the seed block verbatim, then `checks`; returns what the
/// program printed.
fn run(index: usize, stubs: &str, checks: &str) -> String {
    run_in(index, stubs, checks).0
}

/// Like [`run`], also returning the interpreter for further checks.
fn run_in(index: usize, stubs: &str, checks: &str) -> (String, Interp) {
    let block = &blocks()[index];
    let mut interp = Interp::new_captured();
    for (name, text) in [
        ("stubs", stubs),
        ("seed", block.as_str()),
        ("checks", checks),
    ] {
        if let Err(e) = interp.eval_str(name, text) {
            panic!(
                "seed block {index} ({name}) failed:\n{}",
                interp.render_error(&e, false)
            );
        }
    }
    (interp.take_output(), interp)
}

#[test]
fn the_seed_has_eight_scheme_examples() {
    assert_eq!(blocks().len(), 8);
}

#[test]
fn basic_arena_usage() {
    let (out, mut interp) = run_in(0, "", "(display (arena-live? arena))");
    assert_eq!(out, "#f");
    // The buffer died with its arena: using it is an error, not a stale read.
    let error = interp
        .eval_str("after", "(bytevector-u8-ref data 0)")
        .expect_err("use after destroy fails");
    assert_eq!(error.kind(), ErrorKind::ArenaDestroyed);
}

#[test]
fn nested_arenas_copy_results_to_the_parent() {
    let stubs = "(define (do-processing input buffer)
                   (bytevector-u8-set! buffer 0 42)
                   (list input (bytevector-u8-ref buffer 0)))";
    let checks = "(define r (process-data 'job))
                  (display r)
                  (display (eq? (arena-owner r) parent-arena))";
    assert_eq!(run(1, stubs, checks), "(job 42)#t");
}

#[test]
fn arena_lifetime_matches_data_lifetime() {
    let stubs = "(define (process-with-arena request arena)
                   (let ((buffer (arena-alloc arena 64)))
                     (list request (bytevector-length buffer))))";
    let checks = "(display (process-request 'req))
                  (display (arena-used global-arena))";
    // The second (\"bad\") definition wins: its global arena keeps the 64 bytes.
    assert_eq!(run(2, stubs, checks), "(req 64)64");
}

#[test]
fn sizing_example_reports_the_infix_size_clearly() {
    let block = &blocks()[3];
    let mut interp = Interp::new_captured();
    let source = interp.sources.add("seed", block);
    let data = parse_program(block, source).expect("the block reads");
    let mut errors = Vec::new();
    for datum in &data {
        if let Err(e) = interp.eval_datum(datum) {
            errors.push(e);
        }
    }
    assert_eq!(errors.len(), 1, "only the infix call fails");
    let error = &errors[0];
    assert_eq!(error.kind(), ErrorKind::Arity);
    let span = error.span().expect("error has a location");
    assert_eq!(
        interp.sources.snippet(span),
        "(make-arena 1024 * 1024 * 100)"
    );
    let report = interp.render_error(error, false);
    assert!(
        report.contains("(make-arena (* 1024 1024 100))"),
        "help shows the fix: {report}"
    );
    // The rest of the block ran: the helper sizes with 50% headroom.
    let arena = interp
        .eval_str("check", "(arena-stats (make-appropriate-arena 1000))")
        .expect("make-appropriate-arena works");
    let text = eshkol::printer::write_string(&interp.arenas.registry, &arena).expect("printable");
    assert!(text.contains("(reserved . 1500)"), "{text}");
}

#[test]
fn session_and_request_arenas() {
    let stubs = "(define stored '())
                 (define (extract-session-data request) (list 'session request))
                 (define (generate-response request) (list 'response request))
                 (define (store-in-session data) (set! stored (cons data stored)))";
    let checks = "(display (handle-request 'r1))
                  (display stored)
                  (display (eq? (arena-owner (car stored)) session-arena))";
    assert_eq!(run(4, stubs, checks), "(response r1)((session r1))#t");
}

#[test]
fn arena_versus_heap_benchmark_runs() {
    let out = run(5, "", "(benchmark-arena-vs-gc 1000)");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("Arena time: "));
    assert!(lines[1].starts_with("GC time: "));
    assert!(lines[2].starts_with("Ratio: "));
    let ratio: f64 = lines[2]["Ratio: ".len()..].parse().expect("a number");
    assert!(ratio.is_finite() && ratio > 0.0);
}

#[test]
fn large_data_arena_is_sized_from_the_data() {
    let (out, interp) = run_in(6, "", "(process-large-data (iota 100))");
    assert_eq!(out, "");
    assert!(interp.arenas.live.is_empty(), "the arena was destroyed");
}

#[test]
fn interleaved_and_grouped_allocations() {
    let out = run(
        7,
        "",
        "(display (map bytevector-length (list a1 a2 b1 b2)))
         (display (map arena-used (list arena1 arena2)))",
    );
    assert_eq!(out, "(100 100 100 100)(204 204)");
}

#[test]
fn every_seed_example_parses() {
    for (i, block) in blocks().iter().enumerate() {
        let mut interp = Interp::new_captured();
        let source = interp.sources.add("seed", block);
        assert!(parse_program(block, source).is_ok(), "block {i}");
    }
}
