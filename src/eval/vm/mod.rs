//! The frame machine: runs [`Code`](crate::compile::emit::Code) with its control stack as data.
//!
//! A non-tail call saves the caller as a [`VmFrame`](crate::eval::frames::VmFrame) (closure, next
//! instruction, frame base) in `Interp::vm_frames` and continues in the
//! callee; a return pops it. No Rust frame is left per Scheme call, so the
//! depth of recursion costs heap memory only. Closures whose lambda has no
//! code run in the tree evaluator, as a nested call.

mod continuations;
mod inline_builtins;
mod walks;

use std::rc::Rc;

pub(crate) use continuations::Captured;
use inline_builtins::{fixnum_pair, fixnum_sum, operand};
pub(crate) use walks::walk_procedures;
use walks::WalkFlow;

use super::calls::{check_primitive_arity, closure_arity_error};
use super::primops::{binary_op, fixnum_op, unary_op};
use super::used_before_definition;
use super::wind::{same, Winders};
use crate::compile::emit::Op;
use crate::compile::expr::FastOp;
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::syntax::Span;
use crate::value::{Closure, Promise, PromiseState, Value, VarBox};

/// Shortens the value stack to `len`, as `Vec::truncate` does, dropping in
/// place the values that own nothing (fixnums, booleans, characters...)
/// instead of calling the drop glue for each: a frame's slots on return
/// are mostly such.
#[inline(always)]
pub(in crate::eval) fn cut_stack(stack: &mut Vec<Value>, len: usize) {
    while stack.len() > len {
        if let Some(v) = stack.pop() {
            release(v);
        }
    }
}

/// Stores `value` in the accumulator, dropping the old value in place when
/// it owns nothing (see [`cut_stack`]).
#[inline(always)]
fn put(acc: &mut Value, value: Value) {
    release(std::mem::replace(acc, value));
}

/// Drops `v`, in place when it owns nothing: forgetting such a value is
/// dropping it, without the call to the drop glue.
#[inline(always)]
fn release(v: Value) {
    if v.owns_nothing() {
        std::mem::forget(v);
    } else {
        drop(v);
    }
}

/// A call of a closure that the machine makes itself.
struct CallTo {
    callee: Rc<Closure>,
    /// Where its `argc` arguments start on the value stack.
    base: usize,
    argc: usize,
    span: Span,
    /// For a non-tail call: the instruction to resume the caller at, and
    /// the value stack's length once the call returns.
    resume: Option<(u32, u32)>,
}

/// A `guard` body being run: what to restore when it catches an error.
#[derive(Clone)]
pub(crate) struct VmGuard {
    /// Its site in the code of the activation that runs it.
    site: u32,
    /// `vm_frames.len()` while that activation runs.
    frames: u32,
    stack: u32,
    handlers: u32,
    depth: usize,
    /// The `dynamic-wind` extents around the `guard`.
    winders: Winders,
}

/// The extent of one run of the machine.
#[derive(Clone, Copy)]
struct Run {
    id: u64,
    /// Where the run's frames, guards and stack start.
    frames: usize,
    guards: usize,
    stack: usize,
}

/// How the instruction loop leaves an activation.
enum Flow {
    Call(CallTo),
    Return,
}

/// The running activation: the machine's registers.
struct Regs {
    closure: Rc<Closure>,
    bp: usize,
    pc: usize,
    /// The call that entered `closure`.
    span: Span,
}

