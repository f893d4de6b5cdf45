//! The table entry of a builtin procedure. It sits beside [`Value`] because a
//! value can be a builtin; the builtins themselves live in `crate::builtins`,
//! one table per topic.

use super::Value;
use crate::diagnostics::Result;
use crate::interp::Interp;

/// The Rust signature of every builtin: arguments arrive already evaluated and
/// arity-checked against the table entry.
pub type PrimFn = fn(&mut Interp, &[Value]) -> Result<Value>;

/// A builtin procedure's table entry.
pub struct Primitive {
    /// The global name it is bound to.
    pub name: &'static str,
    pub min_args: usize,
    /// `None` for variadic procedures.
    pub max_args: Option<usize>,
    pub func: PrimFn,
    /// The call this builtin ends with, for the few R7RS requires to be a
    /// tail call; the evaluator makes that call itself.
    pub tail: Option<TailBuiltin>,
    /// One line for `:doc` and the REPL's help.
    pub doc: &'static str,
}

/// Builds a [`Primitive`] table entry: `prim!("car", 1, 1, car, "doc")`; use
/// `prim!("list", 0, _, list, "doc")` for variadic procedures and
/// `prim!(tail Apply, "apply", ...)` for a builtin that ends with a tail call.
#[macro_export]
macro_rules! prim {
    (tail $kind:ident, $name:expr, $min:expr, _, $func:expr, $doc:expr) => {
        $crate::value::Primitive {
            tail: Some($crate::value::TailBuiltin::$kind),
            ..$crate::prim!($name, $min, _, $func, $doc)
        }
    };
    (tail $kind:ident, $name:expr, $min:expr, $max:expr, $func:expr, $doc:expr) => {
        $crate::value::Primitive {
            tail: Some($crate::value::TailBuiltin::$kind),
            ..$crate::prim!($name, $min, $max, $func, $doc)
        }
    };
    ($name:expr, $min:expr, _, $func:expr, $doc:expr) => {
        $crate::value::Primitive {
            name: $name,
            min_args: $min,
            max_args: None,
            func: $func,
            tail: None,
            doc: $doc,
        }
    };
    ($name:expr, $min:expr, $max:expr, $func:expr, $doc:expr) => {
        $crate::value::Primitive {
            name: $name,
            min_args: $min,
            max_args: Some($max),
            func: $func,
            tail: None,
            doc: $doc,
        }
    };
}

/// The builtins that end with a call R7RS 3.5 requires to be a tail call. The
/// evaluator makes that call itself (`eval::tail_builtins`); the builtin's own
/// function is the fallback for a nested call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TailBuiltin {
    /// `apply`: its first argument.
    Apply,
    /// `call-with-values`: the consumer.
    CallWithValues,
    /// `call-with-current-continuation` and `call/cc`: the receiver.
    CallCc,
}
