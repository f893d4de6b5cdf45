//! Ports (R7RS 6.13): input and output, textual and binary, backed by strings,
//! bytevectors, files and the process's standard streams.
//!
//! Every input port holds its bytes in memory with a read position: string and
//! bytevector ports from the start, file ports by reading the whole file when
//! they are opened, and standard input one line at a time as reads need more.
//! Textual reads decode UTF-8 from the bytes (an invalid byte reads as U+FFFD),
//! so textual and binary operations work on any port.
//!
//! Output ports write to a growing byte buffer (string and bytevector ports), a
//! buffered file, standard error, or the console: the interpreter's
//! [`crate::interp::Output`], so captured-output tests see what the current
//! output port printed.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufWriter, Write};

use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::{io_reason, Interp};
use crate::syntax::{parse_program_with, ReadErrorKind, SourceId};
use crate::value::Value;

/// How much standard input one read asks the system for.
const STDIN_CHUNK: usize = 64 * 1024;

/// Standard input, read in chunks and handed out a line at a time to whoever
/// asks first: the piped REPL reading the program, or an input port the
/// program reads from. One buffer for both keeps every line in order, and
/// lets the piped REPL flush its output only when a read would wait.
#[derive(Default)]
struct StdinLines {
    buf: Vec<u8>,
    pos: usize,
    /// Lines input ports have taken.
    taken_by_ports: usize,
}

thread_local! {
    static STDIN: RefCell<StdinLines> = RefCell::new(StdinLines::default());
}

/// Appends the next line of standard input (with its newline, if it has one)
/// to `line`; returns its length, 0 at end of input. `before_wait` runs
/// before a read that may wait for more input.
pub fn read_stdin_line(
    line: &mut Vec<u8>,
    before_wait: &mut dyn FnMut(),
) -> std::io::Result<usize> {
    STDIN.with(|stdin| {
        let mut stdin = stdin.borrow_mut();
        let start = line.len();
        loop {
            let rest = &stdin.buf[stdin.pos..];
            if let Some(i) = rest.iter().position(|&b| b == b'\n') {
                line.extend_from_slice(&rest[..=i]);
                stdin.pos += i + 1;
                return Ok(line.len() - start);
            }
            line.extend_from_slice(rest);
            stdin.buf.clear();
            stdin.pos = 0;
            before_wait();
            stdin.buf.resize(STDIN_CHUNK, 0);
            let n = loop {
                match std::io::Read::read(&mut std::io::stdin().lock(), &mut stdin.buf) {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    other => break other,
                }
            };
            let n = n.inspect_err(|_| stdin.buf.clear())?;
            stdin.buf.truncate(n);
            if n == 0 {
                return Ok(line.len() - start);
            }
        }
    })
}

/// How many lines of standard input input ports have read so far; piped mode
/// reads the program from the same stream and counts them to keep its line
/// numbers right.
pub fn stdin_lines_read() -> usize {
    STDIN.with(|stdin| stdin.borrow().taken_by_ports)
}

/// Whether a port reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Input,
    Output,
}

/// An input or output port.
pub struct Port {
    direction: Direction,
    /// Made for bytes (`open-input-bytevector`, binary files) rather than text.
    binary: bool,
    /// What the port is shown as: a file's path, or a standard stream's name.
    name: PortName,
    open: Cell<bool>,
    inner: RefCell<Inner>,
}

