//! Walks: `map`, `for-each`, `vector-map`, `vector-for-each`, `string-map`
//! and `string-for-each`, as procedures of the frame machine.
//!
//! Each is a closure whose code is two instructions: [`Op::WalkStart`]
//! checks the arguments and fills the walk's state slots, [`Op::WalkStep`]
//! takes the value of one call of the procedure. Both then make the next
//! call as the machine makes any non-tail call, resuming at `WalkStep`. So
//! the walk's place lives in its frame's slots, on the machine's stacks, and
//! a continuation captured in a callback can be resumed after the walk has
//! returned (R7RS 6.10): it puts back the slots as they were at the capture.
//! Results are consed onto a list, and the walk's value is that list
//! reversed, relinking only pairs that nothing else holds, so a resumed walk
//! never changes a result already returned.
//!
//! A walk costs one machine call per element and no instruction dispatch of
//! its own beyond one op, which is cheaper than the same loop in Scheme.

use std::rc::Rc;

use super::CallTo;
use crate::compile::emit::{Code, Op, Walk};
use crate::compile::expr::{Expr, Lambda};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::symbol::Symbol;
use crate::syntax::Span;
use crate::value::args;
use crate::value::{Closure, SString, Value};

/// The walks, with the text of their documentation.
const WALKS: &[(Walk, &str, &str)] = &[
    (
        Walk::Map,
        "map",
        "(map f list ...): the results of f on the elements (up to the shortest list)",
    ),
    (
        Walk::ForEach,
        "for-each",
        "(for-each f list ...): calls f on the elements in order",
    ),
    (
        Walk::VectorMap,
        "vector-map",
        "(vector-map f v ...): a new vector of f's results on the elements (up to the shortest vector)",
    ),
    (
        Walk::VectorForEach,
        "vector-for-each",
        "(vector-for-each f v ...): calls f on the elements in order (up to the shortest vector)",
    ),
    (
        Walk::StringMap,
        "string-map",
        "(string-map f s ...): a new string of f's results on the characters (up to the shortest string)",
    ),
    (
        Walk::StringForEach,
        "string-for-each",
        "(string-for-each f s ...): calls f on the characters in order (up to the shortest string)",
    ),
];

// The frame of a walk: its three parameters, then its state.
/// The procedure called on each element.
const F: usize = 0;
/// The first sequence.
const FIRST: usize = 1;
/// The other sequences, as a list.
const REST: usize = 2;
/// List walks: what is left of the list, or a list of what is left of each
/// list. Index walks: the sequence, or a list of the sequences.
const CURSOR: usize = 3;
/// List walks: calls left to make. Index walks: the next index.
const COUNT: usize = 4;
/// Index walks: the length of the shortest sequence.
const LENGTH: usize = 5;
/// The results so far (`map`, `vector-map`, `string-map`), last first.
const RESULTS: usize = 6;
const FRAME_SIZE: usize = 7;

/// The instruction the machine resumes a walk at when a call returns.
const STEP_PC: u32 = 1;

/// What a walk does next.
pub(super) enum WalkFlow {
    /// The walk is over; its value.
    Done(Value),
    /// A call of a closure for the machine to make (resuming at `WalkStep`).
    Call(CallTo),
}

/// The walk procedures, (name, closure), for the built-in library. Their
/// lambdas are placed in a source of their own that names each, so that
/// `describe` and arity errors have something to show.
pub(crate) fn walk_procedures(interp: &mut Interp) -> Vec<(Symbol, Value)> {
    let mut text = String::new();
    let mut lines = Vec::new();
    for (_, _, doc) in WALKS {
        let usage = doc.split(':').next().unwrap_or(doc);
        lines.push((text.len(), usage.len()));
        text.push_str(usage);
        text.push('\n');
    }
    let source = interp.sources.add("<builtin walks>", &text);
    WALKS
        .iter()
        .zip(lines)
        .map(|(&(kind, name, doc), (start, len))| {
            let name = Symbol::intern(name);
            let lambda = Lambda {
                name: Some(name),
                required: 2,
                rest: true,
                frame_size: FRAME_SIZE,
                boxed_params: Box::new([]),
                captures: Box::new([]),
                body: Expr::Const(Value::Unspecified),
                code: Some(Rc::new(Code::native(&[
                    Op::WalkStart(kind),
                    Op::WalkStep(kind),
                ]))),
                span: Span::new(source, start, start + len),
                toplevel: false,
                doc: Some(Rc::from(doc)),
            };
            let closure = Closure {
                lambda: Rc::new(lambda),
                captured: Box::new([]),
            };
            (name, Value::Closure(Rc::new(closure)))
        })
        .collect()
}

/// The name a walk's errors are reported under.
fn who(kind: Walk) -> &'static str {
    WALKS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map_or("map", |(_, name, _)| name)
}

