//! Errors and their reports.
//!
//! Every failure, from a stray parenthesis to a use of a destroyed arena, is one
//! [`Error`]: a stable [`ErrorKind`] that programs and tests can match on, a
//! message, the span of the expression that failed, optional help and secondary
//! labels, and (for runtime errors) the Scheme call stack. [`SourceMap`] renders
//! it as a miette report against the text it came from.

use std::fmt;

mod report;
mod sources;
mod suggest;
mod window;
mod wording;

pub use sources::{Source, SourceMap};
pub use suggest::{closest_name, edit_distance};
pub use wording::{group, human_bytes, io_reason};

use crate::symbol::Symbol;
use crate::syntax::{ReadError, ReadErrorKind, Span, MAX_NESTING};
use crate::value::Value;

/// What went wrong, in a form programs can test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Malformed source text.
    Read,
    /// Source text that ends inside an unfinished form.
    Incomplete,
    /// A special form used with the wrong shape.
    Syntax,
    /// A variable with no binding.
    Unbound,
    /// An argument of the wrong type.
    Type,
    /// A procedure called with the wrong number of arguments.
    Arity,
    /// An index or size out of range.
    Range,
    DivisionByZero,
    /// Raised by `error`.
    User,
    /// A non-error object passed to `raise` and not caught.
    Raise,
    /// Use of a destroyed arena or of a value that lived in it.
    ArenaDestroyed,
    /// Use of a value that lived in an arena which has since been reset.
    ArenaReset,
    /// An allocation past an arena's byte limit.
    ArenaLimit,
    /// Any other arena misuse (bad size, not an arena object...).
    Arena,
    /// An allocation larger than the machine can provide.
    Memory,
    /// Non-tail recursion deeper than the configured limit.
    RecursionDepth,
    /// A failed file or port operation.
    Io,
    /// An import of a library that cannot be found, a cycle of imports, or a
    /// malformed `define-library`.
    Library,
    /// Evaluation stopped by Ctrl-C.
    Interrupted,
    /// More calls than the configured budget ([`crate::Interp::max_calls`]).
    CallLimit,
    /// `(exit n)`: not a failure, but it unwinds like one.
    Exit(i32),
    /// A continuation called after its extent ended (re-entry is unsupported).
    Continuation,
    /// An escape continuation being invoked: unwinds to its `call/cc`. Never
    /// caught by handlers and never reported.
    Escape,
}

impl ErrorKind {
    /// The short name used in reports, tests (`; error: type`) and by Scheme
    /// predicates.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Read => "read",
            ErrorKind::Incomplete => "incomplete",
            ErrorKind::Syntax => "syntax",
            ErrorKind::Unbound => "unbound",
            ErrorKind::Type => "type",
            ErrorKind::Arity => "arity",
            ErrorKind::Range => "range",
            ErrorKind::DivisionByZero => "division-by-zero",
            ErrorKind::User => "user",
            ErrorKind::Raise => "raise",
            ErrorKind::ArenaDestroyed => "arena-destroyed",
            ErrorKind::ArenaReset => "arena-reset",
            ErrorKind::ArenaLimit => "arena-limit",
            ErrorKind::Arena => "arena",
            ErrorKind::Memory => "memory",
            ErrorKind::RecursionDepth => "recursion-depth",
            ErrorKind::Io => "io",
            ErrorKind::Library => "library",
            ErrorKind::Interrupted => "interrupted",
            ErrorKind::CallLimit => "call-limit",
            ErrorKind::Exit(_) => "exit",
            ErrorKind::Continuation => "continuation",
            ErrorKind::Escape => "escape",
        }
    }

    /// Whether `guard` and exception handlers may catch it: not `exit`,
    /// Ctrl-C, the call budget running out, or a continuation escaping to its
    /// `call/cc`.
    pub fn is_catchable(self) -> bool {
        !matches!(
            self,
            ErrorKind::Exit(_) | ErrorKind::Interrupted | ErrorKind::CallLimit | ErrorKind::Escape
        )
    }
}

/// One frame of the Scheme call stack at the time of an error.
#[derive(Clone, Debug)]
pub struct TraceFrame {
    /// The procedure's name, or `None` for an anonymous lambda.
    pub name: Option<String>,
    /// The call expression.
    pub span: Span,
}

