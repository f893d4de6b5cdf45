//! Builtins: numbers (arithmetic, comparison, integer division, rounding,
//! exactness, transcendental functions, number <-> string, random).

use std::cell::Cell;
use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{args, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::numeric::{
    self, check_number, division_by_zero, float_to_exact, is_exact, normalize_big, normalize_rat,
    to_bigint, to_f64, to_rational,
};
use crate::prim;
use crate::value::Value;

/// This topic's builtins.
pub static PRIMITIVES: &[Primitive] = &[
    prim!("+", 0, _, plus, "(+ z ...): the sum of the arguments"),
    prim!(
        "-",
        1,
        _,
        minus,
        "(- z w ...): difference, or negation with one argument"
    ),
    prim!("*", 0, _, times, "(* z ...): the product of the arguments"),
    prim!(
        "/",
        1,
        _,
        divide,
        "(/ z w ...): quotient, or reciprocal with one argument"
    ),
    prim!(
        "=",
        1,
        _,
        num_eq,
        "(= z ...): #t if all arguments are numerically equal"
    ),
    prim!(
        "<",
        1,
        _,
        less,
        "(< x ...): #t if the arguments are strictly increasing"
    ),
    prim!(
        ">",
        1,
        _,
        greater,
        "(> x ...): #t if the arguments are strictly decreasing"
    ),
    prim!(
        "<=",
        1,
        _,
        less_eq,
        "(<= x ...): #t if the arguments are non-decreasing"
    ),
    prim!(
        ">=",
        1,
        _,
        greater_eq,
        "(>= x ...): #t if the arguments are non-increasing"
    ),
    prim!(
        "quotient",
        2,
        2,
        quotient,
        "(quotient n m): integer quotient, truncated toward zero"
    ),
    prim!(
        "remainder",
        2,
        2,
        remainder,
        "(remainder n m): remainder with the sign of n"
    ),
    prim!(
        "modulo",
        2,
        2,
        modulo,
        "(modulo n m): remainder with the sign of m"
    ),
    prim!(
        "truncate-quotient",
        2,
        2,
        quotient,
        "(truncate-quotient n m): quotient truncated toward zero"
    ),
    prim!(
        "truncate-remainder",
        2,
        2,
        remainder,
        "(truncate-remainder n m): remainder with the sign of n"
    ),
    prim!(
        "floor-quotient",
        2,
        2,
        floor_quotient,
        "(floor-quotient n m): quotient rounded toward negative infinity"
    ),
    prim!(
        "floor-remainder",
        2,
        2,
        modulo,
        "(floor-remainder n m): remainder with the sign of m"
    ),
    prim!(
        "floor/",
        2,
        2,
        floor_div,
        "(floor/ n m): floor quotient and remainder, as two values"
    ),
    prim!(
        "truncate/",
        2,
        2,
        truncate_div,
        "(truncate/ n m): truncated quotient and remainder, as two values"
    ),
    prim!("abs", 1, 1, abs, "(abs x): absolute value"),
    prim!(
        "magnitude",
        1,
        1,
        abs,
        "(magnitude z): absolute value (no complex numbers)"
    ),
    prim!(
        "min",
        1,
        _,
        min,
        "(min x ...): the smallest argument (inexact if any argument is)"
    ),
    prim!(
        "max",
        1,
        _,
        max,
        "(max x ...): the largest argument (inexact if any argument is)"
    ),
    prim!("gcd", 0, _, gcd, "(gcd n ...): greatest common divisor"),
    prim!("lcm", 0, _, lcm, "(lcm n ...): least common multiple"),
    prim!("expt", 2, 2, expt, "(expt z w): z raised to the power w"),
    prim!(
        "exact",
        1,
        1,
        exact,
        "(exact z): the exact number closest to z"
    ),
    prim!(
        "inexact",
        1,
        1,
        inexact,
        "(inexact z): the flonum closest to z"
    ),
    prim!(
        "exact->inexact",
        1,
        1,
        inexact,
        "(exact->inexact z): the flonum closest to z"
    ),
    prim!(
        "inexact->exact",
        1,
        1,
        exact,
        "(inexact->exact z): the exact number closest to z"
    ),
    prim!(
        "floor",
        1,
        1,
        floor,
        "(floor x): largest integer not above x"
    ),
    prim!(
        "ceiling",
        1,
        1,
        ceiling,
        "(ceiling x): smallest integer not below x"
    ),
    prim!(
        "round",
        1,
        1,
        round,
        "(round x): nearest integer, ties to even"
    ),
    prim!(
        "truncate",
        1,
        1,
        truncate,
        "(truncate x): integer part of x"
    ),
    prim!(
        "sqrt",
        1,
        1,
        sqrt,
        "(sqrt z): square root (exact for exact perfect squares)"
    ),
    prim!(
        "exact-integer-sqrt",
        1,
        1,
        exact_integer_sqrt,
        "(exact-integer-sqrt k): s and k - s*s, as two values"
    ),
    prim!(
        "number->string",
        1,
        2,
        number_to_string,
        "(number->string z [radix]): the number's text"
    ),
    prim!(
        "string->number",
        1,
        2,
        string_to_number,
        "(string->number s [radix]): the number s denotes, or #f"
    ),
    prim!("number?", 1, 1, is_number, "(number? x): #t for numbers"),
    prim!("complex?", 1, 1, is_number, "(complex? x): #t for numbers"),
    prim!("real?", 1, 1, is_number, "(real? x): #t for real numbers"),
    prim!(
        "rational?",
        1,
        1,
        is_rational,
        "(rational? x): #t for exact numbers and finite flonums"
    ),
    prim!(
        "integer?",
        1,
        1,
        is_integer,
        "(integer? x): #t for integers, exact or not"
    ),
    prim!(
        "exact?",
        1,
        1,
        is_exact_p,
        "(exact? z): #t for exact numbers"
    ),
    prim!("inexact?", 1, 1, is_inexact, "(inexact? z): #t for flonums"),
    prim!(
        "exact-integer?",
        1,
        1,
        is_exact_integer,
        "(exact-integer? x): #t for exact integers"
    ),
    prim!(
        "exact-rational?",
        1,
        1,
        is_exact_rational,
        "(exact-rational? x): #t for exact numbers"
    ),
    prim!(
        "exact-nonnegative-integer?",
        1,
        1,
        is_exact_nonnegative_integer,
        "(exact-nonnegative-integer? x): #t for exact integers >= 0"
    ),
    prim!("nan?", 1, 1, is_nan, "(nan? z): #t for +nan.0"),
    prim!(
        "infinite?",
        1,
        1,
        is_infinite,
        "(infinite? z): #t for +inf.0 and -inf.0"
    ),
    prim!(
        "finite?",
        1,
        1,
        is_finite,
        "(finite? z): #t unless z is infinite or NaN"
    ),
    prim!("zero?", 1, 1, is_zero, "(zero? z): #t if z is zero"),
    prim!("positive?", 1, 1, is_positive, "(positive? x): #t if x > 0"),
    prim!("negative?", 1, 1, is_negative, "(negative? x): #t if x < 0"),
    prim!("odd?", 1, 1, is_odd, "(odd? n): #t for odd integers"),
    prim!("even?", 1, 1, is_even, "(even? n): #t for even integers"),
    prim!("exp", 1, 1, exp, "(exp z): e to the power z"),
    prim!(
        "log",
        1,
        2,
        log,
        "(log z [base]): natural logarithm, or logarithm in base"
    ),
    prim!("sin", 1, 1, sin, "(sin z): sine"),
    prim!("cos", 1, 1, cos, "(cos z): cosine"),
    prim!("tan", 1, 1, tan, "(tan z): tangent"),
    prim!("asin", 1, 1, asin, "(asin z): arcsine"),
    prim!("acos", 1, 1, acos, "(acos z): arccosine"),
    prim!("atan", 1, 2, atan, "(atan z) or (atan y x): arctangent"),
    prim!("square", 1, 1, square, "(square z): z times z"),
    prim!(
        "rationalize",
        2,
        2,
        rationalize,
        "(rationalize x y): the simplest rational within y of x"
    ),
    prim!(
        "numerator",
        1,
        1,
        numerator,
        "(numerator q): numerator in lowest terms"
    ),
    prim!(
        "denominator",
        1,
        1,
        denominator,
        "(denominator q): denominator in lowest terms"
    ),
    prim!(
        "random",
        0,
        1,
        random,
        "(random [n]): a random integer in [0, n), or a flonum in [0, n) for real n"
    ),
];

/// A number argument.
fn number<'a>(who: &str, v: &'a Value) -> Result<&'a Value> {
    check_number(who, v)?;
    Ok(v)
}

