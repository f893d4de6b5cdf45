//! The tokenizer: source text → [`Token`]s with byte ranges.
//!
//! A logos state machine splits the text at delimiters; callbacks handle the
//! parts that need real code (strings, `|symbols|`, nested block comments,
//! everything after `#`, and deciding whether an atom is a number or a symbol).
//! Comments and whitespace never reach the parser.

use logos::{FilterResult, Logos};

use super::datum::NumberLiteral;
use super::number_literal::{parse_number_checked, NumberError};
use super::parser::ReadErrorKind;

/// One token of Scheme source, carrying owned values so the grammar can build
/// data without looking back at the text.
#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`, an alternative list bracket.
    LBracket,
    /// `]`
    RBracket,
    /// `#(`, starts a vector.
    VectorOpen,
    /// `#u8(`, starts a bytevector.
    BytevectorOpen,
    /// `'`
    Quote,
    /// `` ` ``
    Quasiquote,
    /// `,`
    Unquote,
    /// `,@`
    UnquoteSplicing,
    /// `#;`, which discards the next datum.
    DatumComment,
    /// `.` in a dotted list.
    Dot,
    /// `#t`, `#f`, `#true`, `#false`.
    Bool(bool),
    /// A numeric literal.
    Number(NumberLiteral),
    /// A character literal `#\…`.
    Char(char),
    /// A string literal with escapes already processed.
    String(String),
    /// An identifier, plain or `|…|`.
    Symbol(String),
    /// `#n=`, which labels the datum after it.
    LabelDef(u64),
    /// `#n#`, a reference to the datum labelled `n`.
    LabelRef(u64),
}

/// State the lexer carries from token to token.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LexState {
    /// Whether `#!fold-case` is in effect.
    pub fold_case: bool,
    /// Each `#!fold-case` / `#!no-fold-case` directive read: the offset just
    /// after it and the state it selects.
    pub fold_changes: Vec<(usize, bool)>,
    /// Where the lexed slice starts in the whole text: a `#!/…` line is
    /// skipped only at the very start of a file.
    pub base: usize,
}

/// A lexical error with the byte range it points at.
#[derive(Clone, Debug, PartialEq)]
pub struct LexError {
    /// Whether more input could fix it (e.g. an unterminated string).
    pub kind: ReadErrorKind,
    /// What went wrong, for the user.
    pub message: String,
    /// Byte offset where the offending text starts.
    pub start: usize,
    /// Byte offset where the offending text ends.
    pub end: usize,
    /// An optional hint on how to fix it.
    pub help: Option<String>,
}

impl Default for LexError {
    fn default() -> Self {
        LexError {
            kind: ReadErrorKind::Invalid,
            message: "unexpected character".into(),
            start: 0,
            end: 0,
            help: None,
        }
    }
}

impl LexError {
    fn invalid(message: impl Into<String>, start: usize, end: usize) -> LexError {
        LexError {
            kind: ReadErrorKind::Invalid,
            message: message.into(),
            start,
            end,
            help: None,
        }
    }

    fn incomplete(message: impl Into<String>, start: usize, end: usize) -> LexError {
        LexError {
            kind: ReadErrorKind::Incomplete,
            ..LexError::invalid(message, start, end)
        }
    }

    fn with_help(mut self, help: impl Into<String>) -> LexError {
        self.help = Some(help.into());
        self
    }

    fn from_lexer(lex: &mut logos::Lexer<'_, Raw>) -> LexError {
        let span = lex.span();
        LexError::invalid(
            format!("unexpected character `{}`", lex.slice()),
            span.start,
            span.end,
        )
    }
}

/// The logos-level token; converted to [`Token`] by [`Lexer::next_token`].
#[derive(Logos, Debug, PartialEq)]
#[logos(error(LexError, LexError::from_lexer))]
#[logos(extras = LexState)]
#[logos(skip r"\s+")]
#[logos(skip(r";[^\n]*", allow_greedy = true))]
enum Raw {
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("'")]
    Quote,
    #[token("`")]
    Quasiquote,
    #[token(",")]
    Unquote,
    #[token(",@")]
    UnquoteSplicing,
    #[token(".", priority = 10)]
    Dot,
    #[token("\"", lex_string)]
    String(String),
    #[token("|", lex_pipe_symbol)]
    PipeSymbol(String),
    #[token("#", lex_hash)]
    Hash(Token),
    #[regex(r#"[^\s()\[\]";|#'`,][^\s()\[\]";|]*"#, lex_atom)]
    Atom(Token),
}

