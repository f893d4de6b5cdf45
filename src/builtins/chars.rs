//! Builtins: characters. Classification and case mapping are Unicode-aware.

use super::{args, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::Value;

/// This topic's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("char?", 1, 1, is_char, "(char? x): #t if x is a character"),
    prim!("char->integer", 1, 1, char_to_integer, "(char->integer c): the Unicode code point of c"),
    prim!("integer->char", 1, 1, integer_to_char, "(integer->char n): the character with code point n"),
    prim!("char=?", 1, _, char_eq, "(char=? c1 c2 ...): #t if all characters are equal"),
    prim!("char<?", 1, _, char_lt, "(char<? c1 c2 ...): #t if the code points strictly increase"),
    prim!("char>?", 1, _, char_gt, "(char>? c1 c2 ...): #t if the code points strictly decrease"),
    prim!("char<=?", 1, _, char_le, "(char<=? c1 c2 ...): #t if the code points never decrease"),
    prim!("char>=?", 1, _, char_ge, "(char>=? c1 c2 ...): #t if the code points never increase"),
    prim!("char-ci=?", 1, _, char_ci_eq, "(char-ci=? c1 c2 ...): char=? after case folding"),
    prim!("char-ci<?", 1, _, char_ci_lt, "(char-ci<? c1 c2 ...): char<? after case folding"),
    prim!("char-ci>?", 1, _, char_ci_gt, "(char-ci>? c1 c2 ...): char>? after case folding"),
    prim!("char-ci<=?", 1, _, char_ci_le, "(char-ci<=? c1 c2 ...): char<=? after case folding"),
    prim!("char-ci>=?", 1, _, char_ci_ge, "(char-ci>=? c1 c2 ...): char>=? after case folding"),
    prim!("char-alphabetic?", 1, 1, char_alphabetic, "(char-alphabetic? c): #t if c is a letter"),
    prim!("char-numeric?", 1, 1, char_numeric, "(char-numeric? c): #t if c is a decimal digit"),
    prim!("char-whitespace?", 1, 1, char_whitespace, "(char-whitespace? c): #t if c is white space"),
    prim!("char-upper-case?", 1, 1, char_upper_case, "(char-upper-case? c): #t if c is an upper-case letter"),
    prim!("char-lower-case?", 1, 1, char_lower_case, "(char-lower-case? c): #t if c is a lower-case letter"),
    prim!("char-upcase", 1, 1, char_upcase, "(char-upcase c): the upper-case form of c"),
    prim!("char-downcase", 1, 1, char_downcase, "(char-downcase c): the lower-case form of c"),
    prim!("char-foldcase", 1, 1, char_foldcase, "(char-foldcase c): the case-folded form of c"),
    prim!("digit-value", 1, 1, digit_value, "(digit-value c): the value of decimal digit c, or #f"),
];

/// The code points of `0` in every Unicode decimal-digit (Nd) run of ten.
const DIGIT_ZEROS: &[u32] = &[
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60,
    0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0,
    0x1E950, 0x1FBF0,
];

/// The value of a Unicode decimal digit, if `c` is one.
pub fn decimal_digit(c: char) -> Option<u32> {
    let code = c as u32;
    let i = DIGIT_ZEROS.partition_point(|&zero| zero <= code);
    let zero = *DIGIT_ZEROS.get(i.checked_sub(1)?)?;
    let value = code - zero;
    (value < 10).then_some(value)
}

/// The only character of a case mapping, if it maps to exactly one.
fn single(mut mapped: impl Iterator<Item = char>) -> Option<char> {
    let first = mapped.next()?;
    mapped.next().is_none().then_some(first)
}

/// Simple upper-case mapping (characters whose upper case is several, like `ß`,
/// stay as they are).
pub fn upcase(c: char) -> char {
    single(c.to_uppercase()).unwrap_or(c)
}

/// Simple lower-case mapping.
pub fn downcase(c: char) -> char {
    single(c.to_lowercase()).unwrap_or(c)
}

/// Simple case folding (Unicode `C` + `S` mappings): `Σ`, `σ` and `ς` all fold
/// to `σ`.
pub fn foldcase(c: char) -> char {
    if c == 'ı' || c == 'İ' {
        return c;
    }
    downcase(upcase(c))
}

