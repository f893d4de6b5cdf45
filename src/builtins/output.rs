//! Builtins: output.
//!
//! The only port so far is the current output port, which `current-output-port`
//! returns as a symbol no program text can spell; every output procedure accepts
//! it as its optional port argument.

use super::{args, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::prim;
use crate::printer;
use crate::symbol::Symbol;
use crate::value::Value;

/// This topic's builtins.
pub static PRIMITIVES: &[Primitive] = &[
    prim!(
        "display",
        1,
        2,
        display,
        "(display x [port]): prints x, strings and characters raw"
    ),
    prim!(
        "write",
        1,
        2,
        write,
        "(write x [port]): prints x as readable data (cycles with datum labels)"
    ),
    prim!(
        "write-shared",
        1,
        2,
        write_shared,
        "(write-shared x [port]): write, labelling every shared pair or vector"
    ),
    prim!(
        "write-simple",
        1,
        2,
        write,
        "(write-simple x [port]): prints x as readable data"
    ),
    prim!(
        "newline",
        0,
        1,
        newline,
        "(newline [port]): prints a line break"
    ),
    prim!(
        "write-string",
        1,
        4,
        write_string,
        "(write-string str [port [start [end]]]): prints the characters of a string"
    ),
    prim!(
        "write-char",
        1,
        2,
        write_char,
        "(write-char char [port]): prints a character"
    ),
    prim!(
        "println",
        0,
        _,
        println,
        "(println x ...): displays each argument, then a line break"
    ),
    prim!(
        "current-output-port",
        0,
        0,
        current_output_port,
        "(current-output-port): the port output goes to"
    ),
    prim!(
        "flush-output-port",
        0,
        1,
        flush_output_port,
        "(flush-output-port [port]): sends buffered output on"
    ),
];

/// The name of the symbol standing for standard output.
const STDOUT_PORT: &str = " stdout-port";

/// Checks an optional port argument.
fn port(who: &str, value: Option<&Value>) -> Result<()> {
    match value {
        None => Ok(()),
        Some(Value::Symbol(s)) if *s == Symbol::intern(STDOUT_PORT) => Ok(()),
        Some(v) => Err(Error::wrong_type(who, "an output port", v)),
    }
}

/// `(display x [port])`
fn display(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    port("display", args.get(1))?;
    let text = printer::display_string(&interp.arenas, &args[0])?;
    interp.write_output(&text)?;
    Ok(Value::Unspecified)
}

/// `(write x [port])` and `write-simple`
fn write(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    port("write", args.get(1))?;
    let text = printer::write_string(&interp.arenas, &args[0])?;
    interp.write_output(&text)?;
    Ok(Value::Unspecified)
}

/// `(write-shared x [port])`
fn write_shared(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    port("write-shared", args.get(1))?;
    let text = printer::write_shared_string(&interp.arenas, &args[0])?;
    interp.write_output(&text)?;
    Ok(Value::Unspecified)
}

/// `(newline [port])`
fn newline(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    port("newline", args.first())?;
    interp.write_output("\n")?;
    Ok(Value::Unspecified)
}

/// `(write-string str [port [start [end]]])`
fn write_string(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "write-string";
    let s = args::string(who, &args[0])?;
    port(who, args.get(1))?;
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
    interp.write_output(&text)?;
    Ok(Value::Unspecified)
}

/// `(write-char char [port])`
fn write_char(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let c = args::character("write-char", &args[0])?;
    port("write-char", args.get(1))?;
    interp.write_output(c.encode_utf8(&mut [0; 4]))?;
    Ok(Value::Unspecified)
}

/// `(println x ...)`
fn println(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let mut text = String::new();
    for arg in args {
        text.push_str(&printer::display_string(&interp.arenas, arg)?);
    }
    text.push('\n');
    interp.write_output(&text)?;
    Ok(Value::Unspecified)
}

/// `(current-output-port)`
fn current_output_port(_: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::Symbol(Symbol::intern(STDOUT_PORT)))
}

/// `(flush-output-port [port])`
fn flush_output_port(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    port("flush-output-port", args.first())?;
    interp.flush_output();
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
