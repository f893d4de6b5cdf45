//! The numeric tower: fixnums, bignums, exact rationals and flonums.
//!
//! Exact values are always normalised: a [`Value::Big`] never fits an `i64` and a
//! [`Value::Rat`] never has denominator 1. Mixed arithmetic follows the usual
//! contagion: any flonum operand makes the result a flonum, otherwise any rational
//! makes the computation rational, otherwise it is integer arithmetic. The public
//! entry points try the fixnum case first, without allocating.

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::diagnostics::{Error, ErrorKind, Result};
use crate::syntax::NumberLiteral;
use crate::value::Value;

/// Converts a reader literal to a value.
pub fn from_literal(literal: &NumberLiteral) -> Value {
    match literal {
        NumberLiteral::Fixnum(n) => Value::Int(*n),
        NumberLiteral::Real(x) => Value::Float(*x),
        NumberLiteral::Bignum(b) => normalize_big(b.clone()),
        NumberLiteral::Rational(r) => normalize_rat(r.clone()),
    }
}

/// An exact integer as a value: a fixnum when it fits.
pub fn normalize_big(n: BigInt) -> Value {
    match n.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::Big(Rc::new(n)),
    }
}

/// An exact rational as a value: an integer when its denominator is 1.
pub fn normalize_rat(r: BigRational) -> Value {
    if r.denom().is_one() {
        normalize_big(r.to_integer())
    } else {
        Value::Rat(Rc::new(r))
    }
}

/// The value as a flonum (`None` for non-numbers).
pub fn to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(n) => Some(*n as f64),
        Value::Float(x) => Some(*x),
        Value::Big(b) => b.to_f64(),
        Value::Rat(r) => Some(r.to_f64().unwrap_or(f64::NAN)),
        _ => None,
    }
}

/// Scheme's `integer?`: exact integers and integer-valued flonums.
pub fn is_integer(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Big(_) => true,
        Value::Float(x) => x.is_finite() && x.fract() == 0.0,
        _ => false,
    }
}

/// True for exact numbers.
pub fn is_exact(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Big(_) | Value::Rat(_))
}

/// An exact integer value as a `BigInt` (`None` for anything else).
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(n) => Some(BigInt::from(*n)),
        Value::Big(b) => Some((**b).clone()),
        _ => None,
    }
}

/// An exact value as a `BigRational` (`None` for flonums and non-numbers).
pub fn to_rational(v: &Value) -> Option<BigRational> {
    match v {
        Value::Int(n) => Some(BigRational::from_integer(BigInt::from(*n))),
        Value::Big(b) => Some(BigRational::from_integer((**b).clone())),
        Value::Rat(r) => Some((**r).clone()),
        _ => None,
    }
}

/// The exact value of a finite flonum.
pub fn float_to_exact(x: f64) -> Option<Value> {
    if !x.is_finite() {
        return None;
    }
    if x.fract() == 0.0 && x.abs() < 9.0e18 {
        return Some(Value::Int(x as i64));
    }
    BigRational::from_float(x).map(normalize_rat)
}

/// Fails unless `v` is a number.
#[inline]
pub fn check_number(who: &str, v: &Value) -> Result<()> {
    if v.is_number() {
        Ok(())
    } else {
        Err(Error::wrong_type(who, "a number", v))
    }
}

/// The error for big-integer work stopped by Ctrl-C.
pub fn interrupted(who: &str) -> Error {
    Error::new(ErrorKind::Interrupted, format!("{who}: interrupted"))
}

/// The largest exact integer, in bits, that `*` builds (about five million
/// decimal digits). Past it a single multiplication or gcd would take
/// seconds to minutes that nothing could interrupt; `expt` has the same bound.
pub const MAX_EXACT_BITS: u64 = 1 << 24;

/// The error for an exact result past [`MAX_EXACT_BITS`].
pub fn exact_too_large(who: &str) -> Error {
    Error::new(
        ErrorKind::Memory,
        format!("{who}: result too large (more than {MAX_EXACT_BITS} bits)"),
    )
    .with_help(format!(
        "exact integers are limited to {} bits; use inexact numbers for larger magnitudes",
        crate::diagnostics::group(MAX_EXACT_BITS as usize)
    ))
}

/// The error for exact division by exact zero.
pub fn division_by_zero(who: &str) -> Error {
    Error::new(
        ErrorKind::DivisionByZero,
        format!("{who}: division by zero"),
    )
}

