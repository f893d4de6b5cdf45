//! The frame machine's control stack: callers waiting for a call's value.
//!
//! Slots are kept once made and overwritten field by field on a push, so a
//! call stores its frame straight into place instead of building it in a
//! temporary and copying it (a copy that, read back right away, stalls the
//! processor's store forwarding on every call).

use std::rc::Rc;

use crate::syntax::Span;
use crate::value::Closure;

/// A caller waiting for a call's value.
#[derive(Clone)]
pub(crate) struct VmFrame {
    pub(super) closure: Rc<Closure>,
    /// The instruction after the call.
    pub(super) pc: u32,
    pub(super) bp: u32,
    /// The value stack's length once the call returns.
    pub(super) top: u32,
    /// The call that entered `closure` (for backtraces).
    pub(super) span: Span,
}

/// A slot of the stack: `closure` is `None` above the stack's length, so a
/// popped frame keeps nothing alive.
struct Slot {
    closure: Option<Rc<Closure>>,
    pc: u32,
    bp: u32,
    top: u32,
    span: Span,
}

/// The saved callers, innermost last.
#[derive(Default)]
pub(crate) struct FrameStack {
    slots: Vec<Slot>,
    len: usize,
}

impl FrameStack {
    /// How many callers wait.
    #[inline(always)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Saves a caller.
    #[inline(always)]
    pub(super) fn push(&mut self, closure: Rc<Closure>, pc: u32, bp: u32, top: u32, span: Span) {
        if self.len == self.slots.len() {
            self.add_slot();
        }
        // Invariant: `slots.len() > len`, and the slot at `len` is empty.
        if let Some(slot) = self.slots.get_mut(self.len) {
            slot.closure = Some(closure);
            slot.pc = pc;
            slot.bp = bp;
            slot.top = top;
            slot.span = span;
            self.len += 1;
        }
    }

    #[cold]
    #[inline(never)]
    fn add_slot(&mut self) {
        self.slots.push(Slot {
            closure: None,
            pc: 0,
            bp: 0,
            top: 0,
            span: Span::default(),
        });
    }

    /// Takes the innermost caller off.
    #[inline(always)]
    pub(super) fn pop(&mut self) -> Option<VmFrame> {
        let index = self.len.checked_sub(1)?;
        let slot = self.slots.get_mut(index)?;
        let closure = slot.closure.take()?;
        self.len = index;
        Some(VmFrame {
            closure,
            pc: slot.pc,
            bp: slot.bp,
            top: slot.top,
            span: slot.span,
        })
    }

    /// The innermost caller.
    pub(super) fn last(&self) -> Option<VmFrame> {
        self.get(self.len.checked_sub(1)?)
    }

    /// The caller at `index` (0 is the outermost).
    fn get(&self, index: usize) -> Option<VmFrame> {
        if index >= self.len {
            return None;
        }
        let slot = self.slots.get(index)?;
        Some(VmFrame {
            closure: slot.closure.clone()?,
            pc: slot.pc,
            bp: slot.bp,
            top: slot.top,
            span: slot.span,
        })
    }

    /// Copies of the callers from `from` up to (not including) `to`.
    pub(super) fn copy_range(&self, from: usize, to: usize) -> Vec<VmFrame> {
        (from..to.min(self.len))
            .filter_map(|i| self.get(i))
            .collect()
    }

    /// Drops the callers from `len` on.
    pub(super) fn truncate(&mut self, len: usize) {
        while self.len > len {
            self.pop();
        }
    }

    /// Saves copies of `frames` on top.
    pub(super) fn extend(&mut self, frames: &[VmFrame]) {
        for f in frames {
            self.push(f.closure.clone(), f.pc, f.bp, f.top, f.span);
        }
    }
}
