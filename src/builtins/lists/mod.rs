//! Builtins: pairs and lists (R7RS, plus the common SRFI-1 procedures).
//!
//! Every traversal iterates along cdrs (never recursion), checks each pair for a
//! dead arena owner, and detects cyclic lists where it would otherwise loop
//! forever. Results are collected into a `Vec` and consed up from the back.

use std::rc::Rc;

use super::equivalence::equal_in;
use super::hashtables::key_for;
use super::list_columns::columns;
use super::{args, Primitive};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::{HashKind, Pair, Value};

/// This topic's builtins.
pub static PRIMITIVES: &[Primitive] = &[
    prim!("cons", 2, 2, cons, "(cons a b): a new pair"),
    prim!("car", 1, 1, car, "(car pair): the first field of a pair"),
    prim!("cdr", 1, 1, cdr, "(cdr pair): the second field of a pair"),
    prim!("set-car!", 2, 2, set_car, "(set-car! pair x): replaces the car"),
    prim!("set-cdr!", 2, 2, set_cdr, "(set-cdr! pair x): replaces the cdr"),
    prim!("caar", 1, 1, caar, "(caar x): (car (car x))"),
    prim!("cadr", 1, 1, cadr, "(cadr x): (car (cdr x))"),
    prim!("cdar", 1, 1, cdar, "(cdar x): (cdr (car x))"),
    prim!("cddr", 1, 1, cddr, "(cddr x): (cdr (cdr x))"),
    prim!("caaar", 1, 1, caaar, "(caaar x): (car (car (car x)))"),
    prim!("caadr", 1, 1, caadr, "(caadr x): (car (car (cdr x)))"),
    prim!("cadar", 1, 1, cadar, "(cadar x): (car (cdr (car x)))"),
    prim!("caddr", 1, 1, caddr, "(caddr x): (car (cdr (cdr x)))"),
    prim!("cdaar", 1, 1, cdaar, "(cdaar x): (cdr (car (car x)))"),
    prim!("cdadr", 1, 1, cdadr, "(cdadr x): (cdr (car (cdr x)))"),
    prim!("cddar", 1, 1, cddar, "(cddar x): (cdr (cdr (car x)))"),
    prim!("cdddr", 1, 1, cdddr, "(cdddr x): (cdr (cdr (cdr x)))"),
    prim!("cadddr", 1, 1, cadddr, "(cadddr x): the fourth element of a list"),
    prim!("cddddr", 1, 1, cddddr, "(cddddr x): (cdr (cdr (cdr (cdr x))))"),
    prim!("caaaar", 1, 1, caaaar, "(caaaar x): a four-level car/cdr composition"),
    prim!("caaadr", 1, 1, caaadr, "(caaadr x): a four-level car/cdr composition"),
    prim!("caadar", 1, 1, caadar, "(caadar x): a four-level car/cdr composition"),
    prim!("caaddr", 1, 1, caaddr, "(caaddr x): a four-level car/cdr composition"),
    prim!("cadaar", 1, 1, cadaar, "(cadaar x): a four-level car/cdr composition"),
    prim!("cadadr", 1, 1, cadadr, "(cadadr x): a four-level car/cdr composition"),
    prim!("caddar", 1, 1, caddar, "(caddar x): a four-level car/cdr composition"),
    prim!("cdaaar", 1, 1, cdaaar, "(cdaaar x): a four-level car/cdr composition"),
    prim!("cdaadr", 1, 1, cdaadr, "(cdaadr x): a four-level car/cdr composition"),
    prim!("cdadar", 1, 1, cdadar, "(cdadar x): a four-level car/cdr composition"),
    prim!("cdaddr", 1, 1, cdaddr, "(cdaddr x): a four-level car/cdr composition"),
    prim!("cddaar", 1, 1, cddaar, "(cddaar x): a four-level car/cdr composition"),
    prim!("cddadr", 1, 1, cddadr, "(cddadr x): a four-level car/cdr composition"),
    prim!("cdddar", 1, 1, cdddar, "(cdddar x): a four-level car/cdr composition"),
    prim!("list", 0, _, list, "(list x ...): a new list of the arguments"),
    prim!("cons*", 1, _, cons_star, "(cons* x ... tail): the xs consed onto tail"),
    prim!("list?", 1, 1, list_p, "(list? x): whether x is a proper (finite, ()-terminated) list"),
    prim!("pair?", 1, 1, pair_p, "(pair? x): whether x is a pair"),
    prim!("null?", 1, 1, null_p, "(null? x): whether x is the empty list"),
    prim!("length", 1, 1, length, "(length list): the number of elements of a proper list"),
    prim!("append", 0, _, append, "(append list ... x): the lists joined (the last argument is shared)"),
    prim!("append!", 0, _, append_bang, "(append! list ... x): the lists joined by changing their last cdrs"),
    prim!("reverse", 1, 1, reverse, "(reverse list): a new list of the elements in reverse order"),
    prim!("list-tail", 2, 2, list_tail, "(list-tail list k): the list without its first k elements"),
    prim!("list-ref", 2, 2, list_ref, "(list-ref list k): element k (from 0) of a list"),
    prim!("list-set!", 3, 3, list_set, "(list-set! list k x): replaces element k of a list"),
    prim!("list-copy", 1, 1, list_copy, "(list-copy list): a copy of a list's pairs"),
    prim!("last-pair", 1, 1, last_pair, "(last-pair list): the last pair of a non-empty list"),
    prim!("last", 1, 1, last, "(last list): the last element of a non-empty list"),
    prim!("make-list", 1, 2, make_list, "(make-list k [fill]): a list of k elements"),
    prim!("iota", 1, 3, iota, "(iota count [start step]): count numbers from start (0) by step (1)"),
    prim!("range", 1, 3, range, "(range [start] end [step]): the numbers from start (0) below end by step (1)"),
    prim!("memq", 2, 2, memq, "(memq x list): the first sublist whose car is eq? to x, or #f"),
    prim!("memv", 2, 2, memv, "(memv x list): the first sublist whose car is eqv? to x, or #f"),
    prim!("member", 2, 3, member, "(member x list [=]): the first sublist whose car is equal? to x, or #f"),
    prim!("assq", 2, 2, assq, "(assq key alist): the first pair whose car is eq? to key, or #f"),
    prim!("assv", 2, 2, assv, "(assv key alist): the first pair whose car is eqv? to key, or #f"),
    prim!("assoc", 2, 3, assoc, "(assoc key alist [=]): the first pair whose car is equal? to key, or #f"),
    prim!("append-map", 2, _, append_map, "(append-map f list ...): the results of f appended"),
    prim!("filter-map", 2, _, filter_map, "(filter-map f list ...): the true results of f"),
    prim!("filter", 2, 2, filter, "(filter pred list): the elements satisfying pred"),
    prim!("remove", 2, 2, remove, "(remove pred list): the elements not satisfying pred"),
    prim!("partition", 2, 2, partition, "(partition pred list): two values: elements satisfying pred, and the rest"),
    prim!("reduce", 3, 3, reduce, "(reduce f ridentity list): (f e3 (f e2 e1))..., or ridentity for ()"),
    prim!("fold-left", 3, _, fold_left, "(fold-left f init list ...): (f (f init e1) e2)..."),
    prim!("fold-right", 3, _, fold_right, "(fold-right f init list ...): (f e1 (f e2 ... init))"),
    prim!("fold", 3, _, fold, "(fold kons knil list ...): (kons e2 (kons e1 knil))..."),
    prim!("delete", 2, 3, delete, "(delete x list [=]): the list without elements equal? to x"),
    prim!("delete!", 2, 3, delete, "(delete! x list [=]): the list without elements equal? to x"),
    prim!("delete-duplicates", 1, 2, delete_duplicates, "(delete-duplicates list [=]): the list keeping only first occurrences"),
    prim!("list-index", 2, _, list_index, "(list-index pred list ...): the index of the first elements satisfying pred, or #f"),
    prim!("any", 2, _, any, "(any pred list ...): the first true result of pred, or #f"),
    prim!("every", 2, _, every, "(every pred list ...): #f if pred fails on some elements, else its last result (#t for ())"),
    prim!("count", 2, _, count, "(count pred list ...): how many elements satisfy pred"),
];

