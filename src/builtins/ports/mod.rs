//! Builtins: ports (R7RS 6.13) — port predicates, string, bytevector and file
//! ports, reading, binary output, the current ports and redirecting them.
//!
//! Textual output procedures (`display`, `write`, `newline`...) live in
//! [`super::output`] and share this file's port argument helpers.
//!
//! Each concern has a file of its own, with its table of builtins next to the
//! functions; this file keeps only the helpers they share.

pub mod binary;
pub mod current;
pub mod files;
pub mod memory;
pub mod reading;
pub mod state;

use std::rc::Rc;

use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::port::Port;
use crate::value::Value;

/// A port argument of either direction.
fn any_port<'a>(who: &str, value: &'a Value) -> Result<&'a Rc<Port>> {
    match value {
        Value::Port(p) => Ok(p),
        _ => Err(Error::wrong_type(who, "a port", value)),
    }
}

/// An optional output port argument, defaulting to the current output port.
pub(crate) fn output_port(interp: &Interp, who: &str, value: Option<&Value>) -> Result<Rc<Port>> {
    match value {
        None => Ok(interp.io.current_output.clone()),
        Some(Value::Port(p)) if p.is_output() => Ok(p.clone()),
        Some(v) => Err(Error::wrong_type(who, "an output port", v)),
    }
}

/// An optional input port argument, defaulting to the current input port.
/// Standard output is flushed before standard input is read.
pub(crate) fn input_port(
    interp: &mut Interp,
    who: &str,
    value: Option<&Value>,
) -> Result<Rc<Port>> {
    let port = match value {
        None => interp.io.current_input.clone(),
        Some(Value::Port(p)) if p.is_input() => p.clone(),
        Some(v) => return Err(Error::wrong_type(who, "an input port", v)),
    };
    if port.is_stdin() {
        interp.flush_output();
    }
    Ok(port)
}
