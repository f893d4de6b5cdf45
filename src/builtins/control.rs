//! Builtins: procedures, promises, multiple values, errors, exiting, loading,
//! time.

use std::rc::Rc;
use std::sync::OnceLock;
use std::time::Instant;

use smallvec::SmallVec;

use super::{args, Primitive};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::prim;
use crate::printer::write_string_lossy;
use crate::value::{Promise, PromiseState, SpecialProc, Value};

/// This topic's builtins. The tail-calling ones (see [`TailBuiltin`]) must stay
/// first, in that enum's order: the evaluator recognises them by address to
/// keep the call they end with in tail position.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!(tail Apply, "apply", 2, _, apply, "(apply f arg ... list): calls f with the args and the list's elements"),
    prim!(tail CallWithValues, "call-with-values", 2, 2, call_with_values, "(call-with-values producer consumer): calls consumer with producer's values"),
    prim!(tail CallCc, "call-with-current-continuation", 1, 1, call_cc, "(call/cc f): calls f with an escape continuation (usable while call/cc has not returned)"),
    prim!(tail CallCc, "call/cc", 1, 1, call_cc, "(call/cc f): calls f with an escape continuation (usable while call/cc has not returned)"),
    prim!("procedure?", 1, 1, is_procedure, "(procedure? x): is x a procedure?"),
    prim!("error", 0, _, error, "(error message irritant ...): raises an error"),
    prim!("exit", 0, 1, exit, "(exit [code]): ends the program with an exit status"),
    prim!("void", 0, _, void, "(void ...): returns the unspecified value"),
    prim!("force", 1, 1, force, "(force promise): the promise's value, computed once"),
    prim!("make-promise", 1, 1, make_promise, "(make-promise x): a promise already forced to x"),
    prim!("promise?", 1, 1, is_promise, "(promise? x): is x a promise?"),
    prim!("values", 0, _, values, "(values x ...): returns several values"),
    prim!("current-time", 0, 0, current_time, "(current-time): seconds (flonum, ns resolution) on a monotonic clock"),
    prim!("%wind-check", 3, 3, wind_check, "(%wind-check before thunk after): dynamic-wind's argument check"),
    prim!("%wind-enter", 2, 2, wind_enter, "(%wind-enter before after): enters a dynamic-wind extent"),
    prim!("%wind-leave", 0, 0, wind_leave, "(%wind-leave): leaves the innermost dynamic-wind extent"),
    prim!("make-parameter", 1, 2, make_parameter, "(make-parameter value [converter]): a parameter object for parameterize"),
    prim!("%parameter-convert", 2, 2, parameter_convert, "(%parameter-convert params values): the values as parameterize binds them"),
    prim!("%parameter-swap!", 2, 2, parameter_swap, "(%parameter-swap! params values): binds the parameters, returning their old values"),
    prim!("%case-lambda", 1, _, case_lambda, "a procedure dispatching on argument count"),
    prim!("command-line", 0, 0, command_line, "(command-line): the script's path and arguments, as a list of strings"),
    prim!("get-environment-variable", 1, 1, get_environment_variable, "(get-environment-variable name): the variable's value, or #f"),
    prim!("get-environment-variables", 0, 0, get_environment_variables, "(get-environment-variables): every environment variable, as an alist"),
    prim!("current-second", 0, 0, current_second, "(current-second): seconds since the Unix epoch, as a flonum"),
    prim!("current-jiffy", 0, 0, current_jiffy, "(current-jiffy): nanoseconds on a monotonic clock, as an exact integer"),
    prim!("jiffies-per-second", 0, 0, jiffies_per_second, "(jiffies-per-second): 1000000000"),
    prim!("features", 0, 0, features, "(features): the implementation's feature identifiers"),
    prim!("emergency-exit", 0, 1, exit, "(emergency-exit [code]): ends the program at once"),
];

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
    // A message string from a dead arena is an error of its own, not "".
    for part in values.iter().take(2) {
        if matches!(part, Value::Str(_)) {
            args::check_live(part)?;
        }
    }
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
    let bare = message.clone();
    for irritant in irritants {
        if !message.is_empty() {
            message.push(' ');
        }
        message.push_str(
            &crate::printer::write_string(&interp.arenas.registry, irritant)
                .unwrap_or_else(|_| write_string_lossy(irritant)),
        );
    }
    let mut error =
        Error::new(ErrorKind::User, message).with_payload(Value::list(irritants.to_vec()));
    error.0.bare_message = Some(bare);
    Err(error)
}