/// The most elements a list builtin builds in one go.
const MAX_LIST_ELEMENTS: usize = 1 << 26;

/// A vector with room for `n` list elements, or a Memory error.
/// Elements a list builder that cannot know its result's length makes
/// between two budget checks.
const CHECK_EVERY: usize = 1 << 16;

fn reserve(interp: &Interp, who: &str, n: usize) -> Result<Vec<Value>> {
    let too_large = || {
        Error::new(
            ErrorKind::Memory,
            format!("{who}: a list of {n} elements is too large"),
        )
    };
    if n > MAX_LIST_ELEMENTS {
        return Err(too_large());
    }
    args::check_list_size(interp, who, n)?;
    let mut out = Vec::new();
    out.try_reserve_exact(n).map_err(|_| too_large())?;
    Ok(out)
}

/// Walks the pairs of a list with cycle detection (Floyd), checking each pair's
/// arena.
struct Cursor<'a> {
    who: &'a str,
    list: &'a Value,
    /// The rest of the list not yet walked; after the walk, its final tail.
    cur: Value,
    cycle: args::CdrCycle,
}

impl<'a> Cursor<'a> {
    fn new(who: &'a str, list: &'a Value) -> Cursor<'a> {
        Cursor {
            who,
            list,
            cur: list.clone(),
            cycle: args::CdrCycle::new(list),
        }
    }

    /// The next pair, or `None` when the rest is not a pair (see `cur`).
    /// Fails on a cycle or a dead pair.
    fn next_any(&mut self) -> Result<Option<Rc<Pair>>> {
        let pair = match &self.cur {
            Value::Pair(p) => {
                args::check_live(&self.cur)?;
                p.clone()
            }
            _ => return Ok(None),
        };
        self.cur = pair.cdr();
        if self.cycle.cycled(&self.cur) {
            return Err(Error::wrong_type(
                self.who,
                "a proper list (this one is cyclic)",
                self.list,
            ));
        }
        Ok(Some(pair))
    }

    /// The next pair of a proper list, or `None` at its end; fails on an
    /// improper tail too.
    fn next(&mut self) -> Result<Option<Rc<Pair>>> {
        match self.next_any()? {
            Some(p) => Ok(Some(p)),
            None if matches!(self.cur, Value::Null) => Ok(None),
            None => Err(Error::wrong_type(self.who, "a proper list", self.list)),
        }
    }
}

/// Calls `f` (once `data` is known to be alive) and tells whether its
/// result is true.
fn test(interp: &mut Interp, data: &[Value], f: &Value, call: &[Value]) -> Result<bool> {
    Ok(args::apply_live(interp, data, f, call)?.is_true())
}

/// Element `i` of each list.
fn row(lists: &[Vec<Value>], i: usize) -> Vec<Value> {
    lists.iter().filter_map(|l| l.get(i).cloned()).collect()
}

// ---- pairs ----

/// `(cons a b)`
fn cons(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::cons(args[0].clone(), args[1].clone()))
}

/// `(car pair)`
fn car(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(args::pair("car", &args[0])?.car())
}

/// `(cdr pair)`
fn cdr(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(args::pair("cdr", &args[0])?.cdr())
}

/// `(set-car! pair x)`
fn set_car(_: &mut Interp, args: &[Value]) -> Result<Value> {
    args::pair("set-car!", &args[0])?.set_car(args[1].clone());
    Ok(Value::Unspecified)
}

/// `(set-cdr! pair x)`
fn set_cdr(_: &mut Interp, args: &[Value]) -> Result<Value> {
    args::pair("set-cdr!", &args[0])?.set_cdr(args[1].clone());
    Ok(Value::Unspecified)
}

