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

use crate::arena::{Allocation, Arenas};
use crate::builtins::args;
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::value::{ByteStorage, Value, Vector};

/// Output of [`write_string_lossy`] stops after this many bytes.
const LOSSY_LIMIT: usize = 200;

/// Structures with at most this many pairs and vectors are checked for cycles by
/// a plain walk, without the cost of a visited set.
const PLAIN_WALK_BUDGET: usize = 4096;

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

/// The identity of a pair or vector, for cycle detection.
fn container_id(value: &Value) -> Option<usize> {
    match value {
        Value::Pair(p) => Some(Rc::as_ptr(p) as *const () as usize),
        Value::Vector(v) => Some(Rc::as_ptr(v) as *const () as usize),
        Value::Record(r) => Some(Rc::as_ptr(r) as *const () as usize),
        _ => None,
    }
}

/// Pushes the values directly inside `value` (pairs, vectors, multiple values).
fn push_children<T>(value: &Value, stack: &mut Vec<T>, wrap: impl Fn(Value) -> T) {
    match value {
        Value::Pair(p) => {
            stack.push(wrap(p.cdr()));
            stack.push(wrap(p.car()));
        }
        Value::Vector(v) => {
            if let Ok(items) = v.items.try_borrow() {
                stack.extend(items.iter().rev().cloned().map(wrap));
            }
        }
        Value::Values(vs) => stack.extend(vs.iter().rev().cloned().map(wrap)),
        Value::Record(r) => {
            if let Ok(fields) = r.fields.try_borrow() {
                stack.extend(fields.iter().rev().cloned().map(wrap));
            }
        }
        _ => {}
    }
}

/// Walks `root` as a tree, giving up after `budget` containers. Completing means
/// there is no cycle (a cycle would make the walk endless).
fn plain_walk_finishes(root: &Value, budget: usize) -> bool {
    let mut stack = vec![root.clone()];
    let mut seen = 0usize;
    while let Some(value) = stack.pop() {
        if matches!(
            value,
            Value::Pair(_) | Value::Vector(_) | Value::Values(_) | Value::Record(_)
        ) {
            seen += 1;
            if seen > budget {
                return false;
            }
            push_children(&value, &mut stack, |v| v);
        }
    }
    true
}

/// A step of the labelling pass.
enum Visit {
    Enter(Value),
    Exit(usize),
}

/// Finds the pairs and vectors that need a datum label: those reached again
/// while still being visited (cycles), plus, for `write-shared`, those reached
/// twice at all. Gives up (no labels) past `budget` objects.
fn find_labels(root: &Value, mode: Labels, budget: Option<usize>) -> HashMap<usize, Option<usize>> {
    let mut labels = HashMap::new();
    if !matches!(
        root,
        Value::Pair(_) | Value::Vector(_) | Value::Values(_) | Value::Record(_)
    ) {
        return labels;
    }
    if mode == Labels::Cycles && plain_walk_finishes(root, PLAIN_WALK_BUDGET) {
        return labels;
    }
    // true = still being visited, false = finished.
    let mut active: HashMap<usize, bool> = HashMap::new();
    let mut stack = vec![Visit::Enter(root.clone())];
    while let Some(step) = stack.pop() {
        match step {
            Visit::Exit(id) => {
                active.insert(id, false);
            }
            Visit::Enter(value) => {
                let Some(id) = container_id(&value) else {
                    push_children(&value, &mut stack, Visit::Enter);
                    continue;
                };
                match active.get(&id) {
                    Some(true) => {
                        labels.insert(id, None);
                    }
                    Some(false) => {
                        if mode == Labels::Shared {
                            labels.insert(id, None);
                        }
                    }
                    None => {
                        if budget.is_some_and(|b| active.len() >= b) {
                            return HashMap::new();
                        }
                        active.insert(id, true);
                        stack.push(Visit::Exit(id));
                        push_children(&value, &mut stack, Visit::Enter);
                    }
                }
            }
        }
    }
    labels
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

/// Characters that end a symbol in source text.
fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || c.is_control() || "()[]{}\"';|`,\\".contains(c)
}

