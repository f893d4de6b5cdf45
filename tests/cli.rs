//! The `eshkol` command line: running scripts, `-e`, standard input, exit
//! statuses, error reports on stderr, arena leak warnings.

use assert_cmd::Command;

fn eshkol() -> Command {
    let mut cmd = Command::cargo_bin("eshkol").expect("binary builds");
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Runs eshkol with `args`, checks its exit status, and returns its standard
/// error.
fn stderr_of(args: &[&str], status: i32) -> String {
    let assert = eshkol().args(args).assert().code(status);
    String::from_utf8_lossy(&assert.get_output().stderr).to_string()
}

fn script(text: &str) -> tempfile_path::TempScript {
    tempfile_path::TempScript::new(text)
}

/// A script file in the system temp directory, removed when dropped.
mod tempfile_path {
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicUsize, Ordering};

    pub struct TempScript(pub PathBuf);

    impl TempScript {
        pub fn new(text: &str) -> TempScript {
            static COUNTER: AtomicUsize = AtomicUsize::new(0);
            let n = COUNTER.fetch_add(1, Ordering::SeqCst);
            let path =
                std::env::temp_dir().join(format!("eshkol-cli-{}-{n}.scm", std::process::id()));
            std::fs::write(&path, text).expect("write temp script");
            TempScript(path)
        }
    }

    impl Drop for TempScript {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }
}

#[test]
fn eval_flag_prints_the_value() {
    eshkol()
        .args(["-e", "(+ 1 2)"])
        .assert()
        .success()
        .stdout("3\n");
}

#[test]
fn eval_flag_prints_nothing_for_unspecified() {
    eshkol()
        .args(["-e", "(define x 1)"])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn script_runs_and_exits_zero() {
    let file = script("(display \"hi\") (newline)");
    eshkol().arg(&file.0).assert().success().stdout("hi\n");
}

#[test]
fn program_from_stdin_with_dash() {
    eshkol()
        .arg("-")
        .write_stdin("(display (* 6 7))")
        .assert()
        .success()
        .stdout("42");
}

#[test]
fn runtime_error_exits_one_with_report_after_flushed_output() {
    let file = script("(display \"before\")\n(car 5)\n(display \"after\")\n");
    let assert = eshkol().arg(&file.0).assert().code(1).stdout("before");
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("car: expected a pair, got 5"), "{stderr}");
    assert!(stderr.contains("eshkol::type"), "{stderr}");
    assert!(stderr.contains(":2:1]"), "points at line 2: {stderr}");
}

#[test]
fn syntax_error_exits_two() {
    let file = script("(display 1)\n(let ((x)) x)\n");
    let assert = eshkol().arg(&file.0).assert().code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("eshkol::syntax"), "{stderr}");
}

#[test]
fn unclosed_paren_is_a_read_error_pointing_at_it() {
    let file = script("(display 1)\n(define (f x)\n  (+ x 1)\n");
    let assert = eshkol().arg(&file.0).assert().code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("unclosed `(`"), "{stderr}");
    assert!(
        stderr.contains(":2:1]"),
        "points at the open paren: {stderr}"
    );
}

#[test]
fn exit_sets_the_status() {
    eshkol().args(["-e", "(exit 7)"]).assert().code(7);
    eshkol().args(["-e", "(exit)"]).assert().code(0);
    eshkol().args(["-e", "(exit #f)"]).assert().code(1);
}

#[test]
fn missing_file_is_a_clear_error() {
    let assert = eshkol().arg("/no/such/file.scm").assert().code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains("cannot read /no/such/file.scm: No such file or directory"),
        "{stderr}"
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let path = std::env::temp_dir().join(format!("eshkol-cli-bad-{}.scm", std::process::id()));
    std::fs::write(&path, b"(display 1)\n\xff\xfe").expect("write");
    let assert = eshkol().arg(&path).assert().code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    let _ = std::fs::remove_file(&path);
    assert!(stderr.contains("bad byte at offset 12"), "{stderr}");
}

#[test]
fn leaked_arena_is_reported_unless_disabled() {
    let file = script("(define a (make-arena 4096))\n(arena-alloc a 100)\n");
    let assert = eshkol().arg(&file.0).assert().success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains(
            "was never destroyed: it still holds 100 bytes in 1 block (4096 bytes reserved)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(":1:11"),
        "names the creation site: {stderr}"
    );
    eshkol()
        .arg("--no-arena-warnings")
        .arg(&file.0)
        .assert()
        .success()
        .stderr("");
}

