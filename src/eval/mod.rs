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

use smallvec::SmallVec;

use crate::builtins::Primitive;
use crate::compile::expr::{Call, CaptureSource, Expr, FastOp, PrimOpCall};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::syntax::Span;
use crate::value::{Closure, Promise, PromiseState, SpecialProc, Value, VarBox};

mod frames;
mod tail_builtins;
mod vm;
mod wind;

pub(crate) use vm::walk_procedures;

pub(crate) use frames::FrameStack;
pub(crate) use vm::{Captured, VmGuard};
pub(crate) use wind::Winders;

use tail_builtins::Step;

/// Native stack kept free before growing onto a new segment.
const RED_ZONE: usize = 128 * 1024;
/// Size of each new native stack segment.
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

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
            Expr::Local(slot) => Ok(self.stack[bp + *slot as usize].clone()),
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
                Expr::Local(slot) => self.stack[bp + *slot as usize].clone(),
                Expr::LocalChecked(slot, name, span) => {
                    let v = self.stack[bp + *slot as usize].clone();
                    if matches!(v, Value::Undefined) {
                        return Err(used_before_definition(*name, *span));
                    }
                    v
                }
                Expr::LocalBox(slot, name, span) => {
                    let v = match &self.stack[bp + *slot as usize] {
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
                    self.stack[bp + *slot as usize] = v;
                    Value::Unspecified
                }
                Expr::SetLocalBox(slot, value) => {
                    let v = self.eval(value, bp, closure)?;
                    match &self.stack[bp + *slot as usize] {
                        Value::Boxed(b) => b.set(v),
                        _ => self.stack[bp + *slot as usize] = v,
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
                        self.stack[bp + slot as usize] = if boxed {
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
                        self.stack[bp + *slot as usize] = if *boxed {
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
                            let base = self.stack.len();
                            self.stack.push(key);
                            return self.call_value(f, base, 1, case.span);
                        }
                    }
                }
                Expr::CondArrow(parts, span) => {
                    let test = self.eval(&parts.0, bp, closure)?;
                    if test.is_true() {
                        let f = self.eval(&parts.1, bp, closure)?;
                        let base = self.stack.len();
                        self.stack.push(test);
                        return self.call_value(f, base, 1, *span);
                    }
                    expr = &parts.2;
                    continue;
                }
                Expr::Guard(guard) => {
                    let stack_len = self.stack.len();
                    let handlers_len = self.handlers.len();
                    self.handlers.push(Value::Undefined);
                    let result = self.eval(&guard.body, bp, closure);
                    self.handlers.truncate(handlers_len);
                    match result {
                        Ok(v) => v,
                        Err(e) if e.kind().is_catchable() => {
                            self.stack.truncate(stack_len);
                            let obj = crate::builtins::exceptions::error_to_value(&e);
                            self.remember_raise(&obj, &e);
                            self.stack[bp + guard.slot as usize] = if guard.boxed {
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

    /// A non-tail call of a computed procedure: a closure is entered directly,
    /// without building a tail call first.
    #[inline(never)]
    fn eval_call_value(&mut self, call: &Call, bp: usize, closure: &Rc<Closure>) -> Result<Value> {
        let f = self.eval(&call.function, bp, closure)?;
        let tail = match f {
            Value::Closure(callee) => Tail::Call(
                callee,
                self.push_args(&call.args, bp, closure)?,
                call.args.len(),
                call.span,
            ),
            f => self.eval_call_with(f, call, bp, closure)?,
        };
        self.finish(tail)
    }

    /// Evaluates a call's operator and operands, then calls (or, for a closure,
    /// returns the call to make).
    fn eval_call(&mut self, call: &Call, bp: usize, closure: &Rc<Closure>) -> Result<Tail> {
        let f = self.eval(&call.function, bp, closure)?;
        self.eval_call_with(f, call, bp, closure)
    }

    /// Whether the global of an inline builtin call still holds that builtin.
    #[inline]
    fn primop_applies(&self, op: &PrimOpCall) -> bool {
        match &op.call.function {
            Expr::Global(cell, _) => cell.holds(op.primitive),
            _ => false,
        }
    }

    /// Runs an inline builtin call (the fixnum and plain-pair cases without a
    /// call; anything else through the builtin itself).
    fn eval_primop(&mut self, op: &PrimOpCall, bp: usize, closure: &Rc<Closure>) -> Result<Value> {
        if !self.primop_applies(op) {
            return self.eval_global_value(&op.call, bp, closure);
        }
        let call = &op.call;
        match &*call.args {
            [a] => {
                if let Some(v) = self.unary_on_variable(op.op, a, bp, closure) {
                    return Ok(v);
                }
                let a = self.eval(a, bp, closure)?;
                match unary_op(op.op, &a) {
                    Some(v) => Ok(v),
                    None => {
                        self.call_span = call.span;
                        (op.primitive.func)(self, &[a]).map_err(|e| e.or_at(call.span))
                    }
                }
            }
            [a, b] => {
                // Variables and constants holding fixnums are read in place,
                // without evaluating (and cloning) them.
                if let (Some(x), Some(y)) = (
                    self.fixnum_operand(a, bp, closure),
                    self.fixnum_operand(b, bp, closure),
                ) {
                    if let Some(v) = fixnum_op(op.op, x, y) {
                        return Ok(v);
                    }
                }
                let a = self.eval(a, bp, closure)?;
                let b = self.eval(b, bp, closure)?;
                if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                    if let Some(v) = fixnum_op(op.op, *x, *y) {
                        return Ok(v);
                    }
                }
                if let Some(v) = binary_op(op.op, &a, &b) {
                    return Ok(v);
                }
                if op.op == FastOp::Cons {
                    return Ok(Value::cons(a, b));
                }
                self.call_span = call.span;
                (op.primitive.func)(self, &[a, b]).map_err(|e| e.or_at(call.span))
            }
            _ => self.eval_global_value(call, bp, closure),
        }
    }

    /// The outcome of a test such as `(< i n)` whose operands are variables or
    /// constants holding fixnums, decided without building a boolean value;
    /// `None` for any other test.
    #[inline(always)]
    fn fixnum_comparison(&self, test: &Expr, bp: usize, closure: &Closure) -> Option<bool> {
        let Expr::PrimOp(op) = test else {
            return None;
        };
        let [a, b] = &*op.call.args else {
            return None;
        };
        let x = self.fixnum_operand(a, bp, closure)?;
        let y = self.fixnum_operand(b, bp, closure)?;
        if !self.primop_applies(op) {
            return None;
        }
        match op.op {
            FastOp::Lt => Some(x < y),
            FastOp::Gt => Some(x > y),
            FastOp::Le => Some(x <= y),
            FastOp::Ge => Some(x >= y),
            FastOp::NumEq | FastOp::IsEq => Some(x == y),
            _ => None,
        }
    }

    /// The fixnum in a variable or constant operand, read without
    /// evaluating it; `None` for any other operand.
    #[inline(always)]
    fn fixnum_operand(&self, expr: &Expr, bp: usize, closure: &Closure) -> Option<i64> {
        match expr {
            Expr::Local(slot) => match self.stack.get(bp + *slot as usize) {
                Some(Value::Int(n)) => Some(*n),
                _ => None,
            },
            Expr::Captured(i) => match closure.captured.get(*i as usize) {
                Some(Value::Int(n)) => Some(*n),
                _ => None,
            },
            Expr::Const(Value::Int(n)) => Some(*n),
            _ => None,
        }
    }

    /// A type test, `not`, `car` or `cdr` of a variable, done in place (see
    /// [`unary_op`]); `None` when the operand is not a plain variable.
    #[inline(always)]
    fn unary_on_variable(
        &self,
        op: FastOp,
        expr: &Expr,
        bp: usize,
        closure: &Closure,
    ) -> Option<Value> {
        let v = match expr {
            Expr::Local(slot) => self.stack.get(bp + *slot as usize)?,
            Expr::Captured(i) => closure.captured.get(*i as usize)?,
            _ => return None,
        };
        unary_op(op, v)
    }

    /// A non-tail call whose operator is a global.
    fn eval_global_value(
        &mut self,
        call: &Call,
        bp: usize,
        closure: &Rc<Closure>,
    ) -> Result<Value> {
        if let Expr::Global(cell, _) = &call.function {
            if let Some(callee) = cell.closure() {
                // The common case of a call to a global procedure: straight
                // into the callee, without building a tail call first.
                let base = self.push_args(&call.args, bp, closure)?;
                return self.apply_closure(callee, base, call.args.len(), call.span);
            }
        }
        let tail = self.eval_global_call(call, bp, closure)?;
        self.finish(tail)
    }

    /// A call whose operator is a global: primitives get their arguments in an
    /// array on the native stack; anything else takes the general path.
    fn eval_global_call(&mut self, call: &Call, bp: usize, closure: &Rc<Closure>) -> Result<Tail> {
        let Expr::Global(cell, name_span) = &call.function else {
            return self.eval_call(call, bp, closure);
        };
        let f = cell.get();
        let p = match f {
            Value::Primitive(p) if crate::builtins::control::tail_builtin(p).is_none() => p,
            Value::Undefined => return Err(self.unbound(cell.name, *name_span)),
            _ => return self.eval_call_with(f, call, bp, closure),
        };
        check_primitive_arity(p, call.args.len(), call.span)?;
        let result = match &*call.args {
            [] => (p.func)(self, &[]),
            [a] => {
                let a = self.eval(a, bp, closure)?;
                self.call_span = call.span;
                (p.func)(self, &[a])
            }
            [a, b] => {
                let a = self.eval(a, bp, closure)?;
                let b = self.eval(b, bp, closure)?;
                self.call_span = call.span;
                (p.func)(self, &[a, b])
            }
            [a, b, c] => {
                let a = self.eval(a, bp, closure)?;
                let b = self.eval(b, bp, closure)?;
                let c = self.eval(c, bp, closure)?;
                self.call_span = call.span;
                (p.func)(self, &[a, b, c])
            }
            _ => return self.eval_call_with(f, call, bp, closure),
        };
        match result {
            Ok(v) => Ok(Tail::Value(v)),
            Err(e) => Err(e.or_at(call.span)),
        }
    }

    /// Evaluates a call's operands onto the stack and calls `f`.
    fn eval_call_with(
        &mut self,
        f: Value,
        call: &Call,
        bp: usize,
        closure: &Rc<Closure>,
    ) -> Result<Tail> {
        let base = self.push_args(&call.args, bp, closure)?;
        self.call_value(f, base, call.args.len(), call.span)
    }

    /// Evaluates arguments onto the value stack; returns where they start.
    /// On an error the stack is left as it was.
    fn push_args(&mut self, args: &[Expr], bp: usize, closure: &Rc<Closure>) -> Result<usize> {
        let base = self.stack.len();
        for arg in args {
            match self.eval(arg, bp, closure) {
                Ok(v) => self.stack.push(v),
                Err(e) => {
                    self.stack.truncate(base);
                    return Err(e);
                }
            }
        }
        Ok(base)
    }

    /// Calls `f` with the arguments at `stack[base..base + argc]`: primitives run
    /// now, closures are returned as a tail call.
    pub(crate) fn call_value(
        &mut self,
        mut f: Value,
        base: usize,
        mut argc: usize,
        span: Span,
    ) -> Result<Tail> {
        loop {
            match f {
                Value::Closure(c) => return Ok(Tail::Call(c, base, argc, span)),
                Value::Primitive(p) => {
                    if let Some(builtin) = crate::builtins::control::tail_builtin(p) {
                        // `apply`, `call-with-values` and `call/cc` keep the
                        // call they end with in tail position.
                        match self.tail_builtin_step(builtin, base, argc, span)? {
                            Some(Step::Call(next, n)) => {
                                f = next;
                                argc = n;
                                continue;
                            }
                            Some(Step::Receiver(receiver)) => {
                                return Ok(Tail::Receiver(receiver, base, span));
                            }
                            None => {}
                        }
                    }
                    check_primitive_arity(p, argc, span)?;
                    let args: SmallVec<[Value; 6]> = self.stack.drain(base..).collect();
                    self.call_span = span;
                    return match (p.func)(self, &args) {
                        Ok(v) => Ok(Tail::Value(v)),
                        Err(e) => Err(e.or_at(span)),
                    };
                }
                Value::Special(special) => match &*special {
                    SpecialProc::CaseLambda(clauses) => {
                        let chosen = clauses.iter().find(|c| {
                            argc == c.lambda.required || (c.lambda.rest && argc > c.lambda.required)
                        });
                        match chosen {
                            Some(c) => return Ok(Tail::Call(c.clone(), base, argc, span)),
                            None => {
                                self.stack.truncate(base);
                                return Err(Error::new(
                                        ErrorKind::Arity,
                                        format!("case-lambda procedure: no clause accepts {argc} argument{}", if argc == 1 { "" } else { "s" }),
                                    )
                                    .at(span));
                            }
                        }
                    }
                    _ => {
                        let args: SmallVec<[Value; 6]> = self.stack.drain(base..).collect();
                        self.call_span = span;
                        return self
                            .call_special(&special, &args)
                            .map(Tail::Value)
                            .map_err(|e| e.or_at(span));
                    }
                },
                other => {
                    self.stack.truncate(base);
                    return Err(Error::new(
                        ErrorKind::Type,
                        format!(
                            "attempt to call {}, which is not a procedure",
                            crate::printer::write_string_lossy(&other)
                        ),
                    )
                    .at(span));
                }
            }
        }
    }

    /// Checked on every call: Ctrl-C, and every 65,536 calls the call budget
    /// and the memory bound.
    fn poll(&mut self, span: Span) -> Result<()> {
        if self.interrupted() {
            return Err(Error::new(ErrorKind::Interrupted, "interrupted").at(span));
        }
        self.calls += 1;
        if self.calls & 0xFFFF == 0 {
            return self.check_limits(span);
        }
        Ok(())
    }

    /// A new closure of `lambda`, capturing from the frame at `bp` of the
    /// running `closure`.
    #[inline]
    fn make_closure(
        &self,
        lambda: &Rc<crate::compile::Lambda>,
        bp: usize,
        closure: &Rc<Closure>,
    ) -> Value {
        let captured = lambda
            .captures
            .iter()
            .map(|source| match source {
                CaptureSource::Slot(s) => self.stack[bp + *s as usize].clone(),
                CaptureSource::Captured(i) => closure.captured[*i as usize].clone(),
                CaptureSource::SelfClosure => Value::Closure(closure.clone()),
            })
            .collect();
        Value::Closure(Rc::new(Closure {
            lambda: lambda.clone(),
            captured,
        }))
    }

    /// Evaluates deeply nested code (see [`Expr::Deep`]) on a new native
    /// stack segment when the current one runs low.
    fn eval_deep(
        &mut self,
        expr: &Expr,
        span: Span,
        bp: usize,
        closure: &Rc<Closure>,
    ) -> Result<Tail> {
        self.with_stack_room(span, |this| this.eval_tail(expr, bp, closure))
    }

    /// Runs `f` with [`RED_ZONE`] of native stack, on a new segment if need
    /// be; a memory error instead when the segment would not fit.
    #[inline(always)]
    fn with_stack_room<R>(
        &mut self,
        span: Span,
        f: impl FnOnce(&mut Self) -> Result<R>,
    ) -> Result<R> {
        if crate::native_stack::is_low(RED_ZONE) {
            self.check_stack_segment(span)?;
        }
        stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || f(self))
    }

    /// Before the native stack grows by a segment: a memory error, not a
    /// failed `mmap` inside stacker, when the segment would pass
    /// `--max-memory` or the process's address-space limit (`ulimit -v`).
    #[cold]
    fn check_stack_segment(&self, span: Span) -> Result<()> {
        let over_address_space = !crate::native_stack::segment_fits(STACK_SEGMENT);
        let over_memory = self.max_memory.is_some_and(|limit| {
            crate::process_memory::resident_bytes().unwrap_or(0) + STACK_SEGMENT > limit
        });
        if !over_address_space && !over_memory {
            return Ok(());
        }
        Err(Error::new(
            ErrorKind::Memory,
            format!(
                "no memory left to go deeper: {} nested calls",
                crate::diagnostics::group(self.depth)
            ),
        )
        .at(span)
        .with_help("make the recursion a tail call, or raise the memory bound"))
    }

    /// Fails when the call budget is spent or the process's resident memory
    /// is over the bound.
    #[cold]
    fn check_limits(&self, span: Span) -> Result<()> {
        if let Some(budget) = self.max_calls {
            if self.calls >= budget {
                return Err(Error::new(
                    ErrorKind::CallLimit,
                    format!("call limit reached: more than {budget} procedure calls"),
                )
                .at(span));
            }
        }
        let Some(limit) = self.max_memory else {
            return Ok(());
        };
        match crate::process_memory::resident_bytes() {
            Some(resident) if resident > limit => Err(Error::new(
                ErrorKind::Memory,
                format!(
                    "memory limit exceeded: {} resident, the limit is {}",
                    crate::interp::human_bytes(resident),
                    crate::interp::human_bytes(limit)
                ),
            )
            .at(span)
            .with_help("raise the bound with --max-memory, or keep less data alive")),
            _ => Ok(()),
        }
    }

    /// Keeps where a raised object came from, for a later re-raise.
    fn remember_raise(&mut self, obj: &Value, error: &Error) {
        if error.kind() != ErrorKind::Raise {
            return;
        }
        if self.recent_raises.len() >= 16 {
            self.recent_raises.remove(0);
        }
        self.recent_raises.push((
            obj.clone(),
            error.0.span,
            error.0.trace.clone(),
            error.0.continuable,
        ));
    }

    /// Calls a run-time procedure other than a `case-lambda`.
    fn call_special(&mut self, special: &SpecialProc, args: &[Value]) -> Result<Value> {
        match special {
            SpecialProc::Continuation {
                captured: Some(captured),
                ..
            } => Err(self.reenter(captured, args)),
            SpecialProc::Continuation { id, active, .. } => Err(
                crate::builtins::control::invoke_continuation(*id, active.get(), args),
            ),
            SpecialProc::Parameter { value, .. } => {
                if args.is_empty() {
                    Ok(value.borrow().clone())
                } else {
                    Err(Error::new(
                        ErrorKind::Arity,
                        format!("parameter: expected 0 arguments, got {}", args.len()),
                    )
                    .with_help(
                        "change a parameter's value with (parameterize ((p value)) body ...)",
                    ))
                }
            }
            _ => crate::builtins::records::call_record_procedure(special, args),
        }
    }

    /// Calls a closure in a non-tail position (grows the native stack as needed
    /// and enforces the recursion limit).
    pub(crate) fn apply_closure(
        &mut self,
        closure: Rc<Closure>,
        base: usize,
        argc: usize,
        span: Span,
    ) -> Result<Value> {
        self.call_closure::<false>(closure, base, argc, span)
    }

    /// Calls a `call/cc` receiver in a non-tail position: like
    /// [`Interp::apply_closure`], its frame owning the continuation it gets.
    fn apply_receiver(&mut self, closure: Rc<Closure>, base: usize, span: Span) -> Result<Value> {
        self.call_closure::<true>(closure, base, 1, span)
    }

    #[inline(always)]
    fn call_closure<const RECEIVER: bool>(
        &mut self,
        closure: Rc<Closure>,
        base: usize,
        argc: usize,
        span: Span,
    ) -> Result<Value> {
        // `depth` counts the top-level form's own frame too: `max_depth`
        // nested calls of the program's procedures are allowed.
        if self.depth > self.max_depth {
            self.stack.truncate(base);
            return Err(self.too_deep(span));
        }
        if let Err(e) = self.poll(span) {
            self.stack.truncate(base);
            return Err(e);
        }
        self.depth += 1;
        let result = self.with_stack_room(span, |this| {
            if RECEIVER {
                this.stack.truncate(base);
                this.run_receiver_frame(closure, base, span)
            } else if closure.lambda.code.is_some() {
                this.run_vm(closure, base, argc, span)
            } else {
                this.run_closure::<false>(closure, base, argc, span, None)
            }
        });
        self.depth -= 1;
        self.stack.truncate(base);
        result
    }

    /// Runs a closure whose frame starts at `base`, looping on tail calls.
    /// `OWNER` frames own the escape continuation `k`, which every `call/cc`
    /// receiver they tail-call gets; a frame that is not an owner becomes one
    /// (through [`Interp::run_receiver_frame`]) at its first such call. See
    /// `tail_builtins`.
    fn run_closure<const OWNER: bool>(
        &mut self,
        mut closure: Rc<Closure>,
        base: usize,
        mut argc: usize,
        mut span: Span,
        k: Option<&Value>,
    ) -> Result<Value> {
        loop {
            self.enter_frame(&closure, base, argc, span)?;
            match self.eval_tail(&closure.lambda.body, base, &closure) {
                Ok(Tail::Value(v)) => return Ok(v),
                Ok(Tail::Call(next, next_base, next_argc, next_span)) => {
                    for i in 0..next_argc {
                        self.stack[base + i] = std::mem::take(&mut self.stack[next_base + i]);
                    }
                    self.stack.truncate(base + next_argc);
                    closure = next;
                    argc = next_argc;
                    span = next_span;
                    self.poll(span)?;
                }
                Ok(Tail::Receiver(next, next_base, next_span)) => {
                    // The receiver replaces this frame: the continuation it
                    // gets returns from this frame.
                    debug_assert!(next_base >= base);
                    self.stack.truncate(base);
                    self.poll(next_span)?;
                    if !OWNER {
                        return self.run_receiver_frame(next, base, next_span);
                    }
                    self.stack.push(k.cloned().unwrap_or(Value::Unspecified));
                    closure = next;
                    argc = 1;
                    span = next_span;
                }
                Err(mut e) => {
                    let lambda = &closure.lambda;
                    let unwinding = matches!(e.kind(), ErrorKind::Exit(_) | ErrorKind::Escape);
                    if !lambda.toplevel && !unwinding {
                        let name = || lambda.name.map(|n| n.name().to_string());
                        e.unwind_call(&self.sources, name, span, lambda.span, self.full_backtrace);
                    }
                    return Err(e);
                }
            }
        }
    }

    /// Binds the arguments at `stack[base..base + argc]` to the closure's
    /// parameters and makes room for its locals. Always inlined: it is most of
    /// the work of a call, in the loop of [`Interp::run_closure`].
    #[inline(always)]
    fn enter_frame(
        &mut self,
        closure: &Rc<Closure>,
        base: usize,
        argc: usize,
        span: Span,
    ) -> Result<()> {
        let lambda = &closure.lambda;
        if argc != lambda.required && !(lambda.rest && argc > lambda.required) {
            self.stack.truncate(base);
            return Err(closure_arity_error(closure, argc, span));
        }
        if lambda.rest {
            let extra: Vec<Value> = self.stack.drain(base + lambda.required..).collect();
            self.stack.push(Value::list(extra));
        }
        // Slots for the body's own variables, after the arguments.
        let frame_end = base + lambda.frame_size;
        if self.stack.len() < frame_end {
            self.stack.resize(frame_end, Value::Undefined);
        }
        for &slot in lambda.boxed_params.iter() {
            let index = base + slot as usize;
            let v = std::mem::take(&mut self.stack[index]);
            self.stack[index] = Value::Boxed(Rc::new(VarBox::new(v)));
        }
        Ok(())
    }

    /// Calls any procedure with arguments from Rust (used by builtins such as
    /// `map`).
    pub fn apply(&mut self, procedure: &Value, args: &[Value]) -> Result<Value> {
        let base = self.stack.len();
        self.stack.extend(args.iter().cloned());
        let span = self.call_span;
        let tail = self.call_value(procedure.clone(), base, args.len(), span)?;
        self.finish(tail)
    }

    /// Runs a compiled top-level form.
    pub(crate) fn run_toplevel(&mut self, lambda: Rc<crate::compile::Lambda>) -> Result<Value> {
        let closure = Rc::new(Closure {
            lambda,
            captured: Box::new([]),
        });
        let base = self.stack.len();
        let span = closure.lambda.span;
        let result = self.apply_closure(closure, base, 0, span);
        self.stack.truncate(base);
        result
    }

    fn too_deep(&self, span: Span) -> Error {
        Error::new(
            ErrorKind::RecursionDepth,
            format!(
                "recursion too deep: more than {} nested calls",
                self.max_depth
            ),
        )
        .at(span)
        .with_help("make the recursive call a tail call (e.g. with an accumulator), or raise the limit with --max-depth")
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
        let keywords = crate::compile::expand::KEYWORDS
            .iter()
            .map(|k| std::rc::Rc::from(*k));
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

/// A type test, `not`, or `car` / `cdr` of a heap pair, done inline; `None`
/// sends the call to the builtin (a pair living in an arena, whose liveness
/// the builtin checks, or a non-pair to `car`, which is an error).
#[inline(always)]
fn unary_op(op: FastOp, v: &Value) -> Option<Value> {
    match (op, v) {
        (FastOp::IsNull, v) => Some(Value::Bool(matches!(v, Value::Null))),
        (FastOp::IsPair, v) => Some(Value::Bool(matches!(v, Value::Pair(_)))),
        (FastOp::Not, v) => Some(Value::Bool(matches!(v, Value::Bool(false)))),
        (FastOp::Car, Value::Pair(p)) if p.owner.is_none() => Some(p.car()),
        (FastOp::Cdr, Value::Pair(p)) if p.owner.is_none() => Some(p.cdr()),
        _ => None,
    }
}

/// A two-fixnum arithmetic or comparison done inline; `None` on overflow (the
/// builtin then promotes to a bignum) or for an operation that is not numeric.
#[inline(always)]
fn fixnum_op(op: FastOp, x: i64, y: i64) -> Option<Value> {
    match op {
        FastOp::Add => x.checked_add(y).map(Value::Int),
        FastOp::Sub => x.checked_sub(y).map(Value::Int),
        FastOp::Mul => x.checked_mul(y).map(Value::Int),
        FastOp::Lt => Some(Value::Bool(x < y)),
        FastOp::Gt => Some(Value::Bool(x > y)),
        FastOp::Le => Some(Value::Bool(x <= y)),
        FastOp::Ge => Some(Value::Bool(x >= y)),
        FastOp::NumEq | FastOp::IsEq => Some(Value::Bool(x == y)),
        _ => None,
    }
}

/// `eq?`, `char=?`, and `vector-ref` / `string-ref` of a heap object at an
/// index in range, done inline; `None` sends the call to the builtin (which
/// also reports the errors).
#[inline(always)]
fn binary_op(op: FastOp, a: &Value, b: &Value) -> Option<Value> {
    match (op, a, b) {
        (FastOp::IsEq, a, b) => Some(Value::Bool(a.is_eq(b))),
        (FastOp::CharEq, Value::Char(x), Value::Char(y)) => Some(Value::Bool(x == y)),
        (FastOp::VectorRef, Value::Vector(v), Value::Int(i)) if v.owner.is_none() => {
            let i = usize::try_from(*i).ok()?;
            v.items.borrow().get(i).cloned()
        }
        (FastOp::StringRef, Value::Str(s), Value::Int(i)) if s.owner.is_none() => {
            let i = usize::try_from(*i).ok()?;
            s.chars.borrow().get(i).copied().map(Value::Char)
        }
        _ => None,
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

fn check_primitive_arity(p: &Primitive, argc: usize, span: Span) -> Result<()> {
    let ok = argc >= p.min_args && p.max_args.is_none_or(|max| argc <= max);
    if ok {
        return Ok(());
    }
    let expected = match p.max_args {
        Some(max) if max == p.min_args => plural(max, "argument"),
        Some(max) => format!("{} to {max} arguments", p.min_args),
        None => format!("at least {}", plural(p.min_args, "argument")),
    };
    Err(Error::new(
        ErrorKind::Arity,
        format!("{}: expected {expected}, got {argc}", p.name),
    )
    .at(span))
}

fn closure_arity_error(closure: &Closure, argc: usize, span: Span) -> Error {
    let lambda = &closure.lambda;
    Error::new(
        ErrorKind::Arity,
        format!(
            "{}: expected {}, got {argc}",
            lambda.display_name(),
            lambda.arity_text()
        ),
    )
    .at(span)
    .with_label(lambda.span, "procedure defined here")
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
