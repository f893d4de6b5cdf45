//! Builtins: textual output. Without a port argument every procedure writes to
//! the current output port (standard output, unless `with-output-to-string` or
//! `with-output-to-file` rebound it).

use super::ports::output_port;
use super::{args, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::port;
use crate::prim;
use crate::printer;
use crate::value::Value;

/// This topic's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("display", 1, 2, display, "(display x [port]): prints x, strings and characters raw"),
    prim!("write", 1, 2, write, "(write x [port]): prints x as readable data (cycles with datum labels)"),
    prim!("write-shared", 1, 2, write_shared, "(write-shared x [port]): write, labelling every shared pair or vector"),
    prim!("write-simple", 1, 2, write, "(write-simple x [port]): prints x as readable data"),
    prim!("newline", 0, 1, newline, "(newline [port]): prints a line break"),
    prim!("write-string", 1, 4, write_string, "(write-string str [port [start [end]]]): prints the characters of a string"),
    prim!("write-char", 1, 2, write_char, "(write-char char [port]): prints a character"),
    prim!("println", 0, _, println, "(println x ...): displays each argument, then a line break"),
    prim!("current-output-port", 0, 0, current_output_port, "(current-output-port): the port output goes to"),
    prim!("flush-output-port", 0, 1, flush_output_port, "(flush-output-port [port]): sends buffered output on"),
];

/// Writes `text` to the given output port, or to the current output port.
fn emit(interp: &mut Interp, who: &str, port_arg: Option<&Value>, text: &str) -> Result<()> {
    let p = output_port(interp, who, port_arg)?;
    port::write(&mut interp.io, &p, who, text.as_bytes())
}

/// Prints `args[0]` with `print` to the port `args[1]` (or the current one).
fn print_with(
    interp: &mut Interp,
    who: &str,
    args: &[Value],
    print: fn(&eshkol_arena::Arenas, &Value) -> Result<String>,
) -> Result<Value> {
    let p = output_port(interp, who, args.get(1))?;
    let text = print(&interp.arenas.registry, &args[0])?;
    port::write(&mut interp.io, &p, who, text.as_bytes())?;
    Ok(Value::Unspecified)
}

/// `(display x [port])`
fn display(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    print_with(interp, "display", args, printer::display_string)
}

/// `(write x [port])` and `write-simple`
fn write(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    print_with(interp, "write", args, printer::write_string)
}

/// `(write-shared x [port])`
fn write_shared(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    print_with(interp, "write-shared", args, printer::write_shared_string)
}

/// `(newline [port])`
fn newline(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    emit(interp, "newline", args.first(), "\n")?;
    Ok(Value::Unspecified)
}

/// `(write-string str [port [start [end]]])`
fn write_string(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "write-string";
    let s = args::string(who, &args[0])?;
    let p = output_port(interp, who, args.get(1))?;
    let text: String = {
        let chars = s.chars.borrow();
        let len = chars.len();
        let start = match args.get(2) {
            Some(v) => args::index(who, v)?,
            None => 0,
        };
        let end = match args.get(3) {
            Some(v) => args::index(who, v)?,
            None => len,
        };
        if end > len || start > end {
            return Err(Error::range(
                who,
                format!("range {start}..{end} is invalid for a string of length {len}"),
            ));
        }
        chars[start..end].iter().collect()
    };
    port::write(&mut interp.io, &p, who, text.as_bytes())?;
    Ok(Value::Unspecified)
}

/// `(write-char char [port])`
fn write_char(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let c = args::character("write-char", &args[0])?;
    emit(
        interp,
        "write-char",
        args.get(1),
        c.encode_utf8(&mut [0; 4]),
    )?;
    Ok(Value::Unspecified)
}

/// `(println x ...)`
fn println(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let mut text = String::new();
    for arg in args {
        text.push_str(&printer::display_string(&interp.arenas.registry, arg)?);
    }
    text.push('\n');
    emit(interp, "println", None, &text)?;
    Ok(Value::Unspecified)
}

/// `(current-output-port)`
fn current_output_port(interp: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::Port(interp.io.current_output.clone()))
}

/// `(flush-output-port [port])`
fn flush_output_port(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let p = output_port(interp, "flush-output-port", args.first())?;
    p.flush(&mut interp.io, "flush-output-port")?;
    Ok(Value::Unspecified)
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::diagnostics::ErrorKind;

    #[test]
    fn output() {
        let mut i = Interp::new_captured();
        let l = Value::list(vec![Value::string("a b"), Value::Char('c'), Value::Int(1)]);
        display(&mut i, &[l.clone()]).unwrap();
        newline(&mut i, &[]).unwrap();
        write(&mut i, &[l.clone()]).unwrap();
        assert_eq!(i.take_output(), "(a b c 1)\n(\"a b\" #\\c 1)");
        let p = current_output_port(&mut i, &[]).unwrap();
        display(&mut i, &[Value::string("x"), p.clone()]).unwrap();
        write_char(&mut i, &[Value::Char('λ'), p.clone()]).unwrap();
        write_string(
            &mut i,
            &[
                Value::string("hello"),
                p.clone(),
                Value::Int(1),
                Value::Int(3),
            ],
        )
        .unwrap();
        println(
            &mut i,
            &[Value::string("n="), Value::Int(5), Value::symbol("s")],
        )
        .unwrap();
        flush_output_port(&mut i, &[p.clone()]).unwrap();
        assert_eq!(i.take_output(), "xλeln=5s\n");
        let e = display(&mut i, &[Value::Int(1), Value::Int(2)]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Type);
        assert!(e.message().contains("expected an output port"));
        let e = write_string(
            &mut i,
            &[Value::string("ab"), p, Value::Int(1), Value::Int(5)],
        )
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Range);
        let shared = Value::list(vec![Value::Int(1)]);
        write_shared(&mut i, &[Value::list(vec![shared.clone(), shared])]).unwrap();
        assert_eq!(i.take_output(), "(#0=(1) #0#)");
        assert!(println(&mut i, &[]).is_ok());
        assert_eq!(i.take_output(), "\n");
    }
}
