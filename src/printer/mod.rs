//! `display` and `write`: the printed forms of values.
//!
//! One writer serves every entry point, parametrised by mode (`display` shows
//! strings and characters raw, `write` shows them as readable syntax) and by
//! strictness (the strict forms fail on values of destroyed arenas; the lossy form
//! used in error messages never fails and truncates long output).
//!
//! Printing never recurses on the native stack: an explicit task stack walks cars,
//! cdrs and vector elements, so million-element lists and deeply nested ones print
//! alike. Cyclic structure is printed with R7RS datum labels (`#0=(1 . #0#)`); a
//! first pass finds the objects that need a label.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::rc::Rc;

mod cycles;

use crate::diagnostics::{Error, ErrorKind, Result};
use crate::value::args;
use crate::value::{ByteStorage, Value, Vector};
use cycles::{container_id, find_labels};
use eshkol_arena::{Allocation, Arenas};

/// Output of [`write_string_lossy`] stops after this many bytes.
const LOSSY_LIMIT: usize = 200;

/// The lossy printer gives up looking for cycles past this many objects (its
/// output is truncated anyway, so it still terminates).
const LOSSY_VISIT_BUDGET: usize = 200_000;

/// The `display` form of a value; fails on values of destroyed arenas.
pub fn display_string(arenas: &Arenas, value: &Value) -> Result<String> {
    print(value, Mode::Display, Labels::Cycles, Some(arenas), None)
}

/// The `write` form of a value; fails on values of destroyed arenas.
pub fn write_string(arenas: &Arenas, value: &Value) -> Result<String> {
    print(value, Mode::Write, Labels::Cycles, Some(arenas), None)
}

/// The `write-shared` form: like `write`, but every pair or vector reached more
/// than once gets a datum label, not only those on a cycle.
pub fn write_shared_string(arenas: &Arenas, value: &Value) -> Result<String> {
    print(value, Mode::Write, Labels::Shared, Some(arenas), None)
}

/// The `write` form for error messages: never fails, shows dead arena values as
/// `#<dead arena value>`, and truncates huge values.
pub fn write_string_lossy(value: &Value) -> String {
    print(value, Mode::Write, Labels::Cycles, None, Some(LOSSY_LIMIT))
        .unwrap_or_else(|_| String::from("#<unprintable>"))
}

impl Error {
    /// "`who`: expected `expected`, got `value`". It is made here, not with
    /// the other constructors in `diagnostics`, because it prints the value.
    pub fn wrong_type(who: &str, expected: &str, got: &Value) -> Error {
        Error::new(
            ErrorKind::Type,
            format!(
                "{who}: expected {expected}, got {}",
                write_string_lossy(got)
            ),
        )
    }
}

/// Whether strings and characters are shown raw or as readable syntax.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Display,
    Write,
}

/// Which objects get datum labels.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Labels {
    /// Only objects that are reached again while they are being printed.
    Cycles,
    /// Every object reached more than once.
    Shared,
}

/// One step of printing.
enum Task {
    /// Print a whole value.
    Value(Value),
    /// Print what follows a list element: `value` is the cdr of its pair.
    ListRest(Value),
    /// Print the elements of a vector from `index` on, then `)`.
    VectorRest(Rc<Vector>, usize),
    /// Print fixed text.
    Text(&'static str),
}

/// The writer state.
struct Printer<'a> {
    out: String,
    mode: Mode,
    /// `None` in lossy mode, where dead values print instead of failing.
    arenas: Option<&'a Arenas>,
    limit: Option<usize>,
    /// Objects that need a label, with the number given once first printed.
    labels: HashMap<usize, Option<usize>>,
    next_label: usize,
}

fn print(
    value: &Value,
    mode: Mode,
    labels: Labels,
    arenas: Option<&Arenas>,
    limit: Option<usize>,
) -> Result<String> {
    let budget = if arenas.is_none() {
        Some(LOSSY_VISIT_BUDGET)
    } else {
        None
    };
    let mut printer = Printer {
        out: String::new(),
        mode,
        arenas,
        limit,
        labels: find_labels(value, labels, budget),
        next_label: 0,
    };
    printer.run(value)?;
    Ok(printer.out)
}

/// The bytes of a bytevector stored in an arena block.
fn arena_bytes(arenas: &Arenas, alloc: &Allocation) -> Result<Vec<u8>> {
    arenas.bytes(alloc).map(<[u8]>::to_vec).map_err(|e| {
        Error::new(
            ErrorKind::Arena,
            format!("cannot print a bytevector stored in an arena: {e}"),
        )
    })
}

/// The R7RS name of a character, if it has one.
fn char_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\x07' => "alarm",
        '\x08' => "backspace",
        '\x7f' => "delete",
        '\x1b' => "escape",
        '\n' => "newline",
        '\0' => "null",
        '\r' => "return",
        ' ' => "space",
        '\t' => "tab",
        _ => return None,
    })
}

/// Characters a plainly written symbol cannot hold: the reader's delimiters,
/// and to stay readable, control characters, braces, quote marks and the
/// backslash.
fn breaks_plain_symbol(c: char) -> bool {
    crate::syntax::is_delimiter(c) || c.is_control() || "{}'`,\\".contains(c)
}