/// Follows `path` (letters `a`/`d`, applied right to left) from `value`.
fn cxr(who: &str, path: &str, value: &Value) -> Result<Value> {
    let mut cur = value.clone();
    for step in path.bytes().rev() {
        let pair = match args::pair(who, &cur) {
            Ok(p) => p.clone(),
            Err(e) if e.kind() == ErrorKind::Type => {
                return Err(Error::wrong_type(
                    who,
                    &format!("a value with a c{path}r"),
                    value,
                ))
            }
            Err(e) => return Err(e),
        };
        cur = if step == b'a' { pair.car() } else { pair.cdr() };
    }
    Ok(cur)
}

macro_rules! cxr_fns {
    ($($fname:ident $path:literal),* $(,)?) => {
        $(
            #[doc = concat!("`(c", $path, "r x)`")]
            fn $fname(_: &mut Interp, args: &[Value]) -> Result<Value> {
                cxr(concat!("c", $path, "r"), $path, &args[0])
            }
        )*
    };
}

cxr_fns!(
    caar "aa", cadr "ad", cdar "da", cddr "dd",
    caaar "aaa", caadr "aad", cadar "ada", caddr "add",
    cdaar "daa", cdadr "dad", cddar "dda", cdddr "ddd",
    cadddr "addd", cddddr "dddd",
    caaaar "aaaa",
    caaadr "aaad",
    caadar "aada",
    caaddr "aadd",
    cadaar "adaa",
    cadadr "adad",
    caddar "adda",
    cdaaar "daaa",
    cdaadr "daad",
    cdadar "dada",
    cdaddr "dadd",
    cddaar "ddaa",
    cddadr "ddad",
    cdddar "ddda",
);

// ---- construction and predicates ----

/// `(list x ...)`
fn list(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::list(args.to_vec()))
}

/// `(cons* x ... tail)`
fn cons_star(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let (tail, items) = args
        .split_last()
        .ok_or_else(|| Error::new(ErrorKind::Arity, "cons*: expected at least one argument"))?;
    Ok(Value::list_with_tail(items.to_vec(), tail.clone()))
}

/// `(list? x)`
fn list_p(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let mut cursor = Cursor::new("list?", &args[0]);
    loop {
        match cursor.next_any() {
            Ok(Some(_)) => {}
            Ok(None) => return Ok(Value::Bool(matches!(cursor.cur, Value::Null))),
            Err(e) if e.kind() == ErrorKind::Type => return Ok(Value::Bool(false)),
            Err(e) => return Err(e),
        }
    }
}

/// `(pair? x)`
fn pair_p(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Pair(_))))
}

/// `(null? x)`
fn null_p(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Null)))
}

/// `(length list)`
fn length(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let mut cursor = Cursor::new("length", &args[0]);
    let mut n: i64 = 0;
    while cursor.next()?.is_some() {
        n += 1;
    }
    Ok(Value::Int(n))
}

/// `(append list ... x)`
fn append(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let Some((last, lists)) = args.split_last() else {
        return Ok(Value::Null);
    };
    let mut items = Vec::new();
    for l in lists {
        let part = args::list("append", l)?;
        args::check_list_size(interp, "append", items.len() + part.len())?;
        items.extend(part);
    }
    Ok(Value::list_with_tail(items, last.clone()))
}

/// `(append! list ... x)`
fn append_bang(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let Some((last, lists)) = args.split_last() else {
        return Ok(Value::Null);
    };
    let mut result: Option<Value> = None;
    let mut end: Option<Rc<Pair>> = None;
    for l in lists {
        if matches!(l, Value::Null) {
            continue;
        }
        let mut cursor = Cursor::new("append!", l);
        let mut last_pair = None;
        while let Some(p) = cursor.next()? {
            last_pair = Some(p);
        }
        if let Some(e) = &end {
            e.set_cdr(l.clone());
        }
        result.get_or_insert_with(|| l.clone());
        end = last_pair;
    }
    match end {
        Some(e) => {
            e.set_cdr(last.clone());
            Ok(result.unwrap_or(Value::Null))
        }
        None => Ok(last.clone()),
    }
}

/// `(reverse list)`
fn reverse(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let mut cursor = Cursor::new("reverse", &args[0]);
    let mut out = Value::Null;
    let mut n = 0usize;
    while let Some(p) = cursor.next()? {
        n += 1;
        if n.is_multiple_of(CHECK_EVERY) {
            args::check_list_size(interp, "reverse", CHECK_EVERY)?;
        }
        out = Value::cons(p.car(), out);
    }
    Ok(out)
}

/// The pair reached after `k` cdrs from `list` (the list itself when k = 0).
fn nth_tail(who: &str, list: &Value, k: &Value) -> Result<Value> {
    let k = args::index(who, k)?;
    let mut cur = list.clone();
    for i in 0..k {
        let next = match &cur {
            Value::Pair(p) => {
                args::check_live(&cur)?;
                p.cdr()
            }
            _ => {
                return Err(Error::range(
                    who,
                    format!("index {k} is out of range for a list of length {i}"),
                ))
            }
        };
        cur = next;
    }
    Ok(cur)
}

/// `(list-tail list k)`
fn list_tail(_: &mut Interp, args: &[Value]) -> Result<Value> {
    nth_tail("list-tail", &args[0], &args[1])
}

/// The pair holding element `k` of `list`.
fn nth_pair(who: &str, list: &Value, k: &Value) -> Result<Rc<Pair>> {
    let tail = nth_tail(who, list, k)?;
    match &tail {
        Value::Pair(p) => {
            args::check_live(&tail)?;
            Ok(p.clone())
        }
        _ => Err(Error::range(
            who,
            format!(
                "index {} is out of range for the list {}",
                crate::printer::write_string_lossy(k),
                crate::printer::write_string_lossy(list)
            ),
        )),
    }
}

/// `(list-ref list k)`
fn list_ref(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(nth_pair("list-ref", &args[0], &args[1])?.car())
}

/// `(list-set! list k x)`
fn list_set(_: &mut Interp, args: &[Value]) -> Result<Value> {
    nth_pair("list-set!", &args[0], &args[1])?.set_car(args[2].clone());
    Ok(Value::Unspecified)
}

