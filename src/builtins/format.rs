//! `format` (SRFI 28, with Guile's destination argument) and
//! `pretty-print`: the two ways Scheme users from Guile and CHICKEN build
//! and show text.

use super::ports::output_port;
use super::Primitive;
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::port;
use crate::prim;
use crate::printer;
use crate::value::Value;

#[rustfmt::skip] // one row per builtin, to read as a table
pub const PRIMITIVES: &[Primitive] = &[
    prim!("format", 1, _, format, "(format [destination] template arg ...): ~a displays, ~s writes, ~d a number, ~% a newline, ~~ a tilde; destination #f (or none) returns the string, #t writes to the current output, a port writes to it"),
    prim!("pretty-print", 1, 2, pretty_print, "(pretty-print x [port]): writes x with line breaks and indentation that fit 79 columns, then a newline"),
];

/// Lines `pretty-print` keeps within.
const WIDTH: usize = 79;

/// Nesting beyond which `pretty-print` writes the rest on one line.
const MAX_BREAK_DEPTH: usize = 64;

fn format(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let (destination, template, rest) = match &args[0] {
        Value::Str(_) => (None, &args[0], &args[1..]),
        _ if args.len() >= 2 => (Some(&args[0]), &args[1], &args[2..]),
        other => return Err(Error::wrong_type("format", "a template string", other)),
    };
    let template = super::args::string("format", template)?.to_string();
    let text = expand(interp, &template, rest)?;
    match destination {
        None | Some(Value::Bool(false)) => Ok(Value::string(&text)),
        Some(Value::Bool(true)) => {
            interp.write_output(&text)?;
            Ok(Value::Unspecified)
        }
        Some(port_value) => {
            let p = output_port(interp, "format", Some(port_value))?;
            port::write(&mut interp.io, &p, "format", text.as_bytes())?;
            Ok(Value::Unspecified)
        }
    }
}

/// The template with each directive replaced.
fn expand(interp: &Interp, template: &str, args: &[Value]) -> Result<String> {
    let mut out = String::new();
    let mut args = args.iter();
    let mut chars = template.chars();
    while let Some(c) = chars.next() {
        if c != '~' {
            out.push(c);
            continue;
        }
        let directive = chars.next().ok_or_else(|| {
            Error::new(ErrorKind::Range, "format: the template ends with a lone ~")
        })?;
        match directive.to_ascii_lowercase() {
            '%' | 'n' => out.push('\n'),
            '~' => out.push('~'),
            'a' | 's' | 'd' => {
                let arg = args.next().ok_or_else(|| {
                    Error::new(
                        ErrorKind::Arity,
                        format!("format: ~{directive} has no argument left"),
                    )
                })?;
                if directive == 'd' && !arg.is_number() {
                    return Err(Error::wrong_type("format", "a number for ~d", arg));
                }
                let text = if directive.eq_ignore_ascii_case(&'s') {
                    printer::write_string(&interp.arenas.registry, arg)?
                } else {
                    printer::display_string(&interp.arenas.registry, arg)?
                };
                out.push_str(&text);
            }
            other => {
                return Err(Error::new(
                    ErrorKind::Range,
                    format!("format: unknown directive ~{other}"),
                )
                .with_help("the directives are ~a ~s ~d ~% ~~"))
            }
        }
    }
    if args.next().is_some() {
        return Err(Error::new(
            ErrorKind::Arity,
            "format: more arguments than directives",
        ));
    }
    Ok(out)
}

fn pretty_print(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let p = output_port(interp, "pretty-print", args.get(1))?;
    let mut text = pretty(interp, &args[0], 0, 0)?;
    text.push('\n');
    port::write(&mut interp.io, &p, "pretty-print", text.as_bytes())?;
    Ok(Value::Unspecified)
}

/// `value` laid out as `pretty-print` lays it out (without the final
/// newline), for the REPL's `:pp` and `:expand`.
pub fn pretty_string(interp: &Interp, value: &Value) -> Result<String> {
    pretty(interp, value, 0, 0)
}

/// `value` laid out to start at column `indent`: on one line when it fits,
/// otherwise a list breaks after its head (and first argument), its other
/// elements on lines of their own, indented under it.
fn pretty(interp: &Interp, value: &Value, indent: usize, depth: usize) -> Result<String> {
    let flat = printer::write_string(&interp.arenas.registry, value)?;
    // Shared or circular structure is written with labels, on one line.
    let fits = indent + flat.chars().count() <= WIDTH;
    if fits || depth >= MAX_BREAK_DEPTH || flat.contains("#0=") {
        return Ok(flat);
    }
    let Some(items) = proper_list(value) else {
        return Ok(flat);
    };
    let mut out = String::from("(");
    // A symbol head keeps its first argument on its line and indents the
    // rest by two, as code is laid out; other lists align under the first.
    let (rest, rest_indent) = match &items[0] {
        Value::Symbol(head) => {
            let head = head.name();
            out.push_str(&head);
            // A named let keeps its name and its bindings beside `let`.
            let named_let = &*head == "let" && matches!(items.get(1), Some(Value::Symbol(_)));
            let on_head_line = if named_let { 2 } else { 1 };
            let mut column = indent + 1 + head.chars().count();
            for item in items.iter().skip(1).take(on_head_line) {
                let text = pretty(interp, item, column + 1, depth + 1)?;
                out.push(' ');
                out.push_str(&text);
                column = match text.rsplit_once('\n') {
                    // Later lines of `text` carry their own indentation.
                    Some((_, last)) => last.chars().count(),
                    None => column + 1 + text.chars().count(),
                };
            }
            (items.get(1 + on_head_line..).unwrap_or(&[]), indent + 2)
        }
        first => {
            out.push_str(&pretty(interp, first, indent + 1, depth + 1)?);
            (&items[1..], indent + 1)
        }
    };
    for item in rest {
        out.push('\n');
        out.push_str(&" ".repeat(rest_indent));
        out.push_str(&pretty(interp, item, rest_indent, depth + 1)?);
    }
    out.push(')');
    Ok(out)
}

/// The elements of a proper, non-empty list.
fn proper_list(value: &Value) -> Option<Vec<Value>> {
    let mut items = Vec::new();
    let mut rest = value.clone();
    while let Value::Pair(pair) = rest {
        items.push(pair.car());
        rest = pair.cdr();
    }
    (matches!(rest, Value::Null) && !items.is_empty()).then_some(items)
}
