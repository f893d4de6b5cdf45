//! Lowering: [`Core`] → [`Expr`].
//!
//! Decides, from what the expander recorded, where each variable lives:
//! * a plain frame slot (never captured, or captured but never assigned: the
//!   closure copies the value);
//! * a boxed slot (captured and assigned, or a letrec variable captured before it
//!   has its value), shared with the closures that capture it;
//! * the running closure itself, for a letrec-bound lambda referring to itself
//!   (no box, so no reference cycle).

use std::collections::HashMap;
use std::rc::Rc;

use crate::compile::core::*;
use crate::compile::expr::{
    Call, CaptureSource, Case, Expr, FastOp, Guard, Lambda, PrimOpCall, DEEP_EVERY,
};
use crate::interp::Interp;
use crate::syntax::Span;
use crate::value::Value;

/// Calls of globals with at most this many arguments get [`Expr::CallGlobal`].
const MAX_DIRECT_ARGS: usize = 3;

/// Where captures are keyed: a variable, or "the closure of lambda L".
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum CaptureKey {
    Var(VarId),
    SelfOf(LambdaId),
}

struct FnState {
    id: LambdaId,
    next_slot: u32,
    captures: Vec<CaptureSource>,
    capture_index: HashMap<CaptureKey, u32>,
}

/// Lowers one expanded top-level form.
pub struct Lowerer<'a> {
    vars: &'a [VarInfo],
    interp: &'a mut Interp,
    fns: Vec<FnState>,
    slot_of: Vec<u32>,
    /// Expressions being lowered, one inside the other.
    nesting: usize,
}

