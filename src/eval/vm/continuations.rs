//! The machine's continuations and its unwinding: `call/cc` captures a
//! run's stacks, calling the continuation puts them back (re-entry), and
//! `guard` catches an error by unwinding to the activation that runs it.

use std::rc::Rc;

use super::{Regs, Run, VmGuard};
use crate::diagnostics::{Error, ErrorKind, SourceMap};
use crate::eval::frames::SegmentRef;
use crate::eval::wind::{same, Winders};
use crate::interp::Interp;
use crate::syntax::Span;
use crate::value::{Closure, Value, VarBox};

/// A continuation the machine captured: everything its run had on its
/// stacks at the `call/cc`, and where to resume. Indices are absolute: the
/// run's part of each stack starts at the same place while the run lasts.
pub(crate) struct Captured {
    run: u64,
    /// Whether that run was a top-level form's own (not a builtin's
    /// callback): only such a run can be resumed from a later form.
    outermost: bool,
    /// Where that run's stack started.
    base: usize,
    /// The run's frames, and its value stack from its base up to the
    /// resumed activation's frame.
    chain: Option<SegmentRef>,
    /// The resumed activation's slots and temporaries, up to the resume
    /// point.
    top: Vec<Value>,
    guards: Vec<VmGuard>,
    handlers: Vec<Value>,
    winders: Winders,
    depth: usize,
    closure: Rc<Closure>,
    bp: usize,
    pc: usize,
    span: Span,
}

impl Interp {
    /// Captures the continuation of a `call/cc` whose receiver gets its
    /// value at `stack[top]`, resuming at `pc` of the running activation.
    #[cold]
    pub(super) fn vm_capture(&mut self, regs: &Regs, run: Run, pc: usize, top: usize) -> Value {
        let frames = (run.frames, self.machine.vm_frames.len());
        let chain = (self.machine.vm_frames).capture(
            run.id,
            frames,
            &self.machine.stack,
            (run.stack, regs.bp),
        );
        let captured = Captured {
            run: run.id,
            outermost: self
                .machine
                .vm_runs
                .first()
                .is_some_and(|(id, _)| *id == run.id),
            base: run.stack,
            chain,
            top: self.machine.stack[regs.bp..top].to_vec(),
            guards: self.machine.vm_guards[run.guards..].to_vec(),
            handlers: self.machine.handlers.clone(),
            winders: self.machine.winders.clone(),
            depth: self.machine.depth,
            closure: regs.closure.clone(),
            bp: regs.bp,
            pc,
            span: regs.span,
        };
        self.continuation_value(captured)
    }

    /// Captures the continuation of a `call/cc` in tail position: returning
    /// from the running activation to its caller, the last saved frame.
    #[cold]
    pub(super) fn vm_capture_return(&mut self, run: Run) -> Value {
        let caller = self.machine.vm_frames.len() - 1;
        let Some(frame) = self.machine.vm_frames.last() else {
            return Value::Unspecified;
        };
        let (bp, top) = (frame.bp as usize, frame.top as usize);
        let frames = (run.frames, caller);
        let chain =
            (self.machine.vm_frames).capture(run.id, frames, &self.machine.stack, (run.stack, bp));
        let captured = Captured {
            run: run.id,
            outermost: self
                .machine
                .vm_runs
                .first()
                .is_some_and(|(id, _)| *id == run.id),
            base: run.stack,
            chain,
            top: self.machine.stack[bp..top].to_vec(),
            guards: self.machine.vm_guards[run.guards..].to_vec(),
            handlers: self.machine.handlers.clone(),
            winders: self.machine.winders.clone(),
            depth: self.machine.depth - 1,
            closure: frame.closure,
            bp,
            pc: frame.pc as usize,
            span: frame.span,
        };
        self.continuation_value(captured)
    }

    pub(super) fn continuation_value(&mut self, captured: Captured) -> Value {
        self.machine.next_continuation += 1;
        Value::Special(Rc::new(crate::value::SpecialProc::Continuation {
            id: self.machine.next_continuation,
            active: std::cell::Cell::new(true),
            captured: Some(Rc::new(captured)),
        }))
    }

    /// Puts back what continuation `k` captured: this run's frames, guards
    /// and stack (what the live stacks already share with it stays), and
    /// its registers.
    #[cold]
    pub(super) fn vm_reinstate(&mut self, k: &Captured, run: Run, regs: &mut Regs) {
        self.machine.vm_frames.reinstate(
            run.id,
            k.chain.as_ref(),
            k.run == run.id,
            &mut self.machine.stack,
            run.frames,
            run.stack,
        );
        self.machine.stack.extend(k.top.iter().cloned());
        self.machine.vm_guards.truncate(run.guards);
        self.machine.vm_guards.extend(k.guards.iter().cloned());
        self.machine.handlers.clone_from(&k.handlers);
        self.machine.winders.clone_from(&k.winders);
        self.machine.depth = k.depth;
        regs.closure = k.closure.clone();
        regs.bp = k.bp;
        regs.pc = k.pc;
        regs.span = k.span;
    }