/// The reverse of a walk's results (a list, last result first). Its pairs
/// are relinked where nothing else holds them, so a `map` allocates one pair
/// per element in all. A continuation captured during the walk may hold a
/// tail of the list: from the first pair held elsewhere on, the rest is
/// copied, so a result already returned never changes.
fn reversed(results: Value) -> Value {
    let mut out = Value::Null;
    let mut cur = results;
    while let Value::Pair(pair) = cur {
        if Rc::strong_count(&pair) > 1 {
            let mut rest = Value::Pair(pair);
            while let Value::Pair(p) = &rest {
                out = Value::cons(p.car(), out);
                let next = p.cdr();
                rest = next;
            }
            return out;
        }
        cur = pair.replace_cdr_fresh(out);
        out = Value::Pair(pair);
    }
    out
}

/// The length of the shortest of `sequences`, each checked to be alive and
/// measured by `length` (which refuses the wrong kind of sequence).
fn shortest(sequences: &[Value], length: impl Fn(&Value) -> Result<usize>) -> Result<usize> {
    let mut n = usize::MAX;
    for sequence in sequences {
        args::check_live(sequence)?;
        n = n.min(length(sequence)?);
    }
    Ok(n)
}

/// The elements of a Scheme list (the rest argument of a walk).
fn elements(list: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    let mut cur = list.clone();
    while let Value::Pair(p) = cur {
        out.push(p.car());
        cur = p.cdr();
    }
    out
}

impl Interp {
    /// `WalkStart` (`start`) or `WalkStep` with the value of the last call:
    /// the walk's next call, or its value. Out of line, so the instruction
    /// loop's other paths are compiled as if walks did not exist.
    #[inline(never)]
    pub(super) fn walk(
        &mut self,
        kind: Walk,
        start: bool,
        bp: usize,
        span: Span,
        value: Value,
    ) -> Result<WalkFlow> {
        let step = if start {
            self.walk_start(kind, bp)
        } else {
            self.walk_collect(kind, bp, value)
        };
        step.and_then(|()| self.walk_next(kind, bp, span))
            .map_err(|e| e.or_at(span))
    }

    /// `WalkStart`: checks the walk's arguments and fills its state slots.
    fn walk_start(&mut self, kind: Walk, bp: usize) -> Result<()> {
        let who = who(kind);
        args::procedure(who, &self.machine.stack[bp + F])?;
        let first = self.machine.stack[bp + FIRST].clone();
        let rest = self.machine.stack[bp + REST].clone();
        let single = matches!(rest, Value::Null);
        let several;
        let sequences: &[Value] = if single {
            std::slice::from_ref(&first)
        } else {
            several = [vec![first.clone()], elements(&rest)].concat();
            &several
        };
        // One sequence is walked as itself; several as the list of them,
        // which is the first consed onto the rest argument.
        let cursor = if single {
            first.clone()
        } else {
            Value::cons(first.clone(), rest)
        };
        let (count, length) = match kind {
            Walk::Map | Walk::ForEach if single => (args::list_length(who, &first)?, 0),
            Walk::Map | Walk::ForEach => {
                let n = crate::eval::list_columns::columns(who, sequences)?.1;
                (n, 0)
            }
            Walk::VectorMap | Walk::VectorForEach | Walk::StringMap | Walk::StringForEach => {
                let vectors = matches!(kind, Walk::VectorMap | Walk::VectorForEach);
                let n = shortest(sequences, |v| {
                    Ok(if vectors {
                        args::vector(who, v)?.items.borrow().len()
                    } else {
                        args::string(who, v)?.chars.borrow().len()
                    })
                })?;
                (0, n)
            }
        };
        if matches!(kind, Walk::Map | Walk::VectorMap | Walk::StringMap) {
            args::check_list_size(self, who, count.max(length))?;
        }
        self.machine.stack[bp + CURSOR] = cursor;
        self.machine.stack[bp + COUNT] = Value::Int(count as i64);
        self.machine.stack[bp + LENGTH] = Value::Int(length as i64);
        self.machine.stack[bp + RESULTS] = Value::Null;
        Ok(())
    }

    /// `WalkStep`: takes `value`, the value of the last call.
    #[inline(always)]
    fn walk_collect(&mut self, kind: Walk, bp: usize, value: Value) -> Result<()> {
        match kind {
            Walk::ForEach | Walk::VectorForEach | Walk::StringForEach => Ok(()),
            Walk::StringMap if !matches!(value, Value::Char(_)) => Err(Error::wrong_type(
                who(kind),
                "the procedure to return a character",
                &value,
            )),
            _ => {
                let results = std::mem::take(&mut self.machine.stack[bp + RESULTS]);
                self.machine.stack[bp + RESULTS] = Value::cons(value, results);
                Ok(())
            }
        }
    }