/// `(list-copy list)`
fn list_copy(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let mut cursor = Cursor::new("list-copy", &args[0]);
    let mut items = Vec::new();
    while let Some(p) = cursor.next_any()? {
        items.push(p.car());
        if items.len().is_multiple_of(CHECK_EVERY) {
            args::check_list_size(interp, "list-copy", CHECK_EVERY)?;
        }
    }
    Ok(Value::list_with_tail(items, cursor.cur))
}

/// The last pair of a non-empty list (improper tails allowed).
fn last_pair_of(who: &str, list: &Value) -> Result<Rc<Pair>> {
    let mut cursor = Cursor::new(who, list);
    let mut last = None;
    while let Some(p) = cursor.next_any()? {
        last = Some(p);
    }
    last.ok_or_else(|| Error::wrong_type(who, "a non-empty list", list))
}

/// `(last-pair list)`
fn last_pair(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Pair(last_pair_of("last-pair", &args[0])?))
}

/// `(last list)`
fn last(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(last_pair_of("last", &args[0])?.car())
}

/// `(make-list k [fill])`
fn make_list(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let n = args::index("make-list", &args[0])?;
    let fill = args.get(1).cloned().unwrap_or(Value::Unspecified);
    let mut items = reserve(interp, "make-list", n)?;
    items.resize(n, fill);
    Ok(Value::list(items))
}

// ---- numeric sequences ----

/// A real number for `iota` and `range`.
#[derive(Clone, Copy)]
enum Real {
    Int(i64),
    Float(f64),
}

impl Real {
    fn of(who: &str, value: &Value) -> Result<Real> {
        match value {
            Value::Int(n) => Ok(Real::Int(*n)),
            Value::Float(x) => Ok(Real::Float(*x)),
            Value::Big(_) => Err(Error::range(
                who,
                format!("{} is too large", crate::printer::write_string_lossy(value)),
            )),
            _ => Err(Error::wrong_type(who, "a fixnum or a float", value)),
        }
    }

    fn float(self) -> f64 {
        match self {
            Real::Int(n) => n as f64,
            Real::Float(x) => x,
        }
    }
}

/// `start + i * step` for `i` in `0..n`, exact when both are exact.
fn sequence(interp: &Interp, who: &str, n: usize, start: Real, step: Real) -> Result<Value> {
    let mut items = reserve(interp, who, n)?;
    match (start, step) {
        (Real::Int(s), Real::Int(d)) => {
            for i in 0..n {
                let v = (i as i64)
                    .checked_mul(d)
                    .and_then(|x| x.checked_add(s))
                    .ok_or_else(|| Error::range(who, "the numbers exceed the fixnum range"))?;
                items.push(Value::Int(v));
            }
        }
        _ => {
            let (s, d) = (start.float(), step.float());
            items.extend((0..n).map(|i| Value::Float(s + i as f64 * d)));
        }
    }
    Ok(Value::list(items))
}

/// `(iota count [start step])`
fn iota(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let n = args::index("iota", &args[0])?;
    let start = match args.get(1) {
        Some(v) => Real::of("iota", v)?,
        None => Real::Int(0),
    };
    let step = match args.get(2) {
        Some(v) => Real::of("iota", v)?,
        None => Real::Int(1),
    };
    sequence(interp, "iota", n, start, step)
}

/// `(range end)`, `(range start end)`, `(range start end step)`
fn range(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let reals = args
        .iter()
        .map(|a| Real::of("range", a))
        .collect::<Result<Vec<_>>>()?;
    let (start, end, step) = match reals.as_slice() {
        [end] => (Real::Int(0), *end, Real::Int(1)),
        [start, end] => (*start, *end, Real::Int(1)),
        [start, end, step] => (*start, *end, *step),
        _ => {
            return Err(Error::new(
                ErrorKind::Arity,
                "range: expected 1 to 3 arguments",
            ))
        }
    };
    let count: f64 = match (start, end, step) {
        (_, _, Real::Int(0)) => return Err(Error::range("range", "step must not be zero")),
        (_, _, Real::Float(d)) if d == 0.0 || d.is_nan() => {
            return Err(Error::range("range", "step must be a non-zero number"))
        }
        (Real::Int(s), Real::Int(e), Real::Int(d)) => {
            let (mut span, mut d) = (e as i128 - s as i128, d as i128);
            if d < 0 {
                span = -span;
                d = -d;
            }
            let n = if span <= 0 { 0 } else { (span + d - 1) / d };
            let n = usize::try_from(n).unwrap_or(usize::MAX);
            return sequence(interp, "range", n, start, step);
        }
        (s, e, d) => ((e.float() - s.float()) / d.float()).ceil(),
    };
    if count.is_nan() {
        return Err(Error::range("range", "the bounds must be finite"));
    }
    let n = if count <= 0.0 {
        0
    } else if count >= usize::MAX as f64 {
        usize::MAX
    } else {
        count as usize
    };
    let float = |r: Real| Real::Float(r.float());
    sequence(interp, "range", n, float(start), float(step))
}

// ---- searching ----

/// The first sublist of `list` whose car satisfies `hit`, or #f.
fn find_tail(
    interp: &mut Interp,
    who: &str,
    list: &Value,
    mut hit: impl FnMut(&mut Interp, &Value) -> Result<bool>,
) -> Result<Value> {
    let mut cursor = Cursor::new(who, list);
    loop {
        let here = cursor.cur.clone();
        match cursor.next()? {
            Some(p) => {
                if hit(interp, &p.car())? {
                    return Ok(here);
                }
            }
            None => return Ok(Value::Bool(false)),
        }
    }
}

/// `(memq x list)`
fn memq(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    find_tail(interp, "memq", &args[1], |_, e| Ok(e.is_eq(&args[0])))
}

/// `(memv x list)`
fn memv(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    find_tail(interp, "memv", &args[1], |_, e| Ok(e.is_eqv(&args[0])))
}

