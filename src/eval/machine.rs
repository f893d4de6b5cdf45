//! The evaluator's state: the value stack and the frame machine's stacks, the
//! exception handlers, and the limits every call is checked against.

use std::rc::Rc;

use super::{Captured, FrameStack, VmGuard, Winders};
use crate::value::Value;

/// Where a caught `raise` came from: the object, its span and trace, and
/// whether it was raised continuably.
pub(crate) type RaiseOrigin = (
    Value,
    Option<crate::syntax::Span>,
    crate::diagnostics::Trace,
    bool,
);

/// The default limit on nested non-tail calls.
pub const DEFAULT_MAX_DEPTH: usize = 1_000_000;

/// What the evaluator keeps between calls. `Interp` holds one; the evaluator,
/// continuations and builtins that call back reach it there.
pub struct Machine {
    /// Frame slots of every active procedure call.
    pub(crate) stack: Vec<Value>,
    /// Callers waiting in the frame machine (`eval::vm`).
    pub(crate) vm_frames: FrameStack,
    /// `guard` bodies running in the frame machine.
    pub(crate) vm_guards: Vec<VmGuard>,
    /// The `dynamic-wind` extents whose thunks are running (`eval::wind`).
    pub(crate) winders: Winders,
    /// Frame-machine runs in progress, innermost last: id and stack base.
    pub(crate) vm_runs: Vec<(u64, usize)>,
    /// The continuation being re-entered and the values it gets, while its
    /// escape unwinds to the run that made it.
    pub(crate) reentry: Option<(Rc<Captured>, Value, u64)>,
    /// Current depth of non-tail calls.
    pub(crate) depth: usize,
    /// Keep every call of an error's backtrace (`--full-backtrace`), not
    /// only the innermost and outermost.
    pub full_backtrace: bool,
    /// The non-tail call depth at which evaluation stops with a
    /// "recursion too deep" error.
    pub max_depth: usize,
    /// The span of the primitive call being run, so procedures a builtin calls
    /// back (e.g. `map`'s function) report errors at a useful place.
    pub(crate) call_span: crate::syntax::Span,
    /// The dynamic stack of exception handlers (`with-exception-handler`);
    /// `Value::Undefined` marks a `guard`, which catches by unwinding.
    pub(crate) handlers: Vec<Value>,
    /// Where recently caught `raise`d objects were raised, so that a `guard`
    /// re-raising one (no clause matched) reports the original place.
    pub(crate) recent_raises: Vec<RaiseOrigin>,
    /// Source of unique ids for escape continuations.
    pub(crate) next_continuation: u64,
    /// The resident-memory bound (`--max-memory`), checked every 65,536 calls:
    /// a runaway allocation becomes an error instead of the system's
    /// out-of-memory kill.
    pub max_memory: Option<usize>,
    /// The most procedure calls one interpreter may make, checked every
    /// 65,536 calls: a bound on running time for untrusted or generated
    /// programs (the fuzzer uses it), which a `guard` cannot catch.
    pub max_calls: Option<u64>,
    /// Bytes requested by builtins since resident memory was last compared
    /// with `max_memory` (see [`crate::Interp::check_allocation`]).
    pub(crate) unchecked_bytes: std::cell::Cell<usize>,
    /// Calls made since the interpreter was created.
    pub(crate) calls: u64,
    /// Set from another thread (Ctrl-C) to stop the running evaluation.
    pub interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Default for Machine {
    fn default() -> Machine {
        Machine {
            stack: Vec::with_capacity(1024),
            vm_frames: FrameStack::default(),
            vm_guards: Vec::new(),
            winders: None,
            vm_runs: Vec::new(),
            reentry: None,
            depth: 0,
            full_backtrace: false,
            max_depth: DEFAULT_MAX_DEPTH,
            call_span: crate::syntax::Span::default(),
            handlers: Vec::new(),
            recent_raises: Vec::new(),
            next_continuation: 0,
            max_memory: None,
            max_calls: None,
            unchecked_bytes: std::cell::Cell::new(0),
            calls: 0,
            interrupt: std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
        }
    }
}