#[test]
fn destroyed_arenas_are_not_reported() {
    let file = script("(define a (make-arena 64)) (destroy-arena a)");
    eshkol().arg(&file.0).assert().success().stderr("");
}

#[test]
fn max_depth_flag_limits_recursion() {
    let file = script("(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))\n(display (count 500))\n(count 5000)\n");
    let assert = eshkol()
        .args(["--max-depth", "1000"])
        .arg(&file.0)
        .assert()
        .code(1)
        .stdout("500");
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains("recursion too deep: more than 1000 nested calls"),
        "{stderr}"
    );
}

/// R7RS 3.5: the consumer of `call-with-values`, the receiver of `call/cc`
/// and `apply`'s procedure are tail calls, so a million iterations through
/// them fit in a recursion limit of 20 nested calls.
#[test]
fn tail_calling_builtins_do_not_nest() {
    let file = script(
        "(define (f n) (if (= n 0) 'done (call-with-values (lambda () (- n 1)) f)))\n\
         (define (g n) (if (= n 0) 'done (call/cc (lambda (k) (g (- n 1))))))\n\
         (define (h n) (if (= n 0) 'done (apply h (list (- n 1)))))\n\
         (display (list (f 1000000) (g 1000000) (h 1000000)))\n",
    );
    eshkol()
        .args(["--max-depth", "20"])
        .arg(&file.0)
        .assert()
        .success()
        .stdout("(done done done)");
}

#[test]
fn script_arguments_are_accepted() {
    let file = script("(display 'ok)");
    eshkol()
        .arg(&file.0)
        .args(["--flag", "value"])
        .assert()
        .success()
        .stdout("ok");
}

#[test]
fn max_memory_turns_runaway_allocation_into_an_error() {
    let stderr = stderr_of(
        &[
            "--max-memory",
            "100M",
            "-e",
            "(define (grow l) (grow (cons 1 l))) (grow '())",
        ],
        1,
    );
    assert!(stderr.contains("eshkol::memory"), "{stderr}");
    assert!(stderr.contains("the limit is"), "{stderr}");
    assert!(stderr.contains("100 MiB"), "{stderr}");
}

#[test]
fn max_memory_refuses_an_oversized_object_before_allocating_it() {
    let stderr = stderr_of(
        &[
            "--max-memory",
            "100M",
            "-e",
            "(define v (make-vector 100000000 0))",
        ],
        1,
    );
    assert!(
        stderr.contains("make-vector: allocating 1.5 GiB would pass the memory limit"),
        "{stderr}"
    );
    assert!(stderr.contains("[<expression>:1:11]"), "{stderr}");
}

#[test]
fn max_memory_stops_a_doubling_string() {
    let stderr = stderr_of(
        &[
            "--max-memory",
            "100M",
            "-e",
            "(let loop ((s \"ab\")) (loop (string-append s s)))",
        ],
        1,
    );
    assert!(stderr.contains("eshkol::memory"), "{stderr}");
    assert!(stderr.contains("string-append: allocating"), "{stderr}");
}