impl Interp {
    /// Runs `closure`, whose lambda has code, with `argc` arguments at
    /// `stack[base..]`. The caller has counted the call's depth.
    pub(super) fn run_vm(
        &mut self,
        closure: Rc<Closure>,
        base: usize,
        argc: usize,
        span: Span,
    ) -> Result<Value> {
        if closure.lambda.code.is_none() {
            return self.run_closure::<false>(closure, base, argc, span, None);
        }
        let floor = self.machine.vm_frames.len();
        let guard_floor = self.machine.vm_guards.len();
        let winders = self.machine.winders.clone();
        let depth = self.machine.depth;
        self.enter_frame(&closure, base, argc, span)?;
        self.machine.next_continuation += 1;
        let run = Run {
            id: self.machine.next_continuation,
            frames: floor,
            guards: guard_floor,
            stack: base,
        };
        self.machine.vm_runs.push((run.id, run.stack));
        let mut regs = Regs {
            closure,
            bp: base,
            pc: 0,
            span,
        };
        let mut acc = Value::Unspecified;
        let result = loop {
            match self.vm_loop(&mut regs, run, std::mem::take(&mut acc)) {
                Ok(v) => break Ok(v),
                Err(e) if e.kind().is_catchable() && self.machine.vm_guards.len() > guard_floor => {
                    self.vm_catch(e, &mut regs);
                }
                Err(e)
                    if e.kind() == ErrorKind::Escape
                        && self
                            .machine
                            .reentry
                            .as_ref()
                            .is_some_and(|(_, _, to)| *to == run.id) =>
                {
                    if let Some((k, v, _)) = self.machine.reentry.take() {
                        put(&mut acc, v);
                        self.vm_reinstate(&k, run, &mut regs);
                    }
                }
                Err(e) => {
                    self.machine.vm_guards.truncate(guard_floor);
                    let e = self.vm_unwind(e, floor, depth, Some((&regs.closure, regs.span)));
                    // A re-entry has travelled to its extents already.
                    let reentering =
                        e.kind() == ErrorKind::Escape && self.machine.reentry.is_some();
                    if reentering || same(&self.machine.winders, &winders) {
                        break Err(e);
                    }
                    self.machine.stack.truncate(base);
                    break Err(self.wind_out(e, &winders));
                }
            }
        };
        self.machine.vm_runs.pop();
        self.machine.vm_frames.end_run(run.id);
        result
    }

    /// Makes a call the machine runs: saves the caller for a non-tail call,
    /// or reuses its frame for a tail call, and enters the callee. A closure
    /// of the tree evaluator runs as a nested call; `Some(value)` is then
    /// the call's value (for a tail call, the value to return).
    #[inline(always)]
    fn vm_enter(&mut self, regs: &mut Regs, call: CallTo) -> Result<Option<Value>> {
        let CallTo {
            callee,
            base,
            argc,
            span,
            resume,
        } = call;
        if callee.lambda.code.is_none() {
            return self.vm_enter_tree(regs, callee, base, argc, span, resume);
        }
        let lambda = &callee.lambda;
        if argc != lambda.required && !(lambda.rest && argc > lambda.required) {
            self.machine.stack.truncate(base);
            return Err(closure_arity_error(&callee, argc, span));
        }
        match resume {
            Some((pc, top)) => {
                if self.machine.depth > self.machine.max_depth {
                    self.machine.stack.truncate(base);
                    return Err(self.too_deep(span));
                }
                self.machine.depth += 1;
                let caller = std::mem::replace(&mut regs.closure, callee);
                self.machine
                    .vm_frames
                    .push(caller, pc, regs.bp as u32, top, regs.span);
                regs.bp = base;
            }
            None => {
                self.move_frame(regs.bp, base, argc);
                regs.closure = callee;
            }
        }
        regs.span = span;
        regs.pc = 0;
        self.poll(span)?;
        let lambda = &regs.closure.lambda;
        if lambda.rest || !lambda.boxed_params.is_empty() {
            self.enter_frame(&regs.closure, regs.bp, argc, span)?;
        } else {
            // The arity was checked above; only the body's slots are missing.
            let frame_end = regs.bp + lambda.frame_size;
            if self.machine.stack.len() < frame_end {
                self.machine.stack.resize(frame_end, Value::Undefined);
            }
        }
        Ok(None)
    }

