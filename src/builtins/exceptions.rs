//! Builtins: exceptions (R7RS 6.11) and error objects.
//!
//! Every runtime error is catchable: `guard` catches by unwinding, and
//! `with-exception-handler` calls its handler with an error object. Objects
//! passed to `raise` reach handlers as they are; errors from builtins and from
//! `error` arrive as error objects that remember their kind, message,
//! irritants and location, so re-raising one reports the original place.

use super::Primitive;
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::eval::conditions::{error_to_value, value_to_error};
use crate::interp::Interp;
use crate::prim;
use crate::printer::write_string_lossy;
use crate::value::{Condition, Value};

/// This topic's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("raise", 1, 1, raise, "(raise obj): raises obj as an exception; handlers must not return"),
    prim!("raise-continuable", 1, 1, raise_continuable, "(raise-continuable obj): raises obj; the handler's value is returned"),
    prim!("with-exception-handler", 2, 2, with_exception_handler, "(with-exception-handler handler thunk): calls thunk with handler installed"),
    prim!("error-object?", 1, 1, is_error_object, "(error-object? x): is x an error object?"),
    prim!("error-object-message", 1, 1, error_object_message, "(error-object-message e): the error's message"),
    prim!("error-object-irritants", 1, 1, error_object_irritants, "(error-object-irritants e): the error's irritants"),
    prim!("error-object-kind", 1, 1, error_object_kind, "(error-object-kind e): the kind of error, a symbol (type, arity, arena-destroyed...)"),
    prim!("file-error?", 1, 1, is_file_error, "(file-error? x): is x an error from opening or using a file?"),
    prim!("read-error?", 1, 1, is_read_error, "(read-error? x): is x an error from reading data?"),
    prim!("arena-error?", 1, 1, is_arena_error, "(arena-error? x): is x an error about arena use?"),
    prim!("arena-destroyed-error?", 1, 1, is_arena_destroyed_error, "(arena-destroyed-error? x): is x a use of a destroyed (or reset) arena?"),
    prim!("condition/report-string", 1, 1, report_string, "(condition/report-string e): the error's message with its irritants"),
    prim!("%reraise", 1, 1, reraise, "re-raises a caught object unchanged (guard with no matching clause)"),
    prim!("%assert-failed", 1, 1, assert_failed, "reports a failed assert"),
];

/// Calls the innermost handler for `obj` in the dynamic context outside it.
/// `None` when the innermost handler is a `guard` (or there is none): the
/// caller must unwind instead.
fn call_handler(interp: &mut Interp, obj: &Value) -> Option<(usize, Result<Value>)> {
    let index = interp.machine.handlers.len().checked_sub(1)?;
    let handler = interp.machine.handlers[index].clone();
    if matches!(handler, Value::Undefined) {
        return None;
    }
    let saved = interp.machine.handlers.split_off(index);
    let result = interp.apply(&handler, std::slice::from_ref(obj));
    interp.machine.handlers.truncate(index);
    interp.machine.handlers.extend(saved);
    Some((index, result))
}

/// The error for a raise that unwinds to the innermost `guard` (or escapes
/// altogether): handlers inside that guard must not see it again.
fn unwinding(interp: &Interp, obj: &Value, continuable: bool) -> Error {
    let mut error = value_to_error(obj.clone());
    error.0.handled_depth = Some(interp.machine.handlers.len().saturating_sub(1));
    error.0.continuable = continuable;
    error
}

fn raise(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    match call_handler(interp, &values[0]) {
        None => Err(unwinding(interp, &values[0], false)),
        Some((_, Err(e))) => Err(e),
        Some((index, Ok(_))) => {
            let mut error = Error::new(
                ErrorKind::Raise,
                format!(
                    "exception handler returned from a non-continuable raise of {}",
                    write_string_lossy(&values[0])
                ),
            )
            .with_help("use raise-continuable if the handler is meant to return a value")
            .with_payload(values[0].clone());
            error.0.handled_depth = Some(index);
            Err(error)
        }
    }
}

fn raise_continuable(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    match call_handler(interp, &values[0]) {
        None => Err(unwinding(interp, &values[0], true)),
        Some((_, result)) => result,
    }
}

