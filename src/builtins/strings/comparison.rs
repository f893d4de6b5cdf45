//! Builtins: string comparison — `string=?`, `string<?` and the rest, and their
//! case-insensitive `-ci` forms. Separate because ordering is by code point
//! (after full case folding for the `-ci` forms), not by any locale.

use smallvec::SmallVec;
use std::cmp::Ordering;
use std::rc::Rc;

use super::case::fold;
use crate::builtins::{args, Primitive};
use crate::diagnostics::Result;
use crate::interp::Interp;
use crate::prim;
use crate::value::{SString, Value};

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("string=?", 1, _, string_eq, "(string=? s1 s2 ...): #t if all strings are equal"),
    prim!("string<?", 1, _, string_lt, "(string<? s1 s2 ...): #t if the strings strictly increase"),
    prim!("string>?", 1, _, string_gt, "(string>? s1 s2 ...): #t if the strings strictly decrease"),
    prim!("string<=?", 1, _, string_le, "(string<=? s1 s2 ...): #t if the strings never decrease"),
    prim!("string>=?", 1, _, string_ge, "(string>=? s1 s2 ...): #t if the strings never increase"),
    prim!("string-ci=?", 1, _, string_ci_eq, "(string-ci=? s1 s2 ...): string=? after case folding"),
    prim!("string-ci<?", 1, _, string_ci_lt, "(string-ci<? s1 s2 ...): string<? after case folding"),
    prim!("string-ci>?", 1, _, string_ci_gt, "(string-ci>? s1 s2 ...): string>? after case folding"),
    prim!("string-ci<=?", 1, _, string_ci_le, "(string-ci<=? s1 s2 ...): string<=? after case folding"),
    prim!("string-ci>=?", 1, _, string_ci_ge, "(string-ci>=? s1 s2 ...): string>=? after case folding"),
];

/// Checks every argument is a string and that `ok` holds for the ordering of
/// each adjacent pair (compared by code point, after folding when `ci`).
fn compare(who: &str, args: &[Value], ci: bool, ok: fn(Ordering) -> bool) -> Result<Value> {
    let strings = args
        .iter()
        .map(|a| args::string(who, a))
        .collect::<Result<SmallVec<[&Rc<SString>; 4]>>>()?;
    let holds = if ci {
        let keys: Vec<Vec<char>> = strings.iter().map(|s| fold(&s.chars.borrow())).collect();
        keys.windows(2).all(|w| ok(w[0].cmp(&w[1])))
    } else {
        strings.windows(2).all(|w| {
            ok(w[0]
                .chars
                .borrow()
                .as_slice()
                .cmp(w[1].chars.borrow().as_slice()))
        })
    };
    Ok(Value::Bool(holds))
}

/// `(string=? s ...)`.
fn string_eq(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("string=?", args, false, Ordering::is_eq)
}

/// `(string<? s ...)`.
fn string_lt(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("string<?", args, false, Ordering::is_lt)
}

/// `(string>? s ...)`.
fn string_gt(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("string>?", args, false, Ordering::is_gt)
}

/// `(string<=? s ...)`.
fn string_le(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("string<=?", args, false, Ordering::is_le)
}

/// `(string>=? s ...)`.
fn string_ge(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("string>=?", args, false, Ordering::is_ge)
}

/// `(string-ci=? s ...)`.
fn string_ci_eq(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("string-ci=?", args, true, Ordering::is_eq)
}

/// `(string-ci<? s ...)`.
fn string_ci_lt(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("string-ci<?", args, true, Ordering::is_lt)
}

/// `(string-ci>? s ...)`.
fn string_ci_gt(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("string-ci>?", args, true, Ordering::is_gt)
}

/// `(string-ci<=? s ...)`.
fn string_ci_le(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("string-ci<=?", args, true, Ordering::is_le)
}

/// `(string-ci>=? s ...)`.
fn string_ci_ge(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("string-ci>=?", args, true, Ordering::is_ge)
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::builtins::vectors::test_util::*;
    use crate::diagnostics::ErrorKind;
    use Value::Char as C;

    #[test]
    fn comparisons() {
        assert_eq!(ok(string_eq, &[s("a")]), "#t");
        assert_eq!(ok(string_eq, &[s("ab"), s("ab"), s("ab")]), "#t");
        assert_eq!(ok(string_eq, &[s("ab"), s("ab"), s("aB")]), "#f");
        assert_eq!(ok(string_lt, &[s("a"), s("ab"), s("b")]), "#t");
        assert_eq!(ok(string_lt, &[s("ab"), s("ab")]), "#f");
        assert_eq!(ok(string_lt, &[s(""), s("a")]), "#t");
        assert_eq!(ok(string_gt, &[s("b"), s("a")]), "#t");
        assert_eq!(ok(string_le, &[s("a"), s("a"), s("b")]), "#t");
        assert_eq!(ok(string_ge, &[s("a"), s("b")]), "#f");
        assert_eq!(ok(string_lt, &[s("Z"), s("a")]), "#t");
        assert_eq!(ok(string_ci_eq, &[s("Hello"), s("hELLO")]), "#t");
        assert_eq!(ok(string_ci_eq, &[s("Straße"), s("STRASSE")]), "#t");
        assert_eq!(ok(string_ci_lt, &[s("a"), s("B")]), "#t");
        assert_eq!(ok(string_ci_gt, &[s("Z"), s("a")]), "#t");
        assert_eq!(ok(string_ci_le, &[s("A"), s("a")]), "#t");
        assert_eq!(ok(string_ci_ge, &[s("a"), s("B")]), "#f");
        assert_eq!(err(string_eq, &[s("a"), C('a')]), ErrorKind::Type);
    }
}
