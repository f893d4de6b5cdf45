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
//! [`Output`], so captured-output tests see what the current
//! output port printed.

use std::cell::{Cell, RefCell};
use std::fs::File;
use std::io::{BufWriter, Write};

mod console;
mod input;
mod stdin;

pub use console::{Io, Output};
use input::Input;
pub use stdin::{read_stdin_line, stdin_lines_read};

use crate::diagnostics::io_reason;
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::value::Value;

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

    /// Flushes a file port's buffer (and the console's, through `io`).
    pub fn flush(&self, io: &mut Io, who: &str) -> Result<()> {
        if !self.is_open() {
            return Err(self.closed_error(who));
        }
        match &mut *self.inner.borrow_mut() {
            Inner::Console => io.flush(),
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
pub fn write(io: &mut Io, port: &Port, who: &str, bytes: &[u8]) -> Result<()> {
    if !port.is_open() {
        return Err(port.closed_error(who));
    }
    let mut inner = port.inner.borrow_mut();
    match &mut *inner {
        Inner::Console => {
            drop(inner);
            io.write_console(bytes)
        }
        Inner::Stderr => {
            drop(inner);
            io.flush();
            io.note_console_text(bytes);
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
mod tests;