#[test]
fn max_memory_counts_many_small_objects() {
    let program =
        "(define (grow n acc) (if (= n 0) acc (grow (- n 1) (cons (make-vector 5000 0) acc))))
                   (grow 100000 '())";
    let stderr = stderr_of(&["--max-memory", "300M", "-e", program], 1);
    assert!(
        stderr.contains("make-vector: memory limit exceeded"),
        "{stderr}"
    );
}

#[test]
fn max_calls_stops_an_endless_loop_and_guard_cannot_catch_it() {
    let stderr = stderr_of(
        &[
            "--max-calls",
            "1000000",
            "-e",
            "(guard (e (#t 'caught)) (let loop ((i 0)) (loop (+ i 1))))",
        ],
        1,
    );
    assert!(stderr.contains("eshkol::call-limit"), "{stderr}");
    assert!(
        stderr.contains("call limit reached: more than 1000000 procedure calls"),
        "{stderr}"
    );
}

#[test]
fn max_memory_rejects_a_malformed_size() {
    let stderr = stderr_of(&["--max-memory", "lots", "-e", "1"], 2);
    assert!(
        stderr.contains("expected a size like 512M or 2G"),
        "{stderr}"
    );
}

/// A UTF-8 byte-order mark at the start of a source is not part of the
/// program, however the source is read.
#[test]
fn byte_order_mark_is_skipped() {
    let file = script("\u{feff}(display 'abc)");
    eshkol().arg(&file.0).assert().success().stdout("abc");
    eshkol()
        .arg("-")
        .write_stdin("\u{feff}(display 'abc)")
        .assert()
        .success()
        .stdout("abc");
    let inner = script("\u{feff}(define from-file 'ok)");
    let path = format!("{:?}", inner.0.display().to_string());
    let outer = script(&format!(
        "(load {path}) (display from-file) (set! from-file 'no) (include {path}) (display from-file)"
    ));
    eshkol().arg(&outer.0).assert().success().stdout("okok");
}

/// Columns on the first line count from after the byte-order mark.
#[test]
fn byte_order_mark_does_not_shift_error_locations() {
    let file = script("\u{feff}(display 1) (car 5)\n");
    let assert = eshkol().arg(&file.0).assert().code(1).stdout("1");
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains(":1:13]"), "points at (car 5): {stderr}");
    let file = script("\u{feff}(display 1) )\n");
    let stderr = stderr_of(&[&file.0.display().to_string()], 2);
    assert!(stderr.contains(":1:13]"), "points at the `)`: {stderr}");
    let inner = script("\u{feff}(car 5)");
    let outer = script(&format!("(include {:?})", inner.0.display().to_string()));
    let stderr = stderr_of(&[&outer.0.display().to_string()], 1);
    assert!(stderr.contains(":1:1]"), "points at (car 5): {stderr}");
}

#[test]
fn a_program_importing_srfi_1_and_69_sees_them_and_nothing_else() {
    let file = script(
        "(import (scheme base) (scheme write) (srfi 1) (prefix (srfi 69) h:))\n\
         (write (take (map + '(1 2 3 4) (circular-list 10 20)) 3))\n\
         (write (fold cons* '() '(a b) '(1 2)))\n\
         (define t (h:alist->hash-table '((1 . one))))\n\
         (write (h:hash-table-fold t (lambda (k v acc) (cons v acc)) '()))\n\
         (define (map f l) 'mine)\n\
         (write (zip '(1 2) '(a b)))\n\
         (write (map car '((1))))\n\
         (hash-table-ref t 1)\n",
    );
    let assert = eshkol()
        .arg(&file.0)
        .assert()
        .code(1)
        .stdout("(11 22 13)(b 2 a 1)(one)((1 a) (2 b))mine");
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("hash-table-ref"), "{stderr}");
    assert!(stderr.contains("eshkol::unbound"), "{stderr}");
}

#[test]
fn exit_statuses_follow_guile() {
    for (value, status) in [
        ("-1", 255),
        ("-2", 254),
        ("-255", 1),
        ("-256", 0),
        ("256", 0),
        ("300", 44),
        ("#t", 0),
        ("#f", 1),
        ("'done", 1),
        ("(- (expt 2 100) 1)", 255),
    ] {
        let assert = eshkol().args(["-e", &format!("(exit {value})")]).assert();
        let code = assert.get_output().status.code();
        assert_eq!(code, Some(status), "(exit {value})");
    }
}

#[test]
fn options_after_the_script_belong_to_the_script() {
    let file = script("(write (cdr (command-line)))");
    let path = file.0.display().to_string();
    eshkol()
        .args([&path, "--help", "-e", "1"])
        .assert()
        .success()
        .stdout("(\"--help\" \"-e\" \"1\")");
    eshkol()
        .args(["--max-depth", "100", "--", &path, "--", "x"])
        .assert()
        .success()
        .stdout("(\"--\" \"x\")");
    let stderr = stderr_of(&["--no-such-option"], 2);
    assert!(
        stderr.contains("unexpected option '--no-such-option'"),
        "{stderr}"
    );
}

#[test]
fn a_dead_arena_value_from_eval_flag_is_an_error() {
    let stderr = stderr_of(&["-e", "(with-arena (s 1024) (arena-alloc s 4))"], 1);
    assert!(stderr.contains("eshkol::arena-destroyed"), "{stderr}");
    assert!(!stderr.contains("Error:"), "one report: {stderr}");
}

