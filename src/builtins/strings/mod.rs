//! Builtins: strings. Strings are vectors of Unicode characters, so indexes and
//! lengths count characters, and case mapping is Unicode-aware.

use smallvec::SmallVec;
use std::cmp::Ordering;
use std::rc::Rc;

use super::chars::foldcase_full;
use super::vectors::{bounds, check_room, filled, memory_error, with_capacity};
use super::{args, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::{SString, Value};

/// This topic's builtins.
pub static PRIMITIVES: &[Primitive] = &[
    prim!(
        "string?",
        1,
        1,
        is_string,
        "(string? x): #t if x is a string"
    ),
    prim!(
        "make-string",
        1,
        2,
        make_string,
        "(make-string n [char]): a new string of n characters"
    ),
    prim!(
        "string",
        0,
        _,
        string,
        "(string char ...): a new string of the characters"
    ),
    prim!(
        "string-length",
        1,
        1,
        string_length,
        "(string-length s): the number of characters"
    ),
    prim!(
        "string-ref",
        2,
        2,
        string_ref,
        "(string-ref s k): character k of s"
    ),
    prim!(
        "string-set!",
        3,
        3,
        string_set,
        "(string-set! s k char): stores char as character k of s"
    ),
    prim!(
        "substring",
        2,
        3,
        substring,
        "(substring s start [end]): a new string of characters start..end"
    ),
    prim!(
        "string-append",
        0,
        _,
        string_append,
        "(string-append s ...): a new string joining the arguments"
    ),
    prim!(
        "string-copy",
        1,
        3,
        string_copy,
        "(string-copy s [start [end]]): a new string of the characters"
    ),
    prim!(
        "string-copy!",
        3,
        5,
        string_copy_into,
        "(string-copy! to at from [start [end]]): copies characters of from into to"
    ),
    prim!(
        "string-fill!",
        2,
        4,
        string_fill,
        "(string-fill! s char [start [end]]): stores char in every position"
    ),
    prim!(
        "string->list",
        1,
        3,
        string_to_list,
        "(string->list s [start [end]]): the characters as a list"
    ),
    prim!(
        "list->string",
        1,
        1,
        list_to_string,
        "(list->string list): a new string of the list's characters"
    ),
    prim!(
        "string->vector",
        1,
        3,
        string_to_vector,
        "(string->vector s [start [end]]): the characters as a vector"
    ),
    prim!(
        "vector->string",
        1,
        3,
        vector_to_string,
        "(vector->string v [start [end]]): a new string of the vector's characters"
    ),
    prim!(
        "string=?",
        1,
        _,
        string_eq,
        "(string=? s1 s2 ...): #t if all strings are equal"
    ),
    prim!(
        "string<?",
        1,
        _,
        string_lt,
        "(string<? s1 s2 ...): #t if the strings strictly increase"
    ),
    prim!(
        "string>?",
        1,
        _,
        string_gt,
        "(string>? s1 s2 ...): #t if the strings strictly decrease"
    ),
    prim!(
        "string<=?",
        1,
        _,
        string_le,
        "(string<=? s1 s2 ...): #t if the strings never decrease"
    ),
    prim!(
        "string>=?",
        1,
        _,
        string_ge,
        "(string>=? s1 s2 ...): #t if the strings never increase"
    ),
    prim!(
        "string-ci=?",
        1,
        _,
        string_ci_eq,
        "(string-ci=? s1 s2 ...): string=? after case folding"
    ),
    prim!(
        "string-ci<?",
        1,
        _,
        string_ci_lt,
        "(string-ci<? s1 s2 ...): string<? after case folding"
    ),
    prim!(
        "string-ci>?",
        1,
        _,
        string_ci_gt,
        "(string-ci>? s1 s2 ...): string>? after case folding"
    ),
    prim!(
        "string-ci<=?",
        1,
        _,
        string_ci_le,
        "(string-ci<=? s1 s2 ...): string<=? after case folding"
    ),
    prim!(
        "string-ci>=?",
        1,
        _,
        string_ci_ge,
        "(string-ci>=? s1 s2 ...): string>=? after case folding"
    ),
    prim!(
        "string-upcase",
        1,
        1,
        string_upcase,
        "(string-upcase s): a new upper-case string (\"ß\" becomes \"SS\")"
    ),
    prim!(
        "string-downcase",
        1,
        1,
        string_downcase,
        "(string-downcase s): a new lower-case string"
    ),
    prim!(
        "string-foldcase",
        1,
        1,
        string_foldcase,
        "(string-foldcase s): a new case-folded string"
    ),
    prim!(
        "string-index",
        2,
        2,
        string_index,
        "(string-index s char-or-pred): index of the first match, or #f"
    ),
    prim!(
        "string-contains",
        2,
        2,
        string_contains,
        "(string-contains s sub): index of the first occurrence of sub, or #f"
    ),
    prim!(
        "string-join",
        1,
        2,
        string_join,
        "(string-join list [delimiter]): the strings joined by delimiter (default \" \")"
    ),
    prim!(
        "string-split",
        2,
        2,
        string_split,
        "(string-split s delimiter): the pieces between occurrences of a char or string"
    ),
    prim!(
        "string-null?",
        1,
        1,
        string_null,
        "(string-null? s): #t if s is empty"
    ),
    prim!(
        "string-reverse",
        1,
        1,
        string_reverse,
        "(string-reverse s): a new string of the characters in reverse"
    ),
    prim!(
        "string-trim",
        1,
        2,
        string_trim,
        "(string-trim s [char-or-pred]): s without leading and trailing white space"
    ),
    prim!(
        "string-trim-both",
        1,
        2,
        string_trim,
        "(string-trim-both s [char-or-pred]): same as string-trim"
    ),
    prim!(
        "string-trim-left",
        1,
        2,
        string_trim_left,
        "(string-trim-left s [char-or-pred]): s without leading white space"
    ),
    prim!(
        "string-trim-right",
        1,
        2,
        string_trim_right,
        "(string-trim-right s [char-or-pred]): s without trailing white space"
    ),
    prim!(
        "string-prefix?",
        2,
        2,
        string_prefix,
        "(string-prefix? prefix s): #t if s starts with prefix"
    ),
    prim!(
        "string-suffix?",
        2,
        2,
        string_suffix,
        "(string-suffix? suffix s): #t if s ends with suffix"
    ),
];

/// A fresh string value.
pub(super) fn new_string(chars: Vec<char>) -> Value {
    Value::Str(Rc::new(SString::new(chars)))
}

/// A copy of a string argument's characters.
fn chars_of(who: &str, value: &Value) -> Result<Vec<char>> {
    Ok(args::string(who, value)?.chars.borrow().clone())
}

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

/// `(string? x)`.
fn is_string(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Str(_))))
}

