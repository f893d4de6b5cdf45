//! The evaluator: walks [`Expr`] trees with proper tail calls.
//!
//! Frames live on the interpreter's value stack: a call pushes its arguments, and
//! the callee's frame starts where they start, so a call allocates nothing on the
//! heap unless a variable must be boxed. [`Interp::eval_tail`] evaluates an
//! expression in tail position: instead of calling a closure it returns
//! [`Tail::Call`], and the loop in [`Interp::run_closure`] reuses the current
//! frame for it. That loop is the only place a Scheme call becomes a Rust call
//! that stays on the native stack, so non-tail recursion is bounded there (depth
//! limit, stack growth with `stacker`), and tail calls run in constant space.

use std::rc::Rc;

use crate::compile::expr::Expr;
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::syntax::Span;
use crate::value::{Closure, Promise, PromiseState, Value, VarBox};

mod calls;
pub(crate) mod conditions;
mod frames;
mod limits;
pub(crate) mod list_columns;
mod machine;
mod primops;
mod records;
mod tail_builtins;
mod vm;
mod wind;

pub(crate) use vm::walk_procedures;

pub(crate) use frames::FrameStack;
pub use machine::{Machine, DEFAULT_MAX_DEPTH};
pub(crate) use vm::{Captured, VmGuard};
pub(crate) use wind::Winders;

/// The result of evaluating in tail position.
pub enum Tail {
    Value(Value),
    /// Call this closure with the `argc` arguments at `stack[base..]`.
    Call(Rc<Closure>, usize, usize, Span),
    /// Call this `call/cc` receiver with the continuation of the frame it
    /// runs in, which goes in the placeholder at `stack[base]`.
    Receiver(Rc<Closure>, usize, Span),
}

impl Interp {
    /// Evaluates `expr` in a non-tail position.
    #[inline]
    pub(crate) fn eval(&mut self, expr: &Expr, bp: usize, closure: &Rc<Closure>) -> Result<Value> {
        match expr {
            Expr::Const(v) => Ok(v.clone()),
            Expr::Local(slot) => Ok(self.machine.stack[bp + *slot as usize].clone()),
            Expr::Captured(i) => Ok(closure.captured[*i as usize].clone()),
            Expr::PrimOp(op) => self.eval_primop(op, bp, closure),
            Expr::CallGlobal(call) => self.eval_global_value(call, bp, closure),
            Expr::Call(call) => self.eval_call_value(call, bp, closure),
            Expr::SelfRef => Ok(Value::Closure(closure.clone())),
            _ => {
                let tail = self.eval_tail(expr, bp, closure)?;
                self.finish(tail)
            }
        }
    }