    /// Calling a captured continuation: an escape to the run that made it,
    /// which puts its stacks back (see [`Interp::run_vm`]).
    pub(in crate::eval) fn reenter(
        &mut self,
        captured: &Rc<dyn std::any::Any>,
        args: &[Value],
    ) -> Error {
        let Ok(k) = captured.clone().downcast::<Captured>() else {
            return Error::new(
                ErrorKind::Continuation,
                "internal: not a machine continuation",
            );
        };
        // Its own run if that still runs; else, for a continuation of an
        // earlier top-level form, the current top-level run, whose stack
        // starts where that one's did.
        let target = if self.machine.vm_runs.iter().any(|(id, _)| *id == k.run) {
            k.run
        } else if let Some((id, _)) = self
            .machine
            .vm_runs
            .first()
            .filter(|(_, base)| k.outermost && *base == k.base)
        {
            *id
        } else {
            return Error::new(
                ErrorKind::Continuation,
                "continuation called after the computation that made it ended",
            )
            .with_help("a continuation made inside the callback of a builtin such as sort, fold or filter can be re-entered only while that builtin runs (map, for-each and the vector and string walks have no such limit)");
        };
        if let Err(e) = self.wind_to(&k.winders) {
            return e;
        }
        let value = match args {
            [single] => single.clone(),
            _ => Value::Values(Rc::new(args.to_vec())),
        };
        self.machine.reentry = Some((k, value, target));
        Error::new(ErrorKind::Escape, "continuation invoked")
    }

    /// Hands a catchable error to the innermost `guard` of this run: unwinds
    /// to the activation running it and continues at its handler.
    #[cold]
    pub(super) fn vm_catch(&mut self, mut e: Error, regs: &mut Regs) {
        let Some(guard) = self.machine.vm_guards.pop() else {
            return;
        };
        let frames = guard.frames as usize;
        if self.machine.vm_frames.len() > frames {
            let full = self.machine.full_backtrace;
            record_frame(&self.sources, &regs.closure, regs.span, &mut e, full);
            while self.machine.vm_frames.len() > frames + 1 {
                if let Some(frame) = self.machine.vm_frames.pop() {
                    record_frame(&self.sources, &frame.closure, frame.span, &mut e, full);
                }
            }
            if let Some(frame) = self.machine.vm_frames.pop() {
                regs.closure = frame.closure;
                regs.bp = frame.bp as usize;
                regs.span = frame.span;
            }
        }
        self.machine.stack.truncate(guard.stack as usize);
        self.machine.handlers.truncate(guard.handlers as usize);
        self.machine.depth = guard.depth;
        if !same(&self.machine.winders, &guard.winders) {
            e = self.wind_out(e, &guard.winders);
        }
        let obj = crate::eval::conditions::error_to_value(&e);
        self.remember_raise(&obj, &e);
        let Some(code) = regs.closure.lambda.code.as_deref() else {
            return;
        };
        let site = &code.guards[guard.site as usize];
        let slot = regs.bp + site.slot as usize;
        self.machine.stack[slot] = if site.boxed {
            Value::Boxed(Rc::new(VarBox::new(obj)))
        } else {
            obj
        };
        regs.pc = site.handler as usize;
    }

    /// Unwinds this run's frames after an error, adding each to the
    /// backtrace (the running one first, when given).
    #[cold]
    pub(super) fn vm_unwind(
        &mut self,
        mut e: Error,
        floor: usize,
        depth: usize,
        running: Option<(&Rc<Closure>, Span)>,
    ) -> Error {
        let full = self.machine.full_backtrace;
        let record = |closure: &Rc<Closure>, span: Span, e: &mut Error| {
            record_frame(&self.sources, closure, span, e, full);
        };
        if let Some((closure, span)) = running {
            record(closure, span, &mut e);
        }
        while self.machine.vm_frames.len() > floor {
            if let Some(frame) = self.machine.vm_frames.pop() {
                record(&frame.closure, frame.span, &mut e);
            }
        }
        self.machine.depth = depth;
        e
    }
}

/// Adds a procedure's frame to an error's backtrace (not for the wrapper of
/// a top-level form, nor for an exit or a continuation's escape); calls
/// inside the built-in library are left out ([`Error::unwind_call`]).
pub(super) fn record_frame(
    sources: &SourceMap,
    closure: &Rc<Closure>,
    span: Span,
    e: &mut Error,
    full: bool,
) {
    let lambda = &closure.lambda;
    if !lambda.toplevel && !matches!(e.kind(), ErrorKind::Exit(_) | ErrorKind::Escape) {
        let name = || lambda.name.map(|n| n.name().to_string());
        e.unwind_call(sources, name, span, lambda.span, full);
    }
}
