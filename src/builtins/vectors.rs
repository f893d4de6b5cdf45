//! Builtins: vectors. Also the helpers the sequence builtins (strings,
//! bytevectors) share: `[start [end]]` argument parsing and guarded allocation.

use super::{args, Primitive};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::Value;

/// This topic's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("vector", 0, _, vector, "(vector x ...): a new vector of the arguments"),
    prim!("make-vector", 1, 2, make_vector, "(make-vector n [fill]): a new vector of n elements"),
    prim!("vector?", 1, 1, is_vector, "(vector? x): #t if x is a vector"),
    prim!("vector-length", 1, 1, vector_length, "(vector-length v): the number of elements"),
    prim!("vector-ref", 2, 2, vector_ref, "(vector-ref v k): element k of v"),
    prim!("vector-set!", 3, 3, vector_set, "(vector-set! v k x): stores x as element k of v"),
    prim!("vector->list", 1, 3, vector_to_list, "(vector->list v [start [end]]): the elements as a list"),
    prim!("list->vector", 1, 1, list_to_vector, "(list->vector list): a new vector of the list's elements"),
    prim!("vector-fill!", 2, 4, vector_fill, "(vector-fill! v x [start [end]]): stores x in every element"),
    prim!("vector-copy", 1, 3, vector_copy, "(vector-copy v [start [end]]): a new vector of the elements"),
    prim!("vector-copy!", 3, 5, vector_copy_into, "(vector-copy! to at from [start [end]]): copies elements of from into to"),
    prim!("vector-append", 0, _, vector_append, "(vector-append v ...): a new vector of all elements"),
    prim!("subvector", 3, 3, subvector, "(subvector v start end): a new vector of elements start..end"),
];

/// The most bytes one vector, string or bytevector may take; larger requests are
/// memory errors even where the system would overcommit them.
const MAX_OBJECT_BYTES: usize = 1 << 40;

/// The error for an allocation of `count` elements that cannot be made.
pub(crate) fn memory_error(who: &str, count: usize) -> Error {
    Error::new(
        ErrorKind::Memory,
        format!("{who}: cannot allocate {count} elements: out of memory"),
    )
}

/// An empty vector with room for `count` elements, or a memory error (also
/// when it would pass the interpreter's `--max-memory` bound).
pub(crate) fn with_capacity<T>(interp: &Interp, who: &str, count: usize) -> Result<Vec<T>> {
    let bytes = count.checked_mul(std::mem::size_of::<T>().max(1));
    let Some(bytes) = bytes.filter(|&b| b <= MAX_OBJECT_BYTES) else {
        return Err(memory_error(who, count));
    };
    interp.check_allocation(who, bytes)?;
    let mut out = Vec::new();
    out.try_reserve_exact(count)
        .map_err(|_| memory_error(who, count))?;
    Ok(out)
}

/// `count` copies of `fill`, or a memory error.
pub(crate) fn filled<T: Clone>(
    interp: &Interp,
    who: &str,
    count: usize,
    fill: T,
) -> Result<Vec<T>> {
    let mut out = with_capacity(interp, who, count)?;
    out.resize(count, fill);
    Ok(out)
}

/// The optional `[start [end]]` arguments found at `args[first..]`, for a
/// sequence of `len` elements: `0 <= start <= end <= len`.
pub(crate) fn bounds(
    who: &str,
    args: &[Value],
    first: usize,
    len: usize,
) -> Result<(usize, usize)> {
    let start = match args.get(first) {
        Some(v) => args::index(who, v)?,
        None => 0,
    };
    if start > len {
        return Err(Error::range(
            who,
            format!("start index {start} is out of range for length {len}"),
        ));
    }
    let end = match args.get(first + 1) {
        Some(v) => args::index(who, v)?,
        None => len,
    };
    if end > len {
        return Err(Error::range(
            who,
            format!("end index {end} is out of range for length {len}"),
        ));
    }
    if start > end {
        return Err(Error::range(
            who,
            format!("start index {start} is greater than end index {end}"),
        ));
    }
    Ok((start, end))
}