/// A flonum view of a number argument.
fn real(who: &str, v: &Value) -> Result<f64> {
    to_f64(v).ok_or_else(|| Error::wrong_type(who, "a number", v))
}

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

/// Checks a comparison chain; every argument is type-checked even once the
/// answer is known.
fn chain(who: &str, args: &[Value], ok: fn(Ordering) -> bool) -> Result<Value> {
    if let [only] = args {
        check_number(who, only)?;
        return Ok(Value::Bool(true));
    }
    let mut result = true;
    for pair in args.windows(2) {
        if result {
            result = numeric::compare(who, &pair[0], &pair[1])?.is_some_and(ok);
        } else {
            check_number(who, &pair[1])?;
        }
    }
    Ok(Value::Bool(result))
}

/// (= z ...): numeric equality.
fn num_eq(_: &mut Interp, args: &[Value]) -> Result<Value> {
    chain("=", args, Ordering::is_eq)
}

/// (< x ...): strictly increasing.
fn less(_: &mut Interp, args: &[Value]) -> Result<Value> {
    chain("<", args, Ordering::is_lt)
}

/// (> x ...): strictly decreasing.
fn greater(_: &mut Interp, args: &[Value]) -> Result<Value> {
    chain(">", args, Ordering::is_gt)
}

/// (<= x ...): non-decreasing.
fn less_eq(_: &mut Interp, args: &[Value]) -> Result<Value> {
    chain("<=", args, Ordering::is_le)
}