/// The thunk is not called in tail position: the handler is installed for the
/// dynamic extent of its call and must be uninstalled when it returns (R7RS
/// 6.11; 3.5 does not list it among the tail-calling procedures).
fn with_exception_handler(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let handler = super::args::procedure("with-exception-handler", &values[0])?.clone();
    let thunk = super::args::procedure("with-exception-handler", &values[1])?.clone();
    let index = interp.machine.handlers.len();
    interp.machine.handlers.push(handler.clone());
    let result = interp.apply(&thunk, &[]);
    interp.machine.handlers.truncate(index);
    let error = match result {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    let seen = error.0.handled_depth.is_some_and(|d| d <= index);
    if !error.kind().is_catchable() || seen {
        return Err(error);
    }
    // An error from a builtin unwound to here: the handler sees it now.
    let obj = error_to_value(&error);
    interp.apply(&handler, std::slice::from_ref(&obj))?;
    let mut secondary = handler_returned(&error, index);
    secondary.0.labels = error.0.labels.clone();
    Err(secondary)
}

/// The error when a handler returns from a non-continuable `error`: same
/// kind, place and payload, and marked as seen by the handlers from `index`
/// up.
/// A handler returning from the error that says so keeps that message as it
/// is, so errors passing through many handlers do not grow.
fn handler_returned(error: &Error, index: usize) -> Error {
    const RETURNED: &str = "exception handler returned from a non-continuable";
    let message = if error.message().starts_with(RETURNED) {
        error.message().to_string()
    } else {
        format!("{RETURNED} error: {}", error.message())
    };
    let mut secondary = Error::new(error.kind(), message);
    secondary.0.span = error.0.span;
    secondary.0.payload = error.0.payload.clone();
    secondary.0.handled_depth = Some(index);
    secondary
}

fn condition(value: &Value) -> Option<&Condition> {
    match value {
        Value::Condition(c) => Some(c),
        _ => None,
    }
}

fn is_error_object(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(Value::Bool(condition(&values[0]).is_some()))
}

/// The error object argument of `who`.
fn error_object<'a>(who: &str, value: &'a Value) -> Result<&'a Condition> {
    condition(value).ok_or_else(|| Error::wrong_type(who, "an error object", value))
}

fn error_object_message(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(Value::string(
        &error_object("error-object-message", &values[0])?.message,
    ))
}

fn error_object_irritants(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(error_object("error-object-irritants", &values[0])?
        .irritants
        .clone())
}

fn error_object_kind(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(Value::symbol(
        error_object("error-object-kind", &values[0])?.kind.name(),
    ))
}

fn kind_is(value: &Value, test: impl Fn(ErrorKind) -> bool) -> Value {
    Value::Bool(condition(value).is_some_and(|c| test(c.kind)))
}

fn is_file_error(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(kind_is(&values[0], |k| k == ErrorKind::Io))
}

fn is_read_error(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(kind_is(&values[0], |k| {
        matches!(k, ErrorKind::Read | ErrorKind::Incomplete)
    }))
}

fn is_arena_error(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(kind_is(&values[0], |k| {
        matches!(
            k,
            ErrorKind::Arena
                | ErrorKind::ArenaDestroyed
                | ErrorKind::ArenaReset
                | ErrorKind::ArenaLimit
        )
    }))
}

fn is_arena_destroyed_error(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(kind_is(&values[0], |k| {
        matches!(k, ErrorKind::ArenaDestroyed | ErrorKind::ArenaReset)
    }))
}

fn report_string(_: &mut Interp, values: &[Value]) -> Result<Value> {
    match condition(&values[0]) {
        Some(c) => Ok(Value::string(&c.report)),
        None => Ok(Value::string(&write_string_lossy(&values[0]))),
    }
}

/// `guard` with no matching clause: the object goes on to the next handler
/// out, as by `raise-continuable` when it was raised that way (the handler's
/// value becomes the `guard`'s), else as by `raise`.
fn reraise(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let obj = &values[0];
    let mut error = value_to_error(obj.clone());
    let mut continuable = false;
    if !matches!(obj, Value::Condition(_)) {
        let origin = interp
            .machine
            .recent_raises
            .iter()
            .rev()
            .find(|(o, _, _, _)| o.is_eq(obj));
        if let Some((_, span, trace, was_continuable)) = origin {
            error.0.span = *span;
            error.0.trace = trace.clone();
            continuable = *was_continuable;
        }
    }
    match call_handler(interp, obj) {
        None => {
            error.0.handled_depth = Some(interp.machine.handlers.len().saturating_sub(1));
            error.0.continuable = continuable;
            Err(error)
        }
        Some((_, Err(e))) => Err(e),
        Some((_, Ok(v))) if continuable => Ok(v),
        Some((index, Ok(_))) => Err(handler_returned(&error, index)),
    }
}

fn assert_failed(_: &mut Interp, values: &[Value]) -> Result<Value> {
    let text = match &values[0] {
        Value::Str(s) => s.to_string(),
        other => write_string_lossy(other),
    };
    Err(Error::new(
        ErrorKind::User,
        format!("assertion failed: {text}"),
    ))
}
