//! Expressions → code for the frame machine (`eval::vm`).
//!
//! A lambda body becomes a flat sequence of [`Op`]s over an accumulator and
//! the value stack. Every point where evaluation waits for a call's value is
//! an instruction index, so the machine's control stack is data: frames of
//! (closure, instruction, base), not Rust frames.

use std::rc::Rc;

use crate::compile::expr::{Call, CaptureSource, Case, Expr, FastOp, Lambda, PrimOpCall};
use crate::symbol::Symbol;
use crate::syntax::Span;
use crate::value::Global;
use crate::value::Primitive;
use crate::value::Value;

/// One machine instruction. The accumulator holds the value of the last
/// expression; operands of calls are pushed on the value stack.
#[derive(Clone, Copy, Debug)]
pub enum Op {
    /// acc = constant.
    Const(u32),
    /// acc = frame slot.
    Local(u32),
    /// acc = frame slot of a letrec variable; an error if it has no value yet
    /// (the second field indexes `names`).
    LocalChecked(u32, u32),
    /// acc = contents of a boxed frame slot, checked like `LocalChecked`.
    LocalBox(u32, u32),
    /// acc = captured value.
    Captured(u32),
    /// acc = contents of a captured box, checked.
    CapturedBox(u32, u32),
    /// acc = the running closure.
    SelfRef,
    /// acc = global (an error if unbound); indexes `globals`.
    Global(u32),
    /// An error unless the global is bound (before a call's operands).
    CheckGlobal(u32),
    /// A `CheckGlobal` that passed: nothing to do.
    Checked,
    /// An error unless the global is bound (before a `set!`'s value).
    CheckAssignable(u32),
    /// Push acc.
    Push,
    /// acc = unspecified.
    Unspecified,
    SetLocal(u32),
    SetLocalBox(u32),
    SetCapturedBox(u32),
    /// Assign a global, an error if unbound.
    SetGlobal(u32),
    DefineGlobal(u32),
    /// Store acc in a slot (a `let` binding), boxed when the flag is set.
    Bind(u32, bool),
    /// Prepare a body's letrec slots; indexes `slot_inits`.
    InitSlots(u32),
    JumpIfFalse(u32),
    /// `and`: jump keeping acc when it is false.
    JumpIfFalseKeep(u32),
    /// `or`: jump keeping acc when it is true.
    JumpIfTrueKeep(u32),
    Jump(u32),
    /// acc = a new closure; indexes `lambdas`.
    MakeClosure(u32),
    /// An inline builtin of one operand (acc); indexes `primops`.
    Prim1(u32),
    /// An inline builtin of two operands (the pushed one and acc).
    Prim2(u32),
    /// A call; indexes `calls`. The operator was pushed before the operands.
    Call(u32),
    TailCall(u32),
    /// A call of a global's procedure; the operator is read at the call.
    CallGlobal(u32),
    TailCallGlobal(u32),
    /// A call of the running closure.
    CallSelf(u32),
    TailCallSelf(u32),
    /// Return acc to the caller.
    Return,
    /// Push an [`operand`](OPERAND_CONST) without going through acc.
    PushOperand(u32),
    /// acc = an inline builtin of two operands read in place.
    Prim2Operands(u32, u32, u32),
    /// Push an inline builtin of two operands read in place.
    PushPrim2Operands(u32, u32, u32),
    /// Jump to the last field unless the comparison of two operands holds.
    JumpUnless2(u32, u32, u32, u32),
    /// Jump to the last field if the comparison of two operands holds (a
    /// test of `(not (< a b))`).
    JumpIf2(u32, u32, u32, u32),
    /// Jump to the last field unless a test (`null?`, `pair?`, `not`) of an
    /// operand holds.
    JumpUnless1(u32, u32, u32),
    /// acc = an inline builtin of one operand read in place.
    Prim1Operand(u32, u32),
    /// Push an inline builtin of one operand read in place.
    PushPrim1Operand(u32, u32),
    /// Call acc with the arguments pushed (a `=>` receiver); indexes `calls`.
    CallAcc(u32),
    TailCallAcc(u32),
    /// `case`: jump to the clause whose data holds acc (`eqv?`); indexes
    /// `case_tables`.
    CaseDispatch(u32),
    /// acc = a promise of the thunk in acc; true for `delay-force`.
    MakePromise(bool),
    /// Enter a `guard` body; indexes `guards`.
    GuardStart(u32),
    /// Leave the innermost `guard` body normally.
    GuardEnd,
    /// Begin a walk (`map`, `for-each`...): check the arguments, fill the
    /// state slots, make the first call (`eval::vm::walks`).
    WalkStart(Walk),
    /// Take the value of a walk's call in acc; make the next call or end.
    WalkStep(Walk),
}

