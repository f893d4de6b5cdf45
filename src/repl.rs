//! The interactive REPL (rustyline) and its non-interactive twin for piped input.
//!
//! A line is read with `eshkol> `; when the reader says the input is
//! incomplete, more lines are read with a continuation prompt until it is
//! complete, so a form can span lines. Every form is evaluated in order and its
//! value printed the way `write` prints it (nothing for unspecified values).
//! Errors print their report and leave every definition in place; Ctrl-C stops
//! a running evaluation, clears the line at a prompt, and Ctrl-D exits.

use std::borrow::Cow;
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::time::Instant;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Config, Context, Editor, Helper};

use crate::diagnostics::{Error, ErrorKind};
use crate::interp::Interp;
use crate::printer;
use crate::syntax::{parse_program, ReadErrorKind, SourceId};
use crate::value::Value;

const PROMPT: &str = "eshkol> ";
const CONTINUATION: &str = "   ...> ";

/// The REPL commands, with their one-line help.
const COMMANDS: &[(&str, &str)] = &[
    (":help", "this help"),
    (":quit", "leave the REPL (Ctrl-D does too)"),
    (":load FILE", "run a Scheme file in this session"),
    (
        ":time EXPR",
        "evaluate EXPR and show how long it took and what arenas allocated",
    ),
    (":env", "list your definitions"),
    (
        ":arenas",
        "list live arenas: where each was created, bytes used and reserved, blocks",
    ),
    (":doc NAME", "describe a procedure"),
];

/// Runs the interactive REPL until `:quit` or Ctrl-D; returns the exit status.
pub fn run_interactive(mut interp: Interp) -> u8 {
    let color = colors_enabled();
    let flag = interp.interrupt.clone();
    // Ctrl-C while evaluating arrives as SIGINT: stop the evaluation. At the
    // prompt, rustyline sees it as a key instead.
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    let names = Rc::new(RefCell::new(completion_names(&interp)));
    let helper = ReplHelper {
        names: names.clone(),
        color,
    };
    let config = Config::builder().auto_add_history(false).build();
    let mut editor: Editor<ReplHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(editor) => editor,
        Err(e) => {
            eprintln!("cannot start the line editor: {e}");
            return 1;
        }
    };
    editor.set_helper(Some(helper));
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    println!(
        "Eshkol {} — a Scheme with arenas. Type :help for help, Ctrl-D to leave.",
        env!("CARGO_PKG_VERSION")
    );
    let mut inputs = 0usize;
    while let Some(text) = read_form(&mut editor) {
        if text.trim().is_empty() {
            continue;
        }
        let _ = editor.add_history_entry(text.trim_end());
        inputs += 1;
        let trimmed = text.trim();
        if trimmed.starts_with(':') {
            if !run_command(&mut interp, trimmed, color) {
                break;
            }
        } else {
            let _ = evaluate_and_print(&mut interp, &format!("<repl:{inputs}>"), &text, color);
        }
        *names.borrow_mut() = completion_names(&interp);
    }
    if let Some(path) = &history {
        let _ = editor.save_history(path);
    }
    0
}

/// Reads lines until they form complete input (as the reader judges it).
/// `None` means Ctrl-D at the main prompt.
fn read_form(editor: &mut Editor<ReplHelper, DefaultHistory>) -> Option<String> {
    let mut text = String::new();
    loop {
        let prompt = if text.is_empty() {
            PROMPT
        } else {
            CONTINUATION
        };
        match editor.readline(prompt) {
            Ok(line) => {
                text.push_str(&line);
                text.push('\n');
                if text.trim_start().starts_with(':') || !is_incomplete(&text) {
                    return Some(text);
                }
            }
            // Ctrl-C at a prompt abandons the input being typed.
            Err(ReadlineError::Interrupted) => {
                text.clear();
            }
            Err(ReadlineError::Eof) if text.is_empty() => return None,
            // Ctrl-D inside an unfinished form: evaluate what is there, so the
            // reader reports what is missing.
            Err(ReadlineError::Eof) => return Some(text),
            Err(_) => return None,
        }
    }
}

/// Whether the reader wants more text.
pub fn is_incomplete(text: &str) -> bool {
    matches!(
        parse_program(text, SourceId(u32::MAX)),
        Err(e) if e.kind == ReadErrorKind::Incomplete
    )
}

/// Evaluates every form of `text`, printing each value; reports the first
/// error on stderr and stops there. Returns whether all succeeded.
pub fn evaluate_and_print(interp: &mut Interp, name: &str, text: &str, color: bool) -> bool {
    interp.interrupt.store(false, Ordering::SeqCst);
    let source = interp.sources.add(name, text);
    let data = match parse_program(text, source) {
        Ok(data) => data,
        Err(e) => {
            report(interp, &Error::from_read(e), color);
            return false;
        }
    };
    for datum in &data {
        match interp.eval_datum(datum) {
            Ok(value) => {
                print_value(interp, &value);
            }
            Err(e) => {
                if let ErrorKind::Exit(code) = e.kind() {
                    interp.flush_output();
                    std::process::exit(code);
                }
                report(interp, &e, color);
                return false;
            }
        }
    }
    interp.flush_output();
    true
}

