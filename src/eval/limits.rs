//! The evaluator's guards: interrupts, the call budget, the depth and memory
//! limits, and growing the native stack for deep non-tail recursion.

use std::rc::Rc;

use super::Tail;
use crate::compile::expr::Expr;
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::syntax::Span;
use crate::value::Closure;

impl Interp {
    /// Checked on every call: Ctrl-C, and every 65,536 calls the call budget
    /// and the memory bound.
    pub(super) fn poll(&mut self, span: Span) -> Result<()> {
        if self.interrupted() {
            return Err(Error::new(ErrorKind::Interrupted, "interrupted").at(span));
        }
        self.machine.calls += 1;
        if self.machine.calls & 0xFFFF == 0 {
            return self.check_limits(span);
        }
        Ok(())
    }

    /// Evaluates deeply nested code (see [`Expr::Deep`]) on a new native
    /// stack segment when the current one runs low.
    pub(super) fn eval_deep(
        &mut self,
        expr: &Expr,
        span: Span,
        bp: usize,
        closure: &Rc<Closure>,
    ) -> Result<Tail> {
        self.with_stack_room(span, |this| this.eval_tail(expr, bp, closure))
    }

    /// Runs `f` with [`RED_ZONE`] of native stack, on a new segment if need
    /// be; a memory error instead when the segment would not fit.
    #[inline(always)]
    pub(super) fn with_stack_room<R>(
        &mut self,
        span: Span,
        f: impl FnOnce(&mut Self) -> Result<R>,
    ) -> Result<R> {
        if crate::native_stack::is_low(RED_ZONE) {
            self.check_stack_segment(span)?;
        }
        stacker::maybe_grow(RED_ZONE, STACK_SEGMENT, || f(self))
    }

    /// Before the native stack grows by a segment: a memory error, not a
    /// failed `mmap` inside stacker, when the segment would pass
    /// `--max-memory` or the process's address-space limit (`ulimit -v`).
    #[cold]
    pub(super) fn check_stack_segment(&self, span: Span) -> Result<()> {
        let over_address_space = !crate::native_stack::segment_fits(STACK_SEGMENT);
        let over_memory = self.machine.max_memory.is_some_and(|limit| {
            crate::process_memory::resident_bytes().unwrap_or(0) + STACK_SEGMENT > limit
        });
        if !over_address_space && !over_memory {
            return Ok(());
        }
        Err(Error::new(
            ErrorKind::Memory,
            format!(
                "no memory left to go deeper: {} nested calls",
                crate::diagnostics::group(self.machine.depth)
            ),
        )
        .at(span)
        .with_help("make the recursion a tail call, or raise the memory bound"))
    }

    /// Fails when the call budget is spent or the process's resident memory
    /// is over the bound.
    #[cold]
    pub(super) fn check_limits(&self, span: Span) -> Result<()> {
        if let Some(budget) = self.machine.max_calls {
            if self.machine.calls >= budget {
                return Err(Error::new(
                    ErrorKind::CallLimit,
                    format!("call limit reached: more than {budget} procedure calls"),
                )
                .at(span));
            }
        }
        let Some(limit) = self.machine.max_memory else {
            return Ok(());
        };
        match crate::process_memory::resident_bytes() {
            Some(resident) if resident > limit => Err(Error::new(
                ErrorKind::Memory,
                format!(
                    "memory limit exceeded: {} resident, the limit is {}",
                    crate::diagnostics::human_bytes(resident),
                    crate::diagnostics::human_bytes(limit)
                ),
            )
            .at(span)
            .with_help("raise the bound with --max-memory, or keep less data alive")),
            _ => Ok(()),
        }
    }

    pub(super) fn too_deep(&self, span: Span) -> Error {
        Error::new(
            ErrorKind::RecursionDepth,
            format!(
                "recursion too deep: more than {} nested calls",
                self.machine.max_depth
            ),
        )
        .at(span)
        .with_help("make the recursive call a tail call (e.g. with an accumulator), or raise the limit with --max-depth")
    }
}

/// Native stack kept free before growing onto a new segment.
pub(super) const RED_ZONE: usize = 128 * 1024;

/// Size of each new native stack segment.
pub(super) const STACK_SEGMENT: usize = 4 * 1024 * 1024;