    /// [`Interp::vm_enter`] for a closure without code.
    #[inline(never)]
    fn vm_enter_tree(
        &mut self,
        regs: &mut Regs,
        callee: Rc<Closure>,
        base: usize,
        argc: usize,
        span: Span,
        resume: Option<(u32, u32)>,
    ) -> Result<Option<Value>> {
        match resume {
            Some((pc, top)) => {
                let result = self.call_closure::<false>(callee, base, argc, span);
                self.machine.stack.truncate(top as usize);
                regs.pc = pc as usize;
                result.map(Some)
            }
            None => {
                self.move_frame(regs.bp, base, argc);
                self.poll(span)?;
                let result = self.run_closure::<false>(callee, regs.bp, argc, span, None);
                self.machine.stack.truncate(regs.bp);
                result.map(Some)
            }
        }
    }

    /// Returns `v` from the running activation to the saved caller; false
    /// when there is none in this run (the value leaves the machine).
    #[inline(always)]
    fn vm_return(&mut self, regs: &mut Regs, floor: usize) -> bool {
        cut_stack(&mut self.machine.stack, regs.bp);
        if self.machine.vm_frames.len() == floor {
            return false;
        }
        let Some(frame) = self.machine.vm_frames.pop() else {
            return false;
        };
        cut_stack(&mut self.machine.stack, frame.top as usize);
        self.machine.depth -= 1;
        regs.closure = frame.closure;
        regs.pc = frame.pc as usize;
        regs.bp = frame.bp as usize;
        regs.span = frame.span;
        true
    }

    /// Moves a tail call's `argc` arguments at `stack[from..]` down to the
    /// frame base `bp`, dropping the rest of the frame.
    #[inline(always)]
    fn move_frame(&mut self, bp: usize, from: usize, argc: usize) {
        if from != bp {
            for i in 0..argc {
                self.machine.stack[bp + i] = std::mem::take(&mut self.machine.stack[from + i]);
            }
        }
        self.machine.stack.truncate(bp + argc);
    }

