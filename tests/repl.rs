//! The REPL, driven in a real pseudo-terminal (rexpect), and its piped mode.

use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use rexpect::session::PtySession;

const PROMPT: &str = "eshkol> ";

/// A REPL session with its history in a temporary file and no colours.
fn start() -> PtySession {
    let history = std::env::temp_dir().join(format!(
        "eshkol-repl-history-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_file(&history);
    let mut command = Command::new(cargo_bin("eshkol"));
    command.env("NO_COLOR", "1").env("ESHKOL_HISTORY", &history);
    let mut session = rexpect::session::spawn_command(command, Some(20_000)).expect("spawn REPL");
    session.exp_string(PROMPT).expect("first prompt");
    session
}

fn exits_with(session: &mut PtySession, code: i32) {
    session.exp_eof().expect("REPL ends");
    let status = session.process().wait().expect("exit status");
    assert_eq!(
        format!("{status:?}").split(", ").nth(1),
        Some(&*format!("{code})"))
    );
}

#[test]
fn definitions_span_lines_and_survive_errors() {
    let mut p = start();
    p.send_line("(define (square x)").unwrap();
    p.exp_string("...> ").expect("continuation prompt");
    p.send_line("  (* x x))").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(square 12)").unwrap();
    p.exp_string("144").unwrap();
    p.exp_string(PROMPT).unwrap();
    // A runtime error prints a report and keeps the session.
    p.send_line("(car 5)").unwrap();
    p.exp_string("car: expected a pair, got 5").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(undefined-procedure 1)").unwrap();
    p.exp_string("unbound variable `undefined-procedure`")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(square 3) (square 4)").unwrap();
    p.exp_string("9").unwrap();
    p.exp_string("16").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(":quit").unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn arenas_command_and_use_after_destroy() {
    let mut p = start();
    p.send_line("(define a (make-arena 1024))").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(define b (arena-alloc a 100))").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(":arenas").unwrap();
    p.exp_string(
        "arena #0 created at <repl:1>:1:11: 100 bytes used of 1024 reserved, 1 block, 1 allocation",
    )
    .unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(destroy-arena a)").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(bytevector-u8-ref b 0)").unwrap();
    p.exp_string("after it was destroyed").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(":arenas").unwrap();
    p.exp_string("no live arenas").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn ctrl_c_interrupts_a_runaway_loop_and_keeps_state() {
    let mut p = start();
    p.send_line("(define kept 42)").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(let loop () (loop))").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    p.send_control('c').unwrap();
    p.exp_string("interrupted").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))")
        .unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(fib 100)").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    p.send_control('c').unwrap();
    p.exp_string("interrupted").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("kept").unwrap();
    p.exp_string("42").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn commands_help_doc_env_time_load() {
    let mut p = start();
    p.send_line(":help").unwrap();
    p.exp_string(":arenas").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(":doc car").unwrap();
    p.exp_string("builtin, 1 argument").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(define answer 42)").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(":env").unwrap();
    p.exp_string("answer = 42").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(":time (arena-alloc (make-arena 64) 32)")
        .unwrap();
    p.exp_string("32 bytes allocated in arenas").unwrap();
    p.exp_string(PROMPT).unwrap();
    let file = std::env::temp_dir().join(format!("eshkol-repl-load-{}.scm", std::process::id()));
    std::fs::write(&file, "(define loaded-value 7)").unwrap();
    p.send_line(&format!(":load {}", file.display())).unwrap();
    p.exp_string("loaded").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(* loaded-value 6)").unwrap();
    p.exp_string("42").unwrap();
    p.exp_string(PROMPT).unwrap();
    let _ = std::fs::remove_file(&file);
    p.send_line(":bogus").unwrap();
    p.exp_string("unknown command :bogus").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line(":quit").unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn ctrl_c_at_the_prompt_clears_the_line() {
    let mut p = start();
    p.send("(+ 1 2").unwrap();
    p.flush().unwrap();
    p.send_control('c').unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(+ 2 2)").unwrap();
    p.exp_string("4").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn deep_recursion_error_keeps_the_session() {
    let mut p = start();
    p.send_line("(define (down n) (+ 1 (down n)))").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(down 1)").unwrap();
    p.exp_string("recursion too deep").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_line("(down 'still-here)").unwrap();
    p.exp_string("recursion too deep").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

mod piped {
    use assert_cmd::Command;

    fn eshkol() -> Command {
        let mut cmd = Command::cargo_bin("eshkol").expect("binary builds");
        cmd.env("NO_COLOR", "1");
        cmd
    }

    #[test]
    fn prints_each_value_without_prompts() {
        eshkol()
            .write_stdin("(+ 1 2)\n(define x 5)\n(list x \"s\")\n")
            .assert()
            .success()
            .stdout("3\n(5 \"s\")\n");
    }

    /// R7RS 6.2.7: inexact numbers print with a decimal point in exponent
    /// form too.
    #[test]
    fn flonums_print_with_a_decimal_point() {
        eshkol()
            .write_stdin("1e21\n5e-324\n(list 1.5 -1e100)\n")
            .assert()
            .success()
            .stdout("1.0e21\n5.0e-324\n(1.5 -1.0e100)\n");
    }

    #[test]
    fn errors_go_to_stderr_and_evaluation_continues() {
        let assert = eshkol()
            .write_stdin("(display \"a\")\n(car 1)\n(+ 1 1)\n")
            .assert()
            .code(1)
            .stdout("a2\n");
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
        assert!(stderr.contains("car: expected a pair, got 1"), "{stderr}");
    }

    #[test]
    fn incomplete_input_is_a_read_error() {
        let assert = eshkol().write_stdin("(+ 1 2\n").assert().code(2);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
        assert!(stderr.contains("unclosed `(`"), "{stderr}");
    }
}