/// The procedures that call a procedure on each element of sequences, run
/// by the machine's walk instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Walk {
    Map,
    ForEach,
    VectorMap,
    VectorForEach,
    StringMap,
    StringForEach,
}

/// A `guard`: where its handler starts, and the slot its condition goes in.
pub struct GuardSite {
    pub handler: u32,
    pub slot: u32,
    pub boxed: bool,
}

/// Where each clause of a `case` starts.
pub struct CaseTable {
    pub clauses: Vec<u32>,
    pub otherwise: u32,
}

/// An operand field names a frame slot; with this bit set, a constant.
pub const OPERAND_CONST: u32 = 1 << 31;
/// With this bit set, an operand field names a captured value.
pub const OPERAND_CAPTURED: u32 = 1 << 30;

/// A call site.
pub struct CallSite {
    /// The global holding the operator, for `CallGlobal`.
    pub global: u32,
    pub argc: u32,
    pub span: Span,
}

/// An inline builtin site.
pub struct PrimSite {
    pub op: FastOp,
    pub primitive: &'static Primitive,
    /// The global the builtin is called through (index into `globals`).
    pub global: u32,
    /// That global itself, read on the fast path.
    pub cell: Rc<Global>,
    pub span: Span,
}

/// The slots a body's letrec prepares, each with whether it is boxed.
pub type SlotInits = Box<[(u32, bool)]>;

/// The data of one `case`'s clauses.
pub type CaseData = Box<[Box<[Value]>]>;

/// A lambda body as machine code.
pub struct Code {
    /// Cells, so a `CheckGlobal` that passed once becomes a `Checked`: a
    /// global, once bound, stays bound.
    pub ops: Box<[std::cell::Cell<Op>]>,
    pub consts: Box<[Value]>,
    pub globals: Box<[(Rc<Global>, Span)]>,
    pub lambdas: Box<[Rc<Lambda>]>,
    pub calls: Box<[CallSite]>,
    pub primops: Box<[PrimSite]>,
    /// Names and places of checked variable references.
    pub names: Box<[(Symbol, Span)]>,
    pub slot_inits: Box<[SlotInits]>,
    pub case_tables: Box<[CaseTable]>,
    /// The data of each `case`'s clauses, parallel to `case_tables`.
    pub case_data: Box<[CaseData]>,
    pub guards: Box<[GuardSite]>,
}

impl Code {
    /// Code of the given instructions and no tables: the body of a
    /// procedure the machine implements itself (the walks).
    pub fn native(ops: &[Op]) -> Code {
        Code {
            ops: ops.iter().copied().map(std::cell::Cell::new).collect(),
            consts: Box::new([]),
            globals: Box::new([]),
            lambdas: Box::new([]),
            calls: Box::new([]),
            primops: Box::new([]),
            names: Box::new([]),
            slot_inits: Box::new([]),
            case_tables: Box::new([]),
            case_data: Box::new([]),
            guards: Box::new([]),
        }
    }
}

/// The code for a lambda body (`None` when an operator form has an
/// unexpected shape; the body then runs in the tree evaluator).
pub fn emit(body: &Expr) -> Option<Code> {
    let mut e = Emitter::default();
    e.expr(body, true)?;
    Some(Code {
        ops: e.ops.into_iter().map(std::cell::Cell::new).collect(),
        consts: e.consts.into(),
        globals: e.globals.into(),
        lambdas: e.lambdas.into(),
        calls: e.calls.into(),
        primops: e.primops.into(),
        names: e.names.into(),
        slot_inits: e.slot_inits.into(),
        case_tables: e.case_tables.into(),
        case_data: e.case_data.into(),
        guards: e.guards.into(),
    })
}