/// (>= x ...): non-increasing.
fn greater_eq(_: &mut Interp, args: &[Value]) -> Result<Value> {
    chain(">=", args, Ordering::is_ge)
}

/// An integer argument: exact (small or big) or an integer-valued flonum.
enum IntArg {
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

fn int_arg(who: &str, v: &Value) -> Result<IntArg> {
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

/// The extreme of the arguments under `pick` (min or max), inexact if any is.
fn extreme(who: &str, args: &[Value], keep_new: fn(Ordering) -> bool) -> Result<Value> {
    let mut inexact = false;
    let mut nan = false;
    let mut best: Option<&Value> = None;
    for x in args {
        check_number(who, x)?;
        if let Value::Float(f) = x {
            inexact = true;
            nan |= f.is_nan();
        }
        best = match best {
            None => Some(x),
            Some(b) => match numeric::compare(who, x, b)? {
                Some(o) if keep_new(o) => Some(x),
                _ => Some(b),
            },
        };
    }
    if nan {
        return Ok(Value::Float(f64::NAN));
    }
    let best = best.cloned().unwrap_or(Value::Int(0));
    if inexact {
        Ok(Value::Float(to_f64(&best).unwrap_or(f64::NAN)))
    } else {
        Ok(best)
    }
}

/// (min x ...): the smallest argument.
fn min(_: &mut Interp, args: &[Value]) -> Result<Value> {
    extreme("min", args, Ordering::is_lt)
}

/// (max x ...): the largest argument.
fn max(_: &mut Interp, args: &[Value]) -> Result<Value> {
    extreme("max", args, Ordering::is_gt)
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

fn complex_unsupported(who: &str) -> Error {
    Error::range(who, "complex results are not supported")
}

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

/// A radix argument: 2, 8, 10 or 16.
fn radix_arg(who: &str, args: &[Value]) -> Result<u32> {
    match args.get(1) {
        None => Ok(10),
        Some(Value::Int(r @ (2 | 8 | 10 | 16))) => Ok(*r as u32),
        Some(Value::Int(r)) => Err(Error::range(
            who,
            format!("radix must be 2, 8, 10 or 16, got {r}"),
        )),
        Some(other) => Err(Error::wrong_type(who, "a radix (2, 8, 10 or 16)", other)),
    }
}

/// (number->string z [radix]): the number's text.
fn number_to_string(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let v = number("number->string", &args[0])?;
    let radix = radix_arg("number->string", args)?;
    if let Value::Float(x) = v {
        if radix != 10 && x.is_finite() && x.fract() != 0.0 {
            return Err(Error::range(
                "number->string",
                format!(
                    "cannot write the non-integer {} in radix {radix}",
                    numeric::format_number(v, 10)
                ),
            ));
        }
    }
    Ok(Value::string(&numeric::format_number(v, radix)))
}

/// (string->number s [radix]): the number `s` denotes, or #f.
fn string_to_number(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let s = args::string("string->number", &args[0])?;
    let radix = radix_arg("string->number", args)?;
    let text: String = s.chars.borrow().iter().collect();
    Ok(
        match crate::syntax::number_literal::parse_number(&text, radix) {
            Some(literal) => numeric::from_literal(&literal),
            None => Value::Bool(false),
        },
    )
}

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

/// (exp z).
fn exp(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Float(real("exp", &args[0])?.exp()))
}

/// Natural logarithm of a number, accurate for bignums beyond flonum range.
fn ln(who: &str, v: &Value) -> Result<f64> {
    let x = real(who, v)?;
    if x < 0.0 {
        return Err(complex_unsupported(who));
    }
    if let Value::Big(b) = v {
        if x.is_infinite() {
            let shift = b.bits().saturating_sub(64);
            let top = (&**b >> shift).to_f64().unwrap_or(f64::NAN);
            return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
        }
    }
    Ok(x.ln())
}

/// (log z [base]).
fn log(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let x = ln("log", &args[0])?;
    match args.get(1) {
        None => Ok(Value::Float(x)),
        Some(base) => Ok(Value::Float(x / ln("log", base)?)),
    }
}

/// (sin z).
fn sin(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Float(real("sin", &args[0])?.sin()))
}

/// (cos z).
fn cos(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Float(real("cos", &args[0])?.cos()))
}