#[test]
fn an_arena_error_across_files_is_one_report() {
    let made = script("(define a (make-arena 64))\n(define b (arena-alloc a 4))\n");
    let main = script(&format!(
        "(load {:?})\n(destroy-arena a)\n(bytevector-u8-ref b 0)\n",
        made.0.display().to_string()
    ));
    let stderr = stderr_of(&[&main.0.display().to_string()], 1);
    assert!(!stderr.contains("Error:"), "one report: {stderr}");
    assert_eq!(
        stderr.matches("eshkol::arena-destroyed").count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains(":3:1]"),
        "the use is the main place: {stderr}"
    );
    assert!(stderr.contains("destroyed here"), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "note: arena created here: {}:1:11",
            made.0.display()
        )),
        "{stderr}"
    );
}

#[test]
fn a_write_that_fails_is_an_error() {
    let full = std::fs::File::create("/dev/full").expect("/dev/full exists on Linux");
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("eshkol"))
        .env("NO_COLOR", "1")
        .args(["-e", "(display \"x\")"])
        .stdout(full)
        .output()
        .expect("eshkol runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot write output: No space left on device"),
        "{stderr}"
    );
}

/// On a terminal a script's lines appear as they are written, and Ctrl-C
/// stops it with status 130 after what it wrote so far.
#[test]
fn script_output_on_a_terminal_is_line_buffered_and_ctrl_c_stops_it() {
    let file = script(
        "(display \"first line\")\n(newline)\n(display \"partial\")\n(let loop () (loop))\n",
    );
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("eshkol"));
    command.env("NO_COLOR", "1").arg(&file.0);
    let mut session = rexpect::session::spawn_command(command, Some(10_000)).expect("spawn eshkol");
    session
        .exp_string("first line")
        .expect("the line appears while the script runs");
    session.send_control('c').expect("send Ctrl-C");
    session
        .exp_string("partial")
        .expect("pending output is flushed");
    session.exp_string("interrupted").expect("the report");
    session.exp_eof().expect("eshkol ends");
    let status = session.process().wait().expect("exit status");
    assert!(format!("{status:?}").contains("130"), "{status:?}");
}

/// To a pipe, output is flushed when the script is interrupted.
#[test]
fn piped_output_is_flushed_when_interrupted() {
    let file = script("(display \"kept\")\n(let loop () (loop))\n");
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("eshkol"))
        .arg(&file.0)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn eshkol");
    std::thread::sleep(std::time::Duration::from_millis(300));
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    let output = child.wait_with_output().expect("eshkol ends");
    assert_eq!(String::from_utf8_lossy(&output.stdout), "kept");
    assert_eq!(output.status.code(), Some(130));
}

/// Ctrl-C stops one long builtin call, not only a loop of calls: a gcd of
/// two numbers of millions of digits (minutes of work) ends at once.
#[test]
fn an_interrupt_stops_a_gcd_of_huge_numbers() {
    use std::io::Read;
    let file = script(
        "(define a (+ (expt 3 8000000) 1))\n(define b (+ (expt 7 4000000) 2))\n\
         (display \"go\")\n(flush-output-port)\n(gcd a b)\n",
    );
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("eshkol"))
        .arg(&file.0)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn eshkol");
    let mut go = [0u8; 2];
    child
        .stdout
        .take()
        .expect("stdout is piped")
        .read_exact(&mut go)
        .expect("the script starts its gcd");
    assert_eq!(&go, b"go");
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    let output = child.wait_with_output().expect("eshkol ends");
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("gcd: interrupted"), "{stderr}");
    assert!(stderr.contains("(gcd a b)"), "{stderr}");
}

#[test]
fn leak_warnings_are_grouped_by_creation_site_largest_first() {
    let file = script(
        "(define keep (make-arena 100))\n(arena-alloc keep 10)\n\
         (define (handler) (let ((a (make-arena 64))) (arena-alloc a 40) a))\n\
         (let loop ((i 0)) (when (< i 5000) (handler) (loop (+ i 1))))\n",
    );
    let assert = eshkol().arg(&file.0).assert().success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].ends_with(":3:28 were never destroyed: they still hold 200000 bytes in 5000 blocks (320000 bytes reserved)"),
        "{stderr}"
    );
    assert!(
        lines[0].starts_with("warning: 5000 arenas created at "),
        "{stderr}"
    );
    assert!(
        lines[1].ends_with(
            ":1:14 was never destroyed: it still holds 10 bytes in 1 block (100 bytes reserved)"
        ),
        "{stderr}"
    );
}

