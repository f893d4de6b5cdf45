//! Dropping deeply nested values without deep native recursion.
//!
//! Dropping a container drops what it holds, which may hold further
//! containers: a list nested a million levels deep in its cars would recurse
//! a million frames. Each container's `Drop` hands what it holds to
//! [`release`]. While the native stack has room, that is dropped at once (the
//! common, shallow case). Once the stack runs low, it is queued instead, and
//! the frame that queued first drains the queue one item at a time, so the
//! recursion goes no deeper. No stack segment is mapped, so dropping never
//! fails; if the queue itself cannot grow, the item is leaked rather than
//! aborting the process.

use std::any::Any;
use std::cell::{Cell, RefCell};

/// Native stack left when dropping switches from recursion to the queue.
const RED_ZONE: usize = 64 * 1024;

thread_local! {
    /// Contents of dropped containers, waiting to be dropped.
    static QUEUE: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
    /// True while a frame is draining [`QUEUE`].
    static DRAINING: Cell<bool> = const { Cell::new(false) };
}

/// Drops `contents` (what a dropped container held), recursing only while the
/// native stack has room.
pub(crate) fn release<T: 'static>(contents: T) {
    let draining = DRAINING.get();
    if !draining && !crate::native_stack::is_low(RED_ZONE) {
        drop(contents);
        return;
    }
    queue(contents);
    if !draining {
        drain();
    }
}

/// Puts `contents` on the queue; leaks it when the queue cannot grow.
#[cold]
fn queue<T: 'static>(contents: T) {
    QUEUE.with_borrow_mut(|queue| {
        if queue.try_reserve(1).is_ok() {
            queue.push(Box::new(contents));
        } else {
            std::mem::forget(contents);
        }
    });
}

/// Drops queued items until none is left; items they release are queued
/// and dropped here too, at this frame's depth.
#[cold]
fn drain() {
    DRAINING.set(true);
    while let Some(item) = QUEUE.with_borrow_mut(Vec::pop) {
        drop(item);
    }
    DRAINING.set(false);
}
