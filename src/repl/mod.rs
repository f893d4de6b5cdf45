//! The interactive REPL (rustyline) and its non-interactive twin for piped input.
//!
//! A line is read with `eshkol> `; when the reader says the input is
//! incomplete, more lines are read with a continuation prompt until it is
//! complete, so a form can span lines. Every form is evaluated in order and its
//! value printed the way `write` prints it (nothing for unspecified values),
//! numbered `$1`, `$2`... so later inputs can use it. Errors print their
//! report and leave every definition in place; Ctrl-C stops a running
//! evaluation, clears the line at a prompt, and Ctrl-D exits. Lines starting
//! with `:` (or `,`, as in Guile and CHICKEN) are commands ([`commands`]).

mod commands;
mod describe;
mod editor;
mod piped;
mod special_forms;
mod trace;

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::Ordering;

use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{CompletionType, Config, Editor};

use crate::diagnostics::{Error, ErrorKind};
use crate::interp::Interp;
use crate::printer;
use crate::syntax::{parse_program, ReadErrorKind, SourceId};
use crate::value::Value;

use editor::ReplHelper;
pub use piped::run_piped;

const PROMPT: &str = "eshkol> ";
const CONTINUATION: &str = "   ...> ";

/// An interactive session: the interpreter and what the REPL remembers
/// between inputs.
pub struct Session {
    /// The interpreter every input runs in.
    pub interp: Interp,
    /// Colour the reports.
    color: bool,
    /// Show whole backtraces in reports (`--full-backtrace`); `:bt` always does.
    full_backtraces: bool,
    /// The last error, with its whole backtrace, for `:bt`.
    last_error: Option<Error>,
    /// Values printed so far: the next is `$N` with N one more.
    results: usize,
    /// Inputs read so far, naming their sources (`<repl:3>`).
    inputs: usize,
    /// Procedures being traced.
    tracing: trace::Tracing,
}

impl Session {
    /// A session over `interp`. Errors keep their whole backtrace (shown
    /// condensed, unless `--full-backtrace`), so `:bt` can show all of it.
    pub fn new(mut interp: Interp, color: bool) -> Session {
        let full_backtraces = interp.machine.full_backtrace;
        interp.machine.full_backtrace = true;
        Session {
            interp,
            color,
            full_backtraces,
            last_error: None,
            results: 0,
            inputs: 0,
            tracing: trace::Tracing::default(),
        }
    }

    /// Evaluates every form of one input, printing each value as `$N = value`;
    /// reports the first error and stops there. Returns whether all succeeded.
    pub fn evaluate(&mut self, text: &str) -> bool {
        self.inputs += 1;
        let name = format!("<repl:{}>", self.inputs);
        self.evaluate_named(&name, text, true)
    }

    /// Evaluates `text` registered as source `name`; `number` gives each
    /// printed value a `$N` name.
    fn evaluate_named(&mut self, name: &str, text: &str, number: bool) -> bool {
        let interp = &mut self.interp;
        interp.machine.interrupt.store(false, Ordering::SeqCst);
        let source = interp.sources.add(name, text);
        let data = match parse_program(text, source) {
            Ok(data) => data,
            Err(e) => {
                self.report(Error::from_read(e));
                return false;
            }
        };
        for datum in &data {
            match self.interp.eval_datum(datum) {
                Ok(value) if number => self.print_numbered(value),
                Ok(value) => {
                    if let Err(e) = write_value(&mut self.interp, &value) {
                        self.report(e);
                        return false;
                    }
                }
                Err(e) => {
                    if let ErrorKind::Exit(code) = e.kind() {
                        self.interp.flush_output();
                        std::process::exit(code);
                    }
                    self.report(e);
                    return false;
                }
            }
        }
        self.interp.flush_output();
        true
    }

    /// Evaluates one expression typed after a command and returns its value,
    /// reporting an error (which keeps the session) as `None`.
    fn evaluate_expression(&mut self, text: &str) -> Option<Value> {
        self.inputs += 1;
        let name = format!("<repl:{}>", self.inputs);
        let result = self.interp.eval_str(&name, text);
        self.interp.flush_output();
        match result {
            Ok(value) => Some(value),
            Err(e) => {
                self.report(e);
                None
            }
        }
    }

