//! Builtins: the SRFI-13-style extras beyond R7RS — searching, prefix and
//! suffix tests, joining, splitting, trimming, reversing and the emptiness
//! test. Separate because they are conveniences a program could write from the
//! basics. They stay in Rust rather than `stdlib/`: a Scheme `string-index`
//! or `string-trim` costs three to five times the instructions of these
//! (`bench/micro/README.md`).

use super::{chars_of, new_string};
use crate::builtins::vectors::memory_error;
use crate::builtins::{args, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("string-index", 2, 2, string_index, "(string-index s char-or-pred): index of the first match, or #f"),
    prim!("string-contains", 2, 2, string_contains, "(string-contains s sub): index of the first occurrence of sub, or #f"),
    prim!("string-join", 1, 2, string_join, "(string-join list [delimiter]): the strings joined by delimiter (default \" \")"),
    prim!("string-split", 2, 2, string_split, "(string-split s delimiter): the pieces between occurrences of a char or string"),
    prim!("string-null?", 1, 1, string_null, "(string-null? s): #t if s is empty"),
    prim!("string-reverse", 1, 1, string_reverse, "(string-reverse s): a new string of the characters in reverse"),
    prim!("string-trim", 1, 2, string_trim, "(string-trim s [char-or-pred]): s without leading and trailing white space"),
    prim!("string-trim-both", 1, 2, string_trim, "(string-trim-both s [char-or-pred]): same as string-trim"),
    prim!("string-trim-left", 1, 2, string_trim_left, "(string-trim-left s [char-or-pred]): s without leading white space"),
    prim!("string-trim-right", 1, 2, string_trim_right, "(string-trim-right s [char-or-pred]): s without trailing white space"),
    prim!("string-prefix?", 2, 2, string_prefix, "(string-prefix? prefix s): #t if s starts with prefix"),
    prim!("string-suffix?", 2, 2, string_suffix, "(string-suffix? suffix s): #t if s ends with suffix"),
];

/// What `string-index` and the trimming procedures look for.
enum Matcher<'a> {
    Char(char),
    Pred(&'a Value),
    Whitespace,
}

