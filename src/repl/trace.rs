//! `:trace PROC` and `:untrace`: a traced global procedure is rebound to a
//! wrapper (built by `stdlib/repl/trace.scm`) that shows its calls and
//! returns; untracing puts the original back.

use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::symbol::Symbol;
use crate::value::Value;

const TRACER: &str = include_str!("../../stdlib/repl/trace.scm");

/// The procedures being traced and the tracer that wraps them.
#[derive(Default)]
pub struct Tracing {
    /// `make-traced`, built the first time something is traced.
    make_traced: Option<Value>,
    /// Each traced name, the procedure it held, and its wrapper.
    traced: Vec<(String, Value, Value)>,
}

impl Tracing {
    /// Starts tracing the global procedure `name`.
    pub fn trace(&mut self, interp: &mut Interp, name: &str) -> Result<String> {
        if self.traced.iter().any(|(traced, _, _)| traced == name) {
            return Ok(format!("; {name} is already traced"));
        }
        let cell = global(interp, name)?;
        let original = cell.get();
        if !is_procedure(&original) {
            return Err(Error::new(
                ErrorKind::Type,
                format!("trace: {name} is not a procedure"),
            ));
        }
        let make_traced = self.make_traced(interp)?;
        let wrapper = interp.apply(
            &make_traced,
            &[Value::Symbol(Symbol::intern(name)), original.clone()],
        )?;
        cell.set(wrapper.clone());
        self.traced.push((name.to_string(), original, wrapper));
        Ok(format!("; tracing {name}"))
    }

    /// Stops tracing `name` (every traced procedure when `None`). A name the
    /// program has since redefined keeps its new value.
    pub fn untrace(&mut self, interp: &mut Interp, name: Option<&str>) -> Vec<String> {
        let (chosen, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.traced)
            .into_iter()
            .partition(|(traced, _, _)| name.is_none_or(|n| n == traced));
        self.traced = kept;
        if chosen.is_empty() {
            return vec![match name {
                Some(name) => format!("; {name} is not traced"),
                None => "; nothing is traced".to_string(),
            }];
        }
        chosen
            .into_iter()
            .map(|(traced, original, wrapper)| {
                let Ok(cell) = global(interp, &traced) else {
                    return format!("; {traced} is no longer defined");
                };
                if cell.get().is_eqv(&wrapper) {
                    cell.set(original);
                    format!("; {traced} is no longer traced")
                } else {
                    format!("; {traced} was redefined: the new definition is kept")
                }
            })
            .collect()
    }

    fn make_traced(&mut self, interp: &mut Interp) -> Result<Value> {
        if let Some(make_traced) = &self.make_traced {
            return Ok(make_traced.clone());
        }
        let env = crate::library::new_environment(interp, "repl-trace");
        let make_traced =
            interp.in_environment(env, |i| i.eval_str("stdlib/repl/trace.scm", TRACER))?;
        self.make_traced = Some(make_traced.clone());
        Ok(make_traced)
    }
}

/// The REPL environment's cell for `name`, which must be bound.
fn global(interp: &Interp, name: &str) -> Result<std::rc::Rc<crate::value::Global>> {
    interp
        .bound_cell(name)
        .ok_or_else(|| Error::new(ErrorKind::Unbound, format!("trace: {name} is not defined")))
}

fn is_procedure(value: &Value) -> bool {
    matches!(
        value,
        Value::Closure(_) | Value::Primitive(_) | Value::Special(_)
    )
}
