//! Builtins: the arithmetic operations `+`, `-`, `*` and `/`, and absolute
//! value. They defer to the numeric tower in [`crate::numeric`]; ordering,
//! integer division and powers are separate concerns with files of their own.

use num_bigint::BigInt;
use num_traits::Signed;

use super::number;
use crate::builtins::Primitive;
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::numeric::{self, normalize_big, normalize_rat};
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("+", 0, _, plus, "(+ z ...): the sum of the arguments"),
    prim!("-", 1, _, minus, "(- z w ...): difference, or negation with one argument"),
    prim!("*", 0, _, times, "(* z ...): the product of the arguments"),
    prim!("/", 1, _, divide, "(/ z w ...): quotient, or reciprocal with one argument"),
    prim!("abs", 1, 1, abs, "(abs x): absolute value"),
    prim!("magnitude", 1, 1, abs, "(magnitude z): absolute value (no complex numbers)"),
];

/// (+ z ...): the sum.
fn plus(_: &mut Interp, args: &[Value]) -> Result<Value> {
    match args {
        [] => Ok(Value::Int(0)),
        [a] => number("+", a).cloned(),
        [a, rest @ ..] => rest
            .iter()
            .try_fold(a.clone(), |acc, x| numeric::add(&acc, x)),
    }
}

/// (- z w ...): difference or negation.
fn minus(_: &mut Interp, args: &[Value]) -> Result<Value> {
    match args {
        [a] => numeric::negate(a),
        [a, rest @ ..] => rest
            .iter()
            .try_fold(a.clone(), |acc, x| numeric::sub(&acc, x)),
        [] => Ok(Value::Int(0)),
    }
}

/// (* z ...): the product.
fn times(_: &mut Interp, args: &[Value]) -> Result<Value> {
    match args {
        [] => Ok(Value::Int(1)),
        [a] => number("*", a).cloned(),
        [a, rest @ ..] => rest
            .iter()
            .try_fold(a.clone(), |acc, x| numeric::mul(&acc, x)),
    }
}

/// (/ z w ...): quotient or reciprocal.
fn divide(_: &mut Interp, args: &[Value]) -> Result<Value> {
    match args {
        [a] => numeric::div(&Value::Int(1), a),
        [a, rest @ ..] => rest
            .iter()
            .try_fold(a.clone(), |acc, x| numeric::div(&acc, x)),
        [] => Ok(Value::Int(1)),
    }
}

/// (abs x): absolute value.
fn abs(_: &mut Interp, args: &[Value]) -> Result<Value> {
    match &args[0] {
        Value::Int(n) => Ok(match n.checked_abs() {
            Some(a) => Value::Int(a),
            None => normalize_big(BigInt::from(*n).abs()),
        }),
        Value::Float(x) => Ok(Value::Float(x.abs())),
        Value::Big(b) => Ok(normalize_big(b.abs())),
        Value::Rat(r) => Ok(normalize_rat(r.abs())),
        other => Err(Error::wrong_type("abs", "a number", other)),
    }
}
