//! Builtins whose last act is a call that R7RS 3.5 requires to be a tail call:
//! the first argument of `apply`, the consumer of `call-with-values` and the
//! receiver of `call/cc` / `call-with-current-continuation`.
//!
//! [`Interp::call_value`] recognises these builtins and, instead of running
//! them as Rust functions (which would make their call nested, growing the
//! native stack and the depth counter), rewrites the call on the value stack
//! into the call they end with. Their Rust functions in `builtins::control`
//! stay as the non-tail fallback for the cases handled there.
//!
//! Builtins that are deliberately *not* tail-calling, because they have work
//! left after their procedure returns:
//! - `dynamic-wind` (Scheme, `stdlib/control.scm`) must run `after` once
//!   `thunk` returns, so `thunk` is not in tail position (R7RS does not ask
//!   for it).
//! - `with-exception-handler` must uninstall the handler when `thunk` returns;
//!   R7RS 6.11 only says the handler is installed "for the dynamic extent" of
//!   the call, and 3.5 does not list it among the tail-calling procedures.
//! - `parameterize` (R7RS 4.2.6) restores the parameters after its body; 3.5
//!   does not list its body as a tail context.
//! - `force` must store the value its thunk computes (promises are memoised),
//!   so the thunk is not a tail call; chains of `delay-force` still run in
//!   constant space because `force` iterates over them (R7RS 4.2.5).
//!
//! `call/cc` makes escape-only continuations, which work by unwinding the Rust
//! stack (an `Escape` error) to the frame that waits for the receiver's value.
//! When the receiver is tail-called there is no `call/cc` Rust frame left, so
//! that frame is the closure frame the receiver now runs in (the loop in
//! `run_closure`): the frame owns the continuation, catches its escape and
//! deactivates it when it returns. Every continuation captured by a tail
//! `call/cc` in one frame denotes the same thing — "return from this frame" —
//! so a frame makes one continuation object and hands it to every receiver it
//! tail-calls: a loop of a million tail `call/cc`s keeps one live continuation,
//! not a million.

use std::cell::Cell;
use std::rc::Rc;

use super::Tail;
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::syntax::Span;
use crate::value::TailBuiltin;
use crate::value::{Closure, SpecialProc, Value};

/// What a tail-calling builtin turns into.
pub(super) enum Step {
    /// Call this procedure with the `argc` arguments now at `stack[base..]`.
    Call(Value, usize),
    /// Call this closure with the current frame's continuation as its only
    /// argument; a placeholder holds its slot at `stack[base]`.
    Receiver(Rc<Closure>),
}

/// The escape continuation owned by a closure frame that tail-called a
/// `call/cc` receiver.
struct FrameEscape {
    continuation: Rc<SpecialProc>,
    id: u64,
    /// How many exception handlers were installed when it was made: an escape
    /// to it uninstalls the ones installed since.
    handlers: usize,
}

impl Interp {
    /// Rewrites a call of a tail-calling builtin at `stack[base..base + argc]`
    /// into the call it ends with; `None` leaves the call to the builtin's
    /// Rust function (wrong argument count, or a `call/cc` receiver that is
    /// not a closure, which runs as a nested call).
    pub(super) fn tail_builtin_step(
        &mut self,
        builtin: TailBuiltin,
        base: usize,
        argc: usize,
        span: Span,
    ) -> Result<Option<Step>> {
        match builtin {
            TailBuiltin::Apply => {
                let (f, n) = self.spread_apply_args(base, argc, span)?;
                Ok(Some(Step::Call(f, n)))
            }
            TailBuiltin::CallWithValues if argc == 2 => {
                let consumer = self.machine.stack.pop().unwrap_or(Value::Unspecified);
                let producer = self.machine.stack.pop().unwrap_or(Value::Unspecified);
                self.machine.call_span = span;
                // The producer's call is not a tail call: its values are
                // needed here.
                let produced = self.apply(&producer, &[])?;
                self.machine.stack.truncate(base);
                let n = match produced {
                    Value::Values(many) => {
                        self.machine.stack.extend(many.iter().cloned());
                        many.len()
                    }
                    single => {
                        self.machine.stack.push(single);
                        1
                    }
                };
                Ok(Some(Step::Call(consumer, n)))
            }
            TailBuiltin::CallCc if argc == 1 => match &self.machine.stack[base] {
                Value::Closure(receiver) => {
                    let receiver = receiver.clone();
                    self.machine.stack[base] = Value::Unspecified;
                    Ok(Some(Step::Receiver(receiver)))
                }
                _ => Ok(None),
            },
            TailBuiltin::CallWithValues | TailBuiltin::CallCc => Ok(None),
        }
    }

    /// Rewrites `(apply f a ... list)` on the stack into `(f a ... . list)`.
    fn spread_apply_args(
        &mut self,
        base: usize,
        argc: usize,
        span: Span,
    ) -> Result<(Value, usize)> {
        if argc < 2 {
            self.machine.stack.truncate(base);
            return Err(Error::new(
                ErrorKind::Arity,
                format!("apply: expected at least 2 arguments, got {argc}"),
            )
            .at(span));
        }
        let list = self.machine.stack.pop().unwrap_or(Value::Null);
        let items = match crate::value::args::list("apply", &list) {
            Ok(items) => items,
            Err(e) => {
                self.machine.stack.truncate(base);
                return Err(e.at(span));
            }
        };
        let f = self.machine.stack.remove(base);
        let n = argc - 2 + items.len();
        self.machine.stack.extend(items);
        Ok((f, n))
    }

    /// Finishes a call begun in a non-tail position.
    #[inline(always)]
    pub(super) fn finish(&mut self, tail: Tail) -> Result<Value> {
        match tail {
            Tail::Value(v) => Ok(v),
            Tail::Call(callee, base, argc, span) => self.apply_closure(callee, base, argc, span),
            Tail::Receiver(receiver, base, span) => self.apply_receiver(receiver, base, span),
        }
    }

    /// Runs a `call/cc` receiver in the frame at `base` (the stack holds
    /// nothing of it yet), that frame owning the receiver's continuation from
    /// now until it returns; its later tail-called receivers get the same
    /// continuation. The one extra Rust call is made once per frame, so a loop
    /// of tail `call/cc`s runs in constant native stack.
    #[inline(never)]
    pub(super) fn run_receiver_frame(
        &mut self,
        receiver: Rc<Closure>,
        base: usize,
        span: Span,
    ) -> Result<Value> {
        self.machine.next_continuation += 1;
        let id = self.machine.next_continuation;
        let escape = FrameEscape {
            continuation: Rc::new(SpecialProc::Continuation {
                captured: None,
                id,
                active: Cell::new(true),
            }),
            id,
            handlers: self.machine.handlers.len(),
        };
        let k = Value::Special(escape.continuation.clone());
        self.machine.stack.truncate(base);
        self.machine.stack.push(k.clone());
        let result = self.run_closure::<true>(receiver, base, 1, span, Some(&k));
        self.settle_escape(escape, result)
    }

    /// Ends a frame that owns a continuation: the continuation stops being
    /// usable, and an escape to it becomes the frame's value.
    fn settle_escape(&mut self, escape: FrameEscape, result: Result<Value>) -> Result<Value> {
        if let SpecialProc::Continuation { active, .. } = &*escape.continuation {
            active.set(false);
        }
        match result {
            Err(e) if e.kind() == ErrorKind::Escape && e.0.escape_id == escape.id => {
                self.machine.handlers.truncate(escape.handlers);
                Ok(e.0.payload.clone().unwrap_or(Value::Unspecified))
            }
            other => other,
        }
    }
}
