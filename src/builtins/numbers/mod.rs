//! Builtins: numbers (arithmetic, comparison, integer division, rounding,
//! exactness, transcendental functions, number <-> string, random).
//!
//! Each concern has a file of its own, with its table of builtins next to the
//! functions; this file holds the argument helpers several of them share.

pub mod arithmetic;
pub mod comparison;
pub mod exactness;
pub mod integers;
pub mod powers;
pub mod predicates;
pub mod random;
pub mod rounding;
pub mod text_conversion;
pub mod transcendental;

#[cfg(test)]
mod tests;

use crate::diagnostics::{Error, Result};
use crate::numeric::{check_number, to_f64};
use crate::value::Value;

/// A number argument.
fn number<'a>(who: &str, v: &'a Value) -> Result<&'a Value> {
    check_number(who, v)?;
    Ok(v)
}

/// A flonum view of a number argument.
fn real(who: &str, v: &Value) -> Result<f64> {
    to_f64(v).ok_or_else(|| Error::wrong_type(who, "a number", v))
}

fn complex_unsupported(who: &str) -> Error {
    Error::range(who, "complex results are not supported")
}
