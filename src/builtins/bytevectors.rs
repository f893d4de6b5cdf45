//! Builtins: bytevectors. Every access to a bytevector's bytes goes through
//! [`with_bytes`] / [`with_bytes_mut`], which refuse bytevectors of dead arenas
//! and reach arena-allocated bytes through the arena registry.

use super::vectors::{bounds, check_room, filled, memory_error, with_capacity};
use super::{args, Primitive};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::{ByteStorage, Bytevector, Value};

/// This topic's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("bytevector", 0, _, bytevector, "(bytevector byte ...): a new bytevector of the arguments"),
    prim!("make-bytevector", 1, 2, make_bytevector, "(make-bytevector n [byte]): a new bytevector of n bytes (default 0)"),
    prim!("make-bytes", 1, 2, make_bytes, "(make-bytes n [byte]): a new heap bytevector of n bytes (default 0)"),
    prim!("bytevector?", 1, 1, is_bytevector, "(bytevector? x): #t if x is a bytevector"),
    prim!("bytevector-length", 1, 1, bytevector_length, "(bytevector-length bv): the number of bytes"),
    prim!("bytevector-u8-ref", 2, 2, bytevector_u8_ref, "(bytevector-u8-ref bv k): byte k of bv"),
    prim!("bytevector-u8-set!", 3, 3, bytevector_u8_set, "(bytevector-u8-set! bv k byte): stores byte at index k"),
    prim!("bytevector-copy", 1, 3, bytevector_copy, "(bytevector-copy bv [start [end]]): a new heap bytevector of the bytes"),
    prim!("bytevector-copy!", 3, 5, bytevector_copy_into, "(bytevector-copy! to at from [start [end]]): copies bytes of from into to"),
    prim!("bytevector-append", 0, _, bytevector_append, "(bytevector-append bv ...): a new bytevector of all bytes"),
    prim!("bytevector-fill!", 2, 4, bytevector_fill, "(bytevector-fill! bv byte [start [end]]): stores byte in every position"),
    prim!("utf8->string", 1, 3, utf8_to_string, "(utf8->string bv [start [end]]): decodes UTF-8 bytes into a string"),
    prim!("string->utf8", 1, 3, string_to_utf8, "(string->utf8 s [start [end]]): the UTF-8 encoding of a string"),
];

/// Runs `f` on the bytes of a bytevector (heap or arena), refusing dead arenas.
pub fn with_bytes<R>(interp: &Interp, bv: &Bytevector, f: impl FnOnce(&[u8]) -> R) -> Result<R> {
    args::check_owner(bv.owner.as_ref())?;
    match &bv.storage {
        ByteStorage::Heap(bytes) => Ok(f(&bytes.borrow())),
        ByteStorage::Arena(allocation) => interp
            .arenas
            .registry
            .bytes(allocation)
            .map(f)
            .map_err(|e| arena_access_error(bv, e)),
    }
}

/// Runs `f` on the bytes of a bytevector (heap or arena) for writing, refusing
/// dead arenas.
pub fn with_bytes_mut<R>(
    interp: &mut Interp,
    bv: &Bytevector,
    f: impl FnOnce(&mut [u8]) -> R,
) -> Result<R> {
    args::check_owner(bv.owner.as_ref())?;
    match &bv.storage {
        ByteStorage::Heap(bytes) => Ok(f(&mut bytes.borrow_mut())),
        ByteStorage::Arena(allocation) => interp
            .arenas
            .registry
            .bytes_mut(allocation)
            .map(f)
            .map_err(|e| arena_access_error(bv, e)),
    }
}

/// A copy of the bytes `[start, end)` of the bytevector `args[0]`, with the
/// optional bounds at `args[first..]`.
fn slice(interp: &Interp, who: &str, args: &[Value], first: usize) -> Result<Vec<u8>> {
    let bv = args::bytevector(who, &args[0])?;
    with_bytes(interp, bv, |bytes| -> Result<Vec<u8>> {
        let (start, end) = bounds(who, args, first, bytes.len())?;
        let mut out = with_capacity(interp, who, end - start)?;
        out.extend_from_slice(&bytes[start..end]);
        Ok(out)
    })?
}

