//! The REPL, driven in a real pseudo-terminal (rexpect); `tests/piped.rs` has
//! its piped mode.

use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use rexpect::session::PtySession;

const PROMPT: &str = "eshkol> ";

/// A REPL session with its history in a temporary file and no colours.
fn start() -> PtySession {
    start_with(&[])
}

/// `eshkol ARGS...` in a pseudo-terminal, with its history in a temporary
/// file and no colours, once its first prompt is shown.
fn start_with(args: &[&str]) -> PtySession {
    let mut session = spawn(args);
    session.exp_string(PROMPT).expect("first prompt");
    session
}

/// `eshkol ARGS...` in a pseudo-terminal (a script, or the REPL).
fn spawn(args: &[&str]) -> PtySession {
    let history = std::env::temp_dir().join(format!(
        "eshkol-repl-history-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_file(&history);
    let mut command = Command::new(cargo_bin("eshkol"));
    command
        .args(args)
        .env("NO_COLOR", "1")
        .env("ESHKOL_HISTORY", &history);
    rexpect::session::spawn_command(command, Some(20_000)).expect("spawn eshkol")
}

/// A Scheme file in the temporary directory, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, text: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!("eshkol-pty-{}-{name}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        TempFile(path)
    }

    fn path(&self) -> String {
        self.0.display().to_string()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn exits_with(session: &mut PtySession, code: i32) {
    session.exp_eof().expect("REPL ends");
    let status = session.process().wait().expect("exit status");
    assert_eq!(
        format!("{status:?}").split(", ").nth(1),
        Some(&*format!("{code})"))
    );
}

/// The text the REPL wrote before its next prompt, terminal control
/// sequences and carriage returns taken out.
fn output_before_prompt(p: &mut PtySession) -> String {
    let raw = p.exp_string(PROMPT).expect("prompt");
    strip_terminal_codes(&utf8(&raw))
}

/// rexpect hands over each byte as a char: put UTF-8 text back together.
fn utf8(text: &str) -> String {
    if text.chars().all(|c| (c as u32) < 256) {
        let bytes: Vec<u8> = text.chars().map(|c| c as u8).collect();
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        text.to_string()
    }
}

/// Sends a definition typed over several lines (each short, so the line
/// editor never wraps and redraws): a continuation prompt after each line
/// but the last, then the prompt.
fn define_lines(p: &mut PtySession, lines: &[&str]) {
    for (i, line) in lines.iter().enumerate() {
        p.send_line(line).unwrap();
        if i + 1 < lines.len() {
            p.exp_string("...> ").expect("continuation prompt");
        }
    }
    p.exp_string(PROMPT).expect("prompt");
}

/// What the REPL answers to `line`: its output up to the next prompt, the
/// echo of the line itself left out.
fn reply(p: &mut PtySession, line: &str) -> String {
    p.send_line(line).unwrap();
    let text = output_before_prompt(p);
    match text.split_once('\n') {
        Some((_echo, rest)) => rest.to_string(),
        None => String::new(),
    }
}

fn strip_terminal_codes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for d in chars.by_ref() {
                        if ('@'..='~').contains(&d) {
                            break;
                        }
                    }
                } else {
                    chars.next();
                }
            }
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
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
    // The bar itself (UTF-8 blocks) is checked in arena_picture's tests;
    // the pty reader here sees bytes, not characters.
    p.exp_string("  block 1  1 KiB [").unwrap();
    p.exp_string("]   9%").unwrap();
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
    p.exp_string("the builtin procedure `car`, 1 argument")
        .unwrap();
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

