//! Calls: evaluating operands onto the stack, entering closures, builtins
//! and special procedures, and the loop that runs tail calls in constant space.

use std::rc::Rc;

use smallvec::SmallVec;

use super::tail_builtins::Step;
use super::Tail;
use crate::compile::expr::{Call, CaptureSource, Expr};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::syntax::Span;
use crate::value::Primitive;
use crate::value::{Closure, SpecialProc, Value, VarBox};

impl Interp {
    /// A non-tail call of a computed procedure: a closure is entered directly,
    /// without building a tail call first.
    #[inline(never)]
    pub(super) fn eval_call_value(
        &mut self,
        call: &Call,
        bp: usize,
        closure: &Rc<Closure>,
    ) -> Result<Value> {
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
    pub(super) fn eval_call(
        &mut self,
        call: &Call,
        bp: usize,
        closure: &Rc<Closure>,
    ) -> Result<Tail> {
        let f = self.eval(&call.function, bp, closure)?;
        self.eval_call_with(f, call, bp, closure)
    }

    /// A non-tail call whose operator is a global.
    pub(super) fn eval_global_value(
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
    pub(super) fn eval_global_call(
        &mut self,
        call: &Call,
        bp: usize,
        closure: &Rc<Closure>,
    ) -> Result<Tail> {
        let Expr::Global(cell, name_span) = &call.function else {
            return self.eval_call(call, bp, closure);
        };
        let f = cell.get();
        let p = match f {
            Value::Primitive(p) if p.tail.is_none() => p,
            Value::Undefined => return Err(self.unbound(cell.name, *name_span)),
            _ => return self.eval_call_with(f, call, bp, closure),
        };
        check_primitive_arity(p, call.args.len(), call.span)?;
        let result = match &*call.args {
            [] => (p.func)(self, &[]),
            [a] => {
                let a = self.eval(a, bp, closure)?;
                self.machine.call_span = call.span;
                (p.func)(self, &[a])
            }
            [a, b] => {
                let a = self.eval(a, bp, closure)?;
                let b = self.eval(b, bp, closure)?;
                self.machine.call_span = call.span;
                (p.func)(self, &[a, b])
            }
            [a, b, c] => {
                let a = self.eval(a, bp, closure)?;
                let b = self.eval(b, bp, closure)?;
                let c = self.eval(c, bp, closure)?;
                self.machine.call_span = call.span;
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
    pub(super) fn eval_call_with(
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
    pub(super) fn push_args(
        &mut self,
        args: &[Expr],
        bp: usize,
        closure: &Rc<Closure>,
    ) -> Result<usize> {
        let base = self.machine.stack.len();
        for arg in args {
            match self.eval(arg, bp, closure) {
                Ok(v) => self.machine.stack.push(v),
                Err(e) => {
                    self.machine.stack.truncate(base);
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
                    if let Some(builtin) = p.tail {
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
                    let args: SmallVec<[Value; 6]> = self.machine.stack.drain(base..).collect();
                    self.machine.call_span = span;
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
                                self.machine.stack.truncate(base);
                                return Err(Error::new(
                                        ErrorKind::Arity,
                                        format!("case-lambda procedure: no clause accepts {argc} argument{}", if argc == 1 { "" } else { "s" }),
                                    )
                                    .at(span));
                            }
                        }
                    }
                    _ => {
                        let args: SmallVec<[Value; 6]> = self.machine.stack.drain(base..).collect();
                        self.machine.call_span = span;
                        return self
                            .call_special(&special, &args)
                            .map(Tail::Value)
                            .map_err(|e| e.or_at(span));
                    }
                },
                other => {
                    self.machine.stack.truncate(base);
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

    /// A new closure of `lambda`, capturing from the frame at `bp` of the
    /// running `closure`.
    #[inline]
    pub(super) fn make_closure(
        &self,
        lambda: &Rc<crate::compile::Lambda>,
        bp: usize,
        closure: &Rc<Closure>,
    ) -> Value {
        let captured = lambda
            .captures
            .iter()
            .map(|source| match source {
                CaptureSource::Slot(s) => self.machine.stack[bp + *s as usize].clone(),
                CaptureSource::Captured(i) => closure.captured[*i as usize].clone(),
                CaptureSource::SelfClosure => Value::Closure(closure.clone()),
            })
            .collect();
        Value::Closure(Rc::new(Closure {
            lambda: lambda.clone(),
            captured,
        }))
    }

    /// Calls a run-time procedure other than a `case-lambda`.
    pub(super) fn call_special(&mut self, special: &SpecialProc, args: &[Value]) -> Result<Value> {
        match special {
            SpecialProc::Continuation {
                captured: Some(captured),
                ..
            } => Err(self.reenter(captured, args)),
            SpecialProc::Continuation { id, active, .. } => {
                Err(invoke_continuation(*id, active.get(), args))
            }
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
            _ => super::records::call_record_procedure(special, args),
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
    pub(super) fn apply_receiver(
        &mut self,
        closure: Rc<Closure>,
        base: usize,
        span: Span,
    ) -> Result<Value> {
        self.call_closure::<true>(closure, base, 1, span)
    }

    #[inline(always)]
    pub(super) fn call_closure<const RECEIVER: bool>(
        &mut self,
        closure: Rc<Closure>,
        base: usize,
        argc: usize,
        span: Span,
    ) -> Result<Value> {
        // `depth` counts the top-level form's own frame too: `max_depth`
        // nested calls of the program's procedures are allowed.
        if self.machine.depth > self.machine.max_depth {
            self.machine.stack.truncate(base);
            return Err(self.too_deep(span));
        }
        if let Err(e) = self.poll(span) {
            self.machine.stack.truncate(base);
            return Err(e);
        }
        self.machine.depth += 1;
        let result = self.with_stack_room(span, |this| {
            if RECEIVER {
                this.machine.stack.truncate(base);
                this.run_receiver_frame(closure, base, span)
            } else if closure.lambda.code.is_some() {
                this.run_vm(closure, base, argc, span)
            } else {
                this.run_closure::<false>(closure, base, argc, span, None)
            }
        });
        self.machine.depth -= 1;
        self.machine.stack.truncate(base);
        result
    }

    /// Runs a closure whose frame starts at `base`, looping on tail calls.
    /// `OWNER` frames own the escape continuation `k`, which every `call/cc`
    /// receiver they tail-call gets; a frame that is not an owner becomes one
    /// (through [`Interp::run_receiver_frame`]) at its first such call. See
    /// `tail_builtins`.
    pub(super) fn run_closure<const OWNER: bool>(
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
                        self.machine.stack[base + i] =
                            std::mem::take(&mut self.machine.stack[next_base + i]);
                    }
                    self.machine.stack.truncate(base + next_argc);
                    closure = next;
                    argc = next_argc;
                    span = next_span;
                    self.poll(span)?;
                }
                Ok(Tail::Receiver(next, next_base, next_span)) => {
                    // The receiver replaces this frame: the continuation it
                    // gets returns from this frame.
                    debug_assert!(next_base >= base);
                    self.machine.stack.truncate(base);
                    self.poll(next_span)?;
                    if !OWNER {
                        return self.run_receiver_frame(next, base, next_span);
                    }
                    self.machine
                        .stack
                        .push(k.cloned().unwrap_or(Value::Unspecified));
                    closure = next;
                    argc = 1;
                    span = next_span;
                }
                Err(mut e) => {
                    let lambda = &closure.lambda;
                    let unwinding = matches!(e.kind(), ErrorKind::Exit(_) | ErrorKind::Escape);
                    if !lambda.toplevel && !unwinding {
                        let name = || lambda.name.map(|n| n.name().to_string());
                        e.unwind_call(
                            &self.sources,
                            name,
                            span,
                            lambda.span,
                            self.machine.full_backtrace,
                        );
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
    pub(super) fn enter_frame(
        &mut self,
        closure: &Rc<Closure>,
        base: usize,
        argc: usize,
        span: Span,
    ) -> Result<()> {
        let lambda = &closure.lambda;
        if argc != lambda.required && !(lambda.rest && argc > lambda.required) {
            self.machine.stack.truncate(base);
            return Err(closure_arity_error(closure, argc, span));
        }
        if lambda.rest {
            let extra: Vec<Value> = self.machine.stack.drain(base + lambda.required..).collect();
            self.machine.stack.push(Value::list(extra));
        }
        // Slots for the body's own variables, after the arguments.
        let frame_end = base + lambda.frame_size;
        if self.machine.stack.len() < frame_end {
            self.machine.stack.resize(frame_end, Value::Undefined);
        }
        for &slot in lambda.boxed_params.iter() {
            let index = base + slot as usize;
            let v = std::mem::take(&mut self.machine.stack[index]);
            self.machine.stack[index] = Value::Boxed(Rc::new(VarBox::new(v)));
        }
        Ok(())
    }

    /// Calls any procedure with arguments from Rust (used by builtins such as
    /// `map`).
    pub fn apply(&mut self, procedure: &Value, args: &[Value]) -> Result<Value> {
        let base = self.machine.stack.len();
        self.machine.stack.extend(args.iter().cloned());
        let span = self.machine.call_span;
        let tail = self.call_value(procedure.clone(), base, args.len(), span)?;
        self.finish(tail)
    }

    /// Runs a compiled top-level form.
    pub(crate) fn run_toplevel(&mut self, lambda: Rc<crate::compile::Lambda>) -> Result<Value> {
        let closure = Rc::new(Closure {
            lambda,
            captured: Box::new([]),
        });
        let base = self.machine.stack.len();
        let span = closure.lambda.span;
        let result = self.apply_closure(closure, base, 0, span);
        self.machine.stack.truncate(base);
        result
    }
}

pub(super) fn check_primitive_arity(p: &Primitive, argc: usize, span: Span) -> Result<()> {
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

pub(super) fn closure_arity_error(closure: &Closure, argc: usize, span: Span) -> Error {
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

pub(super) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The error that carries an escape to its continuation.
fn invoke_continuation(id: u64, active: bool, args: &[Value]) -> Error {
    if !active {
        return Error::new(
            ErrorKind::Continuation,
            "continuation called after its call/cc returned: re-entering a continuation is not supported",
        )
        .with_help("continuations here are escape-only: call them only while the call/cc that made them is running");
    }
    let value = match args {
        [single] => single.clone(),
        _ => Value::Values(Rc::new(args.to_vec())),
    };
    let mut error = Error::new(ErrorKind::Escape, "continuation invoked").with_payload(value);
    error.0.escape_id = id;
    error
}
