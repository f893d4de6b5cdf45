//! Builtins: what a port is and whether it is open — the port type predicates,
//! `input-port-open?` / `output-port-open?`, and closing. Separate because they
//! apply to every kind of port alike.

use super::any_port;
use crate::builtins::Primitive;
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("port?", 1, 1, is_port, "(port? x): whether x is a port"),
    prim!("input-port?", 1, 1, is_input_port, "(input-port? x): whether x is an input port"),
    prim!("output-port?", 1, 1, is_output_port, "(output-port? x): whether x is an output port"),
    prim!("textual-port?", 1, 1, is_textual_port, "(textual-port? x): whether x is a port made for characters"),
    prim!("binary-port?", 1, 1, is_binary_port, "(binary-port? x): whether x is a port made for bytes"),
    prim!("input-port-open?", 1, 1, input_port_open, "(input-port-open? port): whether an input port can still be read"),
    prim!("output-port-open?", 1, 1, output_port_open, "(output-port-open? port): whether an output port can still be written"),
    prim!("close-port", 1, 1, close_port, "(close-port port): closes a port (a file port is flushed first)"),
    prim!("close-input-port", 1, 1, close_input_port, "(close-input-port port): closes an input port"),
    prim!("close-output-port", 1, 1, close_output_port, "(close-output-port port): closes an output port"),
];

/// `(port? x)`
fn is_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Port(_))))
}

/// `(input-port? x)`
pub(super) fn is_input_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        matches!(&args[0], Value::Port(p) if p.is_input()),
    ))
}

/// `(output-port? x)`
pub(super) fn is_output_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        matches!(&args[0], Value::Port(p) if p.is_output()),
    ))
}

/// `(textual-port? x)`
pub(super) fn is_textual_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        matches!(&args[0], Value::Port(p) if !p.is_binary()),
    ))
}

/// `(binary-port? x)`
pub(super) fn is_binary_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        matches!(&args[0], Value::Port(p) if p.is_binary()),
    ))
}

/// `(input-port-open? port)`
pub(super) fn input_port_open(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let p = any_port("input-port-open?", &args[0])?;
    Ok(Value::Bool(p.is_input() && p.is_open()))
}

/// `(output-port-open? port)`
fn output_port_open(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let p = any_port("output-port-open?", &args[0])?;
    Ok(Value::Bool(p.is_output() && p.is_open()))
}

/// `(close-port port)`
pub(super) fn close_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
    any_port("close-port", &args[0])?.close()?;
    Ok(Value::Unspecified)
}

/// `(close-input-port port)`
fn close_input_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
    match &args[0] {
        Value::Port(p) if p.is_input() => p.close()?,
        v => return Err(Error::wrong_type("close-input-port", "an input port", v)),
    }
    Ok(Value::Unspecified)
}

/// `(close-output-port port)`
fn close_output_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
    match &args[0] {
        Value::Port(p) if p.is_output() => p.close()?,
        v => return Err(Error::wrong_type("close-output-port", "an output port", v)),
    }
    Ok(Value::Unspecified)
}
