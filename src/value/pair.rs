//! Pairs: the cons cell, with a drop that walks long lists without recursion.

use std::cell::Cell;
use std::rc::Rc;

use super::drop;
use super::{Owner, Value};
use crate::gc;

/// A pair. Fields are `Cell`s: reading clones the value out, which is cheap (an
/// `Rc` increment at most) and avoids a borrow flag per field.
pub struct Pair {
    car: Cell<Value>,
    cdr: Cell<Value>,
    /// The arena this pair was copied into, if any.
    pub owner: Option<Owner>,
}

impl Pair {
    /// A heap pair.
    #[inline]
    pub fn new(car: Value, cdr: Value) -> Pair {
        Pair {
            car: Cell::new(car),
            cdr: Cell::new(cdr),
            owner: None,
        }
    }

    /// A pair owned by an arena.
    pub fn in_arena(car: Value, cdr: Value, owner: Owner) -> Pair {
        Pair {
            car: Cell::new(car),
            cdr: Cell::new(cdr),
            owner: Some(owner),
        }
    }

    /// The first field.
    #[inline(always)]
    pub fn car(&self) -> Value {
        let v = self.car.take();
        let out = v.clone();
        // What comes back is the `Null` that `take` left: it owns nothing,
        // so it is forgotten rather than passed to the drop glue.
        std::mem::forget(self.car.replace(v));
        out
    }

    /// The second field.
    #[inline(always)]
    pub fn cdr(&self) -> Value {
        let v = self.cdr.take();
        let out = v.clone();
        // As in `car`.
        std::mem::forget(self.cdr.replace(v));
        out
    }

    /// Replaces the first field (registers a cycle candidate when needed).
    pub fn set_car(self: &Rc<Self>, value: Value) {
        if value.is_container() {
            gc::note_mutation(Value::Pair(self.clone()));
        }
        self.car.set(value);
    }

    /// Replaces the second field (registers a cycle candidate when needed).
    pub fn set_cdr(self: &Rc<Self>, value: Value) {
        if value.is_container() {
            gc::note_mutation(Value::Pair(self.clone()));
        }
        self.cdr.set(value);
    }

    /// [`Pair::set_cdr_fresh`], returning the old cdr.
    pub fn replace_cdr_fresh(&self, value: Value) -> Value {
        self.cdr.replace(value)
    }

    /// Sets the cdr of a pair that is still being built and so cannot be part of
    /// a cycle yet (list construction in builtins).
    pub fn set_cdr_fresh(&self, value: Value) {
        self.cdr.set(value);
    }

    /// Empties both fields; used by the cycle collector and arena destruction.
    pub fn clear(&self) {
        drop(self.car.take());
        drop(self.cdr.take());
    }
}

impl Drop for Pair {
    fn drop(&mut self) {
        // Unlink the cdr chain iteratively so a million-element list does not
        // recurse a million frames deep; what the cars (and a last non-pair
        // cdr, such as a stream's promise) hold goes to `release`.
        let mut next = self.cdr.take();
        loop {
            match next {
                Value::Pair(rc) => match Rc::try_unwrap(rc) {
                    Ok(mut pair) => {
                        next = pair.cdr.take();
                        let car = pair.car.take();
                        if car.is_container() {
                            drop::release(car);
                        }
                        // Emptied: forgetting it skips running this drop
                        // again on it (its owner, if any, is dropped here).
                        drop(pair.owner.take());
                        std::mem::forget(pair);
                    }
                    Err(_) => break,
                },
                tail => {
                    if tail.is_container() {
                        drop::release(tail);
                    }
                    break;
                }
            }
        }
        let car = self.car.take();
        if car.is_container() {
            drop::release(car);
        }
    }
}