#[derive(Clone, Copy)]
enum Op {
    Add,
    Sub,
    Mul,
}

/// Mixed-type `+`, `-`, `*` after the fixnum fast path failed.
#[cold]
fn arith_slow(who: &str, op: Op, a: &Value, b: &Value) -> Result<Value> {
    check_number(who, a)?;
    check_number(who, b)?;
    match (a, b) {
        (Value::Float(_), _) | (_, Value::Float(_)) => {
            let (x, y) = (to_f64(a).unwrap_or(f64::NAN), to_f64(b).unwrap_or(f64::NAN));
            Ok(Value::Float(match op {
                Op::Add => x + y,
                Op::Sub => x - y,
                Op::Mul => x * y,
            }))
        }
        (Value::Rat(_), _) | (_, Value::Rat(_)) => {
            let (x, y) = (to_rational(a), to_rational(b));
            let (Some(x), Some(y)) = (x, y) else {
                return Err(Error::wrong_type(who, "a number", a));
            };
            if matches!(op, Op::Mul) {
                let bits = |r: &BigRational| r.numer().bits().max(r.denom().bits());
                if bits(&x) + bits(&y) > MAX_EXACT_BITS {
                    return Err(exact_too_large(who));
                }
            }
            let result = match op {
                Op::Add => crate::bigint::add(&x, &y),
                Op::Sub => crate::bigint::sub(&x, &y),
                Op::Mul => crate::bigint::mul(&x, &y),
            };
            Ok(normalize_rat(result.map_err(|_| interrupted(who))?))
        }
        _ => {
            let (x, y) = (to_bigint(a), to_bigint(b));
            let (Some(x), Some(y)) = (x, y) else {
                return Err(Error::wrong_type(who, "a number", a));
            };
            if matches!(op, Op::Mul) && x.bits() + y.bits() > MAX_EXACT_BITS {
                return Err(exact_too_large(who));
            }
            Ok(normalize_big(match op {
                Op::Add => x + y,
                Op::Sub => x - y,
                Op::Mul => x * y,
            }))
        }
    }
}

/// `a + b`.
#[inline]
pub fn add(a: &Value, b: &Value) -> Result<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match x.checked_add(*y) {
            Some(r) => Ok(Value::Int(r)),
            None => arith_slow("+", Op::Add, a, b),
        },
        (Value::Float(x), Value::Float(y)) => Ok(Value::Float(x + y)),
        _ => arith_slow("+", Op::Add, a, b),
    }
}

/// `a - b`.
#[inline]
pub fn sub(a: &Value, b: &Value) -> Result<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match x.checked_sub(*y) {
            Some(r) => Ok(Value::Int(r)),
            None => arith_slow("-", Op::Sub, a, b),
        },
        (Value::Float(x), Value::Float(y)) => Ok(Value::Float(x - y)),
        _ => arith_slow("-", Op::Sub, a, b),
    }
}

/// `a * b`.
#[inline]
pub fn mul(a: &Value, b: &Value) -> Result<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match x.checked_mul(*y) {
            Some(r) => Ok(Value::Int(r)),
            None => arith_slow("*", Op::Mul, a, b),
        },
        (Value::Float(x), Value::Float(y)) => Ok(Value::Float(x * y)),
        _ => arith_slow("*", Op::Mul, a, b),
    }
}

/// `a / b`: exact division by exact zero is an error, flonum division follows IEEE.
#[inline]
pub fn div(a: &Value, b: &Value) -> Result<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) if *y != 0 => match x.checked_rem(*y) {
            Some(0) => match x.checked_div(*y) {
                Some(q) => Ok(Value::Int(q)),
                None => div_slow(a, b),
            },
            _ => div_slow(a, b),
        },
        (Value::Float(x), Value::Float(y)) => Ok(Value::Float(x / y)),
        _ => div_slow(a, b),
    }
}

#[cold]
fn div_slow(a: &Value, b: &Value) -> Result<Value> {
    check_number("/", a)?;
    check_number("/", b)?;
    if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
        let x = to_f64(a).unwrap_or(f64::NAN);
        let y = to_f64(b).unwrap_or(f64::NAN);
        return Ok(Value::Float(x / y));
    }
    let (Some(x), Some(y)) = (to_rational(a), to_rational(b)) else {
        return Err(Error::wrong_type("/", "a number", a));
    };
    if y.is_zero() {
        return Err(division_by_zero("/"));
    }
    let quotient = crate::bigint::div(&x, &y).map_err(|_| interrupted("/"))?;
    Ok(normalize_rat(quotient))
}

