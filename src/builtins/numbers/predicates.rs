//! Builtins: the number predicates — type tests (`number?` to
//! `exact-nonnegative-integer?`), flonum tests (`nan?`, `infinite?`,
//! `finite?`), sign tests and parity. Separate because they only classify
//! numbers.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

use super::integers::{int_arg, IntArg};
use super::number;
use crate::builtins::Primitive;
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::numeric::{self, is_exact};
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("number?", 1, 1, is_number, "(number? x): #t for numbers"),
    prim!("complex?", 1, 1, is_number, "(complex? x): #t for numbers"),
    prim!("real?", 1, 1, is_number, "(real? x): #t for real numbers"),
    prim!("rational?", 1, 1, is_rational, "(rational? x): #t for exact numbers and finite flonums"),
    prim!("integer?", 1, 1, is_integer, "(integer? x): #t for integers, exact or not"),
    prim!("exact?", 1, 1, is_exact_p, "(exact? z): #t for exact numbers"),
    prim!("inexact?", 1, 1, is_inexact, "(inexact? z): #t for flonums"),
    prim!("exact-integer?", 1, 1, is_exact_integer, "(exact-integer? x): #t for exact integers"),
    prim!("exact-rational?", 1, 1, is_exact_rational, "(exact-rational? x): #t for exact numbers"),
    prim!("exact-nonnegative-integer?", 1, 1, is_exact_nonnegative_integer, "(exact-nonnegative-integer? x): #t for exact integers >= 0"),
    prim!("nan?", 1, 1, is_nan, "(nan? z): #t for +nan.0"),
    prim!("infinite?", 1, 1, is_infinite, "(infinite? z): #t for +inf.0 and -inf.0"),
    prim!("finite?", 1, 1, is_finite, "(finite? z): #t unless z is infinite or NaN"),
    prim!("zero?", 1, 1, is_zero, "(zero? z): #t if z is zero"),
    prim!("positive?", 1, 1, is_positive, "(positive? x): #t if x > 0"),
    prim!("negative?", 1, 1, is_negative, "(negative? x): #t if x < 0"),
    prim!("odd?", 1, 1, is_odd, "(odd? n): #t for odd integers"),
    prim!("even?", 1, 1, is_even, "(even? n): #t for even integers"),
];

/// (number? x).
fn is_number(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(args[0].is_number()))
}

/// (rational? x).
fn is_rational(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(match &args[0] {
        Value::Float(x) => x.is_finite(),
        v => is_exact(v),
    }))
}

/// (integer? x).
fn is_integer(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(numeric::is_integer(&args[0])))
}

/// (exact? z).
fn is_exact_p(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(is_exact(number("exact?", &args[0])?)))
}

/// (inexact? z).
fn is_inexact(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(
        number("inexact?", &args[0])?,
        Value::Float(_)
    )))
}

/// (exact-integer? x).
fn is_exact_integer(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(
        args[0],
        Value::Int(_) | Value::Big(_)
    )))
}

/// (exact-rational? x).
fn is_exact_rational(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(is_exact(&args[0])))
}

/// (exact-nonnegative-integer? x).
fn is_exact_nonnegative_integer(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(match &args[0] {
        Value::Int(n) => *n >= 0,
        Value::Big(b) => b.is_positive(),
        _ => false,
    }))
}

/// A flonum test on a number; exact numbers get `exact_answer`.
fn float_test(who: &str, v: &Value, test: fn(f64) -> bool, exact_answer: bool) -> Result<Value> {
    match number(who, v)? {
        Value::Float(x) => Ok(Value::Bool(test(*x))),
        _ => Ok(Value::Bool(exact_answer)),
    }
}

/// (nan? z).
fn is_nan(_: &mut Interp, args: &[Value]) -> Result<Value> {
    float_test("nan?", &args[0], f64::is_nan, false)
}

/// (infinite? z).
fn is_infinite(_: &mut Interp, args: &[Value]) -> Result<Value> {
    float_test("infinite?", &args[0], f64::is_infinite, false)
}

/// (finite? z).
fn is_finite(_: &mut Interp, args: &[Value]) -> Result<Value> {
    float_test("finite?", &args[0], f64::is_finite, true)
}

/// The sign of a number: `None` for NaN.
fn sign(who: &str, v: &Value) -> Result<Option<Ordering>> {
    match v {
        Value::Int(n) => Ok(Some(n.cmp(&0))),
        Value::Float(x) => Ok(x.partial_cmp(&0.0)),
        Value::Big(b) => Ok(Some(b.sign_cmp())),
        Value::Rat(r) => Ok(Some(if r.is_negative() {
            Ordering::Less
        } else {
            Ordering::Greater
        })),
        other => Err(Error::wrong_type(who, "a number", other)),
    }
}

trait SignCmp {
    fn sign_cmp(&self) -> Ordering;
}

impl SignCmp for BigInt {
    fn sign_cmp(&self) -> Ordering {
        if self.is_negative() {
            Ordering::Less
        } else if self.is_zero() {
            Ordering::Equal
        } else {
            Ordering::Greater
        }
    }
}

/// (zero? z).
fn is_zero(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        sign("zero?", &args[0])? == Some(Ordering::Equal),
    ))
}

/// (positive? x).
fn is_positive(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        sign("positive?", &args[0])? == Some(Ordering::Greater),
    ))
}

/// (negative? x).
fn is_negative(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        sign("negative?", &args[0])? == Some(Ordering::Less),
    ))
}

/// Whether an integer argument is odd.
fn odd(who: &str, v: &Value) -> Result<bool> {
    Ok(match int_arg(who, v)? {
        IntArg::Fix(n) => n % 2 != 0,
        IntArg::Big(b) => b.is_odd(),
        IntArg::Flo(x) => x % 2.0 != 0.0,
    })
}

/// (odd? n).
fn is_odd(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(odd("odd?", &args[0])?))
}

/// (even? n).
fn is_even(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(!odd("even?", &args[0])?))
}
