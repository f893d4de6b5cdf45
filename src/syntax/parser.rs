//! Parser glue (stub).
use super::datum::Datum;
use super::span::{SourceId, Span};

/// Whether a read error means "more input would fix it".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadErrorKind {
    Incomplete,
    Invalid,
}

/// A read error with the place it points at.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadError {
    pub kind: ReadErrorKind,
    pub message: String,
    pub span: Span,
    pub help: Option<String>,
}

/// Reads every datum in `text` (stub).
pub fn parse_program(_text: &str, source: SourceId) -> Result<Vec<Datum>, ReadError> {
    Err(ReadError {
        kind: ReadErrorKind::Invalid,
        message: "reader not built yet".into(),
        span: Span::new(source, 0, 0),
        help: None,
    })
}
