//! Recursing deeper than the native stack allows, without ever aborting.
//!
//! Walks over nested data (expansion, lowering, quoting, syntax-rules
//! matching) recurse once per level, and nesting is bounded only by memory.
//! [`grow`] moves such a walk onto a fresh stack segment when the current one
//! runs low. A segment is mapped memory: under an address-space limit
//! (`ulimit -v`) the mapping can fail, and `stacker` panics when it does, so
//! [`grow`] first checks that the segment fits and reports [`Exhausted`]
//! instead.
//!
//! Walks that return a `Result` use [`deeper`], which turns [`Exhausted`] into
//! a `memory` error. Walks that cannot fail (copying a datum, lowering an
//! expression) use [`deeper_or`]: it returns a stand-in value and marks the
//! thread, and the pass around them, run under [`watched`], reports the error
//! instead of its result.

use std::cell::Cell;

use crate::diagnostics::{Error, ErrorKind, Result};
use crate::process_memory::{address_space_bytes, address_space_limit};

/// Native stack kept free before a walk moves to a new segment: enough to
/// drop a tree of code nested [`crate::syntax::MAX_NESTING`] levels deep
/// (about 100 bytes a level), which the walks make and drop as they go.
pub const RED_ZONE: usize = 1024 * 1024;
/// Size of each new segment for walks over nested data.
pub const SEGMENT: usize = 4 * 1024 * 1024;

/// Address space kept for the allocator besides a new segment, so growing
/// the stack never takes the last memory the heap needs to report the error.
const ALLOCATOR_MARGIN: usize = 64 << 20;

/// The native stack is nearly full and no new segment fits in the address
/// space; the walk must stop with a `memory` error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exhausted;

/// Runs `f`, on a new [`SEGMENT`] when fewer than [`RED_ZONE`] bytes of
/// stack are left.
pub fn grow<R>(f: impl FnOnce() -> R) -> Result<R, Exhausted> {
    if !is_low(RED_ZONE) {
        return Ok(f());
    }
    if !segment_fits(SEGMENT) {
        return Err(Exhausted);
    }
    Ok(stacker::grow(SEGMENT, f))
}

/// Drops `tree` (compiled code, nested at most
/// [`crate::syntax::MAX_NESTING`] levels) with [`RED_ZONE`] of stack to do it
/// in; when no segment fits, leaks it rather than overflow the stack.
pub fn drop_with_room<T>(tree: T) {
    if !is_low(RED_ZONE) {
        drop(tree);
    } else if segment_fits(SEGMENT) {
        stacker::grow(SEGMENT, move || drop(tree));
    } else {
        std::mem::forget(tree);
    }
}

/// True when fewer than `red_zone` bytes are left on the current stack (or
/// the amount is unknown).
pub fn is_low(red_zone: usize) -> bool {
    stacker::remaining_stack().is_none_or(|left| left < red_zone)
}

/// True when a new stack segment of `segment` bytes fits under the
/// address-space limit with room to spare for the heap.
pub fn segment_fits(segment: usize) -> bool {
    address_space_limit().is_none_or(|limit| {
        address_space_bytes().unwrap_or(0) + segment + ALLOCATOR_MARGIN <= limit
    })
}

impl From<Exhausted> for Error {
    fn from(_: Exhausted) -> Error {
        Error::new(
            ErrorKind::Memory,
            "no memory left for the native stack: the data or code is nested too deeply",
        )
        .with_help("nest less deeply, or give the process more memory (`ulimit -v`)")
    }
}

/// Runs one level of a fallible walk over nested data (see [`grow`]).
pub fn deeper<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    grow(f)?
}

thread_local! {
    /// Set when a [`deeper_or`] walk stopped short; read by [`watched`].
    static STOPPED_SHORT: Cell<bool> = const { Cell::new(false) };
}

/// Runs one level of an infallible walk; when the stack cannot grow, returns
/// `stand_in` and marks the thread so the enclosing [`watched`] pass fails.
pub fn deeper_or<R>(stand_in: impl FnOnce() -> R, f: impl FnOnce() -> R) -> R {
    grow(f).unwrap_or_else(|Exhausted| {
        STOPPED_SHORT.set(true);
        stand_in()
    })
}

/// Runs a pass whose walks use [`deeper_or`]: its result, or the `memory`
/// error when one of them stopped short (whatever the pass made of the
/// stand-in value is discarded).
pub fn watched<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    let outer = STOPPED_SHORT.replace(false);
    let result = f();
    let stopped = STOPPED_SHORT.replace(outer);
    if stopped {
        return Err(Exhausted.into());
    }
    result
}