/// The calls an error unwound through: the innermost and the outermost
/// ones, with a count of those between (all of them when asked for with
/// `--full-backtrace`), so a runaway recursion's report shows both where it
/// failed and where it started.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    /// The innermost [`Trace::KEPT`] calls, innermost first, then the
    /// outermost ones kept so far.
    pub frames: Vec<TraceFrame>,
    /// Calls dropped from the middle.
    pub elided: usize,
}

impl Trace {
    /// Calls kept at each end.
    pub const KEPT: usize = 16;

    /// Records the next outer call: past `2 * KEPT` calls, the oldest of the
    /// outer ones is dropped, unless `full`.
    pub fn record(&mut self, frame: TraceFrame, full: bool) {
        if !full && self.frames.len() == 2 * Self::KEPT {
            self.frames.remove(Self::KEPT);
            self.elided += 1;
        }
        self.frames.push(frame);
    }

    /// The trace as [`Trace::record`] keeps it by default (the innermost and
    /// outermost [`Trace::KEPT`] calls), for a report of an error whose
    /// whole trace is kept elsewhere (the REPL's `:bt`).
    pub fn condensed(&self) -> Trace {
        let n = self.frames.len();
        if n <= 2 * Self::KEPT {
            return self.clone();
        }
        let mut frames = self.frames[..Self::KEPT].to_vec();
        frames.extend_from_slice(&self.frames[n - Self::KEPT..]);
        Trace {
            frames,
            elided: self.elided + n - 2 * Self::KEPT,
        }
    }

    /// Whether this trace kept more calls than [`Trace::record`] keeps by
    /// default: it was asked for whole, and is shown whole.
    pub fn is_full(&self) -> bool {
        self.elided == 0 && self.frames.len() > 2 * Self::KEPT
    }

    /// The report's lines: every call when there are few (or `all`),
    /// otherwise the eight innermost and eight outermost around a count of
    /// the rest.
    pub fn lines(&self, map: &SourceMap, all: bool) -> Vec<String> {
        const SHOWN: usize = 8;
        let line = |frame: &TraceFrame| {
            let name = frame.name.as_deref().unwrap_or("<anonymous>");
            format!("{name} at {}", map.location(frame.span))
        };
        let n = self.frames.len();
        if all || (n <= 2 * SHOWN && self.elided == 0) {
            let mut lines: Vec<String> = self.frames.iter().map(line).collect();
            if self.elided > 0 {
                lines.insert(
                    Self::KEPT.min(n),
                    format!("... {} frames elided", group(self.elided)),
                );
            }
            return lines;
        }
        let hidden = n - 2 * SHOWN + self.elided;
        let mut lines: Vec<String> = self.frames[..SHOWN].iter().map(line).collect();
        lines.push(format!("... {} frames elided", group(hidden)));
        lines.extend(self.frames[n - SHOWN..].iter().map(line));
        lines
    }
}

/// An error with everything needed to report it. Boxed so `Result<Value, Error>`
/// stays two words wide on the evaluator's hot path.
pub struct Error(pub Box<ErrorData>);

/// The contents of an [`Error`].
#[derive(Clone)]
pub struct ErrorData {
    pub kind: ErrorKind,
    pub message: String,
    /// The expression that failed; filled in by the evaluator when a builtin
    /// reports an error without one.
    pub span: Option<Span>,
    pub help: Option<String>,
    /// Secondary labels: "created here", "destroyed here", "opened here".
    pub labels: Vec<(Span, String)>,
    /// The Scheme calls the error unwound, innermost first.
    pub trace: Trace,
    /// The raised object for `raise`, or the irritants' list for `error`.
    pub payload: Option<Value>,
    /// For errors raised by `error`: the message without the irritants
    /// (what `error-object-message` returns); `message` has both.
    pub bare_message: Option<String>,
    /// Raised by `raise-continuable`: a handler's value may stand in for it.
    pub continuable: bool,
    /// For [`ErrorKind::Escape`]: which continuation is being invoked.
    pub escape_id: u64,
    /// Handlers at this index of the handler stack and above have already seen
    /// this error (it was raised to them directly), so they must not see it
    /// again as it unwinds past them.
    pub handled_depth: Option<usize>,
    /// For an unbound variable: its name. The report's "did you mean" help is
    /// worked out when the error is shown, not when it is raised, so a program
    /// that catches many such errors does not pay for the search.
    pub unbound: Option<crate::symbol::Symbol>,
}

