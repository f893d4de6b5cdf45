//! The texts errors point into: every loaded file, REPL entry and included
//! file, with line lookup and the rendering of an error against its text.

use super::Error;
use crate::syntax::{SourceId, Span};

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
        super::report::render(self, error, color, miette::Severity::Error)
    }

    /// [`SourceMap::render`] for a warning: drawn with the warning mark,
    /// for findings that do not stop anything (`eshkol --check`).
    pub fn render_warning(&self, error: &Error, color: bool) -> String {
        super::report::render(self, error, color, miette::Severity::Warning)
    }
}