/// `(member x list [=])`
fn member(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    match args.get(2) {
        None => find_tail(interp, "member", &args[1], |interp, e| {
            equal_in(&interp.arenas, &args[0], e)
        }),
        Some(f) => {
            let f = args::procedure("member", f)?;
            find_tail(interp, "member", &args[1], |i, e| {
                test(i, &[], f, &[args[0].clone(), e.clone()])
            })
        }
    }
}

/// The first pair of `alist` whose car satisfies `hit`, or #f.
fn find_assoc(
    interp: &mut Interp,
    who: &str,
    alist: &Value,
    mut hit: impl FnMut(&mut Interp, &Value) -> Result<bool>,
) -> Result<Value> {
    let mut cursor = Cursor::new(who, alist);
    while let Some(p) = cursor.next()? {
        let entry = p.car();
        let pair = args::pair(who, &entry)
            .map_err(|e| {
                if e.kind() == ErrorKind::Type {
                    Error::wrong_type(who, "an association list (of pairs)", alist)
                } else {
                    e
                }
            })?
            .clone();
        if hit(interp, &pair.car())? {
            return Ok(entry);
        }
    }
    Ok(Value::Bool(false))
}

/// `(assq key alist)`
fn assq(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    find_assoc(interp, "assq", &args[1], |_, k| Ok(k.is_eq(&args[0])))
}

/// `(assv key alist)`
fn assv(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    find_assoc(interp, "assv", &args[1], |_, k| Ok(k.is_eqv(&args[0])))
}

/// `(assoc key alist [=])`
fn assoc(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    match args.get(2) {
        None => find_assoc(interp, "assoc", &args[1], |interp, k| {
            equal_in(&interp.arenas, &args[0], k)
        }),
        Some(f) => {
            let f = args::procedure("assoc", f)?;
            find_assoc(interp, "assoc", &args[1], |i, k| {
                test(i, &[], f, &[args[0].clone(), k.clone()])
            })
        }
    }
}

// ---- higher-order ----

/// `(append-map f list ...)`
fn append_map(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("append-map", &args[0])?;
    let (lists, n) = columns("append-map", &args[1..])?;
    let mut out = Vec::new();
    for i in 0..n {
        let result = args::apply_live(interp, args, f, &row(&lists, i))?;
        out.extend(args::list("append-map", &result)?);
    }
    Ok(Value::list(out))
}

/// `(filter-map f list ...)`
fn filter_map(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("filter-map", &args[0])?;
    let (lists, n) = columns("filter-map", &args[1..])?;
    let mut out = Vec::new();
    for i in 0..n {
        let result = args::apply_live(interp, args, f, &row(&lists, i))?;
        if result.is_true() {
            out.push(result);
        }
    }
    Ok(Value::list(out))
}

/// The elements of `list` split by whether `pred` holds.
fn split(
    interp: &mut Interp,
    who: &str,
    pred: &Value,
    list: &Value,
) -> Result<(Vec<Value>, Vec<Value>)> {
    let pred = args::procedure(who, pred)?;
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for item in args::list(who, list)? {
        if test(
            interp,
            std::slice::from_ref(list),
            pred,
            std::slice::from_ref(&item),
        )? {
            yes.push(item);
        } else {
            no.push(item);
        }
    }
    Ok((yes, no))
}

/// `(filter pred list)`
fn filter(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::list(split(interp, "filter", &args[0], &args[1])?.0))
}

/// `(remove pred list)`
fn remove(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::list(split(interp, "remove", &args[0], &args[1])?.1))
}

/// `(partition pred list)`
fn partition(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let (yes, no) = split(interp, "partition", &args[0], &args[1])?;
    Ok(Value::Values(Rc::new(vec![
        Value::list(yes),
        Value::list(no),
    ])))
}

/// `(reduce f ridentity list)`
fn reduce(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("reduce", &args[0])?;
    let mut items = args::list("reduce", &args[2])?.into_iter();
    let Some(mut acc) = items.next() else {
        return Ok(args[1].clone());
    };
    for item in items {
        acc = args::apply_live(interp, args, f, &[item, acc])?;
    }
    Ok(acc)
}

/// `(fold-left f init list ...)`
fn fold_left(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("fold-left", &args[0])?;
    let (lists, n) = columns("fold-left", &args[2..])?;
    let mut acc = args[1].clone();
    for i in 0..n {
        let mut call = vec![acc];
        call.extend(row(&lists, i));
        acc = args::apply_live(interp, args, f, &call)?;
    }
    Ok(acc)
}

/// `(fold-right f init list ...)`
fn fold_right(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("fold-right", &args[0])?;
    let (lists, n) = columns("fold-right", &args[2..])?;
    let mut acc = args[1].clone();
    for i in (0..n).rev() {
        let mut call = row(&lists, i);
        call.push(acc);
        acc = args::apply_live(interp, args, f, &call)?;
    }
    Ok(acc)
}

/// `(fold kons knil list ...)`
fn fold(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("fold", &args[0])?;
    let (lists, n) = columns("fold", &args[2..])?;
    let mut acc = args[1].clone();
    for i in 0..n {
        let mut call = row(&lists, i);
        call.push(acc);
        acc = args::apply_live(interp, args, f, &call)?;
    }
    Ok(acc)
}

/// `(delete x list [=])` and `delete!`
fn delete(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let items = args::list("delete", &args[1])?;
    let mut out = Vec::new();
    match args.get(2) {
        None => {
            for item in items {
                if !equal_in(&interp.arenas, &args[0], &item)? {
                    out.push(item);
                }
            }
        }
        Some(f) => {
            let f = args::procedure("delete", f)?;
            for item in items {
                if !test(interp, args, f, &[args[0].clone(), item.clone()])? {
                    out.push(item);
                }
            }
        }
    }
    Ok(Value::list(out))
}