/// A byte argument: an exact integer in 0..=255.
fn byte(who: &str, value: &Value) -> Result<u8> {
    match value {
        Value::Int(n) => u8::try_from(*n)
            .map_err(|_| Error::range(who, format!("byte value {n} is out of range 0..255"))),
        Value::Big(_) => Err(Error::range(
            who,
            format!(
                "byte value {} is out of range 0..255",
                crate::printer::write_string_lossy(value)
            ),
        )),
        _ => Err(Error::wrong_type(
            who,
            "a byte (an exact integer 0..255)",
            value,
        )),
    }
}

/// `(bytevector byte ...)`.
fn bytevector(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let bytes = args
        .iter()
        .map(|b| byte("bytevector", b))
        .collect::<Result<Vec<u8>>>()?;
    Ok(Value::bytevector(bytes))
}

/// Shared body of `make-bytevector` and `make-bytes`.
fn make(interp: &Interp, who: &str, args: &[Value]) -> Result<Value> {
    let n = args::index(who, &args[0])?;
    let fill = match args.get(1) {
        Some(b) => byte(who, b)?,
        None => 0,
    };
    Ok(Value::bytevector(filled(interp, who, n, fill)?))
}

/// `(make-bytevector n [byte])`.
fn make_bytevector(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    make(interp, "make-bytevector", args)
}

/// `(make-bytes n [byte])`: an ordinary heap bytevector.
fn make_bytes(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    make(interp, "make-bytes", args)
}

/// `(bytevector? x)`.
fn is_bytevector(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Bytevector(_))))
}

/// `(bytevector-length bv)`.
fn bytevector_length(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let bv = args::bytevector("bytevector-length", &args[0])?;
    with_bytes(interp, bv, |bytes| Value::Int(bytes.len() as i64))
}

/// `(bytevector-u8-ref bv k)`.
fn bytevector_u8_ref(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "bytevector-u8-ref";
    let bv = args::bytevector(WHO, &args[0])?;
    with_bytes(interp, bv, |bytes| {
        let i = args::index_below(WHO, &args[1], bytes.len())?;
        Ok(Value::Int(i64::from(bytes[i])))
    })?
}

/// `(bytevector-u8-set! bv k byte)`.
fn bytevector_u8_set(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "bytevector-u8-set!";
    let bv = args::bytevector(WHO, &args[0])?;
    let b = byte(WHO, &args[2])?;
    with_bytes_mut(interp, bv, |bytes| {
        let i = args::index_below(WHO, &args[1], bytes.len())?;
        bytes[i] = b;
        Ok(Value::Unspecified)
    })?
}

/// `(bytevector-copy bv [start [end]])`: the copy is always on the heap.
fn bytevector_copy(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::bytevector(slice(
        interp,
        "bytevector-copy",
        args,
        1,
    )?))
}

/// `(bytevector-copy! to at from [start [end]])`: the source bytes are copied
/// out first, so overlapping copies within one bytevector work.
fn bytevector_copy_into(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "bytevector-copy!";
    let to = args::bytevector(WHO, &args[0])?;
    let at = args::index(WHO, &args[1])?;
    let from = args::bytevector(WHO, &args[2])?;
    let source = with_bytes(interp, from, |bytes| -> Result<Vec<u8>> {
        let (start, end) = bounds(WHO, args, 3, bytes.len())?;
        Ok(bytes[start..end].to_vec())
    })??;
    with_bytes_mut(interp, to, |bytes| {
        check_room(WHO, at, source.len(), bytes.len())?;
        bytes[at..at + source.len()].copy_from_slice(&source);
        Ok(Value::Unspecified)
    })?
}

/// `(bytevector-append bv ...)`.
fn bytevector_append(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "bytevector-append";
    let mut total: usize = 0;
    for a in args {
        let bv = args::bytevector(WHO, a)?;
        let len = with_bytes(interp, bv, <[u8]>::len)?;
        total = total
            .checked_add(len)
            .ok_or_else(|| memory_error(WHO, usize::MAX))?;
    }
    let mut out = with_capacity(interp, WHO, total)?;
    for a in args {
        let bv = args::bytevector(WHO, a)?;
        with_bytes(interp, bv, |bytes| out.extend_from_slice(bytes))?;
    }
    Ok(Value::bytevector(out))
}

