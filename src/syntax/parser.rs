//! Parser glue: tokens → [`Datum`]s, and every failure → a [`ReadError`].
//!
//! Reading happens in three steps. The lexer turns the whole text into tokens
//! (stopping at the first lexical error). A cheap linear pre-scan of the tokens
//! tracks open brackets and quote prefixes: it rejects nesting deeper than
//! [`MAX_NESTING`] before any tree is built, finds stray and mismatched closers,
//! and remembers the innermost construct left open at end of input; it also
//! checks datum labels (`#0=` defined once per top-level datum, `#0#` only after
//! its definition and not as the labelled datum itself). Finally the
//! LALRPOP parser (grammar in `grammar/eshkol.lalrpop`) builds the data from the
//! tokens before the first pre-scan error; whichever error comes first in the
//! text is reported.

use std::collections::HashMap;

use lalrpop_util::ParseError;

use super::datum::{Datum, DatumKind, NumberLiteral};
use super::lexer::{lex_all, LexError, Token};
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

/// The deepest nesting of lists, vectors, bytevectors and prefixes (`'`, `#;`,
/// …) the reader accepts; deeper input is rejected so that building, walking
/// and dropping the data cannot exhaust the stack.
pub const MAX_NESTING: usize = 10_000;

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
    fn new(kind: ReadErrorKind, message: impl Into<String>, span: Span) -> ReadError {
        ReadError {
            kind,
            message: message.into(),
            span,
            help: None,
        }
    }

    fn with_help(mut self, help: impl Into<String>) -> ReadError {
        self.help = Some(help.into());
        self
    }

    fn from_lex(error: LexError, source: SourceId) -> ReadError {
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
    let lexed = lex_all(text, fold_case);
    let mut tokens = lexed.tokens;
    let lex_error = lexed.error.map(|error| ReadError::from_lex(error, source));
    let scan = prescan(&tokens, text, source);
    tokens.truncate(scan.cut);
    let places: Vec<Place> = tokens
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
        .collect();
    let parsed = grammar::ProgramParser::new().parse(source, tokens.into_iter().map(Ok));
    match parsed {
        Ok(data) => match scan.error.or(lex_error) {
            Some(error) => Err(error),
            None => Ok(Parsed {
                data,
                fold_changes: lexed.fold_changes,
            }),
        },
        Err(ParseError::UnrecognizedEof { location, .. }) => Err(scan
            .error
            .or(lex_error)
            .or(scan.unclosed)
            .unwrap_or_else(|| {
                ReadError::new(
                    ReadErrorKind::Incomplete,
                    "unexpected end of input",
                    Span::new(source, location, location),
                )
            })),
        Err(error) => Err(convert_parse_error(error, text, &places, source)),
    }
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

/// Outcome of [`prescan`].
struct Scan {
    /// How many tokens may be given to the parser: all of them, or those
    /// before the token that caused `error`.
    cut: usize,
    /// A structural error: nesting too deep, stray or mismatched closer.
    error: Option<ReadError>,
    /// The innermost construct still open at end of input, as an error.
    unclosed: Option<ReadError>,
}

/// An open construct during the pre-scan.
struct Frame {
    start: usize,
    end: usize,
    opener: Opener,
    /// Whether this construct is inside (or is) a `#;` datum comment.
    in_comment: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Opener {
    Paren,
    Bracket,
    Vector,
    Bytevector,
    /// `'`, `` ` ``, `,` or `,@`, waiting for its datum.
    Prefix,
    /// `#;`, waiting for the datum it discards.
    DatumComment,
    /// `#n=`, waiting for the datum it labels.
    Label(u64),
}

impl Opener {
    fn is_list(self) -> bool {
        !matches!(
            self,
            Opener::Prefix | Opener::DatumComment | Opener::Label(_)
        )
    }

    fn closer(self) -> &'static str {
        match self {
            Opener::Bracket => "]",
            _ => ")",
        }
    }
}

/// Tracks nesting over the token stream without building anything; see the
/// module documentation.
fn prescan(tokens: &[(usize, Token, usize)], text: &str, source: SourceId) -> Scan {
    let mut stack: Vec<Frame> = Vec::new();
    // Datum labels defined so far in the current top-level datum, each with
    // whether it was defined outside any datum comment.
    let mut labels: HashMap<u64, bool> = HashMap::new();
    for (index, (start, token, end)) in tokens.iter().enumerate() {
        let (start, end) = (*start, *end);
        let stop = |error: ReadError| Scan {
            cut: index,
            error: Some(error),
            unclosed: None,
        };
        if stack.is_empty() {
            labels.clear();
        }
        let in_comment = stack.last().is_some_and(|f| f.in_comment);
        let here = Span::new(source, start, end);
        if let Some(error) = check_label(token, &mut labels, &stack, in_comment, here) {
            return stop(error);
        }
        let opener = match token {
            Token::LParen => Some(Opener::Paren),
            Token::LBracket => Some(Opener::Bracket),
            Token::VectorOpen => Some(Opener::Vector),
            Token::BytevectorOpen => Some(Opener::Bytevector),
            Token::Quote | Token::Quasiquote | Token::Unquote | Token::UnquoteSplicing => {
                Some(Opener::Prefix)
            }
            Token::DatumComment => Some(Opener::DatumComment),
            Token::LabelDef(n) => Some(Opener::Label(*n)),
            _ => None,
        };
        if let Some(opener) = opener {
            if stack.len() >= MAX_NESTING {
                return stop(
                    ReadError::new(
                        ReadErrorKind::Invalid,
                        format!("nesting too deep (more than {MAX_NESTING} levels)"),
                        Span::new(source, start, end),
                    )
                    .with_help("split the data into smaller pieces"),
                );
            }
            let in_comment = in_comment || opener == Opener::DatumComment;
            stack.push(Frame {
                start,
                end,
                opener,
                in_comment,
            });
            continue;
        }
        match token {
            Token::RParen | Token::RBracket => {
                let closer = if matches!(token, Token::RParen) {
                    ")"
                } else {
                    "]"
                };
                let Some(index) = stack.iter().rposition(|f| f.opener.is_list()) else {
                    let opener = if closer == ")" { "(" } else { "[" };
                    return stop(ReadError::new(
                        ReadErrorKind::Invalid,
                        format!("unexpected `{closer}` with no matching `{opener}`"),
                        Span::new(source, start, end),
                    ));
                };
                let frame = &stack[index];
                if frame.opener.closer() != closer {
                    let open_text = &text[frame.start..frame.end];
                    let (line, column) = line_column(text, frame.start);
                    return stop(
                        ReadError::new(
                            ReadErrorKind::Invalid,
                            format!(
                                "mismatched `{closer}`: expected `{}` to close `{open_text}`",
                                frame.opener.closer()
                            ),
                            Span::new(source, start, end),
                        )
                        .with_help(format!(
                            "the `{open_text}` at line {line}, column {column} must be closed \
                             with `{}`",
                            frame.opener.closer()
                        )),
                    );
                }
                stack.truncate(index);
                complete_prefixes(&mut stack);
            }
            Token::Dot => {}
            _ => complete_prefixes(&mut stack),
        }
    }
    let unclosed = stack.last().map(|frame| {
        let open_text = &text[frame.start..frame.end];
        let span = Span::new(source, frame.start, frame.end);
        match frame.opener {
            Opener::DatumComment => ReadError::new(
                ReadErrorKind::Incomplete,
                "expected a datum to comment out after `#;` before end of input",
                span,
            ),
            Opener::Prefix | Opener::Label(_) => ReadError::new(
                ReadErrorKind::Incomplete,
                format!("expected a datum after `{open_text}` before end of input"),
                span,
            ),
            opener => ReadError::new(
                ReadErrorKind::Incomplete,
                format!(
                    "unclosed `{open_text}`: expected `{}` before end of input",
                    opener.closer()
                ),
                span,
            ),
        }
    });
    Scan {
        cut: tokens.len(),
        error: None,
        unclosed,
    }
}

/// Checks a datum label token against the labels defined so far in the
/// current top-level datum (`labels`, each with whether it was defined outside
/// any datum comment), and records a definition.
fn check_label(
    token: &Token,
    labels: &mut HashMap<u64, bool>,
    stack: &[Frame],
    in_comment: bool,
    here: Span,
) -> Option<ReadError> {
    match token {
        Token::LabelDef(n) => labels.insert(*n, !in_comment).map(|_| {
            ReadError::new(
                ReadErrorKind::Invalid,
                format!("datum label `#{n}=` is defined twice"),
                here,
            )
            .with_help("each label may be defined once per datum; refer to it with `#n#`")
        }),
        Token::LabelRef(n) => {
            let defined = labels.get(n).is_some_and(|outside| *outside || in_comment);
            if !defined {
                return Some(
                    ReadError::new(
                        ReadErrorKind::Invalid,
                        format!("undefined datum label `#{n}#`"),
                        here,
                    )
                    .with_help(format!("define it with `#{n}=` earlier in the same datum")),
                );
            }
            let labelling = stack
                .iter()
                .rev()
                .map_while(|f| match f.opener {
                    Opener::Label(m) => Some(m),
                    _ => None,
                })
                .any(|m| m == *n);
            labelling.then(|| {
                ReadError::new(
                    ReadErrorKind::Invalid,
                    format!("datum label `#{n}#` refers to itself"),
                    here,
                )
            })
        }
        _ => None,
    }
}

/// A datum just ended: the prefixes waiting for it are satisfied. A quote
/// prefix then forms a datum itself, satisfying the prefix before it; a `#;`
/// swallows the datum, so completion stops there.
fn complete_prefixes(stack: &mut Vec<Frame>) {
    while let Some(frame) = stack.last() {
        match frame.opener {
            Opener::Prefix | Opener::Label(_) => {
                stack.pop();
            }
            Opener::DatumComment => {
                stack.pop();
                return;
            }
            _ => return,
        }
    }
}

/// 1-based line and column (in characters) of byte offset `pos`.
fn line_column(text: &str, pos: usize) -> (usize, usize) {
    let before = &text[..pos];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
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