/// `(delete-duplicates list [=])`
fn delete_duplicates(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let items = args::list("delete-duplicates", &args[0])?;
    let mut out: Vec<Value> = Vec::new();
    match args.get(1) {
        None => {
            // Keys that cannot be hashed by structure (deep, huge, cyclic)
            // are compared with equal? against the others like them.
            let mut seen = std::collections::HashSet::new();
            let mut unkeyed: Vec<Value> = Vec::new();
            for item in items {
                let new = match key_for(interp, HashKind::Equal, &item)? {
                    Some(key) => seen.insert(key),
                    None => {
                        let mut found = false;
                        for other in &unkeyed {
                            if equal_in(&interp.arenas, other, &item)? {
                                found = true;
                                break;
                            }
                        }
                        if !found {
                            unkeyed.push(item.clone());
                        }
                        !found
                    }
                };
                if new {
                    out.push(item);
                }
            }
        }
        Some(f) => {
            let f = args::procedure("delete-duplicates", f)?;
            'items: for item in items {
                for kept in &out {
                    if test(interp, args, f, &[kept.clone(), item.clone()])? {
                        continue 'items;
                    }
                }
                out.push(item);
            }
        }
    }
    Ok(Value::list(out))
}

/// `(list-index pred list ...)`
fn list_index(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("list-index", &args[0])?;
    let (lists, n) = columns("list-index", &args[1..])?;
    for i in 0..n {
        if test(interp, args, f, &row(&lists, i))? {
            return Ok(Value::Int(i as i64));
        }
    }
    Ok(Value::Bool(false))
}

/// `(any pred list ...)`
fn any(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("any", &args[0])?;
    let (lists, n) = columns("any", &args[1..])?;
    for i in 0..n {
        let result = args::apply_live(interp, args, f, &row(&lists, i))?;
        if result.is_true() {
            return Ok(result);
        }
    }
    Ok(Value::Bool(false))
}

/// `(every pred list ...)`
fn every(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("every", &args[0])?;
    let (lists, n) = columns("every", &args[1..])?;
    let mut last = Value::Bool(true);
    for i in 0..n {
        last = args::apply_live(interp, args, f, &row(&lists, i))?;
        if !last.is_true() {
            return Ok(last);
        }
    }
    Ok(last)
}

