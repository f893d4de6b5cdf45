//! The arena runtime (stub with the agreed API shape).

/// Names an arena: slot + generation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ArenaId {
    pub slot: u32,
    pub generation: u32,
}

/// A run of bytes handed out by an arena.
#[derive(Clone, Copy, Debug)]
pub struct Allocation {
    pub arena: ArenaId,
    pub len: usize,
}

/// The registry of arenas.
#[derive(Default)]
pub struct Arenas {}

impl Arenas {
    /// An empty registry.
    pub fn new() -> Self {
        Arenas {}
    }
}