/// `(make-string n [char])`: filled with spaces unless a char is given.
fn make_string(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "make-string";
    let n = args::index(WHO, &args[0])?;
    let fill = match args.get(1) {
        Some(c) => args::character(WHO, c)?,
        None => ' ',
    };
    Ok(new_string(filled(interp, WHO, n, fill)?))
}

/// `(string char ...)`.
fn string(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let chars = args
        .iter()
        .map(|c| args::character("string", c))
        .collect::<Result<Vec<char>>>()?;
    Ok(new_string(chars))
}

/// `(string-length s)`: counts characters.
fn string_length(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let s = args::string("string-length", &args[0])?;
    Ok(Value::Int(s.chars.borrow().len() as i64))
}

/// `(string-ref s k)`.
fn string_ref(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "string-ref";
    let s = args::string(WHO, &args[0])?;
    let chars = s.chars.borrow();
    let i = args::index_below(WHO, &args[1], chars.len())?;
    Ok(Value::Char(chars[i]))
}

/// `(string-set! s k char)`.
fn string_set(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "string-set!";
    let s = args::string(WHO, &args[0])?;
    let c = args::character(WHO, &args[2])?;
    let mut chars = s.chars.borrow_mut();
    let i = args::index_below(WHO, &args[1], chars.len())?;
    chars[i] = c;
    Ok(Value::Unspecified)
}