/// `-a`.
pub fn negate(a: &Value) -> Result<Value> {
    match a {
        Value::Int(x) => match x.checked_neg() {
            Some(r) => Ok(Value::Int(r)),
            None => Ok(normalize_big(-BigInt::from(*x))),
        },
        Value::Float(x) => Ok(Value::Float(-x)),
        Value::Big(b) => Ok(normalize_big(-(**b).clone())),
        Value::Rat(r) => Ok(normalize_rat(-(**r).clone())),
        _ => Err(Error::wrong_type("-", "a number", a)),
    }
}

/// Numeric comparison; `None` when a NaN is involved. Exact and inexact values
/// are compared exactly.
#[inline]
pub fn compare(who: &str, a: &Value, b: &Value) -> Result<Option<Ordering>> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(Some(x.cmp(y))),
        (Value::Float(x), Value::Float(y)) => Ok(x.partial_cmp(y)),
        _ => compare_slow(who, a, b),
    }
}

/// 2^53: fixnums below this in magnitude convert to flonums exactly.
const EXACT_F64_LIMIT: i64 = 1 << 53;

#[cold]
fn compare_slow(who: &str, a: &Value, b: &Value) -> Result<Option<Ordering>> {
    check_number(who, a)?;
    check_number(who, b)?;
    match (a, b) {
        (Value::Int(x), Value::Float(y)) if x.abs() <= EXACT_F64_LIMIT => {
            Ok((*x as f64).partial_cmp(y))
        }
        (Value::Float(x), Value::Int(y)) if y.abs() <= EXACT_F64_LIMIT => {
            Ok(x.partial_cmp(&(*y as f64)))
        }
        (Value::Float(x), _) => Ok(compare_exact_float(b, *x).map(Ordering::reverse)),
        (_, Value::Float(y)) => Ok(compare_exact_float(a, *y)),
        (Value::Int(_) | Value::Big(_), Value::Int(_) | Value::Big(_)) => {
            match (to_bigint(a), to_bigint(b)) {
                (Some(x), Some(y)) => Ok(Some(x.cmp(&y))),
                _ => Ok(None),
            }
        }
        _ => match (to_rational(a), to_rational(b)) {
            (Some(x), Some(y)) => Ok(Some(x.cmp(&y))),
            _ => Ok(None),
        },
    }
}

/// Compares an exact number with a flonum, exactly.
fn compare_exact_float(exact: &Value, y: f64) -> Option<Ordering> {
    if y.is_nan() {
        return None;
    }
    if y.is_infinite() {
        return Some(if y > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let y = BigRational::from_float(y)?;
    let x = to_rational(exact)?;
    Some(x.cmp(&y))
}

/// Numeric equality (`=`).
#[inline]
pub fn num_eq(who: &str, a: &Value, b: &Value) -> Result<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x == y),
        _ => Ok(compare(who, a, b)? == Some(Ordering::Equal)),
    }
}

/// Formats a number the way `number->string`, `display` and `write` do.
pub fn format_number(value: &Value, radix: u32) -> String {
    let radix = if (2..=36).contains(&radix) { radix } else { 10 };
    match value {
        Value::Int(n) => format_i64(*n, radix),
        Value::Big(b) => b.to_str_radix(radix),
        Value::Rat(r) => format!(
            "{}/{}",
            r.numer().to_str_radix(radix),
            r.denom().to_str_radix(radix)
        ),
        Value::Float(x) => format_float(*x, radix),
        _ => String::new(),
    }
}

fn format_i64(n: i64, radix: u32) -> String {
    if radix == 10 {
        return n.to_string();
    }
    let mut magnitude = n.unsigned_abs();
    let mut digits = Vec::new();
    loop {
        let d = (magnitude % u64::from(radix)) as u32;
        digits.push(std::char::from_digit(d, radix).unwrap_or('?'));
        magnitude /= u64::from(radix);
        if magnitude == 0 {
            break;
        }
    }
    if n < 0 {
        digits.push('-');
    }
    digits.iter().rev().collect()
}

