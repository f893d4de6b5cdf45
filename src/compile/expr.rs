//! The expressions the evaluator walks.
//!
//! Every variable is already an address: a slot in the current frame (on the
//! interpreter's value stack), an index into the running closure's captures, the
//! running closure itself, or a global cell. Nothing is looked up by name.

use std::rc::Rc;

use crate::symbol::Symbol;
use crate::syntax::Span;
use crate::value::Global;
use crate::value::Value;

/// An expression ready to evaluate.
pub enum Expr {
    Const(Value),
    /// A frame slot that always holds a value.
    Local(u32),
    /// A frame slot of a letrec variable, which may not have a value yet.
    LocalChecked(u32, Symbol, Span),
    /// A frame slot holding a box.
    LocalBox(u32, Symbol, Span),
    /// A captured value.
    Captured(u32),
    /// A captured box.
    CapturedBox(u32, Symbol, Span),
    /// The running closure (a procedure referring to itself).
    SelfRef,
    Global(Rc<Global>, Span),
    SetLocal(u32, Box<Expr>),
    SetLocalBox(u32, Box<Expr>),
    SetCapturedBox(u32, Box<Expr>),
    SetGlobal(Rc<Global>, Box<Expr>, Span),
    DefineGlobal(Rc<Global>, Box<Expr>),
    /// Prepares a body's letrec slots: a fresh box or "no value yet" in each.
    InitSlots(Box<[(u32, bool)]>),
    If(Box<(Expr, Expr, Expr)>),
    MakeClosure(Rc<Lambda>),
    /// Evaluates all but the last for effect, the last in tail position.
    Seq(Box<[Expr]>),
    Call(Box<Call>),
    /// A call of the running closure (a loop's recursion): no operator to
    /// evaluate or check.
    CallSelf(Box<Call>),
    /// A call of a hot builtin (`+`, `car`, `<`...) through its global: when
    /// the global still holds that builtin, the operation runs inline.
    PrimOp(Box<PrimOpCall>),
    /// A call whose operator is a global and which has at most three
    /// arguments: when the global holds a primitive, its arguments are passed
    /// in a small array instead of through the value stack.
    CallGlobal(Box<Call>),
    /// Stores each value in its slot (boxed if the flag says so), then the body.
    Let(Box<[(u32, Expr, bool)]>, Box<Expr>),
    And(Box<[Expr]>),
    Or(Box<[Expr]>),
    Case(Box<Case>),
    /// Test, receiver, alternative, and the clause (where an error in the
    /// receiver's call is reported).
    CondArrow(Box<(Expr, Expr, Expr)>, Span),
    /// `guard`: the body runs with a handler marker installed; a catchable
    /// error unwinds to here, its object goes in the slot, and the handler
    /// runs in tail position.
    Guard(Box<Guard>),
    /// A promise from a thunk; true for `delay-force`.
    Delay(Box<Expr>, bool),
    /// Evaluates the expression, first moving to a new native stack segment
    /// if the stack runs low. The lowerer wraps every [`DEEP_EVERY`]th level
    /// of nesting in one, so deeply nested code cannot overflow the stack
    /// between two procedure calls (which check the stack themselves).
    Deep(Box<Expr>, Span),
}

/// Levels of expression nesting between two [`Expr::Deep`] checks.
pub const DEEP_EVERY: usize = 32;

impl Expr {
    /// True for expressions that evaluate nothing inside them (constants and
    /// variable references).
    pub fn is_leaf(&self) -> bool {
        matches!(
            self,
            Expr::Const(_)
                | Expr::Local(_)
                | Expr::LocalChecked(..)
                | Expr::LocalBox(..)
                | Expr::Captured(_)
                | Expr::CapturedBox(..)
                | Expr::SelfRef
                | Expr::Global(..)
                | Expr::MakeClosure(_)
                | Expr::InitSlots(_)
        )
    }
}

/// Builtins the evaluator runs inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FastOp {
    Add,
    Sub,
    Mul,
    Lt,
    Gt,
    Le,
    Ge,
    NumEq,
    Car,
    Cdr,
    Cons,
    IsNull,
    IsPair,
    Not,
    IsEq,
    CharEq,
    VectorRef,
    StringRef,
}

