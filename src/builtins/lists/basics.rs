//! Builtins: the everyday list procedures — building lists, the list
//! predicates, `length`, `append`, `reverse`, indexing, copying and the last
//! pair. Separate from the searching and higher-order procedures, which take
//! keys or procedures.

use std::rc::Rc;

use super::traversal::{reserve, Cursor, CHECK_EVERY};
use crate::builtins::{args, Primitive};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::{Pair, Value};

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
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
];

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
pub(super) fn length(_: &mut Interp, args: &[Value]) -> Result<Value> {
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

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::super::pairs::{cadr, car};
    use super::super::searching::memq;
    use super::super::test_util::*;
    use super::*;
    use crate::printer::write_string_lossy as w;

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
    fn dead_arena_pairs() {
        let tag = Rc::new({
            let t = crate::value::ArenaTag::new(
                eshkol_arena::ArenaId {
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
