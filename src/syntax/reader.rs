//! The reader: text → top-level [`Datum`]s, one at a time.
//!
//! A [`Reader`] lexes lazily and hands the tokens of one top-level datum at a
//! time to the parser, so reading a long program never holds more than one
//! datum's tokens. The text may also grow between calls (piped standard
//! input arrives a line at a time): a datum that is not finished at the end
//! of the text so far waits for more, and lexing resumes where the last
//! complete token ended.
//!
//! On the way to the parser a cheap [`Scanner`] tracks open brackets and quote
//! prefixes: it rejects nesting deeper than [`MAX_NESTING`] before any tree is
//! built, finds stray and mismatched closers, knows when a top-level datum is
//! complete, and remembers the innermost construct left open at end of input;
//! it also checks datum labels (`#0=` defined once per top-level datum, `#0#`
//! only after its definition and not as the labelled datum itself). Whichever
//! error comes first in the text is reported, and reading stops there.

use std::collections::HashMap;

use super::datum::Datum;
use super::lexer::{Lexer, Token};
use super::parser::{parse_tokens, partial_parse_error, ReadError, ReadErrorKind};
use super::span::{SourceId, Span};

/// The deepest nesting of lists, vectors, bytevectors and prefixes (`'`, `#;`,
/// …) the reader accepts; deeper input is rejected so that building, walking
/// and dropping the data cannot exhaust the stack.
pub const MAX_NESTING: usize = 10_000;

/// Reads the top-level data of one source; see the module documentation.
pub struct Reader {
    source: SourceId,
    /// Lines before the text this reader reads (for the line numbers that
    /// help messages mention), when the source continues a longer input.
    first_line: usize,
    /// Where lexing resumes: just after the last token taken.
    resume: usize,
    /// Whether `#!fold-case` is in effect at `resume`.
    fold_case: bool,
    fold_changes: Vec<(usize, bool)>,
    scanner: Scanner,
    /// The tokens of the top-level datum being read.
    tokens: Vec<(usize, Token, usize)>,
    /// Set after an error: the reader reads nothing more.
    failed: bool,
    /// Set when the text so far ends inside a token (a string or block
    /// comment still open, say).
    waiting: bool,
}

impl Reader {
    /// A reader of `source` from its first byte, with `#!fold-case` in effect
    /// if `fold_case`.
    pub fn new(source: SourceId, fold_case: bool) -> Reader {
        Reader::continuing(source, fold_case, 0)
    }

    /// A reader of a source that continues an input after `first_line` lines.
    pub fn continuing(source: SourceId, fold_case: bool, first_line: usize) -> Reader {
        Reader {
            source,
            first_line,
            resume: 0,
            fold_case,
            fold_changes: Vec::new(),
            scanner: Scanner::default(),
            tokens: Vec::new(),
            failed: false,
            waiting: false,
        }
    }

    /// Goes on reading at byte `offset`, forgetting any half-read datum and
    /// any error: how an interactive reader skips past bad input.
    pub fn restart_at(&mut self, offset: usize) {
        self.resume = offset;
        self.scanner = Scanner::default();
        self.tokens.clear();
        self.failed = false;
        self.waiting = false;
    }

    /// The next datum of `text`, the whole text of the source so far (each
    /// call passes the same text, possibly longer). `None` when the text so
    /// far holds no further complete datum: more text may follow unless
    /// `complete`, which says the text is all there is.
    pub fn next_datum(&mut self, text: &str, complete: bool) -> Option<Result<Datum, ReadError>> {
        if self.failed {
            return None;
        }
        self.waiting = false;
        let result = self.read(text, complete);
        if matches!(result, Some(Err(_))) {
            self.failed = true;
            self.tokens.clear();
        }
        result
    }

    /// Whether no datum is half read: the text so far ends between data.
    pub fn between_data(&self) -> bool {
        self.tokens.is_empty() && !self.failed && !self.waiting
    }

    /// Whether `#!fold-case` is in effect where reading stopped.
    pub fn fold_case(&self) -> bool {
        self.fold_case
    }

    /// Each `#!fold-case` / `#!no-fold-case` directive read so far: the offset
    /// just after it and the state it selects.
    pub fn fold_changes(&self) -> &[(usize, bool)] {
        &self.fold_changes
    }