/// Checks that `count` elements fit into a destination of `len` elements at
/// index `at` (the `at` argument of the `-copy!` procedures).
pub(crate) fn check_room(who: &str, at: usize, count: usize, len: usize) -> Result<()> {
    if at > len {
        return Err(Error::range(
            who,
            format!("index {at} is out of range for length {len}"),
        ));
    }
    if count > len - at {
        return Err(Error::range(
            who,
            format!("{count} elements do not fit at index {at} of a destination of length {len}"),
        ));
    }
    Ok(())
}

/// `(vector x ...)`.
fn vector(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::vector(args.to_vec()))
}

/// `(make-vector n [fill])`: unfilled elements are unspecified.
fn make_vector(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "make-vector";
    let n = args::index(WHO, &args[0])?;
    let fill = args.get(1).cloned().unwrap_or(Value::Unspecified);
    Ok(Value::vector(filled(interp, WHO, n, fill)?))
}

/// `(vector? x)`.
fn is_vector(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Vector(_))))
}

/// `(vector-length v)`.
fn vector_length(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let v = args::vector("vector-length", &args[0])?;
    Ok(Value::Int(v.items.borrow().len() as i64))
}

/// `(vector-ref v k)`.
fn vector_ref(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "vector-ref";
    let v = args::vector(WHO, &args[0])?;
    let items = v.items.borrow();
    let i = args::index_below(WHO, &args[1], items.len())?;
    Ok(items[i].clone())
}

/// `(vector-set! v k x)`.
fn vector_set(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "vector-set!";
    let v = args::vector(WHO, &args[0])?;
    let len = v.items.borrow().len();
    let i = args::index_below(WHO, &args[1], len)?;
    v.set(i, args[2].clone());
    Ok(Value::Unspecified)
}

/// `(vector->list v [start [end]])`.
fn vector_to_list(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "vector->list";
    let v = args::vector(WHO, &args[0])?;
    let items = v.items.borrow();
    let (start, end) = bounds(WHO, args, 1, items.len())?;
    args::check_list_size(interp, WHO, end - start)?;
    let mut list = Value::Null;
    for item in items[start..end].iter().rev() {
        list = Value::cons(item.clone(), list);
    }
    Ok(list)
}

/// `(list->vector list)`.
fn list_to_vector(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::vector(args::list("list->vector", &args[0])?))
}

/// `(vector-fill! v x [start [end]])`.
fn vector_fill(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "vector-fill!";
    let v = args::vector(WHO, &args[0])?;
    let len = v.items.borrow().len();
    let (start, end) = bounds(WHO, args, 2, len)?;
    let fill = &args[1];
    {
        let mut items = v.items.borrow_mut();
        for slot in &mut items[start..end] {
            *slot = fill.clone();
        }
    }
    if fill.is_container() && start < end {
        crate::gc::note_mutation(Value::Vector(v.clone()));
    }
    Ok(Value::Unspecified)
}

/// `(vector-copy v [start [end]])`.
fn vector_copy(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "vector-copy";
    let v = args::vector(WHO, &args[0])?;
    let items = v.items.borrow();
    let (start, end) = bounds(WHO, args, 1, items.len())?;
    Ok(Value::vector(items[start..end].to_vec()))
}

/// `(vector-copy! to at from [start [end]])`: overlapping copies within one
/// vector work as if through a temporary.
fn vector_copy_into(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "vector-copy!";
    let to = args::vector(WHO, &args[0])?;
    let at = args::index(WHO, &args[1])?;
    let from = args::vector(WHO, &args[2])?;
    let source: Vec<Value> = {
        let items = from.items.borrow();
        let (start, end) = bounds(WHO, args, 3, items.len())?;
        items[start..end].to_vec()
    };
    let len = to.items.borrow().len();
    check_room(WHO, at, source.len(), len)?;
    let any_container = source.iter().any(Value::is_container);
    {
        let mut items = to.items.borrow_mut();
        for (slot, value) in items[at..].iter_mut().zip(source) {
            *slot = value;
        }
    }
    if any_container {
        crate::gc::note_mutation(Value::Vector(to.clone()));
    }
    Ok(Value::Unspecified)
}

/// `(vector-append v ...)`.
fn vector_append(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "vector-append";
    let mut total: usize = 0;
    for a in args {
        let v = args::vector(WHO, a)?;
        total = total
            .checked_add(v.items.borrow().len())
            .ok_or_else(|| memory_error(WHO, usize::MAX))?;
    }
    let mut out = with_capacity(interp, WHO, total)?;
    for a in args {
        let v = args::vector(WHO, a)?;
        out.extend(v.items.borrow().iter().cloned());
    }
    Ok(Value::vector(out))
}

