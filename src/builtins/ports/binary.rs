//! Builtins: binary input and output — reading and writing bytes and
//! bytevectors. Separate because they work on binary ports, whose unit is the
//! byte, not the character.

use super::{input_port, output_port};
use crate::builtins::{args, bytevectors, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::port;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("read-u8", 0, 1, read_u8, "(read-u8 [port]): the next byte, or the eof object"),
    prim!("peek-u8", 0, 1, peek_u8, "(peek-u8 [port]): the next byte without consuming it, or eof"),
    prim!("u8-ready?", 0, 1, u8_ready, "(u8-ready? [port]): whether read-u8 would not wait"),
    prim!("read-bytevector", 1, 2, read_bytevector, "(read-bytevector k [port]): up to k bytes as a bytevector, or eof"),
    prim!("read-bytevector!", 1, 4, read_bytevector_into, "(read-bytevector! bv [port [start [end]]]): reads bytes into bv; the count, or eof"),
    prim!("write-u8", 1, 2, write_u8, "(write-u8 byte [port]): writes one byte"),
    prim!("write-bytevector", 1, 4, write_bytevector, "(write-bytevector bv [port [start [end]]]): writes the bytes of bv"),
];

/// A byte result, or eof.
fn byte_or_eof(b: Option<u8>) -> Value {
    b.map_or(Value::Eof, |b| Value::Int(i64::from(b)))
}

/// The optional `[start [end]]` bounds at `args[first..]` for a sequence of `len`.
fn bounds(who: &str, args: &[Value], first: usize, len: usize) -> Result<(usize, usize)> {
    let start = match args.get(first) {
        Some(v) => args::index(who, v)?,
        None => 0,
    };
    let end = match args.get(first + 1) {
        Some(v) => args::index(who, v)?,
        None => len,
    };
    if end > len || start > end {
        return Err(Error::range(
            who,
            format!("range {start}..{end} is invalid for a bytevector of length {len}"),
        ));
    }
    Ok((start, end))
}

/// `(read-u8 [port])`
fn read_u8(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let p = input_port(interp, "read-u8", args.first())?;
    Ok(byte_or_eof(p.read_u8("read-u8")?))
}

/// `(peek-u8 [port])`
fn peek_u8(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let p = input_port(interp, "peek-u8", args.first())?;
    Ok(byte_or_eof(p.peek_u8("peek-u8")?))
}

/// `(u8-ready? [port])`
fn u8_ready(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let p = input_port(interp, "u8-ready?", args.first())?;
    Ok(Value::Bool(p.ready("u8-ready?")?))
}

/// `(read-bytevector k [port])`
fn read_bytevector(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "read-bytevector";
    let k = args::index(who, &args[0])?;
    let p = input_port(interp, who, args.get(1))?;
    Ok(p.read_bytes(who, k)?.map_or(Value::Eof, Value::bytevector))
}

/// `(read-bytevector! bv [port [start [end]]])`
fn read_bytevector_into(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "read-bytevector!";
    let bv = args::bytevector(who, &args[0])?;
    let len = bytevectors::with_bytes(interp, bv, <[u8]>::len)?;
    let (start, end) = bounds(who, args, 2, len)?;
    let p = input_port(interp, who, args.get(1))?;
    if start == end {
        return Ok(Value::Int(0));
    }
    let Some(bytes) = p.read_bytes(who, end - start)? else {
        return Ok(Value::Eof);
    };
    bytevectors::with_bytes_mut(interp, bv, |target| {
        if let Some(slot) = target.get_mut(start..start + bytes.len()) {
            slot.copy_from_slice(&bytes);
        }
    })?;
    Ok(Value::Int(bytes.len() as i64))
}

/// `(write-u8 byte [port])`
pub(super) fn write_u8(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "write-u8";
    let byte = match &args[0] {
        Value::Int(n) => u8::try_from(*n)
            .map_err(|_| Error::range(who, format!("{n} is not a byte (0 to 255)")))?,
        v => return Err(Error::wrong_type(who, "a byte", v)),
    };
    let p = output_port(interp, who, args.get(1))?;
    port::write(&mut interp.io, &p, who, &[byte])?;
    Ok(Value::Unspecified)
}

/// `(write-bytevector bv [port [start [end]]])`
fn write_bytevector(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "write-bytevector";
    let bv = args::bytevector(who, &args[0])?;
    let bytes = bytevectors::with_bytes(interp, bv, <[u8]>::to_vec)?;
    let (start, end) = bounds(who, args, 2, bytes.len())?;
    let p = output_port(interp, who, args.get(1))?;
    port::write(
        &mut interp.io,
        &p,
        who,
        bytes.get(start..end).unwrap_or_default(),
    )?;
    Ok(Value::Unspecified)
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::super::memory::{
        get_output_bytevector, open_input_bytevector, open_output_bytevector,
    };
    use super::super::state::is_binary_port;
    use super::*;

    #[test]
    fn bytevector_ports() {
        let mut i = Interp::new_captured();
        let p = open_input_bytevector(&mut i, &[Value::bytevector(vec![1, 2, 3])]).unwrap();
        assert!(is_binary_port(&mut i, &[p.clone()]).unwrap().is_true());
        assert!(matches!(
            read_u8(&mut i, &[p.clone()]).unwrap(),
            Value::Int(1)
        ));
        assert!(matches!(
            peek_u8(&mut i, &[p.clone()]).unwrap(),
            Value::Int(2)
        ));
        let target = Value::bytevector(vec![0; 4]);
        let n = read_bytevector_into(&mut i, &[target.clone(), p.clone(), Value::Int(1)]).unwrap();
        assert!(matches!(n, Value::Int(2)));
        assert_eq!(crate::printer::write_string_lossy(&target), "#u8(0 2 3 0)");
        assert!(matches!(
            read_bytevector(&mut i, &[Value::Int(5), p]).unwrap(),
            Value::Eof
        ));
        let o = open_output_bytevector(&mut i, &[]).unwrap();
        write_bytevector(
            &mut i,
            &[Value::bytevector(vec![9, 8, 7]), o.clone(), Value::Int(1)],
        )
        .unwrap();
        let got = get_output_bytevector(&mut i, &[o]).unwrap();
        assert_eq!(crate::printer::write_string_lossy(&got), "#u8(8 7)");
    }
}