#[test]
fn output_without_a_final_newline_stays_visible_before_the_prompt() {
    let mut p = start();
    assert_eq!(reply(&mut p, "(display \"hi\")"), "hi\n");
    assert_eq!(reply(&mut p, "(for-each display '(1 2 3))"), "123\n");
    assert_eq!(reply(&mut p, "(write \"x\")"), "\"x\"\n");
    assert_eq!(reply(&mut p, "(display \"line\") (newline)"), "line\n");
    // Output cut short by an error is ended before the report.
    let text = reply(&mut p, "(begin (display \"partial\") (car 1))");
    assert!(text.starts_with("partial\n"), "{text}");
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn lines_typed_ahead_are_all_evaluated_in_order() {
    let mut p = start();
    p.send("(define x 1)\r(define y 2)\r(+ x y)\r(* x y 10)\r")
        .unwrap();
    p.flush().unwrap();
    p.exp_string("$1 = 3").unwrap();
    p.exp_string("$2 = 20").unwrap();
    p.exp_string(PROMPT).unwrap();
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn values_are_numbered_and_can_be_used_again() {
    let mut p = start();
    assert_eq!(reply(&mut p, "(* 12 12)"), "$1 = 144\n");
    assert_eq!(reply(&mut p, "(list $1 'b)"), "$2 = (144 b)\n");
    assert_eq!(reply(&mut p, "(define z 3)"), "");
    assert_eq!(reply(&mut p, "(car $2)"), "$3 = 144\n");
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn comma_commands_are_aliases_of_colon_commands() {
    let mut p = start();
    let help = reply(&mut p, ",help");
    assert!(help.contains(":describe EXPR"), "{help}");
    assert!(help.contains(":bt"), "{help}");
    assert_eq!(reply(&mut p, ",doc car"), reply(&mut p, ":doc car"));
    assert_eq!(
        reply(&mut p, ",nonsense"),
        "; unknown command :nonsense: see :help\n"
    );
    p.send_line(",q").unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn bt_shows_the_whole_backtrace_of_the_last_error() {
    let mut p = start();
    assert_eq!(reply(&mut p, ":bt"), "; no error yet\n");
    reply(
        &mut p,
        "(define (down n) (if (= n 0) (car '()) (+ 1 (down (- n 1)))))",
    );
    let report = reply(&mut p, "(down 50)");
    assert!(report.contains("... 35 frames elided"), "{report}");
    let bt = reply(&mut p, ",bt");
    let lines: Vec<&str> = bt.lines().collect();
    assert_eq!(lines[0], "; car: expected a pair, got ()");
    assert_eq!(lines[1], "; 51 calls were active, innermost first:");
    assert_eq!(lines.len(), 2 + 51, "{bt}");
    assert_eq!(lines[2], "  down at <repl:1>:1:45");
    assert_eq!(lines[52], "  down at <repl:2>:1:1");
    assert!(!bt.contains("elided"), "{bt}");
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn describe_tells_what_a_value_is() {
    let mut p = start();
    reply(
        &mut p,
        "(define (area w h) \"The area of a w by h rectangle.\" (* w h))",
    );
    assert_eq!(
        reply(&mut p, ":describe area"),
        "a procedure `area` of 2 arguments, defined at <repl:1>:1:1\nThe area of a w by h rectangle.\n"
    );
    assert_eq!(
        reply(&mut p, ":describe car"),
        "the builtin procedure `car`, 1 argument\n(car pair): the first field of a pair\n"
    );
    reply(&mut p, "(define a (make-arena 1024))");
    reply(&mut p, "(define b (arena-alloc a 100))");
    assert_eq!(
        reply(&mut p, ":describe a"),
        "arena #0 created at <repl:4>:1:11\nlive: 100 bytes used of 1 KiB reserved in 1 block (first block 1 KiB), 1 allocation\n"
    );
    let text = reply(&mut p, ":describe b");
    assert!(
        text.ends_with("lives in arena #0 (created at <repl:4>:1:11)\n"),
        "{text}"
    );
    reply(&mut p, "(destroy-arena a)");
    assert_eq!(
        reply(&mut p, ":describe a"),
        "arena #0 created at <repl:4>:1:11\ndestroyed at <repl:8>:1:1\n"
    );
    assert_eq!(
        reply(&mut p, ":describe (list 1 2 3)"),
        "a list of 3 elements: (1 2 3)\n"
    );
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn apropos_lists_matching_names_with_their_kind() {
    let mut p = start();
    reply(&mut p, "(define my-vector-thing 1)");
    assert_eq!(
        reply(&mut p, ":apropos vector-f"),
        "bytevector-fill!             builtin\nvector-fill!                 builtin\nvector-for-each              builtin\n"
    );
    let text = reply(&mut p, ",a arena");
    assert!(
        text.contains("with-arena                   special form\n"),
        "{text}"
    );
    assert!(
        text.contains("make-arena                   builtin\n"),
        "{text}"
    );
    assert_eq!(reply(&mut p, ":apropos zzqq"), "; no name contains zzqq\n");
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn expand_shows_macro_expansion_one_step_and_full() {
    let mut p = start();
    define_lines(
        &mut p,
        &[
            "(define-syntax swap!",
            "  (syntax-rules ()",
            "    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))",
        ],
    );
    reply(
        &mut p,
        "(define-syntax twice (syntax-rules () ((_ e) (begin e e))))",
    );
    assert_eq!(
        reply(&mut p, ":expand1 (twice (swap! x y))"),
        "(begin (swap! x y) (swap! x y))\n"
    );
    assert_eq!(
        reply(&mut p, ":expand (twice (swap! x y))"),
        "(begin (let ((tmp x)) (set! x y) (set! y tmp))\n  (let ((tmp x)) (set! x y) (set! y tmp)))\n"
    );
    assert_eq!(
        reply(&mut p, ":expand1 (+ 1 2)"),
        "; not a macro use: nothing to expand\n"
    );
    assert_eq!(reply(&mut p, ":expand '(twice 1)"), "(quote (twice 1))\n");
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn trace_shows_calls_and_returns_indented_by_depth() {
    let mut p = start();
    reply(
        &mut p,
        "(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))",
    );
    assert_eq!(reply(&mut p, ":trace fact"), "; tracing fact\n");
    assert_eq!(
        reply(&mut p, "(fact 2)"),
        ">(fact 2)\n> (fact 1)\n>  (fact 0)\n<  1\n< 1\n<2\n$1 = 2\n"
    );
    // An error inside a traced call leaves the depth where it was.
    reply(&mut p, "(define (bad n) (car n))");
    reply(&mut p, ",trace bad");
    let text = reply(&mut p, "(bad 1)");
    assert!(text.starts_with(">(bad 1)\n"), "{text}");
    assert_eq!(reply(&mut p, "(fact 0)"), ">(fact 0)\n<1\n$2 = 1\n");
    assert_eq!(
        reply(&mut p, ":untrace fact"),
        "; fact is no longer traced\n"
    );
    assert_eq!(reply(&mut p, "(fact 3)"), "$3 = 6\n");
    assert_eq!(reply(&mut p, ":untrace"), "; bad is no longer traced\n");
    assert_eq!(reply(&mut p, ":trace 42"), "; trace: 42 is not defined\n");
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn pp_pretty_prints_a_value() {
    let mut p = start();
    define_lines(
        &mut p,
        &[
            "(define code '(define (f x) (let loop ((i 0) (acc '()))",
            "  (if (> i 10) (reverse acc)",
            "    (loop (+ i 1) (cons (* i i i i) acc))))))",
        ],
    );
    assert_eq!(
        reply(&mut p, ":pp code"),
        "(define (f x)\n  (let loop ((i 0) (acc (quote ())))\n    (if (> i 10) (reverse acc) (loop (+ i 1) (cons (* i i i i) acc)))))\n"
    );
    assert_eq!(reply(&mut p, ":pp (list 1 2)"), "(1 2)\n");
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn doc_knows_special_forms_doc_strings_and_typos() {
    let mut p = start();
    assert_eq!(
        reply(&mut p, ":doc with-arena"),
        "(with-arena (name size) body ...) — special form: makes an arena, runs the body, and destroys the arena however the body exits\n"
    );
    let text = reply(&mut p, ":doc define-record-type");
    assert!(
        text.starts_with("(define-record-type name (constructor field ...)"),
        "{text}"
    );
    reply(
        &mut p,
        "(define (greet who) \"Says hello to WHO.\" (list 'hi who))",
    );
    assert_eq!(
        reply(&mut p, ":doc greet"),
        "a procedure `greet` of 1 argument, defined at <repl:1>:1:1\nSays hello to WHO.\n"
    );
    assert_eq!(
        reply(&mut p, ":doc lenght"),
        "lenght: not defined; did you mean `length`?\n"
    );
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn env_lists_only_the_users_definitions() {
    let mut p = start();
    assert_eq!(reply(&mut p, ":env"), "; no definitions yet\n");
    reply(&mut p, "(define answer 42)");
    reply(&mut p, "(+ 1 1)");
    assert_eq!(reply(&mut p, ":env"), "answer = 42\n");
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn load_reports_after_the_files_output() {
    let mut p = start();
    let file =
        std::env::temp_dir().join(format!("eshkol-repl-load-out-{}.scm", std::process::id()));
    std::fs::write(&file, "(display \"from the file\") (define from-file 7)").unwrap();
    let text = reply(&mut p, &format!(",load \"{}\"", file.display()));
    assert_eq!(
        text,
        format!("from the file\n; loaded {}\n", file.display())
    );
    assert_eq!(reply(&mut p, "from-file"), "$1 = 7\n");
    let _ = std::fs::remove_file(&file);
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn did_you_mean_covers_local_variables_and_special_forms() {
    let mut p = start();
    define_lines(
        &mut p,
        &[
            "(define (total-of items)",
            "  (let loop ((rest items) (sum 0))",
            "    (if (null? rest) smu (loop (cdr rest) (+ sum (car rest))))))",
        ],
    );
    let text = reply(&mut p, "(total-of '(1 2))");
    assert!(text.contains("unbound variable `smu`"), "{text}");
    assert!(
        text.contains("help: did you mean the local variable `sum`?"),
        "{text}"
    );
    let text = reply(&mut p, "(lamda (x) x)");
    assert!(text.contains("did you mean `lambda`?"), "{text}");
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn tab_lists_candidates_completes_special_forms_and_file_names() {
    let mut p = start();
    // Two Tabs list every candidate (the first completes their common prefix).
    p.send("(vector-f").unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.exp_string("\x07")
        .expect("a bell: the prefix is all they share");
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.exp_string("vector-fill!").unwrap();
    p.exp_string("vector-for-each").unwrap();
    // Special forms complete like names (Ctrl-U empties the line first).
    p.send_control('u').unwrap();
    p.send("(with-ar").unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.exp_string("with-arena").unwrap();
    p.send(" (a 64) 1)\r").unwrap();
    p.flush().unwrap();
    p.exp_string("$1 = 1").unwrap();
    p.exp_string(PROMPT).unwrap();
    // Inside a string, Tab completes a file name.
    let dir = std::env::temp_dir().join(format!("eshkol-complete-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("unique-name.scm"), "(define completed 5)").unwrap();
    p.send(&format!("(load \"{}/uniq", dir.display())).unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.exp_string("unique-name.scm").unwrap();
    p.send("\")\r").unwrap();
    p.flush().unwrap();
    p.exp_string(PROMPT).unwrap();
    assert_eq!(reply(&mut p, "completed"), "$2 = 5\n");
    let _ = std::fs::remove_dir_all(&dir);
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn interactive_flag_loads_a_file_then_keeps_the_session() {
    let file = TempFile::new(
        "square.scm",
        "(define (square x) (* x x))\n(display \"ready\")\n",
    );
    let mut p = spawn(&["-i", &file.path()]);
    p.exp_string("ready").unwrap();
    p.exp_string(PROMPT).unwrap();
    assert_eq!(reply(&mut p, "(square 7)"), "$1 = 49\n");
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn an_arena_error_across_inputs_is_one_report_with_each_place() {
    let mut p = start();
    reply(&mut p, "(define a (make-arena 64))");
    reply(&mut p, "(define b (arena-alloc a 4))");
    reply(&mut p, "(destroy-arena a)");
    let text = reply(&mut p, "(bytevector-u8-ref b 0)");
    assert_eq!(text.matches("eshkol::arena-destroyed").count(), 1, "{text}");
    assert!(!text.contains("Error:"), "one report: {text}");
    assert!(
        text.contains("[<repl:4>:1:1]"),
        "the use is the main place: {text}"
    );
    assert!(text.contains("arena created here: <repl:1>:1:11"), "{text}");
    assert!(text.contains("destroyed here: <repl:3>:1:1"), "{text}");
    // A value whose arena died before the REPL could print it is the same error.
    let text = reply(&mut p, "(with-arena (s 1024) (arena-alloc s 4))");
    assert!(text.contains("eshkol::arena-destroyed"), "{text}");
    assert_eq!(reply(&mut p, "(+ 1 1)"), "$1 = 2\n");
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn format_and_pretty_print_at_the_repl() {
    let mut p = start();
    assert_eq!(
        reply(&mut p, "(format #t \"~a and ~s~%\" \"x\" \"y\")"),
        "x and \"y\"\n"
    );
    assert_eq!(reply(&mut p, "(format #f \"~a~~\" 1)"), "$1 = \"1~\"\n");
    assert_eq!(reply(&mut p, "(pretty-print '(a b))"), "(a b)\n");
    p.send_control('d').unwrap();
    exits_with(&mut p, 0);
}

#[test]
fn exit_from_the_repl_maps_its_value_as_guile_does() {
    let mut p = start();
    p.send_line("(exit -1)").unwrap();
    exits_with(&mut p, 255);
    let mut p = start();
    p.send_line("(exit #f)").unwrap();
    exits_with(&mut p, 1);
}

#[test]
fn a_script_in_a_terminal_shows_output_before_it_reads_and_owns_its_options() {
    let file = TempFile::new(
        "ask.scm",
        "(display \"name? \")\n(define name (read-line))\n(write (cons name (command-line)))\n(newline)\n",
    );
    let mut p = spawn(&[&file.path(), "--help", "-e", "1"]);
    p.exp_string("name? ").unwrap();
    p.send_line("ada").unwrap();
    p.exp_string(&format!(
        "(\"ada\" \"{}\" \"--help\" \"-e\" \"1\")",
        file.path()
    ))
    .unwrap();
    exits_with(&mut p, 0);
}