/// Ends the program. The status follows Guile: no argument or `#t` is 0,
/// `#f` is 1, an exact integer is taken modulo 256 (so `-1` is 255, as the
/// shell shows it), and any other object is 1 (a failure, as R7RS asks for
/// an object that does not mean success).
fn exit(_: &mut Interp, values: &[Value]) -> Result<Value> {
    let code = match values.first() {
        None | Some(Value::Bool(true)) => 0,
        Some(Value::Int(n)) => n.rem_euclid(256) as i32,
        Some(Value::Big(n)) => {
            use num_integer::Integer;
            n.mod_floor(&num_bigint::BigInt::from(256))
                .try_into()
                .unwrap_or(1)
        }
        Some(_) => 1,
    };
    Err(Error::new(ErrorKind::Exit(code), format!("exit {code}")))
}

fn void(_: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::Unspecified)
}

/// The thunk is not called in tail position, since its value is stored in the
/// promise; `delay-force` chains are iterated here, so they run in constant
/// space (R7RS 4.2.5).
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

/// The nested-call fallback: the evaluator normally makes the consumer's call
/// itself, as a tail call (`eval::tail_builtins`).
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

/// The nested-call fallback, for receivers that are not closures: the
/// evaluator tail-calls closure receivers itself (`eval::tail_builtins`).
fn call_cc(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let f = args::procedure("call/cc", &values[0])?.clone();
    interp.machine.next_continuation += 1;
    let id = interp.machine.next_continuation;
    let k = Rc::new(SpecialProc::Continuation {
        captured: None,
        id,
        active: std::cell::Cell::new(true),
    });
    let handlers = interp.machine.handlers.len();
    let result = interp.apply(&f, &[Value::Special(k.clone())]);
    if let SpecialProc::Continuation { active, .. } = &*k {
        active.set(false);
    }
    match result {
        Err(e) if e.kind() == ErrorKind::Escape && e.0.escape_id == id => {
            interp.machine.handlers.truncate(handlers);
            Ok(e.0.payload.clone().unwrap_or(Value::Unspecified))
        }
        other => other,
    }
}

/// `dynamic-wind` itself is Scheme (`stdlib/control.scm`), so its thunk runs
/// on the machine and a continuation captured inside can re-enter it; these
/// keep the extents (`eval::wind`).
fn wind_check(_: &mut Interp, values: &[Value]) -> Result<Value> {
    for v in values {
        args::procedure("dynamic-wind", v)?;
    }
    Ok(Value::Unspecified)
}

fn wind_enter(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    interp.wind_enter(values[0].clone(), values[1].clone());
    Ok(Value::Unspecified)
}

fn wind_leave(interp: &mut Interp, _: &[Value]) -> Result<Value> {
    interp.wind_leave();
    Ok(Value::Unspecified)
}

fn make_parameter(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let converter = match values.get(1) {
        Some(c) => Some(args::procedure("make-parameter", c)?.clone()),
        None => None,
    };
    let value = match &converter {
        Some(c) => interp.apply(c, &values[..1])?,
        None => values[0].clone(),
    };
    Ok(Value::Special(Rc::new(SpecialProc::Parameter {
        value: std::cell::RefCell::new(value),
        converter,
    })))
}

/// Which standard port a `current-...-port` builtin stands for, if any: they
/// act as parameters in `parameterize`.
fn port_parameter(value: &Value) -> Option<&'static str> {
    match value {
        Value::Primitive(p)
            if matches!(
                p.name,
                "current-output-port" | "current-input-port" | "current-error-port"
            ) =>
        {
            Some(p.name)
        }
        _ => None,
    }
}

/// Swaps the standard port `name` with `port`, returning the old one.
fn swap_port(interp: &mut Interp, name: &str, port: Value) -> Result<Value> {
    let Value::Port(new) = port else {
        return Err(Error::wrong_type("parameterize", "a port", &port));
    };
    let slot = match name {
        "current-output-port" => &mut interp.io.current_output,
        "current-input-port" => &mut interp.io.current_input,
        _ => &mut interp.io.current_error,
    };
    Ok(Value::Port(std::mem::replace(slot, new)))
}

/// Sets a parameter (a parameter object or a standard-port builtin) to
/// `value`, returning its previous value.
fn swap_parameter(interp: &mut Interp, parameter: &Value, value: Value) -> Result<Value> {
    if let Some(name) = port_parameter(parameter) {
        return swap_port(interp, name, value);
    }
    match parameter {
        Value::Special(special) => match &**special {
            SpecialProc::Parameter { value: cell, .. } => {
                if value.is_container() {
                    crate::gc::note_mutation(Value::Special(special.clone()));
                }
                Ok(cell.replace(value))
            }
            _ => Err(Error::wrong_type(
                "parameterize",
                "a parameter object",
                parameter,
            )),
        },
        _ => Err(Error::wrong_type(
            "parameterize",
            "a parameter object",
            parameter,
        )),
    }
}

