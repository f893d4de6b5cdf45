//! Builtins: records (`define-record-type`, R7RS 5.5).
//!
//! `define-record-type` expands into calls of the private procedures here,
//! which make a record type and its constructor, predicate, accessors and
//! modifiers as run-time procedures ([`SpecialProc`]).

use std::rc::Rc;

use super::{args, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::prim;
use crate::symbol::Symbol;
use crate::value::{RecordType, SpecialProc, Value};

/// This topic's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("%make-record-type", 2, 2, make_record_type, "a record type with a name and field names"),
    prim!("%record-constructor", 3, 3, record_constructor, "a record type's constructor"),
    prim!("%record-predicate", 2, 2, record_predicate, "a record type's predicate"),
    prim!("%record-accessor", 3, 3, record_accessor, "a record field's accessor"),
    prim!("%record-modifier", 3, 3, record_modifier, "a record field's modifier"),
    prim!("record?", 1, 1, is_record, "(record? x): is x a record instance?"),
];

fn record_type<'a>(who: &str, value: &'a Value) -> Result<&'a Rc<RecordType>> {
    match value {
        Value::RecordType(t) => Ok(t),
        other => Err(Error::wrong_type(who, "a record type", other)),
    }
}

fn field_index(rtype: &RecordType, who: &str, field: &Value) -> Result<usize> {
    let name = args::symbol(who, field)?;
    rtype.fields.iter().position(|f| *f == name).ok_or_else(|| {
        Error::new(
            crate::diagnostics::ErrorKind::Syntax,
            format!(
                "{who}: `{name}` is not a field of record type {}",
                rtype.name
            ),
        )
    })
}

fn make_record_type(_: &mut Interp, values: &[Value]) -> Result<Value> {
    let name = args::symbol("define-record-type", &values[0])?;
    let fields = args::list("define-record-type", &values[1])?
        .iter()
        .map(|f| args::symbol("define-record-type", f))
        .collect::<Result<Vec<Symbol>>>()?;
    let text = name.name();
    let bare = text
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(&text);
    Ok(Value::RecordType(Rc::new(RecordType {
        name: Symbol::intern(bare),
        fields,
    })))
}

fn record_constructor(_: &mut Interp, values: &[Value]) -> Result<Value> {
    let rtype = record_type("define-record-type", &values[0])?.clone();
    let name = args::symbol("define-record-type", &values[1])?;
    let fields = args::list("define-record-type", &values[2])?
        .iter()
        .map(|f| field_index(&rtype, "define-record-type", f))
        .collect::<Result<Vec<usize>>>()?;
    Ok(Value::Special(Rc::new(SpecialProc::RecordConstructor {
        rtype,
        name,
        fields,
    })))
}

fn record_predicate(_: &mut Interp, values: &[Value]) -> Result<Value> {
    let rtype = record_type("define-record-type", &values[0])?.clone();
    let name = args::symbol("define-record-type", &values[1])?;
    Ok(Value::Special(Rc::new(SpecialProc::RecordPredicate {
        rtype,
        name,
    })))
}

fn record_accessor(_: &mut Interp, values: &[Value]) -> Result<Value> {
    let rtype = record_type("define-record-type", &values[0])?.clone();
    let name = args::symbol("define-record-type", &values[1])?;
    let index = field_index(&rtype, "define-record-type", &values[2])?;
    Ok(Value::Special(Rc::new(SpecialProc::RecordAccessor {
        rtype,
        name,
        index,
    })))
}

fn record_modifier(_: &mut Interp, values: &[Value]) -> Result<Value> {
    let rtype = record_type("define-record-type", &values[0])?.clone();
    let name = args::symbol("define-record-type", &values[1])?;
    let index = field_index(&rtype, "define-record-type", &values[2])?;
    Ok(Value::Special(Rc::new(SpecialProc::RecordModifier {
        rtype,
        name,
        index,
    })))
}

fn is_record(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(values[0], Value::Record(_))))
}