/// How a port prints.
enum PortName {
    None,
    File(String),
    Stream(&'static str),
}

/// What a port reads from or writes to.
enum Inner {
    Input(Input),
    /// The interpreter's output (standard output or the capture buffer).
    Console,
    Stderr,
    /// String and bytevector output ports.
    Memory(Vec<u8>),
    /// `None` once closed.
    File(Option<BufWriter<File>>),
}

/// An input port's bytes and position.
struct Input {
    buf: Vec<u8>,
    pos: usize,
    /// Refill from standard input when the buffer runs out.
    stdin: bool,
    /// Standard input reported end of file.
    at_end: bool,
    /// Data already parsed by `read`, each with the position just after it
    /// and whether `#!fold-case` is in effect there: valid while the port's
    /// position is `cache_from`.
    cache: VecDeque<(Value, usize, bool)>,
    cache_from: usize,
    /// Whether `#!fold-case` is in effect at `pos`.
    fold_case: bool,
}

impl Input {
    fn new(buf: Vec<u8>, stdin: bool) -> Input {
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
    fn refill(&mut self) -> Result<bool> {
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
        STDIN.with(|stdin| stdin.borrow_mut().taken_by_ports += 1);
        self.buf.extend_from_slice(&line);
        Ok(true)
    }

    /// Makes at least one byte available unless the input is exhausted.
    fn fill(&mut self) -> Result<bool> {
        while self.pos >= self.buf.len() {
            if !self.refill()? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The next character and its length in bytes, without consuming it.
    fn peek_char(&mut self) -> Result<Option<(char, usize)>> {
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

    fn read_char(&mut self) -> Result<Option<char>> {
        let next = self.peek_char()?;
        if let Some((_, len)) = next {
            self.pos += len;
        }
        Ok(next.map(|(c, _)| c))
    }

    fn peek_byte(&mut self) -> Result<Option<u8>> {
        if !self.fill()? {
            return Ok(None);
        }
        Ok(self.buf.get(self.pos).copied())
    }

    /// Reads one datum: `Value::Eof` when only whitespace and comments remain.
    fn read_datum(&mut self) -> Result<Value> {
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
    crate::compile::quote::datum_to_value(datum).map_err(|e| read_error(e.message()))
}

/// A `read` failure: an error `read-error?` recognises.
fn read_error(message: &str) -> Error {
    Error::new(ErrorKind::Read, format!("read: {message}"))
}

impl Port {
    fn make(direction: Direction, binary: bool, name: PortName, inner: Inner) -> Port {
        Port {
            direction,
            binary,
            name,
            open: Cell::new(true),
            inner: RefCell::new(inner),
        }
    }

    /// A textual input port reading `text` (`open-input-string`).
    pub fn input_string(text: &str) -> Port {
        Port::make(
            Direction::Input,
            false,
            PortName::None,
            Inner::Input(Input::new(text.as_bytes().to_vec(), false)),
        )
    }

    /// A binary input port reading `bytes` (`open-input-bytevector`).
    pub fn input_bytes(bytes: Vec<u8>) -> Port {
        Port::make(
            Direction::Input,
            true,
            PortName::None,
            Inner::Input(Input::new(bytes, false)),
        )
    }

    /// An output port collecting what is written, textual (`open-output-string`)
    /// or binary (`open-output-bytevector`).
    pub fn output_memory(binary: bool) -> Port {
        Port::make(
            Direction::Output,
            binary,
            PortName::None,
            Inner::Memory(Vec::new()),
        )
    }

    /// An input port over the whole contents of the file at `path`; `who`
    /// names the procedure in the error message.
    pub fn open_input_file(path: &str, binary: bool) -> Result<Port> {
        let bytes = std::fs::read(path).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot open input file {path:?}: {}", io_reason(&e)),
            )
        })?;
        Ok(Port::make(
            Direction::Input,
            binary,
            PortName::File(path.to_string()),
            Inner::Input(Input::new(bytes, false)),
        ))
    }

    /// An output port writing (and truncating) the file at `path`.
    pub fn open_output_file(path: &str, binary: bool) -> Result<Port> {
        let file = File::create(path).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot open output file {path:?}: {}", io_reason(&e)),
            )
        })?;
        Ok(Port::make(
            Direction::Output,
            binary,
            PortName::File(path.to_string()),
            Inner::File(Some(BufWriter::new(file))),
        ))
    }

    /// The standard output port: writes go to the interpreter's output.
    pub fn console() -> Port {
        Port::make(
            Direction::Output,
            false,
            PortName::Stream("stdout"),
            Inner::Console,
        )
    }

    /// The standard error port.
    pub fn stderr() -> Port {
        Port::make(
            Direction::Output,
            false,
            PortName::Stream("stderr"),
            Inner::Stderr,
        )
    }

    /// The standard input port.
    pub fn stdin() -> Port {
        Port::make(
            Direction::Input,
            false,
            PortName::Stream("stdin"),
            Inner::Input(Input::new(Vec::new(), true)),
        )
    }

    pub fn is_input(&self) -> bool {
        self.direction == Direction::Input
    }

    pub fn is_output(&self) -> bool {
        self.direction == Direction::Output
    }

    pub fn is_binary(&self) -> bool {
        self.binary
    }

    pub fn is_open(&self) -> bool {
        self.open.get()
    }

    /// True for the standard streams, which closing leaves open.
    fn is_standard(&self) -> bool {
        matches!(self.name, PortName::Stream(_))
    }

