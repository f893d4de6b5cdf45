//! Builtins: integer operations — the truncating and flooring quotient /
//! remainder families, and `gcd` / `lcm`. They share one view of an integer
//! argument (fixnum, bignum or integral flonum), which the parity predicates
//! borrow.

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};

use crate::builtins::Primitive;
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::numeric::{self, division_by_zero, normalize_big};
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("quotient", 2, 2, quotient, "(quotient n m): integer quotient, truncated toward zero"),
    prim!("remainder", 2, 2, remainder, "(remainder n m): remainder with the sign of n"),
    prim!("modulo", 2, 2, modulo, "(modulo n m): remainder with the sign of m"),
    prim!("truncate-quotient", 2, 2, quotient, "(truncate-quotient n m): quotient truncated toward zero"),
    prim!("truncate-remainder", 2, 2, remainder, "(truncate-remainder n m): remainder with the sign of n"),
    prim!("floor-quotient", 2, 2, floor_quotient, "(floor-quotient n m): quotient rounded toward negative infinity"),
    prim!("floor-remainder", 2, 2, modulo, "(floor-remainder n m): remainder with the sign of m"),
    prim!("floor/", 2, 2, floor_div, "(floor/ n m): floor quotient and remainder, as two values"),
    prim!("truncate/", 2, 2, truncate_div, "(truncate/ n m): truncated quotient and remainder, as two values"),
    prim!("gcd", 0, _, gcd, "(gcd n ...): greatest common divisor"),
    prim!("lcm", 0, _, lcm, "(lcm n ...): least common multiple"),
];

/// An integer argument: exact (small or big) or an integer-valued flonum.
pub(super) enum IntArg {
    Fix(i64),
    Big(BigInt),
    Flo(f64),
}

impl IntArg {
    fn is_zero(&self) -> bool {
        match self {
            IntArg::Fix(n) => *n == 0,
            IntArg::Big(b) => b.is_zero(),
            IntArg::Flo(x) => *x == 0.0,
        }
    }

    fn to_big(&self) -> BigInt {
        match self {
            IntArg::Fix(n) => BigInt::from(*n),
            IntArg::Big(b) => b.clone(),
            IntArg::Flo(x) => BigRational::from_float(*x)
                .map(|r| r.to_integer())
                .unwrap_or_default(),
        }
    }

    fn to_f64(&self) -> f64 {
        match self {
            IntArg::Fix(n) => *n as f64,
            IntArg::Big(b) => b.to_f64().unwrap_or(f64::NAN),
            IntArg::Flo(x) => *x,
        }
    }
}

pub(super) fn int_arg(who: &str, v: &Value) -> Result<IntArg> {
    match v {
        Value::Int(n) => Ok(IntArg::Fix(*n)),
        Value::Big(b) => Ok(IntArg::Big((**b).clone())),
        Value::Float(x) if x.is_finite() && x.fract() == 0.0 => Ok(IntArg::Flo(*x)),
        _ => Err(Error::wrong_type(who, "an integer", v)),
    }
}

/// Integer division, truncating or flooring; returns (quotient, remainder).
fn int_divide(who: &str, a: &Value, b: &Value, floor: bool) -> Result<(Value, Value)> {
    let (x, y) = (int_arg(who, a)?, int_arg(who, b)?);
    if y.is_zero() {
        return Err(division_by_zero(who));
    }
    match (&x, &y) {
        (IntArg::Fix(p), IntArg::Fix(q)) if !(*p == i64::MIN && *q == -1) => {
            let (d, m) = if floor {
                p.div_mod_floor(q)
            } else {
                (p / q, p % q)
            };
            Ok((Value::Int(d), Value::Int(m)))
        }
        (IntArg::Flo(_), _) | (_, IntArg::Flo(_)) => {
            let (p, q) = (x.to_f64(), y.to_f64());
            let mut r = p % q;
            if floor && r != 0.0 && (r < 0.0) != (q < 0.0) {
                r += q;
            }
            let d = ((p - r) / q).round();
            Ok((Value::Float(d), Value::Float(r)))
        }
        _ => {
            let (p, q) = (x.to_big(), y.to_big());
            let (d, m) = if floor {
                p.div_mod_floor(&q)
            } else {
                p.div_rem(&q)
            };
            Ok((normalize_big(d), normalize_big(m)))
        }
    }
}

/// (quotient n m): truncated quotient.
fn quotient(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(int_divide("quotient", &args[0], &args[1], false)?.0)
}

/// (remainder n m): truncated remainder.
fn remainder(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(int_divide("remainder", &args[0], &args[1], false)?.1)
}

/// (modulo n m): floored remainder.
fn modulo(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(int_divide("modulo", &args[0], &args[1], true)?.1)
}

/// (floor-quotient n m): floored quotient.
fn floor_quotient(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(int_divide("floor-quotient", &args[0], &args[1], true)?.0)
}

/// (floor/ n m): floored quotient and remainder.
fn floor_div(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let (q, r) = int_divide("floor/", &args[0], &args[1], true)?;
    Ok(Value::Values(Rc::new(vec![q, r])))
}

/// (truncate/ n m): truncated quotient and remainder.
fn truncate_div(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let (q, r) = int_divide("truncate/", &args[0], &args[1], false)?;
    Ok(Value::Values(Rc::new(vec![q, r])))
}

/// Folds integer arguments with a BigInt operation; inexact if any is.
fn fold_integers(
    who: &str,
    args: &[Value],
    start: i64,
    op: fn(&BigInt, &BigInt) -> std::result::Result<BigInt, crate::bigint::Interrupted>,
) -> Result<Value> {
    let mut inexact = false;
    let mut acc = BigInt::from(start);
    for x in args {
        let n = int_arg(who, x)?;
        inexact |= matches!(n, IntArg::Flo(_));
        acc = op(&acc, &n.to_big()).map_err(|_| numeric::interrupted(who))?;
    }
    if inexact {
        Ok(Value::Float(acc.to_f64().unwrap_or(f64::NAN)))
    } else {
        Ok(normalize_big(acc))
    }
}

/// (gcd n ...): greatest common divisor.
fn gcd(_: &mut Interp, args: &[Value]) -> Result<Value> {
    if let [Value::Int(a), Value::Int(b)] = args {
        let g = i128::from(*a).gcd(&i128::from(*b));
        return Ok(match i64::try_from(g) {
            Ok(g) => Value::Int(g),
            Err(_) => normalize_big(BigInt::from(g)),
        });
    }
    fold_integers("gcd", args, 0, crate::bigint::gcd)
}

/// (lcm n ...): least common multiple.
fn lcm(_: &mut Interp, args: &[Value]) -> Result<Value> {
    fold_integers("lcm", args, 1, crate::bigint::lcm)
}