/// `(subvector v start end)`.
fn subvector(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let _ = args::vector("subvector", &args[0])?;
    vector_copy(interp, args).map_err(|e| {
        let message = e.message().replacen("vector-copy", "subvector", 1);
        Error::new(e.kind(), message)
    })
}

/// Helpers shared by the sequence builtins' unit tests.
#[cfg(test)]
pub(crate) mod test_util {
    use crate::builtins::PrimFn;
    use crate::diagnostics::{ErrorKind, Result};
    use crate::interp::Interp;
    use crate::value::{ByteStorage, Value};

    /// A compact `write`-like rendering for assertions.
    pub fn show(value: &Value) -> String {
        match value {
            Value::Null => "()".into(),
            Value::Bool(b) => if *b { "#t" } else { "#f" }.into(),
            Value::Int(n) => n.to_string(),
            Value::Char(c) => format!("#\\{c}"),
            Value::Str(s) => {
                let mut out = String::from("\"");
                for c in s.chars.borrow().iter() {
                    if *c == '"' || *c == '\\' {
                        out.push('\\');
                    }
                    out.push(*c);
                }
                out.push('"');
                out
            }
            Value::Pair(_) => {
                let mut parts = Vec::new();
                let mut cur = value.clone();
                while let Value::Pair(p) = cur {
                    parts.push(show(&p.car()));
                    cur = p.cdr();
                }
                if !matches!(cur, Value::Null) {
                    parts.push(".".into());
                    parts.push(show(&cur));
                }
                format!("({})", parts.join(" "))
            }
            Value::Vector(v) => {
                let parts: Vec<String> = v.items.borrow().iter().map(show).collect();
                format!("#({})", parts.join(" "))
            }
            Value::Bytevector(b) => match &b.storage {
                ByteStorage::Heap(bytes) => {
                    let parts: Vec<String> = bytes.borrow().iter().map(|b| b.to_string()).collect();
                    format!("#u8({})", parts.join(" "))
                }
                ByteStorage::Arena(_) => "#<arena bytevector>".into(),
            },
            Value::Unspecified => "#<unspecified>".into(),
            other => format!("{other:?}"),
        }
    }

    /// Calls a builtin on a fresh interpreter.
    pub fn call(f: PrimFn, args: &[Value]) -> Result<Value> {
        let mut interp = Interp::new_captured();
        f(&mut interp, args)
    }

    /// Calls a builtin and renders its result.
    pub fn ok(f: PrimFn, args: &[Value]) -> String {
        match f(&mut Interp::new_captured(), args) {
            Ok(v) => show(&v),
            Err(e) => panic!("unexpected error: {e:?}"),
        }
    }

    /// Calls a builtin that must fail and returns the error's kind.
    pub fn err(f: PrimFn, args: &[Value]) -> ErrorKind {
        match f(&mut Interp::new_captured(), args) {
            Ok(v) => panic!("expected an error, got {}", show(&v)),
            Err(e) => e.kind(),
        }
    }

    /// A string value.
    pub fn s(text: &str) -> Value {
        Value::string(text)
    }

    /// A list of small integers.
    pub fn ints(ns: &[i64]) -> Value {
        Value::list(ns.iter().map(|n| Value::Int(*n)).collect())
    }
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::test_util::*;
    use super::*;
    use crate::value::Vector;
    use std::rc::Rc;
    use Value::Int as I;

    fn v(ns: &[i64]) -> Value {
        Value::vector(ns.iter().map(|n| I(*n)).collect())
    }

    #[test]
    fn construction() {
        assert_eq!(ok(vector, &[]), "#()");
        assert_eq!(ok(vector, &[I(1), s("a")]), "#(1 \"a\")");
        assert_eq!(ok(make_vector, &[I(3), I(0)]), "#(0 0 0)");
        assert_eq!(ok(make_vector, &[I(0)]), "#()");
        assert_eq!(ok(make_vector, &[I(2)]), "#(#<unspecified> #<unspecified>)");
        assert_eq!(ok(is_vector, &[v(&[])]), "#t");
        assert_eq!(ok(is_vector, &[ints(&[1])]), "#f");
        assert_eq!(ok(list_to_vector, &[ints(&[1, 2, 3])]), "#(1 2 3)");
        assert_eq!(ok(list_to_vector, &[Value::Null]), "#()");
        assert_eq!(
            ok(vector_append, &[v(&[1]), v(&[]), v(&[2, 3])]),
            "#(1 2 3)"
        );
        assert_eq!(ok(vector_append, &[]), "#()");
    }

