//! Builtins: equivalence predicates and booleans.
//!
//! `equal?` compares structure without native recursion (an explicit stack of
//! pairs still to compare) and terminates on cyclic data: a bounded plain
//! comparison handles the common small case; past the bound it restarts with a
//! union-find over the containers already assumed equal (Adams & Dybvig,
//! "Efficient nondestructive equality checking for trees and graphs"), so each
//! pair of containers is compared at most once.

use std::collections::HashMap;
use std::rc::Rc;

use super::{args, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::{ByteStorage, Value};
use eshkol_arena::Arenas;

/// This topic's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("eq?", 2, 2, eq_p, "(eq? a b): whether a and b are the same object"),
    prim!("eqv?", 2, 2, eqv_p, "(eqv? a b): eq?, with numbers compared by exactness and value"),
    prim!("equal?", 2, 2, equal_p, "(equal? a b): structural equality of pairs, vectors, strings, bytevectors"),
    prim!("not", 1, 1, not, "(not x): #t if x is #f, else #f"),
    prim!("boolean?", 1, 1, boolean_p, "(boolean? x): whether x is #t or #f"),
    prim!("boolean=?", 2, _, boolean_eq, "(boolean=? a b ...): whether all the booleans are the same"),
];

/// Containers compared by the plain walk before switching to union-find.
const PLAIN_BUDGET: usize = 10_000;

/// Scheme's `equal?` without access to the arenas (for hash keys): values of
/// destroyed arenas compare by what is left of them, and bytevectors stored in
/// an arena block compare by identity.
pub fn equal(a: &Value, b: &Value) -> bool {
    equal_checked(a, b, None).unwrap_or(false)
}

/// Scheme's `equal?`: fails on values of destroyed arenas and compares arena
/// bytevectors by their bytes.
pub fn equal_in(arenas: &Arenas, a: &Value, b: &Value) -> Result<bool> {
    equal_checked(a, b, Some(arenas))
}

/// `equal?`; with `arenas`, checks liveness and reads arena bytes.
fn equal_checked(a: &Value, b: &Value, arenas: Option<&Arenas>) -> Result<bool> {
    if let Some(result) = compare(a, b, arenas, None)? {
        return Ok(result);
    }
    let mut classes = UnionFind::default();
    Ok(compare(a, b, arenas, Some(&mut classes))?.unwrap_or(false))
}

/// The bytes of a bytevector, if they can be read here.
fn stored_bytes(storage: &ByteStorage, arenas: Option<&Arenas>) -> Option<Vec<u8>> {
    match storage {
        ByteStorage::Heap(bytes) => Some(bytes.borrow().clone()),
        ByteStorage::Arena(allocation) => arenas?.bytes(allocation).ok().map(<[u8]>::to_vec),
    }
}

/// Equivalence classes of containers assumed equal, by address.
#[derive(Default)]
struct UnionFind {
    parent: HashMap<usize, usize>,
}

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(&x) {
            if p == x {
                break;
            }
            // Path halving.
            let grand = self.parent.get(&p).copied().unwrap_or(p);
            self.parent.insert(x, grand);
            x = p;
        }
        x
    }

    /// Joins the classes of `a` and `b`; false if they were already one.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let ra = self.find(a);
        let rb = self.find(b);
        if ra == rb {
            return false;
        }
        self.parent.insert(ra, rb);
        self.parent.entry(rb).or_insert(rb);
        true
    }
}

/// Compares `a` and `b`. Without `classes`, gives up (`None`) after
/// [`PLAIN_BUDGET`] containers; with it, always finishes.
fn compare(
    a: &Value,
    b: &Value,
    arenas: Option<&Arenas>,
    mut classes: Option<&mut UnionFind>,
) -> Result<Option<bool>> {
    let mut stack = vec![(a.clone(), b.clone())];
    let mut budget = PLAIN_BUDGET;
    while let Some((x, y)) = stack.pop() {
        if x.is_eqv(&y) {
            continue;
        }
        if arenas.is_some() {
            args::check_live(&x)?;
            args::check_live(&y)?;
        }
        let ids = match (&x, &y) {
            (Value::Pair(p), Value::Pair(q)) => (
                Rc::as_ptr(p) as *const () as usize,
                Rc::as_ptr(q) as *const () as usize,
            ),
            (Value::Vector(v), Value::Vector(w)) => (
                Rc::as_ptr(v) as *const () as usize,
                Rc::as_ptr(w) as *const () as usize,
            ),
            (Value::Str(s), Value::Str(t)) => {
                if *s.chars.borrow() != *t.chars.borrow() {
                    return Ok(Some(false));
                }
                continue;
            }
            (Value::Bytevector(u), Value::Bytevector(w)) => {
                let same = match (&u.storage, &w.storage) {
                    (ByteStorage::Heap(m), ByteStorage::Heap(n)) => *m.borrow() == *n.borrow(),
                    _ => match (
                        stored_bytes(&u.storage, arenas),
                        stored_bytes(&w.storage, arenas),
                    ) {
                        (Some(m), Some(n)) => m == n,
                        _ => Rc::ptr_eq(u, w),
                    },
                };
                if !same {
                    return Ok(Some(false));
                }
                continue;
            }
            _ => return Ok(Some(false)),
        };
        match classes.as_deref_mut() {
            Some(uf) => {
                if !uf.union(ids.0, ids.1) {
                    continue;
                }
            }
            None => {
                if budget == 0 {
                    return Ok(None);
                }
                budget -= 1;
            }
        }
        match (&x, &y) {
            (Value::Pair(p), Value::Pair(q)) => {
                stack.push((p.cdr(), q.cdr()));
                stack.push((p.car(), q.car()));
            }
            (Value::Vector(v), Value::Vector(w)) => {
                let (v, w) = (v.items.borrow(), w.items.borrow());
                if v.len() != w.len() {
                    return Ok(Some(false));
                }
                stack.extend(v.iter().cloned().zip(w.iter().cloned()).rev());
            }
            _ => {}
        }
    }
    Ok(Some(true))
}

