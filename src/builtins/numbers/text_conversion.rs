//! Builtins: `number->string` and `string->number`, in radix 2, 8, 10 or 16.
//! Separate because they are the numbers' bridge to text, through the reader's
//! number syntax and the printer's number format.

use super::number;
use crate::builtins::{args, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::numeric;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("number->string", 1, 2, number_to_string, "(number->string z [radix]): the number's text"),
    prim!("string->number", 1, 2, string_to_number, "(string->number s [radix]): the number s denotes, or #f"),
];

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
