//! Builtins: exactness and rational structure — `exact` / `inexact` (and their
//! old names), `numerator` / `denominator` and `rationalize`. Separate because
//! they move numbers between the exact and inexact worlds rather than compute
//! with them.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::ToPrimitive;

use super::{number, real};
use crate::builtins::Primitive;
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::numeric::{self, float_to_exact, normalize_big, to_rational};
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("exact", 1, 1, exact, "(exact z): the exact number closest to z"),
    prim!("inexact", 1, 1, inexact, "(inexact z): the flonum closest to z"),
    prim!("exact->inexact", 1, 1, inexact, "(exact->inexact z): the flonum closest to z"),
    prim!("inexact->exact", 1, 1, exact, "(inexact->exact z): the exact number closest to z"),
    prim!("rationalize", 2, 2, rationalize, "(rationalize x y): the simplest rational within y of x"),
    prim!("numerator", 1, 1, numerator, "(numerator q): numerator in lowest terms"),
    prim!("denominator", 1, 1, denominator, "(denominator q): denominator in lowest terms"),
];

/// (exact z): exact equivalent.
fn exact(_: &mut Interp, args: &[Value]) -> Result<Value> {
    match &args[0] {
        Value::Float(x) => float_to_exact(*x).ok_or_else(|| {
            Error::range(
                "exact",
                format!(
                    "{} has no exact representation",
                    numeric::format_number(&args[0], 10)
                ),
            )
        }),
        other => number("exact", other).cloned(),
    }
}

/// (inexact z): flonum equivalent.
fn inexact(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Float(real("inexact", &args[0])?))
}

/// The exact parts of a rational argument, and whether it was inexact.
fn ratio_parts(who: &str, v: &Value) -> Result<(BigInt, BigInt, bool)> {
    match v {
        Value::Float(x) => match BigRational::from_float(*x) {
            Some(r) if x.is_finite() => {
                let (n, d) = r.into_raw();
                Ok((n, d, true))
            }
            _ => Err(Error::wrong_type(who, "a rational number", v)),
        },
        _ => match to_rational(v) {
            Some(r) => {
                let (n, d) = r.into_raw();
                Ok((n, d, false))
            }
            None => Err(Error::wrong_type(who, "a rational number", v)),
        },
    }
}

fn exactness(n: BigInt, inexact: bool) -> Value {
    if inexact {
        Value::Float(n.to_f64().unwrap_or(f64::NAN))
    } else {
        normalize_big(n)
    }
}

/// (numerator q).
fn numerator(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let (n, _, inexact) = ratio_parts("numerator", &args[0])?;
    Ok(exactness(n, inexact))
}

/// (denominator q).
fn denominator(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let (_, d, inexact) = ratio_parts("denominator", &args[0])?;
    Ok(exactness(d, inexact))
}

/// The simplest rational in `[lo, hi]` (Stern–Brocot), both positive.
fn simplest_positive(lo: &BigRational, hi: &BigRational) -> BigRational {
    use num_traits::One;
    let floor = lo.floor();
    if floor == *lo {
        return floor;
    }
    if floor < hi.floor() {
        return floor + BigRational::one();
    }
    let below = BigRational::one() / (hi - &floor);
    let above = BigRational::one() / (lo - &floor);
    floor + BigRational::one() / simplest_positive(&below, &above)
}

/// The simplest rational in `[lo, hi]`.
fn simplest_between(lo: &BigRational, hi: &BigRational) -> BigRational {
    use num_traits::{Signed, Zero};
    if lo.is_positive() {
        simplest_positive(lo, hi)
    } else if hi.is_negative() {
        -simplest_positive(&-hi, &-lo)
    } else {
        BigRational::zero()
    }
}

/// `(rationalize x y)`
fn rationalize(_: &mut Interp, args: &[Value]) -> Result<Value> {
    use num_traits::Signed;
    let inexact = !crate::numeric::is_exact(&args[0]) || !crate::numeric::is_exact(&args[1]);
    if let (Some(x), Some(y)) = (
        crate::numeric::to_f64(&args[0]),
        crate::numeric::to_f64(&args[1]),
    ) {
        if x.is_nan() || y.is_nan() {
            return Ok(Value::Float(f64::NAN));
        }
        if y.is_infinite() {
            return Ok(if x.is_infinite() {
                Value::Float(f64::NAN)
            } else {
                Value::Float(0.0)
            });
        }
        if x.is_infinite() {
            return Ok(Value::Float(x));
        }
    }
    let exact = |v: &Value| -> Result<BigRational> {
        let v = match v {
            Value::Float(x) => crate::numeric::float_to_exact(*x)
                .ok_or_else(|| Error::wrong_type("rationalize", "a finite real number", v))?,
            other => other.clone(),
        };
        crate::numeric::to_rational(&v)
            .ok_or_else(|| Error::wrong_type("rationalize", "a real number", &v))
    };
    let x = exact(&args[0])?;
    let y = exact(&args[1])?.abs();
    let result = simplest_between(&(&x - &y), &(&x + &y));
    let exact = crate::numeric::normalize_rat(result);
    if inexact {
        Ok(Value::Float(
            crate::numeric::to_f64(&exact).unwrap_or(f64::NAN),
        ))
    } else {
        Ok(exact)
    }
}