/// Writes a value the REPL shows; false (after reporting it) when the value
/// cannot be written, which counts as a failed form.
fn print_value(interp: &mut Interp, value: &Value) -> bool {
    if matches!(value, Value::Unspecified) {
        return true;
    }
    let text = match printer::write_string(&interp.arenas, value) {
        Ok(text) => text,
        Err(e) => {
            report(interp, &e, colors_enabled());
            return false;
        }
    };
    let _ = interp.write_output(&text);
    let _ = interp.write_output("\n");
    true
}

fn report(interp: &mut Interp, error: &Error, color: bool) {
    interp.flush_output();
    eprint!("{}", interp.render_error(error, color));
}

/// Runs a `:command`; returns false to leave the REPL.
pub fn run_command(interp: &mut Interp, line: &str, color: bool) -> bool {
    let (command, argument) = match line.split_once(char::is_whitespace) {
        Some((c, a)) => (c, a.trim()),
        None => (line, ""),
    };
    match command {
        ":quit" | ":q" | ":exit" => return false,
        ":help" | ":h" => print_help(),
        ":load" if !argument.is_empty() => {
            let path = std::path::Path::new(argument);
            match interp.load_file(path) {
                Ok(_) => println!("; loaded {argument}"),
                Err(e) => report(interp, &e, color),
            }
            interp.flush_output();
        }
        ":time" if !argument.is_empty() => {
            let before = interp.arena_bytes_allocated;
            let start = Instant::now();
            let ok = evaluate_and_print(interp, "<time>", argument, color);
            let elapsed = start.elapsed();
            let allocated = interp.arena_bytes_allocated - before;
            if ok {
                let mut line = format!("; {:.6} s", elapsed.as_secs_f64());
                if allocated > 0 {
                    line.push_str(&format!(", {allocated} bytes allocated in arenas"));
                }
                println!("{line}");
            }
        }
        ":env" => {
            let definitions = interp.user_definitions();
            if definitions.is_empty() {
                println!("; no definitions yet");
            }
            for (name, value) in definitions {
                println!("{name} = {}", printer::write_string_lossy(&value));
            }
        }
        ":arenas" => {
            let arenas = interp.live_arena_summaries();
            if arenas.is_empty() {
                println!("; no live arenas");
            }
            for line in arenas {
                println!("{line}");
            }
        }
        ":doc" if !argument.is_empty() => println!("{}", interp.describe(argument)),
        ":load" | ":time" | ":doc" => println!("; {command} needs an argument: see :help"),
        _ => println!("; unknown command {command}: see :help"),
    }
    true
}

fn print_help() {
    println!("Type Scheme expressions; a form may span several lines.");
    println!("Commands:");
    for (command, help) in COMMANDS {
        println!("  {command:<12} {help}");
    }
    println!("Try arenas:");
    println!("  (define a (make-arena 1024))     ; an arena with a 1 KiB first block");
    println!("  (define b (arena-alloc a 100))   ; 100 zeroed bytes living in it");
    println!("  (arena-stats a)                  ; used, reserved, blocks, allocations");
    println!("  (destroy-arena a)                ; frees everything at once");
    println!("  (bytevector-u8-ref b 0)          ; an error now: b died with its arena");
    println!("Ctrl-C interrupts a running evaluation; Ctrl-D leaves.");
}

/// Evaluates piped input (standard input is not a terminal): every form in
/// order, values printed, errors on stderr; evaluation goes on after an error.
/// Returns the exit status: 0 if every form succeeded.
pub fn run_piped(mut interp: Interp, text: &str) -> u8 {
    let color = false;
    let source = interp.sources.add("<stdin>", text);
    let data = match parse_program(text, source) {
        Ok(data) => data,
        Err(e) => {
            report(&mut interp, &Error::from_read(e), color);
            return 2;
        }
    };
    let mut status = 0;
    for datum in &data {
        match interp.eval_datum(datum) {
            Ok(value) => {
                if !print_value(&mut interp, &value) {
                    status = 1;
                }
            }
            Err(e) => {
                if let ErrorKind::Exit(code) = e.kind() {
                    interp.flush_output();
                    return code as u8;
                }
                report(&mut interp, &e, color);
                status = 1;
            }
        }
    }
    interp.flush_output();
    status
}

/// Colours only on a terminal, and never when `NO_COLOR` is set.
pub fn colors_enabled() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

/// `ESHKOL_HISTORY`, else `~/.eshkol_history`.
fn history_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("ESHKOL_HISTORY") {
        return Some(PathBuf::from(path));
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".eshkol_history"))
}

fn completion_names(interp: &Interp) -> Vec<String> {
    let mut names = interp.bound_names();
    names.sort();
    names
}

