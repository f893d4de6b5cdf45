//! Helpers shared by the list builtins' unit tests, which live beside the code
//! they test in each concern's file.

use crate::diagnostics::{ErrorKind, Result};
use crate::interp::Interp;
use crate::printer::write_string_lossy as w;
use crate::value::Value;

pub(super) fn ints(items: &[i64]) -> Value {
    Value::list(items.iter().map(|&n| Value::Int(n)).collect())
}

pub(super) fn call(f: fn(&mut Interp, &[Value]) -> Result<Value>, args: &[Value]) -> Result<Value> {
    f(&mut Interp::new_captured(), args)
}

pub(super) fn ok(f: fn(&mut Interp, &[Value]) -> Result<Value>, args: &[Value]) -> String {
    w(&call(f, args).unwrap())
}

pub(super) fn kind(f: fn(&mut Interp, &[Value]) -> Result<Value>, args: &[Value]) -> ErrorKind {
    call(f, args).unwrap_err().kind()
}

pub(super) fn long(n: i64) -> Value {
    let mut v = Value::Null;
    for i in (0..n).rev() {
        v = Value::cons(Value::Int(i), v);
    }
    v
}

pub(super) fn cyclic() -> Value {
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
