//! `eval` and the environments it evaluates in: the interaction
//! environment, and those `environment` builds from import sets.

use std::rc::Rc;

use crate::compile::env::{EnvId, INTERACTION};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::{Record, Value};

use crate::value::Primitive;

#[rustfmt::skip] // one row per builtin, to read as a table
pub const PRIMITIVES: &[Primitive] = &[
    prim!("eval", 1, 2, eval, "(eval expr [environment]): evaluates a datum as code at top level of the environment"),
    prim!("load", 1, 2, load, "(load path [environment]): runs a Scheme file's forms at top level of the environment"),
    prim!("interaction-environment", 0, 0, interaction_environment, "(interaction-environment): the REPL's environment, where everything is defined"),
    prim!("environment", 0, _, environment, "(environment import-set ...): a new environment holding just what the import sets import"),
    prim!("scheme-report-environment", 0, 1, report_environment, "(scheme-report-environment [5]): an environment of the R5RS names"),
    prim!("null-environment", 0, 1, report_environment, "(null-environment [5]): an environment of the R5RS names"),
];

/// The Scheme value standing for environment `env`.
fn environment_value(interp: &Interp, env: EnvId) -> Value {
    Value::Record(Rc::new(Record {
        rtype: interp.environment_type.clone(),
        fields: std::cell::RefCell::new(vec![Value::Int(env as i64)]),
        owner: None,
    }))
}

/// The environment a value stands for, if it is one.
fn environment_of(interp: &Interp, value: &Value) -> Option<EnvId> {
    let Value::Record(record) = value else {
        return None;
    };
    if !Rc::ptr_eq(&record.rtype, &interp.environment_type) {
        return None;
    }
    match record.fields.borrow().first() {
        Some(Value::Int(n)) => usize::try_from(*n)
            .ok()
            .filter(|&n| n < interp.syntax.envs.len()),
        _ => None,
    }
}

/// An optional environment argument: the current environment when absent.
fn environment_argument(interp: &Interp, who: &str, value: Option<&Value>) -> Result<EnvId> {
    match value {
        Some(value) => environment_of(interp, value)
            .ok_or_else(|| Error::wrong_type(who, "an environment", value)),
        None => Ok(interp.syntax.current_env),
    }
}

fn interaction_environment(interp: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(environment_value(interp, INTERACTION))
}

fn environment(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let span = interp.machine.call_span;
    let sets = values
        .iter()
        .map(|v| crate::value::datum::value_to_datum(v, span))
        .collect::<Result<Vec<_>>>()?;
    let written: Vec<String> = values
        .iter()
        .map(crate::printer::write_string_lossy)
        .collect();
    let env = super::environment_from_sets(interp, &sets, written.join(" "), span)?;
    Ok(environment_value(interp, env))
}

fn report_environment(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    if let Some(version) = values.first() {
        if !matches!(version, Value::Int(5)) {
            return Err(Error::wrong_type("scheme-report-environment", "5", version));
        }
    }
    let set = Value::list(vec![Value::symbol("scheme"), Value::symbol("r5rs")]);
    environment(interp, &[set])
}

fn eval(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let env = environment_argument(interp, "eval", values.get(1))?;
    let span = interp.machine.call_span;
    let datum = crate::value::datum::value_to_datum(&values[0], span)?;
    let result = interp.in_environment(env, |interp| interp.eval_datum(&datum));
    crate::native_stack::drop_with_room(datum);
    result
}

fn load(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let path = crate::value::args::string("load", &values[0])?.to_string();
    let env = environment_argument(interp, "load", values.get(1))?;
    interp.in_environment(env, |interp| interp.load_file(std::path::Path::new(&path)))?;
    Ok(Value::Unspecified)
}
