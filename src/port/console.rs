//! The interpreter's standard streams and current ports: where `display`
//! writes when no port is named, and what must be flushed at the end.

use std::io::Write;
use std::rc::{Rc, Weak};

use super::Port;
use crate::diagnostics::{io_reason, Error, ErrorKind, Result};

/// Where `display` and friends send their text.
pub enum Output {
    /// Buffered standard output, flushed at the end, before errors are printed
    /// and before reading input.
    Stdout(std::io::BufWriter<std::io::Stdout>),
    /// Captured in memory (tests, `:time`, string ports built on it).
    Captured(String),
}

/// Standard output, the current ports, and the file ports to flush with it.
pub struct Io {
    output: Output,
    /// Standard output is a terminal: it is flushed at every line, so a
    /// script's output appears as it is written.
    stdout_is_terminal: bool,
    /// The last text written to the terminal (standard output or error) did
    /// not end a line: the REPL ends it before its prompt, so the prompt does
    /// not hide it.
    console_mid_line: bool,
    /// The current output port (`display` without a port writes here); the
    /// console port, which writes to `output`, unless rebound.
    pub(crate) current_output: Rc<Port>,
    /// The current input port (standard input unless rebound).
    pub(crate) current_input: Rc<Port>,
    /// The standard error port.
    pub(crate) current_error: Rc<Port>,
    /// File output ports opened so far, flushed with standard output.
    pub(crate) file_ports: Vec<Weak<Port>>,
}

impl Io {
    /// Streams writing to `output`, with the standard ports current.
    pub fn new(output: Output) -> Io {
        let stdout_is_terminal = matches!(output, Output::Stdout(_))
            && std::io::IsTerminal::is_terminal(&std::io::stdout());
        Io {
            output,
            stdout_is_terminal,
            console_mid_line: false,
            current_output: Rc::new(Port::console()),
            current_input: Rc::new(Port::stdin()),
            current_error: Rc::new(Port::stderr()),
            file_ports: Vec::new(),
        }
    }

    /// Writes to standard output (or the capture buffer), whatever the
    /// current output port is.
    pub(crate) fn write_console(&mut self, bytes: &[u8]) -> Result<()> {
        self.note_console_text(bytes);
        let line_buffered = self.stdout_is_terminal;
        match &mut self.output {
            Output::Stdout(w) => {
                w.write_all(bytes).map_err(output_error)?;
                if line_buffered && bytes.contains(&b'\n') {
                    w.flush().map_err(output_error)?;
                }
                Ok(())
            }
            Output::Captured(s) => {
                s.push_str(&String::from_utf8_lossy(bytes));
                Ok(())
            }
        }
    }

    /// Remembers whether `bytes`, just written to standard output or error,
    /// left the terminal in the middle of a line.
    pub(crate) fn note_console_text(&mut self, bytes: &[u8]) {
        if let Some(last) = bytes.last() {
            self.console_mid_line = *last != b'\n';
        }
    }

    /// Flushes program output and, when it stopped in the middle of a line,
    /// ends that line, so what comes next (a prompt, a report) starts on a
    /// line of its own and the text stays visible.
    pub fn end_console_line(&mut self) {
        if self.console_mid_line {
            let _ = self.write_console(b"\n");
        }
        self.flush();
    }

    /// Flushes standard output and every file port at the end of a program:
    /// a write that fails there (a full disk, a closed pipe) is an error.
    pub fn finish(&mut self) -> Result<()> {
        self.flush();
        match &mut self.output {
            Output::Stdout(w) => w.flush().map_err(output_error),
            Output::Captured(_) => Ok(()),
        }
    }

    /// Flushes buffered standard output and every open file output port.
    pub fn flush(&mut self) {
        if let Output::Stdout(w) = &mut self.output {
            let _ = w.flush();
        }
        for port in self.file_ports.iter().filter_map(std::rc::Weak::upgrade) {
            port.flush_file();
        }
    }

    /// Takes the text captured so far (empty when writing to stdout).
    pub fn take_output(&mut self) -> String {
        match &mut self.output {
            Output::Captured(s) => std::mem::take(s),
            Output::Stdout(_) => String::new(),
        }
    }
}

/// The error for a failed write to standard output.
fn output_error(error: std::io::Error) -> Error {
    Error::new(
        ErrorKind::Io,
        format!("cannot write output: {}", io_reason(&error)),
    )
}