/// `(eq? a b)`
fn eq_p(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(args[0].is_eq(&args[1])))
}

/// `(eqv? a b)`
fn eqv_p(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(args[0].is_eqv(&args[1])))
}

/// `(equal? a b)`
fn equal_p(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(equal_in(
        &interp.arenas.registry,
        &args[0],
        &args[1],
    )?))
}

/// `(not x)`
fn not(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Bool(false))))
}

/// `(boolean? x)`
fn boolean_p(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Bool(_))))
}

/// `(boolean=? a b ...)`
fn boolean_eq(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let mut first = None;
    let mut same = true;
    for arg in args {
        let Value::Bool(b) = arg else {
            return Err(Error::wrong_type("boolean=?", "a boolean", arg));
        };
        match first {
            None => first = Some(*b),
            Some(f) => same &= f == *b,
        }
    }
    Ok(Value::Bool(same))
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::diagnostics::ErrorKind;

    fn list(items: &[i64]) -> Value {
        Value::list(items.iter().map(|&n| Value::Int(n)).collect())
    }

    fn long_list(n: i64) -> Value {
        let mut v = Value::Null;
        for i in 0..n {
            v = Value::cons(Value::Int(i), v);
        }
        v
    }

    fn deep_list(n: usize) -> Value {
        let mut v = Value::Null;
        for _ in 0..n {
            v = Value::cons(v, Value::Null);
        }
        v
    }

    fn cycle(items: &[i64]) -> Value {
        let l = list(items);
        let mut last = l.clone();
        while let Value::Pair(p) = &last {
            let next = p.cdr();
            if matches!(next, Value::Null) {
                p.set_cdr(l.clone());
                break;
            }
            last = next;
        }
        l
    }

    #[test]
    fn basics() {
        assert!(equal(&list(&[1, 2, 3]), &list(&[1, 2, 3])));
        assert!(!equal(&list(&[1, 2, 3]), &list(&[1, 2])));
        assert!(!equal(&Value::Int(2), &Value::Float(2.0)));
        assert!(equal(&Value::string("abc"), &Value::string("abc")));
        assert!(!equal(&Value::string("abc"), &Value::string("abd")));
        assert!(equal(
            &Value::bytevector(vec![1, 2]),
            &Value::bytevector(vec![1, 2])
        ));
        assert!(!equal(
            &Value::bytevector(vec![1, 2]),
            &Value::bytevector(vec![1])
        ));
        assert!(equal(
            &Value::vector(vec![Value::Int(1), Value::string("x")]),
            &Value::vector(vec![Value::Int(1), Value::string("x")])
        ));
        assert!(!equal(
            &Value::vector(vec![]),
            &Value::vector(vec![Value::Null])
        ));
        assert!(!equal(&Value::vector(vec![]), &Value::Null));
        assert!(equal(&Value::symbol("a"), &Value::symbol("a")));
    }

    #[test]
    fn long_and_deep() {
        assert!(equal(&long_list(1_000_000), &long_list(1_000_000)));
        assert!(!equal(&long_list(1_000_000), &long_list(999_999)));
        assert!(equal(&deep_list(100_000), &deep_list(100_000)));
        assert!(!equal(&deep_list(100_000), &deep_list(100_001)));
    }

    #[test]
    fn cycles_terminate() {
        assert!(equal(&cycle(&[1, 2]), &cycle(&[1, 2])));
        assert!(equal(&cycle(&[1, 2]), &cycle(&[1, 2, 1, 2])));
        assert!(!equal(&cycle(&[1, 2]), &cycle(&[1, 3])));
        let v = Rc::new(crate::value::Vector::new(vec![Value::Int(1)]));
        v.set(0, Value::Vector(v.clone()));
        let w = Rc::new(crate::value::Vector::new(vec![Value::Int(1)]));
        w.set(0, Value::Vector(w.clone()));
        assert!(equal(&Value::Vector(v.clone()), &Value::Vector(w.clone())));
        v.set(0, Value::Null);
        w.set(0, Value::Null);
    }

    #[test]
    fn builtins() {
        let mut i = Interp::new_captured();
        let t = |v: Result<Value>| v.unwrap().is_true();
        assert!(t(eq_p(&mut i, &[Value::symbol("a"), Value::symbol("a")])));
        assert!(!t(eq_p(&mut i, &[list(&[1]), list(&[1])])));
        assert!(t(equal_p(&mut i, &[list(&[1]), list(&[1])])));
        assert!(t(not(&mut i, &[Value::Bool(false)])));
        assert!(!t(not(&mut i, &[Value::Null])));
        assert!(t(boolean_p(&mut i, &[Value::Bool(true)])));
        assert!(!t(boolean_p(&mut i, &[Value::Null])));
        assert!(t(boolean_eq(
            &mut i,
            &[Value::Bool(true), Value::Bool(true), Value::Bool(true)]
        )));
        assert!(!t(boolean_eq(
            &mut i,
            &[Value::Bool(true), Value::Bool(false)]
        )));
        let err = boolean_eq(&mut i, &[Value::Bool(true), Value::Int(1)]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Type);
    }
}
