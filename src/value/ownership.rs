//! Arena ownership: the Scheme-side identity of an arena and the back-pointer
//! every value copied into it carries, so any access can check liveness.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::{Pair, SString, Vector};
use crate::syntax::Span;
use eshkol_arena::ArenaId;

/// The Scheme-side identity of an arena: what `make-arena` returns and what every
/// value living in the arena points back to (through an [`Owner`]). `alive` and
/// `epoch` make use-after-destroy and use-after-reset a two-comparison check on
/// any access, without consulting the registry.
pub struct ArenaTag {
    pub id: ArenaId,
    pub alive: Cell<bool>,
    /// Bumped by `arena-reset!`: values made in an earlier epoch are dead.
    pub epoch: Cell<u64>,
    /// Where `make-arena` was called.
    pub created: Span,
    /// Where `destroy-arena` was called, once it has been.
    pub destroyed: Cell<Option<Span>>,
    /// Where `arena-reset!` was last called.
    pub reset_at: Cell<Option<Span>>,
    /// Heap objects copied into the arena, emptied when it is destroyed or reset
    /// so their memory goes back at once.
    pub objects: RefCell<Vec<std::rc::Weak<dyn ArenaObject>>>,
}

impl ArenaTag {
    /// The tag of a newly created, live arena.
    pub fn new(id: ArenaId, created: Span) -> ArenaTag {
        ArenaTag {
            id,
            alive: Cell::new(true),
            epoch: Cell::new(0),
            created,
            destroyed: Cell::new(None),
            reset_at: Cell::new(None),
            objects: RefCell::new(Vec::new()),
        }
    }

    /// Arena #3's tag, alive or destroyed, for unit tests of values that
    /// live in an arena.
    #[cfg(test)]
    pub(crate) fn for_tests(alive: bool) -> Rc<ArenaTag> {
        let tag = ArenaTag::new(
            ArenaId {
                slot: 3,
                generation: 1,
            },
            Span::default(),
        );
        tag.alive.set(alive);
        Rc::new(tag)
    }
}

/// The arena (and the epoch of it) that a value lives in.
#[derive(Clone)]
pub struct Owner {
    pub arena: Rc<ArenaTag>,
    pub epoch: u64,
}

impl Owner {
    /// An owner in the arena's current epoch.
    pub fn current(arena: &Rc<ArenaTag>) -> Owner {
        Owner {
            arena: arena.clone(),
            epoch: arena.epoch.get(),
        }
    }

    /// Whether the value may still be used: the arena is alive and has not been
    /// reset since the value was made.
    #[inline]
    pub fn is_live(&self) -> bool {
        self.arena.alive.get() && self.arena.epoch.get() == self.epoch
    }
}

/// A heap object owned by an arena, which the arena empties when it dies.
pub trait ArenaObject {
    /// Drops the object's contents.
    fn release(&self);
}

impl ArenaObject for Pair {
    fn release(&self) {
        self.clear();
    }
}

impl ArenaObject for SString {
    fn release(&self) {
        *self.chars.borrow_mut() = Vec::new();
    }
}

impl ArenaObject for Vector {
    fn release(&self) {
        let items = std::mem::take(&mut *self.items.borrow_mut());
        drop(items);
    }
}