/// Whether a symbol's name would read back as that symbol if written plainly.
fn symbol_needs_bars(name: &str) -> bool {
    name.is_empty()
        || name == "."
        || name.starts_with('#')
        || name.chars().any(breaks_plain_symbol)
        || crate::syntax::number_literal::parse_number(name, 10).is_some()
}

impl Printer<'_> {
    fn lossy(&self) -> bool {
        self.arenas.is_none()
    }

    /// Whether the output limit has been reached (output then truncated).
    fn full(&mut self) -> bool {
        match self.limit {
            Some(limit) if self.out.len() > limit => {
                let mut cut = limit;
                while !self.out.is_char_boundary(cut) {
                    cut -= 1;
                }
                self.out.truncate(cut);
                self.out.push_str("...");
                true
            }
            _ => false,
        }
    }

    fn run(&mut self, root: &Value) -> Result<()> {
        let mut stack = vec![Task::Value(root.clone())];
        while let Some(task) = stack.pop() {
            match task {
                Task::Text(text) => self.out.push_str(text),
                Task::Value(value) => self.value(value, &mut stack)?,
                Task::ListRest(rest) => self.list_rest(rest, &mut stack)?,
                Task::VectorRest(vector, index) => {
                    let item = vector
                        .items
                        .try_borrow()
                        .ok()
                        .and_then(|items| items.get(index).cloned());
                    match item {
                        None => self.out.push(')'),
                        Some(item) => {
                            if index > 0 {
                                self.out.push(' ');
                            }
                            stack.push(Task::VectorRest(vector, index + 1));
                            stack.push(Task::Value(item));
                        }
                    }
                }
            }
            if self.full() {
                break;
            }
        }
        Ok(())
    }

    /// Checks that a value's arena is alive. `Ok(false)` in lossy mode means the
    /// value is dead and its placeholder has been printed.
    fn live(&mut self, value: &Value) -> Result<bool> {
        match args::check_live(value) {
            Ok(()) => Ok(true),
            Err(_) if self.lossy() => {
                self.out.push_str("#<dead arena value>");
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }

    /// Prints a label definition or reference for a labelled container. Returns
    /// true when a reference was printed (the container is not printed again).
    fn label(&mut self, value: &Value) -> bool {
        let Some(id) = container_id(value) else {
            return false;
        };
        match self.labels.get_mut(&id) {
            None => false,
            Some(Some(n)) => {
                let _ = write!(self.out, "#{n}#");
                true
            }
            Some(slot @ None) => {
                let n = self.next_label;
                *slot = Some(n);
                self.next_label += 1;
                let _ = write!(self.out, "#{n}=");
                false
            }
        }
    }

    fn value(&mut self, value: Value, stack: &mut Vec<Task>) -> Result<()> {
        match &value {
            Value::Null => self.out.push_str("()"),
            Value::Bool(b) => self.out.push_str(if *b { "#t" } else { "#f" }),
            Value::Int(_) | Value::Float(_) | Value::Big(_) | Value::Rat(_) => self
                .out
                .push_str(&crate::numeric::format_number(&value, 10)),
            Value::Char(c) => self.char(*c),
            Value::Symbol(s) => self.symbol(&s.name()),
            Value::Str(s) => {
                if self.live(&value)? {
                    let chars = s.chars.try_borrow().map(|c| c.clone()).unwrap_or_default();
                    self.string(&chars);
                }
            }
            Value::Pair(p) => {
                if self.live(&value)? && !self.label(&value) {
                    self.out.push('(');
                    stack.push(Task::ListRest(p.cdr()));
                    stack.push(Task::Value(p.car()));
                }
            }
            Value::Vector(v) => {
                if self.live(&value)? && !self.label(&value) {
                    self.out.push_str("#(");
                    stack.push(Task::VectorRest(v.clone(), 0));
                }
            }
            Value::Bytevector(b) => {
                if self.live(&value)? {
                    let bytes = match &b.storage {
                        ByteStorage::Heap(bytes) => {
                            bytes.try_borrow().map(|b| b.clone()).unwrap_or_default()
                        }
                        ByteStorage::Arena(alloc) => match self.arenas {
                            Some(arenas) => arena_bytes(arenas, alloc)?,
                            None => {
                                let _ = write!(
                                    self.out,
                                    "#<arena bytevector of {} bytes>",
                                    alloc.len()
                                );
                                return Ok(());
                            }
                        },
                    };
                    self.out.push_str("#u8(");
                    for (i, byte) in bytes.iter().enumerate() {
                        if i > 0 {
                            self.out.push(' ');
                        }
                        let _ = write!(self.out, "{byte}");
                        if self.limit.is_some_and(|l| self.out.len() > l) {
                            return Ok(());
                        }
                    }
                    self.out.push(')');
                }
            }
            Value::Closure(c) => match c.lambda.name {
                Some(name) => {
                    let _ = write!(self.out, "#<procedure {name}>");
                }
                None => self.out.push_str("#<procedure>"),
            },
            Value::Primitive(p) => {
                let _ = write!(self.out, "#<procedure {}>", p.name);
            }
            Value::Promise(_) => self.out.push_str("#<promise>"),
            Value::HashTable(h) => match (h.map.try_borrow(), h.overflow.try_borrow()) {
                (Ok(map), Ok(overflow)) => {
                    let _ = write!(self.out, "#<hash-table {}>", map.len() + overflow.len());
                }
                _ => self.out.push_str("#<hash-table>"),
            },
            Value::Arena(tag) => {
                let _ = write!(self.out, "#<arena {}>", tag.id.slot);
                if !tag.alive.get() {
                    self.out.push_str(" (destroyed)");
                }
            }
            Value::Values(values) => {
                for (i, v) in values.iter().enumerate().rev() {
                    stack.push(Task::Value(v.clone()));
                    if i > 0 {
                        stack.push(Task::Text(" "));
                    }
                }
            }
            Value::Eof => self.out.push_str("#<eof>"),
            Value::Unspecified => self.out.push_str("#<unspecified>"),
            Value::Undefined => self.out.push_str("#<undefined>"),
            Value::Boxed(_) => self.out.push_str("#<box>"),
            Value::Port(port) => self.out.push_str(&port.describe()),
            Value::Condition(c) => {
                let _ = write!(self.out, "#<error-object {:?}>", c.message);
            }
            Value::Record(r) => {
                if !self.live(&value)? || self.label(&value) {
                    return Ok(());
                }
                let _ = write!(self.out, "#<{}", r.rtype.name);
                let fields = r.fields.borrow().clone();
                stack.push(Task::Text(">"));
                for field in fields.into_iter().rev() {
                    stack.push(Task::Value(field));
                    stack.push(Task::Text(" "));
                }
            }
            Value::RecordType(t) => {
                let _ = write!(self.out, "#<record-type {}>", t.name);
            }
            Value::Special(special) => match &**special {
                crate::value::SpecialProc::Continuation { .. } => {
                    self.out.push_str("#<continuation>")
                }
                crate::value::SpecialProc::Parameter { .. } => self.out.push_str("#<parameter>"),
                crate::value::SpecialProc::CaseLambda(_) => self.out.push_str("#<procedure>"),
                crate::value::SpecialProc::RecordConstructor { name, .. }
                | crate::value::SpecialProc::RecordPredicate { name, .. }
                | crate::value::SpecialProc::RecordAccessor { name, .. }
                | crate::value::SpecialProc::RecordModifier { name, .. } => {
                    let _ = write!(self.out, "#<procedure {name}>");
                }
            },
        }
        Ok(())
    }

    /// Prints what follows a list element whose pair has cdr `rest`.
    fn list_rest(&mut self, rest: Value, stack: &mut Vec<Task>) -> Result<()> {
        match &rest {
            Value::Null => self.out.push(')'),
            Value::Pair(p) if !self.labelled(&rest) => {
                if args::check_live(&rest).is_err() {
                    // Printed as a dotted tail so the placeholder (or error) shows.
                    self.out.push_str(" . ");
                    stack.push(Task::Text(")"));
                    stack.push(Task::Value(rest));
                } else {
                    self.out.push(' ');
                    stack.push(Task::ListRest(p.cdr()));
                    stack.push(Task::Value(p.car()));
                }
            }
            _ => {
                self.out.push_str(" . ");
                stack.push(Task::Text(")"));
                stack.push(Task::Value(rest));
            }
        }
        Ok(())
    }

    fn labelled(&self, value: &Value) -> bool {
        container_id(value).is_some_and(|id| self.labels.contains_key(&id))
    }

    fn char(&mut self, c: char) {
        if self.mode == Mode::Display {
            self.out.push(c);
            return;
        }
        self.out.push_str("#\\");
        if let Some(name) = char_name(c) {
            self.out.push_str(name);
        } else if c.is_control() || c.is_whitespace() {
            let _ = write!(self.out, "x{:x}", c as u32);
        } else {
            self.out.push(c);
        }
    }

    fn string(&mut self, chars: &[char]) {
        if self.mode == Mode::Display {
            self.out.extend(chars.iter());
            return;
        }
        self.out.push('"');
        for &c in chars {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\t' => self.out.push_str("\\t"),
                '\r' => self.out.push_str("\\r"),
                c if c.is_control() => {
                    let _ = write!(self.out, "\\x{:x};", c as u32);
                }
                c => self.out.push(c),
            }
            if self.limit.is_some_and(|l| self.out.len() > l) {
                return;
            }
        }
        self.out.push('"');
    }

    fn symbol(&mut self, name: &str) {
        if self.mode == Mode::Display || !symbol_needs_bars(name) {
            self.out.push_str(name);
            return;
        }
        self.out.push('|');
        for c in name.chars() {
            match c {
                '|' => self.out.push_str("\\|"),
                '\\' => self.out.push_str("\\\\"),
                c if c.is_control() => {
                    let _ = write!(self.out, "\\x{:x};", c as u32);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('|');
    }
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests;