/// `(bytevector-fill! bv byte [start [end]])`.
fn bytevector_fill(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "bytevector-fill!";
    let bv = args::bytevector(WHO, &args[0])?;
    let b = byte(WHO, &args[1])?;
    with_bytes_mut(interp, bv, |bytes| {
        let (start, end) = bounds(WHO, args, 2, bytes.len())?;
        bytes[start..end].fill(b);
        Ok(Value::Unspecified)
    })?
}

/// `(utf8->string bv [start [end]])`: invalid UTF-8 is a type error naming the
/// offset of the first bad byte.
fn utf8_to_string(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "utf8->string";
    let bv = args::bytevector(WHO, &args[0])?;
    with_bytes(interp, bv, |bytes| {
        let (start, end) = bounds(WHO, args, 1, bytes.len())?;
        match std::str::from_utf8(&bytes[start..end]) {
            Ok(text) => Ok(Value::string(text)),
            Err(e) => {
                let offset = start + e.valid_up_to();
                Err(Error::new(
                    ErrorKind::Type,
                    format!(
                        "{WHO}: expected valid UTF-8, got invalid byte {:#04x} at offset {offset}",
                        bytes[offset]
                    ),
                ))
            }
        }
    })?
}

/// `(string->utf8 s [start [end]])`.
fn string_to_utf8(_: &mut Interp, args: &[Value]) -> Result<Value> {
    const WHO: &str = "string->utf8";
    let s = args::string(WHO, &args[0])?;
    let chars = s.chars.borrow();
    let (start, end) = bounds(WHO, args, 1, chars.len())?;
    let text: String = chars[start..end].iter().collect();
    Ok(Value::bytevector(text.into_bytes()))
}

