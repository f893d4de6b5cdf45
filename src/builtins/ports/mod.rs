//! Builtins: ports (R7RS 6.13) — port predicates, string, bytevector and file
//! ports, reading, binary output, the current ports and redirecting them.
//!
//! Textual output procedures (`display`, `write`, `newline`...) live in
//! [`super::output`] and share this file's port argument helpers.

use std::rc::Rc;

use super::{args, bytevectors, Primitive};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::{io_reason, Interp};
use crate::port::{self, Port};
use crate::prim;
use crate::value::Value;

/// This topic's builtins.
pub static PRIMITIVES: &[Primitive] = &[
    prim!("port?", 1, 1, is_port, "(port? x): whether x is a port"),
    prim!(
        "input-port?",
        1,
        1,
        is_input_port,
        "(input-port? x): whether x is an input port"
    ),
    prim!(
        "output-port?",
        1,
        1,
        is_output_port,
        "(output-port? x): whether x is an output port"
    ),
    prim!(
        "textual-port?",
        1,
        1,
        is_textual_port,
        "(textual-port? x): whether x is a port made for characters"
    ),
    prim!(
        "binary-port?",
        1,
        1,
        is_binary_port,
        "(binary-port? x): whether x is a port made for bytes"
    ),
    prim!(
        "input-port-open?",
        1,
        1,
        input_port_open,
        "(input-port-open? port): whether an input port can still be read"
    ),
    prim!(
        "output-port-open?",
        1,
        1,
        output_port_open,
        "(output-port-open? port): whether an output port can still be written"
    ),
    prim!(
        "close-port",
        1,
        1,
        close_port,
        "(close-port port): closes a port (a file port is flushed first)"
    ),
    prim!(
        "close-input-port",
        1,
        1,
        close_input_port,
        "(close-input-port port): closes an input port"
    ),
    prim!(
        "close-output-port",
        1,
        1,
        close_output_port,
        "(close-output-port port): closes an output port"
    ),
    prim!(
        "open-input-string",
        1,
        1,
        open_input_string,
        "(open-input-string str): a textual input port reading str"
    ),
    prim!(
        "open-output-string",
        0,
        0,
        open_output_string,
        "(open-output-string): a textual output port collecting a string"
    ),
    prim!(
        "get-output-string",
        1,
        1,
        get_output_string,
        "(get-output-string port): the text written so far to a string port"
    ),
    prim!(
        "open-input-bytevector",
        1,
        1,
        open_input_bytevector,
        "(open-input-bytevector bv): a binary input port reading bv"
    ),
    prim!(
        "open-output-bytevector",
        0,
        0,
        open_output_bytevector,
        "(open-output-bytevector): a binary output port collecting bytes"
    ),
    prim!(
        "get-output-bytevector",
        1,
        1,
        get_output_bytevector,
        "(get-output-bytevector port): the bytes written so far to a bytevector port"
    ),
    prim!(
        "read-char",
        0,
        1,
        read_char,
        "(read-char [port]): the next character, or the eof object"
    ),
    prim!(
        "peek-char",
        0,
        1,
        peek_char,
        "(peek-char [port]): the next character without consuming it, or eof"
    ),
    prim!(
        "read-line",
        0,
        1,
        read_line,
        "(read-line [port]): the next line without its line ending, or eof"
    ),
    prim!(
        "read-string",
        1,
        2,
        read_string,
        "(read-string k [port]): up to k characters as a string, or eof"
    ),
    prim!(
        "read",
        0,
        1,
        read,
        "(read [port]): the next datum, or eof; a parse error is a read error"
    ),
    prim!(
        "char-ready?",
        0,
        1,
        char_ready,
        "(char-ready? [port]): whether read-char would not wait"
    ),
    prim!(
        "read-u8",
        0,
        1,
        read_u8,
        "(read-u8 [port]): the next byte, or the eof object"
    ),
    prim!(
        "peek-u8",
        0,
        1,
        peek_u8,
        "(peek-u8 [port]): the next byte without consuming it, or eof"
    ),
    prim!(
        "u8-ready?",
        0,
        1,
        u8_ready,
        "(u8-ready? [port]): whether read-u8 would not wait"
    ),
    prim!(
        "read-bytevector",
        1,
        2,
        read_bytevector,
        "(read-bytevector k [port]): up to k bytes as a bytevector, or eof"
    ),
    prim!(
        "read-bytevector!",
        1,
        4,
        read_bytevector_into,
        "(read-bytevector! bv [port [start [end]]]): reads bytes into bv; the count, or eof"
    ),
    prim!(
        "write-u8",
        1,
        2,
        write_u8,
        "(write-u8 byte [port]): writes one byte"
    ),
    prim!(
        "write-bytevector",
        1,
        4,
        write_bytevector,
        "(write-bytevector bv [port [start [end]]]): writes the bytes of bv"
    ),
    prim!(
        "current-input-port",
        0,
        0,
        current_input_port,
        "(current-input-port): the port input comes from"
    ),
    prim!(
        "current-error-port",
        0,
        0,
        current_error_port,
        "(current-error-port): the standard error port"
    ),
    prim!(
        "with-output-to-string",
        1,
        1,
        with_output_to_string,
        "(with-output-to-string thunk): what thunk printed to the current output port"
    ),
    prim!(
        "call-with-output-string",
        1,
        1,
        call_with_output_string,
        "(call-with-output-string proc): calls proc with a string port; what it wrote"
    ),
    prim!(
        "open-input-file",
        1,
        1,
        open_input_file,
        "(open-input-file path): a textual input port reading a file"
    ),
    prim!(
        "open-binary-input-file",
        1,
        1,
        open_binary_input_file,
        "(open-binary-input-file path): a binary input port reading a file"
    ),
    prim!(
        "open-output-file",
        1,
        1,
        open_output_file,
        "(open-output-file path): a textual output port writing a file (truncated)"
    ),
    prim!(
        "open-binary-output-file",
        1,
        1,
        open_binary_output_file,
        "(open-binary-output-file path): a binary output port writing a file"
    ),
    prim!(
        "call-with-port",
        2,
        2,
        call_with_port,
        "(call-with-port port proc): calls proc with port, then closes it"
    ),
    prim!(
        "call-with-input-file",
        2,
        2,
        call_with_input_file,
        "(call-with-input-file path proc): calls proc with an input port on the file"
    ),
    prim!(
        "call-with-output-file",
        2,
        2,
        call_with_output_file,
        "(call-with-output-file path proc): calls proc with an output port on the file"
    ),
    prim!(
        "with-input-from-file",
        2,
        2,
        with_input_from_file,
        "(with-input-from-file path thunk): runs thunk reading the file as current input"
    ),
    prim!(
        "with-output-to-file",
        2,
        2,
        with_output_to_file,
        "(with-output-to-file path thunk): runs thunk writing the file as current output"
    ),
    prim!(
        "file-exists?",
        1,
        1,
        file_exists,
        "(file-exists? path): whether a file exists"
    ),
    prim!(
        "delete-file",
        1,
        1,
        delete_file,
        "(delete-file path): removes a file"
    ),
    prim!(
        "eof-object",
        0,
        0,
        eof_object,
        "(eof-object): the end-of-file object"
    ),
    prim!(
        "eof-object?",
        1,
        1,
        is_eof_object,
        "(eof-object? x): whether x is the end-of-file object"
    ),
];

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
        None => Ok(interp.current_output.clone()),
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
        None => interp.current_input.clone(),
        Some(Value::Port(p)) if p.is_input() => p.clone(),
        Some(v) => return Err(Error::wrong_type(who, "an input port", v)),
    };
    if port.is_stdin() {
        interp.flush_output();
    }
    Ok(port)
}

