//! Builtins: case mapping — `string-upcase`, `string-downcase` and
//! `string-foldcase`. Separate because full Unicode mapping can change a
//! string's length (`ß` becomes `SS`); the folding is shared with the `-ci`
//! comparisons.

use super::{chars_of, new_string};
use crate::builtins::chars::foldcase_full;
use crate::builtins::{args, Primitive};
use crate::diagnostics::Result;
use crate::interp::Interp;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("string-upcase", 1, 1, string_upcase, "(string-upcase s): a new upper-case string (\"ß\" becomes \"SS\")"),
    prim!("string-downcase", 1, 1, string_downcase, "(string-downcase s): a new lower-case string"),
    prim!("string-foldcase", 1, 1, string_foldcase, "(string-foldcase s): a new case-folded string"),
];

/// Full case folding of a character sequence.
pub(super) fn fold(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    for &c in chars {
        foldcase_full(c, &mut out);
    }
    out
}

/// The string argument as a Rust `String`.
fn text_of(who: &str, value: &Value) -> Result<String> {
    Ok(args::string(who, value)?.chars.borrow().iter().collect())
}

/// `(string-upcase s)`: full mapping, so `ß` becomes `SS`.
fn string_upcase(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::string(
        &text_of("string-upcase", &args[0])?.to_uppercase(),
    ))
}

/// `(string-downcase s)`: full mapping, with final sigma.
fn string_downcase(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::string(
        &text_of("string-downcase", &args[0])?.to_lowercase(),
    ))
}

/// `(string-foldcase s)`: full case folding.
fn string_foldcase(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(new_string(fold(&chars_of("string-foldcase", &args[0])?)))
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::builtins::vectors::test_util::*;
    use crate::diagnostics::ErrorKind;
    use Value::Char as C;

    #[test]
    fn case() {
        assert_eq!(ok(string_upcase, &[s("straße")]), "\"STRASSE\"");
        assert_eq!(ok(string_upcase, &[s("hello λ")]), "\"HELLO Λ\"");
        assert_eq!(ok(string_downcase, &[s("HELLO")]), "\"hello\"");
        assert_eq!(ok(string_downcase, &[s("ΧΑΟΣ")]), "\"χαος\"");
        assert_eq!(ok(string_foldcase, &[s("Straße")]), "\"strasse\"");
        assert_eq!(ok(string_foldcase, &[s("ΧΑΟΣ")]), "\"χαοσ\"");
        assert_eq!(err(string_upcase, &[C('a')]), ErrorKind::Type);
    }
}