    /// How the port prints: `#<input-port>`, `#<output-port "out.txt">`,
    /// `#<output-port stdout>`, with ` (closed)` once closed.
    pub fn describe(&self) -> String {
        let kind = match self.direction {
            Direction::Input => "input-port",
            Direction::Output => "output-port",
        };
        let name = match &self.name {
            PortName::None => String::new(),
            PortName::File(path) => format!(" {path:?}"),
            PortName::Stream(name) => format!(" {name}"),
        };
        let closed = if self.is_open() { "" } else { " (closed)" };
        format!("#<{kind}{name}{closed}>")
    }

    /// Closes the port: flushes a file, frees an input buffer. Closing twice
    /// does nothing; the standard streams stay open.
    pub fn close(&self) -> Result<()> {
        if self.is_standard() || !self.open.replace(false) {
            return Ok(());
        }
        match &mut *self.inner.borrow_mut() {
            Inner::Input(input) => {
                *input = Input::new(Vec::new(), false);
                Ok(())
            }
            Inner::File(writer) => match writer.take() {
                Some(mut w) => w.flush().map_err(|e| self.io_error("close-port", &e)),
                None => Ok(()),
            },
            _ => Ok(()),
        }
    }

    fn io_error(&self, who: &str, error: &std::io::Error) -> Error {
        Error::new(
            ErrorKind::Io,
            format!(
                "{who}: cannot write to {}: {}",
                self.describe(),
                io_reason(error)
            ),
        )
    }

    fn closed_error(&self, who: &str) -> Error {
        let what = match self.direction {
            Direction::Input => "input",
            Direction::Output => "output",
        };
        Error::new(ErrorKind::Io, format!("{who}: the {what} port is closed"))
    }

    /// Runs `f` on an open input port's buffer.
    fn with_input<R>(&self, who: &str, f: impl FnOnce(&mut Input) -> Result<R>) -> Result<R> {
        if !self.is_open() {
            return Err(self.closed_error(who));
        }
        match &mut *self.inner.borrow_mut() {
            Inner::Input(input) => f(input),
            _ => Err(Error::new(
                ErrorKind::Type,
                format!("{who}: expected an input port, got {}", self.describe()),
            )),
        }
    }

    /// The next character, consumed (`None` at end of input).
    pub fn read_char(&self, who: &str) -> Result<Option<char>> {
        self.with_input(who, Input::read_char)
    }

    /// The next character, left in place.
    pub fn peek_char(&self, who: &str) -> Result<Option<char>> {
        self.with_input(who, |input| Ok(input.peek_char()?.map(|(c, _)| c)))
    }

    /// The rest of the current line without its line ending (`\n` or `\r\n`);
    /// `None` at end of input.
    pub fn read_line(&self, who: &str) -> Result<Option<String>> {
        self.with_input(who, |input| {
            let mut line = String::new();
            let mut any = false;
            // A line ends at "\n", "\r\n" or a lone "\r".
            while let Some(c) = input.read_char()? {
                any = true;
                if c == '\n' {
                    return Ok(Some(line));
                }
                if c == '\r' {
                    if let Some(('\n', _)) = input.peek_char()? {
                        input.read_char()?;
                    }
                    return Ok(Some(line));
                }
                line.push(c);
            }
            Ok(any.then_some(line))
        })
    }

    /// Up to `k` characters; `None` when none are left (and `k > 0`).
    pub fn read_string(&self, who: &str, k: usize) -> Result<Option<String>> {
        self.with_input(who, |input| {
            let mut out = String::new();
            let mut count = 0;
            while count < k {
                match input.read_char()? {
                    Some(c) => out.push(c),
                    None if count == 0 => return Ok(None),
                    None => break,
                }
                count += 1;
            }
            Ok(Some(out))
        })
    }

    /// The next byte, consumed.
    pub fn read_u8(&self, who: &str) -> Result<Option<u8>> {
        self.with_input(who, |input| {
            let byte = input.peek_byte()?;
            if byte.is_some() {
                input.pos += 1;
            }
            Ok(byte)
        })
    }

    /// The next byte, left in place.
    pub fn peek_u8(&self, who: &str) -> Result<Option<u8>> {
        self.with_input(who, Input::peek_byte)
    }

    /// Up to `k` bytes; `None` when none are left (and `k > 0`).
    pub fn read_bytes(&self, who: &str, k: usize) -> Result<Option<Vec<u8>>> {
        self.with_input(who, |input| {
            if k == 0 {
                return Ok(Some(Vec::new()));
            }
            if !input.fill()? {
                return Ok(None);
            }
            let mut out = Vec::new();
            while out.len() < k && input.fill()? {
                let available = input.buf.len() - input.pos;
                let take = available.min(k - out.len());
                out.extend_from_slice(
                    input
                        .buf
                        .get(input.pos..input.pos + take)
                        .unwrap_or_default(),
                );
                input.pos += take;
                if input.stdin {
                    break;
                }
            }
            Ok(Some(out))
        })
    }