/// Shorthand for results in the interpreter.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error of `kind` with `message` and no location yet.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error(Box::new(ErrorData {
            kind,
            message: message.into(),
            span: None,
            help: None,
            labels: Vec::new(),
            trace: Trace::default(),
            payload: None,
            bare_message: None,
            continuable: false,
            escape_id: 0,
            handled_depth: None,
            unbound: None,
        }))
    }

    /// Code nested past [`MAX_NESTING`] levels, in the expander or in data
    /// made into values; `by_macro` names the macro whose expansion nested it.
    pub fn nested_too_deeply(span: Span, by_macro: Option<Symbol>) -> Error {
        let too_deep = format!("code nested too deeply (more than {MAX_NESTING} levels)");
        match by_macro {
            Some(name) => Error::new(ErrorKind::Syntax, format!("{too_deep} by the expansion of macro `{name}`"))
                .at(span)
                .with_help("a macro that puts its own use inside its output nests deeper at every step: check its recursion"),
            None => Error::new(ErrorKind::Syntax, too_deep)
                .at(span)
                .with_help("build the computation with a loop or a procedure instead of nesting"),
        }
    }

    /// An index or size outside the allowed range.
    pub fn range(who: &str, message: impl fmt::Display) -> Error {
        Error::new(ErrorKind::Range, format!("{who}: {message}"))
    }

    /// The kind.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The message, without location.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The primary span, if known.
    pub fn span(&self) -> Option<Span> {
        self.0.span
    }

    /// Sets the primary span.
    pub fn at(mut self, span: Span) -> Error {
        self.0.span = Some(span);
        self
    }

    /// Notes that the error unwound through a call made at `span` of a
    /// procedure named `name`. Calls made inside the built-in library are
    /// left out of the trace; the first call into it from the program
    /// becomes the error's place when the error arose inside the library,
    /// so `(map car 5)` is reported at the program's `map` call. A call of
    /// a library procedure (`callee` is where it was defined) that the error
    /// is already reported at adds nothing to the trace either.
    pub fn unwind_call(
        &mut self,
        sources: &SourceMap,
        name: impl FnOnce() -> Option<String>,
        span: Span,
        callee: Span,
        full: bool,
    ) {
        if sources.is_library(span)
            || (sources.is_library(callee)
                && self.0.span == Some(span)
                && self.0.trace.frames.is_empty())
        {
            return;
        }
        match self.0.span {
            Some(at) if sources.is_library(at) => {
                self.0.span = Some(span);
                self.0
                    .labels
                    .retain(|(label, _)| !sources.is_library(*label));
            }
            _ => self.0.trace.record(TraceFrame { name: name(), span }, full),
        }
    }

    /// Sets the primary span unless one is already set.
    pub fn or_at(mut self, span: Span) -> Error {
        if self.0.span.is_none() {
            self.0.span = Some(span);
        }
        self
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Error {
        self.0.help = Some(help.into());
        self
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, span: Span, text: impl Into<String>) -> Error {
        self.0.labels.push((span, text.into()));
        self
    }

    /// Attaches a payload (raised object or irritants).
    pub fn with_payload(mut self, payload: Value) -> Error {
        self.0.payload = Some(payload);
        self
    }

    /// Converts a reader error.
    pub fn from_read(error: ReadError) -> Error {
        let kind = match error.kind {
            ReadErrorKind::Incomplete => ErrorKind::Incomplete,
            ReadErrorKind::Invalid => ErrorKind::Read,
        };
        let mut e = Error::new(kind, error.message).at(error.span);
        e.0.help = error.help;
        e
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} error: {}", self.0.kind.name(), self.0.message)?;
        if let Some(span) = self.0.span {
            write!(f, " at {}..{}", span.start, span.end)?;
        }
        Ok(())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}
