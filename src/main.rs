//! The `eshkol` command: run a script, evaluate an expression, or open the REPL.
#![forbid(unsafe_code)]

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use eshkol::{Error, ErrorKind, Interp, Value};

/// Scheme programs allocate and free many small objects (pairs, closures,
/// boxes); mimalloc serves them much faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A Scheme interpreter with explicit arena memory.
#[derive(Parser, Debug, Clone)]
#[command(name = "eshkol", version, about, after_help = LIBRARY_HELP)]
struct Cli {
    /// Evaluate EXPR, print its value, and exit.
    #[arg(short = 'e', long = "eval", value_name = "EXPR")]
    eval: Option<String>,

    /// Stop non-tail recursion deeper than N calls with an error.
    #[arg(long, value_name = "N", default_value_t = eshkol::eval::DEFAULT_MAX_DEPTH)]
    max_depth: usize,

    /// Stop with an error when resident memory passes SIZE (bytes, or with a
    /// K, M or G suffix: 512M, 2G).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_memory: Option<usize>,

    /// Stop with an error after N procedure calls (checked every 65,536 calls):
    /// a time bound for untrusted or generated programs.
    #[arg(long, value_name = "N")]
    max_calls: Option<u64>,

    /// Load FILE into the REPL's environment, then open the REPL (or read
    /// piped input) with its definitions.
    #[arg(short = 'i', long = "interactive", value_name = "FILE")]
    interactive: Option<PathBuf>,

    /// Show every call of an error's Scheme backtrace, not only the
    /// innermost and outermost.
    #[arg(long)]
    full_backtrace: bool,

    /// Add DIR to the library search path (repeatable; see LIBRARIES below).
    #[arg(short = 'I', long = "lib-path", value_name = "DIR")]
    lib_path: Vec<PathBuf>,

    /// Do not warn about arenas still alive when the program ends.
    #[arg(long)]
    no_arena_warnings: bool,

    /// Check FILE for arena-lifetime mistakes (use after destroy, double
    /// destroy, arenas a procedure never destroys) without running it, and
    /// warn about unbound names and wrong argument counts. Exit status 0
    /// when clean, 1 with findings.
    #[arg(long)]
    check: bool,

    /// Write an SVG picture of every arena's used and reserved bytes over
    /// the run to FILE (see docs/memory-management.md).
    #[arg(long, value_name = "FILE")]
    arena_profile: Option<PathBuf>,

    /// Script to run (`-` reads the program from standard input), then the
    /// arguments passed to it (see `command-line`). Everything after the
    /// script's name belongs to the script, options included; `--` ends
    /// eshkol's own options.
    #[arg(
        value_name = "FILE [ARGS]",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    script: Vec<String>,
}

impl Cli {
    /// The script to run, if any.
    fn file(&self) -> Option<PathBuf> {
        self.script.first().map(PathBuf::from)
    }
}

/// The library system, for `--help`.
const LIBRARY_HELP: &str = "\
LIBRARIES:
  A program that starts with (import ...) sees only what it imports, as in
  R7RS; one that imports nothing (and the REPL) sees every builtin.
  Built in: (scheme base), (scheme write), (scheme char), ... all of R7RS-small,
  (srfi 1 6 8 9 23 28 34 39 64 69) as (srfi N), (eshkol arena), and (eshkol base)
  for everything eshkol has. Import sets: only, except, prefix, rename.
  (import (my util)) loads my/util.sld (or my/util.scm), holding
  (define-library (my util) (export ...) (import ...) (begin ...)), from the
  importing file's directory, then each -I DIR, then $ESHKOL_LIBRARY_PATH
  (colon separated); each library is loaded once.";

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(first) = cli.script.first() {
        // Hyphen values are allowed for the script's own options; an unknown
        // option before any script name is still a usage error (`--` allows
        // a script whose name starts with a hyphen).
        let after_dashdash = std::env::args().any(|a| a == "--");
        if first.starts_with('-') && first != "-" && !after_dashdash {
            use clap::CommandFactory;
            Cli::command()
                .error(
                    clap::error::ErrorKind::UnknownArgument,
                    format!(
                        "unexpected option '{first}' (use -- before a script named like an option)"
                    ),
                )
                .exit();
        }
    }
    // A big main stack keeps ordinary recursion off stacker's slow path; deeper
    // recursion grows onto the heap. Under a small address-space limit
    // (`ulimit -v`) a smaller stack still runs everything, more slowly.
    for mib in [256, 32, 4] {
        let cli = cli.clone();
        let worker = std::thread::Builder::new()
            .stack_size(mib * 1024 * 1024)
            .spawn(move || run(cli));
        if let Ok(handle) = worker {
            return match handle.join() {
                Ok(code) => ExitCode::from(code),
                Err(_) => ExitCode::from(70),
            };
        }
    }
    eprintln!("eshkol: cannot start: not enough memory for the interpreter's stack");
    ExitCode::from(70)
}

