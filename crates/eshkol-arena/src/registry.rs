//! The registry of arenas, addressed by generational handles.

use super::bump::Arena;
use super::error::ArenaError;
use super::handle::{Allocation, ArenaId};
use super::stats::ArenaStats;

/// One registry entry: the arena living there, if any, and the generation
/// that handles to it must carry.
#[derive(Debug)]
struct Slot {
    generation: u32,
    arena: Option<Arena>,
}

/// All the arenas of one interpreter, named by [`ArenaId`] handles.
///
/// Destroyed slots go on a free list and are reused with a new generation, so
/// creating and destroying arenas in a loop keeps the registry's size flat,
/// and every use of a stale handle is reported as [`ArenaError::Destroyed`].
/// A slot whose generation is exhausted is retired rather than reused, so a
/// generation never repeats.
#[derive(Debug, Default)]
pub struct Arenas {
    slots: Vec<Slot>,
    /// Slots without an arena that may be reused.
    free: Vec<u32>,
    /// Number of slots holding an arena.
    live: usize,
}

impl Arenas {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Creates an arena (see [`Arena::new`] for sizes and limits) and
    /// returns its handle. On error nothing is registered.
    pub fn create(
        &mut self,
        first_block: usize,
        limit: Option<usize>,
    ) -> Result<ArenaId, ArenaError> {
        let arena = Arena::new(first_block, limit)?;
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                let slot =
                    u32::try_from(self.slots.len()).map_err(|_| ArenaError::OutOfMemory {
                        requested: first_block,
                    })?;
                self.slots.push(Slot {
                    generation: 0,
                    arena: None,
                });
                slot
            }
        };
        let entry = &mut self.slots[slot as usize];
        entry.arena = Some(arena);
        self.live += 1;
        Ok(ArenaId {
            slot,
            generation: entry.generation,
        })
    }

    /// The live arena named by `id`.
    #[inline]
    fn get(&self, id: ArenaId) -> Result<&Arena, ArenaError> {
        match self.slots.get(id.slot as usize) {
            Some(Slot {
                generation,
                arena: Some(arena),
            }) if *generation == id.generation => Ok(arena),
            _ => Err(ArenaError::Destroyed),
        }
    }

    /// The live arena named by `id`, mutably.
    #[inline]
    fn get_mut(&mut self, id: ArenaId) -> Result<&mut Arena, ArenaError> {
        match self.slots.get_mut(id.slot as usize) {
            Some(Slot {
                generation,
                arena: Some(arena),
            }) if *generation == id.generation => Ok(arena),
            _ => Err(ArenaError::Destroyed),
        }
    }

    /// The live arena owning `a`, if `a` is from its current epoch.
    #[inline]
    fn owner(&self, a: &Allocation) -> Result<&Arena, ArenaError> {
        let arena = self.get(a.arena)?;
        if arena.epoch() != a.epoch {
            return Err(ArenaError::Reset);
        }
        Ok(arena)
    }

    /// Hands out `n` zeroed, 8-aligned bytes from arena `id`.
    #[inline]
    pub fn alloc(&mut self, id: ArenaId, n: usize) -> Result<Allocation, ArenaError> {
        let arena = self.get_mut(id)?;
        let (block, offset) = arena.alloc(n)?;
        Ok(Allocation {
            arena: id,
            epoch: arena.epoch(),
            block,
            offset,
            len: n,
        })
    }

    /// Accounts for `n` bytes kept outside the blocks exactly as an
    /// allocation would (limit, growth, counts).
    #[inline]
    pub fn charge(&mut self, id: ArenaId, n: usize) -> Result<(), ArenaError> {
        self.get_mut(id)?.charge(n)
    }

    /// Where arena `id` stands now (see [`crate::Arena::mark`]).
    pub fn mark(&self, id: ArenaId) -> Result<super::bump::Mark, ArenaError> {
        Ok(self.get(id)?.mark())
    }

    /// Takes back what arena `id` handed out since `mark`.
    pub fn release_to(&mut self, id: ArenaId, mark: super::bump::Mark) -> Result<(), ArenaError> {
        self.get_mut(id)?.release_to(mark);
        Ok(())
    }

    /// The bytes of `a`, unless its arena was destroyed or reset since.
    #[inline]
    pub fn bytes(&self, a: &Allocation) -> Result<&[u8], ArenaError> {
        self.owner(a)?.bytes(a.block, a.offset, a.len)
    }

    /// The bytes of `a`, writable, unless its arena was destroyed or reset
    /// since.
    #[inline]
    pub fn bytes_mut(&mut self, a: &Allocation) -> Result<&mut [u8], ArenaError> {
        let arena = self.get_mut(a.arena)?;
        if arena.epoch() != a.epoch {
            return Err(ArenaError::Reset);
        }
        arena.bytes_mut(a.block, a.offset, a.len)
    }

    /// Frees every block of arena `id` at once and returns its final
    /// statistics; `id` and all its allocations are stale from then on.
    pub fn destroy(&mut self, id: ArenaId) -> Result<ArenaStats, ArenaError> {
        let stats = self.get(id)?.stats();
        let index = id.slot as usize;
        let slot = &mut self.slots[index];
        // Dropping the arena drops its blocks' Vecs: the memory goes back to
        // the allocator now.
        slot.arena = None;
        self.live -= 1;
        if let Some(next) = slot.generation.checked_add(1) {
            slot.generation = next;
            self.free.push(id.slot);
        }
        Ok(stats)
    }

    /// Frees every block of arena `id` but the first and makes all its
    /// allocations stale ([`ArenaError::Reset`]); the handle stays valid.
    pub fn reset(&mut self, id: ArenaId) -> Result<(), ArenaError> {
        self.get_mut(id)?.reset();
        Ok(())
    }

    /// The statistics of arena `id`.
    pub fn stats(&self, id: ArenaId) -> Result<ArenaStats, ArenaError> {
        Ok(self.get(id)?.stats())
    }

    /// Whether `id` names an arena that has not been destroyed.
    pub fn is_live(&self, id: ArenaId) -> bool {
        self.get(id).is_ok()
    }

    /// How many arenas are alive, for the leak warning at exit.
    pub fn live_count(&self) -> usize {
        self.live
    }

    /// Every live arena with its statistics, in slot order, for `:arenas`
    /// and the leak warning.
    pub fn live(&self) -> impl Iterator<Item = (ArenaId, ArenaStats)> + '_ {
        self.slots.iter().enumerate().filter_map(|(i, slot)| {
            slot.arena.as_ref().map(|arena| {
                (
                    ArenaId {
                        slot: i as u32,
                        generation: slot.generation,
                    },
                    arena.stats(),
                )
            })
        })
    }

    /// The requested capacity of each block of arena `id`, oldest first.
    pub fn block_capacities(&self, id: ArenaId) -> Result<Vec<usize>, ArenaError> {
        Ok(self.get(id)?.block_capacities())
    }

    /// Each block's capacity and used bytes for arena `id`, oldest first.
    pub fn block_usage(&self, id: ArenaId) -> Result<Vec<(usize, usize)>, ArenaError> {
        Ok(self.get(id)?.block_usage())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_alloc_read_write() {
        let mut r = Arenas::new();
        let id = r.create(1024, None).unwrap();
        assert!(r.is_live(id));
        let a = r.alloc(id, 10).unwrap();
        assert_eq!(a.len(), 10);
        assert!(!a.is_empty());
        assert_eq!(a.arena(), id);
        assert_eq!((a.block(), a.offset(), a.epoch()), (0, 0, 0));
        assert_eq!(r.bytes(&a).unwrap(), &[0u8; 10]);
        r.bytes_mut(&a).unwrap().copy_from_slice(b"0123456789");
        let b = r.alloc(id, 3).unwrap();
        assert_eq!(b.offset(), 16);
        assert_eq!(r.bytes(&a).unwrap(), b"0123456789");
        assert_eq!(r.bytes(&b).unwrap(), &[0u8; 3]);
        let empty = r.alloc(id, 0).unwrap();
        assert!(empty.is_empty());
        assert_eq!(r.bytes(&empty).unwrap(), &[] as &[u8]);
    }

    #[test]
    fn allocations_survive_growth() {
        let mut r = Arenas::new();
        let id = r.create(64, None).unwrap();
        let allocs: Vec<Allocation> = (0..100u8)
            .map(|i| {
                let a = r.alloc(id, 1 + i as usize).unwrap();
                r.bytes_mut(&a).unwrap().fill(i);
                a
            })
            .collect();
        for (i, a) in allocs.iter().enumerate() {
            assert_eq!(a.offset() % 8, 0);
            let bytes = r.bytes(a).unwrap();
            assert_eq!(bytes.len(), i + 1);
            assert!(bytes.iter().all(|&x| x == i as u8));
        }
    }

    #[test]
    fn statistics_are_exact() {
        let mut r = Arenas::new();
        let id = r.create(1024, Some(5000)).unwrap();
        for _ in 0..10 {
            r.alloc(id, 100).unwrap();
        }
        r.charge(id, 1).unwrap();
        assert_eq!(
            r.stats(id).unwrap(),
            ArenaStats {
                // 100 + 8 * 104 in block 0; 100 + 4 + 1 in block 1.
                used: 932 + 105,
                reserved: 1024 + 2048,
                blocks: 2,
                allocations: 11,
                limit: Some(5000),
                first_block: 1024,
            }
        );
        assert_eq!(r.block_capacities(id).unwrap(), vec![1024, 2048]);
        let last = r.destroy(id).unwrap();
        assert_eq!(last.used, 1037);
        assert_eq!(last.blocks, 2);
    }

    #[test]
    fn stale_handles_after_destroy() {
        let mut r = Arenas::new();
        let id = r.create(64, None).unwrap();
        let a = r.alloc(id, 8).unwrap();
        r.destroy(id).unwrap();
        assert!(!r.is_live(id));
        assert_eq!(r.alloc(id, 8).unwrap_err(), ArenaError::Destroyed);
        assert_eq!(r.charge(id, 8).unwrap_err(), ArenaError::Destroyed);
        assert_eq!(r.bytes(&a).unwrap_err(), ArenaError::Destroyed);
        assert_eq!(r.bytes_mut(&a).unwrap_err(), ArenaError::Destroyed);
        assert_eq!(r.stats(id).unwrap_err(), ArenaError::Destroyed);
        assert_eq!(r.reset(id).unwrap_err(), ArenaError::Destroyed);
        assert_eq!(r.destroy(id).unwrap_err(), ArenaError::Destroyed);
        assert_eq!(r.block_capacities(id).unwrap_err(), ArenaError::Destroyed);
        assert_eq!(r.live_count(), 0);
    }

    #[test]
    fn handles_from_nowhere_are_destroyed() {
        let r = Arenas::new();
        let id = ArenaId {
            slot: 7,
            generation: 0,
        };
        assert!(!r.is_live(id));
        assert_eq!(r.stats(id).unwrap_err(), ArenaError::Destroyed);
    }

    #[test]
    fn reused_slot_gets_new_generation() {
        let mut r = Arenas::new();
        let old = r.create(64, None).unwrap();
        let old_alloc = r.alloc(old, 8).unwrap();
        r.destroy(old).unwrap();
        let new = r.create(64, None).unwrap();
        assert_eq!(new.slot, old.slot);
        assert_ne!(new.generation, old.generation);
        // Same slot, same block and offset: the old names still fail.
        let new_alloc = r.alloc(new, 8).unwrap();
        assert_eq!(
            (new_alloc.block(), new_alloc.offset()),
            (old_alloc.block(), old_alloc.offset())
        );
        assert!(r.is_live(new));
        assert!(!r.is_live(old));
        assert_eq!(r.bytes(&old_alloc).unwrap_err(), ArenaError::Destroyed);
        assert_eq!(r.alloc(old, 1).unwrap_err(), ArenaError::Destroyed);
        assert_eq!(r.destroy(old).unwrap_err(), ArenaError::Destroyed);
        assert!(r.bytes(&new_alloc).is_ok());
    }

    #[test]
    fn exhausted_generation_retires_the_slot() {
        let mut r = Arenas::new();
        let first = r.create(64, None).unwrap();
        r.slots[0].generation = u32::MAX;
        let id = ArenaId {
            slot: first.slot,
            generation: u32::MAX,
        };
        r.destroy(id).unwrap();
        assert_eq!(r.stats(id).unwrap_err(), ArenaError::Destroyed);
        let next = r.create(64, None).unwrap();
        assert_eq!(next.slot, 1);
        assert_eq!(r.live_count(), 1);
    }

    #[test]
    fn reset_makes_old_allocations_stale() {
        let mut r = Arenas::new();
        let id = r.create(64, Some(1000)).unwrap();
        let a = r.alloc(id, 40).unwrap();
        r.bytes_mut(&a).unwrap().fill(9);
        let b = r.alloc(id, 100).unwrap();
        assert_eq!(r.block_capacities(id).unwrap(), vec![64, 128]);
        r.reset(id).unwrap();
        assert!(r.is_live(id));
        assert_eq!(r.bytes(&a).unwrap_err(), ArenaError::Reset);
        assert_eq!(r.bytes_mut(&b).unwrap_err(), ArenaError::Reset);
        assert_eq!(r.block_capacities(id).unwrap(), vec![64]);
        assert_eq!(
            r.stats(id).unwrap(),
            ArenaStats {
                used: 0,
                reserved: 64,
                blocks: 1,
                allocations: 0,
                limit: Some(1000),
                first_block: 64,
            }
        );
        // Same place as `a`, new epoch, zeroed again.
        let c = r.alloc(id, 40).unwrap();
        assert_eq!((c.block(), c.offset(), c.epoch()), (0, 0, 1));
        assert_eq!(r.bytes(&c).unwrap(), &[0u8; 40]);
        assert_eq!(r.bytes(&a).unwrap_err(), ArenaError::Reset);
        r.destroy(id).unwrap();
        assert_eq!(r.bytes(&c).unwrap_err(), ArenaError::Destroyed);
        assert_eq!(r.bytes(&a).unwrap_err(), ArenaError::Destroyed);
    }

    #[test]
    fn errors_leave_the_registry_unchanged() {
        let mut r = Arenas::new();
        assert_eq!(
            r.create(0, None).unwrap_err(),
            ArenaError::InvalidSize { requested: 0 }
        );
        assert_eq!(
            r.create(1 << 62, None).unwrap_err(),
            ArenaError::OutOfMemory { requested: 1 << 62 }
        );
        assert_eq!(r.live_count(), 0);
        assert!(r.slots.is_empty());
        let id = r.create(64, Some(100)).unwrap();
        assert_eq!(
            r.alloc(id, 1_000_000_000_000_000).unwrap_err(),
            ArenaError::LimitExceeded {
                limit: 100,
                used: 0,
                requested: 1_000_000_000_000_000
            }
        );
        let unlimited = r.create(64, None).unwrap();
        assert_eq!(
            r.alloc(unlimited, 1_000_000_000_000_000).unwrap_err(),
            ArenaError::OutOfMemory {
                requested: 1_000_000_000_000_000
            }
        );
        assert_eq!(
            r.charge(unlimited, usize::MAX).unwrap_err(),
            ArenaError::OutOfMemory {
                requested: usize::MAX
            }
        );
        assert_eq!(r.stats(unlimited).unwrap().allocations, 0);
    }

    #[test]
    fn live_lists_arenas_in_slot_order() {
        let mut r = Arenas::new();
        let a = r.create(64, None).unwrap();
        let b = r.create(128, Some(7)).unwrap();
        let c = r.create(256, None).unwrap();
        r.destroy(b).unwrap();
        r.alloc(c, 10).unwrap();
        let live: Vec<(ArenaId, ArenaStats)> = r.live().collect();
        assert_eq!(live.len(), 2);
        assert_eq!(live[0].0, a);
        assert_eq!(live[1].0, c);
        assert_eq!(live[1].1.used, 10);
        assert_eq!(live[1].1.first_block, 256);
        assert_eq!(r.live_count(), 2);
    }

    #[test]
    fn create_destroy_cycles_keep_the_registry_flat() {
        let cycles = 1_000_000;
        let mut r = Arenas::new();
        for i in 0..cycles {
            let id = r.create(64, None).unwrap();
            assert_eq!(id.slot, 0);
            let a = r.alloc(id, 100).unwrap();
            r.bytes_mut(&a).unwrap()[0] = i as u8;
            r.destroy(id).unwrap();
        }
        assert_eq!(r.live_count(), 0);
        assert_eq!(r.slots.len(), 1);
        assert_eq!(r.slots[0].generation, cycles);
        assert!(r.free.len() <= 1);
    }
}
