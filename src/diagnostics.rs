//! Errors and their reports.
//!
//! Every failure, from a stray parenthesis to a use of a destroyed arena, is one
//! [`Error`]: a stable [`ErrorKind`] that programs and tests can match on, a
//! message, the span of the expression that failed, optional help and secondary
//! labels, and (for runtime errors) the Scheme call stack. [`SourceMap`] renders
//! it as a miette report against the text it came from.

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan};

mod window;

use crate::syntax::{ReadError, ReadErrorKind, SourceId, Span};
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

/// `1234567` → `1,234,567`.
pub fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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

    /// "`who`: expected `expected`, got `value`".
    pub fn wrong_type(who: &str, expected: &str, got: &Value) -> Error {
        Error::new(
            ErrorKind::Type,
            format!(
                "{who}: expected {expected}, got {}",
                crate::printer::write_string_lossy(got)
            ),
        )
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

/// One loaded source text.
#[derive(Clone)]
pub struct Source {
    pub name: String,
    pub text: String,
    /// The source whose `include` read this one, if any.
    pub included_by: Option<SourceId>,
    /// Lines of the same input before this text: piped standard input is
    /// kept as a series of sources, each continuing the line count.
    pub first_line: usize,
    /// Whether the text was dropped to bound memory (the oldest parts of a
    /// long piped input); reports then give the source's name alone.
    pub discarded: bool,
    /// The byte offset of each line's start, made on first use: locations
    /// and snippets are found by binary search, not by scanning the text.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl Source {
    /// The byte offset of the start of each line (the first is 0).
    pub fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 1-based line (counting the lines before this text) and column (in
    /// characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let lines = self.line_starts();
        let line = lines.partition_point(|&s| s <= offset).max(1);
        let start = lines[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(0, |t| t.chars().count())
            + 1;
        (line + self.first_line, col)
    }
}

/// All source texts seen by an interpreter, so spans can be rendered later.
#[derive(Default)]
pub struct SourceMap {
    sources: Vec<Source>,
    /// Sources below this id are the built-in Scheme library
    /// ([`SourceMap::seal_library`]).
    library_end: u32,
}

impl SourceMap {
    /// Marks every source registered so far as the built-in library: an
    /// error raised inside it is reported where the program called into it
    /// ([`Error::unwind_call`]), as a Rust builtin's error would be.
    pub fn seal_library(&mut self) {
        self.library_end = self.sources.len() as u32;
    }

    /// Whether `span` lies in the built-in library's text.
    #[inline(always)]
    pub fn is_library(&self, span: Span) -> bool {
        span.source.0 < self.library_end
    }

    /// Registers a source and returns its id. A byte-order mark at the start
    /// of `text` is dropped, as [`crate::syntax::parse_program`] skips it, so
    /// that spans and columns agree with the text kept here.
    pub fn add(&mut self, name: impl Into<String>, text: &str) -> SourceId {
        self.sources.push(Source {
            name: name.into(),
            text: crate::syntax::strip_bom(text).to_string(),
            included_by: None,
            first_line: 0,
            discarded: false,
            line_starts: std::sync::OnceLock::new(),
        });
        SourceId((self.sources.len() - 1) as u32)
    }

    /// Registers an empty source that continues an input after `first_line`
    /// lines; [`SourceMap::append`] adds its text as it arrives.
    pub fn add_continuing(&mut self, name: impl Into<String>, first_line: usize) -> SourceId {
        let id = self.add(name, "");
        self.sources[id.0 as usize].first_line = first_line;
        id
    }

    /// Adds text at the end of a source (piped input, a line at a time).
    pub fn append(&mut self, id: SourceId, text: &str) {
        let Some(source) = self.sources.get_mut(id.0 as usize) else {
            return;
        };
        let old_len = source.text.len();
        source.text.push_str(text);
        if let Some(lines) = source.line_starts.get_mut() {
            lines.extend(text.match_indices('\n').map(|(i, _)| old_len + i + 1));
        }
    }

    /// Drops the text of a source no report is likely to need any more, so
    /// that a long piped session keeps a bounded amount of text.
    pub fn discard_text(&mut self, id: SourceId) {
        if let Some(source) = self.sources.get_mut(id.0 as usize) {
            source.text = String::new();
            source.line_starts = std::sync::OnceLock::new();
            source.discarded = true;
        }
    }

    /// Registers a file that `include` in source `by` read.
    pub fn add_included(&mut self, name: impl Into<String>, text: &str, by: SourceId) -> SourceId {
        let id = self.add(name, text);
        self.sources[id.0 as usize].included_by = Some(by);
        id
    }

    /// The names of `source` and of the sources that included it, the
    /// innermost first.
    pub fn include_chain(&self, source: SourceId) -> Vec<&str> {
        let mut chain = Vec::new();
        let mut current = Some(source);
        while let Some(id) = current {
            let Some(src) = self.get(id) else { break };
            chain.push(src.name.as_str());
            current = src.included_by;
        }
        chain
    }

    /// The source with this id.
    pub fn get(&self, id: SourceId) -> Option<&Source> {
        self.sources.get(id.0 as usize)
    }

    /// The exact text a span covers (empty if out of range).
    pub fn snippet(&self, span: Span) -> &str {
        self.get(span.source)
            .and_then(|s| s.text.get(span.start as usize..span.end as usize))
            .unwrap_or("")
    }

    /// `name:line:column` of a span's start, 1-based.
    pub fn location(&self, span: Span) -> String {
        match self.get(span.source) {
            Some(source) if source.discarded => format!(
                "{} after line {} (text no longer kept)",
                source.name, source.first_line
            ),
            Some(source) => {
                let (line, col) = source.line_col(span.start as usize);
                format!("{}:{line}:{col}", source.name)
            }
            None => "<unknown>".to_string(),
        }
    }

    /// Renders an error as a miette report (colours only when `color`).
    pub fn render(&self, error: &Error, color: bool) -> String {
        self.render_as(error, color, miette::Severity::Error)
    }

    /// [`SourceMap::render`] for a warning: drawn with the warning mark,
    /// for findings that do not stop anything (`eshkol --check`).
    pub fn render_warning(&self, error: &Error, color: bool) -> String {
        self.render_as(error, color, miette::Severity::Warning)
    }

    fn render_as(&self, error: &Error, color: bool, severity: miette::Severity) -> String {
        let data = &error.0;
        let mut report = Report::build(self, data);
        report.severity = severity;
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
        let mut out = String::new();
        if handler.render_report(&mut out, &report).is_err() {
            out = format!("error: {}\n", data.message);
        }
        for note in &report.notes {
            out.push_str(&format!("  note: {note}\n"));
        }
        if !data.trace.frames.is_empty() {
            out.push_str("  call stack (innermost first):\n");
            for line in data.trace.lines(self, data.trace.is_full()) {
                out.push_str(&format!("    {line}\n"));
            }
        }
        out
    }
}

/// Lines longer than this (in bytes) are not drawn in a snippet.
const MAX_SNIPPET_LINE: usize = 8_000;

/// The length in bytes of the longest line `span` touches.
fn longest_line_around(text: &str, span: &Span) -> usize {
    let start = (span.start as usize).min(text.len());
    let end = (span.end as usize).clamp(start, text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    text[line_start..line_end]
        .split('\n')
        .map(str::len)
        .max()
        .unwrap_or(0)
}

/// The miette view of an error: one snippet, of the primary source (or, for
/// an error with no place of its own, of its first label's source), holding
/// every label in that source. Labels in other sources become one-line notes
/// after the report ([`Report::notes`]), so that an error reads as one error.
#[derive(Debug)]
struct Report {
    message: String,
    code: String,
    help: Option<String>,
    source: Option<window::Window>,
    labels: Vec<LabeledSpan>,
    /// "arena created here: other.scm:3:14", for labels outside the snippet.
    notes: Vec<String>,
    severity: miette::Severity,
}

impl Report {
    fn build(map: &SourceMap, data: &ErrorData) -> Report {
        let shown = data
            .span
            .or_else(|| data.labels.first().map(|(span, _)| *span))
            .and_then(|s| map.get(s.source).map(|src| (s.source, src)));
        // miette cannot draw a snippet past display column 65,535 (tabs and
        // wide characters count more than one): a label on a very long line
        // is reported by its location alone.
        let drawable = |span: &Span| {
            map.get(span.source).is_none_or(|src| {
                !src.discarded && longest_line_around(&src.text, span) <= MAX_SNIPPET_LINE
            })
        };
        let all_drawable = data
            .span
            .iter()
            .chain(data.labels.iter().map(|(s, _)| s))
            .all(drawable);
        if !all_drawable {
            let mut notes: Vec<String> = data
                .span
                .iter()
                .map(|s| format!("at {}", map.location(*s)))
                .collect();
            notes.extend(
                data.labels
                    .iter()
                    .map(|(span, text)| format!("{text}: {}", map.location(*span))),
            );
            return Report {
                message: data.message.clone(),
                code: format!("eshkol::{}", data.kind.name()),
                help: data.help.clone(),
                source: None,
                labels: Vec::new(),
                notes,
                severity: miette::Severity::Error,
            };
        }
        let mut report = Report {
            message: data.message.clone(),
            code: format!("eshkol::{}", data.kind.name()),
            help: data.help.clone(),
            source: shown.map(|(source, src)| {
                let spans = data
                    .span
                    .iter()
                    .chain(data.labels.iter().map(|(s, _)| s))
                    .filter(|s| s.source == source);
                let start = spans.clone().map(|s| s.start as usize).min().unwrap_or(0);
                let end = spans.map(|s| s.end as usize).max().unwrap_or(0);
                window::Window::around(src, start, end)
            }),
            labels: Vec::new(),
            notes: Vec::new(),
            severity: miette::Severity::Error,
        };
        if let (Some(span), Some(_)) = (data.span, shown) {
            report.labels.push(LabeledSpan::new_primary_with_span(
                Some("here".into()),
                span,
            ));
        }
        for (span, text) in &data.labels {
            if shown.is_some_and(|(source, _)| source == span.source) {
                report
                    .labels
                    .push(LabeledSpan::new_with_span(Some(text.clone()), *span));
            } else if !map.is_library(*span) {
                // A place inside the built-in library is nothing the
                // program can change ("procedure defined here" of `map`).
                report
                    .notes
                    .push(format!("{text}: {}", map.location(*span)));
            }
        }
        report
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

impl Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        if self.code.is_empty() {
            None
        } else {
            Some(Box::new(&self.code))
        }
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
}

/// Edit distance with adjacent transpositions (optimal string alignment),
/// for "did you mean" suggestions: `itme` is one edit from `item`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d: Vec<usize> = (0..(a.len() + 1) * width)
        .map(|k| if k < width { k } else { 0 })
        .collect();
    for i in 1..=a.len() {
        d[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j - 1] + cost)
                .min(d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

/// The candidate closest to `name` within a third of its length in edits
/// (ties go to the alphabetically first), for "did you mean" help.
pub fn closest_name<S: AsRef<str>>(
    name: &str,
    candidates: impl Iterator<Item = S>,
) -> Option<String> {
    let limit = name.chars().count() / 3;
    if limit == 0 {
        return None;
    }
    candidates
        .filter(|c| c.as_ref() != name)
        .filter(|c| c.as_ref().chars().count().abs_diff(name.chars().count()) <= limit)
        .map(|c| (edit_distance(name, c.as_ref()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.as_ref().cmp(b.1.as_ref())))
        .map(|(_, c)| c.as_ref().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_a_transposition_as_one_edit() {
        assert_eq!(edit_distance("itme", "item"), 1);
        assert_eq!(edit_distance("lenght", "length"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }

    #[test]
    fn the_closest_name_is_within_a_third_of_the_length() {
        let names = ["length", "list", "lambda"];
        assert_eq!(
            closest_name("lenght", names.iter()),
            Some("length".to_string())
        );
        assert_eq!(closest_name("xyzzy", names.iter()), None);
        assert_eq!(closest_name("li", names.iter()), None);
    }
}