/// Full case folding of one character onto `out` (`ß` folds to `ss`).
pub fn foldcase_full(c: char, out: &mut Vec<char>) {
    if c == 'ı' {
        out.push(c);
        return;
    }
    let upper: Vec<char> = c.to_uppercase().collect();
    if upper.len() == 1 && c != 'İ' {
        out.extend(upper[0].to_lowercase());
    } else {
        for u in upper {
            out.extend(u.to_lowercase());
        }
    }
}

/// `(char? x)`: is `x` a character?
fn is_char(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args.first(), Some(Value::Char(_)))))
}

/// `(char->integer c)`: the code point.
fn char_to_integer(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let c = args::character("char->integer", &args[0])?;
    Ok(Value::Int(c as i64))
}

/// `(integer->char n)`: the character with code point `n`.
fn integer_to_char(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "integer->char";
    match &args[0] {
        Value::Int(n) => u32::try_from(*n)
            .ok()
            .and_then(char::from_u32)
            .map(Value::Char)
            .ok_or_else(|| {
                Error::range(
                    WHO,
                    format!("{n} is not a Unicode scalar value (0..#xD7FF or #xE000..#x10FFFF)"),
                )
            }),
        Value::Big(_) => Err(Error::range(
            WHO,
            format!(
                "{} is not a Unicode scalar value (0..#xD7FF or #xE000..#x10FFFF)",
                crate::printer::write_string_lossy(&args[0])
            ),
        )),
        other => Err(Error::wrong_type(WHO, "an exact integer", other)),
    }
}

/// Checks every argument is a character and that `ok` holds for each adjacent
/// pair after mapping through `key`.
fn compare(
    who: &str,
    args: &[Value],
    key: fn(char) -> char,
    ok: fn(char, char) -> bool,
) -> Result<Value> {
    let mut keys = Vec::with_capacity(args.len());
    for a in args {
        keys.push(key(args::character(who, a)?));
    }
    Ok(Value::Bool(keys.windows(2).all(|w| ok(w[0], w[1]))))
}

/// The identity key for case-sensitive comparisons.
fn same(c: char) -> char {
    c
}

/// `(char=? c ...)`.
fn char_eq(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("char=?", args, same, |a, b| a == b)
}

/// `(char<? c ...)`.
fn char_lt(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("char<?", args, same, |a, b| a < b)
}

/// `(char>? c ...)`.
fn char_gt(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("char>?", args, same, |a, b| a > b)
}

/// `(char<=? c ...)`.
fn char_le(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("char<=?", args, same, |a, b| a <= b)
}

/// `(char>=? c ...)`.
fn char_ge(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("char>=?", args, same, |a, b| a >= b)
}

/// `(char-ci=? c ...)`.
fn char_ci_eq(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("char-ci=?", args, foldcase, |a, b| a == b)
}

/// `(char-ci<? c ...)`.
fn char_ci_lt(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("char-ci<?", args, foldcase, |a, b| a < b)
}

/// `(char-ci>? c ...)`.
fn char_ci_gt(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("char-ci>?", args, foldcase, |a, b| a > b)
}

/// `(char-ci<=? c ...)`.
fn char_ci_le(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("char-ci<=?", args, foldcase, |a, b| a <= b)
}

/// `(char-ci>=? c ...)`.
fn char_ci_ge(_: &mut Interp, args: &[Value]) -> Result<Value> {
    compare("char-ci>=?", args, foldcase, |a, b| a >= b)
}

/// `(char-alphabetic? c)`.
fn char_alphabetic(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        args::character("char-alphabetic?", &args[0])?.is_alphabetic(),
    ))
}

/// `(char-numeric? c)`: a decimal digit of any script.
fn char_numeric(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let c = args::character("char-numeric?", &args[0])?;
    Ok(Value::Bool(decimal_digit(c).is_some()))
}

/// `(char-whitespace? c)`.
fn char_whitespace(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        args::character("char-whitespace?", &args[0])?.is_whitespace(),
    ))
}

/// `(char-upper-case? c)`.
fn char_upper_case(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        args::character("char-upper-case?", &args[0])?.is_uppercase(),
    ))
}

