//! Errors of the arena runtime.

use thiserror::Error;

/// Everything that can go wrong in the arena runtime.
///
/// Every failure is reported as a value, never as a panic or an abort, so the
/// interpreter can turn it into a catchable Scheme error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ArenaError {
    /// The handle names an arena that has been destroyed (its slot may since
    /// have been reused by another arena, which the handle does not name).
    #[error("the arena has been destroyed")]
    Destroyed,
    /// The allocation was made before its arena was last reset, so its bytes
    /// now belong to something else.
    #[error("the allocation is stale: its arena was reset after it was made")]
    Reset,
    /// Handing out `requested` more bytes (plus alignment padding) would take
    /// the arena's used bytes past its limit.
    #[error(
        "arena limit of {limit} bytes exceeded: {used} bytes in use, {requested} more requested"
    )]
    LimitExceeded {
        /// The arena's byte limit.
        limit: usize,
        /// Bytes already handed out (including alignment padding).
        used: usize,
        /// The size of the request that failed.
        requested: usize,
    },
    /// The process allocator refused the memory, or the size computation
    /// overflowed.
    #[error("out of memory: cannot allocate {requested} bytes")]
    OutOfMemory {
        /// The size of the request that failed.
        requested: usize,
    },
    /// An arena cannot have a first block of this size (0).
    #[error("invalid arena size {requested}: the first block must be at least 1 byte")]
    InvalidSize {
        /// The size that was asked for.
        requested: usize,
    },
    /// A block index or byte range that does not exist in the arena.
    #[error("index {index} out of bounds for length {len}")]
    OutOfBounds {
        /// The offending index (block number or end of a byte range).
        index: usize,
        /// The number of blocks or of bytes available.
        len: usize,
    },
}
