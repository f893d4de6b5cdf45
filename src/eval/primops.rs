//! Inline builtin calls: fixnum arithmetic and comparisons, type tests,
//! `car`/`cdr` and indexed reads done without calling the builtin, for as long
//! as the global still holds the builtin the compiler saw.

use std::rc::Rc;

use crate::compile::expr::{Expr, FastOp, PrimOpCall};
use crate::diagnostics::Result;
use crate::interp::Interp;
use crate::value::{Closure, Value};

impl Interp {
    /// Whether the global of an inline builtin call still holds that builtin.
    #[inline]
    pub(super) fn primop_applies(&self, op: &PrimOpCall) -> bool {
        match &op.call.function {
            Expr::Global(cell, _) => cell.holds(op.primitive),
            _ => false,
        }
    }

    /// Runs an inline builtin call (the fixnum and plain-pair cases without a
    /// call; anything else through the builtin itself).
    pub(super) fn eval_primop(
        &mut self,
        op: &PrimOpCall,
        bp: usize,
        closure: &Rc<Closure>,
    ) -> Result<Value> {
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
                        self.machine.call_span = call.span;
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
                self.machine.call_span = call.span;
                (op.primitive.func)(self, &[a, b]).map_err(|e| e.or_at(call.span))
            }
            _ => self.eval_global_value(call, bp, closure),
        }
    }

    /// The outcome of a test such as `(< i n)` whose operands are variables or
    /// constants holding fixnums, decided without building a boolean value;
    /// `None` for any other test.
    #[inline(always)]
    pub(super) fn fixnum_comparison(
        &self,
        test: &Expr,
        bp: usize,
        closure: &Closure,
    ) -> Option<bool> {
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
    pub(super) fn fixnum_operand(&self, expr: &Expr, bp: usize, closure: &Closure) -> Option<i64> {
        match expr {
            Expr::Local(slot) => match self.machine.stack.get(bp + *slot as usize) {
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
    pub(super) fn unary_on_variable(
        &self,
        op: FastOp,
        expr: &Expr,
        bp: usize,
        closure: &Closure,
    ) -> Option<Value> {
        let v = match expr {
            Expr::Local(slot) => self.machine.stack.get(bp + *slot as usize)?,
            Expr::Captured(i) => closure.captured.get(*i as usize)?,
            _ => return None,
        };
        unary_op(op, v)
    }
}

/// A type test, `not`, or `car` / `cdr` of a heap pair, done inline; `None`
/// sends the call to the builtin (a pair living in an arena, whose liveness
/// the builtin checks, or a non-pair to `car`, which is an error).
#[inline(always)]
pub(super) fn unary_op(op: FastOp, v: &Value) -> Option<Value> {
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
pub(super) fn fixnum_op(op: FastOp, x: i64, y: i64) -> Option<Value> {
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
pub(super) fn binary_op(op: FastOp, a: &Value, b: &Value) -> Option<Value> {
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