/// `(char-lower-case? c)`.
fn char_lower_case(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        args::character("char-lower-case?", &args[0])?.is_lowercase(),
    ))
}

/// `(char-upcase c)`.
fn char_upcase(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Char(upcase(args::character(
        "char-upcase",
        &args[0],
    )?)))
}

/// `(char-downcase c)`.
fn char_downcase(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Char(downcase(args::character(
        "char-downcase",
        &args[0],
    )?)))
}

/// `(char-foldcase c)`.
fn char_foldcase(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Char(foldcase(args::character(
        "char-foldcase",
        &args[0],
    )?)))
}

/// `(digit-value c)`: 0-9 for a decimal digit, else #f.
fn digit_value(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let c = args::character("digit-value", &args[0])?;
    Ok(match decimal_digit(c) {
        Some(d) => Value::Int(d as i64),
        None => Value::Bool(false),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::ErrorKind;

    fn call(f: super::super::PrimFn, args: &[Value]) -> Result<Value> {
        let mut interp = Interp::new_captured();
        f(&mut interp, args)
    }

    fn ch(f: super::super::PrimFn, args: &[Value]) -> char {
        match call(f, args) {
            Ok(Value::Char(c)) => c,
            other => panic!("expected a char, got {other:?}"),
        }
    }

    fn truth(f: super::super::PrimFn, args: &[Value]) -> bool {
        match call(f, args) {
            Ok(Value::Bool(b)) => b,
            other => panic!("expected a boolean, got {other:?}"),
        }
    }

    fn kind(f: super::super::PrimFn, args: &[Value]) -> ErrorKind {
        call(f, args).expect_err("expected an error").kind()
    }

    use Value::{Char as C, Int as I};

    #[test]
    fn conversions() {
        assert!(matches!(call(char_to_integer, &[C('A')]), Ok(I(65))));
        assert!(matches!(call(char_to_integer, &[C('λ')]), Ok(I(955))));
        assert_eq!(ch(integer_to_char, &[I(97)]), 'a');
        assert_eq!(ch(integer_to_char, &[I(0x10FFFF)]), '\u{10FFFF}');
        assert_eq!(ch(integer_to_char, &[I(0xE000)]), '\u{E000}');
        assert_eq!(kind(integer_to_char, &[I(55296)]), ErrorKind::Range);
        assert_eq!(kind(integer_to_char, &[I(57343)]), ErrorKind::Range);
        assert_eq!(kind(integer_to_char, &[I(0x110000)]), ErrorKind::Range);
        assert_eq!(kind(integer_to_char, &[I(-1)]), ErrorKind::Range);
        assert_eq!(
            kind(integer_to_char, &[Value::Float(65.0)]),
            ErrorKind::Type
        );
        assert_eq!(kind(char_to_integer, &[I(65)]), ErrorKind::Type);
        let e = call(char_to_integer, &[I(65)]).unwrap_err();
        assert!(e
            .message()
            .starts_with("char->integer: expected a character"));
        assert!(truth(is_char, &[C('x')]));
        assert!(!truth(is_char, &[Value::string("x")]));
    }

    #[test]
    fn comparisons() {
        assert!(truth(char_eq, &[C('a')]));
        assert!(truth(char_eq, &[C('a'), C('a'), C('a')]));
        assert!(!truth(char_eq, &[C('a'), C('a'), C('b')]));
        assert!(truth(char_lt, &[C('a'), C('b'), C('c')]));
        assert!(!truth(char_lt, &[C('a'), C('c'), C('b')]));
        assert!(!truth(char_lt, &[C('a'), C('a')]));
        assert!(truth(char_le, &[C('a'), C('a'), C('b')]));
        assert!(truth(char_gt, &[C('c'), C('b'), C('a')]));
        assert!(truth(char_ge, &[C('c'), C('c'), C('a')]));
        assert!(truth(char_ci_eq, &[C('a'), C('A')]));
        assert!(truth(char_ci_eq, &[C('Σ'), C('σ'), C('ς')]));
        assert!(truth(char_ci_lt, &[C('a'), C('B')]));
        assert!(!truth(char_lt, &[C('a'), C('B')]));
        assert!(truth(char_ci_ge, &[C('Z'), C('z'), C('a')]));
        assert!(truth(char_ci_gt, &[C('Z'), C('a')]));
        assert!(truth(char_ci_le, &[C('a'), C('A')]));
        assert_eq!(kind(char_lt, &[C('a'), I(1)]), ErrorKind::Type);
        assert_eq!(kind(char_ci_eq, &[I(1)]), ErrorKind::Type);
    }

    #[test]
    fn classification() {
        assert!(truth(char_alphabetic, &[C('a')]));
        assert!(truth(char_alphabetic, &[C('λ')]));
        assert!(!truth(char_alphabetic, &[C('1')]));
        assert!(truth(char_numeric, &[C('7')]));
        assert!(truth(char_numeric, &[C('٣')]));
        assert!(!truth(char_numeric, &[C('½')]));
        assert!(!truth(char_numeric, &[C('x')]));
        assert!(truth(char_whitespace, &[C(' ')]));
        assert!(truth(char_whitespace, &[C('\n')]));
        assert!(truth(char_whitespace, &[C('\u{A0}')]));
        assert!(!truth(char_whitespace, &[C('a')]));
        assert!(truth(char_upper_case, &[C('A')]));
        assert!(truth(char_upper_case, &[C('Δ')]));
        assert!(!truth(char_upper_case, &[C('a')]));
        assert!(truth(char_lower_case, &[C('δ')]));
        assert!(!truth(char_lower_case, &[C('1')]));
        assert_eq!(
            kind(char_alphabetic, &[Value::string("a")]),
            ErrorKind::Type
        );
    }

    #[test]
    fn case_mapping() {
        assert_eq!(ch(char_upcase, &[C('a')]), 'A');
        assert_eq!(ch(char_upcase, &[C('λ')]), 'Λ');
        assert_eq!(ch(char_upcase, &[C('ß')]), 'ß');
        assert_eq!(ch(char_upcase, &[C('1')]), '1');
        assert_eq!(ch(char_downcase, &[C('A')]), 'a');
        assert_eq!(ch(char_downcase, &[C('Σ')]), 'σ');
        assert_eq!(ch(char_downcase, &[C('İ')]), 'İ');
        assert_eq!(ch(char_foldcase, &[C('Σ')]), 'σ');
        assert_eq!(ch(char_foldcase, &[C('ς')]), 'σ');
        assert_eq!(ch(char_foldcase, &[C('A')]), 'a');
        assert_eq!(ch(char_foldcase, &[C('ı')]), 'ı');
        assert_eq!(ch(char_foldcase, &[C('ſ')]), 's');
        let mut out = Vec::new();
        foldcase_full('ß', &mut out);
        foldcase_full('İ', &mut out);
        foldcase_full('Σ', &mut out);
        assert_eq!(out, vec!['s', 's', 'i', '\u{307}', 'σ']);
    }

    #[test]
    fn digits() {
        assert!(matches!(call(digit_value, &[C('3')]), Ok(I(3))));
        assert!(matches!(call(digit_value, &[C('0')]), Ok(I(0))));
        assert!(matches!(call(digit_value, &[C('٤')]), Ok(I(4))));
        assert!(matches!(
            call(digit_value, &[C('\u{0EA6}')]),
            Ok(Value::Bool(false))
        ));
        assert!(matches!(
            call(digit_value, &[C('a')]),
            Ok(Value::Bool(false))
        ));
        assert!(matches!(
            call(digit_value, &[C('/')]),
            Ok(Value::Bool(false))
        ));
        assert!(matches!(
            call(digit_value, &[C(':')]),
            Ok(Value::Bool(false))
        ));
        assert!(matches!(
            call(digit_value, &[C('\u{0}')]),
            Ok(Value::Bool(false))
        ));
        // Every run in the table is ten numeric, non-alphabetic characters.
        for &zero in DIGIT_ZEROS {
            for d in 0..10 {
                let c = char::from_u32(zero + d).expect("valid digit");
                assert!(c.is_numeric() && !c.is_alphabetic(), "{:X}", zero + d);
                assert_eq!(decimal_digit(c), Some(d));
            }
        }
        assert!(DIGIT_ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]));
    }
}