#[test]
fn a_deep_backtrace_shows_both_ends_and_counts_the_rest() {
    let file = script(
        "(define (count n) (if (= n 0) (car 0) (+ 1 (count (- n 1)))))\n\
         (display (count 1000))\n",
    );
    let path = file.0.display().to_string();
    let stderr = stderr_of(&[&path], 1);
    let frames: Vec<&str> = stderr
        .lines()
        .skip_while(|l| !l.contains("call stack (innermost first):"))
        .skip(1)
        .collect();
    assert_eq!(frames.len(), 17, "{stderr}");
    assert_eq!(frames[8].trim(), "... 985 frames elided");
    assert!(frames[0].ends_with(":1:44"), "innermost: {stderr}");
    assert!(
        frames[16].ends_with(":2:10"),
        "the top-level call: {stderr}"
    );
    let whole = stderr_of(&["--full-backtrace", &path], 1);
    assert_eq!(whole.matches("count at ").count(), 1001, "{whole}");
    assert!(!whole.contains("elided"), "{whole}");
}

#[test]
fn interactive_flag_loads_a_file_before_the_session() {
    let file = script("(define (square x) (* x x))\n");
    eshkol()
        .arg("-i")
        .arg(&file.0)
        .write_stdin("(square 7)\n")
        .assert()
        .success()
        .stdout("49\n");
    let stderr = stderr_of(&["-i", "/no/such/file.scm"], 1);
    assert!(stderr.contains("cannot read /no/such/file.scm"), "{stderr}");
}

#[test]
fn a_misspelled_special_form_gets_a_suggestion() {
    for (program, suggestion) in [
        ("((lamda (x) x) 1)", "did you mean `lambda`?"),
        ("(defin x 1)", "did you mean `define`?"),
    ] {
        let stderr = stderr_of(&["-e", program], 1);
        assert!(stderr.contains(suggestion), "{program}: {stderr}");
    }
}