/// A path argument.
fn path(who: &str, value: &Value) -> Result<String> {
    Ok(args::string(who, value)?.to_string())
}

/// A character result, or eof.
fn char_or_eof(c: Option<char>) -> Value {
    c.map_or(Value::Eof, Value::Char)
}

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

/// `(port? x)`
fn is_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Port(_))))
}

/// `(input-port? x)`
fn is_input_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        matches!(&args[0], Value::Port(p) if p.is_input()),
    ))
}

/// `(output-port? x)`
fn is_output_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        matches!(&args[0], Value::Port(p) if p.is_output()),
    ))
}

/// `(textual-port? x)`
fn is_textual_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        matches!(&args[0], Value::Port(p) if !p.is_binary()),
    ))
}

/// `(binary-port? x)`
fn is_binary_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(
        matches!(&args[0], Value::Port(p) if p.is_binary()),
    ))
}

/// `(input-port-open? port)`
fn input_port_open(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let p = any_port("input-port-open?", &args[0])?;
    Ok(Value::Bool(p.is_input() && p.is_open()))
}

/// `(output-port-open? port)`
fn output_port_open(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let p = any_port("output-port-open?", &args[0])?;
    Ok(Value::Bool(p.is_output() && p.is_open()))
}

/// `(close-port port)`
fn close_port(_: &mut Interp, args: &[Value]) -> Result<Value> {
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

/// `(open-input-string str)`
fn open_input_string(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let s = args::string("open-input-string", &args[0])?;
    Ok(Value::Port(Rc::new(Port::input_string(&s.to_string()))))
}

/// `(open-output-string)`
fn open_output_string(_: &mut Interp, _: &[Value]) -> Result<Value> {
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
fn get_output_string(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let bytes = memory_contents("get-output-string", &args[0], "a string output port")?;
    Ok(Value::string(&String::from_utf8_lossy(&bytes)))
}

/// `(open-input-bytevector bv)`
fn open_input_bytevector(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let bv = args::bytevector("open-input-bytevector", &args[0])?;
    let bytes = bytevectors::with_bytes(interp, bv, <[u8]>::to_vec)?;
    Ok(Value::Port(Rc::new(Port::input_bytes(bytes))))
}

/// `(open-output-bytevector)`
fn open_output_bytevector(_: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::Port(Rc::new(Port::output_memory(true))))
}

/// `(get-output-bytevector port)`
fn get_output_bytevector(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let bytes = memory_contents(
        "get-output-bytevector",
        &args[0],
        "a bytevector output port",
    )?;
    Ok(Value::bytevector(bytes))
}

/// `(read-char [port])`
fn read_char(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "read-char";
    let p = input_port(interp, who, args.first())?;
    Ok(char_or_eof(p.read_char(who)?))
}

/// `(peek-char [port])`
fn peek_char(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "peek-char";
    let p = input_port(interp, who, args.first())?;
    Ok(char_or_eof(p.peek_char(who)?))
}

/// `(read-line [port])`
fn read_line(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "read-line";
    let p = input_port(interp, who, args.first())?;
    Ok(p.read_line(who)?.map_or(Value::Eof, |s| Value::string(&s)))
}

/// `(read-string k [port])`
fn read_string(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "read-string";
    let k = args::index(who, &args[0])?;
    let p = input_port(interp, who, args.get(1))?;
    Ok(p.read_string(who, k)?
        .map_or(Value::Eof, |s| Value::string(&s)))
}

/// `(read [port])`
fn read(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let p = input_port(interp, "read", args.first())?;
    p.read_datum("read")
}

/// `(char-ready? [port])`
fn char_ready(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let p = input_port(interp, "char-ready?", args.first())?;
    Ok(Value::Bool(p.ready("char-ready?")?))
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
fn write_u8(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "write-u8";
    let byte = match &args[0] {
        Value::Int(n) => u8::try_from(*n)
            .map_err(|_| Error::range(who, format!("{n} is not a byte (0 to 255)")))?,
        v => return Err(Error::wrong_type(who, "a byte", v)),
    };
    let p = output_port(interp, who, args.get(1))?;
    port::write(interp, &p, who, &[byte])?;
    Ok(Value::Unspecified)
}

/// `(write-bytevector bv [port [start [end]]])`
fn write_bytevector(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "write-bytevector";
    let bv = args::bytevector(who, &args[0])?;
    let bytes = bytevectors::with_bytes(interp, bv, <[u8]>::to_vec)?;
    let (start, end) = bounds(who, args, 2, bytes.len())?;
    let p = output_port(interp, who, args.get(1))?;
    port::write(interp, &p, who, bytes.get(start..end).unwrap_or_default())?;
    Ok(Value::Unspecified)
}

/// `(current-input-port)`
fn current_input_port(interp: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::Port(interp.current_input.clone()))
}

/// `(current-error-port)`
fn current_error_port(interp: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::Port(interp.current_error.clone()))
}

