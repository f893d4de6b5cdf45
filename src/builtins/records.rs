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
use crate::value::{Record, RecordType, SpecialProc, Value};

/// This topic's builtins.
pub static PRIMITIVES: &[Primitive] = &[
    prim!(
        "%make-record-type",
        2,
        2,
        make_record_type,
        "a record type with a name and field names"
    ),
    prim!(
        "%record-constructor",
        3,
        3,
        record_constructor,
        "a record type's constructor"
    ),
    prim!(
        "%record-predicate",
        2,
        2,
        record_predicate,
        "a record type's predicate"
    ),
    prim!(
        "%record-accessor",
        3,
        3,
        record_accessor,
        "a record field's accessor"
    ),
    prim!(
        "%record-modifier",
        3,
        3,
        record_modifier,
        "a record field's modifier"
    ),
    prim!(
        "record?",
        1,
        1,
        is_record,
        "(record? x): is x a record instance?"
    ),
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

/// Calls a record procedure with `args`.
pub fn call_record_procedure(special: &SpecialProc, values: &[Value]) -> Result<Value> {
    let arity = |name: &Symbol, expected: usize| -> Result<()> {
        if values.len() == expected {
            Ok(())
        } else {
            Err(Error::new(
                crate::diagnostics::ErrorKind::Arity,
                format!(
                    "{name}: expected {expected} argument{}, got {}",
                    if expected == 1 { "" } else { "s" },
                    values.len()
                ),
            ))
        }
    };
    let instance = |name: &Symbol, rtype: &Rc<RecordType>| -> Result<Rc<Record>> {
        match &values[0] {
            Value::Record(r) if Rc::ptr_eq(&r.rtype, rtype) => {
                args::check_live(&values[0])?;
                Ok(r.clone())
            }
            other => Err(Error::wrong_type(
                &name.name(),
                &format!("a {} record", rtype.name),
                other,
            )),
        }
    };
    match special {
        SpecialProc::RecordConstructor {
            rtype,
            name,
            fields,
        } => {
            arity(name, fields.len())?;
            let mut slots = vec![Value::Bool(false); rtype.fields.len()];
            for (&index, value) in fields.iter().zip(values) {
                slots[index] = value.clone();
            }
            Ok(Value::Record(Rc::new(Record {
                rtype: rtype.clone(),
                fields: std::cell::RefCell::new(slots),
                owner: None,
            })))
        }
        SpecialProc::RecordPredicate { rtype, name } => {
            arity(name, 1)?;
            Ok(Value::Bool(
                matches!(&values[0], Value::Record(r) if Rc::ptr_eq(&r.rtype, rtype)),
            ))
        }
        SpecialProc::RecordAccessor { rtype, name, index } => {
            arity(name, 1)?;
            let record = instance(name, rtype)?;
            let value = record.fields.borrow()[*index].clone();
            Ok(value)
        }
        SpecialProc::RecordModifier { rtype, name, index } => {
            arity(name, 2)?;
            let record = instance(name, rtype)?;
            if values[1].is_container() {
                crate::gc::note_mutation(values[0].clone());
            }
            record.fields.borrow_mut()[*index] = values[1].clone();
            Ok(Value::Unspecified)
        }
        _ => Ok(Value::Unspecified),
    }
}
