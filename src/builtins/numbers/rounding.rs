//! Builtins: rounding to integers — `floor`, `ceiling`, `round` (ties to even)
//! and `truncate`, each keeping its argument's exactness. Separate because
//! exact rationals need their own rounding rules beside the flonum ones.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::One;

use crate::builtins::Primitive;
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::numeric::normalize_rat;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("floor", 1, 1, floor, "(floor x): largest integer not above x"),
    prim!("ceiling", 1, 1, ceiling, "(ceiling x): smallest integer not below x"),
    prim!("round", 1, 1, round, "(round x): nearest integer, ties to even"),
    prim!("truncate", 1, 1, truncate, "(truncate x): integer part of x"),
];

/// Rounds a number to an integer of the same exactness.
fn round_with(
    who: &str,
    v: &Value,
    float: fn(f64) -> f64,
    rational: fn(&BigRational) -> BigRational,
) -> Result<Value> {
    match v {
        Value::Int(_) | Value::Big(_) => Ok(v.clone()),
        Value::Float(x) => Ok(Value::Float(float(*x))),
        Value::Rat(r) => Ok(normalize_rat(rational(r))),
        other => Err(Error::wrong_type(who, "a number", other)),
    }
}

/// (floor x): round toward negative infinity.
fn floor(_: &mut Interp, args: &[Value]) -> Result<Value> {
    round_with("floor", &args[0], f64::floor, BigRational::floor)
}

/// (ceiling x): round toward positive infinity.
fn ceiling(_: &mut Interp, args: &[Value]) -> Result<Value> {
    round_with("ceiling", &args[0], f64::ceil, BigRational::ceil)
}

/// (truncate x): round toward zero.
fn truncate(_: &mut Interp, args: &[Value]) -> Result<Value> {
    round_with("truncate", &args[0], f64::trunc, BigRational::trunc)
}

/// Rounds a rational to the nearest integer, ties to even.
fn round_half_even(r: &BigRational) -> BigRational {
    let floor = r.floor();
    let diff = r - &floor;
    let half = BigRational::new(BigInt::one(), BigInt::from(2));
    match diff.cmp(&half) {
        Ordering::Less => floor,
        Ordering::Greater => floor + BigRational::one(),
        Ordering::Equal => {
            if floor.to_integer().is_even() {
                floor
            } else {
                floor + BigRational::one()
            }
        }
    }
}

/// (round x): round to nearest, ties to even.
fn round(_: &mut Interp, args: &[Value]) -> Result<Value> {
    round_with("round", &args[0], f64::round_ties_even, round_half_even)
}