/// Which current port a redirection replaces.
#[derive(Clone, Copy)]
enum Current {
    Input,
    Output,
}

/// Calls `procedure` with `args` while `port` is the current input or output
/// port; the previous port comes back however the call ends.
fn with_current(
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
        Current::Input => &mut interp.current_input,
        Current::Output => &mut interp.current_output,
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

/// Registers a file output port so [`Interp::flush_output`] flushes it.
fn track(interp: &mut Interp, port: Port) -> Rc<Port> {
    let port = Rc::new(port);
    interp.file_ports.retain(|w| w.strong_count() > 0);
    interp.file_ports.push(Rc::downgrade(&port));
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

/// `(eof-object)`
fn eof_object(_: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::Eof)
}

/// `(eof-object? x)`
fn is_eof_object(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Eof)))
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
    fn string_ports() {
        let mut i = Interp::new_captured();
        let p = open_input_string(&mut i, &[Value::string("ab\ncd")]).unwrap();
        assert!(is_input_port(&mut i, &[p.clone()]).unwrap().is_true());
        assert!(!is_output_port(&mut i, &[p.clone()]).unwrap().is_true());
        assert!(is_textual_port(&mut i, &[p.clone()]).unwrap().is_true());
        assert!(matches!(
            peek_char(&mut i, &[p.clone()]).unwrap(),
            Value::Char('a')
        ));
        assert!(matches!(
            read_char(&mut i, &[p.clone()]).unwrap(),
            Value::Char('a')
        ));
        let line = read_line(&mut i, &[p.clone()]).unwrap();
        assert_eq!(crate::printer::write_string_lossy(&line), "\"b\"");
        let rest = read_string(&mut i, &[Value::Int(10), p.clone()]).unwrap();
        assert_eq!(crate::printer::write_string_lossy(&rest), "\"cd\"");
        assert!(matches!(
            read_char(&mut i, &[p.clone()]).unwrap(),
            Value::Eof
        ));
        close_port(&mut i, &[p.clone()]).unwrap();
        assert!(!input_port_open(&mut i, &[p.clone()]).unwrap().is_true());
        let e = read_char(&mut i, &[p]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Io);
        let o = open_output_string(&mut i, &[]).unwrap();
        write_u8(&mut i, &[Value::Int(65), o.clone()]).unwrap();
        let s = get_output_string(&mut i, &[o.clone()]).unwrap();
        assert_eq!(crate::printer::write_string_lossy(&s), "\"A\"");
        assert_eq!(
            write_u8(&mut i, &[Value::Int(256), o.clone()])
                .unwrap_err()
                .kind(),
            ErrorKind::Range
        );
        let e = read_char(&mut i, &[o]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Type);
    }

    #[test]
    fn current_output_is_a_port() {
        let mut i = Interp::new_captured();
        let p = port_value(
            &super::super::output::PRIMITIVES
                .iter()
                .find(|p| p.name == "current-output-port")
                .map(|p| (p.func)(&mut i, &[]).unwrap())
                .unwrap(),
        );
        assert!(Rc::ptr_eq(&p, &i.current_output));
        let e = current_error_port(&mut i, &[]).unwrap();
        assert!(port_value(&e).is_output());
        let saved = std::mem::replace(&mut i.current_output, Rc::new(Port::output_memory(false)));
        i.write_output("redirected").unwrap();
        let other = std::mem::replace(&mut i.current_output, saved);
        assert_eq!(other.contents().unwrap(), b"redirected");
        assert_eq!(i.take_output(), "");
    }

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