#[derive(Default)]
struct Emitter {
    ops: Vec<Op>,
    consts: Vec<Value>,
    globals: Vec<(Rc<Global>, Span)>,
    lambdas: Vec<Rc<Lambda>>,
    calls: Vec<CallSite>,
    primops: Vec<PrimSite>,
    names: Vec<(Symbol, Span)>,
    slot_inits: Vec<SlotInits>,
    case_tables: Vec<CaseTable>,
    case_data: Vec<CaseData>,
    guards: Vec<GuardSite>,
}

/// True for expressions an instruction can read in place.
fn is_operand(expr: &Expr) -> bool {
    matches!(expr, Expr::Local(_) | Expr::Const(_) | Expr::Captured(_))
}

/// True for operands whose evaluation cannot fail or call anything.
fn is_plain(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Const(_) | Expr::Local(_) | Expr::Captured(_) | Expr::SelfRef
    )
}

impl Emitter {
    fn index<T>(list: &mut Vec<T>, item: T) -> u32 {
        list.push(item);
        (list.len() - 1) as u32
    }

    fn global(&mut self, cell: &Rc<Global>, span: Span) -> u32 {
        if let Some(i) = self
            .globals
            .iter()
            .position(|(g, s)| Rc::ptr_eq(g, cell) && *s == span)
        {
            return i as u32;
        }
        Self::index(&mut self.globals, (cell.clone(), span))
    }

    fn here(&self) -> u32 {
        self.ops.len() as u32
    }

    /// Emits a jump whose target is patched later; returns its index.
    fn jump(&mut self, op: fn(u32) -> Op) -> usize {
        self.ops.push(op(0));
        self.ops.len() - 1
    }

    fn patch(&mut self, at: usize) {
        let target = self.here();
        self.ops[at] = match self.ops[at] {
            Op::JumpIfFalse(_) => Op::JumpIfFalse(target),
            Op::JumpIfFalseKeep(_) => Op::JumpIfFalseKeep(target),
            Op::JumpIfTrueKeep(_) => Op::JumpIfTrueKeep(target),
            Op::Jump(_) => Op::Jump(target),
            Op::JumpUnless2(site, a, b, _) => Op::JumpUnless2(site, a, b, target),
            Op::JumpIf2(site, a, b, _) => Op::JumpIf2(site, a, b, target),
            Op::JumpUnless1(site, a, _) => Op::JumpUnless1(site, a, target),
            other => other,
        };
    }

    /// Ends a tail expression whose value is in acc.
    fn end(&mut self, tail: bool) {
        if tail {
            self.ops.push(Op::Return);
        }
    }