/// The error for arena bytes the runtime refuses (the owner check normally
/// catches these first, with a better report).
fn arena_access_error(bv: &Bytevector, error: eshkol_arena::ArenaError) -> Error {
    match &bv.owner {
        Some(owner) => args::dead_arena_error(owner),
        None => Error::new(ErrorKind::Arena, format!("bytevector in arena: {error}")),
    }
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use std::rc::Rc;

    use super::super::vectors::test_util::*;
    use super::*;
    use crate::value::ArenaTag;
    use Value::Int as I;

    fn bv(bytes: &[u8]) -> Value {
        Value::bytevector(bytes.to_vec())
    }

    #[test]
    fn construction() {
        assert_eq!(ok(bytevector, &[I(1), I(255), I(0)]), "#u8(1 255 0)");
        assert_eq!(ok(bytevector, &[]), "#u8()");
        assert_eq!(err(bytevector, &[I(256)]), ErrorKind::Range);
        assert_eq!(err(bytevector, &[I(-1)]), ErrorKind::Range);
        assert_eq!(err(bytevector, &[Value::Float(1.0)]), ErrorKind::Type);
        assert_eq!(err(bytevector, &[Value::Char('a')]), ErrorKind::Type);
        assert_eq!(ok(make_bytevector, &[I(3)]), "#u8(0 0 0)");
        assert_eq!(ok(make_bytevector, &[I(2), I(7)]), "#u8(7 7)");
        assert_eq!(ok(make_bytes, &[I(2), I(9)]), "#u8(9 9)");
        assert_eq!(ok(make_bytes, &[I(0)]), "#u8()");
        assert_eq!(err(make_bytevector, &[I(-1)]), ErrorKind::Range);
        assert_eq!(err(make_bytevector, &[I(2), I(300)]), ErrorKind::Range);
        assert_eq!(err(make_bytevector, &[I(1 << 50)]), ErrorKind::Memory);
        assert_eq!(err(make_bytes, &[I(i64::MAX)]), ErrorKind::Memory);
        assert_eq!(err(make_bytevector, &[Value::Float(4.0)]), ErrorKind::Type);
        assert_eq!(ok(is_bytevector, &[bv(&[])]), "#t");
        assert_eq!(ok(is_bytevector, &[s("")]), "#f");
        assert_eq!(
            ok(bytevector_append, &[bv(&[1]), bv(&[]), bv(&[2, 3])]),
            "#u8(1 2 3)"
        );
        assert_eq!(ok(bytevector_append, &[]), "#u8()");
        assert_eq!(err(bytevector_append, &[bv(&[1]), s("x")]), ErrorKind::Type);
    }

    #[test]
    fn access() {
        let b = bv(&[10, 20, 30]);
        assert_eq!(ok(bytevector_length, &[b.clone()]), "3");
        assert_eq!(ok(bytevector_u8_ref, &[b.clone(), I(2)]), "30");
        assert_eq!(err(bytevector_u8_ref, &[b.clone(), I(3)]), ErrorKind::Range);
        assert_eq!(
            err(bytevector_u8_ref, &[b.clone(), I(-1)]),
            ErrorKind::Range
        );
        let e = call(bytevector_u8_ref, &[b.clone(), I(3)]).unwrap_err();
        assert_eq!(
            e.message(),
            "bytevector-u8-ref: index 3 is out of range for length 3"
        );
        ok(bytevector_u8_set, &[b.clone(), I(0), I(255)]);
        assert_eq!(show(&b), "#u8(255 20 30)");
        assert_eq!(
            err(bytevector_u8_set, &[b.clone(), I(0), I(256)]),
            ErrorKind::Range
        );
        assert_eq!(
            err(bytevector_u8_set, &[b.clone(), I(3), I(1)]),
            ErrorKind::Range
        );
        assert_eq!(
            err(bytevector_u8_set, &[b.clone(), I(0), s("a")]),
            ErrorKind::Type
        );
        assert_eq!(err(bytevector_length, &[s("abc")]), ErrorKind::Type);
    }

    #[test]
    fn copying() {
        let b = bv(&[1, 2, 3, 4, 5]);
        assert_eq!(ok(bytevector_copy, &[b.clone()]), "#u8(1 2 3 4 5)");
        assert_eq!(ok(bytevector_copy, &[b.clone(), I(3)]), "#u8(4 5)");
        assert_eq!(ok(bytevector_copy, &[b.clone(), I(1), I(2)]), "#u8(2)");
        assert_eq!(
            err(bytevector_copy, &[b.clone(), I(2), I(1)]),
            ErrorKind::Range
        );
        assert_eq!(err(bytevector_copy, &[b.clone(), I(6)]), ErrorKind::Range);
        let c = call(bytevector_copy, &[b.clone()]).unwrap();
        ok(bytevector_u8_set, &[c, I(0), I(0)]);
        assert_eq!(show(&b), "#u8(1 2 3 4 5)");

        ok(bytevector_copy_into, &[b.clone(), I(1), bv(&[9, 9])]);
        assert_eq!(show(&b), "#u8(1 9 9 4 5)");
        ok(
            bytevector_copy_into,
            &[b.clone(), I(0), bv(&[7, 8, 9]), I(1), I(3)],
        );
        assert_eq!(show(&b), "#u8(8 9 9 4 5)");
        // Same bytevector, overlapping both ways.
        let b = bv(&[1, 2, 3, 4, 5]);
        ok(
            bytevector_copy_into,
            &[b.clone(), I(1), b.clone(), I(0), I(4)],
        );
        assert_eq!(show(&b), "#u8(1 1 2 3 4)");
        let b = bv(&[1, 2, 3, 4, 5]);
        ok(bytevector_copy_into, &[b.clone(), I(0), b.clone(), I(1)]);
        assert_eq!(show(&b), "#u8(2 3 4 5 5)");
        assert_eq!(
            err(bytevector_copy_into, &[b.clone(), I(4), bv(&[1, 2])]),
            ErrorKind::Range
        );
        assert_eq!(
            err(bytevector_copy_into, &[b.clone(), I(6), bv(&[])]),
            ErrorKind::Range
        );
        ok(bytevector_copy_into, &[b.clone(), I(5), bv(&[])]);

        let b = bv(&[0; 5]);
        ok(bytevector_fill, &[b.clone(), I(1)]);
        assert_eq!(show(&b), "#u8(1 1 1 1 1)");
        ok(bytevector_fill, &[b.clone(), I(2), I(1), I(3)]);
        assert_eq!(show(&b), "#u8(1 2 2 1 1)");
        assert_eq!(err(bytevector_fill, &[b.clone(), I(256)]), ErrorKind::Range);
        assert_eq!(
            err(bytevector_fill, &[b.clone(), I(1), I(6)]),
            ErrorKind::Range
        );
    }

    #[test]
    fn utf8() {
        assert_eq!(ok(string_to_utf8, &[s("λx")]), "#u8(206 187 120)");
        assert_eq!(ok(string_to_utf8, &[s("aλb"), I(1)]), "#u8(206 187 98)");
        assert_eq!(ok(string_to_utf8, &[s("aλb"), I(1), I(2)]), "#u8(206 187)");
        assert_eq!(ok(string_to_utf8, &[s("")]), "#u8()");
        assert_eq!(err(string_to_utf8, &[s("ab"), I(3)]), ErrorKind::Range);
        assert_eq!(ok(utf8_to_string, &[bv(&[206, 187, 120])]), "\"λx\"");
        assert_eq!(ok(utf8_to_string, &[bv(&[65, 66, 67]), I(1)]), "\"BC\"");
        assert_eq!(
            ok(utf8_to_string, &[bv(&[65, 66, 67]), I(0), I(2)]),
            "\"AB\""
        );
        assert_eq!(err(utf8_to_string, &[bv(&[65, 0xFF, 67])]), ErrorKind::Type);
        let e = call(utf8_to_string, &[bv(&[65, 66, 0xFF])]).unwrap_err();
        assert!(e.message().contains("offset 2"), "{}", e.message());
        // Cutting a character in half is invalid too.
        let e = call(utf8_to_string, &[bv(&[120, 206, 187]), I(0), I(2)]).unwrap_err();
        assert!(e.message().contains("offset 1"), "{}", e.message());
        let e = call(utf8_to_string, &[bv(&[120, 206, 187]), I(2)]).unwrap_err();
        assert!(e.message().contains("offset 2"), "{}", e.message());
        assert_eq!(err(utf8_to_string, &[s("abc")]), ErrorKind::Type);
    }

    #[test]
    fn dead_arena_and_arena_storage() {
        let dead = Value::Bytevector(Rc::new(Bytevector {
            storage: ByteStorage::Heap(std::cell::RefCell::new(vec![1, 2])),
            owner: Some(crate::value::Owner::current(&ArenaTag::for_tests(false))),
        }));
        assert_eq!(
            err(bytevector_length, &[dead.clone()]),
            ErrorKind::ArenaDestroyed
        );
        assert_eq!(
            err(bytevector_u8_ref, &[dead.clone(), I(0)]),
            ErrorKind::ArenaDestroyed
        );
        assert_eq!(
            err(bytevector_u8_set, &[dead.clone(), I(0), I(0)]),
            ErrorKind::ArenaDestroyed
        );
        assert_eq!(
            err(bytevector_copy, &[dead.clone()]),
            ErrorKind::ArenaDestroyed
        );
        assert_eq!(
            err(bytevector_copy_into, &[bv(&[0, 0]), I(0), dead.clone()]),
            ErrorKind::ArenaDestroyed
        );
        assert_eq!(
            err(utf8_to_string, &[dead.clone()]),
            ErrorKind::ArenaDestroyed
        );
        assert_eq!(ok(is_bytevector, &[dead.clone()]), "#t");
        if let Value::Bytevector(b) = &dead {
            let interp = Interp::new_captured();
            assert!(with_bytes(&interp, b, |_| ()).is_err());
        }

        let mut interp = Interp::new_captured();
        let in_arena = interp
            .eval_str("t", "(define a (make-arena 64)) (arena-alloc a 4)")
            .unwrap();
        assert_eq!(
            bytevector_length(&mut interp, &[in_arena.clone()])
                .map(|v| crate::printer::write_string_lossy(&v))
                .unwrap(),
            "4"
        );
        interp.eval_str("t", "(destroy-arena a)").unwrap();
        assert_eq!(
            bytevector_length(&mut interp, &[in_arena])
                .map_err(|e| e.kind())
                .unwrap_err(),
            ErrorKind::ArenaDestroyed
        );
    }

    #[test]
    fn large_copy() {
        let b = call(make_bytes, &[I(10_000_000), I(3)]).unwrap();
        assert_eq!(ok(bytevector_length, &[b.clone()]), "10000000");
        let c = call(bytevector_copy, &[b.clone(), I(5)]).unwrap();
        assert_eq!(ok(bytevector_length, &[c]), "9999995");
    }
}
