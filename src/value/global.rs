//! Global variables: one cell per top-level name, shared by every piece of
//! compiled code that refers to it.

use std::cell::RefCell;
use std::rc::Rc;

use super::{Closure, Primitive, Value};
use crate::symbol::Symbol;

/// A global variable's cell. Compiled code holds an `Rc` to it, so a global
/// reference is one pointer away, with no name lookup at run time.
pub struct Global {
    pub name: Symbol,
    /// A `RefCell`, not a `Cell`: reading clones through a shared borrow
    /// instead of moving the value out and back, which the hot path of every
    /// global reference would otherwise pay for.
    value: RefCell<Value>,
}

impl Global {
    /// An unbound global.
    pub fn new(name: Symbol) -> Global {
        Global {
            name,
            value: RefCell::new(Value::Undefined),
        }
    }

    /// The current value (`Value::Undefined` when unbound).
    #[inline]
    pub fn get(&self) -> Value {
        self.value.borrow().clone()
    }

    /// Binds or assigns.
    pub fn set(&self, value: Value) {
        let old = self.value.replace(value);
        drop(old);
    }

    /// Whether the global holds exactly this builtin (checked without cloning).
    #[inline]
    pub fn holds(&self, primitive: &'static Primitive) -> bool {
        matches!(&*self.value.borrow(), Value::Primitive(p) if std::ptr::eq(*p, primitive))
    }

    /// The closure the global holds, if it holds one.
    #[inline]
    pub fn closure(&self) -> Option<Rc<Closure>> {
        match &*self.value.borrow() {
            Value::Closure(c) => Some(c.clone()),
            _ => None,
        }
    }

    /// Whether the global has a value.
    pub fn is_bound(&self) -> bool {
        !matches!(*self.value.borrow(), Value::Undefined)
    }
}
