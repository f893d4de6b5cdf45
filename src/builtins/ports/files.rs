//! Builtins: file ports and the file system — opening files, the
//! `call-with-...` and `with-...-file` forms that close what they open, and
//! `file-exists?` / `delete-file`. Separate because files can fail to open and
//! must be flushed.

use std::rc::Rc;

use super::any_port;
use super::current::{with_current, Current};
use crate::builtins::{args, Primitive};
use crate::diagnostics::io_reason;
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::port::Port;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("open-input-file", 1, 1, open_input_file, "(open-input-file path): a textual input port reading a file"),
    prim!("open-binary-input-file", 1, 1, open_binary_input_file, "(open-binary-input-file path): a binary input port reading a file"),
    prim!("open-output-file", 1, 1, open_output_file, "(open-output-file path): a textual output port writing a file (truncated)"),
    prim!("open-binary-output-file", 1, 1, open_binary_output_file, "(open-binary-output-file path): a binary output port writing a file"),
    prim!("call-with-port", 2, 2, call_with_port, "(call-with-port port proc): calls proc with port, then closes it"),
    prim!("call-with-input-file", 2, 2, call_with_input_file, "(call-with-input-file path proc): calls proc with an input port on the file"),
    prim!("call-with-output-file", 2, 2, call_with_output_file, "(call-with-output-file path proc): calls proc with an output port on the file"),
    prim!("with-input-from-file", 2, 2, with_input_from_file, "(with-input-from-file path thunk): runs thunk reading the file as current input"),
    prim!("with-output-to-file", 2, 2, with_output_to_file, "(with-output-to-file path thunk): runs thunk writing the file as current output"),
    prim!("file-exists?", 1, 1, file_exists, "(file-exists? path): whether a file exists"),
    prim!("delete-file", 1, 1, delete_file, "(delete-file path): removes a file"),
];

/// A path argument.
fn path(who: &str, value: &Value) -> Result<String> {
    Ok(args::string(who, value)?.to_string())
}

/// Registers a file output port so [`Interp::flush_output`] flushes it.
fn track(interp: &mut Interp, port: Port) -> Rc<Port> {
    let port = Rc::new(port);
    interp.io.file_ports.retain(|w| w.strong_count() > 0);
    interp.io.file_ports.push(Rc::downgrade(&port));
    port
}

/// `(open-input-file path)`
fn open_input_file(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let path = path("open-input-file", &args[0])?;
    Ok(Value::Port(Rc::new(Port::open_input_file(&path, false)?)))
}

/// `(open-binary-input-file path)`
fn open_binary_input_file(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let path = path("open-binary-input-file", &args[0])?;
    Ok(Value::Port(Rc::new(Port::open_input_file(&path, true)?)))
}

/// `(open-output-file path)`
fn open_output_file(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let path = path("open-output-file", &args[0])?;
    let port = Port::open_output_file(&path, false)?;
    Ok(Value::Port(track(interp, port)))
}

/// `(open-binary-output-file path)`
fn open_binary_output_file(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let path = path("open-binary-output-file", &args[0])?;
    let port = Port::open_output_file(&path, true)?;
    Ok(Value::Port(track(interp, port)))
}

/// Calls `procedure` with `port`, then closes the port (also when the call
/// fails); a failure to close (flush) is reported if the call succeeded.
fn call_then_close(interp: &mut Interp, port: Rc<Port>, procedure: &Value) -> Result<Value> {
    let result = interp.apply(procedure, &[Value::Port(port.clone())]);
    let closed = port.close();
    let value = result?;
    closed?;
    Ok(value)
}

/// `(call-with-port port proc)`
fn call_with_port(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let port = any_port("call-with-port", &args[0])?.clone();
    let procedure = args::procedure("call-with-port", &args[1])?;
    call_then_close(interp, port, procedure)
}

/// `(call-with-input-file path proc)`
fn call_with_input_file(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "call-with-input-file";
    let path = path(who, &args[0])?;
    let procedure = args::procedure(who, &args[1])?;
    let port = Rc::new(Port::open_input_file(&path, false)?);
    call_then_close(interp, port, procedure)
}

/// `(call-with-output-file path proc)`
fn call_with_output_file(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "call-with-output-file";
    let path = path(who, &args[0])?;
    let procedure = args::procedure(who, &args[1])?;
    let port = track(interp, Port::open_output_file(&path, false)?);
    call_then_close(interp, port, procedure)
}

/// `(with-input-from-file path thunk)`
fn with_input_from_file(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "with-input-from-file";
    let path = path(who, &args[0])?;
    let thunk = args::procedure(who, &args[1])?;
    let port = Rc::new(Port::open_input_file(&path, false)?);
    let result = with_current(interp, Current::Input, port.clone(), thunk, &[]);
    port.close()?;
    result
}

/// `(with-output-to-file path thunk)`
fn with_output_to_file(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "with-output-to-file";
    let path = path(who, &args[0])?;
    let thunk = args::procedure(who, &args[1])?;
    let port = track(interp, Port::open_output_file(&path, false)?);
    let result = with_current(interp, Current::Output, port.clone(), thunk, &[]);
    let closed = port.close();
    let value = result?;
    closed?;
    Ok(value)
}

/// `(file-exists? path)`
fn file_exists(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let path = path("file-exists?", &args[0])?;
    Ok(Value::Bool(std::path::Path::new(&path).exists()))
}

/// `(delete-file path)`
fn delete_file(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let path = path("delete-file", &args[0])?;
    std::fs::remove_file(&path).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot delete file {path:?}: {}", io_reason(&e)),
        )
    })?;
    Ok(Value::Unspecified)
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;

    #[test]
    fn missing_file() {
        let mut i = Interp::new_captured();
        let e = open_input_file(&mut i, &[Value::string("/nonexistent/x.txt")]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Io);
        assert_eq!(
            e.message(),
            "cannot open input file \"/nonexistent/x.txt\": No such file or directory"
        );
        let e = delete_file(&mut i, &[Value::string("/nonexistent/x.txt")]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(!file_exists(&mut i, &[Value::string("/nonexistent/x.txt")])
            .unwrap()
            .is_true());
    }
}