/// Shortest round-tripping text for a flonum: positional when
/// 1e-7 <= |x| < 1e21, exponent form (`1.0e100`, `1.5e-10`) otherwise. The
/// mantissa always has a decimal point, so the text reads back as an inexact
/// number in any Scheme (R7RS 6.2.7), and the exponent has no `+`.
fn format_float(x: f64, radix: u32) -> String {
    if x.is_nan() {
        return "+nan.0".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "+inf.0" } else { "-inf.0" }.to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0.0");
    }
    if radix != 10 && x.fract() == 0.0 {
        if let Some(r) = BigRational::from_float(x.abs()) {
            return format!("{sign}{}.0", r.to_integer().to_str_radix(radix));
        }
    }
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let abs = x.abs();
    if (1e-7..1e21).contains(&abs) {
        let point = exp + 1;
        let n = digits.len() as i32;
        if point <= 0 {
            format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
        } else if point >= n {
            format!("{sign}{digits}{}.0", "0".repeat((point - n) as usize))
        } else {
            let (int, frac) = digits.split_at(point as usize);
            format!("{sign}{int}.{frac}")
        }
    } else {
        let point = if mantissa.contains('.') { "" } else { ".0" };
        format!("{sign}{mantissa}{point}e{exp}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(n: i64) -> Value {
        Value::Int(n)
    }

    fn show(v: &Value) -> String {
        format_number(v, 10)
    }

    fn rat(n: i64, d: i64) -> Value {
        normalize_rat(BigRational::new(BigInt::from(n), BigInt::from(d)))
    }

    #[test]
    fn overflow_promotes_and_normalises_back() {
        let big = add(&int(i64::MAX), &int(1)).unwrap();
        assert!(matches!(big, Value::Big(_)));
        assert_eq!(show(&big), "9223372036854775808");
        let back = sub(&big, &int(1)).unwrap();
        assert!(matches!(back, Value::Int(i64::MAX)));
        let prod = mul(&int(i64::MAX), &int(2)).unwrap();
        assert_eq!(show(&prod), "18446744073709551614");
        let low = sub(&int(i64::MIN), &int(1)).unwrap();
        assert!(matches!(low, Value::Big(_)));
        assert!(matches!(negate(&int(i64::MIN)).unwrap(), Value::Big(_)));
        let q = div(&int(i64::MIN), &int(-1)).unwrap();
        assert_eq!(show(&q), "9223372036854775808");
    }

    #[test]
    fn rationals_normalise() {
        assert!(matches!(rat(4, 2), Value::Int(2)));
        assert_eq!(show(&rat(1, 3)), "1/3");
        assert_eq!(show(&rat(3, -2)), "-3/2");
        let sum = add(&rat(1, 3), &rat(2, 3)).unwrap();
        assert!(matches!(sum, Value::Int(1)));
        let q = div(&int(6), &int(4)).unwrap();
        assert_eq!(show(&q), "3/2");
        assert!(matches!(div(&int(6), &int(3)).unwrap(), Value::Int(2)));
    }

    #[test]
    fn mixed_exactness() {
        let r = add(&int(1), &Value::Float(0.5)).unwrap();
        assert!(matches!(r, Value::Float(x) if x == 1.5));
        let r = mul(&rat(1, 2), &Value::Float(3.0)).unwrap();
        assert!(matches!(r, Value::Float(x) if x == 1.5));
        let r = add(&rat(1, 2), &int(1)).unwrap();
        assert_eq!(show(&r), "3/2");
    }

    #[test]
    fn type_errors_name_the_procedure() {
        let e = add(&int(1), &Value::symbol("a")).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Type);
        assert_eq!(e.message(), "+: expected a number, got a");
        let e = compare("<", &Value::Bool(true), &int(1)).unwrap_err();
        assert!(e.message().starts_with("<: expected a number"));
    }

    #[test]
    fn comparisons_across_types() {
        let big = add(&int(i64::MAX), &int(1)).unwrap();
        assert_eq!(compare("<", &int(1), &big).unwrap(), Some(Ordering::Less));
        assert_eq!(
            compare("<", &big, &Value::Float(1e19)).unwrap(),
            Some(Ordering::Less)
        );
        assert_eq!(
            compare("<", &big, &Value::Float(9223372036854775808.0)).unwrap(),
            Some(Ordering::Equal)
        );
        // 2^53 + 1 is not equal to the flonum 2^53.
        let n = (1i64 << 53) + 1;
        assert_eq!(
            compare("=", &int(n), &Value::Float((1i64 << 53) as f64)).unwrap(),
            Some(Ordering::Greater)
        );
        assert_eq!(
            compare("<", &rat(1, 3), &Value::Float(0.3333)).unwrap(),
            Some(Ordering::Greater)
        );
        assert_eq!(
            compare("<", &big, &Value::Float(f64::INFINITY)).unwrap(),
            Some(Ordering::Less)
        );
        assert_eq!(
            compare("<", &int(1), &Value::Float(f64::NAN)).unwrap(),
            None
        );
        assert!(!num_eq("=", &Value::Float(f64::NAN), &Value::Float(f64::NAN)).unwrap());
        assert!(num_eq("=", &int(1), &Value::Float(1.0)).unwrap());
        assert!(num_eq("=", &rat(1, 2), &Value::Float(0.5)).unwrap());
    }

    #[test]
    fn float_formatting() {
        let cases: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (1.0, "1.0"),
            (100.0, "100.0"),
            (1e21, "1.0e21"),
            (1e20, "100000000000000000000.0"),
            (1e-7, "0.0000001"),
            (1.5e-7, "0.00000015"),
            (9.99e-8, "9.99e-8"),
            (1e-8, "1.0e-8"),
            (1.5e-10, "1.5e-10"),
            (123456.789, "123456.789"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (1e100, "1.0e100"),
            (-2.5e21, "-2.5e21"),
            (0.000001, "0.000001"),
            (f64::INFINITY, "+inf.0"),
            (f64::NEG_INFINITY, "-inf.0"),
            (f64::NAN, "+nan.0"),
            (std::f64::consts::SQRT_2, "1.4142135623730951"),
            (-3.25, "-3.25"),
            (5e-324, "5.0e-324"),
            (f64::MAX, "1.7976931348623157e308"),
        ];
        for (x, text) in cases {
            assert_eq!(show(&Value::Float(*x)), *text, "formatting {x:e}");
        }
        assert_eq!(show(&rat(1, 3)), "1/3");
        assert_eq!(format_number(&Value::Float(10.0), 2), "1010.0");
        assert_eq!(format_number(&int(-255), 16), "-ff");
        assert_eq!(format_number(&int(i64::MIN), 2).len(), 65);
        assert_eq!(format_number(&rat(-1, 3), 2), "-1/11");
    }

    #[test]
    fn formatting_round_trips() {
        let mut state: u64 = 0x9E3779B97F4A7C15;
        for _ in 0..20000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = f64::from_bits(state);
            if !x.is_finite() {
                continue;
            }
            let text = show(&Value::Float(x));
            assert!(text.contains('.'), "{text} has no decimal point");
            let back: f64 = text.parse().unwrap();
            assert_eq!(back.to_bits(), x.to_bits(), "{text}");
            // Our own reader reads it back the same, as an inexact number.
            let literal = crate::syntax::number_literal::parse_number(&text, 10);
            match literal.as_ref().map(from_literal) {
                Some(Value::Float(y)) => assert_eq!(y.to_bits(), x.to_bits(), "{text}"),
                other => panic!("{text} reads back as {other:?}"),
            }
        }
    }

    #[test]
    fn division_by_zero_kinds() {
        let e = div(&int(1), &int(0)).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::DivisionByZero);
        assert_eq!(e.message(), "/: division by zero");
        assert!(div(&rat(1, 2), &int(0)).is_err());
        assert!(
            matches!(div(&Value::Float(1.0), &int(0)).unwrap(), Value::Float(x) if x == f64::INFINITY)
        );
        assert!(matches!(div(&Value::Float(0.0), &int(0)).unwrap(), Value::Float(x) if x.is_nan()));
        assert!(
            matches!(div(&int(-1), &Value::Float(0.0)).unwrap(), Value::Float(x) if x == f64::NEG_INFINITY)
        );
    }

    #[test]
    fn exact_conversion() {
        assert_eq!(show(&float_to_exact(0.5).unwrap()), "1/2");
        assert_eq!(
            show(&float_to_exact(1e20).unwrap()),
            "100000000000000000000"
        );
        assert!(float_to_exact(f64::NAN).is_none());
        assert!(is_integer(&Value::Float(2.0)));
        assert!(!is_integer(&Value::Float(f64::INFINITY)));
        assert!(!is_integer(&rat(1, 2)));
        assert_eq!(to_f64(&rat(1, 4)), Some(0.25));
    }
}