    /// The instruction loop: runs until the activation at `floor` returns.
    #[inline(never)]
    fn vm_loop(&mut self, regs: &mut Regs, run: Run, mut acc: Value) -> Result<Value> {
        let floor = run.frames;
        'activation: loop {
            let Some(code) = regs.closure.lambda.code.as_deref() else {
                return Err(Error::new(ErrorKind::Type, "internal: no code to run"));
            };
            let bp = regs.bp;
            let mut pc = regs.pc;
            let flow = 'ops: loop {
                let op = code.ops[pc].get();
                pc += 1;
                match op {
                    Op::Const(k) => put(&mut acc, code.consts[k as usize].clone()),
                    Op::Local(slot) => {
                        put(&mut acc, self.machine.stack[bp + slot as usize].clone())
                    }
                    Op::LocalChecked(slot, n) => {
                        put(&mut acc, self.machine.stack[bp + slot as usize].clone());
                        if matches!(acc, Value::Undefined) {
                            let (name, span) = code.names[n as usize];
                            return Err(used_before_definition(name, span));
                        }
                    }
                    Op::LocalBox(slot, n) => {
                        acc = match &self.machine.stack[bp + slot as usize] {
                            Value::Boxed(b) => b.get(),
                            other => other.clone(),
                        };
                        if matches!(acc, Value::Undefined) {
                            let (name, span) = code.names[n as usize];
                            return Err(used_before_definition(name, span));
                        }
                    }
                    Op::Captured(i) => put(&mut acc, regs.closure.captured[i as usize].clone()),
                    Op::CapturedBox(i, n) => {
                        acc = match &regs.closure.captured[i as usize] {
                            Value::Boxed(b) => b.get(),
                            other => other.clone(),
                        };
                        if matches!(acc, Value::Undefined) {
                            let (name, span) = code.names[n as usize];
                            return Err(used_before_definition(name, span));
                        }
                    }
                    Op::SelfRef => put(&mut acc, Value::Closure(regs.closure.clone())),
                    Op::Global(g) => {
                        let (cell, span) = &code.globals[g as usize];
                        put(&mut acc, cell.get());
                        if matches!(acc, Value::Undefined) {
                            return Err(self.unbound(cell.name, *span));
                        }
                    }
                    Op::CheckGlobal(g) => {
                        let (cell, span) = &code.globals[g as usize];
                        if !cell.is_bound() {
                            return Err(self.unbound(cell.name, *span));
                        }
                        code.ops[pc - 1].set(Op::Checked);
                    }
                    Op::Checked => {}
                    Op::CheckAssignable(g) => {
                        let (cell, span) = &code.globals[g as usize];
                        if !cell.is_bound() {
                            return Err(self.unbound(cell.name, *span).with_help(format!(
                                "define it first: (define {} ...)",
                                cell.name
                            )));
                        }
                    }
                    Op::Push => self.machine.stack.push(std::mem::take(&mut acc)),
                    Op::Unspecified => put(&mut acc, Value::Unspecified),
                    Op::SetLocal(slot) => {
                        self.machine.stack[bp + slot as usize] =
                            std::mem::replace(&mut acc, Value::Unspecified);
                    }
                    Op::SetLocalBox(slot) => {
                        let v = std::mem::replace(&mut acc, Value::Unspecified);
                        match &self.machine.stack[bp + slot as usize] {
                            Value::Boxed(b) => b.set(v),
                            _ => self.machine.stack[bp + slot as usize] = v,
                        }
                    }
                    Op::SetCapturedBox(i) => {
                        let v = std::mem::replace(&mut acc, Value::Unspecified);
                        if let Value::Boxed(b) = &regs.closure.captured[i as usize] {
                            b.set(v);
                        }
                    }
                    Op::SetGlobal(g) | Op::DefineGlobal(g) => {
                        code.globals[g as usize]
                            .0
                            .set(std::mem::replace(&mut acc, Value::Unspecified));
                    }
                    Op::Bind(slot, boxed) => {
                        let v = std::mem::take(&mut acc);
                        self.machine.stack[bp + slot as usize] = if boxed {
                            Value::Boxed(Rc::new(VarBox::new(v)))
                        } else {
                            v
                        };
                    }
                    Op::InitSlots(i) => {
                        for &(slot, boxed) in code.slot_inits[i as usize].iter() {
                            self.machine.stack[bp + slot as usize] = if boxed {
                                Value::Boxed(Rc::new(VarBox::new(Value::Undefined)))
                            } else {
                                Value::Undefined
                            };
                        }
                        put(&mut acc, Value::Unspecified);
                    }
                    Op::JumpIfFalse(t) => {
                        if !acc.is_true() {
                            pc = t as usize;
                        }
                    }
                    Op::JumpIfFalseKeep(t) => {
                        if !acc.is_true() {
                            pc = t as usize;
                        }
                    }
                    Op::JumpIfTrueKeep(t) => {
                        if acc.is_true() {
                            pc = t as usize;
                        }
                    }
                    Op::Jump(t) => pc = t as usize,
                    Op::MakeClosure(l) => {
                        put(&mut acc, self.vm_make_closure(code, l, bp, &regs.closure))
                    }
                    Op::JumpUnless1(site, x, target) => {
                        let p = &code.primops[site as usize];
                        let v = operand(&self.machine.stack, code, &regs.closure.captured, bp, x);
                        let holds = if p.cell.holds(p.primitive) {
                            match p.op {
                                FastOp::IsNull => matches!(v, Value::Null),
                                FastOp::IsPair => matches!(v, Value::Pair(_)),
                                _ => matches!(v, Value::Bool(false)),
                            }
                        } else {
                            self.prim1_slow(code, site, v.clone())?.is_true()
                        };
                        if !holds {
                            pc = target as usize;
                        }
                    }
                    Op::Prim1Operand(site, x) => {
                        put(
                            &mut acc,
                            self.prim1_operand(code, &regs.closure.captured, bp, site, x)?,
                        );
                    }
                    Op::PushPrim1Operand(site, x) => {
                        let v = self.prim1_operand(code, &regs.closure.captured, bp, site, x)?;
                        self.machine.stack.push(v);
                    }
                    Op::Prim1(site) => {
                        let p = &code.primops[site as usize];
                        let cell = &p.cell;
                        if cell.holds(p.primitive) {
                            if let Some(v) = unary_op(p.op, &acc) {
                                put(&mut acc, v);
                                continue;
                            }
                            self.machine.call_span = p.span;
                            let a = std::mem::take(&mut acc);
                            put(
                                &mut acc,
                                (p.primitive.func)(self, &[a]).map_err(|e| e.or_at(p.span))?,
                            );
                            continue;
                        }
                        let base = self.machine.stack.len();
                        self.machine.stack.push(std::mem::take(&mut acc));
                        match self.vm_call_value(cell.get(), base, 1, p.span, Some((pc, base)))? {
                            Ok(v) => put(&mut acc, v),
                            Err(next) => break 'ops Flow::Call(next),
                        }
                    }
                    Op::Prim2(site) => {
                        let p = &code.primops[site as usize];
                        let cell = &p.cell;
                        if cell.holds(p.primitive) {
                            let a = self.machine.stack.pop().unwrap_or_default();
                            if let (Value::Int(x), Value::Int(y)) = (&a, &acc) {
                                if let Some(v) = fixnum_op(p.op, *x, *y) {
                                    put(&mut acc, v);
                                    continue;
                                }
                            }
                            if let Some(v) = binary_op(p.op, &a, &acc) {
                                put(&mut acc, v);
                                continue;
                            }
                            let b = std::mem::take(&mut acc);
                            if p.op == FastOp::Cons {
                                put(&mut acc, Value::cons(a, b));
                                continue;
                            }
                            self.machine.call_span = p.span;
                            put(
                                &mut acc,
                                (p.primitive.func)(self, &[a, b]).map_err(|e| e.or_at(p.span))?,
                            );
                            continue;
                        }
                        let base = self.machine.stack.len() - 1;
                        self.machine.stack.push(std::mem::take(&mut acc));
                        match self.vm_call_value(cell.get(), base, 2, p.span, Some((pc, base)))? {
                            Ok(v) => put(&mut acc, v),
                            Err(next) => break 'ops Flow::Call(next),
                        }
                    }
                    Op::Call(site) | Op::TailCall(site) => {
                        let s = &code.calls[site as usize];
                        let argc = s.argc as usize;
                        let base = self.machine.stack.len() - argc;
                        let f = std::mem::take(&mut self.machine.stack[base - 1]);
                        let tail = matches!(op, Op::TailCall(_));
                        if let Value::Closure(callee) = f {
                            break 'ops Flow::Call(CallTo {
                                callee,
                                base,
                                argc,
                                span: s.span,
                                resume: (!tail).then_some((pc as u32, (base - 1) as u32)),
                            });
                        }
                        // The operator's slot stays below the operands until the
                        // call is done.
                        match self.vm_call_value(
                            f,
                            base,
                            argc,
                            s.span,
                            (!tail).then_some((pc, base - 1)),
                        )? {
                            Ok(v) => {
                                self.machine.stack.truncate(base - 1);
                                put(&mut acc, v);
                                if tail {
                                    break 'ops Flow::Return;
                                }
                            }
                            Err(next) => break 'ops Flow::Call(next),
                        }
                    }
                    Op::CallGlobal(site) | Op::TailCallGlobal(site) => {
                        let s = &code.calls[site as usize];
                        let argc = s.argc as usize;
                        let base = self.machine.stack.len() - argc;
                        let (cell, name_span) = &code.globals[s.global as usize];
                        let tail = matches!(op, Op::TailCallGlobal(_));
                        let f = cell.get();
                        match f {
                            Value::Closure(callee) => {
                                break 'ops Flow::Call(CallTo {
                                    callee,
                                    base,
                                    argc,
                                    span: s.span,
                                    resume: (!tail).then_some((pc as u32, base as u32)),
                                });
                            }
                            Value::Primitive(p)
                                if argc == 1
                                    && p.tail == Some(crate::value::TailBuiltin::CallCc)
                                    && matches!(self.machine.stack[base], Value::Closure(_)) =>
                            {
                                // A tail call/cc with a caller saved continues
                                // in that caller; otherwise in this activation.
                                let (k, resume) =
                                    if tail && self.machine.vm_frames.len() > run.frames {
                                        (self.vm_capture_return(run), None)
                                    } else {
                                        let k = self.vm_capture(regs, run, pc, base);
                                        (k, Some((pc as u32, base as u32)))
                                    };
                                let Value::Closure(callee) =
                                    std::mem::replace(&mut self.machine.stack[base], k)
                                else {
                                    continue;
                                };
                                break 'ops Flow::Call(CallTo {
                                    callee,
                                    base,
                                    argc: 1,
                                    span: s.span,
                                    resume,
                                });
                            }
                            Value::Primitive(p) if p.tail.is_none() => {
                                check_primitive_arity(p, argc, s.span)?;
                                self.machine.call_span = s.span;
                                put(
                                    &mut acc,
                                    self.call_primitive(p, base).map_err(|e| e.or_at(s.span))?,
                                );
                            }
                            Value::Undefined => {
                                self.machine.stack.truncate(base);
                                return Err(self.unbound(cell.name, *name_span));
                            }
                            f => match self.vm_call_value(
                                f,
                                base,
                                argc,
                                s.span,
                                (!tail).then_some((pc, base)),
                            )? {
                                Ok(v) => put(&mut acc, v),
                                Err(next) => break 'ops Flow::Call(next),
                            },
                        }
                        if tail {
                            break 'ops Flow::Return;
                        }
                    }
                    Op::TailCallSelf(site) if !regs.closure.lambda.rest => {
                        // A loop: the arguments become this frame's parameters.
                        let s = &code.calls[site as usize];
                        let argc = s.argc as usize;
                        let base = self.machine.stack.len() - argc;
                        for i in 0..argc {
                            self.machine.stack[bp + i] =
                                std::mem::take(&mut self.machine.stack[base + i]);
                        }
                        self.poll(s.span)?;
                        let lambda = &regs.closure.lambda;
                        if argc == lambda.required && lambda.boxed_params.is_empty() {
                            // The frame keeps its size: the body's own slots
                            // are bound again before they are read.
                            self.machine.stack.truncate(base);
                        } else {
                            self.machine.stack.truncate(bp + argc);
                            self.enter_frame(&regs.closure, bp, argc, s.span)?;
                        }
                        pc = 0;
                    }
                    Op::CallSelf(site) | Op::TailCallSelf(site) => {
                        let s = &code.calls[site as usize];
                        let argc = s.argc as usize;
                        let base = self.machine.stack.len() - argc;
                        let tail = matches!(op, Op::TailCallSelf(_));
                        break 'ops Flow::Call(CallTo {
                            callee: regs.closure.clone(),
                            base,
                            argc,
                            span: s.span,
                            resume: (!tail).then_some((pc as u32, base as u32)),
                        });
                    }
                    Op::Return => break 'ops Flow::Return,
                    Op::CallAcc(site) | Op::TailCallAcc(site) => {
                        let s = &code.calls[site as usize];
                        let argc = s.argc as usize;
                        let base = self.machine.stack.len() - argc;
                        let tail = matches!(op, Op::TailCallAcc(_));
                        let resume = (!tail).then_some((pc, base));
                        match std::mem::take(&mut acc) {
                            Value::Closure(callee) => {
                                break 'ops Flow::Call(CallTo {
                                    callee,
                                    base,
                                    argc,
                                    span: s.span,
                                    resume: resume.map(|(pc, top)| (pc as u32, top as u32)),
                                });
                            }
                            f => match self.vm_call_value(f, base, argc, s.span, resume)? {
                                Ok(v) => put(&mut acc, v),
                                Err(next) => break 'ops Flow::Call(next),
                            },
                        }
                        if tail {
                            break 'ops Flow::Return;
                        }
                    }
                    Op::CaseDispatch(t) => {
                        let table = &code.case_tables[t as usize];
                        let data = &code.case_data[t as usize];
                        pc = data
                            .iter()
                            .position(|clause| clause.iter().any(|d| d.is_eqv(&acc)))
                            .map_or(table.otherwise, |i| table.clauses[i])
                            as usize;
                    }
                    Op::MakePromise(is_stream) => {
                        acc = Value::Promise(Rc::new(Promise {
                            state: std::cell::RefCell::new(PromiseState::Delayed {
                                thunk: std::mem::take(&mut acc),
                                is_stream,
                            }),
                        }));
                    }
                    Op::GuardStart(g) => {
                        self.machine.vm_guards.push(VmGuard {
                            site: g,
                            frames: self.machine.vm_frames.len() as u32,
                            stack: self.machine.stack.len() as u32,
                            handlers: self.machine.handlers.len() as u32,
                            depth: self.machine.depth,
                            winders: self.machine.winders.clone(),
                        });
                        self.machine.handlers.push(Value::Undefined);
                    }
                    Op::GuardEnd => {
                        if let Some(g) = self.machine.vm_guards.pop() {
                            self.machine.handlers.truncate(g.handlers as usize);
                        }
                    }
                    Op::WalkStart(kind) | Op::WalkStep(kind) => {
                        let start = matches!(op, Op::WalkStart(_));
                        let value = std::mem::take(&mut acc);
                        match self.walk(kind, start, bp, regs.span, value)? {
                            WalkFlow::Done(v) => {
                                put(&mut acc, v);
                                break 'ops Flow::Return;
                            }
                            WalkFlow::Call(call) => break 'ops Flow::Call(call),
                        }
                    }
                    Op::PushOperand(x) => {
                        let v = operand(&self.machine.stack, code, &regs.closure.captured, bp, x)
                            .clone();
                        self.machine.stack.push(v);
                    }
                    Op::Prim2Operands(site, x, y) => {
                        let captured = &regs.closure.captured;
                        let fast = fixnum_pair(&self.machine.stack, code, captured, bp, site, x, y)
                            .and_then(|(op, a, b)| fixnum_op(op, a, b));
                        acc = match fast {
                            Some(v) => v,
                            None => self.prim2_operands(code, captured, bp, site, x, y)?,
                        };
                    }
                    Op::PushPrim2Operands(site, x, y) => {
                        let captured = &regs.closure.captured;
                        let fast = fixnum_pair(&self.machine.stack, code, captured, bp, site, x, y)
                            .and_then(|(op, a, b)| fixnum_sum(op, a, b));
                        if let Some(n) = fast {
                            self.machine.stack.push(Value::Int(n));
                        } else {
                            self.push_prim2_operands(code, captured, bp, site, x, y)?;
                        }
                    }
                    Op::JumpUnless2(site, x, y, target) | Op::JumpIf2(site, x, y, target) => {
                        let p = &code.primops[site as usize];
                        let holds = match (
                            operand(&self.machine.stack, code, &regs.closure.captured, bp, x),
                            operand(&self.machine.stack, code, &regs.closure.captured, bp, y),
                        ) {
                            (Value::Int(a), Value::Int(b)) if p.cell.holds(p.primitive) => {
                                match p.op {
                                    FastOp::Lt => a < b,
                                    FastOp::Gt => a > b,
                                    FastOp::Le => a <= b,
                                    FastOp::Ge => a >= b,
                                    _ => a == b,
                                }
                            }
                            _ => self
                                .prim2_operands(code, &regs.closure.captured, bp, site, x, y)?
                                .is_true(),
                        };
                        if holds == matches!(op, Op::JumpIf2(..)) {
                            pc = target as usize;
                        }
                    }
                }
            };
            match flow {
                Flow::Return => {
                    if !self.vm_return(regs, floor) {
                        return Ok(acc);
                    }
                }
                Flow::Call(call) => {
                    let tail = call.resume.is_none();
                    regs.pc = pc;
                    if let Some(v) = self.vm_enter(regs, call)? {
                        put(&mut acc, v);
                        if tail && !self.vm_return(regs, floor) {
                            return Ok(acc);
                        }
                    }
                }
            }
            continue 'activation;
        }
    }
}
