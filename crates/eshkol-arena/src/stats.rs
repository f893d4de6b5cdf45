//! Per-arena statistics.

/// A snapshot of one arena's memory accounting, for `arena-stats`, the
/// leak warning at exit and the REPL's `:arenas` command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ArenaStats {
    /// Bytes handed out, including the alignment padding placed before each
    /// allocation inside its block (the unused tail of a full block is not
    /// counted). This is the number the limit is checked against.
    pub used: usize,
    /// Sum of the block capacities the arena asked for (the allocator may
    /// have given slightly more; that slack is not counted).
    pub reserved: usize,
    /// Number of blocks the arena currently owns.
    pub blocks: usize,
    /// Number of allocations (and charges) made since creation or the last
    /// reset, zero-size ones included.
    pub allocations: usize,
    /// The byte limit on `used`, if any.
    pub limit: Option<usize>,
    /// Capacity of the first block, the one a reset keeps.
    pub first_block: usize,
}
