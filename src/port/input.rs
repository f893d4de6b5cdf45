//! An input port's bytes and read position: UTF-8 decoding, lines, peeks, and
//! `read` of data with its cache of already parsed data.

use std::collections::VecDeque;

use super::stdin::{note_line_taken_by_port, read_stdin_line};
use crate::diagnostics::io_reason;
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::syntax::{parse_program_with, ReadErrorKind, SourceId};
use crate::value::Value;

/// An input port's bytes and position.
pub(super) struct Input {
    pub(super) buf: Vec<u8>,
    pub(super) pos: usize,
    /// Refill from standard input when the buffer runs out.
    pub(super) stdin: bool,
    /// Standard input reported end of file.
    pub(super) at_end: bool,
    /// Data already parsed by `read`, each with the position just after it
    /// and whether `#!fold-case` is in effect there: valid while the port's
    /// position is `cache_from`.
    pub(super) cache: VecDeque<(Value, usize, bool)>,
    pub(super) cache_from: usize,
    /// Whether `#!fold-case` is in effect at `pos`.
    pub(super) fold_case: bool,
}

impl Input {
    pub(super) fn new(buf: Vec<u8>, stdin: bool) -> Input {
        Input {
            buf,
            pos: 0,
            stdin,
            at_end: false,
            cache: VecDeque::new(),
            cache_from: 0,
            fold_case: false,
        }
    }

    /// Reads another line of standard input into the buffer; false at end.
    pub(super) fn refill(&mut self) -> Result<bool> {
        if !self.stdin || self.at_end {
            return Ok(false);
        }
        if self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
            self.cache.clear();
        }
        let mut line = Vec::new();
        let n = read_stdin_line(&mut line, &mut || {}).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot read input: {}", io_reason(&e)),
            )
        })?;
        if n == 0 {
            self.at_end = true;
            return Ok(false);
        }
        note_line_taken_by_port();
        self.buf.extend_from_slice(&line);
        Ok(true)
    }

    /// Makes at least one byte available unless the input is exhausted.
    pub(super) fn fill(&mut self) -> Result<bool> {
        while self.pos >= self.buf.len() {
            if !self.refill()? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The next character and its length in bytes, without consuming it.
    pub(super) fn peek_char(&mut self) -> Result<Option<(char, usize)>> {
        if !self.fill()? {
            return Ok(None);
        }
        let rest = self.buf.get(self.pos..).unwrap_or_default();
        let chunk = rest.get(..4).unwrap_or(rest);
        let text = match std::str::from_utf8(chunk) {
            Ok(text) => text,
            Err(e) => std::str::from_utf8(chunk.get(..e.valid_up_to()).unwrap_or_default())
                .unwrap_or_default(),
        };
        Ok(Some(match text.chars().next() {
            Some(c) => (c, c.len_utf8()),
            None => (char::REPLACEMENT_CHARACTER, 1),
        }))
    }

    pub(super) fn read_char(&mut self) -> Result<Option<char>> {
        let next = self.peek_char()?;
        if let Some((_, len)) = next {
            self.pos += len;
        }
        Ok(next.map(|(c, _)| c))
    }

    pub(super) fn peek_byte(&mut self) -> Result<Option<u8>> {
        if !self.fill()? {
            return Ok(None);
        }
        Ok(self.buf.get(self.pos).copied())
    }

    /// Reads one datum: `Value::Eof` when only whitespace and comments remain.
    pub(super) fn read_datum(&mut self) -> Result<Value> {
        if !self.stdin && self.cache_from == self.pos {
            if let Some((value, end, fold_case)) = self.cache.pop_front() {
                self.pos = end;
                self.fold_case = fold_case;
                self.cache_from = end;
                return Ok(value);
            }
        }
        self.cache.clear();
        loop {
            let rest = self.buf.get(self.pos..).unwrap_or_default();
            let (text, bad_utf8) = match std::str::from_utf8(rest) {
                Ok(text) => (text, false),
                Err(e) => (
                    std::str::from_utf8(rest.get(..e.valid_up_to()).unwrap_or_default())
                        .unwrap_or_default(),
                    true,
                ),
            };
            let base = self.pos;
            match parse_program_with(text, SourceId(0), self.fold_case) {
                Ok(parsed) if parsed.data.is_empty() => {
                    if bad_utf8 {
                        return Err(read_error("the input is not valid UTF-8"));
                    }
                    if self.refill()? {
                        continue;
                    }
                    self.pos = self.buf.len();
                    return Ok(Value::Eof);
                }
                Ok(parsed) => {
                    let mut values = Vec::with_capacity(parsed.data.len());
                    for d in &parsed.data {
                        let end = d.span.end as usize;
                        values.push((
                            datum_value(d)?,
                            base + end,
                            parsed.fold_case_at(end, self.fold_case),
                        ));
                    }
                    let mut values = values.into_iter();
                    let Some((first, end, fold_case)) = values.next() else {
                        return Ok(Value::Eof);
                    };
                    if !self.stdin {
                        self.cache = values.collect();
                        self.cache_from = end;
                    }
                    self.pos = end;
                    self.fold_case = fold_case;
                    return Ok(first);
                }
                Err(error) => {
                    let stop = error.span.start as usize;
                    if stop > 0 {
                        if let Some(Ok(parsed)) = text
                            .get(..stop)
                            .map(|t| parse_program_with(t, SourceId(0), self.fold_case))
                        {
                            if let Some(first) = parsed.data.first() {
                                let end = first.span.end as usize;
                                if end <= stop {
                                    let value = datum_value(first)?;
                                    self.pos = base + end;
                                    self.fold_case = parsed.fold_case_at(end, self.fold_case);
                                    return Ok(value);
                                }
                            }
                        }
                    }
                    if error.kind == ReadErrorKind::Incomplete && self.refill()? {
                        continue;
                    }
                    return Err(read_error(&error.message));
                }
            }
        }
    }
}

/// The value of a datum `read` got; label errors become read errors.
fn datum_value(datum: &crate::syntax::Datum) -> Result<Value> {
    crate::value::datum::datum_to_value(datum).map_err(|e| read_error(e.message()))
}

/// A `read` failure: an error `read-error?` recognises.
fn read_error(message: &str) -> Error {
    Error::new(ErrorKind::Read, format!("read: {message}"))
}
