//! The machine's builtin calls: inline builtins on operands read in place,
//! with their slow paths out of line, and calls of procedures that are not
//! closures of the machine.

use std::rc::Rc;

use smallvec::SmallVec;

use super::CallTo;
use crate::compile::emit::{Code, OPERAND_CAPTURED, OPERAND_CONST};
use crate::compile::expr::FastOp;
use crate::diagnostics::Result;
use crate::eval::primops::{binary_op, fixnum_op, unary_op};
use crate::eval::Tail;
use crate::interp::Interp;
use crate::syntax::Span;
use crate::value::{Closure, Value};

impl Interp {
    /// A new closure of lambda `l` of `code`, capturing from the running
    /// frame (out of line: the instruction loop stays small).
    #[inline(never)]
    pub(super) fn vm_make_closure(
        &self,
        code: &Code,
        l: u32,
        bp: usize,
        closure: &Rc<Closure>,
    ) -> Value {
        self.make_closure(&code.lambdas[l as usize], bp, closure)
    }

    /// An inline builtin of two operands read in place: fixnums without a
    /// call; otherwise the builtin (or whatever the global now holds, as a
    /// nested call).
    /// [`Interp::prim2_operands`], pushing its value (apart from the fast
    /// path's push, so that one stores the value straight into the stack).
    #[inline(never)]
    pub(super) fn push_prim2_operands(
        &mut self,
        code: &Code,
        captured: &[Value],
        bp: usize,
        site: u32,
        x: u32,
        y: u32,
    ) -> Result<()> {
        let v = self.prim2_operands(code, captured, bp, site, x, y)?;
        self.machine.stack.push(v);
        Ok(())
    }

    #[inline(never)]
    pub(super) fn prim2_operands(
        &mut self,
        code: &Code,
        captured: &[Value],
        bp: usize,
        site: u32,
        x: u32,
        y: u32,
    ) -> Result<Value> {
        let p = &code.primops[site as usize];
        let cell = &p.cell;
        let (a, b) = (
            operand(&self.machine.stack, code, captured, bp, x),
            operand(&self.machine.stack, code, captured, bp, y),
        );
        if cell.holds(p.primitive) {
            if let (Value::Int(a), Value::Int(b)) = (a, b) {
                if let Some(v) = fixnum_op(p.op, *a, *b) {
                    return Ok(v);
                }
            }
            if p.op == FastOp::Cons {
                return Ok(Value::cons(a.clone(), b.clone()));
            }
            if let Some(v) = binary_op(p.op, a, b) {
                return Ok(v);
            }
        }
        self.prim2_slow(code, site, a.clone(), b.clone())
    }

    /// An inline builtin of one operand read in place; anything but the
    /// inline case as a call of whatever the global holds (nested).
    #[inline(always)]
    pub(super) fn prim1_operand(
        &mut self,
        code: &Code,
        captured: &[Value],
        bp: usize,
        site: u32,
        x: u32,
    ) -> Result<Value> {
        let p = &code.primops[site as usize];
        let cell = &p.cell;
        let a = operand(&self.machine.stack, code, captured, bp, x);
        if cell.holds(p.primitive) {
            if let Some(v) = unary_op(p.op, a) {
                return Ok(v);
            }
        }
        self.prim1_slow(code, site, a.clone())
    }

    #[inline(never)]
    pub(super) fn prim1_slow(&mut self, code: &Code, site: u32, a: Value) -> Result<Value> {
        let p = &code.primops[site as usize];
        let (cell, name_span) = &code.globals[p.global as usize];
        self.machine.call_span = p.span;
        if !cell.holds(p.primitive) {
            let f = cell.get();
            if matches!(f, Value::Undefined) {
                return Err(self.unbound(cell.name, *name_span));
            }
            return self.apply(&f, &[a]).map_err(|e| e.or_at(p.span));
        }
        (p.primitive.func)(self, &[a]).map_err(|e| e.or_at(p.span))
    }

