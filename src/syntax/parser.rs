//! Parser glue: the tokens of one datum → a [`Datum`], and every failure → a
//! [`ReadError`].
//!
//! The [`super::reader::Reader`] cuts the token stream into top-level data and
//! checks their nesting; the LALRPOP parser (grammar in
//! `grammar/eshkol.lalrpop`) builds each datum from its tokens.

use lalrpop_util::ParseError;

use super::datum::{Datum, DatumKind, NumberLiteral};
use super::lexer::{LexError, Token};
use super::reader::Reader;
use super::span::{SourceId, Span};

lalrpop_util::lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        unused_imports,
        unused_parens,
        dead_code
    )]
    grammar,
    "/eshkol.rs"
);

pub use super::reader::MAX_NESTING;

/// Whether a read error means "more input would fix it".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadErrorKind {
    /// The input ended too early (unclosed list, string, comment, dangling
    /// quote); a REPL should ask for another line.
    Incomplete,
    /// The input is wrong no matter what follows.
    Invalid,
}

/// A read error with the place it points at.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadError {
    /// Whether more input could fix the error.
    pub kind: ReadErrorKind,
    /// What went wrong, for the user.
    pub message: String,
    /// The text the error points at.
    pub span: Span,
    /// An optional hint on how to fix it.
    pub help: Option<String>,
}

impl ReadError {
    pub(super) fn new(kind: ReadErrorKind, message: impl Into<String>, span: Span) -> ReadError {
        ReadError {
            kind,
            message: message.into(),
            span,
            help: None,
        }
    }

    pub(super) fn with_help(mut self, help: impl Into<String>) -> ReadError {
        self.help = Some(help.into());
        self
    }

    pub(super) fn from_lex(error: LexError, source: SourceId) -> ReadError {
        ReadError {
            kind: error.kind,
            message: error.message,
            span: Span::new(source, error.start, error.end),
            help: error.help,
        }
    }
}

/// Reads every datum in `text`, whose spans refer to `source`. A byte-order
/// mark at the start is skipped, and spans count from after it, to match the
/// text [`crate::diagnostics::SourceMap::add`] keeps.
pub fn parse_program(text: &str, source: SourceId) -> Result<Vec<Datum>, ReadError> {
    parse_program_with(strip_bom(text), source, false).map(|parsed| parsed.data)
}

/// `text` without the UTF-8 byte-order mark (U+FEFF) it may start with.
///
/// Editors on Windows often save files with one; it is not part of the
/// program (it would otherwise read as a symbol). Source text is stripped
/// once, where it is registered ([`crate::diagnostics::SourceMap::add`]) and
/// where it is parsed ([`parse_program`]), so spans, lines and columns all
/// count from after the mark, whichever of the two a caller uses first.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// What [`parse_program_with`] read.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The data, in order.
    pub data: Vec<Datum>,
    /// Each `#!fold-case` / `#!no-fold-case` directive: the offset just after
    /// it and the state it selects.
    pub fold_changes: Vec<(usize, bool)>,
}

impl Parsed {
    /// Whether case folding is in effect at byte offset `pos`, given the state
    /// `initial` at the start of the text.
    pub fn fold_case_at(&self, pos: usize, initial: bool) -> bool {
        self.fold_changes
            .iter()
            .take_while(|(at, _)| *at <= pos)
            .last()
            .map_or(initial, |(_, on)| *on)
    }
}

/// Reads every datum in `text` like [`parse_program`], starting with
/// `#!fold-case` in effect if `fold_case`, and reports the fold-case
/// directives seen.
pub fn parse_program_with(
    text: &str,
    source: SourceId,
    fold_case: bool,
) -> Result<Parsed, ReadError> {
    let mut reader = Reader::new(source, fold_case);
    let mut data = Vec::new();
    while let Some(datum) = reader.next_datum(text, true) {
        data.push(datum?);
    }
    Ok(Parsed {
        data,
        fold_changes: reader.fold_changes().to_vec(),
    })
}

/// Parses the tokens of one top-level datum (with the prefixes and `#;`
/// comments before it): the datum, or none if it was commented out.
pub(super) fn parse_tokens(
    tokens: Vec<(usize, Token, usize)>,
    text: &str,
    source: SourceId,
) -> Result<Vec<Datum>, ReadError> {
    let places = places_of(&tokens);
    grammar::ProgramParser::new()
        .parse(source, tokens.into_iter().map(Ok))
        .map_err(|error| convert_parse_error(error, text, &places, source))
}

/// The error in the tokens of an unfinished datum, if there is one before
/// their end (running out of tokens is the only `Incomplete` parse error).
pub(super) fn partial_parse_error(
    tokens: Vec<(usize, Token, usize)>,
    text: &str,
    source: SourceId,
) -> Option<ReadError> {
    parse_tokens(tokens, text, source)
        .err()
        .filter(|error| error.kind != ReadErrorKind::Incomplete)
}

/// Where each token sits, for error messages.
fn places_of(tokens: &[(usize, Token, usize)]) -> Vec<Place> {
    tokens
        .iter()
        .map(|(start, token, end)| Place {
            start: *start,
            end: *end,
            is_dot: matches!(token, Token::Dot),
            prefix: matches!(
                token,
                Token::Quote
                    | Token::Quasiquote
                    | Token::Unquote
                    | Token::UnquoteSplicing
                    | Token::DatumComment
                    | Token::LabelDef(_)
            ),
        })
        .collect()
}

