//! Converting read data into Scheme values (`quote`, `read`, `case` data).

use crate::numeric;
use crate::syntax::{Datum, DatumKind};
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
