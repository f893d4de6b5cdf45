//! Builtins: numeric order — the comparison chains `=`, `<`, `>`, `<=`, `>=`,
//! and `min` / `max`, which pick by the same ordering. Kept apart from
//! arithmetic because they rest on the one ordering of the numeric tower,
//! `numeric::compare`.

use std::cmp::Ordering;

use crate::builtins::Primitive;
use crate::diagnostics::Result;
use crate::interp::Interp;
use crate::numeric::{self, check_number, to_f64};
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("=", 1, _, num_eq, "(= z ...): #t if all arguments are numerically equal"),
    prim!("<", 1, _, less, "(< x ...): #t if the arguments are strictly increasing"),
    prim!(">", 1, _, greater, "(> x ...): #t if the arguments are strictly decreasing"),
    prim!("<=", 1, _, less_eq, "(<= x ...): #t if the arguments are non-decreasing"),
    prim!(">=", 1, _, greater_eq, "(>= x ...): #t if the arguments are non-increasing"),
    prim!("min", 1, _, min, "(min x ...): the smallest argument (inexact if any argument is)"),
    prim!("max", 1, _, max, "(max x ...): the largest argument (inexact if any argument is)"),
];

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