    /// Whether a character (or byte) can be read without blocking.
    pub fn ready(&self, who: &str) -> Result<bool> {
        self.with_input(who, |input| {
            Ok(!input.stdin || input.pos < input.buf.len() || input.at_end)
        })
    }

    /// Reads one datum (`Value::Eof` at end of input).
    pub fn read_datum(&self, who: &str) -> Result<Value> {
        self.with_input(who, Input::read_datum)
    }

    /// What a string or bytevector output port has collected; `None` for
    /// other ports.
    pub fn contents(&self) -> Option<Vec<u8>> {
        match &*self.inner.borrow() {
            Inner::Memory(bytes) => Some(bytes.clone()),
            _ => None,
        }
    }

    /// Flushes a file port's buffer (and the console's, through `interp`).
    pub fn flush(&self, interp: &mut Interp, who: &str) -> Result<()> {
        if !self.is_open() {
            return Err(self.closed_error(who));
        }
        match &mut *self.inner.borrow_mut() {
            Inner::Console => interp.flush_output(),
            Inner::File(Some(w)) => w.flush().map_err(|e| self.io_error(who, &e))?,
            _ => {}
        }
        Ok(())
    }
}

impl Port {
    /// Flushes a file output port's buffer, ignoring failures (they show
    /// again on the next write or at close).
    pub fn flush_file(&self) {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            if let Inner::File(Some(w)) = &mut *inner {
                let _ = w.flush();
            }
        }
    }

    /// True for the standard input port, whose reads may wait for the user.
    pub fn is_stdin(&self) -> bool {
        matches!(self.name, PortName::Stream("stdin"))
    }
}

impl Drop for Port {
    fn drop(&mut self) {
        if let Inner::File(Some(w)) = self.inner.get_mut() {
            let _ = w.flush();
        }
    }
}

