//! The REPL's commands: `:name argument`, or `,name argument` as Guile and
//! CHICKEN users type them. Each is a small function over the session.

use std::time::Instant;

use crate::printer;
use crate::syntax::parse_program;

use super::{describe, is_incomplete, Session};

/// A command line split into its name (without `:` or `,`) and argument.
pub struct Command<'a> {
    pub name: &'a str,
    pub argument: &'a str,
}

/// A command's names (the first is shown), argument and one-line help.
struct CommandInfo {
    names: &'static [&'static str],
    argument: &'static str,
    help: &'static str,
}

const COMMANDS: &[CommandInfo] = &[
    CommandInfo {
        names: &["help", "h", "?"],
        argument: "",
        help: "this help",
    },
    CommandInfo {
        names: &["quit", "q", "exit"],
        argument: "",
        help: "leave the REPL (Ctrl-D does too)",
    },
    CommandInfo {
        names: &["load", "l"],
        argument: "FILE",
        help: "run a Scheme file in this session",
    },
    CommandInfo {
        names: &["doc"],
        argument: "NAME",
        help: "what a procedure or special form does",
    },
    CommandInfo {
        names: &["describe", "d"],
        argument: "EXPR",
        help: "what a value is: type, arity and source of a procedure, an arena's state",
    },
    CommandInfo {
        names: &["apropos", "a"],
        argument: "TEXT",
        help: "names containing TEXT",
    },
    CommandInfo {
        names: &["env"],
        argument: "",
        help: "list your definitions",
    },
    CommandInfo {
        names: &["arenas"],
        argument: "",
        help: "live arenas: where each was created, bytes used and reserved, blocks",
    },
    CommandInfo {
        names: &["time", "t"],
        argument: "EXPR",
        help: "evaluate EXPR; show how long it took and what arenas allocated",
    },
    CommandInfo {
        names: &["pp"],
        argument: "EXPR",
        help: "pretty-print the value of EXPR",
    },
    CommandInfo {
        names: &["expand", "x"],
        argument: "FORM",
        help: "FORM with every macro use expanded",
    },
    CommandInfo {
        names: &["expand1"],
        argument: "FORM",
        help: "FORM's macro use expanded one step",
    },
    CommandInfo {
        names: &["trace", "tr"],
        argument: "PROC ...",
        help: "show each call of PROC and what it returns",
    },
    CommandInfo {
        names: &["untrace"],
        argument: "[PROC ...]",
        help: "stop tracing PROC (all, without one)",
    },
    CommandInfo {
        names: &["bt", "backtrace"],
        argument: "",
        help: "the whole Scheme backtrace of the last error",
    },
];

/// The names Tab completes after `:` or `,`.
pub fn command_names() -> impl Iterator<Item = &'static str> {
    COMMANDS.iter().map(|c| c.names[0])
}

/// The command an input is, if it is one: a line starting with `:` or `,`
/// and a letter (a `,` there is never Scheme: unquote outside a quasiquote).
pub fn as_command(text: &str) -> Option<Command<'_>> {
    let trimmed = text.trim();
    let rest = trimmed
        .strip_prefix(':')
        .or_else(|| trimmed.strip_prefix(','))?;
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '?') {
        return None;
    }
    let (name, argument) = match rest.split_once(char::is_whitespace) {
        Some((name, argument)) => (name, argument.trim()),
        None => (rest, ""),
    };
    Some(Command { name, argument })
}

/// Whether a command's argument is an unfinished form, so more lines are read.
pub fn needs_more(command: &Command) -> bool {
    !command.argument.is_empty() && is_incomplete(command.argument)
}

/// Runs a command; returns false to leave the REPL.
pub fn run(session: &mut Session, command: Command) -> bool {
    let Some(info) = COMMANDS.iter().find(|c| c.names.contains(&command.name)) else {
        say(
            session,
            &format!("; unknown command :{}: see :help", command.name),
        );
        return true;
    };
    let name = info.names[0];
    let argument = command.argument;
    if argument.is_empty() && !info.argument.is_empty() && !info.argument.starts_with('[') {
        say(
            session,
            &format!("; :{name} needs {}: see :help", info.argument),
        );
        return true;
    }
    match name {
        "quit" => return false,
        "help" => help(session),
        "load" => load(session, argument),
        "doc" => say_lines(session, describe::doc(&session.interp, argument)),
        "describe" => {
            if let Some(value) = session.evaluate_expression(argument) {
                say_lines(session, describe::describe(&session.interp, &value));
            }
        }
        "apropos" => apropos(session, argument),
        "env" => env(session),
        "arenas" => arenas(session),
        "time" => time(session, argument),
        "pp" => {
            if let Some(value) = session.evaluate_expression(argument) {
                pretty(session, &value);
            }
        }
        "expand" => expand(session, argument, true),
        "expand1" => expand(session, argument, false),
        "trace" => trace(session, argument),
        "untrace" => untrace(session, argument),
        _ => backtrace(session),
    }
    true
}

/// Prints a line of the REPL's own, after any pending program output.
fn say(session: &mut Session, line: &str) {
    session.interp.end_console_line();
    println!("{line}");
}

fn say_lines(session: &mut Session, lines: Vec<String>) {
    for line in lines {
        say(session, &line);
    }
}

