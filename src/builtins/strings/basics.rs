//! Builtins: the R7RS string basics — construction, length, character access
//! and update, substrings, appending, copying, filling, and conversion to and
//! from lists and vectors. Separate because these treat a string as a plain
//! sequence of characters.

use super::new_string;
use crate::builtins::vectors::{bounds, check_room, filled, memory_error, with_capacity};
use crate::builtins::{args, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("string?", 1, 1, is_string, "(string? x): #t if x is a string"),
    prim!("make-string", 1, 2, make_string, "(make-string n [char]): a new string of n characters"),
    prim!("string", 0, _, string, "(string char ...): a new string of the characters"),
    prim!("string-length", 1, 1, string_length, "(string-length s): the number of characters"),
    prim!("string-ref", 2, 2, string_ref, "(string-ref s k): character k of s"),
    prim!("string-set!", 3, 3, string_set, "(string-set! s k char): stores char as character k of s"),
    prim!("substring", 2, 3, substring, "(substring s start [end]): a new string of characters start..end"),
    prim!("string-append", 0, _, string_append, "(string-append s ...): a new string joining the arguments"),
    prim!("string-copy", 1, 3, string_copy, "(string-copy s [start [end]]): a new string of the characters"),
    prim!("string-copy!", 3, 5, string_copy_into, "(string-copy! to at from [start [end]]): copies characters of from into to"),
    prim!("string-fill!", 2, 4, string_fill, "(string-fill! s char [start [end]]): stores char in every position"),
    prim!("string->list", 1, 3, string_to_list, "(string->list s [start [end]]): the characters as a list"),
    prim!("list->string", 1, 1, list_to_string, "(list->string list): a new string of the list's characters"),
    prim!("string->vector", 1, 3, string_to_vector, "(string->vector s [start [end]]): the characters as a vector"),
    prim!("vector->string", 1, 3, vector_to_string, "(vector->string v [start [end]]): a new string of the vector's characters"),
];

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

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::builtins::vectors::test_util::*;
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
}
