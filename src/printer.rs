//! `display` and `write` (stub).

use crate::arena::Arenas;
use crate::diagnostics::Result;
use crate::value::Value;

/// The `display` form of a value; fails on values of destroyed arenas.
pub fn display_string(_arenas: &Arenas, value: &Value) -> Result<String> {
    Ok(write_string_lossy(value))
}

/// The `write` form of a value; fails on values of destroyed arenas.
pub fn write_string(_arenas: &Arenas, value: &Value) -> Result<String> {
    Ok(write_string_lossy(value))
}

/// The `write` form for error messages: never fails, shows dead arena values as
/// `#<dead ...>`, and truncates huge values.
pub fn write_string_lossy(value: &Value) -> String {
    format!("{value:?}")
}
