//! Standard input, shared line by line between the piped REPL and the
//! program's own reads.

use std::cell::RefCell;

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

/// Counts a line an input port took from standard input, so the piped REPL
/// knows the program consumed it.
pub(super) fn note_line_taken_by_port() {
    STDIN.with(|stdin| stdin.borrow_mut().taken_by_ports += 1);
}
