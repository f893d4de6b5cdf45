//! Builtins: string and bytevector ports — opening them and collecting what was
//! written to an output one. Separate because these ports live in memory rather
//! than on a file or standard stream.

use std::rc::Rc;

use crate::builtins::{args, bytevectors, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::port::Port;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("open-input-string", 1, 1, open_input_string, "(open-input-string str): a textual input port reading str"),
    prim!("open-output-string", 0, 0, open_output_string, "(open-output-string): a textual output port collecting a string"),
    prim!("get-output-string", 1, 1, get_output_string, "(get-output-string port): the text written so far to a string port"),
    prim!("open-input-bytevector", 1, 1, open_input_bytevector, "(open-input-bytevector bv): a binary input port reading bv"),
    prim!("open-output-bytevector", 0, 0, open_output_bytevector, "(open-output-bytevector): a binary output port collecting bytes"),
    prim!("get-output-bytevector", 1, 1, get_output_bytevector, "(get-output-bytevector port): the bytes written so far to a bytevector port"),
];

/// `(open-input-string str)`
pub(super) fn open_input_string(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let s = args::string("open-input-string", &args[0])?;
    Ok(Value::Port(Rc::new(Port::input_string(&s.to_string()))))
}

/// `(open-output-string)`
pub(super) fn open_output_string(_: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::Port(Rc::new(Port::output_memory(false))))
}

/// The bytes collected by a string or bytevector output port.
fn memory_contents(who: &str, value: &Value, what: &str) -> Result<Vec<u8>> {
    match value {
        Value::Port(p) => p
            .contents()
            .ok_or_else(|| Error::wrong_type(who, what, value)),
        _ => Err(Error::wrong_type(who, what, value)),
    }
}

/// `(get-output-string port)`
pub(super) fn get_output_string(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let bytes = memory_contents("get-output-string", &args[0], "a string output port")?;
    Ok(Value::string(&String::from_utf8_lossy(&bytes)))
}

/// `(open-input-bytevector bv)`
pub(super) fn open_input_bytevector(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let bv = args::bytevector("open-input-bytevector", &args[0])?;
    let bytes = bytevectors::with_bytes(interp, bv, <[u8]>::to_vec)?;
    Ok(Value::Port(Rc::new(Port::input_bytes(bytes))))
}

/// `(open-output-bytevector)`
pub(super) fn open_output_bytevector(_: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::Port(Rc::new(Port::output_memory(true))))
}

/// `(get-output-bytevector port)`
pub(super) fn get_output_bytevector(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let bytes = memory_contents(
        "get-output-bytevector",
        &args[0],
        "a bytevector output port",
    )?;
    Ok(Value::bytevector(bytes))
}