/// (tan z).
fn tan(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Float(real("tan", &args[0])?.tan()))
}

/// (asin z).
fn asin(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let x = real("asin", &args[0])?;
    if x.abs() > 1.0 {
        return Err(complex_unsupported("asin"));
    }
    Ok(Value::Float(x.asin()))
}

/// (acos z).
fn acos(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let x = real("acos", &args[0])?;
    if x.abs() > 1.0 {
        return Err(complex_unsupported("acos"));
    }
    Ok(Value::Float(x.acos()))
}

/// (atan z) or (atan y x).
fn atan(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let y = real("atan", &args[0])?;
    match args.get(1) {
        None => Ok(Value::Float(y.atan())),
        Some(x) => Ok(Value::Float(y.atan2(real("atan", x)?))),
    }
}

/// (square z).
fn square(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let v = number("square", &args[0])?;
    numeric::mul(v, v)
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

thread_local! {
    static RNG: Cell<u64> = const { Cell::new(0) };
}

/// The next xorshift64* output, seeding from the clock on first use.
fn next_random() -> u64 {
    RNG.with(|cell| {
        let mut x = cell.get();
        if x == 0 {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0);
            x = (nanos ^ 0x9E37_79B9_7F4A_7C15) | 1;
        }
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        cell.set(x);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    })
}

/// A uniform flonum in [0, 1).
fn random_unit() -> f64 {
    (next_random() >> 11) as f64 / (1u64 << 53) as f64
}