/// The characters `[start, end)` of the string argument `args[0]`, with the
/// bounds at `args[first..]`.
fn slice(who: &str, args: &[Value], first: usize) -> Result<Vec<char>> {
    let s = args::string(who, &args[0])?;
    let chars = s.chars.borrow();
    let (start, end) = bounds(who, args, first, chars.len())?;
    Ok(chars[start..end].to_vec())
}

/// `(substring s start [end])`.
fn substring(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(new_string(slice("substring", args, 1)?))
}

/// `(string-append s ...)`.
fn string_append(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "string-append";
    let mut total: usize = 0;
    for a in args {
        let s = args::string(WHO, a)?;
        total = total
            .checked_add(s.chars.borrow().len())
            .ok_or_else(|| memory_error(WHO, usize::MAX))?;
    }
    let mut out = with_capacity(interp, WHO, total)?;
    for a in args {
        out.extend_from_slice(&args::string(WHO, a)?.chars.borrow());
    }
    Ok(new_string(out))
}

/// `(string-copy s [start [end]])`.
fn string_copy(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(new_string(slice("string-copy", args, 1)?))
}

/// `(string-copy! to at from [start [end]])`: overlapping copies within one
/// string work as if through a temporary.
fn string_copy_into(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "string-copy!";
    let to = args::string(WHO, &args[0])?;
    let at = args::index(WHO, &args[1])?;
    let source = {
        let from = args::string(WHO, &args[2])?;
        let chars = from.chars.borrow();
        let (start, end) = bounds(WHO, args, 3, chars.len())?;
        chars[start..end].to_vec()
    };
    let mut chars = to.chars.borrow_mut();
    check_room(WHO, at, source.len(), chars.len())?;
    chars[at..at + source.len()].copy_from_slice(&source);
    Ok(Value::Unspecified)
}

/// `(string-fill! s char [start [end]])`.
fn string_fill(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "string-fill!";
    let s = args::string(WHO, &args[0])?;
    let c = args::character(WHO, &args[1])?;
    let mut chars = s.chars.borrow_mut();
    let (start, end) = bounds(WHO, args, 2, chars.len())?;
    chars[start..end].fill(c);
    Ok(Value::Unspecified)
}

/// `(string->list s [start [end]])`.
fn string_to_list(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let chars = slice("string->list", args, 1)?;
    args::check_list_size(interp, "string->list", chars.len())?;
    let mut list = Value::Null;
    for c in chars.into_iter().rev() {
        list = Value::cons(Value::Char(c), list);
    }
    Ok(list)
}

/// `(list->string list)`.
fn list_to_string(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "list->string";
    let items = args::list(WHO, &args[0])?;
    let mut out = with_capacity(interp, WHO, items.len())?;
    for item in &items {
        match item {
            Value::Char(c) => out.push(*c),
            other => return Err(Error::wrong_type(WHO, "a list of characters", other)),
        }
    }
    Ok(new_string(out))
}

/// `(string->vector s [start [end]])`.
fn string_to_vector(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let chars = slice("string->vector", args, 1)?;
    interp.check_allocation(
        "string->vector",
        chars.len().saturating_mul(std::mem::size_of::<Value>()),
    )?;
    Ok(Value::vector(chars.into_iter().map(Value::Char).collect()))
}