fn run(cli: Cli) -> u8 {
    let mut interp = Interp::new();
    interp.machine.max_depth = cli.max_depth;
    interp.machine.max_memory = cli.max_memory;
    interp.machine.max_calls = cli.max_calls;
    interp.machine.full_backtrace = cli.full_backtrace;
    interp.libraries.search_path = cli.lib_path.clone();
    if cli.arena_profile.is_some() {
        interp.arenas.profile = Some(Default::default());
    }
    if !cli.script.is_empty() {
        interp.command_line = cli.script.clone();
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let interactive = cli.eval.is_none() && cli.script.is_empty() && std::io::stdin().is_terminal();
    if !interactive {
        // Ctrl-C stops the program as an `interrupted` error, so its output
        // so far is flushed and the status says it did not finish (the REPL
        // installs its own handler, which keeps the session).
        let flag = interp.machine.interrupt.clone();
        let _ = ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::SeqCst));
    }
    if cli.check {
        return match cli.file() {
            Some(path) => check_file(&mut interp, &path, color),
            None => {
                eprintln!("eshkol: --check needs a file to check");
                2
            }
        };
    }
    let result = if let Some(expr) = &cli.eval {
        print_value_of(&mut interp, expr)
    } else {
        match &cli.file() {
            Some(path) if path.as_os_str() == "-" => run_stdin(&mut interp),
            Some(path) => interp.run_file(path).map(|_| ()),
            None if std::io::stdin().is_terminal() => {
                if !preload(&mut interp, cli.interactive.as_deref(), color) {
                    return 1;
                }
                return eshkol::repl::run_interactive(interp);
            }
            None => {
                if !preload(&mut interp, cli.interactive.as_deref(), color) {
                    return 1;
                }
                return eshkol::repl::run_piped(interp);
            }
        }
    };
    // Output is flushed before the report, and a write that fails at the
    // end (`> /dev/full`) is an error of its own.
    let result = result.and_then(|()| interp.finish_output());
    interp.flush_output();
    let mut status = match &result {
        Ok(()) => 0,
        Err(error) => report(&interp, error, color),
    };
    if let Some(path) = &cli.arena_profile {
        if let Err(e) = write_arena_profile(&interp, path) {
            eprintln!(
                "eshkol: cannot write the arena profile to {}: {e}",
                path.display()
            );
            status = status.max(1);
        }
    }
    if !cli.no_arena_warnings {
        for warning in interp.arena_leak_warnings() {
            eprintln!("{warning}");
        }
    }
    status
}

