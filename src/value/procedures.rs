//! Procedures made at run time: closures, the boxes of captured variables,
//! promises, and the special procedures that are not closures.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::drop;
use super::{RecordType, Value};
use crate::compile::Lambda;
use crate::gc;
use crate::symbol::Symbol;

/// A compiled procedure together with the values it captured.
pub struct Closure {
    pub lambda: Rc<Lambda>,
    /// Captured variables (values, or [`VarBox`]es for assigned variables), in
    /// the order of the lambda's capture list.
    pub captured: Box<[Value]>,
}

impl Drop for Closure {
    fn drop(&mut self) {
        let captured = std::mem::take(&mut self.captured);
        if captured.iter().any(Value::is_container) {
            drop::release(captured);
        }
    }
}

/// A variable that is both captured and assigned, shared between the frame that
/// declares it and the closures that capture it.
pub struct VarBox {
    value: Cell<Value>,
}

impl VarBox {
    /// A box holding `value`.
    pub fn new(value: Value) -> VarBox {
        VarBox {
            value: Cell::new(value),
        }
    }

    /// The current value.
    #[inline(always)]
    pub fn get(&self) -> Value {
        let v = self.value.take();
        let out = v.clone();
        // As in `Pair::car`.
        std::mem::forget(self.value.replace(v));
        out
    }

    /// Assigns (registers a cycle candidate when needed).
    pub fn set(self: &Rc<Self>, value: Value) {
        if value.is_container() {
            gc::note_mutation(Value::Boxed(self.clone()));
        }
        self.value.set(value);
    }

    /// Empties the box; used by the cycle collector.
    pub fn clear(&self) {
        drop(self.value.take());
    }
}

impl Drop for VarBox {
    fn drop(&mut self) {
        let value = self.value.take();
        if value.is_container() {
            drop::release(value);
        }
    }
}

/// A promise made by `delay`, `delay-force` or `make-promise`.
pub struct Promise {
    pub state: RefCell<PromiseState>,
}

/// Whether a promise has been forced.
pub enum PromiseState {
    /// Not yet forced: the thunk computes the value (or another promise, for
    /// `delay-force`).
    Delayed {
        thunk: Value,
        is_stream: bool,
    },
    Forced(Value),
}

impl Drop for Promise {
    fn drop(&mut self) {
        let state = std::mem::replace(
            self.state.get_mut(),
            PromiseState::Forced(Value::Unspecified),
        );
        let (PromiseState::Delayed { thunk: value, .. } | PromiseState::Forced(value)) = state;
        if value.is_container() {
            drop::release(value);
        }
    }
}

/// Procedures created at run time that are not closures.
pub enum SpecialProc {
    /// A continuation from `call/cc`. An escape-only one is usable while
    /// its extent lasts; one the frame machine `captured` (its frames, held
    /// opaquely here) can be re-entered while the machine run that made it
    /// lasts.
    Continuation {
        id: u64,
        active: Cell<bool>,
        captured: Option<Rc<dyn std::any::Any>>,
    },
    /// A parameter object from `make-parameter`.
    Parameter {
        value: RefCell<Value>,
        converter: Option<Value>,
    },
    /// A `case-lambda` procedure: the first clause whose arity fits is called.
    CaseLambda(Vec<Rc<Closure>>),
    /// Builds a record from the given fields (by index), the rest unspecified.
    RecordConstructor {
        rtype: Rc<RecordType>,
        name: Symbol,
        fields: Vec<usize>,
    },
    RecordPredicate {
        rtype: Rc<RecordType>,
        name: Symbol,
    },
    RecordAccessor {
        rtype: Rc<RecordType>,
        name: Symbol,
        index: usize,
    },
    RecordModifier {
        rtype: Rc<RecordType>,
        name: Symbol,
        index: usize,
    },
}