/// (random [n]): uniform random integer in [0, n), or flonum for real n.
fn random(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let Some(limit) = args.first() else {
        return Ok(Value::Float(random_unit()));
    };
    let not_positive = || Error::range("random", "the limit must be positive");
    match limit {
        Value::Int(n) if *n > 0 => {
            let r = (u128::from(next_random()) * (*n as u128)) >> 64;
            Ok(Value::Int(r as i64))
        }
        Value::Big(b) if b.is_positive() => {
            let words = b.bits() / 64 + 2;
            let mut acc = BigInt::zero();
            for _ in 0..words {
                acc = (acc << 64u32) + BigInt::from(next_random());
            }
            Ok(normalize_big(acc.mod_floor(b)))
        }
        Value::Float(x) if *x > 0.0 && x.is_finite() => Ok(Value::Float(random_unit() * x)),
        Value::Int(_) | Value::Big(_) | Value::Float(_) => Err(not_positive()),
        other => Err(Error::wrong_type(
            "random",
            "a positive integer or real",
            other,
        )),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::ErrorKind;

    fn call(name: &str, args: &[Value]) -> Result<Value> {
        let mut interp = Interp::new_captured();
        let prim = PRIMITIVES
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("no builtin {name}"));
        assert!(args.len() >= prim.min_args, "{name}: too few args");
        if let Some(max) = prim.max_args {
            assert!(args.len() <= max, "{name}: too many args");
        }
        (prim.func)(&mut interp, args)
    }

    fn show(v: &Value) -> String {
        match v {
            Value::Values(vs) => vs.iter().map(show).collect::<Vec<_>>().join(" "),
            Value::Bool(b) => if *b { "#t" } else { "#f" }.to_string(),
            Value::Str(s) => s.to_string(),
            v => numeric::format_number(v, 10),
        }
    }

    fn ok(name: &str, args: &[Value]) -> String {
        show(&call(name, args).unwrap_or_else(|e| panic!("{name}: {e:?}")))
    }

    fn err(name: &str, args: &[Value]) -> ErrorKind {
        match call(name, args) {
            Ok(v) => panic!("{name}: expected an error, got {}", show(&v)),
            Err(e) => e.kind(),
        }
    }

    fn i(n: i64) -> Value {
        Value::Int(n)
    }

    fn f(x: f64) -> Value {
        Value::Float(x)
    }

    fn q(n: i64, d: i64) -> Value {
        normalize_rat(BigRational::new(BigInt::from(n), BigInt::from(d)))
    }

    #[test]
    fn arithmetic_variadics() {
        assert_eq!(ok("+", &[]), "0");
        assert_eq!(ok("*", &[]), "1");
        assert_eq!(ok("+", &[i(1), i(2), i(3)]), "6");
        assert_eq!(ok("-", &[i(5)]), "-5");
        assert_eq!(ok("-", &[f(0.0)]), "-0.0");
        assert_eq!(ok("-", &[i(10), i(1), i(2)]), "7");
        assert_eq!(ok("/", &[i(2)]), "1/2");
        assert_eq!(ok("/", &[i(12), i(2), i(3)]), "2");
        assert_eq!(ok("/", &[f(0.0)]), "+inf.0");
        assert_eq!(err("/", &[i(0)]), ErrorKind::DivisionByZero);
        assert_eq!(err("+", &[Value::symbol("a")]), ErrorKind::Type);
        let e = call("*", &[i(2), Value::Bool(true)]).unwrap_err();
        assert_eq!(e.message(), "*: expected a number, got #t");
    }

    #[test]
    fn comparisons() {
        assert_eq!(ok("<", &[i(1), i(2), i(3)]), "#t");
        assert_eq!(ok("<", &[i(1), i(3), i(2)]), "#f");
        assert_eq!(ok("=", &[i(1), f(1.0), q(2, 2)]), "#t");
        assert_eq!(ok(">=", &[i(3), i(3), i(2)]), "#t");
        assert_eq!(ok("<", &[i(1)]), "#t");
        assert_eq!(ok("=", &[f(f64::NAN), f(f64::NAN)]), "#f");
        assert_eq!(err("<", &[i(2), i(1), Value::symbol("x")]), ErrorKind::Type);
    }

    #[test]
    fn integer_division() {
        assert_eq!(ok("quotient", &[i(17), i(-5)]), "-3");
        assert_eq!(ok("remainder", &[i(17), i(-5)]), "2");
        assert_eq!(ok("modulo", &[i(17), i(-5)]), "-3");
        assert_eq!(ok("modulo", &[i(-7), i(2)]), "1");
        assert_eq!(ok("floor/", &[i(-7), i(2)]), "-4 1");
        assert_eq!(ok("truncate/", &[i(-7), i(2)]), "-3 -1");
        assert_eq!(ok("quotient", &[i(i64::MIN), i(-1)]), "9223372036854775808");
        assert_eq!(ok("modulo", &[f(-7.0), i(2)]), "1.0");
        assert_eq!(ok("quotient", &[f(7.0), f(2.0)]), "3.0");
        assert_eq!(err("quotient", &[i(1), i(0)]), ErrorKind::DivisionByZero);
        assert_eq!(err("modulo", &[f(1.5), i(1)]), ErrorKind::Type);
        let big = call("expt", &[i(10), i(30)]).unwrap();
        assert_eq!(ok("remainder", &[big.clone(), i(7)]), "1");
        assert_eq!(
            ok("quotient", &[big, i(1000)]),
            "1000000000000000000000000000"
        );
    }

    #[test]
    fn expt_cases() {
        assert_eq!(ok("expt", &[i(2), i(10)]), "1024");
        assert_eq!(
            ok("expt", &[i(2), i(100)]),
            "1267650600228229401496703205376"
        );
        assert_eq!(ok("expt", &[i(2), i(-2)]), "1/4");
        assert_eq!(ok("expt", &[q(2, 3), i(3)]), "8/27");
        assert_eq!(ok("expt", &[i(0), i(0)]), "1");
        assert_eq!(ok("expt", &[i(0), i(5)]), "0");
        assert_eq!(ok("expt", &[f(2.0), i(3)]), "8.0");
        assert_eq!(ok("expt", &[i(2), f(0.5)]), "1.4142135623730951");
        assert_eq!(ok("expt", &[i(4), q(1, 2)]), "2.0");
        assert_eq!(ok("expt", &[i(-1), i(1_000_000_000_001)]), "-1");
        assert_eq!(err("expt", &[i(0), i(-1)]), ErrorKind::DivisionByZero);
        let huge = call("expt", &[i(2), i(40)]).unwrap();
        assert_eq!(err("expt", &[i(2), huge]), ErrorKind::Memory);
        assert_eq!(err("expt", &[i(-8), q(1, 3)]), ErrorKind::Range);
    }

    #[test]
    fn rounding() {
        assert_eq!(ok("round", &[f(2.5)]), "2.0");
        assert_eq!(ok("round", &[f(3.5)]), "4.0");
        assert_eq!(ok("round", &[f(-2.5)]), "-2.0");
        assert_eq!(ok("round", &[q(7, 2)]), "4");
        assert_eq!(ok("round", &[q(5, 2)]), "2");
        assert_eq!(ok("round", &[q(-5, 2)]), "-2");
        assert_eq!(ok("round", &[q(7, 3)]), "2");
        assert_eq!(ok("floor", &[q(-7, 2)]), "-4");
        assert_eq!(ok("ceiling", &[q(-7, 2)]), "-3");
        assert_eq!(ok("truncate", &[q(-7, 2)]), "-3");
        assert_eq!(ok("floor", &[f(-3.5)]), "-4.0");
        assert_eq!(ok("round", &[i(7)]), "7");
    }

    #[test]
    fn exactness_and_roots() {
        assert_eq!(ok("exact", &[f(0.5)]), "1/2");
        assert_eq!(ok("exact", &[f(3.0)]), "3");
        assert_eq!(err("exact", &[f(f64::INFINITY)]), ErrorKind::Range);
        assert_eq!(err("exact", &[f(f64::NAN)]), ErrorKind::Range);
        assert_eq!(ok("inexact", &[q(1, 4)]), "0.25");
        assert_eq!(ok("sqrt", &[i(16)]), "4");
        assert_eq!(ok("sqrt", &[q(1, 4)]), "1/2");
        assert_eq!(ok("sqrt", &[i(2)]), "1.4142135623730951");
        assert_eq!(ok("sqrt", &[f(16.0)]), "4.0");
        assert_eq!(err("sqrt", &[i(-4)]), ErrorKind::Range);
        assert_eq!(err("sqrt", &[f(-4.0)]), ErrorKind::Range);
        let big = call("expt", &[i(10), i(40)]).unwrap();
        assert_eq!(ok("sqrt", &[big]), "100000000000000000000");
        assert_eq!(ok("exact-integer-sqrt", &[i(17)]), "4 1");
        assert_eq!(err("exact-integer-sqrt", &[i(-1)]), ErrorKind::Type);
    }

    #[test]
    fn min_max_gcd_lcm() {
        assert_eq!(ok("max", &[i(1), f(2.0)]), "2.0");
        assert_eq!(ok("max", &[i(3), f(2.0)]), "3.0");
        assert_eq!(ok("min", &[i(3), q(1, 2), i(7)]), "1/2");
        assert_eq!(ok("gcd", &[]), "0");
        assert_eq!(ok("gcd", &[i(32), i(-36)]), "4");
        assert_eq!(ok("gcd", &[i(i64::MIN), i(0)]), "9223372036854775808");
        assert_eq!(ok("lcm", &[i(32), i(-36)]), "288");
        assert_eq!(ok("lcm", &[]), "1");
        assert_eq!(ok("lcm", &[i(32), f(-36.0)]), "288.0");
        assert_eq!(ok("abs", &[i(i64::MIN)]), "9223372036854775808");
        assert_eq!(ok("abs", &[q(-1, 2)]), "1/2");
    }

    #[test]
    fn predicates_and_strings() {
        assert_eq!(ok("integer?", &[f(2.0)]), "#t");
        assert_eq!(ok("integer?", &[Value::symbol("a")]), "#f");
        assert_eq!(ok("rational?", &[f(f64::INFINITY)]), "#f");
        assert_eq!(err("zero?", &[Value::symbol("a")]), ErrorKind::Type);
        assert_eq!(ok("zero?", &[f(-0.0)]), "#t");
        assert_eq!(ok("positive?", &[f(f64::NAN)]), "#f");
        assert_eq!(ok("odd?", &[f(3.0)]), "#t");
        assert_eq!(err("even?", &[f(1.5)]), ErrorKind::Type);
        assert_eq!(ok("number->string", &[i(255), i(16)]), "ff");
        assert_eq!(ok("number->string", &[f(1e21)]), "1.0e21");
        assert_eq!(err("number->string", &[i(255), i(7)]), ErrorKind::Range);
        assert_eq!(err("number->string", &[f(0.5), i(2)]), ErrorKind::Range);
        assert_eq!(ok("numerator", &[q(6, 4)]), "3");
        assert_eq!(ok("denominator", &[f(0.5)]), "2.0");
        assert_eq!(ok("log", &[i(1)]), "0.0");
        assert_eq!(ok("exp", &[i(0)]), "1.0");
        assert_eq!(ok("atan", &[i(1), i(1)]), "0.7853981633974483");
        let big = call("expt", &[i(10), i(400)]).unwrap();
        let l = call("log", &[big]).unwrap();
        assert!(matches!(l, Value::Float(x) if (x - 921.0340371976183).abs() < 1e-9));
    }

    #[test]
    fn random_ranges() {
        for _ in 0..1000 {
            match call("random", &[i(10)]).unwrap() {
                Value::Int(n) => assert!((0..10).contains(&n)),
                _ => panic!("random: not an integer"),
            }
            match call("random", &[f(2.0)]).unwrap() {
                Value::Float(x) => assert!((0.0..2.0).contains(&x)),
                _ => panic!("random: not a flonum"),
            }
        }
        let big = call("expt", &[i(10), i(30)]).unwrap();
        let r = call("random", std::slice::from_ref(&big)).unwrap();
        assert_eq!(
            numeric::compare("<", &r, &big).unwrap(),
            Some(Ordering::Less)
        );
        assert_eq!(err("random", &[i(0)]), ErrorKind::Range);
    }
}