/// Whether `c` ends an atom: the reader's delimiters, which the printer and
/// the REPL's completion build on.
pub fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '"' | ';' | '|')
}

/// Length in bytes of the run of non-delimiters at the start of `text`.
fn atom_len(text: &str) -> usize {
    text.find(is_delimiter).unwrap_or(text.len())
}

/// The tokens of `text` from byte `base` on, with offsets into the whole of
/// `text`. A reader of growing input (piped standard input) makes a new one
/// each time more text arrives, resuming where the last complete token ended
/// with the fold-case state in effect there.
pub struct Lexer<'a> {
    inner: logos::Lexer<'a, Raw>,
    base: usize,
}

impl<'a> Lexer<'a> {
    /// Lexes `text[base..]`, starting with `#!fold-case` in effect if
    /// `fold_case`.
    pub fn new(text: &'a str, base: usize, fold_case: bool) -> Lexer<'a> {
        let state = LexState {
            fold_case,
            fold_changes: Vec::new(),
            base,
        };
        Lexer {
            inner: Raw::lexer_with_extras(text.get(base..).unwrap_or_default(), state),
            base,
        }
    }

    /// The next token or lexical error, with offsets into the whole text.
    pub fn next_token(&mut self) -> Option<Result<(usize, Token, usize), LexError>> {
        let raw = self.inner.next()?;
        let span = self.inner.span();
        let base = self.base;
        Some(match raw {
            Ok(raw) => Ok((base + span.start, raw.into_token(), base + span.end)),
            Err(mut error) => {
                error.start += base;
                error.end += base;
                Err(error)
            }
        })
    }

    /// Whether `#!fold-case` is in effect after the tokens read so far.
    pub fn fold_case(&self) -> bool {
        self.inner.extras.fold_case
    }

    /// The fold-case directives read since the last call, each with the
    /// offset just after it (into the whole text) and the state it selects.
    pub fn take_fold_changes(&mut self) -> Vec<(usize, bool)> {
        let base = self.base;
        std::mem::take(&mut self.inner.extras.fold_changes)
            .into_iter()
            .map(|(at, on)| (base + at, on))
            .collect()
    }
}

impl Raw {
    fn into_token(self) -> Token {
        match self {
            Raw::LParen => Token::LParen,
            Raw::RParen => Token::RParen,
            Raw::LBracket => Token::LBracket,
            Raw::RBracket => Token::RBracket,
            Raw::Quote => Token::Quote,
            Raw::Quasiquote => Token::Quasiquote,
            Raw::Unquote => Token::Unquote,
            Raw::UnquoteSplicing => Token::UnquoteSplicing,
            Raw::Dot => Token::Dot,
            Raw::String(s) => Token::String(s),
            Raw::PipeSymbol(s) => Token::Symbol(s),
            Raw::Hash(t) | Raw::Atom(t) => t,
        }
    }
}

/// `name` case-folded character by character.
fn fold(name: &str) -> String {
    name.chars().flat_map(char::to_lowercase).collect()
}

fn lex_atom(lex: &mut logos::Lexer<'_, Raw>) -> Result<Token, LexError> {
    let text = lex.slice();
    match parse_number_checked(text, 10) {
        Ok(number) => Ok(Token::Number(number)),
        Err(NumberError::DivisionByZero) => {
            let span = lex.span();
            Err(LexError::invalid(
                "division by zero in literal",
                span.start,
                span.end,
            ))
        }
        Err(NumberError::NotNumber) if lex.extras.fold_case => Ok(Token::Symbol(fold(text))),
        Err(NumberError::NotNumber) => Ok(Token::Symbol(text.to_owned())),
    }
}

fn lex_string(lex: &mut logos::Lexer<'_, Raw>) -> Result<String, LexError> {
    lex_delimited(lex, '"', "string")
}

fn lex_pipe_symbol(lex: &mut logos::Lexer<'_, Raw>) -> Result<String, LexError> {
    lex_delimited(lex, '|', "`|` symbol")
}

/// Reads the body of a string or `|symbol|` up to the unescaped `close`,
/// processing R7RS escapes.
fn lex_delimited(
    lex: &mut logos::Lexer<'_, Raw>,
    close: char,
    what: &str,
) -> Result<String, LexError> {
    let open = lex.span().start;
    let base = lex.span().end;
    let rest = lex.remainder();
    let unterminated = || {
        LexError::incomplete(format!("unterminated {what}"), open, open + 1)
            .with_help(format!("add a closing `{close}`"))
    };
    let mut out = String::new();
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == close {
            lex.bump(i + 1);
            return Ok(out);
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let (j, e) = chars.next().ok_or_else(unterminated)?;
        let escape_error = |end: usize| {
            LexError::invalid(
                format!("invalid escape `{}` in {what}", &rest[i..end]),
                base + i,
                base + end,
            )
        };
        let simple = match e {
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            '0' => Some('\0'),
            '\\' | '"' | '|' => Some(e),
            _ => None,
        };
        if let Some(ch) = simple {
            out.push(ch);
            continue;
        }
        if e == 'x' || e == 'X' {
            let digits_start = j + 1;
            loop {
                match chars.next() {
                    None => return Err(unterminated()),
                    Some((k, ';')) => {
                        let hex = &rest[digits_start..k];
                        match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                            Some(ch) => {
                                out.push(ch);
                                break;
                            }
                            None => return Err(escape_error(k + 1).with_help(HEX_ESCAPE_HELP)),
                        }
                    }
                    Some((_, h)) if h.is_ascii_hexdigit() => {}
                    Some((k, h)) => {
                        let bad = if k == digits_start {
                            k + h.len_utf8()
                        } else {
                            k
                        };
                        return Err(escape_error(bad).with_help(HEX_ESCAPE_HELP));
                    }
                }
            }
            continue;
        }
        if matches!(e, ' ' | '\t' | '\n' | '\r') {
            // Line continuation: `\` intraline-space* line-ending intraline-space*.
            let mut seen_newline = false;
            let (mut k, mut w) = (j, e);
            loop {
                if matches!(w, '\n' | '\r') {
                    seen_newline = true;
                    if w == '\r' && matches!(chars.peek(), Some(&(_, '\n'))) {
                        chars.next();
                    }
                }
                match chars.peek() {
                    Some(&(k2, w2))
                        if matches!(w2, ' ' | '\t')
                            || (!seen_newline && matches!(w2, '\n' | '\r')) =>
                    {
                        chars.next();
                        (k, w) = (k2, w2);
                    }
                    _ => break,
                }
            }
            let last = k + w.len_utf8();
            if !seen_newline {
                return Err(escape_error(last)
                    .with_help("a `\\` before whitespace must be followed by a line break"));
            }
            continue;
        }
        return Err(escape_error(j + e.len_utf8()).with_help(
            "valid escapes are \\n \\t \\r \\a \\b \\0 \\\\ \\\" \\| \\x<hex>; and \\<newline>",
        ));
    }
    Err(unterminated())
}

