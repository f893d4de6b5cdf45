//! The part of a source a report draws. miette reads a snippet by scanning
//! its source from the first byte, so handing it a whole long input (a piped
//! session of thousands of forms) would make every report cost time in
//! proportion to everything read before it. A [`Window`] holds only the lines
//! around the labels, and tells miette where they sit in the whole source.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::Source;

/// Lines of context drawn around the labelled lines (miette draws one).
const CONTEXT_LINES: usize = 2;

/// Lines `first_line..` of a source, starting at byte `offset` of it.
#[derive(Debug)]
pub struct Window {
    name: String,
    text: String,
    offset: usize,
    first_line: usize,
}

impl Window {
    /// The lines of `source` from `CONTEXT_LINES` before byte `start` to
    /// `CONTEXT_LINES` after byte `end`.
    pub fn around(source: &Source, start: usize, end: usize) -> Window {
        let lines = source.line_starts();
        let text = &source.text;
        let line_of = |offset: usize| lines.partition_point(|&s| s <= offset).saturating_sub(1);
        let first_line = line_of(start.min(text.len())).saturating_sub(CONTEXT_LINES);
        let last_line = line_of(end.min(text.len())) + CONTEXT_LINES;
        let offset = lines[first_line];
        let stop = lines.get(last_line + 1).copied().unwrap_or(text.len());
        Window {
            name: source.name.clone(),
            text: text[offset..stop].to_string(),
            offset,
            first_line,
        }
    }
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let local = SourceSpan::new(span.offset().saturating_sub(self.offset).into(), span.len());
        let inner = self
            .text
            .read_span(&local, context_lines_before, context_lines_after)?;
        let whole = SourceSpan::new(
            (inner.span().offset() + self.offset).into(),
            inner.span().len(),
        );
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            whole,
            inner.line() + self.first_line,
            inner.column(),
            inner.line_count(),
        )))
    }
}
