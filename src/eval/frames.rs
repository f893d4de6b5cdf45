//! The frame machine's control stack: callers waiting for a call's value,
//! and the segments continuations share.
//!
//! Slots are kept once made and overwritten field by field on a push, so a
//! call stores its frame straight into place instead of building it in a
//! temporary and copying it (a copy that, read back right away, stalls the
//! processor's store forwarding on every call).
//!
//! A continuation keeps the stacks it captured as a chain of [`Segment`]s.
//! The stack remembers which prefix of itself equals the chain of the last
//! continuation captured or reinstated (its *mark*), so the next capture
//! copies only what was pushed since, and a reinstatement copies only what
//! differs from the live stacks. Popping a frame below the mark shortens it.

use std::rc::Rc;

use crate::syntax::Span;
use crate::value::{Closure, Value};

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
    /// The run (of the machine) whose stacks start with `mark`'s chain.
    mark_run: u64,
    mark: Option<SegmentRef>,
    /// `mark`'s frame count (0 without a mark): popping below it shortens
    /// the mark.
    mark_frames: usize,
}

/// Frames and values a continuation captured beyond its parent's: the
/// stacks from `frames_start` and `stack_start` (absolute positions) on.
pub(crate) struct Segment {
    parent: Option<SegmentRef>,
    frames_start: usize,
    frames: Vec<VmFrame>,
    stack_start: usize,
    stack: Vec<Value>,
}

/// A prefix of a segment chain: the segment's frames up to `frames_end`
/// and its values up to `stack_end`, below them its parents'.
#[derive(Clone)]
pub(crate) struct SegmentRef {
    segment: Rc<Segment>,
    frames_end: usize,
    stack_end: usize,
}

impl Drop for Segment {
    /// Drops a long chain one segment at a time, not by recursion.
    fn drop(&mut self) {
        let mut parent = self.parent.take();
        while let Some(p) = parent {
            parent = match Rc::try_unwrap(p.segment) {
                Ok(mut segment) => segment.parent.take(),
                Err(_) => None,
            };
        }
    }
}

impl SegmentRef {
    /// Where the prefix ends: frame count and value stack length.
    pub(crate) fn end(&self) -> (usize, usize) {
        (self.frames_end, self.stack_end)
    }

