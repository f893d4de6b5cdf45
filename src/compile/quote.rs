//! Converting read data into Scheme values (`quote`, `read`, `case` data).

use crate::diagnostics::{Error, Result};
use crate::numeric;
use crate::syntax::{Datum, DatumKind, NumberLiteral, Span};
use crate::value::Value;

/// The value a datum denotes when quoted.
pub fn datum_to_value(datum: &Datum) -> Value {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || match &datum.kind {
        DatumKind::Bool(b) => Value::Bool(*b),
        DatumKind::Number(n) => numeric::from_literal(n),
        DatumKind::Char(c) => Value::Char(*c),
        DatumKind::String(s) => Value::string(s),
        DatumKind::Symbol(s) => Value::symbol(s),
        DatumKind::List(items) => Value::list(items.iter().map(datum_to_value).collect()),
        DatumKind::DottedList(items, tail) => Value::list_with_tail(
            items.iter().map(datum_to_value).collect(),
            datum_to_value(tail),
        ),
        DatumKind::Vector(items) => Value::vector(items.iter().map(datum_to_value).collect()),
        DatumKind::Bytevector(bytes) => Value::bytevector(bytes.clone()),
    })
}

/// The datum a value stands for as code (`eval`): lists, vectors, symbols and
/// self-evaluating data. Values with no written form (procedures, ports...)
/// become quoted constants can't be expressed, so they are refused.
pub fn value_to_datum(value: &Value, span: Span) -> Result<Datum> {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
        let kind = match value {
            Value::Bool(b) => DatumKind::Bool(*b),
            Value::Int(n) => DatumKind::Number(NumberLiteral::Fixnum(*n)),
            Value::Float(x) => DatumKind::Number(NumberLiteral::Real(*x)),
            Value::Big(b) => DatumKind::Number(NumberLiteral::Bignum((**b).clone())),
            Value::Rat(r) => DatumKind::Number(NumberLiteral::Rational((**r).clone())),
            Value::Char(c) => DatumKind::Char(*c),
            Value::Str(s) => DatumKind::String(s.to_string()),
            Value::Symbol(s) => DatumKind::Symbol(s.name().to_string()),
            Value::Null => DatumKind::List(Vec::new()),
            Value::Pair(_) => {
                crate::builtins::args::check_live(value)?;
                let mut items = Vec::new();
                let mut cur = value.clone();
                while let Value::Pair(p) = &cur {
                    crate::builtins::args::check_live(&cur)?;
                    items.push(value_to_datum(&p.car(), span)?);
                    let next = p.cdr();
                    cur = next;
                }
                match cur {
                    Value::Null => DatumKind::List(items),
                    tail => DatumKind::DottedList(items, Box::new(value_to_datum(&tail, span)?)),
                }
            }
            Value::Vector(v) => DatumKind::Vector(
                v.items
                    .borrow()
                    .iter()
                    .map(|item| value_to_datum(item, span))
                    .collect::<Result<_>>()?,
            ),
            Value::Bytevector(b) => match &b.storage {
                crate::value::ByteStorage::Heap(bytes) => {
                    DatumKind::Bytevector(bytes.borrow().clone())
                }
                crate::value::ByteStorage::Arena(_) => {
                    return Err(Error::wrong_type(
                        "eval",
                        "code (an arena bytevector is data only)",
                        value,
                    ))
                }
            },
            other => return Err(Error::wrong_type("eval", "code (a datum)", other)),
        };
        Ok(Datum::new(kind, span))
    })
}