    /// Calls builtin `p` with the arguments at `stack[base..]`, taking them
    /// off the stack (up to three without a copy to the heap).
    #[inline(always)]
    pub(super) fn call_primitive(
        &mut self,
        p: &'static crate::value::Primitive,
        base: usize,
    ) -> Result<Value> {
        let take = |stack: &mut Vec<Value>| stack.pop().unwrap_or_default();
        match self.machine.stack.len() - base {
            0 => (p.func)(self, &[]),
            1 => {
                let a = take(&mut self.machine.stack);
                (p.func)(self, &[a])
            }
            2 => {
                let b = take(&mut self.machine.stack);
                let a = take(&mut self.machine.stack);
                (p.func)(self, &[a, b])
            }
            3 => {
                let c = take(&mut self.machine.stack);
                let b = take(&mut self.machine.stack);
                let a = take(&mut self.machine.stack);
                (p.func)(self, &[a, b, c])
            }
            _ => {
                let args: SmallVec<[Value; 6]> = self.machine.stack.drain(base..).collect();
                (p.func)(self, &args)
            }
        }
    }

    #[inline(never)]
    pub(super) fn prim2_slow(
        &mut self,
        code: &Code,
        site: u32,
        a: Value,
        b: Value,
    ) -> Result<Value> {
        let p = &code.primops[site as usize];
        let cell = &p.cell;
        self.machine.call_span = p.span;
        if !cell.holds(p.primitive) {
            let f = cell.get();
            if matches!(f, Value::Undefined) {
                return Err(self.unbound(cell.name, code.globals[p.global as usize].1));
            }
            return self.apply(&f, &[a, b]).map_err(|e| e.or_at(p.span));
        }
        if let Some(v) = binary_op(p.op, &a, &b) {
            return Ok(v);
        }
        if p.op == FastOp::Cons {
            return Ok(Value::cons(a, b));
        }
        (p.primitive.func)(self, &[a, b]).map_err(|e| e.or_at(p.span))
    }

    /// Calls a procedure that is not a plain closure call (a builtin, a
    /// special procedure, `apply`...): `Ok(Ok(value))` when it is done,
    /// `Ok(Err(next))` when it became a call of a closure that the machine
    /// makes: a non-tail call resuming at `pc` with the stack cut to `top`
    /// (`resume`), or a tail call.
    pub(super) fn vm_call_value(
        &mut self,
        f: Value,
        base: usize,
        argc: usize,
        span: Span,
        resume: Option<(usize, usize)>,
    ) -> Result<std::result::Result<Value, CallTo>> {
        match self.call_value(f, base, argc, span)? {
            Tail::Value(v) => Ok(Ok(v)),
            Tail::Call(callee, at, n, call_span) => Ok(Err(CallTo {
                callee,
                base: at,
                argc: n,
                span: call_span,
                resume: resume.map(|(pc, top)| (pc as u32, top as u32)),
            })),
            Tail::Receiver(receiver, at, call_span) => {
                Ok(Ok(self.apply_receiver(receiver, at, call_span)?))
            }
        }
    }
}

/// The value an operand field names, read in place.
#[inline(always)]
pub(super) fn operand<'a>(
    stack: &'a [Value],
    code: &'a Code,
    captured: &'a [Value],
    bp: usize,
    x: u32,
) -> &'a Value {
    if x & OPERAND_CONST != 0 {
        &code.consts[(x & !OPERAND_CONST) as usize]
    } else if x & OPERAND_CAPTURED != 0 {
        &captured[(x & !OPERAND_CAPTURED) as usize]
    } else {
        &stack[bp + x as usize]
    }
}

/// The operation and both operands of an inline builtin site whose two
/// operands, read in place, are fixnums, when the site's global still holds
/// its builtin; `None` for everything else. Kept apart from
/// [`Interp::prim2_operands`] so the common case builds its result in
/// registers.
#[inline(always)]
pub(super) fn fixnum_pair(
    stack: &[Value],
    code: &Code,
    captured: &[Value],
    bp: usize,
    site: u32,
    x: u32,
    y: u32,
) -> Option<(FastOp, i64, i64)> {
    let p = &code.primops[site as usize];
    let (Value::Int(a), Value::Int(b)) = (
        operand(stack, code, captured, bp, x),
        operand(stack, code, captured, bp, y),
    ) else {
        return None;
    };
    p.cell.holds(p.primitive).then_some((p.op, *a, *b))
}

/// `+` or `-` of two fixnums as a fixnum, for a push that stores the value
/// straight into the stack; `None` on overflow or for another operation.
#[inline(always)]
pub(super) fn fixnum_sum(op: FastOp, a: i64, b: i64) -> Option<i64> {
    match op {
        FastOp::Add => a.checked_add(b),
        FastOp::Sub => a.checked_sub(b),
        _ => None,
    }
}
