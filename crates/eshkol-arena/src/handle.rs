//! Handles: names for arenas and for allocations inside them.

/// Names an arena in an [`super::Arenas`] registry.
///
/// The generation changes whenever the slot's arena is destroyed, so a handle
/// to a destroyed arena is recognised as stale even after the slot has been
/// reused: there is no dangling reference to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArenaId {
    /// Index of the arena's slot in the registry.
    pub slot: u32,
    /// The slot's generation when the arena was created.
    pub generation: u32,
}

/// Names a run of bytes handed out by an arena.
///
/// It records the arena, the arena's epoch (reset count) at the time, and
/// where the bytes are, instead of borrowing them, so it can be stored in
/// interpreter values freely and checked on every access: an allocation from
/// a destroyed arena is `Destroyed`, one from before a reset is `Reset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Allocation {
    pub(crate) arena: ArenaId,
    pub(crate) epoch: u64,
    pub(crate) block: u32,
    pub(crate) offset: usize,
    pub(crate) len: usize,
}

impl Allocation {
    /// The number of bytes, known without touching the arena.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether this is a zero-size allocation.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The arena that owns the bytes, so callers can report or check it.
    pub fn arena(&self) -> ArenaId {
        self.arena
    }

    /// The arena's epoch when the bytes were handed out.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The index of the block holding the bytes, for diagnostics.
    pub fn block(&self) -> u32 {
        self.block
    }

    /// The 8-aligned offset of the bytes in their block, for diagnostics.
    pub fn offset(&self) -> usize {
        self.offset
    }
}