/// `(vector->string v [start [end]])`.
fn vector_to_string(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "vector->string";
    let v = args::vector(WHO, &args[0])?;
    let items = v.items.borrow();
    let (start, end) = bounds(WHO, args, 1, items.len())?;
    let mut out = with_capacity(interp, WHO, end - start)?;
    for item in &items[start..end] {
        match item {
            Value::Char(c) => out.push(*c),
            other => return Err(Error::wrong_type(WHO, "a vector of characters", other)),
        }
    }
    Ok(new_string(out))
}

/// Full case folding of a character sequence.
fn fold(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    for &c in chars {
        foldcase_full(c, &mut out);
    }
    out
}

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
    use super::super::vectors::test_util::*;
    use super::*;
    use crate::diagnostics::ErrorKind;
    use Value::{Char as C, Int as I};

    #[test]
    fn construction() {
        assert_eq!(ok(make_string, &[I(3), C('x')]), "\"xxx\"");
        assert_eq!(ok(make_string, &[I(2)]), "\"  \"");
        assert_eq!(ok(make_string, &[I(0)]), "\"\"");
        assert_eq!(ok(string, &[C('a'), C('λ')]), "\"aλ\"");
        assert_eq!(ok(string, &[]), "\"\"");
        assert_eq!(ok(is_string, &[s("")]), "#t");
        assert_eq!(ok(is_string, &[C('a')]), "#f");
        assert_eq!(err(string, &[C('a'), s("b")]), ErrorKind::Type);
        assert_eq!(err(make_string, &[I(-1)]), ErrorKind::Range);
        assert_eq!(err(make_string, &[I(2), s("x")]), ErrorKind::Type);
        assert_eq!(err(make_string, &[I(1 << 40)]), ErrorKind::Memory);
        assert_eq!(err(make_string, &[Value::Float(3.0)]), ErrorKind::Type);
    }

    #[test]
    fn access_unicode() {
        assert_eq!(ok(string_length, &[s("λx")]), "2");
        assert_eq!(ok(string_length, &[s("")]), "0");
        assert_eq!(ok(string_length, &[s("日本語")]), "3");
        assert_eq!(ok(string_ref, &[s("λx"), I(0)]), "#\\λ");
        assert_eq!(ok(string_ref, &[s("λx"), I(1)]), "#\\x");
        assert_eq!(err(string_ref, &[s("λx"), I(2)]), ErrorKind::Range);
        assert_eq!(err(string_ref, &[s("λx"), I(-1)]), ErrorKind::Range);
        let e = call(string_ref, &[s("λx"), I(2)]).unwrap_err();
        assert_eq!(
            e.message(),
            "string-ref: index 2 is out of range for length 2"
        );
        assert_eq!(err(string_ref, &[I(1), I(0)]), ErrorKind::Type);
        let t = s("abc");
        ok(string_set, &[t.clone(), I(1), C('é')]);
        assert_eq!(show(&t), "\"aéc\"");
        assert_eq!(
            err(string_set, &[t.clone(), I(3), C('x')]),
            ErrorKind::Range
        );
        assert_eq!(err(string_set, &[t.clone(), I(0), s("x")]), ErrorKind::Type);
        assert_eq!(err(string_length, &[C('a')]), ErrorKind::Type);
    }

    #[test]
    fn slicing() {
        assert_eq!(ok(substring, &[s("hello"), I(1), I(3)]), "\"el\"");
        assert_eq!(ok(substring, &[s("hello"), I(2)]), "\"llo\"");
        assert_eq!(ok(substring, &[s("hello"), I(5), I(5)]), "\"\"");
        assert_eq!(err(substring, &[s("hello"), I(3), I(2)]), ErrorKind::Range);
        assert_eq!(err(substring, &[s("hello"), I(0), I(6)]), ErrorKind::Range);
        assert_eq!(err(substring, &[s("hello"), I(6)]), ErrorKind::Range);
        assert_eq!(ok(string_copy, &[s("hello")]), "\"hello\"");
        assert_eq!(ok(string_copy, &[s("hello"), I(3)]), "\"lo\"");
        assert_eq!(ok(string_append, &[s("ab"), s(""), s("λ")]), "\"abλ\"");
        assert_eq!(ok(string_append, &[]), "\"\"");
        assert_eq!(err(string_append, &[s("a"), C('b')]), ErrorKind::Type);
        let original = s("abc");
        let copy = call(string_copy, &[original.clone()]).unwrap();
        ok(string_set, &[copy, I(0), C('z')]);
        assert_eq!(show(&original), "\"abc\"");
    }

    #[test]
    fn mutation() {
        let t = s("abcde");
        ok(string_copy_into, &[t.clone(), I(1), s("XY")]);
        assert_eq!(show(&t), "\"aXYde\"");
        ok(string_copy_into, &[t.clone(), I(0), s("0123"), I(2), I(4)]);
        assert_eq!(show(&t), "\"23Yde\"");
        let t = s("abcde");
        ok(string_copy_into, &[t.clone(), I(1), t.clone(), I(0), I(3)]);
        assert_eq!(show(&t), "\"aabce\"");
        let t = s("abcde");
        ok(string_copy_into, &[t.clone(), I(0), t.clone(), I(2)]);
        assert_eq!(show(&t), "\"cdede\"");
        assert_eq!(
            err(string_copy_into, &[t.clone(), I(4), s("xy")]),
            ErrorKind::Range
        );
        assert_eq!(
            err(string_copy_into, &[t.clone(), I(9), s("")]),
            ErrorKind::Range
        );
        let t = s("abcde");
        ok(string_fill, &[t.clone(), C('z'), I(3)]);
        assert_eq!(show(&t), "\"abczz\"");
        ok(string_fill, &[t.clone(), C('λ')]);
        assert_eq!(show(&t), "\"λλλλλ\"");
        assert_eq!(
            err(string_fill, &[t.clone(), C('x'), I(2), I(1)]),
            ErrorKind::Range
        );
        assert_eq!(err(string_fill, &[t.clone(), I(0)]), ErrorKind::Type);
    }

    #[test]
    fn conversions() {
        assert_eq!(ok(string_to_list, &[s("abc")]), "(#\\a #\\b #\\c)");
        assert_eq!(ok(string_to_list, &[s("abc"), I(1)]), "(#\\b #\\c)");
        assert_eq!(ok(string_to_list, &[s("abc"), I(1), I(2)]), "(#\\b)");
        assert_eq!(ok(string_to_list, &[s("")]), "()");
        let chars = Value::list(vec![C('h'), C('i')]);
        assert_eq!(ok(list_to_string, &[chars]), "\"hi\"");
        assert_eq!(ok(list_to_string, &[Value::Null]), "\"\"");
        assert_eq!(err(list_to_string, &[ints(&[1])]), ErrorKind::Type);
        assert_eq!(
            err(list_to_string, &[Value::cons(C('a'), C('b'))]),
            ErrorKind::Type
        );
        assert_eq!(ok(string_to_vector, &[s("ab")]), "#(#\\a #\\b)");
        assert_eq!(ok(string_to_vector, &[s("abc"), I(2)]), "#(#\\c)");
        let v = Value::vector(vec![C('x'), C('y'), C('z')]);
        assert_eq!(ok(vector_to_string, &[v.clone()]), "\"xyz\"");
        assert_eq!(ok(vector_to_string, &[v.clone(), I(1), I(2)]), "\"y\"");
        assert_eq!(err(vector_to_string, &[v, I(4)]), ErrorKind::Range);
        assert_eq!(
            err(vector_to_string, &[Value::vector(vec![I(1)])]),
            ErrorKind::Type
        );
        let long: String = "ab".repeat(500_000);
        let list = call(string_to_list, &[s(&long)]).unwrap();
        assert_eq!(
            ok(string_length, &[call(list_to_string, &[list]).unwrap()]),
            "1000000"
        );
    }

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