fn lex_hash(lex: &mut logos::Lexer<'_, Raw>) -> FilterResult<Token, LexError> {
    let start = lex.span().start;
    let rest = lex.remainder();
    let Some(next) = rest.chars().next() else {
        return FilterResult::Error(
            LexError::invalid("unexpected end of input after `#`", start, start + 1)
                .with_help(HASH_HELP),
        );
    };
    match next {
        '!' if start + lex.extras.base == 0
            && (rest.starts_with("!/") || rest.starts_with("! ")) =>
        {
            // A script's `#!/usr/bin/env …` line.
            lex.bump(rest.find('\n').unwrap_or(rest.len()));
            FilterResult::Skip
        }
        '(' => {
            lex.bump(1);
            FilterResult::Emit(Token::VectorOpen)
        }
        ';' => {
            lex.bump(1);
            FilterResult::Emit(Token::DatumComment)
        }
        '|' => match block_comment_len(&rest[1..]) {
            Some(len) => {
                lex.bump(1 + len);
                FilterResult::Skip
            }
            None => FilterResult::Error(
                LexError::incomplete("unterminated block comment", start, start + 2)
                    .with_help("close it with `|#`"),
            ),
        },
        '\\' => match lex_char(&rest[1..], start, lex.extras.fold_case) {
            Ok((ch, len)) => {
                lex.bump(1 + len);
                FilterResult::Emit(Token::Char(ch))
            }
            Err(error) => FilterResult::Error(error),
        },
        '0'..='9' if matches!(rest.as_bytes().get(label_digits(rest)), Some(b'=' | b'#')) => {
            let digits = label_digits(rest);
            let marker = rest.as_bytes()[digits];
            let end = start + digits + 2;
            let Ok(n) = rest[..digits].parse::<u64>() else {
                return FilterResult::Error(LexError::invalid(
                    format!("datum label `{}` is too large", &rest[..=digits]),
                    start,
                    end,
                ));
            };
            lex.bump(digits + 1);
            FilterResult::Emit(if marker == b'=' {
                Token::LabelDef(n)
            } else {
                Token::LabelRef(n)
            })
        }
        _ if rest.starts_with("u8(") || rest.starts_with("U8(") => {
            lex.bump(3);
            FilterResult::Emit(Token::BytevectorOpen)
        }
        _ => {
            let len = atom_len(rest);
            let end = start + 1 + len;
            lex.bump(len);
            let text = lex.slice();
            match text {
                "#t" | "#true" | "#T" => return FilterResult::Emit(Token::Bool(true)),
                "#f" | "#false" | "#F" => return FilterResult::Emit(Token::Bool(false)),
                "#!fold-case" | "#!no-fold-case" => {
                    let on = text == "#!fold-case";
                    lex.extras.fold_case = on;
                    lex.extras.fold_changes.push((end, on));
                    return FilterResult::Skip;
                }
                _ => {}
            }
            match parse_number_checked(text, 10) {
                Ok(number) => FilterResult::Emit(Token::Number(number)),
                Err(NumberError::DivisionByZero) => FilterResult::Error(LexError::invalid(
                    "division by zero in literal",
                    start,
                    end,
                )),
                Err(NumberError::NotNumber) => {
                    let prefix = text[1..].chars().next().map(|c| c.to_ascii_lowercase());
                    let error = if matches!(prefix, Some('x' | 'b' | 'o' | 'd' | 'e' | 'i')) {
                        LexError::invalid(format!("invalid number `{text}`"), start, end).with_help(
                            "number prefixes are #x (hex), #b (binary), #o (octal), \
                                 #d (decimal), #e (exact) and #i (inexact)",
                        )
                    } else {
                        LexError::invalid(format!("unknown syntax `{text}`"), start, end)
                            .with_help(HASH_HELP)
                    };
                    FilterResult::Error(error)
                }
            }
        }
    }
}