    #[test]
    fn construction_errors() {
        assert_eq!(err(make_vector, &[I(-1)]), ErrorKind::Range);
        assert_eq!(err(make_vector, &[Value::Float(1e12)]), ErrorKind::Type);
        let e = call(make_vector, &[Value::Float(1e12)]).unwrap_err();
        assert!(e
            .message()
            .contains("expected a non-negative exact integer"));
        assert_eq!(err(make_vector, &[I(1_000_000_000_000)]), ErrorKind::Memory);
        assert_eq!(err(make_vector, &[I(i64::MAX)]), ErrorKind::Memory);
        assert_eq!(err(make_vector, &[s("3")]), ErrorKind::Type);
        let dotted = Value::cons(I(1), I(2));
        assert_eq!(err(list_to_vector, &[dotted]), ErrorKind::Type);
        assert_eq!(err(vector_append, &[v(&[1]), ints(&[2])]), ErrorKind::Type);
    }

    #[test]
    fn access() {
        let x = v(&[10, 20, 30]);
        assert_eq!(ok(vector_length, &[x.clone()]), "3");
        assert_eq!(ok(vector_ref, &[x.clone(), I(0)]), "10");
        assert_eq!(ok(vector_ref, &[x.clone(), I(2)]), "30");
        assert_eq!(err(vector_ref, &[x.clone(), I(3)]), ErrorKind::Range);
        assert_eq!(err(vector_ref, &[x.clone(), I(-1)]), ErrorKind::Range);
        assert_eq!(
            err(vector_ref, &[x.clone(), Value::Float(1.0)]),
            ErrorKind::Type
        );
        assert_eq!(err(vector_ref, &[ints(&[1]), I(0)]), ErrorKind::Type);
        let e = call(vector_ref, &[x.clone(), I(3)]).unwrap_err();
        assert!(e.message().contains('3') && e.message().contains("length 3"));
        assert_eq!(ok(vector_set, &[x.clone(), I(1), s("b")]), "#<unspecified>");
        assert_eq!(show(&x), "#(10 \"b\" 30)");
        assert_eq!(err(vector_set, &[x.clone(), I(5), I(0)]), ErrorKind::Range);
        assert_eq!(err(vector_length, &[I(5)]), ErrorKind::Type);
        // A vector can hold itself.
        ok(vector_set, &[x.clone(), I(0), x.clone()]);
        if let Value::Vector(inner) = &x {
            inner.items.borrow_mut().clear();
        }
    }

    #[test]
    fn conversions_and_ranges() {
        let x = v(&[1, 2, 3, 4]);
        assert_eq!(ok(vector_to_list, &[x.clone()]), "(1 2 3 4)");
        assert_eq!(ok(vector_to_list, &[x.clone(), I(1)]), "(2 3 4)");
        assert_eq!(ok(vector_to_list, &[x.clone(), I(1), I(3)]), "(2 3)");
        assert_eq!(ok(vector_to_list, &[x.clone(), I(4)]), "()");
        assert_eq!(err(vector_to_list, &[x.clone(), I(5)]), ErrorKind::Range);
        assert_eq!(
            err(vector_to_list, &[x.clone(), I(3), I(2)]),
            ErrorKind::Range
        );
        assert_eq!(
            err(vector_to_list, &[x.clone(), I(0), I(5)]),
            ErrorKind::Range
        );
        assert_eq!(ok(vector_copy, &[x.clone()]), "#(1 2 3 4)");
        assert_eq!(ok(vector_copy, &[x.clone(), I(2)]), "#(3 4)");
        assert_eq!(ok(vector_copy, &[x.clone(), I(1), I(2)]), "#(2)");
        assert_eq!(ok(subvector, &[x.clone(), I(1), I(3)]), "#(2 3)");
        assert_eq!(err(subvector, &[x.clone(), I(1), I(9)]), ErrorKind::Range);
        let e = call(subvector, &[x.clone(), I(1), I(9)]).unwrap_err();
        assert!(e.message().starts_with("subvector:"), "{}", e.message());
        // The copy is fresh.
        let c = call(vector_copy, &[x.clone()]).unwrap();
        ok(vector_set, &[c.clone(), I(0), I(99)]);
        assert_eq!(show(&x), "#(1 2 3 4)");
    }