/// Whether a symbol's name would read back as that symbol if written plainly.
fn symbol_needs_bars(name: &str) -> bool {
    name.is_empty()
        || name == "."
        || name.starts_with('#')
        || name.chars().any(is_delimiter)
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
                                let _ =
                                    write!(self.out, "#<arena bytevector of {} bytes>", alloc.len);
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
mod tests {
    use std::cell::RefCell;

    use super::*;
    use crate::arena::ArenaId;
    use crate::value::{
        ArenaTag, HashKind, HashTable, Owner, Pair, Promise, PromiseState, SString,
    };

    fn d(v: &Value) -> String {
        display_string(&Arenas::new(), v).unwrap()
    }

    fn w(v: &Value) -> String {
        write_string(&Arenas::new(), v).unwrap()
    }

    fn ints(items: &[i64]) -> Value {
        Value::list(items.iter().map(|&n| Value::Int(n)).collect())
    }

    fn tag(alive: bool) -> Rc<ArenaTag> {
        Rc::new({
            let t = crate::value::ArenaTag::new(
                ArenaId {
                    slot: 3,
                    generation: 1,
                },
                Default::default(),
            );
            t.alive.set(alive);
            t
        })
    }

    #[test]
    fn atoms() {
        assert_eq!(w(&Value::Null), "()");
        assert_eq!(w(&Value::Bool(true)), "#t");
        assert_eq!(w(&Value::Bool(false)), "#f");
        assert_eq!(w(&Value::Int(-42)), "-42");
        assert_eq!(w(&Value::Eof), "#<eof>");
        assert_eq!(w(&Value::Unspecified), "#<unspecified>");
        assert_eq!(w(&Value::Undefined), "#<undefined>");
        assert_eq!(
            w(&Value::Boxed(Rc::new(crate::value::VarBox::new(
                Value::Null
            )))),
            "#<box>"
        );
        let values = Value::Values(Rc::new(vec![
            Value::Int(1),
            Value::string("a"),
            Value::Null,
        ]));
        assert_eq!(w(&values), "1 \"a\" ()");
        assert_eq!(d(&values), "1 a ()");
    }

    #[test]
    fn chars() {
        assert_eq!(d(&Value::Char('a')), "a");
        assert_eq!(w(&Value::Char('a')), "#\\a");
        assert_eq!(w(&Value::Char(' ')), "#\\space");
        assert_eq!(w(&Value::Char('\n')), "#\\newline");
        assert_eq!(w(&Value::Char('\t')), "#\\tab");
        assert_eq!(w(&Value::Char('\0')), "#\\null");
        assert_eq!(w(&Value::Char('\x7f')), "#\\delete");
        assert_eq!(w(&Value::Char('\x07')), "#\\alarm");
        assert_eq!(w(&Value::Char('\x08')), "#\\backspace");
        assert_eq!(w(&Value::Char('\x1b')), "#\\escape");
        assert_eq!(w(&Value::Char('\r')), "#\\return");
        assert_eq!(w(&Value::Char('\x01')), "#\\x1");
        assert_eq!(w(&Value::Char('λ')), "#\\λ");
        assert_eq!(w(&Value::Char('(')), "#\\(");
    }

    #[test]
    fn strings() {
        let s = Value::string("a\"b\\c\nd\te\rf\x01g\x7fλ");
        assert_eq!(d(&s), "a\"b\\c\nd\te\rf\x01g\x7fλ");
        assert_eq!(w(&s), "\"a\\\"b\\\\c\\nd\\te\\rf\\x1;g\\x7f;λ\"");
        assert_eq!(w(&Value::string("")), "\"\"");
    }

    #[test]
    fn symbols() {
        assert_eq!(w(&Value::symbol("abc")), "abc");
        assert_eq!(w(&Value::symbol("+")), "+");
        assert_eq!(w(&Value::symbol("...")), "...");
        assert_eq!(w(&Value::symbol("")), "||");
        assert_eq!(w(&Value::symbol("a b")), "|a b|");
        assert_eq!(w(&Value::symbol("a|b")), "|a\\|b|");
        assert_eq!(w(&Value::symbol("(x)")), "|(x)|");
        assert_eq!(w(&Value::symbol("x;y")), "|x;y|");
        assert_eq!(w(&Value::symbol("\"")), "|\"|");
        assert_eq!(d(&Value::symbol("a b")), "a b");
        assert_eq!(d(&Value::symbol("")), "");
    }

    #[test]
    fn lists_and_vectors() {
        assert_eq!(w(&ints(&[1, 2, 3])), "(1 2 3)");
        assert_eq!(w(&Value::cons(Value::Int(1), Value::Int(2))), "(1 . 2)");
        assert_eq!(
            w(&Value::list_with_tail(
                vec![Value::Int(1), Value::Int(2)],
                Value::Int(3)
            )),
            "(1 2 . 3)"
        );
        let quoted = Value::list(vec![Value::symbol("quote"), Value::symbol("x")]);
        assert_eq!(w(&quoted), "(quote x)");
        let nested = Value::list(vec![ints(&[1]), Value::Null, ints(&[2, 3])]);
        assert_eq!(w(&nested), "((1) () (2 3))");
        let v = Value::vector(vec![Value::Int(1), Value::string("s"), Value::Char('c')]);
        assert_eq!(w(&v), "#(1 \"s\" #\\c)");
        assert_eq!(d(&v), "#(1 s c)");
        assert_eq!(w(&Value::vector(vec![])), "#()");
        assert_eq!(w(&Value::bytevector(vec![1, 2, 3])), "#u8(1 2 3)");
        assert_eq!(w(&Value::bytevector(vec![])), "#u8()");
        let mixed = Value::list(vec![
            Value::vector(vec![ints(&[1, 2])]),
            Value::string("a b"),
        ]);
        assert_eq!(d(&mixed), "(#((1 2)) a b)");
        assert_eq!(w(&mixed), "(#((1 2)) \"a b\")");
        let dotted_vec = Value::cons(Value::Int(1), Value::vector(vec![Value::Int(2)]));
        assert_eq!(w(&dotted_vec), "(1 . #(2))");
    }

    #[test]
    fn objects() {
        let lambda = |name: Option<&str>| {
            let mut interp = crate::interp::Interp::new_captured();
            let source = match name {
                Some(name) => format!("(define ({name}) 1) {name}"),
                None => "(lambda () 1)".to_string(),
            };
            interp.eval_str("test", &source).unwrap()
        };
        assert_eq!(w(&lambda(Some("square"))), "#<procedure square>");
        assert_eq!(w(&lambda(None)), "#<procedure>");
        let car = crate::builtins::lists::pairs::PRIMITIVES
            .iter()
            .find(|p| p.name == "car")
            .unwrap();
        assert_eq!(w(&Value::Primitive(car)), "#<procedure car>");
        let promise = Value::Promise(Rc::new(Promise {
            state: RefCell::new(PromiseState::Forced(Value::Null)),
        }));
        assert_eq!(w(&promise), "#<promise>");
        let table = Rc::new(HashTable::new(HashKind::Equal));
        assert_eq!(w(&Value::HashTable(table.clone())), "#<hash-table 0>");
        table.map.borrow_mut().insert(
            crate::value::HashKey::Int(1),
            (Value::Int(1), Value::Int(2)),
        );
        assert_eq!(d(&Value::HashTable(table)), "#<hash-table 1>");
        assert_eq!(w(&Value::Arena(tag(true))), "#<arena 3>");
        assert_eq!(d(&Value::Arena(tag(false))), "#<arena 3> (destroyed)");
    }

    #[test]
    fn dead_arena_values() {
        let dead = tag(false);
        let pair = Value::Pair(Rc::new(Pair::in_arena(
            Value::Int(1),
            Value::Null,
            Owner::current(&dead),
        )));
        let err = display_string(&Arenas::new(), &pair).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ArenaDestroyed);
        assert_eq!(write_string_lossy(&pair), "#<dead arena value>");
        // A heap list whose tail lives in a dead arena.
        let list = Value::cons(Value::Int(0), pair.clone());
        assert!(write_string(&Arenas::new(), &list).is_err());
        assert_eq!(write_string_lossy(&list), "(0 . #<dead arena value>)");
        let s = Value::Str(Rc::new(SString {
            chars: RefCell::new(vec!['a']),
            owner: Some(Owner::current(&dead)),
        }));
        assert!(display_string(&Arenas::new(), &Value::vector(vec![s.clone()])).is_err());
        assert_eq!(
            write_string_lossy(&Value::vector(vec![s])),
            "#(#<dead arena value>)"
        );
        let live = tag(true);
        let ok = Value::Pair(Rc::new(Pair::in_arena(
            Value::Int(1),
            Value::Null,
            Owner::current(&live),
        )));
        assert_eq!(d(&ok), "(1)");
        let mut interp = crate::interp::Interp::new_captured();
        let bv = interp
            .eval_str("t", "(define a (make-arena 64)) (define b (arena-alloc a 3)) (bytevector-u8-set! b 1 7) b")
            .unwrap();
        assert_eq!(display_string(&interp.arenas, &bv).unwrap(), "#u8(0 7 0)");
        interp.eval_str("t", "(destroy-arena a)").unwrap();
        assert!(display_string(&interp.arenas, &bv).is_err());
        assert_eq!(write_string_lossy(&bv), "#<dead arena value>");
    }

    #[test]
    fn lossy_truncates() {
        let long: Vec<Value> = (0..1000).map(Value::Int).collect();
        let text = write_string_lossy(&Value::list(long));
        assert!(text.starts_with("(0 1 2 3"));
        assert!(text.ends_with("..."));
        assert!(text.len() <= LOSSY_LIMIT + 3);
        let s = Value::string(&"x".repeat(10_000));
        assert!(write_string_lossy(&s).len() <= LOSSY_LIMIT + 3);
        assert_eq!(write_string_lossy(&Value::Int(7)), "7");
    }

    #[test]
    fn cycles_use_labels() {
        // #0=(1 . #0#)
        let p = Rc::new(Pair::new(Value::Int(1), Value::Null));
        p.set_cdr(Value::Pair(p.clone()));
        let v = Value::Pair(p.clone());
        assert_eq!(w(&v), "#0=(1 . #0#)");
        assert_eq!(d(&v), "#0=(1 . #0#)");
        assert_eq!(write_string_lossy(&v), "#0=(1 . #0#)");
        // (1 . #0=(2 3 . #0#))
        let l = ints(&[1, 2, 3]);
        let Value::Pair(first) = &l else {
            unreachable!()
        };
        let second = first.cdr();
        let Value::Pair(sp) = &second else {
            unreachable!()
        };
        let Value::Pair(third) = sp.cdr() else {
            unreachable!()
        };
        third.set_cdr(second.clone());
        assert_eq!(w(&l), "(1 . #0=(2 3 . #0#))");
        // A pair whose car is itself.
        let q = Rc::new(Pair::new(Value::Null, Value::Null));
        q.set_car(Value::Pair(q.clone()));
        assert_eq!(w(&Value::Pair(q.clone())), "#0=(#0#)");
        // A vector containing itself.
        let vec = Rc::new(Vector::new(vec![Value::Int(1), Value::Null]));
        vec.set(1, Value::Vector(vec.clone()));
        assert_eq!(w(&Value::Vector(vec.clone())), "#0=#(1 #0#)");
        // Shared but acyclic structure is printed plainly by write.
        let shared = ints(&[1]);
        let twice = Value::list(vec![shared.clone(), shared.clone()]);
        assert_eq!(w(&twice), "((1) (1))");
        assert_eq!(
            write_shared_string(&Arenas::new(), &twice).unwrap(),
            "(#0=(1) #0#)"
        );
        // A large cyclic list (past the plain-walk budget).
        let big = ints(&(0..10_000).collect::<Vec<_>>());
        let mut cur = big.clone();
        while let Value::Pair(p) = &cur {
            let next = p.cdr();
            if matches!(next, Value::Null) {
                p.set_cdr(big.clone());
                break;
            }
            cur = next;
        }
        let text = w(&big);
        assert!(text.starts_with("#0=(0 1 2"));
        assert!(text.ends_with("9999 . #0#)"));
        assert!(write_string_lossy(&big).ends_with("..."));
        // Break the cycles so the test does not leak.
        p.set_cdr(Value::Null);
        third.set_cdr(Value::Null);
        q.set_car(Value::Null);
        vec.set(1, Value::Null);
        if let Value::Pair(p) = &cur {
            p.set_cdr(Value::Null);
        }
    }

    #[test]
    fn long_list() {
        let mut v = Value::Null;
        for i in (0..1_000_000).rev() {
            v = Value::cons(Value::Int(i), v);
        }
        let text = w(&v);
        assert!(text.starts_with("(0 1 2 "));
        assert!(text.ends_with(" 999999)"));
        assert!(write_string_lossy(&v).ends_with("..."));
    }

    #[test]
    fn deep_list() {
        let depth = 100_000;
        let mut v = Value::Null;
        for _ in 0..depth {
            v = Value::cons(v, Value::Null);
        }
        let text = w(&v);
        assert_eq!(text.len(), 2 * depth + 2);
        assert!(text.starts_with("(((("));
        let mut vec = Value::Int(1);
        for _ in 0..depth {
            vec = Value::vector(vec![vec]);
        }
        let text = d(&vec);
        assert!(text.starts_with("#(#(#("));
        assert!(text.contains("#(#(1)))") && text.len() == 3 * depth + 1);
    }
}