    /// Evaluates `expr` in tail position: calls of closures are returned, not made.
    pub(crate) fn eval_tail(
        &mut self,
        mut expr: &Expr,
        bp: usize,
        closure: &Rc<Closure>,
    ) -> Result<Tail> {
        loop {
            let value = match expr {
                Expr::Const(v) => v.clone(),
                Expr::Local(slot) => self.machine.stack[bp + *slot as usize].clone(),
                Expr::LocalChecked(slot, name, span) => {
                    let v = self.machine.stack[bp + *slot as usize].clone();
                    if matches!(v, Value::Undefined) {
                        return Err(used_before_definition(*name, *span));
                    }
                    v
                }
                Expr::LocalBox(slot, name, span) => {
                    let v = match &self.machine.stack[bp + *slot as usize] {
                        Value::Boxed(b) => b.get(),
                        other => other.clone(),
                    };
                    if matches!(v, Value::Undefined) {
                        return Err(used_before_definition(*name, *span));
                    }
                    v
                }
                Expr::Captured(i) => closure.captured[*i as usize].clone(),
                Expr::CapturedBox(i, name, span) => {
                    let v = match &closure.captured[*i as usize] {
                        Value::Boxed(b) => b.get(),
                        other => other.clone(),
                    };
                    if matches!(v, Value::Undefined) {
                        return Err(used_before_definition(*name, *span));
                    }
                    v
                }
                Expr::SelfRef => Value::Closure(closure.clone()),
                Expr::Global(cell, span) => {
                    let v = cell.get();
                    if matches!(v, Value::Undefined) {
                        return Err(self.unbound(cell.name, *span));
                    }
                    v
                }
                Expr::SetLocal(slot, value) => {
                    let v = self.eval(value, bp, closure)?;
                    self.machine.stack[bp + *slot as usize] = v;
                    Value::Unspecified
                }
                Expr::SetLocalBox(slot, value) => {
                    let v = self.eval(value, bp, closure)?;
                    match &self.machine.stack[bp + *slot as usize] {
                        Value::Boxed(b) => b.set(v),
                        _ => self.machine.stack[bp + *slot as usize] = v,
                    }
                    Value::Unspecified
                }
                Expr::SetCapturedBox(i, value) => {
                    let v = self.eval(value, bp, closure)?;
                    if let Value::Boxed(b) = &closure.captured[*i as usize] {
                        b.set(v);
                    }
                    Value::Unspecified
                }
                Expr::SetGlobal(cell, value, span) => {
                    if !cell.is_bound() {
                        return Err(self
                            .unbound(cell.name, *span)
                            .with_help(format!("define it first: (define {} ...)", cell.name)));
                    }
                    let v = self.eval(value, bp, closure)?;
                    cell.set(v);
                    Value::Unspecified
                }
                Expr::DefineGlobal(cell, value) => {
                    let v = self.eval(value, bp, closure)?;
                    cell.set(v);
                    Value::Unspecified
                }
                Expr::InitSlots(slots) => {
                    for &(slot, boxed) in slots.iter() {
                        self.machine.stack[bp + slot as usize] = if boxed {
                            Value::Boxed(Rc::new(VarBox::new(Value::Undefined)))
                        } else {
                            Value::Undefined
                        };
                    }
                    Value::Unspecified
                }
                Expr::If(parts) => {
                    let test = match self.fixnum_comparison(&parts.0, bp, closure) {
                        Some(holds) => holds,
                        None => self.eval(&parts.0, bp, closure)?.is_true(),
                    };
                    expr = if test { &parts.1 } else { &parts.2 };
                    continue;
                }
                Expr::MakeClosure(lambda) => self.make_closure(lambda, bp, closure),
                Expr::Seq(items) => {
                    let (last, init) = match items.split_last() {
                        Some(parts) => parts,
                        None => return Ok(Tail::Value(Value::Unspecified)),
                    };
                    for item in init {
                        self.eval(item, bp, closure)?;
                    }
                    expr = last;
                    continue;
                }
                Expr::Call(call) => return self.eval_call(call, bp, closure),
                Expr::CallSelf(call) => {
                    let base = self.push_args(&call.args, bp, closure)?;
                    return Ok(Tail::Call(
                        closure.clone(),
                        base,
                        call.args.len(),
                        call.span,
                    ));
                }
                Expr::CallGlobal(call) => return self.eval_global_call(call, bp, closure),
                Expr::PrimOp(op) => {
                    if self.primop_applies(op) {
                        self.eval_primop(op, bp, closure)?
                    } else {
                        return self.eval_global_call(&op.call, bp, closure);
                    }
                }
                Expr::Let(bindings, body) => {
                    for (slot, init, boxed) in bindings.iter() {
                        let v = self.eval(init, bp, closure)?;
                        self.machine.stack[bp + *slot as usize] = if *boxed {
                            Value::Boxed(Rc::new(VarBox::new(v)))
                        } else {
                            v
                        };
                    }
                    expr = body;
                    continue;
                }
                Expr::And(items) | Expr::Or(items) => {
                    // `and` stops at the first false value, `or` at the first
                    // true one; the last item is in tail position.
                    let stop_when = matches!(expr, Expr::Or(_));
                    let Some((last, init)) = items.split_last() else {
                        return Ok(Tail::Value(Value::Bool(!stop_when)));
                    };
                    let mut short = None;
                    for item in init {
                        let v = self.eval(item, bp, closure)?;
                        if v.is_true() == stop_when {
                            short = Some(v);
                            break;
                        }
                    }
                    match short {
                        Some(v) => v,
                        None => {
                            expr = last;
                            continue;
                        }
                    }
                }
                Expr::Case(case) => {
                    let key = self.eval(&case.key, bp, closure)?;
                    let chosen = case
                        .clauses
                        .iter()
                        .find(|(data, _, _)| data.iter().any(|d| d.is_eqv(&key)))
                        .map(|(_, body, arrow)| (body, *arrow))
                        .or(case.otherwise.as_ref().map(|(body, arrow)| (body, *arrow)));
                    match chosen {
                        None => Value::Unspecified,
                        Some((body, false)) => {
                            expr = body;
                            continue;
                        }
                        Some((receiver, true)) => {
                            let f = self.eval(receiver, bp, closure)?;
                            let base = self.machine.stack.len();
                            self.machine.stack.push(key);
                            return self.call_value(f, base, 1, case.span);
                        }
                    }
                }
                Expr::CondArrow(parts, span) => {
                    let test = self.eval(&parts.0, bp, closure)?;
                    if test.is_true() {
                        let f = self.eval(&parts.1, bp, closure)?;
                        let base = self.machine.stack.len();
                        self.machine.stack.push(test);
                        return self.call_value(f, base, 1, *span);
                    }
                    expr = &parts.2;
                    continue;
                }
                Expr::Guard(guard) => {
                    let stack_len = self.machine.stack.len();
                    let handlers_len = self.machine.handlers.len();
                    self.machine.handlers.push(Value::Undefined);
                    let result = self.eval(&guard.body, bp, closure);
                    self.machine.handlers.truncate(handlers_len);
                    match result {
                        Ok(v) => v,
                        Err(e) if e.kind().is_catchable() => {
                            self.machine.stack.truncate(stack_len);
                            let obj = crate::eval::conditions::error_to_value(&e);
                            self.remember_raise(&obj, &e);
                            self.machine.stack[bp + guard.slot as usize] = if guard.boxed {
                                Value::Boxed(Rc::new(VarBox::new(obj)))
                            } else {
                                obj
                            };
                            expr = &guard.handler;
                            continue;
                        }
                        Err(e) => return Err(e),
                    }
                }
                Expr::Deep(inner, span) => return self.eval_deep(inner, *span, bp, closure),
                Expr::Delay(thunk, is_force) => {
                    let thunk = self.eval(thunk, bp, closure)?;
                    Value::Promise(Rc::new(Promise {
                        state: std::cell::RefCell::new(PromiseState::Delayed {
                            thunk,
                            is_stream: *is_force,
                        }),
                    }))
                }
            };
            return Ok(Tail::Value(value));
        }
    }

