//! The external representation of a datum, written for error messages (the
//! help line that lists a macro's patterns).

use std::fmt::Write as _;

use crate::native_stack::deeper_or;
use crate::syntax::{Datum, DatumKind, NumberLiteral};

/// The external representation of a datum, for messages.
pub fn write_datum(datum: &Datum) -> String {
    let mut out = String::new();
    write_into(datum, &mut out);
    out
}

fn write_items(items: &[Datum], out: &mut String) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        write_into(item, out);
    }
}

fn write_into(datum: &Datum, out: &mut String) {
    deeper_or(
        || (),
        || match &datum.kind {
            DatumKind::Bool(true) => out.push_str("#t"),
            DatumKind::Bool(false) => out.push_str("#f"),
            DatumKind::Number(n) => match n {
                NumberLiteral::Fixnum(i) => {
                    let _ = write!(out, "{i}");
                }
                NumberLiteral::Bignum(i) => {
                    let _ = write!(out, "{i}");
                }
                NumberLiteral::Rational(r) => {
                    let _ = write!(out, "{r}");
                }
                NumberLiteral::Real(x) if x.is_nan() => out.push_str("+nan.0"),
                NumberLiteral::Real(x) if x.is_infinite() => {
                    out.push_str(if *x > 0.0 { "+inf.0" } else { "-inf.0" })
                }
                NumberLiteral::Real(x) => {
                    let _ = write!(out, "{x:?}");
                }
            },
            DatumKind::Char(c) => {
                let _ = match c {
                    ' ' => write!(out, "#\\space"),
                    '\n' => write!(out, "#\\newline"),
                    '\t' => write!(out, "#\\tab"),
                    c if c.is_control() => write!(out, "#\\x{:x}", *c as u32),
                    c => write!(out, "#\\{c}"),
                };
            }
            DatumKind::String(s) => {
                out.push('"');
                for c in s.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '\t' => out.push_str("\\t"),
                        c => out.push(c),
                    }
                }
                out.push('"');
            }
            DatumKind::Symbol(name) => out.push_str(name),
            DatumKind::List(items) => {
                out.push('(');
                write_items(items, out);
                out.push(')');
            }
            DatumKind::DottedList(items, tail) => {
                out.push('(');
                write_items(items, out);
                out.push_str(" . ");
                write_into(tail, out);
                out.push(')');
            }
            DatumKind::Vector(items) => {
                out.push_str("#(");
                write_items(items, out);
                out.push(')');
            }
            DatumKind::Bytevector(bytes) => {
                out.push_str("#u8(");
                for (i, b) in bytes.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    let _ = write!(out, "{b}");
                }
                out.push(')');
            }
            DatumKind::Label(n, inner) => {
                let _ = write!(out, "#{n}=");
                write_into(inner, out);
            }
            DatumKind::LabelRef(n) => {
                let _ = write!(out, "#{n}#");
            }
        },
    )
}
