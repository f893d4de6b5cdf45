//! Errors as Scheme values and back: what a handler receives for an error,
//! and the error that raising a value amounts to.

use std::rc::Rc;

use crate::diagnostics::{Error, ErrorKind};
use crate::printer::write_string_lossy;
use crate::value::{Condition, Value};

/// What a handler receives for an error: the raised object itself, or an
/// error object.
pub fn error_to_value(error: &Error) -> Value {
    let data = &error.0;
    if data.kind == ErrorKind::Raise {
        if let Some(payload) = &data.payload {
            return payload.clone();
        }
    }
    Value::Condition(Rc::new(Condition {
        kind: data.kind,
        message: data
            .bare_message
            .clone()
            .unwrap_or_else(|| data.message.clone()),
        report: data.message.clone(),
        irritants: data.payload.clone().unwrap_or(Value::Null),
        span: data.span,
        help: data.help.clone(),
        labels: data.labels.clone(),
        trace: data.trace.clone(),
    }))
}

/// The error that raising `value` amounts to: an error object becomes its
/// original error again; anything else is an uncaught `raise`.
pub fn value_to_error(value: Value) -> Error {
    match &value {
        Value::Condition(c) => {
            let mut error = Error::new(c.kind, c.report.clone());
            error.0.bare_message = Some(c.message.clone());
            error.0.span = c.span;
            error.0.help = c.help.clone();
            error.0.labels = c.labels.clone();
            error.0.trace = c.trace.clone();
            error.0.payload = Some(c.irritants.clone());
            error
        }
        _ => Error::new(
            ErrorKind::Raise,
            format!("uncaught exception: {}", write_string_lossy(&value)),
        )
        .with_payload(value),
    }
}