/// `(count pred list ...)`
fn count(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("count", &args[0])?;
    let (lists, n) = columns("count", &args[1..])?;
    let mut total: i64 = 0;
    for i in 0..n {
        if test(interp, args, f, &row(&lists, i))? {
            total += 1;
        }
    }
    Ok(Value::Int(total))
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::printer::write_string_lossy as w;

    fn ints(items: &[i64]) -> Value {
        Value::list(items.iter().map(|&n| Value::Int(n)).collect())
    }

    fn call(f: fn(&mut Interp, &[Value]) -> Result<Value>, args: &[Value]) -> Result<Value> {
        f(&mut Interp::new_captured(), args)
    }

    fn ok(f: fn(&mut Interp, &[Value]) -> Result<Value>, args: &[Value]) -> String {
        w(&call(f, args).unwrap())
    }

    fn kind(f: fn(&mut Interp, &[Value]) -> Result<Value>, args: &[Value]) -> ErrorKind {
        call(f, args).unwrap_err().kind()
    }

    fn long(n: i64) -> Value {
        let mut v = Value::Null;
        for i in (0..n).rev() {
            v = Value::cons(Value::Int(i), v);
        }
        v
    }

    fn cyclic() -> Value {
        let l = ints(&[1, 2, 3]);
        if let Value::Pair(p) = &l {
            if let Value::Pair(q) = p.cdr() {
                if let Value::Pair(r) = q.cdr() {
                    r.set_cdr(l.clone());
                }
            }
        }
        l
    }

    #[test]
    fn pairs() {
        let p = call(cons, &[Value::Int(1), Value::Int(2)]).unwrap();
        assert_eq!(w(&p), "(1 . 2)");
        assert_eq!(ok(car, &[p.clone()]), "1");
        assert_eq!(ok(cdr, &[p.clone()]), "2");
        call(set_car, &[p.clone(), Value::Int(5)]).unwrap();
        call(set_cdr, &[p.clone(), Value::Null]).unwrap();
        assert_eq!(w(&p), "(5)");
        let e = call(car, &[Value::Int(5)]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Type);
        assert_eq!(e.message(), "car: expected a pair, got 5");
        assert_eq!(kind(cdr, &[Value::Null]), ErrorKind::Type);
        let l = ints(&[1, 2, 3, 4, 5]);
        assert_eq!(ok(cadr, &[l.clone()]), "2");
        assert_eq!(ok(cddr, &[l.clone()]), "(3 4 5)");
        assert_eq!(ok(caddr, &[l.clone()]), "3");
        assert_eq!(ok(cdddr, &[l.clone()]), "(4 5)");
        assert_eq!(ok(cadddr, &[l.clone()]), "4");
        assert_eq!(ok(cddddr, &[l.clone()]), "(5)");
        let nested = Value::list(vec![ints(&[1, 2]), ints(&[3])]);
        assert_eq!(ok(caar, &[nested.clone()]), "1");
        assert_eq!(ok(cdar, &[nested.clone()]), "(2)");
        assert_eq!(ok(cadar, &[nested.clone()]), "2");
        assert_eq!(ok(caadr, &[nested.clone()]), "3");
        assert_eq!(kind(caddr, &[ints(&[1])]), ErrorKind::Type);
    }

    #[test]
    fn construction() {
        assert_eq!(ok(list, &[]), "()");
        assert_eq!(ok(list, &[Value::Int(1), Value::Int(2)]), "(1 2)");
        assert_eq!(
            ok(cons_star, &[Value::Int(1), Value::Int(2), ints(&[3])]),
            "(1 2 3)"
        );
        assert_eq!(ok(cons_star, &[Value::Int(1), Value::Int(2)]), "(1 . 2)");
        assert_eq!(ok(cons_star, &[Value::Int(1)]), "1");
        assert_eq!(
            ok(make_list, &[Value::Int(3), Value::Char('x')]),
            "(#\\x #\\x #\\x)"
        );
        assert_eq!(ok(make_list, &[Value::Int(0)]), "()");
        assert_eq!(kind(make_list, &[Value::Int(-1)]), ErrorKind::Range);
        assert_eq!(kind(make_list, &[Value::Int(1 << 50)]), ErrorKind::Memory);
    }

    #[test]
    fn predicates_and_length() {
        assert_eq!(ok(list_p, &[ints(&[1, 2])]), "#t");
        assert_eq!(ok(list_p, &[Value::Null]), "#t");
        assert_eq!(
            ok(list_p, &[Value::cons(Value::Int(1), Value::Int(2))]),
            "#f"
        );
        assert_eq!(ok(list_p, &[cyclic()]), "#f");
        assert_eq!(ok(list_p, &[Value::Int(1)]), "#f");
        assert_eq!(ok(pair_p, &[ints(&[1])]), "#t");
        assert_eq!(ok(pair_p, &[Value::Null]), "#f");
        assert_eq!(ok(null_p, &[Value::Null]), "#t");
        assert_eq!(ok(null_p, &[ints(&[1])]), "#f");
        assert_eq!(ok(length, &[ints(&[1, 2, 3])]), "3");
        assert_eq!(ok(length, &[Value::Null]), "0");
        assert_eq!(ok(length, &[long(1_000_000)]), "1000000");
        let e = call(length, &[Value::cons(Value::Int(1), Value::Int(2))]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Type);
        assert!(e.message().starts_with("length: expected a proper list"));
        assert_eq!(kind(length, &[cyclic()]), ErrorKind::Type);
        assert_eq!(kind(length, &[Value::Int(3)]), ErrorKind::Type);
    }

    #[test]
    fn append_reverse_copy() {
        assert_eq!(ok(append, &[]), "()");
        assert_eq!(ok(append, &[ints(&[1])]), "(1)");
        assert_eq!(
            ok(
                append,
                &[ints(&[1, 2]), ints(&[3]), Value::Null, ints(&[4])]
            ),
            "(1 2 3 4)"
        );
        assert_eq!(ok(append, &[ints(&[1]), Value::Int(2)]), "(1 . 2)");
        assert_eq!(kind(append, &[Value::Int(1), ints(&[2])]), ErrorKind::Type);
        let tail = ints(&[9]);
        let joined = call(append, &[ints(&[1]), tail.clone()]).unwrap();
        let Value::Pair(p) = &joined else { panic!() };
        assert!(p.cdr().is_eq(&tail));
        assert_eq!(ok(reverse, &[ints(&[1, 2, 3])]), "(3 2 1)");
        assert_eq!(ok(reverse, &[Value::Null]), "()");
        assert_eq!(kind(reverse, &[cyclic()]), ErrorKind::Type);
        let big = call(reverse, &[long(1_000_000)]).unwrap();
        assert_eq!(ok(car, &[big]), "999999");
        let a = ints(&[1, 2]);
        let b = ints(&[3]);
        let j = call(append_bang, &[a.clone(), Value::Null, b, Value::Int(4)]).unwrap();
        assert!(j.is_eq(&a));
        assert_eq!(w(&a), "(1 2 3 . 4)");
        assert_eq!(ok(append_bang, &[Value::Null, ints(&[5])]), "(5)");
        let orig = Value::list_with_tail(vec![Value::Int(1), Value::Int(2)], Value::Int(3));
        let copy = call(list_copy, &[orig.clone()]).unwrap();
        assert_eq!(w(&copy), "(1 2 . 3)");
        assert!(!copy.is_eq(&orig));
        assert_eq!(ok(list_copy, &[Value::Int(7)]), "7");
        assert_eq!(
            ok(length, &[call(list_copy, &[long(1_000_000)]).unwrap()]),
            "1000000"
        );
    }

    #[test]
    fn indexing() {
        let l = ints(&[10, 11, 12]);
        assert_eq!(ok(list_tail, &[l.clone(), Value::Int(0)]), "(10 11 12)");
        assert_eq!(ok(list_tail, &[l.clone(), Value::Int(3)]), "()");
        assert_eq!(
            kind(list_tail, &[l.clone(), Value::Int(4)]),
            ErrorKind::Range
        );
        assert_eq!(ok(list_ref, &[l.clone(), Value::Int(2)]), "12");
        assert_eq!(
            kind(list_ref, &[l.clone(), Value::Int(3)]),
            ErrorKind::Range
        );
        assert_eq!(
            kind(list_ref, &[l.clone(), Value::Int(-1)]),
            ErrorKind::Range
        );
        assert_eq!(
            kind(list_ref, &[l.clone(), Value::symbol("a")]),
            ErrorKind::Type
        );
        call(list_set, &[l.clone(), Value::Int(1), Value::symbol("x")]).unwrap();
        assert_eq!(w(&l), "(10 x 12)");
        assert_eq!(
            kind(list_set, &[l.clone(), Value::Int(5), Value::Null]),
            ErrorKind::Range
        );
        assert_eq!(ok(last_pair, &[l.clone()]), "(12)");
        assert_eq!(ok(last, &[l.clone()]), "12");
        assert_eq!(kind(last, &[Value::Null]), ErrorKind::Type);
        assert_eq!(ok(last, &[long(1_000_000)]), "999999");
        assert_eq!(
            ok(list_ref, &[long(1_000_000), Value::Int(999_999)]),
            "999999"
        );
    }

    #[test]
    fn searching() {
        let l = Value::list(vec![
            Value::symbol("a"),
            ints(&[1]),
            Value::string("s"),
            Value::Int(3),
        ]);
        assert_eq!(
            ok(memq, &[Value::symbol("a"), l.clone()]),
            "(a (1) \"s\" 3)"
        );
        assert_eq!(ok(memq, &[Value::symbol("z"), l.clone()]), "#f");
        assert_eq!(ok(memq, &[ints(&[1]), l.clone()]), "#f");
        assert_eq!(ok(member, &[ints(&[1]), l.clone()]), "((1) \"s\" 3)");
        assert_eq!(ok(member, &[Value::string("s"), l.clone()]), "(\"s\" 3)");
        assert_eq!(ok(memv, &[Value::Int(3), l.clone()]), "(3)");
        assert_eq!(ok(memv, &[Value::Int(3), Value::Null]), "#f");
        assert_eq!(kind(memq, &[Value::Int(4), cyclic()]), ErrorKind::Type);
        assert_eq!(ok(memq, &[Value::Int(2), cyclic()]), "#0=(2 3 1 . #0#)");
        let alist = Value::list(vec![
            Value::cons(Value::symbol("a"), Value::Int(1)),
            Value::cons(ints(&[2]), Value::Int(2)),
            Value::cons(Value::Int(3), Value::Int(3)),
        ]);
        assert_eq!(ok(assq, &[Value::symbol("a"), alist.clone()]), "(a . 1)");
        assert_eq!(ok(assq, &[ints(&[2]), alist.clone()]), "#f");
        assert_eq!(ok(assoc, &[ints(&[2]), alist.clone()]), "((2) . 2)");
        assert_eq!(ok(assv, &[Value::Int(3), alist.clone()]), "(3 . 3)");
        assert_eq!(ok(assv, &[Value::Int(4), alist.clone()]), "#f");
        assert_eq!(kind(assq, &[Value::Int(4), ints(&[1])]), ErrorKind::Type);
        let big = long(1_000_000);
        assert_eq!(ok(memv, &[Value::Int(999_999), big.clone()]), "(999999)");
        assert_eq!(ok(member, &[Value::Int(-1), big]), "#f");
    }

    #[test]
    fn numeric_sequences() {
        assert_eq!(ok(iota, &[Value::Int(5)]), "(0 1 2 3 4)");
        assert_eq!(ok(iota, &[Value::Int(3), Value::Int(1)]), "(1 2 3)");
        assert_eq!(
            ok(iota, &[Value::Int(3), Value::Int(0), Value::Int(-2)]),
            "(0 -2 -4)"
        );
        assert_eq!(ok(iota, &[Value::Int(0)]), "()");
        assert_eq!(kind(iota, &[Value::Int(-1)]), ErrorKind::Range);
        assert_eq!(
            ok(length, &[call(iota, &[Value::Int(1_000_000)]).unwrap()]),
            "1000000"
        );
        assert_eq!(ok(range, &[Value::Int(4)]), "(0 1 2 3)");
        assert_eq!(ok(range, &[Value::Int(2), Value::Int(5)]), "(2 3 4)");
        assert_eq!(
            ok(range, &[Value::Int(0), Value::Int(10), Value::Int(3)]),
            "(0 3 6 9)"
        );
        assert_eq!(
            ok(range, &[Value::Int(10), Value::Int(0), Value::Int(-3)]),
            "(10 7 4 1)"
        );
        assert_eq!(
            ok(range, &[Value::Int(10), Value::Int(1), Value::Int(-3)]),
            "(10 7 4)"
        );
        assert_eq!(ok(range, &[Value::Int(5), Value::Int(2)]), "()");
        assert_eq!(ok(range, &[Value::Int(0)]), "()");
        assert_eq!(ok(range, &[Value::Int(-3)]), "()");
        assert_eq!(
            kind(range, &[Value::Int(0), Value::Int(5), Value::Int(0)]),
            ErrorKind::Range
        );
        assert_eq!(
            kind(range, &[Value::Int(0), Value::Float(1e15)]),
            ErrorKind::Memory
        );
        assert_eq!(
            kind(range, &[Value::Int(i64::MIN), Value::Int(i64::MAX)]),
            ErrorKind::Memory
        );
        assert_eq!(kind(range, &[Value::string("a")]), ErrorKind::Type);
        let r = call(
            range,
            &[Value::Int(0), Value::Float(1.0), Value::Float(0.25)],
        )
        .unwrap();
        assert_eq!(ok(length, &[r.clone()]), "4");
        assert!(matches!(call(car, &[r]).unwrap(), Value::Float(x) if x == 0.0));
        assert_eq!(
            ok(length, &[call(range, &[Value::Int(1_000_000)]).unwrap()]),
            "1000000"
        );
    }

    #[test]
    fn without_procedures() {
        let l = Value::list(vec![
            Value::Int(1),
            Value::Int(2),
            Value::Int(1),
            ints(&[3]),
            ints(&[3]),
        ]);
        assert_eq!(ok(delete, &[Value::Int(1), l.clone()]), "(2 (3) (3))");
        assert_eq!(ok(delete, &[ints(&[3]), l.clone()]), "(1 2 1)");
        assert_eq!(ok(delete_duplicates, &[l.clone()]), "(1 2 (3))");
        assert_eq!(ok(delete_duplicates, &[Value::Null]), "()");
        assert_eq!(kind(filter, &[Value::Null, ints(&[1])]), ErrorKind::Type);
    }

    #[test]
    fn dead_arena_pairs() {
        let tag = Rc::new({
            let t = crate::value::ArenaTag::new(
                crate::arena::ArenaId {
                    slot: 1,
                    generation: 1,
                },
                Default::default(),
            );
            t.alive.set(false);
            t
        });
        let dead = Value::Pair(Rc::new(Pair::in_arena(
            Value::Int(1),
            Value::Null,
            crate::value::Owner::current(&tag),
        )));
        let heap_head = Value::cons(Value::Int(0), dead.clone());
        for f in [cadr, length, reverse, list_copy, last, list_p] {
            assert_eq!(kind(f, &[heap_head.clone()]), ErrorKind::ArenaDestroyed);
        }
        assert_eq!(kind(car, &[dead.clone()]), ErrorKind::ArenaDestroyed);
        assert_eq!(
            kind(memq, &[Value::Int(5), heap_head.clone()]),
            ErrorKind::ArenaDestroyed
        );
        assert_eq!(
            kind(list_ref, &[heap_head.clone(), Value::Int(1)]),
            ErrorKind::ArenaDestroyed
        );
        assert_eq!(
            kind(append, &[heap_head, Value::Null]),
            ErrorKind::ArenaDestroyed
        );
    }
}
