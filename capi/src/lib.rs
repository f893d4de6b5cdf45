//! The C ABI of Eshkol's arena runtime: the functions declared in
//! `include/eshkol_arena.h`, each a thin wrapper around
//! [`eshkol_arena::Arena`], the same runtime the interpreter uses.
//!
//! An `Arena*` given to C is a heap-allocated [`Arena`] turned into a raw
//! pointer by `create_arena`/`create_arena_bounded` and turned back and
//! dropped by `destroy_arena`. Every failure is reported as `NULL` (or 0),
//! never as an abort: the runtime's errors are values, and the box holding
//! the arena is allocated fallibly too.
//!
//! The pointers `arena_alloc` returns come from [`Arena::alloc_ptr`]: 8-byte
//! aligned addresses of zeroed bytes inside blocks that never move, valid
//! until the arena is reset or destroyed.
#![deny(unsafe_op_in_unsafe_fn, clippy::undocumented_unsafe_blocks)]

use std::ffi::c_void;
use std::ptr;

use eshkol_arena::Arena;

/// Moves `arena` to the heap and returns its address, or `None` if the
/// allocator refuses (where `Box::new` would abort).
fn into_raw(arena: Arena) -> Option<*mut Arena> {
    let mut one = Vec::new();
    one.try_reserve_exact(1).ok()?;
    one.push(arena);
    // Length equals capacity, so this keeps the allocation as it is.
    let boxed: Box<[Arena; 1]> = one.into_boxed_slice().try_into().ok()?;
    // `[Arena; 1]` has the layout of `Arena`, so `Box::<Arena>::from_raw`
    // may take this pointer back.
    Some(Box::into_raw(boxed).cast::<Arena>())
}

/// Creates an arena for C, or returns NULL.
fn create(initial_block_size: usize, limit: Option<usize>) -> *mut Arena {
    Arena::new(initial_block_size, limit)
        .ok()
        .and_then(into_raw)
        .unwrap_or(ptr::null_mut())
}

/// Creates an arena whose first block holds `initial_block_size` bytes, with
/// no limit. Returns NULL if the size is 0 or cannot be allocated.
#[no_mangle]
pub extern "C" fn create_arena(initial_block_size: usize) -> *mut Arena {
    create(initial_block_size, None)
}

/// Creates an arena like [`create_arena`] that hands out at most `limit`
/// bytes (alignment padding included) in all. Returns NULL on failure.
#[no_mangle]
pub extern "C" fn create_arena_bounded(initial_block_size: usize, limit: usize) -> *mut Arena {
    create(initial_block_size, Some(limit))
}

/// Hands out `size` zeroed, 8-byte aligned bytes from `arena`, or NULL if
/// `arena` is NULL, the limit would be passed or memory is exhausted.
///
/// # Safety
/// `arena` is NULL or a pointer returned by `create_arena` or
/// `create_arena_bounded` that has not been destroyed, and no other thread
/// uses that arena during the call.
#[no_mangle]
pub unsafe extern "C" fn arena_alloc(arena: *mut Arena, size: usize) -> *mut c_void {
    // SAFETY: by the caller's contract `arena` is NULL (mapped to `None`) or
    // points to a live `Arena` we boxed, used by no one else during the call,
    // so a unique reference to it is sound for the call's duration.
    let Some(arena) = (unsafe { arena.as_mut() }) else {
        return ptr::null_mut();
    };
    match arena.alloc_ptr(size) {
        Ok(address) => address.as_ptr().cast(),
        Err(_) => ptr::null_mut(),
    }
}

/// Frees every block of `arena` and the arena itself. NULL is a no-op.
///
/// # Safety
/// `arena` is NULL or a pointer returned by `create_arena` or
/// `create_arena_bounded` that has not been destroyed yet, and no other
/// thread uses the arena. The pointer and every allocation from the arena
/// are invalid afterwards.
#[no_mangle]
pub unsafe extern "C" fn destroy_arena(arena: *mut Arena) {
    if arena.is_null() {
        return;
    }
    // SAFETY: a non-null `arena` came from `into_raw` (a global-allocator
    // allocation with the layout of `Arena`) and has not been destroyed, by
    // the caller's contract, so we own it and may rebuild the box to drop it.
    drop(unsafe { Box::from_raw(arena) });
}