impl<'a> Matcher<'a> {
    /// A character or predicate argument (or white space when absent).
    fn from_arg(who: &str, arg: Option<&'a Value>) -> Result<Matcher<'a>> {
        match arg {
            None => Ok(Matcher::Whitespace),
            Some(Value::Char(c)) => Ok(Matcher::Char(*c)),
            Some(v) if v.is_procedure() => Ok(Matcher::Pred(v)),
            Some(v) => Err(Error::wrong_type(who, "a character or a predicate", v)),
        }
    }

    /// Does `c` match?
    fn matches(&self, interp: &mut Interp, c: char) -> Result<bool> {
        Ok(match self {
            Matcher::Char(m) => *m == c,
            Matcher::Whitespace => c.is_whitespace(),
            Matcher::Pred(p) => interp.apply(p, &[Value::Char(c)])?.is_true(),
        })
    }
}

/// `(string-index s char-or-pred)`.
fn string_index(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "string-index";
    let s = args::string(WHO, &args[0])?;
    let matcher = match &args[1] {
        Value::Char(c) => Matcher::Char(*c),
        v if v.is_procedure() => Matcher::Pred(v),
        v => return Err(Error::wrong_type(WHO, "a character or a predicate", v)),
    };
    let mut i = 0;
    loop {
        let Some(c) = s.chars.borrow().get(i).copied() else {
            return Ok(Value::Bool(false));
        };
        if matcher.matches(interp, c)? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
}

/// The index of the first occurrence of `needle` in `hay`.
fn find(hay: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `(string-contains s sub)`.
fn string_contains(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "string-contains";
    let hay = chars_of(WHO, &args[0])?;
    let needle = chars_of(WHO, &args[1])?;
    Ok(match find(&hay, &needle) {
        Some(i) => Value::Int(i as i64),
        None => Value::Bool(false),
    })
}

/// `(string-join list [delimiter])`.
fn string_join(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "string-join";
    let items = args::list(WHO, &args[0])?;
    let delimiter = match args.get(1) {
        Some(d) => chars_of(WHO, d)?,
        None => vec![' '],
    };
    let mut out: Vec<char> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.try_reserve(delimiter.len())
                .map_err(|_| memory_error(WHO, delimiter.len()))?;
            out.extend_from_slice(&delimiter);
        }
        let s = match item {
            Value::Str(_) => args::string(WHO, item)?,
            other => return Err(Error::wrong_type(WHO, "a list of strings", other)),
        };
        let chars = s.chars.borrow();
        out.try_reserve(chars.len())
            .map_err(|_| memory_error(WHO, chars.len()))?;
        out.extend_from_slice(&chars);
    }
    Ok(new_string(out))
}

/// `(string-split s delimiter)`: every piece between delimiters, empty ones
/// included.
fn string_split(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "string-split";
    let chars = chars_of(WHO, &args[0])?;
    let delimiter = match &args[1] {
        Value::Char(c) => vec![*c],
        Value::Str(_) => chars_of(WHO, &args[1])?,
        other => return Err(Error::wrong_type(WHO, "a character or a string", other)),
    };
    if delimiter.is_empty() {
        return Err(Error::range(WHO, "the delimiter must not be empty"));
    }
    let mut pieces = Vec::new();
    let mut rest: &[char] = &chars;
    while let Some(i) = find(rest, &delimiter) {
        pieces.push(new_string(rest[..i].to_vec()));
        rest = &rest[i + delimiter.len()..];
    }
    pieces.push(new_string(rest.to_vec()));
    Ok(Value::list(pieces))
}

/// `(string-null? s)`.
fn string_null(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let s = args::string("string-null?", &args[0])?;
    Ok(Value::Bool(s.chars.borrow().is_empty()))
}

/// `(string-reverse s)`.
fn string_reverse(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let mut chars = chars_of("string-reverse", &args[0])?;
    chars.reverse();
    Ok(new_string(chars))
}

/// Shared body of the trimming procedures.
fn trim(interp: &mut Interp, who: &str, args: &[Value], left: bool, right: bool) -> Result<Value> {
    let chars = chars_of(who, &args[0])?;
    let matcher = Matcher::from_arg(who, args.get(1))?;
    let mut start = 0;
    let mut end = chars.len();
    if left {
        while start < end && matcher.matches(interp, chars[start])? {
            start += 1;
        }
    }
    if right {
        while end > start && matcher.matches(interp, chars[end - 1])? {
            end -= 1;
        }
    }
    Ok(new_string(chars[start..end].to_vec()))
}

/// `(string-trim s [char-or-pred])`: trims both ends.
fn string_trim(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    trim(interp, "string-trim", args, true, true)
}

/// `(string-trim-left s [char-or-pred])`.
fn string_trim_left(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    trim(interp, "string-trim-left", args, true, false)
}

/// `(string-trim-right s [char-or-pred])`.
fn string_trim_right(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    trim(interp, "string-trim-right", args, false, true)
}

/// `(string-prefix? prefix s)`.
fn string_prefix(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "string-prefix?";
    let prefix = chars_of(WHO, &args[0])?;
    let s = chars_of(WHO, &args[1])?;
    Ok(Value::Bool(s.starts_with(&prefix)))
}

/// `(string-suffix? suffix s)`.
fn string_suffix(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "string-suffix?";
    let suffix = chars_of(WHO, &args[0])?;
    let s = chars_of(WHO, &args[1])?;
    Ok(Value::Bool(s.ends_with(&suffix)))
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::builtins::vectors::test_util::*;
    use crate::diagnostics::ErrorKind;
    use Value::{Char as C, Int as I};

    #[test]
    fn searching() {
        assert_eq!(ok(string_index, &[s("hello"), C('l')]), "2");
        assert_eq!(ok(string_index, &[s("hello"), C('z')]), "#f");
        assert_eq!(ok(string_index, &[s("λμν"), C('ν')]), "2");
        assert_eq!(err(string_index, &[s("hello"), s("l")]), ErrorKind::Type);
        assert_eq!(ok(string_contains, &[s("hello world"), s("o w")]), "4");
        assert_eq!(ok(string_contains, &[s("hello"), s("")]), "0");
        assert_eq!(ok(string_contains, &[s("hello"), s("xyz")]), "#f");
        assert_eq!(ok(string_contains, &[s("ab"), s("abc")]), "#f");
        assert_eq!(ok(string_contains, &[s("αβγ"), s("γ")]), "2");
        assert_eq!(ok(string_prefix, &[s("he"), s("hello")]), "#t");
        assert_eq!(ok(string_prefix, &[s("hello"), s("he")]), "#f");
        assert_eq!(ok(string_prefix, &[s(""), s("x")]), "#t");
        assert_eq!(ok(string_suffix, &[s("lo"), s("hello")]), "#t");
        assert_eq!(ok(string_suffix, &[s("he"), s("hello")]), "#f");
        assert_eq!(err(string_prefix, &[C('h'), s("hello")]), ErrorKind::Type);
    }

    #[test]
    fn join_and_split() {
        let words = Value::list(vec![s("a"), s("b"), s("c")]);
        assert_eq!(ok(string_join, &[words.clone()]), "\"a b c\"");
        assert_eq!(ok(string_join, &[words.clone(), s(", ")]), "\"a, b, c\"");
        assert_eq!(ok(string_join, &[words.clone(), s("")]), "\"abc\"");
        assert_eq!(ok(string_join, &[Value::Null]), "\"\"");
        assert_eq!(err(string_join, &[ints(&[1, 2])]), ErrorKind::Type);
        assert_eq!(err(string_join, &[words, C(',')]), ErrorKind::Type);
        assert_eq!(
            ok(string_split, &[s("a,b,,c"), C(',')]),
            "(\"a\" \"b\" \"\" \"c\")"
        );
        assert_eq!(ok(string_split, &[s(""), C(',')]), "(\"\")");
        assert_eq!(ok(string_split, &[s(",a,"), C(',')]), "(\"\" \"a\" \"\")");
        assert_eq!(ok(string_split, &[s("abc"), C(',')]), "(\"abc\")");
        assert_eq!(
            ok(string_split, &[s("a::b::c"), s("::")]),
            "(\"a\" \"b\" \"c\")"
        );
        assert_eq!(
            ok(string_split, &[s("a λ b"), C(' ')]),
            "(\"a\" \"λ\" \"b\")"
        );
        assert_eq!(err(string_split, &[s("abc"), s("")]), ErrorKind::Range);
        assert_eq!(err(string_split, &[s("abc"), I(1)]), ErrorKind::Type);
    }

    #[test]
    fn misc() {
        assert_eq!(ok(string_null, &[s("")]), "#t");
        assert_eq!(ok(string_null, &[s(" ")]), "#f");
        assert_eq!(ok(string_reverse, &[s("abλ")]), "\"λba\"");
        assert_eq!(ok(string_reverse, &[s("")]), "\"\"");
        assert_eq!(ok(string_trim, &[s("  hi there \n")]), "\"hi there\"");
        assert_eq!(ok(string_trim_left, &[s("  hi  ")]), "\"hi  \"");
        assert_eq!(ok(string_trim_right, &[s("  hi  ")]), "\"  hi\"");
        assert_eq!(ok(string_trim, &[s("   ")]), "\"\"");
        assert_eq!(ok(string_trim, &[s("xxhixx"), C('x')]), "\"hi\"");
        assert_eq!(ok(string_trim_left, &[s("xxhixx"), C('x')]), "\"hixx\"");
        assert_eq!(err(string_trim, &[s("xx"), I(1)]), ErrorKind::Type);
    }
}