    fn read(&mut self, text: &str, complete: bool) -> Option<Result<Datum, ReadError>> {
        let source = self.source;
        let mut lexer = Lexer::new(text, self.resume, self.fold_case);
        while let Some(next) = lexer.next_token() {
            // Without `complete`, a token that reaches the end of the text (or
            // a string or comment still open there) may go on in the next
            // line: it is read again when that line has arrived.
            let ends_text = match &next {
                Ok((_, _, end)) => *end >= text.len(),
                Err(error) => error.kind == ReadErrorKind::Incomplete || error.end >= text.len(),
            };
            if ends_text && !complete {
                self.waiting = true;
                return None;
            }
            let (start, token, end) = match next {
                Ok(token) => token,
                Err(error) => {
                    let error = ReadError::from_lex(error, source);
                    return Some(Err(self.earlier_error(text).unwrap_or(error)));
                }
            };
            self.resume = end;
            self.fold_case = lexer.fold_case();
            self.fold_changes.extend(lexer.take_fold_changes());
            let here = Span::new(source, start, end);
            let finished = match self.scanner.feed(&token, here, text, self.first_line) {
                Ok(finished) => finished,
                Err(error) => return Some(Err(self.earlier_error(text).unwrap_or(error))),
            };
            self.tokens.push((start, token, end));
            if finished {
                let tokens = std::mem::take(&mut self.tokens);
                match parse_tokens(tokens, text, source) {
                    Ok(mut data) => match data.pop() {
                        Some(datum) => return Some(Ok(datum)),
                        // The datum was a `#;` comment: read on.
                        None => continue,
                    },
                    Err(error) => return Some(Err(error)),
                }
            }
        }
        if !complete || self.tokens.is_empty() {
            return None;
        }
        let unclosed = self.scanner.unclosed(text, source);
        Some(Err(self.earlier_error(text).or(unclosed).unwrap_or_else(
            || {
                ReadError::new(
                    ReadErrorKind::Incomplete,
                    "unexpected end of input",
                    Span::new(source, text.len(), text.len()),
                )
            },
        )))
    }

    /// An error in the tokens of the unfinished datum, which comes before
    /// whatever stopped the reading.
    fn earlier_error(&mut self, text: &str) -> Option<ReadError> {
        let tokens = std::mem::take(&mut self.tokens);
        if tokens.is_empty() {
            return None;
        }
        partial_parse_error(tokens, text, self.source)
    }
}

/// Nesting state between tokens; see the module documentation.
#[derive(Default)]
struct Scanner {
    stack: Vec<Frame>,
    /// Datum labels defined so far in the current top-level datum, each with
    /// whether it was defined outside any datum comment.
    labels: HashMap<u64, bool>,
}

/// An open construct.
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

impl Scanner {
    /// Takes the next token; true when it completes a top-level datum.
    fn feed(
        &mut self,
        token: &Token,
        here: Span,
        text: &str,
        first_line: usize,
    ) -> Result<bool, ReadError> {
        let (start, end) = (here.start as usize, here.end as usize);
        if self.stack.is_empty() {
            self.labels.clear();
        }
        let in_comment = self.stack.last().is_some_and(|f| f.in_comment);
        if let Some(error) = check_label(token, &mut self.labels, &self.stack, in_comment, here) {
            return Err(error);
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
            if self.stack.len() >= MAX_NESTING {
                return Err(ReadError::new(
                    ReadErrorKind::Invalid,
                    format!("nesting too deep (more than {MAX_NESTING} levels)"),
                    here,
                )
                .with_help("split the data into smaller pieces"));
            }
            let in_comment = in_comment || opener == Opener::DatumComment;
            self.stack.push(Frame {
                start,
                end,
                opener,
                in_comment,
            });
            return Ok(false);
        }
        match token {
            Token::RParen | Token::RBracket => {
                let closer = if matches!(token, Token::RParen) {
                    ")"
                } else {
                    "]"
                };
                let Some(index) = self.stack.iter().rposition(|f| f.opener.is_list()) else {
                    let opener = if closer == ")" { "(" } else { "[" };
                    return Err(ReadError::new(
                        ReadErrorKind::Invalid,
                        format!("unexpected `{closer}` with no matching `{opener}`"),
                        here,
                    ));
                };
                let frame = &self.stack[index];
                if frame.opener.closer() != closer {
                    let open_text = &text[frame.start..frame.end];
                    let (line, column) = line_column(text, frame.start);
                    return Err(ReadError::new(
                        ReadErrorKind::Invalid,
                        format!(
                            "mismatched `{closer}`: expected `{}` to close `{open_text}`",
                            frame.opener.closer()
                        ),
                        here,
                    )
                    .with_help(format!(
                        "the `{open_text}` at line {}, column {column} must be closed with `{}`",
                        line + first_line,
                        frame.opener.closer()
                    )));
                }
                self.stack.truncate(index);
                complete_prefixes(&mut self.stack);
            }
            // A `.` is part of the list around it, never a datum alone.
            Token::Dot if !self.stack.is_empty() => return Ok(false),
            _ => complete_prefixes(&mut self.stack),
        }
        Ok(self.stack.is_empty())
    }

    /// The innermost construct still open, as an end-of-input error.
    fn unclosed(&self, text: &str, source: SourceId) -> Option<ReadError> {
        let frame = self.stack.last()?;
        let open_text = &text[frame.start..frame.end];
        let span = Span::new(source, frame.start, frame.end);
        Some(match frame.opener {
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
        })
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