    /// Position of the segment's start, decreasing along parents.
    fn start_key(&self) -> usize {
        self.segment.frames_start + self.segment.stack_start
    }
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
        let frame = VmFrame {
            closure,
            pc: slot.pc,
            bp: slot.bp,
            top: slot.top,
            span: slot.span,
        };
        if index < self.mark_frames {
            // The caller resumes and may change its slots from `bp` on.
            self.shorten_mark(index, frame.bp as usize);
        }
        Some(frame)
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
    fn copy_range(&self, from: usize, to: usize) -> Vec<VmFrame> {
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
    fn extend(&mut self, frames: &[VmFrame]) {
        for f in frames {
            self.push(f.closure.clone(), f.pc, f.bp, f.top, f.span);
        }
    }

    /// Shortens the mark to at most `frames` frames and `stack` values.
    #[cold]
    #[inline(never)]
    fn shorten_mark(&mut self, frames: usize, stack: usize) {
        self.mark = shortened(self.mark.take(), frames, stack);
        self.mark_frames = self.mark.as_ref().map_or(0, |m| m.frames_end);
    }

    /// Records that run `run`'s stacks start with `mark`'s chain.
    fn set_mark(&mut self, run: u64, mark: Option<SegmentRef>) {
        self.mark_frames = mark.as_ref().map_or(0, |m| m.frames_end);
        self.mark_run = run;
        self.mark = mark;
    }

    /// Forgets the mark of `run`, which ends.
    pub(super) fn end_run(&mut self, run: u64) {
        if self.mark_run == run {
            self.set_mark(0, None);
        }
    }

    /// Captures run `run`'s frames `frames_floor..frames_end` and its
    /// values `stack[stack_floor..stack_end]` as a chain, copying only what
    /// lies beyond the mark.
    pub(super) fn capture(
        &mut self,
        run: u64,
        (frames_floor, frames_end): (usize, usize),
        stack: &[Value],
        (stack_floor, stack_end): (usize, usize),
    ) -> Option<SegmentRef> {
        let mark = self.mark.clone().filter(|_| self.mark_run == run);
        let parent = shortened(mark, frames_end, stack_end);
        let (frames_start, stack_start) = parent
            .as_ref()
            .map_or((frames_floor, stack_floor), SegmentRef::end);
        let chain = if frames_start == frames_end && stack_start == stack_end {
            parent
        } else {
            let segment = Segment {
                parent,
                frames_start,
                frames: self.copy_range(frames_start, frames_end),
                stack_start,
                stack: stack[stack_start..stack_end].to_vec(),
            };
            Some(SegmentRef {
                segment: Rc::new(segment),
                frames_end,
                stack_end,
            })
        };
        self.set_mark(run, chain.clone());
        chain
    }

    /// Puts back `chain` as run `run`'s stacks above `frames_floor` and
    /// `stack_floor`, copying only what differs from the live stacks when
    /// `shares_mark` (the chain was captured in this same run).
    pub(super) fn reinstate(
        &mut self,
        run: u64,
        chain: Option<&SegmentRef>,
        shares_mark: bool,
        stack: &mut Vec<Value>,
        frames_floor: usize,
        stack_floor: usize,
    ) {
        let common = match (&self.mark, chain) {
            (Some(mark), Some(chain)) if shares_mark && self.mark_run == run => {
                common_prefix(mark, chain)
            }
            _ => None,
        };
        let (frames_keep, stack_keep) = common.unwrap_or((frames_floor, stack_floor));
        self.truncate(frames_keep);
        super::vm::cut_stack(stack, stack_keep);
        let mut missing = Vec::new();
        let mut link = chain;
        while let Some(r) = link.filter(|r| r.frames_end > frames_keep || r.stack_end > stack_keep)
        {
            missing.push(r);
            link = r.segment.parent.as_ref();
        }
        for r in missing.into_iter().rev() {
            let segment = &r.segment;
            let from = frames_keep.max(segment.frames_start) - segment.frames_start;
            let to = r.frames_end - segment.frames_start;
            self.extend(&segment.frames[from..to]);
            let from = stack_keep.max(segment.stack_start) - segment.stack_start;
            let to = r.stack_end - segment.stack_start;
            stack.extend(segment.stack[from..to].iter().cloned());
        }
        self.set_mark(run, chain.cloned());
    }
}

/// `mark` cut to at most `frames` frames and `stack` values, dropping to
/// its parents as segments fall out of it.
fn shortened(mut mark: Option<SegmentRef>, frames: usize, stack: usize) -> Option<SegmentRef> {
    while let Some(m) = &mut mark {
        m.frames_end = m.frames_end.min(frames);
        m.stack_end = m.stack_end.min(stack);
        let start = (m.segment.frames_start, m.segment.stack_start);
        if m.frames_end >= start.0 && m.stack_end >= start.1 && m.end() != start {
            break;
        }
        mark = m.segment.parent.clone();
    }
    mark
}

/// How much of the live stacks, whose prefix is `mark`'s chain, `chain`
/// shares: the end of their longest common prefix, if any.
fn common_prefix(mark: &SegmentRef, chain: &SegmentRef) -> Option<(usize, usize)> {
    let (mut a, mut b) = (mark, chain);
    while !Rc::ptr_eq(&a.segment, &b.segment) {
        if a.start_key() >= b.start_key() {
            a = a.segment.parent.as_ref()?;
        } else {
            b = b.segment.parent.as_ref()?;
        }
    }
    Some((a.frames_end.min(b.frames_end), a.stack_end.min(b.stack_end)))
}
