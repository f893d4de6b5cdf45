//! Builtins: strings. Strings are vectors of Unicode characters, so indexes and
//! lengths count characters, and case mapping is Unicode-aware.
//!
//! Each concern has a file of its own, with its table of builtins next to the
//! functions; this file holds the string helpers several of them share.

pub mod basics;
pub mod case;
pub mod comparison;
pub mod extras;

use std::rc::Rc;

use super::args;
use crate::diagnostics::Result;
use crate::value::{SString, Value};

/// A fresh string value.
pub(super) fn new_string(chars: Vec<char>) -> Value {
    Value::Str(Rc::new(SString::new(chars)))
}

/// A copy of a string argument's characters.
fn chars_of(who: &str, value: &Value) -> Result<Vec<char>> {
    Ok(args::string(who, value)?.chars.borrow().clone())
}