/// The pairs of parameters and values that `parameterize` passes, in
/// order. Both lists come from its expansion, so they are proper and of one
/// length; walking them in place costs no vector per call.
fn bindings(params: &Value, values: &Value) -> impl Iterator<Item = (Value, Value)> {
    let mut cursor = (params.clone(), values.clone());
    std::iter::from_fn(move || {
        let (Value::Pair(p), Value::Pair(v)) = &cursor else {
            return None;
        };
        let item = (p.car(), v.car());
        cursor = (p.cdr(), v.cdr());
        Some(item)
    })
}

/// A list of `items`, in order.
fn list_of(items: SmallVec<[Value; 4]>) -> Value {
    items
        .into_iter()
        .rev()
        .fold(Value::Null, |list, item| Value::cons(item, list))
}

/// `(%parameter-convert params values)`: each value passed through its
/// parameter's converter, all before any parameter changes, so a failing
/// converter changes nothing (`parameterize`, in `stdlib/control.scm`).
fn parameter_convert(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let mut converted = SmallVec::new();
    for (p, v) in bindings(&values[0], &values[1]) {
        let value = match &p {
            Value::Special(special) => match &**special {
                SpecialProc::Parameter {
                    converter: Some(c), ..
                } => interp.apply(c, std::slice::from_ref(&v))?,
                SpecialProc::Parameter { .. } => v,
                _ => return Err(Error::wrong_type("parameterize", "a parameter object", &p)),
            },
            other if port_parameter(other).is_some() => v,
            other => {
                return Err(Error::wrong_type(
                    "parameterize",
                    "a parameter object",
                    other,
                ))
            }
        };
        converted.push(value);
    }
    Ok(list_of(converted))
}

/// `(%parameter-swap! params values)`: binds each parameter to its value
/// and returns the values they had, all or none (a port parameter given
/// something other than a port puts the earlier ones back).
fn parameter_swap(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let mut swapped: SmallVec<[Value; 4]> = SmallVec::new();
    let mut saved = SmallVec::new();
    for (p, v) in bindings(&values[0], &values[1]) {
        match swap_parameter(interp, &p, v) {
            Ok(old) => {
                swapped.push(p);
                saved.push(old);
            }
            Err(e) => {
                for (p, old) in swapped.iter().zip(saved).rev() {
                    swap_parameter(interp, p, old)?;
                }
                return Err(e);
            }
        }
    }
    Ok(list_of(saved))
}

fn case_lambda(_: &mut Interp, values: &[Value]) -> Result<Value> {
    let clauses = values
        .iter()
        .map(|v| match v {
            Value::Closure(c) => Ok(c.clone()),
            other => Err(Error::wrong_type("case-lambda", "a lambda", other)),
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Value::Special(Rc::new(SpecialProc::CaseLambda(clauses))))
}

fn command_line(interp: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::list(
        interp
            .command_line
            .iter()
            .map(|a| Value::string(a))
            .collect(),
    ))
}

fn get_environment_variable(_: &mut Interp, values: &[Value]) -> Result<Value> {
    let name = args::string("get-environment-variable", &values[0])?.to_string();
    Ok(match std::env::var(&name) {
        Ok(v) => Value::string(&v),
        Err(_) => Value::Bool(false),
    })
}

fn get_environment_variables(_: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::list(
        std::env::vars()
            .map(|(k, v)| Value::cons(Value::string(&k), Value::string(&v)))
            .collect(),
    ))
}

fn current_second(_: &mut Interp, _: &[Value]) -> Result<Value> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(Value::Float(now))
}

fn current_jiffy(_: &mut Interp, _: &[Value]) -> Result<Value> {
    static START: OnceLock<Instant> = OnceLock::new();
    let start = START.get_or_init(Instant::now);
    Ok(Value::Int(
        i64::try_from(start.elapsed().as_nanos()).unwrap_or(i64::MAX),
    ))
}

fn jiffies_per_second(_: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::Int(1_000_000_000))
}

fn features(_: &mut Interp, _: &[Value]) -> Result<Value> {
    Ok(Value::list(
        crate::compile::expand::FEATURES
            .iter()
            .map(|f| Value::symbol(f))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use crate::value::TailBuiltin;

    #[test]
    fn tail_builtins_are_marked_in_their_entries() {
        let kind = |name: &str| crate::builtins::builtin(name).and_then(|p| p.tail);
        assert_eq!(kind("apply"), Some(TailBuiltin::Apply));
        assert_eq!(kind("call-with-values"), Some(TailBuiltin::CallWithValues));
        assert_eq!(kind("call/cc"), Some(TailBuiltin::CallCc));
        assert_eq!(
            kind("call-with-current-continuation"),
            Some(TailBuiltin::CallCc)
        );
        assert_eq!(kind("%wind-enter"), None);
        assert_eq!(kind("procedure?"), None);
        assert_eq!(kind("car"), None);
    }
}
