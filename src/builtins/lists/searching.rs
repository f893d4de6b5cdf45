//! Builtins: searching by key — `memq` / `memv` / `member` for a sublist and
//! `assq` / `assv` / `assoc` for an association list entry. Separate because
//! they share the eq?/eqv?/equal?/custom-predicate matching.

use super::higher_order::test;
use super::traversal::Cursor;
use crate::builtins::equivalence::equal_in;
use crate::builtins::{args, Primitive};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("memq", 2, 2, memq, "(memq x list): the first sublist whose car is eq? to x, or #f"),
    prim!("memv", 2, 2, memv, "(memv x list): the first sublist whose car is eqv? to x, or #f"),
    prim!("member", 2, 3, member, "(member x list [=]): the first sublist whose car is equal? to x, or #f"),
    prim!("assq", 2, 2, assq, "(assq key alist): the first pair whose car is eq? to key, or #f"),
    prim!("assv", 2, 2, assv, "(assv key alist): the first pair whose car is eqv? to key, or #f"),
    prim!("assoc", 2, 3, assoc, "(assoc key alist [=]): the first pair whose car is equal? to key, or #f"),
];

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
pub(super) fn memq(interp: &mut Interp, args: &[Value]) -> Result<Value> {
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
            equal_in(&interp.arenas.registry, &args[0], e)
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
            equal_in(&interp.arenas.registry, &args[0], k)
        }),
        Some(f) => {
            let f = args::procedure("assoc", f)?;
            find_assoc(interp, "assoc", &args[1], |i, k| {
                test(i, &[], f, &[args[0].clone(), k.clone()])
            })
        }
    }
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::super::test_util::*;
    use super::*;

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
}