#[test]
fn an_include_cycle_is_an_error_naming_it() {
    let dir = std::env::temp_dir().join(format!("eshkol-include-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("self.scm"), "(include \"self.scm\")\n").expect("write");
    std::fs::write(dir.join("a.scm"), "(define a 1)\n(include \"b.scm\")\n").expect("write");
    std::fs::write(dir.join("b.scm"), "(include \"a.scm\")\n").expect("write");
    // Reports wrap long messages: compare with the line breaks taken out.
    let run = |file: &str| {
        let stderr = stderr_of(&[&dir.join(file).display().to_string()], 2);
        stderr
            .replace('│', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let stderr = run("self.scm");
    assert!(stderr.contains("include cycle: "), "{stderr}");
    assert!(stderr.contains("self.scm includes "), "{stderr}");
    assert!(stderr.contains("self.scm:1:10]"), "{stderr}");
    assert!(
        stderr.contains("help: a file cannot include itself"),
        "{stderr}"
    );
    let stderr = run("a.scm");
    assert!(stderr.contains("a.scm includes "), "{stderr}");
    assert!(stderr.contains("b.scm includes "), "{stderr}");
    assert!(stderr.contains("b.scm:1:10]"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn limits_and_sizes_are_reported_as_written() {
    let stderr = stderr_of(&["-e", "(make-arena -1/2)"], 1);
    assert!(stderr.contains("got -1/2"), "{stderr}");
    let stderr = stderr_of(&["-e", "(make-arena +nan.0)"], 1);
    assert!(stderr.contains("got +nan.0"), "{stderr}");
    eshkol()
        .args([
            "--no-arena-warnings",
            "-e",
            "(cdr (assq 'limit (arena-stats (make-arena 64 (expt 10 30)))))",
        ])
        .assert()
        .success()
        .stdout("#f\n");
    let stderr = stderr_of(&["--max-memory", "1K", "-e", "(make-vector 1000000 0)"], 1);
    assert!(stderr.contains("the limit is 1 KiB"), "{stderr}");
}

#[test]
fn max_depth_allows_exactly_that_many_nested_calls() {
    let nested = |calls: usize| {
        format!("(define (f n) (if (= n 1) 1 (+ 1 (f (- n 1))))) (display (f {calls}))")
    };
    eshkol()
        .args(["--max-depth", "100", "-e", &nested(100)])
        .assert()
        .success()
        .stdout("100");
    let stderr = stderr_of(&["--max-depth", "100", "-e", &nested(101)], 1);
    assert!(stderr.contains("eshkol::recursion-depth"), "{stderr}");
}

/// Runs eshkol on `file` with its address space capped at `kib` KiB (`ulimit
/// -v`), so memory beyond the cap is a failure instead of a slow swap.
fn run_capped(file: &std::path::Path, kib: usize) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {kib} && exec \"$0\" \"$1\""))
        .arg(assert_cmd::cargo::cargo_bin("eshkol"))
        .arg(file)
        .output()
        .expect("sh runs")
}

#[test]
fn compiling_deeply_nested_code_takes_memory_linear_in_its_size() {
    // Before: 9,000 nested lambdas took 14 GB and a minute; 2,000 nested
    // lets 1.1 GB. Now each compiles in well under a gigabyte of address space.
    let nested = |open: &str, inner: &str, close: &str, n: usize| {
        format!(
            "(define f {}{inner}{})\n(display \"compiled\")",
            open.repeat(n),
            close.repeat(n)
        )
    };
    for program in [
        nested("(lambda (x) ", "x", ")", 4_900),
        nested("(let ((a 1)) ", "a", ")", 3_300),
        nested("(let* ((a 1)) ", "a", ")", 3_300),
        nested("(let () (define (g) ", "1", ") (g))", 2_400),
    ] {
        let file = script(&program);
        let output = run_capped(&file.0, 1_000_000);
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            "compiled",
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // Past the reader's nesting limit, a clean read error.
    let file = script(&nested("(lambda (x) ", "x", ")", 10_001));
    let output = run_capped(&file.0, 1_000_000);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("nesting too deep (more than 10000 levels)"),
        "{stderr}"
    );
}

#[test]
fn max_memory_bounds_macro_expansion() {
    let file = script(
        "(define-syntax double (syntax-rules () ((_ 0 x) (quote x)) ((_ (n) x) (double n (x x)))))\n\
         (define v (double ((((((((((((((((((((((((((((((0)))))))))))))))))))))))))))))) 1))\n",
    );
    let stderr = stderr_of(&["--max-memory", "60M", &file.0.display().to_string()], 1);
    assert!(stderr.contains("eshkol::memory"), "{stderr}");
    assert!(
        stderr.contains("macro `double`: memory limit exceeded while expanding"),
        "{stderr}"
    );
}

#[test]
fn max_memory_bounds_builtins_that_build_big_results() {
    for (program, who) in [
        (
            "(define v (make-vector 4000000 0)) (vector->list v)",
            "vector->list",
        ),
        (
            "(define s (make-string 4000000 #\\a)) (string->list s)",
            "string->list",
        ),
        ("(define l (make-list 1500000 1)) (append l l)", "append"),
        ("(define l (make-list 1200000 1)) (map + l)", "map"),
        ("(iota 4000000)", "iota"),
    ] {
        let stderr = stderr_of(&["--max-memory", "150M", "-e", program], 1);
        // The report's lines are wrapped: compare its words.
        let stderr = stderr
            .split_whitespace()
            .filter(|word| *word != "│")
            .collect::<Vec<_>>()
            .join(" ");
        assert!(stderr.contains("eshkol::memory"), "{program}: {stderr}");
        assert!(
            stderr.contains(&format!("× {who}: ")) && stderr.contains("150 MiB"),
            "{program}: {stderr}"
        );
    }
    // The same calls on smaller data are within the bound.
    eshkol()
        .args([
            "--max-memory",
            "150M",
            "-e",
            "(length (vector->list (make-vector 100000 0)))",
        ])
        .assert()
        .success()
        .stdout("100000\n");
}

#[test]
fn interning_symbols_without_end_stops_at_max_memory() {
    let stderr = stderr_of(
        &[
            "--max-memory",
            "80M",
            "-e",
            "(let loop ((i 0)) (string->symbol (string-append \"s\" (number->string i))) (loop (+ i 1)))",
        ],
        1,
    );
    assert!(stderr.contains("eshkol::memory"), "{stderr}");
    assert!(stderr.contains("memory limit exceeded"), "{stderr}");
}

/// Runs `eshkol ARGS... -e CODE` with its address space capped at 1 GiB.
fn run_in_one_gib(args: &str, code: &str) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v 1048576 && exec \"$0\" {args} -e \"$1\""))
        .arg(assert_cmd::cargo::cargo_bin("eshkol"))
        .arg(code)
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs")
}

#[test]
fn deep_recursion_fits_in_a_small_address_space() {
    // The machine keeps its frames on the heap: 900,000 nested calls take
    // about 100 MB, not a gigabyte of native stack.
    let output = run_in_one_gib(
        "--max-memory 900M",
        "(define (f n) (if (= n 0) 0 (+ 1 (f (- n 1))))) (display (f 900000))",
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&output.stdout), "900000");
}