    /// Keeps where a raised object came from, for a later re-raise.
    fn remember_raise(&mut self, obj: &Value, error: &Error) {
        if error.kind() != ErrorKind::Raise {
            return;
        }
        if self.machine.recent_raises.len() >= 16 {
            self.machine.recent_raises.remove(0);
        }
        self.machine.recent_raises.push((
            obj.clone(),
            error.0.span,
            error.0.trace.clone(),
            error.0.continuable,
        ));
    }

    fn unbound(&self, name: crate::symbol::Symbol, span: Span) -> Error {
        let mut error =
            Error::new(ErrorKind::Unbound, format!("unbound variable `{name}`")).at(span);
        error.0.unbound = Some(name);
        error
    }

    /// The bound global or special form whose name is closest to `name`, if
    /// any is close (`lamda` → `lambda`).
    pub fn suggest_global(&self, name: &str) -> Option<String> {
        let keywords = crate::compile::expand::special_form_names().map(std::rc::Rc::from);
        let candidates = self
            .globals
            .iter()
            .filter(|(_, cell)| cell.is_bound())
            .map(|(sym, _)| sym.name())
            .chain(keywords)
            .filter(|candidate| !candidate.starts_with(' '));
        crate::diagnostics::closest_name(name, candidates)
    }
}

fn used_before_definition(name: crate::symbol::Symbol, span: Span) -> Error {
    Error::new(
        ErrorKind::Unbound,
        format!("variable `{name}` is used before its definition has run"),
    )
    .at(span)
    .with_help("move the definition above its first use")
}