/// What the LALRPOP actions build a bytevector from: checks each element.
fn bytevector(items: Vec<Datum>, span: Span) -> Result<Datum, ParseError<usize, Token, ReadError>> {
    let mut bytes = Vec::with_capacity(items.len());
    for item in &items {
        match &item.kind {
            DatumKind::Number(NumberLiteral::Fixnum(n)) if (0..=255).contains(n) => {
                bytes.push(*n as u8)
            }
            _ => {
                return Err(ParseError::User {
                    error: ReadError::new(
                        ReadErrorKind::Invalid,
                        "bytevector element must be an exact integer between 0 and 255",
                        item.span,
                    ),
                })
            }
        }
    }
    Ok(Datum::new(DatumKind::Bytevector(bytes), span))
}

/// Checks that a dotted list has at least one element before its `.`.
fn dotted_head(
    items: Vec<Datum>,
    dot: Span,
) -> Result<Vec<Datum>, ParseError<usize, Token, ReadError>> {
    if items.is_empty() {
        return Err(ParseError::User {
            error: ReadError::new(
                ReadErrorKind::Invalid,
                "unexpected `.`: a dotted list needs at least one datum before the `.`",
                dot,
            ),
        });
    }
    Ok(items)
}

/// Position of a token fed to the parser, for error messages.
struct Place {
    start: usize,
    end: usize,
    is_dot: bool,
    /// Whether the token needs a datum after it (`'`, `#;`, `#0=`, …).
    prefix: bool,
}

/// Turns a LALRPOP error into a user-facing [`ReadError`].
fn convert_parse_error(
    error: ParseError<usize, Token, ReadError>,
    text: &str,
    places: &[Place],
    source: SourceId,
) -> ReadError {
    match error {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => ReadError::new(
            ReadErrorKind::Invalid,
            "invalid token",
            Span::new(source, location, location),
        ),
        ParseError::UnrecognizedEof { location, expected } => ReadError::new(
            ReadErrorKind::Incomplete,
            with_expected("unexpected end of input".into(), &expected),
            Span::new(source, location, location),
        ),
        ParseError::ExtraToken {
            token: (start, _, end),
        } => ReadError::new(
            ReadErrorKind::Invalid,
            format!("unexpected {}", describe(text, start, end)),
            Span::new(source, start, end),
        ),
        ParseError::UnrecognizedToken {
            token: (start, token, end),
            expected,
        } => {
            let is_closer = matches!(token, Token::RParen | Token::RBracket);
            let index = places.partition_point(|p| p.start < start);
            if is_closer && index > 0 && places[index - 1].is_dot {
                let dot = &places[index - 1];
                return ReadError::new(
                    ReadErrorKind::Invalid,
                    "expected a datum after `.`",
                    Span::new(source, dot.start, dot.end),
                )
                .with_help("a dotted list ends with `. datum`, as in `(a b . c)`");
            }
            let message = with_expected(
                format!("unexpected {}", describe(text, start, end)),
                &expected,
            );
            let mut error = ReadError::new(
                ReadErrorKind::Invalid,
                message,
                Span::new(source, start, end),
            );
            let wants_datum = expected.iter().any(|e| is_datum_start(e));
            let wants_closer = expected.iter().any(|e| matches!(terminal(e), ")" | "]"));
            let after_prefix = index
                .checked_sub(1)
                .and_then(|i| places.get(i))
                .filter(|p| p.prefix);
            if let Some(prefix) = after_prefix {
                let prefix = text.get(prefix.start..prefix.end).unwrap_or("");
                error = error.with_help(format!("`{prefix}` must be followed by a datum"));
            } else if wants_closer && !wants_datum {
                error = error.with_help("only one datum may follow `.` in a dotted list");
            } else if matches!(token, Token::Dot) {
                error = error.with_help("`.` may only appear inside a list, as in `(a b . c)`");
            }
            error
        }
    }
}

/// The terminal's name as written in the grammar, without LALRPOP's quotes.
fn terminal(expected: &str) -> &str {
    expected
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(expected)
}

fn is_datum_start(expected: &str) -> bool {
    matches!(
        terminal(expected),
        "(" | "["
            | "#("
            | "#u8("
            | "'"
            | "`"
            | ","
            | ",@"
            | "boolean"
            | "number"
            | "character"
            | "string"
            | "symbol"
            | "label"
            | "label-ref"
    )
}

/// Appends ", expected …" naming what the grammar would have accepted.
fn with_expected(mut message: String, expected: &[String]) -> String {
    let mut wanted: Vec<&str> = Vec::new();
    if expected.iter().any(|e| is_datum_start(e)) {
        wanted.push("a datum");
    }
    for closer in [")", "]"] {
        if expected.iter().any(|e| terminal(e) == closer) {
            wanted.push(if closer == ")" { "`)`" } else { "`]`" });
        }
    }
    if let Some((last, rest)) = wanted.split_last() {
        message.push_str(", expected ");
        if !rest.is_empty() {
            message.push_str(&rest.join(", "));
            message.push_str(" or ");
        }
        message.push_str(last);
    }
    message
}

/// The token's source text in backquotes, shortened if long.
fn describe(text: &str, start: usize, end: usize) -> String {
    let slice = text.get(start..end).unwrap_or("");
    let mut shown: String = slice.chars().take(40).collect();
    if shown.len() < slice.len() {
        shown.push('…');
    }
    if shown.is_empty() {
        "end of input".into()
    } else {
        format!("`{shown}`")
    }
}
