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
            first_line: first_line + source.first_line,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::SourceMap;

    #[test]
    fn a_window_holds_only_the_lines_around_its_labels() {
        let text: String = (1..=10_000).map(|i| format!("(line {i})\n")).collect();
        let mut map = SourceMap::default();
        let id = map.add("big.scm", &text);
        let source = map.get(id).unwrap();
        let start = text.find("(line 5000)").unwrap();
        let window = Window::around(source, start, start + 11);
        assert_eq!(window.first_line, 4997);
        assert_eq!(
            window.text,
            "(line 4998)\n(line 4999)\n(line 5000)\n(line 5001)\n(line 5002)\n"
        );
        assert_eq!(source.line_col(start + 6), (5000, 7));
    }

    #[test]
    fn a_report_far_into_a_source_shows_the_right_lines() {
        let text: String = (1..=10_000).map(|i| format!("(line {i})\n")).collect();
        let mut map = SourceMap::default();
        let id = map.add("big.scm", &text);
        let start = text.find("(line 9000)").unwrap() as u32;
        let error = crate::diagnostics::Error::new(crate::diagnostics::ErrorKind::Type, "bad").at(
            crate::syntax::Span {
                source: id,
                start,
                end: start + 11,
            },
        );
        let report = map.render(&error, false);
        assert!(report.contains("[big.scm:9000:1]"), "{report}");
        assert!(report.contains("9000 │ (line 9000)"), "{report}");
        assert!(report.contains("8999 │ (line 8999)"), "{report}");
        assert!(!report.contains("(line 8990)"), "{report}");
    }
}
