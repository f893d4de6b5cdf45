//! Builtins: the current ports — `current-input-port`, `current-error-port`,
//! and capturing what a procedure prints as a string. Separate because
//! redirecting the current ports must put them back however the call ends.

use std::rc::Rc;

use crate::builtins::{args, Primitive};
use crate::diagnostics::Result;
use crate::interp::Interp;
use crate::port::Port;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("current-input-port", 0, 0, current_input_port, "(current-input-port): the port input comes from"),
    prim!("current-error-port", 0, 0, current_error_port, "(current-error-port): the standard error port"),
    prim!("with-output-to-string", 1, 1, with_output_to_string, "(with-output-to-string thunk): what thunk printed to the current output port"),
    prim!("call-with-output-string", 1, 1, call_with_output_string, "(call-with-output-string proc): calls proc with a string port; what it wrote"),
];

/// `(current-input-port)`
fn current_input_port(interp: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::Port(interp.io.current_input.clone()))
}

/// `(current-error-port)`
fn current_error_port(interp: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::Port(interp.io.current_error.clone()))
}

/// Which current port a redirection replaces.
#[derive(Clone, Copy)]
pub(super) enum Current {
    Input,
    Output,
}

/// Calls `procedure` with `args` while `port` is the current input or output
/// port; the previous port comes back however the call ends.
pub(super) fn with_current(
    interp: &mut Interp,
    which: Current,
    port: Rc<Port>,
    procedure: &Value,
    args: &[Value],
) -> Result<Value> {
    let saved = std::mem::replace(current_slot(interp, which), port);
    let result = interp.apply(procedure, args);
    *current_slot(interp, which) = saved;
    result
}

/// The interpreter's field holding the current input or output port.
fn current_slot(interp: &mut Interp, which: Current) -> &mut Rc<Port> {
    match which {
        Current::Input => &mut interp.io.current_input,
        Current::Output => &mut interp.io.current_output,
    }
}

/// The text a string port collected.
fn port_string(port: &Port) -> Value {
    Value::string(&String::from_utf8_lossy(
        &port.contents().unwrap_or_default(),
    ))
}

/// `(with-output-to-string thunk)`
fn with_output_to_string(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let thunk = args::procedure("with-output-to-string", &args[0])?;
    let port = Rc::new(Port::output_memory(false));
    with_current(interp, Current::Output, port.clone(), thunk, &[])?;
    Ok(port_string(&port))
}

/// `(call-with-output-string proc)`
fn call_with_output_string(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let procedure = args::procedure("call-with-output-string", &args[0])?;
    let port = Rc::new(Port::output_memory(false));
    interp.apply(procedure, &[Value::Port(port.clone())])?;
    Ok(port_string(&port))
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;

    fn port_value(v: &Value) -> Rc<Port> {
        match v {
            Value::Port(p) => p.clone(),
            _ => panic!("not a port"),
        }
    }

    #[test]
    fn current_output_is_a_port() {
        let mut i = Interp::new_captured();
        let p = port_value(
            &crate::builtins::output::PRIMITIVES
                .iter()
                .find(|p| p.name == "current-output-port")
                .map(|p| (p.func)(&mut i, &[]).unwrap())
                .unwrap(),
        );
        assert!(Rc::ptr_eq(&p, &i.io.current_output));
        let e = current_error_port(&mut i, &[]).unwrap();
        assert!(port_value(&e).is_output());
        let saved = std::mem::replace(
            &mut i.io.current_output,
            Rc::new(Port::output_memory(false)),
        );
        i.write_output("redirected").unwrap();
        let other = std::mem::replace(&mut i.io.current_output, saved);
        assert_eq!(other.contents().unwrap(), b"redirected");
        assert_eq!(i.take_output(), "");
    }
}
