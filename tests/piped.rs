//! Piped mode: standard input that is not a terminal is read a line at a
//! time, each form evaluated as soon as it is complete.

use assert_cmd::Command;

fn eshkol() -> Command {
    let mut cmd = Command::cargo_bin("eshkol").expect("binary builds");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn stderr_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).to_string()
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
    let stderr = stderr_of(&assert);
    assert!(stderr.contains("car: expected a pair, got 1"), "{stderr}");
}

#[test]
fn incomplete_input_is_a_read_error() {
    let assert = eshkol().write_stdin("(+ 1 2\n").assert().code(2);
    let stderr = stderr_of(&assert);
    assert!(stderr.contains("unclosed `(`"), "{stderr}");
}

#[test]
fn a_form_that_reads_standard_input_reads_the_lines_after_it() {
    let assert = eshkol()
        .write_stdin("(define x (read-line))\nhello there\n(display x)\n(car 1)\n")
        .assert()
        .code(1)
        .stdout("hello there");
    // The line the program read still counts: `(car 1)` is on line 4.
    let stderr = stderr_of(&assert);
    assert!(stderr.contains("[<stdin>:4:1]"), "{stderr}");
}

#[test]
fn bad_syntax_skips_the_rest_of_the_line_and_evaluation_goes_on() {
    let assert = eshkol()
        .write_stdin("(+ 1 2) ) (+ 3 4)\n(define y 8)\ny\n")
        .assert()
        .code(2)
        .stdout("3\n8\n");
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("unexpected `)` with no matching `(`"),
        "{stderr}"
    );
    assert!(stderr.contains("[<stdin>:1:9]"), "{stderr}");
}

#[test]
fn a_form_spanning_lines_and_strings_runs_when_it_is_complete() {
    eshkol()
        .write_stdin("(define (f x)\n  (string-append x \"a\nb\"))\n#| a\n comment |# (f \"z\")\n")
        .assert()
        .success()
        .stdout("\"za\\nb\"\n");
}

#[test]
fn piped_input_fails_when_a_value_cannot_be_written() {
    let assert = eshkol()
        .write_stdin("(with-arena (s 1024) (arena-alloc s 4))\n(+ 1 2)\n")
        .assert()
        .code(1)
        .stdout("3\n");
    let stderr = stderr_of(&assert);
    assert!(stderr.contains("eshkol::arena-destroyed"), "{stderr}");
}

/// eshkol in piped mode, with its standard input and output to drive it.
fn spawn_piped() -> (
    std::process::Child,
    std::process::ChildStdin,
    std::process::ChildStdout,
) {
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("eshkol"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("eshkol starts");
    let stdin = child.stdin.take().expect("stdin is piped");
    let stdout = child.stdout.take().expect("stdout is piped");
    (child, stdin, stdout)
}

/// A program driving eshkol through a pipe gets each answer before it sends
/// the next form (nothing waits for the end of the input).
#[test]
fn each_answer_arrives_before_the_next_form_is_sent() {
    use std::io::{BufRead, BufReader, Write};
    let (mut child, mut stdin, stdout) = spawn_piped();
    let mut stdout = BufReader::new(stdout);
    let mut answer = String::new();
    for (form, expected) in [("(+ 1 2)", "3\n"), ("(define x 4) (* x x)", "16\n")] {
        writeln!(stdin, "{form}").unwrap();
        stdin.flush().unwrap();
        answer.clear();
        stdout.read_line(&mut answer).unwrap();
        assert_eq!(answer, expected);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

/// Past the text kept for reports (the last 8 MiB or so), a report gives the
/// source without its text, and line numbers stay right.
#[test]
fn reports_far_into_a_long_session_keep_their_line_numbers() {
    let mut input = String::from("(define (f) (car 1))\n");
    for _ in 0..100 {
        input.push(';');
        input.push_str(&"x".repeat(100_000));
        input.push('\n');
    }
    input.push_str("(f)\n(car 2)\n");
    let assert = eshkol().write_stdin(input).assert().code(1);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains("note: at <stdin> after line 0 (text no longer kept)"),
        "{stderr}"
    );
    assert!(stderr.contains("f at <stdin>:102:1"), "{stderr}");
    assert!(stderr.contains("[<stdin>:103:1]"), "{stderr}");
    assert!(stderr.contains("103 │ (car 2)"), "{stderr}");
}

/// The peak resident memory of a process (Linux).
#[cfg(target_os = "linux")]
fn peak_resident_kib(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("VmHWM in /proc status");
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// A million forms piped in take about the memory of a few: neither their
/// data nor all of their text is kept (before: about 1 KB per form).
#[cfg(target_os = "linux")]
#[test]
fn a_million_piped_forms_keep_memory_flat() {
    use std::io::{BufRead, BufReader, Write};
    let (mut child, mut stdin, stdout) = spawn_piped();
    let counter = std::thread::spawn(move || {
        let mut lines = 0usize;
        let mut last = String::new();
        for line in BufReader::new(stdout).lines() {
            last = line.unwrap();
            lines += 1;
            if last == "done" {
                break;
            }
        }
        (lines, last)
    });
    writeln!(stdin, "(define i 0)").unwrap();
    let forms = "(set! i (+ i 1)) i\n".repeat(1000);
    for _ in 0..500 {
        stdin.write_all(forms.as_bytes()).unwrap();
    }
    writeln!(stdin, "'done").unwrap();
    stdin.flush().unwrap();
    let (lines, last) = counter.join().unwrap();
    assert_eq!((lines, last.as_str()), (500_001, "done"));
    // Still running (stdin is open): its peak memory is there to read.
    let peak = peak_resident_kib(child.id());
    drop(stdin);
    assert!(child.wait().unwrap().success());
    assert!(peak < 64 * 1024, "peak resident memory {peak} KiB");
}
