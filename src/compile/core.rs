//! The core language: what the expander produces from data.
//!
//! Derived forms (`let*`, `cond`, `do`, named `let`, `when`, quasiquote...) are
//! already rewritten into these few forms, and every variable is already resolved
//! to a [`VarId`] (a lexical variable) or a global name. The lowering pass then
//! decides frame slots, captures and boxes from the facts recorded in [`VarInfo`].

use crate::symbol::Symbol;
use crate::syntax::Span;
use crate::value::Value;
use std::rc::Rc;

/// Index into the expander's variable table.
pub type VarId = usize;

/// Index into the expander's lambda table.
pub type LambdaId = usize;

/// What the expander learned about one lexical variable.
#[derive(Clone, Debug)]
pub struct VarInfo {
    pub name: Symbol,
    /// The lambda whose frame holds the variable.
    pub owner: LambdaId,
    /// Assigned by `set!` somewhere.
    pub assigned: bool,
    /// Bound by `letrec`/internal `define` (so it exists before it has a value).
    pub letrec: bool,
    /// For a letrec variable bound directly to a lambda: that lambda. References
    /// from inside it can use the running closure instead of a captured box.
    pub self_lambda: Option<LambdaId>,
    /// Referenced from a lambda other than its owner, not counting references
    /// from inside `self_lambda`.
    pub captured: bool,
    /// Referenced from a lambda nested inside `self_lambda` (or from it).
    pub captured_in_self: bool,
}

/// A core expression with the span of the source it came from.
#[derive(Clone, Debug)]
pub struct Core {
    pub kind: CoreKind,
    pub span: Span,
}

/// The core forms.
#[derive(Clone, Debug)]
pub enum CoreKind {
    Const(Value),
    Local(VarId),
    Global(Symbol),
    SetLocal(VarId, Box<Core>),
    SetGlobal(Symbol, Box<Core>),
    DefineGlobal(Symbol, Box<Core>),
    If(Box<Core>, Box<Core>, Option<Box<Core>>),
    Lambda(Box<CoreLambda>),
    Seq(Vec<Core>),
    Call(Box<Core>, Vec<Core>),
    /// Parallel bindings, then the body.
    Let(Vec<(VarId, Core)>, Box<Core>),
    /// Sequential definitions and expressions with letrec* scope: every variable
    /// exists (unassigned) before the first item runs.
    Body(Vec<VarId>, Vec<BodyItem>),
    And(Vec<Core>),
    Or(Vec<Core>),
    /// `case`: key, clauses of (data, body, arrow?), else (body, arrow?).
    Case(Box<Core>, Vec<CaseClause>, Option<Box<(Core, bool)>>),
    /// `(cond (test => receiver))` clause: evaluates test, calls receiver with
    /// it when true, else evaluates the rest.
    CondArrow(Box<Core>, Box<Core>, Option<Box<Core>>),
    /// `guard`: runs the body; if it raises, binds the raised object to the
    /// variable and runs the handler (whose clauses end in a re-raise).
    Guard(Box<GuardCore>),
    /// `delay`/`delay-force`/`make-promise`-style lazy value from a thunk
    /// lambda; the flag is true for `delay-force`.
    Delay(Box<Core>, bool),
}

/// The parts of a `guard`.
#[derive(Clone, Debug)]
pub struct GuardCore {
    pub var: VarId,
    pub body: Core,
    pub handler: Core,
}

/// One `case` clause.
#[derive(Clone, Debug)]
pub struct CaseClause {
    pub data: Vec<Value>,
    pub body: Core,
    /// `(data => receiver)`: body is the receiver to call with the key.
    pub arrow: bool,
}

/// An item of a body: a definition or an expression.
#[derive(Clone, Debug)]
pub enum BodyItem {
    Define(VarId, Core),
    Expr(Core),
}

/// A lambda expression.
#[derive(Clone, Debug)]
pub struct CoreLambda {
    pub id: LambdaId,
    pub name: Option<Symbol>,
    pub params: Vec<VarId>,
    pub rest: Option<VarId>,
    pub body: Core,
    /// A string written as the first of several body forms: the procedure's
    /// documentation, shown by the REPL's `:doc` and `:describe`.
    pub doc: Option<Rc<str>>,
}

impl Core {
    /// Builds a node.
    pub fn new(kind: CoreKind, span: Span) -> Core {
        Core { kind, span }
    }
}
