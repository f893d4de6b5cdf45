//! The numeric tower (stub).

use crate::syntax::NumberLiteral;
use crate::value::Value;

/// Converts a reader literal to a value.
pub fn from_literal(literal: &NumberLiteral) -> Value {
    match literal {
        NumberLiteral::Fixnum(n) => Value::Int(*n),
        NumberLiteral::Real(x) => Value::Float(*x),
        NumberLiteral::Bignum(b) => Value::Big(std::rc::Rc::new(b.clone())),
        NumberLiteral::Rational(r) => Value::Rat(std::rc::Rc::new(r.clone())),
    }
}

/// Formats a number the way `number->string` and `display` do.
pub fn format_number(value: &Value, _radix: u32) -> String {
    match value {
        Value::Int(n) => n.to_string(),
        Value::Float(x) => format!("{x:?}"),
        Value::Big(b) => b.to_string(),
        Value::Rat(r) => r.to_string(),
        _ => String::new(),
    }
}