/// Writes `bytes` to an output port; `who` names the procedure in errors.
pub fn write(interp: &mut Interp, port: &Port, who: &str, bytes: &[u8]) -> Result<()> {
    if !port.is_open() {
        return Err(port.closed_error(who));
    }
    let mut inner = port.inner.borrow_mut();
    match &mut *inner {
        Inner::Console => {
            drop(inner);
            interp.write_console(bytes)
        }
        Inner::Stderr => {
            drop(inner);
            interp.flush_output();
            interp.note_console_text(bytes);
            let mut err = std::io::stderr().lock();
            err.write_all(bytes)
                .and_then(|()| err.flush())
                .map_err(|e| port.io_error(who, &e))
        }
        Inner::Memory(buf) => {
            buf.try_reserve(bytes.len()).map_err(|_| {
                Error::new(
                    ErrorKind::Memory,
                    format!("{who}: out of memory growing an output port"),
                )
            })?;
            buf.extend_from_slice(bytes);
            Ok(())
        }
        Inner::File(Some(w)) => w.write_all(bytes).map_err(|e| port.io_error(who, &e)),
        Inner::File(None) => Err(port.closed_error(who)),
        Inner::Input(_) => Err(Error::new(
            ErrorKind::Type,
            format!("{who}: expected an output port, got {}", port.describe()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_input() {
        let p = Port::input_string("aλ\nline two\r\nend");
        assert!(p.is_input() && !p.is_output() && !p.is_binary());
        assert_eq!(p.peek_char("t").unwrap(), Some('a'));
        assert_eq!(p.read_char("t").unwrap(), Some('a'));
        assert_eq!(p.read_char("t").unwrap(), Some('λ'));
        assert_eq!(p.read_line("t").unwrap().as_deref(), Some(""));
        assert_eq!(p.read_line("t").unwrap().as_deref(), Some("line two"));
        assert_eq!(p.read_string("t", 2).unwrap().as_deref(), Some("en"));
        assert_eq!(p.read_string("t", 10).unwrap().as_deref(), Some("d"));
        assert_eq!(p.read_string("t", 10).unwrap(), None);
        assert_eq!(p.read_line("t").unwrap(), None);
        assert_eq!(p.read_char("t").unwrap(), None);
        assert!(p.ready("t").unwrap());
        p.close().unwrap();
        assert!(!p.is_open());
        assert_eq!(p.read_char("t").unwrap_err().kind(), ErrorKind::Io);
        p.close().unwrap();
        assert_eq!(p.describe(), "#<input-port (closed)>");
    }

    #[test]
    fn reading_data() {
        let p = Port::input_string(" (a . b) 42 \"s\" #(1) ; done\n");
        let mut got = Vec::new();
        loop {
            let v = p.read_datum("read").unwrap();
            if matches!(v, Value::Eof) {
                break;
            }
            got.push(crate::printer::write_string_lossy(&v));
        }
        assert_eq!(got, ["(a . b)", "42", "\"s\"", "#(1)"]);
        let p = Port::input_string("abc (x\ny) tail");
        assert_eq!(
            crate::printer::write_string_lossy(&p.read_datum("r").unwrap()),
            "abc"
        );
        assert_eq!(p.read_char("r").unwrap(), Some(' '));
        assert_eq!(
            crate::printer::write_string_lossy(&p.read_datum("r").unwrap()),
            "(x y)"
        );
        assert_eq!(p.read_line("r").unwrap().as_deref(), Some(" tail"));
        let p = Port::input_string("1 2 )");
        assert!(matches!(p.read_datum("r").unwrap(), Value::Int(1)));
        assert!(matches!(p.read_datum("r").unwrap(), Value::Int(2)));
        assert_eq!(p.read_datum("r").unwrap_err().kind(), ErrorKind::Read);
        let p = Port::input_string("(1 2");
        assert_eq!(p.read_datum("r").unwrap_err().kind(), ErrorKind::Read);
    }

    #[test]
    fn bytes() {
        let p = Port::input_bytes(vec![1, 2, 0xff, 4]);
        assert!(p.is_binary());
        assert_eq!(p.peek_u8("t").unwrap(), Some(1));
        assert_eq!(p.read_u8("t").unwrap(), Some(1));
        assert_eq!(p.read_bytes("t", 2).unwrap(), Some(vec![2, 0xff]));
        assert_eq!(p.read_bytes("t", 9).unwrap(), Some(vec![4]));
        assert_eq!(p.read_bytes("t", 9).unwrap(), None);
        assert_eq!(p.read_u8("t").unwrap(), None);
        let p = Port::input_bytes(vec![0xff, b'a']);
        assert_eq!(p.read_char("t").unwrap(), Some(char::REPLACEMENT_CHARACTER));
        assert_eq!(p.read_char("t").unwrap(), Some('a'));
    }

    #[test]
    fn output() {
        let mut i = Interp::new_captured();
        let p = Port::output_memory(false);
        write(&mut i, &p, "t", "hé".as_bytes()).unwrap();
        write(&mut i, &p, "t", b"!").unwrap();
        assert_eq!(p.contents().unwrap(), "hé!".as_bytes());
        assert_eq!(p.describe(), "#<output-port>");
        p.close().unwrap();
        assert_eq!(
            write(&mut i, &p, "t", b"x").unwrap_err().kind(),
            ErrorKind::Io
        );
        let c = Port::console();
        write(&mut i, &c, "t", b"to console").unwrap();
        c.close().unwrap();
        assert!(c.is_open());
        assert_eq!(i.take_output(), "to console");
        let input = Port::input_string("x");
        assert_eq!(
            write(&mut i, &input, "t", b"x").unwrap_err().kind(),
            ErrorKind::Type
        );
        assert_eq!(
            Port::output_memory(false)
                .read_char("t")
                .unwrap_err()
                .kind(),
            ErrorKind::Type
        );
    }

    #[test]
    fn files() {
        let path =
            std::env::temp_dir().join(format!("eshkol-port-unit-{}.txt", std::process::id()));
        let path = path.to_string_lossy().to_string();
        let mut i = Interp::new_captured();
        let out = Port::open_output_file(&path, false).unwrap();
        assert_eq!(out.describe(), format!("#<output-port {path:?}>"));
        write(&mut i, &out, "t", b"first\nsecond\n").unwrap();
        out.close().unwrap();
        let input = Port::open_input_file(&path, false).unwrap();
        assert_eq!(input.read_line("t").unwrap().as_deref(), Some("first"));
        assert_eq!(input.read_line("t").unwrap().as_deref(), Some("second"));
        assert_eq!(input.read_line("t").unwrap(), None);
        std::fs::remove_file(&path).unwrap();
        let e = Port::open_input_file(&path, false).err().unwrap();
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(
            e.message().contains("No such file or directory"),
            "{}",
            e.message()
        );
        // A dropped output port flushes what it buffered.
        {
            let out = Port::open_output_file(&path, true).unwrap();
            write(&mut i, &out, "t", b"kept").unwrap();
        }
        assert_eq!(std::fs::read(&path).unwrap(), b"kept");
        std::fs::remove_file(&path).unwrap();
    }
}