/// Frees everything allocated from `arena` but keeps its first block for
/// reuse. Every pointer it handed out becomes invalid. NULL is a no-op.
///
/// # Safety
/// As for [`arena_alloc`].
#[no_mangle]
pub unsafe extern "C" fn arena_reset(arena: *mut Arena) {
    // SAFETY: as in `arena_alloc`: NULL or a live arena used by no one else
    // during the call.
    if let Some(arena) = unsafe { arena.as_mut() } {
        arena.reset();
    }
}

/// Reads the statistics of `arena` through `field`, or 0 for NULL.
///
/// # Safety
/// `arena` is NULL or a live arena not being changed by another thread.
unsafe fn stat(arena: *const Arena, field: impl Fn(&Arena) -> usize) -> usize {
    // SAFETY: by the caller's contract `arena` is NULL (mapped to `None`) or
    // points to a live `Arena` that nothing mutates during the call.
    unsafe { arena.as_ref() }.map_or(0, field)
}

/// Bytes handed out by `arena` since creation or the last reset, alignment
/// padding included; 0 for NULL.
///
/// # Safety
/// `arena` is NULL or a live arena that no other thread changes during the
/// call.
#[no_mangle]
pub unsafe extern "C" fn arena_used_memory(arena: *const Arena) -> usize {
    // SAFETY: the contract is passed on unchanged.
    unsafe { stat(arena, |a| a.stats().used) }
}

/// Bytes reserved in all of `arena`'s blocks; 0 for NULL.
///
/// # Safety
/// As for [`arena_used_memory`].
#[no_mangle]
pub unsafe extern "C" fn arena_total_memory(arena: *const Arena) -> usize {
    // SAFETY: the contract is passed on unchanged.
    unsafe { stat(arena, |a| a.stats().reserved) }
}

/// The number of blocks `arena` holds; 0 for NULL.
///
/// # Safety
/// As for [`arena_used_memory`].
#[no_mangle]
pub unsafe extern "C" fn arena_block_count(arena: *const Arena) -> usize {
    // SAFETY: the contract is passed on unchanged.
    unsafe { stat(arena, |a| a.stats().blocks) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_through_the_c_functions() {
        let a = create_arena(1024);
        assert!(!a.is_null());
        // SAFETY: `a` is live and used only by this thread until destroyed.
        unsafe {
            let p = arena_alloc(a, 100).cast::<u8>();
            assert!(!p.is_null());
            assert_eq!(p as usize % 8, 0);
            assert_eq!(arena_used_memory(a), 100);
            assert_eq!(arena_alloc(a, 1000).cast::<u8>() as usize % 8, 0);
            assert_eq!(arena_block_count(a), 2);
            assert_eq!(arena_total_memory(a), 1024 + 2048);
            arena_reset(a);
            assert_eq!(arena_used_memory(a), 0);
            assert_eq!(arena_block_count(a), 1);
            destroy_arena(a);
        }
    }

    #[test]
    fn failures_are_null_not_aborts() {
        assert!(create_arena(0).is_null());
        assert!(create_arena(usize::MAX).is_null());
        assert!(create_arena_bounded(0, 10).is_null());
        // SAFETY: NULL is allowed everywhere; `b` is live until destroyed.
        unsafe {
            assert!(arena_alloc(ptr::null_mut(), 8).is_null());
            arena_reset(ptr::null_mut());
            destroy_arena(ptr::null_mut());
            assert_eq!(arena_used_memory(ptr::null()), 0);
            assert_eq!(arena_total_memory(ptr::null()), 0);
            assert_eq!(arena_block_count(ptr::null()), 0);
            let b = create_arena_bounded(64, 16);
            assert!(!arena_alloc(b, 16).is_null());
            assert!(arena_alloc(b, 1).is_null());
            assert!(arena_alloc(b, usize::MAX).is_null());
            assert!(!arena_alloc(b, 0).is_null());
            destroy_arena(b);
        }
    }
}