    /// Emits `expr`, leaving its value in acc; in tail position, returns it
    /// (or tail-calls).
    fn expr(&mut self, expr: &Expr, tail: bool) -> Option<()> {
        match expr {
            Expr::Const(v) => {
                let k = Self::index(&mut self.consts, v.clone());
                self.ops.push(Op::Const(k));
            }
            Expr::Local(slot) => self.ops.push(Op::Local(*slot)),
            Expr::LocalChecked(slot, name, span) => {
                let n = Self::index(&mut self.names, (*name, *span));
                self.ops.push(Op::LocalChecked(*slot, n));
            }
            Expr::LocalBox(slot, name, span) => {
                let n = Self::index(&mut self.names, (*name, *span));
                self.ops.push(Op::LocalBox(*slot, n));
            }
            Expr::Captured(i) => self.ops.push(Op::Captured(*i)),
            Expr::CapturedBox(i, name, span) => {
                let n = Self::index(&mut self.names, (*name, *span));
                self.ops.push(Op::CapturedBox(*i, n));
            }
            Expr::SelfRef => self.ops.push(Op::SelfRef),
            Expr::Global(cell, span) => {
                let g = self.global(cell, *span);
                self.ops.push(Op::Global(g));
            }
            Expr::SetLocal(slot, value) => {
                self.expr(value, false)?;
                self.ops.push(Op::SetLocal(*slot));
            }
            Expr::SetLocalBox(slot, value) => {
                self.expr(value, false)?;
                self.ops.push(Op::SetLocalBox(*slot));
            }
            Expr::SetCapturedBox(i, value) => {
                self.expr(value, false)?;
                self.ops.push(Op::SetCapturedBox(*i));
            }
            Expr::SetGlobal(cell, value, span) => {
                let g = self.global(cell, *span);
                self.ops.push(Op::CheckAssignable(g));
                self.expr(value, false)?;
                self.ops.push(Op::SetGlobal(g));
            }
            Expr::DefineGlobal(cell, value) => {
                let g = self.global(cell, Span::default());
                self.expr(value, false)?;
                self.ops.push(Op::DefineGlobal(g));
            }
            Expr::InitSlots(slots) => {
                let i = Self::index(&mut self.slot_inits, slots.clone());
                self.ops.push(Op::InitSlots(i));
            }
            Expr::If(parts) => {
                let to_else = match self.fused_test(&parts.0) {
                    Some(at) => at,
                    None => {
                        self.expr(&parts.0, false)?;
                        self.jump(Op::JumpIfFalse)
                    }
                };
                self.expr(&parts.1, tail)?;
                let to_end = (!tail).then(|| self.jump(Op::Jump));
                self.patch(to_else);
                self.expr(&parts.2, tail)?;
                if let Some(at) = to_end {
                    self.patch(at);
                }
                return Some(());
            }
            Expr::MakeClosure(lambda) => {
                let l = Self::index(&mut self.lambdas, lambda.clone());
                self.ops.push(Op::MakeClosure(l));
            }
            Expr::Seq(items) => {
                let Some((last, init)) = items.split_last() else {
                    self.ops.push(Op::Unspecified);
                    self.end(tail);
                    return Some(());
                };
                for item in init {
                    self.expr(item, false)?;
                }
                return self.expr(last, tail);
            }
            Expr::Call(call) => {
                self.expr(&call.function, false)?;
                self.ops.push(Op::Push);
                self.operands(&call.args)?;
                let site = self.call_site(call, 0);
                self.call_op(tail, Op::TailCall(site), Op::Call(site));
                return Some(());
            }
            Expr::CallSelf(call) => {
                self.operands(&call.args)?;
                let site = self.call_site(call, 0);
                self.call_op(tail, Op::TailCallSelf(site), Op::CallSelf(site));
                return Some(());
            }
            Expr::CallGlobal(call) => return self.global_call(call, tail),
            Expr::PrimOp(op) => return self.primop(op, tail),
            Expr::Let(bindings, body) => {
                for (slot, init, boxed) in bindings.iter() {
                    self.expr(init, false)?;
                    self.ops.push(Op::Bind(*slot, *boxed));
                }
                return self.expr(body, tail);
            }
            Expr::And(items) | Expr::Or(items) => {
                let is_or = matches!(expr, Expr::Or(_));
                let Some((last, init)) = items.split_last() else {
                    let k = Self::index(&mut self.consts, Value::Bool(!is_or));
                    self.ops.push(Op::Const(k));
                    self.end(tail);
                    return Some(());
                };
                let mut exits = Vec::new();
                for item in init {
                    self.expr(item, false)?;
                    exits.push(self.jump(if is_or {
                        Op::JumpIfTrueKeep
                    } else {
                        Op::JumpIfFalseKeep
                    }));
                }
                if tail {
                    self.expr(last, true)?;
                    for at in exits {
                        self.patch(at);
                    }
                    self.ops.push(Op::Return);
                } else {
                    self.expr(last, false)?;
                    for at in exits {
                        self.patch(at);
                    }
                }
                return Some(());
            }
            Expr::Deep(inner, _) => return self.expr(inner, tail),
            Expr::Case(case) => return self.case(case, tail),
            Expr::CondArrow(parts, span) => {
                self.expr(&parts.0, false)?;
                let to_else = self.jump(Op::JumpIfFalse);
                self.arrow_call(&parts.1, *span, tail)?;
                let to_end = (!tail).then(|| self.jump(Op::Jump));
                self.patch(to_else);
                self.expr(&parts.2, tail)?;
                if let Some(at) = to_end {
                    self.patch(at);
                }
                return Some(());
            }
            Expr::Delay(thunk, is_stream) => {
                self.expr(thunk, false)?;
                self.ops.push(Op::MakePromise(*is_stream));
            }
            Expr::Guard(guard) => {
                let g = Self::index(
                    &mut self.guards,
                    GuardSite {
                        handler: 0,
                        slot: guard.slot,
                        boxed: guard.boxed,
                    },
                );
                self.ops.push(Op::GuardStart(g));
                self.expr(&guard.body, false)?;
                self.ops.push(Op::GuardEnd);
                let to_end = if tail {
                    self.ops.push(Op::Return);
                    None
                } else {
                    Some(self.jump(Op::Jump))
                };
                self.guards[g as usize].handler = self.here();
                self.expr(&guard.handler, tail)?;
                if let Some(at) = to_end {
                    self.patch(at);
                }
                return Some(());
            }
        }
        self.end(tail);
        Some(())
    }