/// `--check FILE`: reports each finding, then a count; the exit status is 0
/// when there is none, 1 with findings, 2 when the file cannot be read.
fn check_file(interp: &mut Interp, path: &std::path::Path, color: bool) -> u8 {
    let from_stdin = path.as_os_str() == "-";
    let read = if from_stdin {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(path)
    };
    let text = match read {
        Ok(text) => text,
        Err(e) => {
            eprintln!("eshkol: cannot read {}: {e}", path.display());
            return 2;
        }
    };
    let name = if from_stdin {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let source = interp.sources.add(name.clone(), &text);
    let program = match eshkol::syntax::parse_program(&text, source) {
        Ok(program) => program,
        Err(e) => return report(interp, &Error::from_read(e), color),
    };
    eshkol::check::prepare(interp, &program);
    let findings = eshkol::check::check_program(&program, &*interp);
    for finding in &findings {
        let text = if finding.warning {
            interp.sources.render_warning(&finding.error, color)
        } else {
            interp.render_error(&finding.error, color)
        };
        eprint!("{text}");
    }
    if findings.is_empty() {
        return 0;
    }
    let warnings = findings.iter().filter(|f| f.warning).count();
    let problems = findings.len() - warnings;
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    eprintln!(
        "{name}: {} and {}",
        count(problems, "arena problem"),
        count(warnings, "warning")
    );
    1
}

/// `--arena-profile FILE`: the picture of the run's arenas, written
/// whether the program finished or stopped with an error.
fn write_arena_profile(interp: &Interp, path: &std::path::Path) -> std::io::Result<()> {
    let Some(profile) = &interp.arenas.profile else {
        return Ok(());
    };
    std::fs::write(
        path,
        eshkol::arena_picture::profile_svg(profile, &interp.sources),
    )
}

/// `-i FILE`: loads the file before the REPL starts; false (after the
/// report) when it cannot be read. An error inside the file is reported and
/// the REPL still opens with what was defined before it.
fn preload(interp: &mut Interp, file: Option<&std::path::Path>, color: bool) -> bool {
    let Some(file) = file else {
        return true;
    };
    match interp.load_file(file) {
        Ok(_) => true,
        Err(error) => {
            interp.flush_output();
            report(interp, &error, color);
            error.kind() != ErrorKind::Io
        }
    }
}

/// `-e EXPR`: evaluates and writes the value. A value that cannot be
/// written (one from a destroyed arena) is the same error as at the REPL.
fn print_value_of(interp: &mut Interp, expr: &str) -> Result<(), Error> {
    let value = interp.eval_str("<expression>", expr)?;
    if matches!(value, Value::Unspecified) {
        return Ok(());
    }
    let text = eshkol::printer::write_string(&interp.arenas.registry, &value)?;
    interp.write_output(&text)?;
    interp.write_output("\n")
}

fn run_stdin(interp: &mut Interp) -> Result<(), Error> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|e| {
        Error::new(
            ErrorKind::Read,
            format!(
                "cannot read standard input: {}",
                eshkol::diagnostics::io_reason(&e)
            ),
        )
    })?;
    let source = interp.sources.add("<stdin>", &text);
    interp.run_program(source).map(|_| ())
}

/// Prints an error and returns the exit status it calls for.
fn report(interp: &Interp, error: &Error, color: bool) -> u8 {
    match error.kind() {
        ErrorKind::Exit(code) => code as u8,
        kind => {
            eprint!("{}", interp.render_error(error, color));
            match kind {
                ErrorKind::Read | ErrorKind::Incomplete | ErrorKind::Syntax => 2,
                ErrorKind::Interrupted => 130,
                _ => 1,
            }
        }
    }
}

/// Parses `512M`, `2G`, `64K` or a plain byte count.
fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let (digits, shift) = match text.char_indices().last() {
        Some((i, 'k' | 'K')) => (&text[..i], 10),
        Some((i, 'm' | 'M')) => (&text[..i], 20),
        Some((i, 'g' | 'G')) => (&text[..i], 30),
        _ => (text, 0),
    };
    let n: usize = digits
        .parse()
        .map_err(|_| format!("expected a size like 512M or 2G, got {text:?}"))?;
    n.checked_mul(1usize << shift)
        .ok_or_else(|| format!("{text} is too large"))
}