    /// Makes the walk's next call, or ends it. A procedure that is not a
    /// closure (a builtin, a parameter...) is called here, in a loop, until
    /// a closure call is to be made or the walk is over.
    fn walk_next(&mut self, kind: Walk, bp: usize, span: Span) -> Result<WalkFlow> {
        loop {
            let base = self.machine.stack.len();
            let argc = match self.walk_push_arguments(kind, bp)? {
                Some(argc) => argc,
                None => return self.walk_finish(kind, bp).map(WalkFlow::Done),
            };
            let f = self.machine.stack[bp + F].clone();
            let resume = Some((STEP_PC as usize, base));
            let value = match f {
                Value::Closure(callee) => {
                    return Ok(WalkFlow::Call(CallTo {
                        callee,
                        base,
                        argc,
                        span,
                        resume: Some((STEP_PC, base as u32)),
                    }))
                }
                f => match self.vm_call_value(f, base, argc, span, resume)? {
                    Ok(v) => v,
                    Err(next) => return Ok(WalkFlow::Call(next)),
                },
            };
            self.machine.stack.truncate(base);
            self.walk_collect(kind, bp, value)?;
            self.poll(span)?;
        }
    }

    /// Pushes the arguments of the next call and moves the walk past them;
    /// `None` when the walk is over.
    #[inline]
    fn walk_push_arguments(&mut self, kind: Walk, bp: usize) -> Result<Option<usize>> {
        let single = matches!(self.machine.stack[bp + REST], Value::Null);
        match kind {
            Walk::Map | Walk::ForEach => {
                match &mut self.machine.stack[bp + COUNT] {
                    Value::Int(left) if *left > 0 => *left -= 1,
                    _ => return Ok(None),
                }
                let (argc, next) = if single {
                    let (item, next) = match &self.machine.stack[bp + CURSOR] {
                        cursor @ Value::Pair(pair) => {
                            args::check_live(cursor)?;
                            (pair.car(), pair.cdr())
                        }
                        _ => return Ok(None),
                    };
                    self.machine.stack.push(item);
                    (1, next)
                } else {
                    let mut tails = Vec::new();
                    for list in elements(&self.machine.stack[bp + CURSOR]) {
                        let Value::Pair(pair) = &list else {
                            return Ok(None);
                        };
                        args::check_live(&list)?;
                        self.machine.stack.push(pair.car());
                        tails.push(pair.cdr());
                    }
                    (tails.len(), Value::list(tails))
                };
                self.machine.stack[bp + CURSOR] = next;
                Ok(Some(argc))
            }
            Walk::VectorMap | Walk::VectorForEach | Walk::StringMap | Walk::StringForEach => {
                let (Value::Int(i), Value::Int(n)) = (
                    &self.machine.stack[bp + COUNT],
                    &self.machine.stack[bp + LENGTH],
                ) else {
                    return Ok(None);
                };
                let (i, n) = (*i as usize, *n as usize);
                if i >= n {
                    return Ok(None);
                }
                let cursor = self.machine.stack[bp + CURSOR].clone();
                let sequences = if single {
                    vec![cursor]
                } else {
                    elements(&cursor)
                };
                let base = self.machine.stack.len();
                for sequence in &sequences {
                    args::check_live(sequence)?;
                    let item = match sequence {
                        Value::Vector(v) => v.items.borrow().get(i).cloned(),
                        Value::Str(s) => s.chars.borrow().get(i).copied().map(Value::Char),
                        _ => None,
                    };
                    // A sequence may have changed length under the walk.
                    let Some(item) = item else {
                        self.machine.stack.truncate(base);
                        return Ok(None);
                    };
                    self.machine.stack.push(item);
                }
                if let Value::Int(next) = &mut self.machine.stack[bp + COUNT] {
                    *next += 1;
                }
                Ok(Some(sequences.len()))
            }
        }
    }

    /// The walk's value, from its results.
    fn walk_finish(&mut self, kind: Walk, bp: usize) -> Result<Value> {
        let results = std::mem::take(&mut self.machine.stack[bp + RESULTS]);
        if kind == Walk::Map {
            return Ok(reversed(results));
        }
        let mut items = elements(&results);
        items.reverse();
        Ok(match kind {
            Walk::Map => Value::list(items),
            Walk::VectorMap => Value::vector(items),
            Walk::StringMap => {
                let chars = items
                    .into_iter()
                    .map(|c| match c {
                        Value::Char(c) => c,
                        _ => '\u{fffd}',
                    })
                    .collect();
                Value::Str(Rc::new(SString::new(chars)))
            }
            Walk::ForEach | Walk::VectorForEach | Walk::StringForEach => Value::Unspecified,
        })
    }
}