#[test]
fn recursion_ten_million_deep_is_bounded_by_memory_only() {
    // Ten million nested calls: about 1.1 GB of machine frames, no native
    // stack; `--max-depth` is the only limit to raise.
    let output = eshkol()
        .args(["--max-depth", "20000000", "-e"])
        .arg("(define (f n) (if (= n 0) 0 (+ 1 (f (- n 1))))) (display (f 10000000))")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&output.stdout), "10000000");
}

#[test]
fn a_backtrace_through_a_hundred_thousand_frames() {
    let file = script(
        "(define (count n) (if (= n 0) (car 0) (+ 1 (count (- n 1)))))\n\
         (display (count 100000))\n",
    );
    let path = file.0.display().to_string();
    let stderr = stderr_of(&[&path], 1);
    assert!(stderr.contains("... 99,985 frames elided"), "{stderr}");
    let whole = stderr_of(&["--full-backtrace", &path], 1);
    assert_eq!(whole.matches("count at ").count(), 100001);
    assert!(
        whole.trim_end().ends_with(":2:10"),
        "the top-level call last"
    );
}

#[test]
fn a_backtrace_through_a_map_callback_names_map_at_the_programs_call() {
    let file = script(
        "(define (g x) (car x))\n\
         (define (h l) (length (map g l)))\n\
         (h '((1) 2))\n",
    );
    let path = file.0.display().to_string();
    let stderr = stderr_of(&[&path], 1);
    let stack = stderr
        .split("call stack (innermost first):")
        .nth(1)
        .unwrap_or_default();
    let frames: Vec<&str> = stack
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        frames,
        [
            format!("g at {path}:2:23"),
            format!("map at {path}:2:23"),
            format!("h at {path}:3:1"),
        ],
        "{stderr}"
    );
}

#[test]
fn an_argument_error_of_map_points_at_the_call_and_nowhere_inside_the_library() {
    let stderr = stderr_of(&["-e", "(map car)"], 1);
    assert!(
        stderr.contains("map: expected at least 2 arguments, got 1"),
        "{stderr}"
    );
    assert!(!stderr.contains("builtin walks"), "{stderr}");
    assert!(!stderr.contains("call stack"), "{stderr}");
    let stderr = stderr_of(&["-e", "(vector-map + #(1 2) '(3))"], 1);
    assert!(
        stderr.contains("vector-map: expected a vector, got (3)"),
        "{stderr}"
    );
    assert!(!stderr.contains("call stack"), "{stderr}");
}

#[test]
fn deep_recursion_through_a_builtin_is_a_memory_error() {
    // Recursion through `sort`'s comparator nests a Rust call per level, on
    // the native stack: in 1 GiB of address space stacker's mmap would fail
    // (a panic); the interpreter stops first with a memory error.
    let output = run_in_one_gib(
        "--max-memory 900M",
        "(define (f n) (if (= n 0) 0 (+ 1 (car (sort (list 1 2) (lambda (a b) (f (- n 1)) #t)))))) (f 900000)",
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("eshkol::memory"), "{stderr}");
    assert!(stderr.contains("no memory left to go deeper"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn runaway_recursion_stops_at_the_memory_bound() {
    let output = run_in_one_gib(
        "--max-depth 100000000 --max-memory 300M",
        "(define (f n) (+ 1 (f n))) (f 1)",
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("memory limit exceeded"), "{stderr}");
}

#[test]
fn deep_data_is_dropped_in_a_small_address_space() {
    // Dropping data nested millions of levels deep used to recurse onto new
    // stack segments, whose mmap fails under a small `ulimit -v` (a panic).
    let file = script(
        "(define (nest wrap n) (do ((i 0 (+ i 1)) (x '() (wrap x))) ((= i n) x)))
         (define x (nest list 3000000))
         (set! x #f)
         (display \"lists\") (newline)
         (set! x (nest vector 1000000))
         (set! x #f)
         (display \"vectors\") (newline)
         (set! x (nest (lambda (x) (delay x)) 1000000))
         (set! x #f)
         (display \"promises\") (newline)",
    );
    let output = run_capped(&file.0, 400_000);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "lists\nvectors\npromises\n"
    );
}
