//! Builtins: textual input — characters, lines, strings and data from an input
//! port — and the eof object reading returns at the end. Separate from binary
//! input, which deals in bytes.

use super::input_port;
use crate::builtins::{args, Primitive};
use crate::diagnostics::Result;
use crate::interp::Interp;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("read-char", 0, 1, read_char, "(read-char [port]): the next character, or the eof object"),
    prim!("peek-char", 0, 1, peek_char, "(peek-char [port]): the next character without consuming it, or eof"),
    prim!("read-line", 0, 1, read_line, "(read-line [port]): the next line without its line ending, or eof"),
    prim!("read-string", 1, 2, read_string, "(read-string k [port]): up to k characters as a string, or eof"),
    prim!("read", 0, 1, read, "(read [port]): the next datum, or eof; a parse error is a read error"),
    prim!("char-ready?", 0, 1, char_ready, "(char-ready? [port]): whether read-char would not wait"),
    prim!("eof-object", 0, 0, eof_object, "(eof-object): the end-of-file object"),
    prim!("eof-object?", 1, 1, is_eof_object, "(eof-object? x): whether x is the end-of-file object"),
];

/// A character result, or eof.
fn char_or_eof(c: Option<char>) -> Value {
    c.map_or(Value::Eof, Value::Char)
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
    use super::super::binary::write_u8;
    use super::super::memory::{get_output_string, open_input_string, open_output_string};
    use super::super::state::{
        close_port, input_port_open, is_input_port, is_output_port, is_textual_port,
    };
    use super::*;
    use crate::diagnostics::ErrorKind;

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
}