const HEX_ESCAPE_HELP: &str = "write `\\x` followed by hex digits and `;`, e.g. `\\x41;`";

const HASH_HELP: &str = "`#` starts booleans (#t, #f), characters (#\\a), vectors #(…), \
                         bytevectors #u8(…), number prefixes (#x, #e, …), datum labels (#0=, #0#) \
                         and comments (#| |#, #;)";

/// The number of ASCII digits at the start of `text`.
fn label_digits(text: &str) -> usize {
    text.bytes().take_while(u8::is_ascii_digit).count()
}

/// Reads a character literal after `#\`; returns the char and the bytes used.
/// `hash` is the offset of the `#`, for error spans; `fold_case` folds names.
fn lex_char(rest: &str, hash: usize, fold_case: bool) -> Result<(char, usize), LexError> {
    let Some(first) = rest.chars().next() else {
        return Err(LexError::invalid(
            "expected a character after `#\\`",
            hash,
            hash + 2,
        ));
    };
    let first_len = first.len_utf8();
    if is_delimiter(first) {
        return Ok((first, first_len));
    }
    let len = first_len + atom_len(&rest[first_len..]);
    let name = &rest[..len];
    if len == first_len {
        return Ok((first, len));
    }
    let folded;
    let name = if fold_case {
        folded = fold(name);
        folded.as_str()
    } else {
        name
    };
    let named = match name {
        "space" => Some(' '),
        "newline" | "linefeed" => Some('\n'),
        "tab" => Some('\t'),
        "nul" | "null" => Some('\0'),
        "alarm" => Some('\u{7}'),
        "backspace" => Some('\u{8}'),
        "delete" | "rubout" => Some('\u{7f}'),
        "escape" | "altmode" => Some('\u{1b}'),
        "return" => Some('\r'),
        _ => None,
    };
    if let Some(ch) = named {
        return Ok((ch, len));
    }
    let end = hash + 2 + len;
    if let Some(hex) = name.strip_prefix(['x', 'X']) {
        if hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .map(|ch| (ch, len))
                .ok_or_else(|| {
                    LexError::invalid(
                        format!("`#\\{name}` is not a valid Unicode scalar value"),
                        hash,
                        end,
                    )
                });
        }
    }
    Err(
        LexError::invalid(format!("unknown character name `#\\{name}`"), hash, end).with_help(
            "named characters are space, newline, tab, nul, null, alarm, backspace, \
             delete, escape, return, linefeed; or use #\\x<hex>",
        ),
    )
}

/// Length of a block comment body after `#|`, including the closing `|#`,
/// honouring nesting; `None` if it is never closed.
fn block_comment_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 1usize;
    let mut i = 0;
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'|', b'#') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            (b'#', b'|') => {
                depth += 1;
                i += 2;
            }
            _ => i += 1,
        }
    }
    None
}
