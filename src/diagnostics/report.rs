//! An [`Error`] as a miette diagnostic: the snippet, labels, help and the
//! Scheme backtrace drawn by miette's graphical handler.

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan};

use super::window;
use super::{Error, ErrorData, SourceMap};
use crate::syntax::Span;

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
pub(super) struct Report {
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
    pub(super) fn build(map: &SourceMap, data: &ErrorData) -> Report {
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

/// Renders `error` against the texts of `map`: the miette report, then its
/// notes and the Scheme call stack.
pub(super) fn render(
    map: &SourceMap,
    error: &Error,
    color: bool,
    severity: miette::Severity,
) -> String {
    let data = &error.0;
    let mut report = Report::build(map, data);
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
        for line in data.trace.lines(map, data.trace.is_full()) {
            out.push_str(&format!("    {line}\n"));
        }
    }
    out
}