impl FastOp {
    /// The operation a builtin's name stands for, with its argument count.
    pub fn for_builtin(name: &str, argc: usize) -> Option<FastOp> {
        Some(match (name, argc) {
            ("+", 2) => FastOp::Add,
            ("-", 2) => FastOp::Sub,
            ("*", 2) => FastOp::Mul,
            ("<", 2) => FastOp::Lt,
            (">", 2) => FastOp::Gt,
            ("<=", 2) => FastOp::Le,
            (">=", 2) => FastOp::Ge,
            ("=", 2) => FastOp::NumEq,
            ("car", 1) => FastOp::Car,
            ("cdr", 1) => FastOp::Cdr,
            ("cons", 2) => FastOp::Cons,
            ("null?", 1) => FastOp::IsNull,
            ("pair?", 1) => FastOp::IsPair,
            ("not", 1) => FastOp::Not,
            ("eq?", 2) => FastOp::IsEq,
            ("char=?", 2) => FastOp::CharEq,
            ("vector-ref", 2) => FastOp::VectorRef,
            ("string-ref", 2) => FastOp::StringRef,
            _ => return None,
        })
    }
}

/// A call of a builtin the evaluator may run inline.
pub struct PrimOpCall {
    pub op: FastOp,
    /// The builtin the global held at compile time; the fast path applies
    /// only while it still does.
    pub primitive: &'static crate::value::Primitive,
    /// The general form of the call, used otherwise.
    pub call: Call,
}

/// The parts of a `guard`.
pub struct Guard {
    pub slot: u32,
    pub boxed: bool,
    pub body: Expr,
    pub handler: Expr,
}

/// A procedure call.
pub struct Call {
    pub function: Expr,
    pub args: Box<[Expr]>,
    pub span: Span,
}

/// One `case` clause: its data, its body, and whether the body is a `=>`
/// receiver.
pub type CaseClause = (Box<[Value]>, Expr, bool);

/// A `case` expression.
pub struct Case {
    pub key: Expr,
    pub clauses: Box<[CaseClause]>,
    pub otherwise: Option<(Expr, bool)>,
    pub span: Span,
}

/// Where a new closure gets each captured value from, in the frame that creates
/// it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaptureSource {
    Slot(u32),
    Captured(u32),
    /// The closure that is running when the new closure is made.
    SelfClosure,
}

/// A compiled procedure body and its calling convention.
pub struct Lambda {
    /// The name it was defined with, for printing and stack traces.
    pub name: Option<Symbol>,
    /// Number of required parameters (slots `0..required`).
    pub required: usize,
    /// Whether extra arguments are collected into a list in slot `required`.
    pub rest: bool,
    /// Slots the frame needs: parameters plus every local bound inside.
    pub frame_size: usize,
    /// Parameter slots that must be boxed on entry (captured and assigned).
    pub boxed_params: Box<[u32]>,
    /// How to fill the closure's captures when it is created.
    pub captures: Box<[CaptureSource]>,
    pub body: Expr,
    /// The body as code for the frame machine, when it can run there.
    pub code: Option<Rc<crate::compile::emit::Code>>,
    /// Where the lambda was written.
    pub span: Span,
    /// True for the procedure wrapping a top-level form (left out of traces).
    pub toplevel: bool,
    /// Its documentation string, if its body starts with one.
    pub doc: Option<Rc<str>>,
}

impl Drop for Lambda {
    fn drop(&mut self) {
        // A body may be nested thousands of levels deep, and a closure may
        // die anywhere, deep in the native stack.
        let body = std::mem::replace(&mut self.body, Expr::Const(Value::Unspecified));
        crate::native_stack::drop_with_room(body);
    }
}

impl Lambda {
    /// "f" or "anonymous procedure", for messages.
    pub fn display_name(&self) -> String {
        match self.name {
            Some(name) => name.name().to_string(),
            None => "anonymous procedure".to_string(),
        }
    }

    /// "1 argument", "at least 2 arguments", for arity messages.
    pub fn arity_text(&self) -> String {
        let plural = if self.required == 1 { "" } else { "s" };
        if self.rest {
            format!("at least {} argument{plural}", self.required)
        } else {
            format!("{} argument{plural}", self.required)
        }
    }
}
