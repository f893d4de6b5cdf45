//! `dynamic-wind` extents as data: the chain of (before, after) pairs whose
//! thunks are running, innermost first.
//!
//! A continuation keeps the chain that was current when it was captured (one
//! `Rc`, nothing copied). Calling it travels from the current chain to that
//! one: the after thunks of the extents it leaves run innermost first, then
//! the before thunks of the extents it enters, outermost first (R7RS 6.10).
//! An error or an escape that leaves a run of the machine runs the after
//! thunks of the extents entered inside that run.

use std::rc::Rc;

use crate::diagnostics::Result;
use crate::interp::Interp;
use crate::value::Value;

/// One `dynamic-wind` whose thunk is running.
pub(crate) struct Winder {
    before: Value,
    after: Value,
    parent: Winders,
    /// How many extents enclose this one, itself included.
    depth: usize,
}

/// The innermost running extent, if any.
pub(crate) type Winders = Option<Rc<Winder>>;

impl Drop for Winder {
    /// Unlinks the chain iteratively: a continuation captured a million
    /// extents deep must not drop them by a million nested calls.
    fn drop(&mut self) {
        let mut next = self.parent.take();
        while let Some(rc) = next {
            match Rc::try_unwrap(rc) {
                Ok(mut winder) => next = winder.parent.take(),
                Err(_) => break,
            }
        }
    }
}

fn depth(w: &Winders) -> usize {
    w.as_ref().map_or(0, |w| w.depth)
}

fn parent(w: &Winders) -> Winders {
    w.as_ref().and_then(|w| w.parent.clone())
}

/// Whether two chains are the same extent.
pub(crate) fn same(a: &Winders, b: &Winders) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

impl Interp {
    /// Enters the extent of a `dynamic-wind` whose `before` has run.
    pub(crate) fn wind_enter(&mut self, before: Value, after: Value) {
        let parent = self.machine.winders.take();
        let depth = depth(&parent) + 1;
        self.machine.winders = Some(Rc::new(Winder {
            before,
            after,
            parent,
            depth,
        }));
    }

    /// Leaves the innermost extent, whose thunk returned (its `after` is the
    /// caller's to run).
    pub(crate) fn wind_leave(&mut self) {
        self.machine.winders = parent(&self.machine.winders);
    }

    /// Travels from the current extents to `target`, running the after
    /// thunks of those left and the before thunks of those entered; each runs
    /// with the extents that enclose its `dynamic-wind` current.
    pub(crate) fn wind_to(&mut self, target: &Winders) -> Result<()> {
        if same(&self.machine.winders, target) {
            return Ok(());
        }
        let mut from = self.machine.winders.clone();
        let mut to = target.clone();
        let mut entering = Vec::new();
        while depth(&from) > depth(&to) {
            from = parent(&from);
        }
        while depth(&to) > depth(&from) {
            entering.push(to.clone());
            to = parent(&to);
        }
        while !same(&from, &to) {
            from = parent(&from);
            entering.push(to.clone());
            to = parent(&to);
        }
        while !same(&self.machine.winders, &from) {
            let Some(leaving) = self.machine.winders.clone() else {
                break;
            };
            self.machine.winders = leaving.parent.clone();
            self.apply(&leaving.after, &[])?;
        }
        for entered in entering.into_iter().rev().flatten() {
            self.apply(&entered.before, &[])?;
            self.machine.winders = Some(entered);
        }
        Ok(())
    }

    /// [`Interp::wind_to`] for an error on its way out: the error an after
    /// thunk raises replaces it; the extents end at `target` either way.
    pub(crate) fn wind_out(
        &mut self,
        error: crate::diagnostics::Error,
        target: &Winders,
    ) -> crate::diagnostics::Error {
        let result = self.wind_to(target);
        self.machine.winders = target.clone();
        match result {
            Ok(()) => error,
            Err(e) => e,
        }
    }
}
