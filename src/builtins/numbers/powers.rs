//! Builtins: powers and roots — `expt`, `square`, `sqrt` and
//! `exact-integer-sqrt`. Separate because they keep results exact where they
//! can (exact powers, perfect squares) and guard exact results against blowing
//! up.

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{complex_unsupported, number, real};
use crate::builtins::Primitive;
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::numeric::{
    self, division_by_zero, is_exact, normalize_big, normalize_rat, to_bigint, to_rational,
};
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("expt", 2, 2, expt, "(expt z w): z raised to the power w"),
    prim!("sqrt", 1, 1, sqrt, "(sqrt z): square root (exact for exact perfect squares)"),
    prim!("exact-integer-sqrt", 1, 1, exact_integer_sqrt, "(exact-integer-sqrt k): s and k - s*s, as two values"),
    prim!("square", 1, 1, square, "(square z): z times z"),
];

/// Exact base raised to an exact integer power.
fn expt_exact(base: &Value, power: &Value) -> Result<Value> {
    let (Some(b), Some(e)) = (to_rational(base), to_bigint(power)) else {
        return Err(Error::wrong_type("expt", "a number", base));
    };
    if e.is_zero() {
        return Ok(Value::Int(1));
    }
    if b.is_zero() {
        return if e.is_negative() {
            Err(division_by_zero("expt"))
        } else {
            Ok(Value::Int(0))
        };
    }
    if b.is_one() {
        return Ok(Value::Int(1));
    }
    if b == -BigRational::one() {
        return Ok(Value::Int(if e.is_odd() { -1 } else { 1 }));
    }
    let magnitude = e.magnitude().to_u64().unwrap_or(u64::MAX);
    let bits = b.numer().bits().max(b.denom().bits());
    if bits.saturating_mul(magnitude) > numeric::MAX_EXACT_BITS {
        return Err(numeric::exact_too_large("expt"));
    }
    let exp = u32::try_from(magnitude).map_err(|_| numeric::exact_too_large("expt"))?;
    let numer = b.numer().pow(exp);
    let denom = b.denom().pow(exp);
    // Powers of coprime numbers are coprime: no reduction (a gcd of the
    // huge results) is needed, only a positive denominator.
    let (numer, denom) = if e.is_negative() {
        (denom, numer)
    } else {
        (numer, denom)
    };
    let (numer, denom) = if denom.is_negative() {
        (-numer, -denom)
    } else {
        (numer, denom)
    };
    if denom.is_one() {
        return Ok(normalize_big(numer));
    }
    Ok(normalize_rat(BigRational::new_raw(numer, denom)))
}

/// (expt z w): z to the power w.
fn expt(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let (base, power) = (number("expt", &args[0])?, number("expt", &args[1])?);
    match power {
        Value::Int(_) | Value::Big(_) if is_exact(base) => expt_exact(base, power),
        _ => {
            let b = real("expt", base)?;
            let e = real("expt", power)?;
            if b < 0.0 && e.is_finite() && e.fract() != 0.0 {
                return Err(complex_unsupported("expt"));
            }
            Ok(Value::Float(b.powf(e)))
        }
    }
}

/// The exact square root of a non-negative integer, if it is a perfect square.
fn exact_root(n: &BigInt) -> Option<BigInt> {
    let s = n.sqrt();
    (&s * &s == *n).then_some(s)
}

/// (sqrt z): square root.
fn sqrt(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let v = number("sqrt", &args[0])?;
    match v {
        Value::Float(x) => {
            if *x < 0.0 {
                Err(complex_unsupported("sqrt"))
            } else {
                Ok(Value::Float(x.sqrt()))
            }
        }
        Value::Int(n) if *n >= 0 => {
            let s = num_integer::Roots::sqrt(n);
            if s * s == *n {
                Ok(Value::Int(s))
            } else {
                Ok(Value::Float((*n as f64).sqrt()))
            }
        }
        Value::Big(b) if b.is_positive() => match exact_root(b) {
            Some(s) => Ok(normalize_big(s)),
            None => {
                let f = b.to_f64().unwrap_or(f64::INFINITY);
                if f.is_finite() {
                    Ok(Value::Float(f.sqrt()))
                } else {
                    Ok(Value::Float(b.sqrt().to_f64().unwrap_or(f64::INFINITY)))
                }
            }
        },
        Value::Rat(r) if r.is_positive() => match (exact_root(r.numer()), exact_root(r.denom())) {
            // Roots of coprime numbers are coprime.
            (Some(n), Some(d)) => Ok(normalize_rat(BigRational::new_raw(n, d))),
            _ => Ok(Value::Float(real("sqrt", v)?.sqrt())),
        },
        _ => Err(complex_unsupported("sqrt")),
    }
}

/// (exact-integer-sqrt k): s and k - s^2 where s = floor(sqrt k).
fn exact_integer_sqrt(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let v = &args[0];
    let n = match v {
        Value::Int(n) if *n >= 0 => BigInt::from(*n),
        Value::Big(b) if b.is_positive() => (**b).clone(),
        _ => {
            return Err(Error::wrong_type(
                "exact-integer-sqrt",
                "a non-negative exact integer",
                v,
            ))
        }
    };
    let s = n.sqrt();
    let r = &n - &s * &s;
    Ok(Value::Values(Rc::new(vec![
        normalize_big(s),
        normalize_big(r),
    ])))
}

/// (square z).
fn square(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let v = number("square", &args[0])?;
    numeric::mul(v, v)
}
