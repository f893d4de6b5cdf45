//! Calling the procedures `define-record-type` makes: constructors,
//! predicates, accessors and modifiers.

use std::rc::Rc;

use crate::diagnostics::{Error, Result};
use crate::symbol::Symbol;
use crate::value::args;
use crate::value::{Record, RecordType, SpecialProc, Value};

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