impl<'a> Lowerer<'a> {
    /// A lowerer for the variables an expander produced.
    pub fn new(vars: &'a [VarInfo], interp: &'a mut Interp) -> Lowerer<'a> {
        Lowerer {
            vars,
            interp,
            fns: Vec::new(),
            slot_of: vec![u32::MAX; vars.len()],
            nesting: 0,
        }
    }

    /// Lowers top-level code into a procedure of no arguments.
    pub fn lower_toplevel(mut self, core: &Core) -> Rc<Lambda> {
        self.fns.push(FnState {
            id: crate::compile::expand::TOPLEVEL,
            next_slot: 0,
            captures: Vec::new(),
            capture_index: HashMap::new(),
        });
        let body = self.lower(core);
        let state = self.fns.pop();
        Rc::new(Lambda {
            name: None,
            required: 0,
            rest: false,
            frame_size: state.map(|s| s.next_slot as usize).unwrap_or(0),
            boxed_params: Box::new([]),
            captures: Box::new([]),
            code: crate::compile::emit::emit(&body).map(Rc::new),
            body,
            span: core.span,
            toplevel: true,
            doc: None,
        })
    }

    fn self_eligible(&self, var: VarId) -> bool {
        let info = &self.vars[var];
        info.self_lambda.is_some() && !info.assigned
    }

    fn is_boxed(&self, var: VarId) -> bool {
        let info = &self.vars[var];
        if self.self_eligible(var) {
            info.captured
        } else {
            // An assigned variable is always boxed: a continuation re-entered
            // later copies the frame, and must see assignments made since.
            info.assigned || ((info.captured || info.captured_in_self) && info.letrec)
        }
    }

    fn current(&mut self) -> &mut FnState {
        let last = self.fns.len() - 1;
        &mut self.fns[last]
    }

    fn alloc_slot(&mut self, var: VarId) -> u32 {
        let state = self.current();
        let slot = state.next_slot;
        state.next_slot += 1;
        self.slot_of[var] = slot;
        slot
    }

    /// The capture index of `key` in function `level`, adding it (and whatever
    /// the enclosing functions need to supply it) on first use.
    fn capture(&mut self, level: usize, key: CaptureKey) -> u32 {
        if let Some(&i) = self.fns[level].capture_index.get(&key) {
            return i;
        }
        let parent = level - 1;
        let source = match key {
            CaptureKey::Var(var) if self.fns[parent].id == self.vars[var].owner => {
                CaptureSource::Slot(self.slot_of[var])
            }
            CaptureKey::SelfOf(lambda) if self.fns[parent].id == lambda => {
                CaptureSource::SelfClosure
            }
            _ => CaptureSource::Captured(self.capture(parent, key)),
        };
        let state = &mut self.fns[level];
        let index = state.captures.len() as u32;
        state.captures.push(source);
        state.capture_index.insert(key, index);
        index
    }

    fn reference(&mut self, var: VarId, span: Span) -> Expr {
        let info = &self.vars[var];
        let name = info.name;
        let level = self.fns.len() - 1;
        if self.self_eligible(var) {
            if let Some(lambda) = info.self_lambda {
                if let Some(pos) = self.fns.iter().position(|f| f.id == lambda) {
                    if pos == level {
                        return Expr::SelfRef;
                    }
                    if pos < level {
                        return Expr::Captured(self.capture(level, CaptureKey::SelfOf(lambda)));
                    }
                }
            }
        }
        let boxed = self.is_boxed(var);
        if self.fns[level].id == info.owner {
            let slot = self.slot_of[var];
            if boxed {
                Expr::LocalBox(slot, name, span)
            } else if info.letrec {
                Expr::LocalChecked(slot, name, span)
            } else {
                Expr::Local(slot)
            }
        } else {
            let index = self.capture(level, CaptureKey::Var(var));
            if boxed {
                Expr::CapturedBox(index, name, span)
            } else {
                Expr::Captured(index)
            }
        }
    }

    fn assign(&mut self, var: VarId, value: Expr) -> Expr {
        let level = self.fns.len() - 1;
        let boxed = self.is_boxed(var);
        if self.fns[level].id == self.vars[var].owner {
            let slot = self.slot_of[var];
            if boxed {
                Expr::SetLocalBox(slot, Box::new(value))
            } else {
                Expr::SetLocal(slot, Box::new(value))
            }
        } else {
            let index = self.capture(level, CaptureKey::Var(var));
            Expr::SetCapturedBox(index, Box::new(value))
        }
    }

    fn lower_all(&mut self, cores: &[Core]) -> Box<[Expr]> {
        cores.iter().map(|c| self.lower(c)).collect()
    }

    fn lower(&mut self, core: &Core) -> Expr {
        let stand_in = || Expr::Const(Value::Unspecified);
        self.nesting += 1;
        let expr = crate::native_stack::deeper_or(stand_in, || self.lower_inner(core));
        self.nesting -= 1;
        if self.nesting % DEEP_EVERY == DEEP_EVERY - 1 && !expr.is_leaf() {
            return Expr::Deep(Box::new(expr), core.span);
        }
        expr
    }

    fn lower_inner(&mut self, core: &Core) -> Expr {
        let span = core.span;
        match &core.kind {
            CoreKind::Const(v) => Expr::Const(v.clone()),
            CoreKind::Local(var) => self.reference(*var, span),
            CoreKind::Global(name) => Expr::Global(self.interp.global(*name), span),
            CoreKind::SetLocal(var, value) => {
                let value = self.lower(value);
                self.assign(*var, value)
            }
            CoreKind::SetGlobal(name, value) => {
                let value = self.lower(value);
                Expr::SetGlobal(self.interp.global(*name), Box::new(value), span)
            }
            CoreKind::DefineGlobal(name, value) => {
                let value = self.lower(value);
                Expr::DefineGlobal(self.interp.global(*name), Box::new(value))
            }
            CoreKind::If(test, then, otherwise) => {
                let test = self.lower(test);
                let then = self.lower(then);
                let otherwise = match otherwise {
                    Some(o) => self.lower(o),
                    None => Expr::Const(crate::value::Value::Unspecified),
                };
                Expr::If(Box::new((test, then, otherwise)))
            }
            CoreKind::Lambda(lambda) => Expr::MakeClosure(self.lower_lambda(lambda, span)),
            CoreKind::Seq(forms) => Expr::Seq(self.lower_all(forms)),
            CoreKind::Call(function, args) => {
                let function = self.lower(function);
                let args = self.lower_all(args);
                let call = Box::new(Call {
                    function,
                    args,
                    span,
                });
                if let Expr::Global(cell, _) = &call.function {
                    if let Value::Primitive(primitive) = cell.get() {
                        if let Some(op) = FastOp::for_builtin(primitive.name, call.args.len()) {
                            return Expr::PrimOp(Box::new(PrimOpCall {
                                op,
                                primitive,
                                call: *call,
                            }));
                        }
                    }
                }
                if matches!(call.function, Expr::SelfRef) {
                    return Expr::CallSelf(call);
                }
                let global_small_call =
                    matches!(call.function, Expr::Global(..)) && call.args.len() <= MAX_DIRECT_ARGS;
                if global_small_call {
                    Expr::CallGlobal(call)
                } else {
                    Expr::Call(call)
                }
            }
            CoreKind::Let(bindings, body) => {
                let inits: Vec<Expr> = bindings.iter().map(|(_, init)| self.lower(init)).collect();
                let mut lowered = Vec::new();
                for ((var, _), init) in bindings.iter().zip(inits) {
                    let slot = self.alloc_slot(*var);
                    lowered.push((slot, init, self.is_boxed(*var)));
                }
                let body = self.lower(body);
                Expr::Let(lowered.into_boxed_slice(), Box::new(body))
            }
            CoreKind::Body(vars, items) => {
                let mut slots = Vec::new();
                for var in vars {
                    let slot = self.alloc_slot(*var);
                    slots.push((slot, self.is_boxed(*var)));
                }
                let mut exprs = vec![Expr::InitSlots(slots.into_boxed_slice())];
                for item in items {
                    match item {
                        BodyItem::Define(var, value) => {
                            let value = self.lower(value);
                            exprs.push(self.assign(*var, value));
                        }
                        BodyItem::Expr(e) => exprs.push(self.lower(e)),
                    }
                }
                if matches!(items.last(), Some(BodyItem::Define(..))) {
                    exprs.push(Expr::Const(crate::value::Value::Unspecified));
                }
                Expr::Seq(exprs.into_boxed_slice())
            }
            CoreKind::And(forms) => Expr::And(self.lower_all(forms)),
            CoreKind::Or(forms) => Expr::Or(self.lower_all(forms)),
            CoreKind::Case(key, clauses, otherwise) => {
                let key = self.lower(key);
                let clauses = clauses
                    .iter()
                    .map(|c| {
                        (
                            c.data.clone().into_boxed_slice(),
                            self.lower(&c.body),
                            c.arrow,
                        )
                    })
                    .collect();
                let otherwise = otherwise.as_ref().map(|b| (self.lower(&b.0), b.1));
                Expr::Case(Box::new(Case {
                    key,
                    clauses,
                    otherwise,
                    span,
                }))
            }
            CoreKind::CondArrow(test, receiver, otherwise) => {
                let test = self.lower(test);
                let receiver = self.lower(receiver);
                let otherwise = match otherwise {
                    Some(o) => self.lower(o),
                    None => Expr::Const(crate::value::Value::Unspecified),
                };
                Expr::CondArrow(Box::new((test, receiver, otherwise)), span)
            }
            CoreKind::Guard(guard) => {
                let body = self.lower(&guard.body);
                let slot = self.alloc_slot(guard.var);
                let boxed = self.is_boxed(guard.var);
                let handler = self.lower(&guard.handler);
                Expr::Guard(Box::new(Guard {
                    slot,
                    boxed,
                    body,
                    handler,
                }))
            }
            CoreKind::Delay(thunk, is_force) => Expr::Delay(Box::new(self.lower(thunk)), *is_force),
        }
    }

    fn lower_lambda(&mut self, lambda: &CoreLambda, span: Span) -> Rc<Lambda> {
        self.fns.push(FnState {
            id: lambda.id,
            next_slot: 0,
            captures: Vec::new(),
            capture_index: HashMap::new(),
        });
        let mut boxed_params = Vec::new();
        for var in lambda.params.iter().chain(lambda.rest.iter()) {
            let slot = self.alloc_slot(*var);
            if self.is_boxed(*var) {
                boxed_params.push(slot);
            }
        }
        let body = self.lower(&lambda.body);
        let state = self.fns.pop();
        let (frame_size, captures) = match state {
            Some(s) => (s.next_slot as usize, s.captures),
            None => (0, Vec::new()),
        };
        Rc::new(Lambda {
            name: lambda.name,
            required: lambda.params.len(),
            rest: lambda.rest.is_some(),
            frame_size,
            boxed_params: boxed_params.into_boxed_slice(),
            captures: captures.into_boxed_slice(),
            code: crate::compile::emit::emit(&body).map(Rc::new),
            body,
            span,
            toplevel: false,
            doc: lambda.doc.clone(),
        })
    }
}
