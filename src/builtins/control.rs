//! Builtins: procedures, promises, multiple values, errors, exiting, loading,
//! time.

use std::rc::Rc;
use std::sync::OnceLock;
use std::time::Instant;

use super::{args, Primitive};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::prim;
use crate::printer::write_string_lossy;
use crate::value::{Promise, PromiseState, Value};

/// This topic's builtins. `apply` must stay first: the evaluator recognises it
/// by address to keep its call in tail position.
pub static PRIMITIVES: &[Primitive] = &[
    prim!(
        "apply",
        2,
        _,
        apply,
        "(apply f arg ... list): calls f with the args and the list's elements"
    ),
    prim!(
        "procedure?",
        1,
        1,
        is_procedure,
        "(procedure? x): is x a procedure?"
    ),
    prim!(
        "error",
        0,
        _,
        error,
        "(error message irritant ...): raises an error"
    ),
    prim!(
        "exit",
        0,
        1,
        exit,
        "(exit [code]): ends the program with an exit status"
    ),
    prim!(
        "void",
        0,
        _,
        void,
        "(void ...): returns the unspecified value"
    ),
    prim!(
        "force",
        1,
        1,
        force,
        "(force promise): the promise's value, computed once"
    ),
    prim!(
        "make-promise",
        1,
        1,
        make_promise,
        "(make-promise x): a promise already forced to x"
    ),
    prim!(
        "promise?",
        1,
        1,
        is_promise,
        "(promise? x): is x a promise?"
    ),
    prim!(
        "values",
        0,
        _,
        values,
        "(values x ...): returns several values"
    ),
    prim!(
        "call-with-values",
        2,
        2,
        call_with_values,
        "(call-with-values producer consumer): calls consumer with producer's values"
    ),
    prim!(
        "current-time",
        0,
        0,
        current_time,
        "(current-time): seconds (flonum, ns resolution) on a monotonic clock"
    ),
    prim!(
        "load",
        1,
        1,
        load,
        "(load path): runs a Scheme file in the global environment"
    ),
];

/// The `apply` primitive's table entry.
pub fn apply_primitive() -> &'static Primitive {
    &PRIMITIVES[0]
}

fn apply(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let (last, init) = values
        .split_last()
        .ok_or_else(|| Error::new(ErrorKind::Arity, "apply: expected at least 2 arguments"))?;
    let mut call_args: Vec<Value> = init[1..].to_vec();
    call_args.extend(args::list("apply", last)?);
    interp.apply(&init[0], &call_args)
}

fn is_procedure(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(Value::Bool(values[0].is_procedure()))
}

fn error(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let mut message = String::new();
    let mut irritants = values;
    match values.first() {
        Some(Value::Str(s)) => {
            message = s.to_string();
            irritants = &values[1..];
        }
        Some(Value::Symbol(who)) if matches!(values.get(1), Some(Value::Str(_))) => {
            if let Some(Value::Str(s)) = values.get(1) {
                message = format!("{who}: {s}");
            }
            irritants = &values[2..];
        }
        _ => {}
    }
    for irritant in irritants {
        if !message.is_empty() {
            message.push(' ');
        }
        message.push_str(
            &crate::printer::write_string(&interp.arenas, irritant)
                .unwrap_or_else(|_| write_string_lossy(irritant)),
        );
    }
    Err(Error::new(ErrorKind::User, message).with_payload(Value::list(irritants.to_vec())))
}

fn exit(_: &mut Interp, values: &[Value]) -> Result<Value> {
    let code = match values.first() {
        None | Some(Value::Bool(true)) => 0,
        Some(Value::Bool(false)) => 1,
        Some(Value::Int(n)) => (*n).clamp(0, 255) as i32,
        Some(other) => return Err(Error::wrong_type("exit", "an exit code", other)),
    };
    Err(Error::new(ErrorKind::Exit(code), format!("exit {code}")))
}

fn void(_: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::Unspecified)
}

fn force(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let Value::Promise(promise) = &values[0] else {
        // R7RS allows forcing a non-promise: it is its own value.
        return Ok(values[0].clone());
    };
    let mut current = promise.clone();
    loop {
        let step = match &*current.state.borrow() {
            PromiseState::Forced(v) => Err(v.clone()),
            PromiseState::Delayed { thunk, is_stream } => Ok((thunk.clone(), *is_stream)),
        };
        let (thunk, is_stream) = match step {
            Ok(delayed) => delayed,
            Err(value) => {
                set_forced(promise, value.clone());
                return Ok(value);
            }
        };
        let result = interp.apply(&thunk, &[])?;
        let forced_meanwhile = match &*current.state.borrow() {
            PromiseState::Forced(v) => Some(v.clone()),
            PromiseState::Delayed { .. } => None,
        };
        if let Some(value) = forced_meanwhile {
            // Forced re-entrantly while the thunk ran: the first value wins.
            set_forced(promise, value.clone());
            return Ok(value);
        }
        match (is_stream, &result) {
            (true, Value::Promise(next)) => current = next.clone(),
            _ => {
                set_forced(&current, result.clone());
                set_forced(promise, result.clone());
                return Ok(result);
            }
        }
    }
}

fn set_forced(promise: &Rc<Promise>, value: Value) {
    if value.is_container() {
        crate::gc::note_mutation(Value::Promise(promise.clone()));
    }
    *promise.state.borrow_mut() = PromiseState::Forced(value);
}

fn make_promise(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(match &values[0] {
        Value::Promise(_) => values[0].clone(),
        other => Value::Promise(Rc::new(Promise {
            state: std::cell::RefCell::new(PromiseState::Forced(other.clone())),
        })),
    })
}

fn is_promise(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(values[0], Value::Promise(_))))
}

fn values(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(match values {
        [single] => single.clone(),
        _ => Value::Values(Rc::new(values.to_vec())),
    })
}

fn call_with_values(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let produced = interp.apply(&values[0], &[])?;
    match produced {
        Value::Values(many) => interp.apply(&values[1], &many),
        single => interp.apply(&values[1], &[single]),
    }
}

fn current_time(_: &mut Interp, _: &[Value]) -> Result<Value> {
    static START: OnceLock<Instant> = OnceLock::new();
    let start = START.get_or_init(Instant::now);
    Ok(Value::Float(start.elapsed().as_secs_f64() + 1.0))
}

fn load(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let path = args::string("load", &values[0])?.to_string();
    interp.run_file(std::path::Path::new(&path))?;
    Ok(Value::Unspecified)
}