    /// Prints a value as `$N = value` and binds `$N` to it.
    fn print_numbered(&mut self, value: Value) {
        if matches!(value, Value::Unspecified) {
            return;
        }
        let text = match printer::write_string(&self.interp.arenas.registry, &value) {
            Ok(text) => text,
            Err(e) => {
                self.report(e);
                return;
            }
        };
        self.results += 1;
        let name = format!("${}", self.results);
        let _ = self.interp.write_output(&format!("{name} = {text}\n"));
        self.interp.define_global(&name, value);
    }

    /// Prints an error's report (its backtrace condensed unless asked for
    /// whole) after any pending output, and keeps it for `:bt`.
    fn report(&mut self, mut error: Error) {
        self.interp.end_console_line();
        // The report shows the condensed trace; the whole one is put back
        // for `:bt` (swapped, not copied: it may hold a million calls).
        let whole = (!self.full_backtraces).then(|| {
            let condensed = error.0.trace.condensed();
            std::mem::replace(&mut error.0.trace, condensed)
        });
        eprint!("{}", self.interp.render_error(&error, self.color));
        self.interp.io.note_console_text(b"\n");
        if let Some(whole) = whole {
            error.0.trace = whole;
        }
        self.last_error = Some(error);
    }
}

/// Runs the interactive REPL until `:quit` or Ctrl-D; returns the exit status.
pub fn run_interactive(interp: Interp) -> u8 {
    let color = colors_enabled();
    let mut session = Session::new(interp, color);
    let flag = session.interp.machine.interrupt.clone();
    // Ctrl-C while evaluating arrives as SIGINT: stop the evaluation. At the
    // prompt, rustyline sees it as a key instead.
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    let names = Rc::new(RefCell::new(completion_names(&session.interp)));
    let config = Config::builder()
        .auto_add_history(false)
        .completion_type(CompletionType::List)
        .build();
    let mut editor: Editor<ReplHelper, DefaultHistory> = match Editor::with_config(config) {
        Ok(editor) => editor,
        Err(e) => {
            eprintln!("cannot start the line editor: {e}");
            return 1;
        }
    };
    editor.set_helper(Some(ReplHelper::new(names.clone(), color)));
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    println!(
        "Eshkol {} — a Scheme with arenas. Type :help for help, Ctrl-D to leave.",
        env!("CARGO_PKG_VERSION")
    );
    while let Some(text) = read_form(&mut editor, &mut session.interp) {
        if text.trim().is_empty() {
            continue;
        }
        let _ = editor.add_history_entry(text.trim_end());
        match commands::as_command(&text) {
            Some(command) => {
                if !commands::run(&mut session, command) {
                    break;
                }
            }
            None => {
                session.evaluate(&text);
            }
        }
        *names.borrow_mut() = completion_names(&session.interp);
    }
    if let Some(path) = &history {
        let _ = editor.save_history(path);
    }
    0
}

/// Reads lines until they form complete input (as the reader judges it).
/// `None` means Ctrl-D at the main prompt. Output the last input left
/// without a final newline is ended first, so the prompt does not hide it.
fn read_form(
    editor: &mut Editor<ReplHelper, DefaultHistory>,
    interp: &mut Interp,
) -> Option<String> {
    let mut text = String::new();
    loop {
        interp.end_console_line();
        let prompt = if text.is_empty() {
            PROMPT
        } else {
            CONTINUATION
        };
        match editor.readline(prompt) {
            Ok(line) => {
                text.push_str(&line);
                text.push('\n');
                let complete = match commands::as_command(&text) {
                    Some(command) => !commands::needs_more(&command),
                    None => !is_incomplete(&text),
                };
                if complete {
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

/// Writes a value as the piped mode shows it, one per line; an error when
/// the value cannot be written (a value of a dead arena).
fn write_value(interp: &mut Interp, value: &Value) -> Result<(), Error> {
    if matches!(value, Value::Unspecified) {
        return Ok(());
    }
    let text = printer::write_string(&interp.arenas.registry, value)?;
    interp.write_output(&text)?;
    interp.write_output("\n")
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

/// What Tab completes: every bound name and every special form, sorted.
fn completion_names(interp: &Interp) -> Vec<String> {
    let mut names = interp.bound_names();
    names.extend(
        special_forms::SPECIAL_FORMS
            .iter()
            .map(|(name, _, _)| name.to_string()),
    );
    names.sort();
    names.dedup();
    names
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
}
