//! The REPL without a terminal: standard input read a line at a time, each
//! form evaluated as soon as it is complete, values printed one per line,
//! errors on stderr.
//!
//! Memory stays flat however long the input: the text is kept in sources of
//! about [`SEGMENT_BYTES`] each (a new one starts between forms), and only the
//! last [`KEPT_SEGMENTS`] keep their text for reports; a report pointing into
//! older text gives its source and line range alone.

use std::collections::VecDeque;

use crate::diagnostics::{Error, ErrorKind};
use crate::interp::Interp;
use crate::syntax::{strip_bom, Reader, SourceId};

use super::write_value;

/// A piped source starts a new segment once it holds this many bytes.
const SEGMENT_BYTES: usize = 1 << 20;

/// How many segments (the newest) keep their text.
const KEPT_SEGMENTS: usize = 8;

/// The name reports give piped input.
const NAME: &str = "<stdin>";

/// Evaluates piped input (standard input is not a terminal): every form in
/// order, as soon as its last line has arrived, so a program piping forms in
/// gets each answer before it sends the next, and a form that reads standard
/// input reads the lines after it. Evaluation goes on after an error; bad
/// syntax skips the rest of the lines read so far. Returns the exit status:
/// 0 if every form succeeded, 2 after a read error, 1 after another error.
pub fn run_piped(mut interp: Interp) -> u8 {
    let mut input = Segments::new(&mut interp);
    let mut status = 0;
    let mut line = Vec::new();
    loop {
        line.clear();
        // Whoever is piping forms in sees each answer before a read waits
        // for the next ones.
        let read = crate::port::read_stdin_line(&mut line, &mut || interp.flush_output());
        let at_end = match read {
            Ok(n) => n == 0,
            Err(e) => {
                interp.flush_output();
                eprintln!(
                    "cannot read standard input: {}",
                    crate::diagnostics::io_reason(&e)
                );
                return 2;
            }
        };
        match std::str::from_utf8(&line) {
            Ok(text) => {
                let text = if input.lines == 0 {
                    strip_bom(text)
                } else {
                    text
                };
                interp.sources.append(input.current, text);
            }
            Err(_) => {
                let error = Error::new(
                    ErrorKind::Read,
                    format!(
                        "line {} of standard input is not valid UTF-8; it was skipped",
                        input.lines + 1
                    ),
                );
                report(&mut interp, &error);
                status = 2;
            }
        }
        if !at_end {
            input.lines += 1;
        }
        while let Some(next) = input.next_datum(&interp, at_end) {
            let datum = match next {
                Ok(datum) => datum,
                Err(e) => {
                    report(&mut interp, &Error::from_read(e));
                    status = 2;
                    input.skip_read_text(&interp);
                    continue;
                }
            };
            let result = interp
                .eval_datum(&datum)
                .and_then(|value| write_value(&mut interp, &value));
            if let Err(e) = result {
                if let ErrorKind::Exit(code) = e.kind() {
                    interp.flush_output();
                    return code as u8;
                }
                report(&mut interp, &e);
                if status == 0 {
                    status = 1;
                }
            }
        }
        if at_end {
            break;
        }
        input.maybe_start_segment(&mut interp);
    }
    interp.flush_output();
    status
}

/// Prints an error report after the output so far.
fn report(interp: &mut Interp, error: &Error) {
    interp.flush_output();
    eprint!("{}", interp.render_error(error, false));
}

/// The sources piped input is kept in, and the reader of the newest.
struct Segments {
    /// The segments whose text is kept, oldest first.
    kept: VecDeque<SourceId>,
    current: SourceId,
    reader: Reader,
    /// Lines of standard input read so far, by this reader and by the
    /// program's own reads.
    lines: usize,
    /// [`crate::port::stdin_lines_read`] when last looked at.
    program_lines: usize,
}

impl Segments {
    fn new(interp: &mut Interp) -> Segments {
        let current = interp.sources.add_continuing(NAME, 0);
        Segments {
            kept: VecDeque::from([current]),
            current,
            reader: Reader::new(current, false),
            lines: 0,
            program_lines: crate::port::stdin_lines_read(),
        }
    }

    /// The next complete datum of the text read so far, if any.
    fn next_datum(
        &mut self,
        interp: &Interp,
        at_end: bool,
    ) -> Option<Result<crate::syntax::Datum, crate::syntax::ReadError>> {
        let text = &interp.sources.get(self.current)?.text;
        self.reader.next_datum(text, at_end)
    }

    /// After a read error: reading goes on after the text read so far.
    fn skip_read_text(&mut self, interp: &Interp) {
        let read = interp.sources.get(self.current).map_or(0, |s| s.text.len());
        self.reader.restart_at(read);
    }

    /// Starts a new segment when no datum is half read and the current one
    /// is full, or the program read lines of standard input (which are not
    /// in it, so the line numbers go on after them); drops the text of the
    /// oldest segment still kept.
    fn maybe_start_segment(&mut self, interp: &mut Interp) {
        let program_lines = crate::port::stdin_lines_read();
        let full = interp
            .sources
            .get(self.current)
            .is_some_and(|s| s.text.len() >= SEGMENT_BYTES);
        if !(full || program_lines != self.program_lines) || !self.reader.between_data() {
            return;
        }
        self.lines += program_lines - self.program_lines;
        self.program_lines = program_lines;
        let fold_case = self.reader.fold_case();
        self.current = interp.sources.add_continuing(NAME, self.lines);
        self.reader = Reader::continuing(self.current, fold_case, self.lines);
        self.kept.push_back(self.current);
        if self.kept.len() > KEPT_SEGMENTS {
            if let Some(old) = self.kept.pop_front() {
                interp.sources.discard_text(old);
            }
        }
    }
}
