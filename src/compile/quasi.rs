//! Quasiquote: templates become calls to private list-building primitives, so a
//! program that redefines `cons` or `append` does not change what `` ` `` means.

use crate::compile::core::{Core, CoreKind};
use crate::compile::expand::Expander;
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::syntax::{Datum, DatumKind, Span};
use crate::value::args;
use crate::value::Primitive;
use crate::value::Value;

fn qq_cons(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::cons(args[0].clone(), args[1].clone()))
}

fn qq_append(_: &mut Interp, values: &[Value]) -> Result<Value> {
    let items = args::list("unquote-splicing", &values[0]).map_err(|_| {
        Error::new(
            ErrorKind::Type,
            format!(
                "unquote-splicing: expected a list, got {}",
                crate::printer::write_string_lossy(&values[0])
            ),
        )
    })?;
    Ok(Value::list_with_tail(items, values[1].clone()))
}

fn qq_list_to_vector(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(Value::vector(args::list("quasiquote", &values[0])?))
}

static CONS: Primitive = crate::prim!("cons", 2, 2, qq_cons, "quasiquote's cons");
static APPEND: Primitive = crate::prim!("append", 2, 2, qq_append, "quasiquote's append");
static LIST_TO_VECTOR: Primitive = crate::prim!(
    "list->vector",
    1,
    1,
    qq_list_to_vector,
    "quasiquote's list->vector"
);

/// The private `cons` used by generated code.
pub fn cons_primitive() -> &'static Primitive {
    &CONS
}

/// A call of a primitive known at compile time.
pub fn call_primitive(primitive: &'static Primitive, args: Vec<Core>, span: Span) -> Core {
    let f = Core::new(CoreKind::Const(Value::Primitive(primitive)), span);
    Core::new(CoreKind::Call(Box::new(f), args), span)
}

fn constant(value: Value, span: Span) -> Core {
    Core::new(CoreKind::Const(value), span)
}

fn tagged<'a>(expander: &Expander, datum: &'a Datum, tag: &str) -> Option<&'a Datum> {
    match &datum.kind {
        DatumKind::List(items) if items.len() == 2 && expander.is_identifier(&items[0], tag) => {
            Some(&items[1])
        }
        _ => None,
    }
}

/// Whether the template contains any unquote (at any level).
fn has_unquote(expander: &Expander, datum: &Datum) -> bool {
    if tagged(expander, datum, "unquote").is_some()
        || tagged(expander, datum, "unquote-splicing").is_some()
    {
        return true;
    }
    match &datum.kind {
        DatumKind::List(items) | DatumKind::Vector(items) => {
            items.iter().any(|d| has_unquote(expander, d))
        }
        DatumKind::DottedList(items, tail) => {
            items.iter().any(|d| has_unquote(expander, d)) || has_unquote(expander, tail)
        }
        _ => false,
    }
}

/// Expands the template of a quasiquote at nesting `depth` (1 = outermost).
pub fn expand_quasiquote(expander: &mut Expander, datum: &Datum, depth: usize) -> Result<Core> {
    let span = datum.span;
    if !has_unquote(expander, datum) {
        return Ok(constant(expander.quote_value(datum)?, span));
    }
    if let Some(inner) = tagged(expander, datum, "unquote") {
        if depth == 1 {
            return expander.expand(inner);
        }
        return wrap(
            "unquote",
            expand_quasiquote(expander, inner, depth - 1)?,
            span,
        );
    }
    if let Some(inner) = tagged(expander, datum, "quasiquote") {
        return wrap(
            "quasiquote",
            expand_quasiquote(expander, inner, depth + 1)?,
            span,
        );
    }
    match &datum.kind {
        DatumKind::List(items) => expand_sequence(expander, items, None, depth, span),
        DatumKind::DottedList(items, tail) => {
            expand_sequence(expander, items, Some(tail), depth, span)
        }
        DatumKind::Vector(items) => {
            let list = expand_sequence(expander, items, None, depth, span)?;
            Ok(call_primitive(&LIST_TO_VECTOR, vec![list], span))
        }
        _ => Ok(constant(expander.quote_value(datum)?, span)),
    }
}

/// `(tag <template>)` as a list built at run time.
fn wrap(tag: &str, inner: Core, span: Span) -> Result<Core> {
    let tail = call_primitive(&CONS, vec![inner, constant(Value::Null, span)], span);
    Ok(call_primitive(
        &CONS,
        vec![constant(Value::symbol(tag), span), tail],
        span,
    ))
}

fn expand_sequence(
    expander: &mut Expander,
    items: &[Datum],
    tail: Option<&Datum>,
    depth: usize,
    span: Span,
) -> Result<Core> {
    let mut result = match tail {
        Some(t) => expand_quasiquote(expander, t, depth)?,
        None => constant(Value::Null, span),
    };
    for item in items.iter().rev() {
        if let Some(spliced) = tagged(expander, item, "unquote-splicing") {
            if depth == 1 {
                let list = expander.expand(spliced)?;
                result = call_primitive(&APPEND, vec![list, result], item.span);
                continue;
            }
            let inner = wrap(
                "unquote-splicing",
                expand_quasiquote(expander, spliced, depth - 1)?,
                item.span,
            )?;
            result = call_primitive(&CONS, vec![inner, result], item.span);
            continue;
        }
        let element = expand_quasiquote(expander, item, depth)?;
        result = call_primitive(&CONS, vec![element, result], item.span);
    }
    Ok(result)
}