    /// Calls `receiver` with acc (a `=>` clause).
    fn arrow_call(&mut self, receiver: &Expr, span: Span, tail: bool) -> Option<()> {
        self.ops.push(Op::Push);
        self.expr(receiver, false)?;
        let site = Self::index(
            &mut self.calls,
            CallSite {
                global: 0,
                argc: 1,
                span,
            },
        );
        self.call_op(tail, Op::TailCallAcc(site), Op::CallAcc(site));
        Some(())
    }

    fn case(&mut self, case: &Case, tail: bool) -> Option<()> {
        self.expr(&case.key, false)?;
        let table = self.case_tables.len();
        self.case_tables.push(CaseTable {
            clauses: Vec::new(),
            otherwise: 0,
        });
        self.ops.push(Op::CaseDispatch(table as u32));
        let mut ends = Vec::new();
        let unspecified = Expr::Const(Value::Unspecified);
        let mut bodies: Vec<(&Expr, bool, Option<usize>)> = case
            .clauses
            .iter()
            .enumerate()
            .map(|(i, (_, body, arrow))| (body, *arrow, Some(i)))
            .collect();
        bodies.push(match &case.otherwise {
            Some((body, arrow)) => (body, *arrow, None),
            None => (&unspecified, false, None),
        });
        for (body, arrow, clause) in bodies {
            let start = self.here();
            match clause {
                Some(_) => self.case_tables[table].clauses.push(start),
                None => self.case_tables[table].otherwise = start,
            }
            if arrow {
                self.arrow_call(body, case.span, tail)?;
            } else {
                self.expr(body, tail)?;
            }
            if !tail {
                ends.push(self.jump(Op::Jump));
            }
        }
        for at in ends {
            self.patch(at);
        }
        let data = case
            .clauses
            .iter()
            .map(|(data, _, _)| data.clone())
            .collect();
        self.case_data.push(data);
        Some(())
    }

    /// Emits a call: in tail position `tail_op`, followed by a `Return`
    /// that runs only when the machine makes that call as a non-tail one
    /// (a `call/cc` at the bottom of a run, whose continuation needs a
    /// frame to return to).
    fn call_op(&mut self, tail: bool, tail_op: Op, op: Op) {
        if tail {
            self.ops.push(tail_op);
            self.ops.push(Op::Return);
        } else {
            self.ops.push(op);
        }
    }

    fn operands(&mut self, args: &[Expr]) -> Option<()> {
        for arg in args {
            self.push(arg)?;
        }
        Some(())
    }

    /// Emits `expr` and pushes its value.
    fn push(&mut self, expr: &Expr) -> Option<()> {
        if let Some(x) = self.operand(expr) {
            self.ops.push(Op::PushOperand(x));
            return Some(());
        }
        self.expr(expr, false)?;
        match self.ops.last().copied() {
            Some(Op::Prim2Operands(site, a, b)) => {
                self.ops.pop();
                self.ops.push(Op::PushPrim2Operands(site, a, b));
            }
            Some(Op::Prim1Operand(site, a)) => {
                self.ops.pop();
                self.ops.push(Op::PushPrim1Operand(site, a));
            }
            _ => self.ops.push(Op::Push),
        }
        Some(())
    }

    /// The operand field for a frame slot or constant read in place.
    fn operand(&mut self, expr: &Expr) -> Option<u32> {
        match expr {
            Expr::Local(slot) if *slot < OPERAND_CAPTURED => Some(*slot),
            Expr::Captured(i) if *i < OPERAND_CAPTURED => Some(*i | OPERAND_CAPTURED),
            Expr::Const(v) => {
                let k = Self::index(&mut self.consts, v.clone());
                (k < OPERAND_CONST).then_some(k | OPERAND_CONST)
            }
            _ => None,
        }
    }