fn help(session: &mut Session) {
    let mut lines = vec![
        "Type Scheme expressions; a form may span several lines.".to_string(),
        "Values are numbered: $1, $2... name them in later inputs.".to_string(),
        "Commands (start them with : or ,):".to_string(),
    ];
    for info in COMMANDS {
        let aliases = if info.names.len() > 1 {
            format!(" (also :{})", info.names[1..].join(", :"))
        } else {
            String::new()
        };
        let usage = format!(":{} {}", info.names[0], info.argument);
        lines.push(format!("  {usage:<22} {}{aliases}", info.help));
    }
    lines.extend(
        [
            "Try arenas:",
            "  (define a (make-arena 1024))     ; an arena with a 1 KiB first block",
            "  (define b (arena-alloc a 100))   ; 100 zeroed bytes living in it",
            "  (arena-stats a)                  ; used, reserved, blocks, allocations",
            "  (destroy-arena a)                ; frees everything at once",
            "  (bytevector-u8-ref b 0)          ; an error now: b died with its arena",
            "Tab completes names and file names in strings; Ctrl-C interrupts; Ctrl-D leaves.",
        ]
        .map(str::to_string),
    );
    say_lines(session, lines);
}

/// `:load FILE` (the name may be written as a string): the file's output
/// comes first, then the confirmation.
fn load(session: &mut Session, argument: &str) {
    let file = argument.trim_matches('"');
    let result = session.interp.load_file(std::path::Path::new(file));
    session.interp.flush_output();
    match result {
        Ok(_) => say(session, &format!("; loaded {file}")),
        Err(e) => session.report(e),
    }
}

fn apropos(session: &mut Session, text: &str) {
    let lines = describe::apropos(&session.interp, text);
    if lines.is_empty() {
        say(session, &format!("; no name contains {text}"));
    }
    say_lines(session, lines);
}

fn env(session: &mut Session) {
    let definitions = describe::user_definitions(&session.interp);
    if definitions.is_empty() {
        say(session, "; no definitions yet");
    }
    for (name, value) in definitions {
        say(
            session,
            &format!("{name} = {}", printer::write_string_lossy(&value)),
        );
    }
}

fn arenas(session: &mut Session) {
    let arenas = session.interp.live_arena_summaries();
    if arenas.is_empty() {
        say(session, "; no live arenas");
    }
    say_lines(session, arenas);
}

/// `:time EXPR`: the value (numbered like any other), then the time taken
/// and the bytes arenas handed out meanwhile.
fn time(session: &mut Session, argument: &str) {
    let before = session.interp.arenas.bytes_allocated;
    let start = Instant::now();
    let ok = session.evaluate(argument);
    let elapsed = start.elapsed();
    let allocated = session.interp.arenas.bytes_allocated - before;
    if ok {
        let mut line = format!("; {:.6} s", elapsed.as_secs_f64());
        if allocated > 0 {
            line.push_str(&format!(", {allocated} bytes allocated in arenas"));
        }
        say(session, &line);
    }
}

fn pretty(session: &mut Session, value: &crate::value::Value) {
    match crate::builtins::format::pretty_string(&session.interp, value) {
        Ok(text) => say(session, &text),
        Err(e) => session.report(e),
    }
}

/// `:expand FORM` and `:expand1 FORM`: the form is read, not evaluated.
fn expand(session: &mut Session, argument: &str, full: bool) {
    session.inputs += 1;
    let name = format!("<repl:{}>", session.inputs);
    let source = session.interp.sources.add(&name, argument);
    let data = match parse_program(argument, source) {
        Ok(data) => data,
        Err(e) => return session.report(crate::diagnostics::Error::from_read(e)),
    };
    for datum in &data {
        match crate::compile::expand_macros(&mut session.interp, datum, full) {
            Ok(Some(expanded)) => match crate::value::datum::datum_to_value(&expanded) {
                Ok(value) => pretty(session, &value),
                Err(e) => session.report(e),
            },
            Ok(None) => say(session, "; not a macro use: nothing to expand"),
            Err(e) => session.report(e),
        }
    }
}

fn trace(session: &mut Session, argument: &str) {
    for name in argument.split_whitespace() {
        match session.tracing.trace(&mut session.interp, name) {
            Ok(line) => say(session, &line),
            Err(e) => say(session, &format!("; {}", e.message())),
        }
    }
}

fn untrace(session: &mut Session, argument: &str) {
    let names: Vec<&str> = argument.split_whitespace().collect();
    let lines = if names.is_empty() {
        session.tracing.untrace(&mut session.interp, None)
    } else {
        names
            .into_iter()
            .flat_map(|name| session.tracing.untrace(&mut session.interp, Some(name)))
            .collect()
    };
    say_lines(session, lines);
}

/// `:bt`: every call the last error unwound through, innermost first.
fn backtrace(session: &mut Session) {
    let Some(error) = &session.last_error else {
        return say(session, "; no error yet");
    };
    let trace = &error.0.trace;
    let mut lines = vec![format!("; {}", error.message())];
    if trace.frames.is_empty() {
        lines.push("; the error happened at top level: no procedure calls were active".to_string());
    } else {
        lines.push(format!(
            "; {} call{} active, innermost first:",
            trace.frames.len() + trace.elided,
            if trace.frames.len() + trace.elided == 1 {
                " was"
            } else {
                "s were"
            }
        ));
        lines.extend(
            trace
                .lines(&session.interp.sources, true)
                .into_iter()
                .map(|line| format!("  {line}")),
        );
    }
    say_lines(session, lines);
}