    #[test]
    fn fill_and_copy_into() {
        let x = v(&[1, 2, 3, 4, 5]);
        ok(vector_fill, &[x.clone(), I(0), I(1), I(3)]);
        assert_eq!(show(&x), "#(1 0 0 4 5)");
        ok(vector_fill, &[x.clone(), I(7)]);
        assert_eq!(show(&x), "#(7 7 7 7 7)");
        assert_eq!(err(vector_fill, &[x.clone(), I(7), I(6)]), ErrorKind::Range);

        let x = v(&[1, 2, 3, 4, 5]);
        ok(vector_copy_into, &[x.clone(), I(0), v(&[9, 8])]);
        assert_eq!(show(&x), "#(9 8 3 4 5)");
        ok(vector_copy_into, &[x.clone(), I(3), v(&[0, 1, 2, 3]), I(2)]);
        assert_eq!(show(&x), "#(9 8 3 2 3)");
        // Overlapping, same vector, both directions.
        let x = v(&[1, 2, 3, 4, 5]);
        ok(vector_copy_into, &[x.clone(), I(1), x.clone(), I(0), I(4)]);
        assert_eq!(show(&x), "#(1 1 2 3 4)");
        let x = v(&[1, 2, 3, 4, 5]);
        ok(vector_copy_into, &[x.clone(), I(0), x.clone(), I(1)]);
        assert_eq!(show(&x), "#(2 3 4 5 5)");
        assert_eq!(
            err(vector_copy_into, &[x.clone(), I(4), v(&[1, 2])]),
            ErrorKind::Range
        );
        assert_eq!(
            err(vector_copy_into, &[x.clone(), I(6), v(&[])]),
            ErrorKind::Range
        );
        assert_eq!(
            err(vector_copy_into, &[x.clone(), I(-1), v(&[])]),
            ErrorKind::Range
        );
        ok(vector_copy_into, &[x.clone(), I(5), v(&[])]);
    }

    #[test]
    fn dead_arena_values_are_refused() {
        let tag = Rc::new({
            let t = crate::value::ArenaTag::new(
                eshkol_arena::ArenaId {
                    slot: 1,
                    generation: 0,
                },
                Default::default(),
            );
            t.alive.set(false);
            t
        });
        let dead_vector = Value::Vector(Rc::new(Vector {
            items: std::cell::RefCell::new(vec![I(1)]),
            owner: Some(crate::value::Owner::current(&tag)),
        }));
        assert_eq!(
            err(vector_ref, &[dead_vector.clone(), I(0)]),
            ErrorKind::ArenaDestroyed
        );
        assert_eq!(
            err(vector_length, &[dead_vector.clone()]),
            ErrorKind::ArenaDestroyed
        );
        assert_eq!(
            err(vector_copy_into, &[v(&[0]), I(0), dead_vector.clone()]),
            ErrorKind::ArenaDestroyed
        );
        assert_eq!(ok(is_vector, &[dead_vector]), "#t");
        let dead_string = Value::Str(Rc::new(crate::value::SString {
            chars: std::cell::RefCell::new(vec!['a']),
            owner: Some(crate::value::Owner::current(&tag)),
        }));
        let strings = super::super::strings::basics::PRIMITIVES;
        let length = strings
            .iter()
            .find(|p| p.name == "string-length")
            .map(|p| p.func)
            .expect("string-length");
        assert_eq!(err(length, &[dead_string]), ErrorKind::ArenaDestroyed);
    }

    #[test]
    fn million_elements() {
        let big = Value::list((0..1_000_000).map(I).collect());
        let vec = call(list_to_vector, &[big]).unwrap();
        assert_eq!(ok(vector_length, &[vec.clone()]), "1000000");
        let back = call(vector_to_list, &[vec]).unwrap();
        let mut n = 0;
        let mut cur = back;
        while let Value::Pair(p) = cur {
            n += 1;
            cur = p.cdr();
        }
        assert_eq!(n, 1_000_000);
    }
}