    /// For `(if (< a b) ...)` with plain operands: a fused test and jump.
    fn fused_test(&mut self, test: &Expr) -> Option<usize> {
        let Expr::PrimOp(op) = test else { return None };
        if let ([inner @ Expr::PrimOp(_)], FastOp::Not) = (&*op.call.args, op.op) {
            // `(not (< a b))`: the comparison's jump, inverted, while `not`
            // is still the builtin.
            let Expr::Global(cell, _) = &op.call.function else {
                return None;
            };
            if !cell.holds(op.primitive) {
                return None;
            }
            let at = self.fused_test(inner)?;
            if let Op::JumpUnless2(site, a, b, t) = self.ops[at] {
                self.ops[at] = Op::JumpIf2(site, a, b, t);
                return Some(at);
            }
            self.ops.truncate(at);
            return None;
        }
        if let ([a], FastOp::IsNull | FastOp::IsPair | FastOp::Not) = (&*op.call.args, op.op) {
            let Expr::Global(cell, name_span) = &op.call.function else {
                return None;
            };
            if !is_operand(a) {
                return None;
            }
            let x = self.operand(a)?;
            let g = self.global(cell, *name_span);
            let site = Self::index(
                &mut self.primops,
                PrimSite {
                    op: op.op,
                    primitive: op.primitive,
                    global: g,
                    cell: cell.clone(),
                    span: op.call.span,
                },
            );
            self.ops.push(Op::JumpUnless1(site, x, 0));
            return Some(self.ops.len() - 1);
        }
        if !matches!(
            op.op,
            FastOp::Lt | FastOp::Gt | FastOp::Le | FastOp::Ge | FastOp::NumEq | FastOp::IsEq
        ) {
            return None;
        }
        let [a, b] = &*op.call.args else { return None };
        let Expr::Global(cell, name_span) = &op.call.function else {
            return None;
        };
        if !is_operand(a) || !is_operand(b) {
            return None;
        }
        let (a, b) = (self.operand(a)?, self.operand(b)?);
        let g = self.global(cell, *name_span);
        let site = Self::index(
            &mut self.primops,
            PrimSite {
                op: op.op,
                primitive: op.primitive,
                global: g,
                cell: cell.clone(),
                span: op.call.span,
            },
        );
        self.ops.push(Op::JumpUnless2(site, a, b, 0));
        Some(self.ops.len() - 1)
    }

    fn call_site(&mut self, call: &Call, global: u32) -> u32 {
        Self::index(
            &mut self.calls,
            CallSite {
                global,
                argc: call.args.len() as u32,
                span: call.span,
            },
        )
    }

    fn global_call(&mut self, call: &Call, tail: bool) -> Option<()> {
        let Expr::Global(cell, name_span) = &call.function else {
            return None;
        };
        let g = self.global(cell, *name_span);
        if !call.args.iter().all(is_plain) {
            self.ops.push(Op::CheckGlobal(g));
        }
        self.operands(&call.args)?;
        let site = self.call_site(call, g);
        self.call_op(tail, Op::TailCallGlobal(site), Op::CallGlobal(site));
        Some(())
    }

    fn primop(&mut self, op: &PrimOpCall, tail: bool) -> Option<()> {
        let call = &op.call;
        let Expr::Global(cell, name_span) = &call.function else {
            return None;
        };
        let g = self.global(cell, *name_span);
        let site = Self::index(
            &mut self.primops,
            PrimSite {
                op: op.op,
                primitive: op.primitive,
                global: g,
                cell: cell.clone(),
                span: call.span,
            },
        );
        match &*call.args {
            [a] if is_operand(a) => {
                let x = self.operand(a)?;
                self.ops.push(Op::Prim1Operand(site, x));
            }
            [a] => {
                self.expr(a, false)?;
                self.ops.push(Op::Prim1(site));
            }
            [a, b] => {
                if is_operand(a) && is_operand(b) {
                    let (x, y) = (self.operand(a)?, self.operand(b)?);
                    self.ops.push(Op::Prim2Operands(site, x, y));
                } else {
                    self.push(a)?;
                    self.expr(b, false)?;
                    self.ops.push(Op::Prim2(site));
                }
            }
            _ => return self.global_call(call, tail),
        }
        self.end(tail);
        Some(())
    }
}

/// Where a new closure's captures come from (shared with the tree
/// evaluator).
pub fn capture<'a>(
    source: &CaptureSource,
    frame: &'a [Value],
    captured: &'a [Value],
) -> Option<&'a Value> {
    match source {
        CaptureSource::Slot(s) => frame.get(*s as usize),
        CaptureSource::Captured(i) => captured.get(*i as usize),
        CaptureSource::SelfClosure => None,
    }
}
