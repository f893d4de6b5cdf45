//! Builtins: the transcendental functions — `exp`, `log` and the trigonometric
//! functions, all computed on flonums. Separate because they always answer
//! inexactly and reject arguments whose result would be complex.

use num_traits::ToPrimitive;

use super::{complex_unsupported, real};
use crate::builtins::Primitive;
use crate::diagnostics::Result;
use crate::interp::Interp;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("exp", 1, 1, exp, "(exp z): e to the power z"),
    prim!("log", 1, 2, log, "(log z [base]): natural logarithm, or logarithm in base"),
    prim!("sin", 1, 1, sin, "(sin z): sine"),
    prim!("cos", 1, 1, cos, "(cos z): cosine"),
    prim!("tan", 1, 1, tan, "(tan z): tangent"),
    prim!("asin", 1, 1, asin, "(asin z): arcsine"),
    prim!("acos", 1, 1, acos, "(acos z): arccosine"),
    prim!("atan", 1, 2, atan, "(atan z) or (atan y x): arctangent"),
];

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