/// Completion, highlighting and hints for the line editor.
struct ReplHelper {
    names: Rc<RefCell<Vec<String>>>,
    color: bool,
}

impl Helper for ReplHelper {}

impl Validator for ReplHelper {}

impl Hinter for ReplHelper {
    type Hint = String;
}

fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || "()[]'`,\"".contains(c)
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        if before.starts_with(':') && !before.contains(char::is_whitespace) {
            let candidates = COMMANDS
                .iter()
                .map(|(c, _)| c.split_whitespace().next().unwrap_or(c))
                .filter(|c| c.starts_with(before))
                .map(|c| Pair {
                    display: c.to_string(),
                    replacement: format!("{c} "),
                })
                .collect();
            return Ok((0, candidates));
        }
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| is_delimiter(*c))
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        let word = &before[start..];
        if word.is_empty() {
            return Ok((pos, Vec::new()));
        }
        let candidates = self
            .names
            .borrow()
            .iter()
            .filter(|n| n.starts_with(word))
            .map(|n| Pair {
                display: n.clone(),
                replacement: n.clone(),
            })
            .collect();
        Ok((start, candidates))
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        let matching = matching_paren(line, pos);
        if !self.color && matching.is_none() {
            return Cow::Borrowed(line);
        }
        Cow::Owned(highlight_line(line, matching, self.color))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        true
    }
}

/// The positions of the paren at (or just before) the cursor and its match.
pub fn matching_paren(line: &str, pos: usize) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    let at = |i: usize| bytes.get(i).copied();
    let (index, c) = match at(pos) {
        Some(c @ (b'(' | b')' | b'[' | b']')) => (pos, c),
        _ => match pos.checked_sub(1).and_then(|p| at(p).map(|c| (p, c))) {
            Some((p, c @ (b'(' | b')' | b'[' | b']'))) => (p, c),
            _ => return None,
        },
    };
    let (open, close, forward) = match c {
        b'(' => (b'(', b')', true),
        b'[' => (b'[', b']', true),
        b')' => (b'(', b')', false),
        _ => (b'[', b']', false),
    };
    let mut depth = 0usize;
    let range: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new(index..bytes.len())
    } else {
        Box::new((0..=index).rev())
    };
    for i in range {
        let b = bytes[i];
        if b == (if forward { open } else { close }) {
            depth += 1;
        } else if b == (if forward { close } else { open }) {
            depth -= 1;
            if depth == 0 {
                return Some((index, i));
            }
        }
    }
    None
}

/// Colours strings and comments (when `color`) and shows the matching pair of
/// parentheses in bold.
fn highlight_line(line: &str, matching: Option<(usize, usize)>, color: bool) -> String {
    const BOLD: &str = "\x1b[1;36m";
    const STRING: &str = "\x1b[32m";
    const COMMENT: &str = "\x1b[90m";
    const RESET: &str = "\x1b[0m";
    let mut out = String::with_capacity(line.len() + 16);
    let mut in_string = false;
    let mut in_comment = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        let is_match = matching.is_some_and(|(a, b)| i == a || i == b);
        if color && !in_string && !in_comment && c == ';' {
            in_comment = true;
            out.push_str(COMMENT);
        } else if color && !in_comment && c == '"' && !in_string {
            in_string = true;
            out.push_str(STRING);
            out.push(c);
            continue;
        }
        if is_match && !in_string && !in_comment {
            out.push_str(BOLD);
            out.push(c);
            out.push_str(RESET);
            continue;
        }
        out.push(c);
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                out.push_str(RESET);
            }
        }
    }
    if in_string || in_comment {
        out.push_str(RESET);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incomplete_input_is_detected_by_the_reader() {
        assert!(is_incomplete("(define (f x)"));
        assert!(is_incomplete("\"open string"));
        assert!(is_incomplete("#| open comment"));
        assert!(!is_incomplete("(+ 1 2)"));
        assert!(!is_incomplete("(+ 1 2))"));
    }

    #[test]
    fn matching_parens() {
        assert_eq!(matching_paren("(a (b) c)", 0), Some((0, 8)));
        assert_eq!(matching_paren("(a (b) c)", 9), Some((8, 0)));
        assert_eq!(matching_paren("(a (b) c)", 5), Some((5, 3)));
        assert_eq!(matching_paren("(a b", 0), None);
        assert_eq!(matching_paren("abc", 1), None);
    }

    #[test]
    fn highlighting_keeps_the_text() {
        let line = "(display \"x;y\") ; note";
        let plain = highlight_line(line, Some((0, 14)), true);
        let stripped: String = strip_ansi(&plain);
        assert_eq!(stripped, line);
        assert!(plain.contains("\x1b[32m\"x;y\"\x1b[0m"));
        assert!(plain.contains("\x1b[90m; note"));
    }

    fn strip_ansi(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for d in chars.by_ref() {
                    if d == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
