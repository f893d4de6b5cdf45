//! A single arena: a list of blocks handed out by bump allocation.

use std::ptr::NonNull;

use super::block::{align_up, Block, ALIGN};
use super::error::ArenaError;
use super::stats::ArenaStats;

/// One arena, usable on its own (the registry [`super::Arenas`] holds these,
/// and a C ABI can wrap one directly).
///
/// Memory comes in blocks: the first has the size asked for, and each block
/// added when an allocation does not fit is double the previous one, or the
/// request rounded up to 8 bytes if that is larger (and just the rounded
/// request if the allocator refuses the double). Every allocation's offset
/// is 8-byte aligned and its bytes are zero when handed out. Dropping the
/// arena frees every block at once.
///
/// Allocations are named by `(block, offset)` plus their length rather than
/// by reference, so they stay valid while the arena grows; after
/// [`Arena::reset`] the [`Arena::epoch`] changes so a caller can tell old
/// names from new ones. For a C caller, [`Arena::alloc_ptr`] gives the
/// address instead: blocks never move, so it stays valid as the arena grows.
#[derive(Debug)]
pub struct Arena {
    /// The blocks, oldest first; never empty, and only the last has room.
    blocks: Vec<Block>,
    /// Bytes handed out, padding included (see [`ArenaStats::used`]).
    used: usize,
    /// Allocations since creation or the last reset.
    allocations: usize,
    /// Sum of the blocks' requested capacities.
    reserved: usize,
    /// The limit, or `usize::MAX` when there is none, so the hot path needs
    /// no `Option` test.
    budget: usize,
    /// The limit as given, for statistics.
    limit: Option<usize>,
    /// Bumped by every reset, so allocations from before it can be refused.
    /// 64 bits: at a billion resets a second it would take 584 years to
    /// wrap, so an allocation from before a reset can never look current.
    epoch: u64,
}

/// A point in an arena's history (see [`Arena::mark`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    blocks: usize,
    last_used: usize,
    used: usize,
    allocations: usize,
    reserved: usize,
}

impl Arena {
    /// Creates an arena whose first block holds `first_block` bytes (raised
    /// to 8 if smaller, so every block can hold at least one aligned word),
    /// with an optional limit on the bytes handed out.
    ///
    /// A size of 0 is [`ArenaError::InvalidSize`]; a size the allocator
    /// cannot reserve is [`ArenaError::OutOfMemory`]. The limit counts used
    /// bytes, not reserved ones, so the first block may be larger than it.
    pub fn new(first_block: usize, limit: Option<usize>) -> Result<Arena, ArenaError> {
        if first_block == 0 {
            return Err(ArenaError::InvalidSize { requested: 0 });
        }
        let capacity = first_block.max(ALIGN);
        let block = Block::new(capacity)?;
        Ok(Arena {
            blocks: vec![block],
            used: 0,
            allocations: 0,
            reserved: capacity,
            budget: limit.unwrap_or(usize::MAX),
            limit,
            epoch: 0,
        })
    }

    /// Hands out `n` zeroed bytes, returning `(block, offset)`.
    ///
    /// The fast path is a bounds check and a bump of the current block's
    /// `used` mark: blocks are zeroed when made and bytes are zeroed again on
    /// reset, so the bytes handed out are already zero. Growing the arena is
    /// out of line. A zero-size allocation
    /// consumes nothing (it sits at offset 0 of the current block) but is
    /// counted. On any error the arena is unchanged.
    #[inline]
    pub fn alloc(&mut self, n: usize) -> Result<(u32, usize), ArenaError> {
        let last = self.blocks.len() - 1;
        if n == 0 {
            self.allocations += 1;
            return Ok((last as u32, 0));
        }
        let block = &mut self.blocks[last];
        let pos = block.used;
        // `pos <= capacity <= isize::MAX`, so aligning it cannot overflow.
        let start = (pos + (ALIGN - 1)) & !(ALIGN - 1);
        if let Some(end) = start.checked_add(n) {
            if end <= block.capacity && end - pos <= self.budget - self.used {
                block.used = end;
                self.used += end - pos;
                self.allocations += 1;
                return Ok((last as u32, start));
            }
        }
        self.alloc_slow(n)
    }

    /// The cases the fast path leaves: over the limit, overflow, or a new
    /// block needed.
    #[cold]
    #[inline(never)]
    fn alloc_slow(&mut self, n: usize) -> Result<(u32, usize), ArenaError> {
        let oom = ArenaError::OutOfMemory { requested: n };
        let current = self.blocks.last().expect("an arena always has a block");
        let start = align_up(current.used).ok_or(oom)?;
        let end = start.checked_add(n).ok_or(oom)?;
        let fits_in_current = end <= current.capacity;
        // In a new block the allocation starts at offset 0, without padding.
        let needed = if fits_in_current {
            end - current.used
        } else {
            n
        };
        if let Some(limit) = self.limit {
            if needed > limit - self.used {
                return Err(ArenaError::LimitExceeded {
                    limit,
                    used: self.used,
                    requested: n,
                });
            }
        }
        // With room and budget the fast path would have succeeded.
        debug_assert!(!fits_in_current);
        let rounded = align_up(n).ok_or(oom)?;
        let doubled = current.capacity.saturating_mul(2);
        let mut block = if doubled > rounded {
            // If the doubled block cannot be had, settle for the request.
            Block::new(doubled).or_else(|_| Block::new(rounded))
        } else {
            Block::new(rounded)
        }
        .map_err(|_| oom)?;
        let index = u32::try_from(self.blocks.len()).map_err(|_| oom)?;
        block.used = n;
        self.reserved = self.reserved.saturating_add(block.capacity);
        self.blocks.push(block);
        self.used += n;
        self.allocations += 1;
        Ok((index, 0))
    }

    /// Hands out `n` zeroed bytes like [`Arena::alloc`] and returns them
    /// as a slice, for callers that use the bytes at once.
    pub fn alloc_slice(&mut self, n: usize) -> Result<&mut [u8], ArenaError> {
        let (block, offset) = self.alloc(n)?;
        self.bytes_mut(block, offset, n)
    }

    /// Hands out `n` zeroed bytes like [`Arena::alloc`] and returns their
    /// address, 8-byte aligned: the form a C caller needs.
    ///
    /// The address stays valid for `n` bytes of reads and writes until the
    /// arena is reset or dropped, however much it grows in between, because
    /// blocks never move (see `Block`). It is computed without creating a
    /// reference to the block, so it does not disturb addresses handed out
    /// before it. For `n == 0` it is a non-null aligned address that must not
    /// be read or written and may equal other allocations' addresses.
    /// Using the address is up to the caller; this method itself is safe.
    pub fn alloc_ptr(&mut self, n: usize) -> Result<NonNull<u8>, ArenaError> {
        let (block, offset) = self.alloc(n)?;
        let block = &mut self.blocks[block as usize];
        // A block's buffer is never null, even when empty (`Vec` uses a
        // dangling non-null pointer then), so this never fails.
        NonNull::new(block.address_of(offset)).ok_or(ArenaError::OutOfMemory { requested: n })
    }

    /// Accounts for `n` bytes stored outside the blocks (objects the
    /// interpreter keeps elsewhere) exactly as an allocation of `n` bytes
    /// would: limit, growth and counts included.
    #[inline]
    pub fn charge(&mut self, n: usize) -> Result<(), ArenaError> {
        self.alloc(n).map(|_| ())
    }

    /// The `len` bytes at `offset` in `block`, if they have been handed out.
    pub fn bytes(&self, block: u32, offset: usize, len: usize) -> Result<&[u8], ArenaError> {
        let block = self.block(block)?;
        let end = Self::range_end(offset, len, block.used)?;
        Ok(block.slice(offset, end))
    }

    /// The `len` bytes at `offset` in `block`, writable, if they have been
    /// handed out.
    pub fn bytes_mut(
        &mut self,
        block: u32,
        offset: usize,
        len: usize,
    ) -> Result<&mut [u8], ArenaError> {
        let count = self.blocks.len();
        let block = self
            .blocks
            .get_mut(block as usize)
            .ok_or(ArenaError::OutOfBounds {
                index: block as usize,
                len: count,
            })?;
        let end = Self::range_end(offset, len, block.used)?;
        Ok(block.slice_mut(offset, end))
    }

    /// Looks a block up by index.
    fn block(&self, block: u32) -> Result<&Block, ArenaError> {
        self.blocks
            .get(block as usize)
            .ok_or(ArenaError::OutOfBounds {
                index: block as usize,
                len: self.blocks.len(),
            })
    }

    /// Checks that `offset..offset + len` lies within `available` handed-out
    /// bytes and returns its end.
    fn range_end(offset: usize, len: usize, available: usize) -> Result<usize, ArenaError> {
        match offset.checked_add(len) {
            Some(end) if end <= available => Ok(end),
            _ => Err(ArenaError::OutOfBounds {
                index: offset.saturating_add(len),
                len: available,
            }),
        }
    }

    /// Where the arena stands now, to come back to with [`Arena::release_to`].
    pub fn mark(&self) -> Mark {
        Mark {
            blocks: self.blocks.len(),
            last_used: self.blocks.last().map_or(0, |b| b.used),
            used: self.used,
            allocations: self.allocations,
            reserved: self.reserved,
        }
    }

    /// Takes back everything handed out since `mark`: later blocks are
    /// freed and the bytes of the block that was current are zeroed again.
    /// What a failed multi-step allocation (a deep copy hitting the limit)
    /// undoes; nothing allocated after the mark may be used afterwards.
    pub fn release_to(&mut self, mark: Mark) {
        if mark.blocks == 0 || mark.blocks > self.blocks.len() {
            return;
        }
        self.blocks.truncate(mark.blocks);
        if let Some(block) = self.blocks.last_mut() {
            let used = block.used;
            if mark.last_used <= used {
                block.slice_mut(mark.last_used, used).fill(0);
                block.used = mark.last_used;
            }
        }
        self.used = mark.used;
        self.allocations = mark.allocations;
        self.reserved = mark.reserved;
    }

    /// Frees every block but the first, forgets all allocations and starts
    /// a new epoch. The first block is kept so a reused arena does not go
    /// back to the allocator; the bytes it had handed out are zeroed again.
    pub fn reset(&mut self) {
        self.blocks.truncate(1);
        self.blocks[0].clear();
        self.reserved = self.blocks[0].capacity;
        self.used = 0;
        self.allocations = 0;
        // Cannot overflow in practice (see the field's comment).
        self.epoch += 1;
    }

    /// How many resets this arena has been through: an allocation made in
    /// an earlier epoch is stale.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The arena's current accounting.
    pub fn stats(&self) -> ArenaStats {
        ArenaStats {
            used: self.used,
            reserved: self.reserved,
            blocks: self.blocks.len(),
            allocations: self.allocations,
            limit: self.limit,
            first_block: self.blocks[0].capacity,
        }
    }

    /// The requested capacity of each block, oldest first, so tests and the
    /// REPL can show how the arena grew.
    pub fn block_capacities(&self) -> Vec<usize> {
        self.blocks.iter().map(|b| b.capacity).collect()
    }

    /// Each block's capacity and the bytes handed out from it, oldest
    /// first: what the REPL's `:arenas` draws.
    pub fn block_usage(&self) -> Vec<(usize, usize)> {
        self.blocks.iter().map(|b| (b.capacity, b.used)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_size_arena_is_invalid() {
        assert_eq!(
            Arena::new(0, None).unwrap_err(),
            ArenaError::InvalidSize { requested: 0 }
        );
    }

    #[test]
    fn first_block_has_the_size_asked_for() {
        for size in [8, 1000, 1024, 4097] {
            let a = Arena::new(size, None).unwrap();
            assert_eq!(a.block_capacities(), vec![size]);
            assert_eq!(a.stats().reserved, size);
            assert_eq!(a.stats().first_block, size);
        }
        // Below 8 the first block is raised to one aligned word.
        assert_eq!(Arena::new(1, None).unwrap().block_capacities(), vec![8]);
    }

    #[test]
    fn ten_hundred_byte_allocs_in_1024_grow_once() {
        let mut a = Arena::new(1024, None).unwrap();
        let mut places = Vec::new();
        for _ in 0..10 {
            places.push(a.alloc(100).unwrap());
        }
        assert_eq!(a.block_capacities(), vec![1024, 2048]);
        let expected: Vec<(u32, usize)> = (0..9)
            .map(|i| (0, i * 104))
            .chain(std::iter::once((1, 0)))
            .collect();
        assert_eq!(places, expected);
        let s = a.stats();
        // Nine allocs in block 0: 100 + 8 * (4 padding + 100); then 100.
        assert_eq!(s.used, 932 + 100);
        assert_eq!(s.reserved, 1024 + 2048);
        assert_eq!(s.blocks, 2);
        assert_eq!(s.allocations, 10);
        assert_eq!(s.limit, None);
        assert_eq!(s.first_block, 1024);
    }

    #[test]
    fn growth_doubles_each_time() {
        let mut a = Arena::new(64, None).unwrap();
        for _ in 0..5 {
            // Each request fills more than what is left, forcing a new block.
            let cap = *a.block_capacities().last().unwrap();
            a.alloc(cap).unwrap();
        }
        assert_eq!(a.block_capacities(), vec![64, 128, 256, 512, 1024]);
    }

    #[test]
    fn large_request_gets_its_own_rounded_block() {
        let mut a = Arena::new(64, None).unwrap();
        assert_eq!(a.alloc(1001).unwrap(), (1, 0));
        assert_eq!(a.block_capacities(), vec![64, 1008]);
        // The next block doubles the large one.
        a.alloc(100).unwrap();
        assert_eq!(a.block_capacities(), vec![64, 1008, 2016]);
        // An exact double is not "larger": the double wins.
        let mut b = Arena::new(64, None).unwrap();
        b.alloc(128).unwrap();
        assert_eq!(b.block_capacities(), vec![64, 128]);
        b.alloc(200).unwrap();
        assert_eq!(b.block_capacities(), vec![64, 128, 256]);
        b.alloc(1 << 20).unwrap();
        assert_eq!(b.block_capacities(), vec![64, 128, 256, 1 << 20]);
    }

    #[test]
    fn offsets_are_eight_byte_aligned() {
        let mut a = Arena::new(64, None).unwrap();
        let mut offsets = Vec::new();
        for n in [1, 3, 7, 8, 9, 1, 3, 7, 13, 2, 5, 31] {
            let (block, offset) = a.alloc(n).unwrap();
            assert_eq!(offset % 8, 0, "alloc of {n} at {offset}");
            offsets.push((block, offset));
        }
        assert_eq!(&offsets[..4], &[(0, 0), (0, 8), (0, 16), (0, 24)]);
    }

    #[test]
    fn unaligned_first_block_is_used_to_its_end() {
        let mut a = Arena::new(13, None).unwrap();
        assert_eq!(a.alloc(1).unwrap(), (0, 0));
        // Offset 8 plus 5 bytes is exactly 13.
        assert_eq!(a.alloc(5).unwrap(), (0, 8));
        assert_eq!(a.stats().used, 13);
        // Nothing is left: an aligned start would be 16 > 13.
        assert_eq!(a.alloc(1).unwrap(), (1, 0));
        assert_eq!(a.block_capacities(), vec![13, 26]);
        // A zero-size allocation never needs room.
        assert_eq!(a.alloc(0).unwrap(), (1, 0));
    }

    #[test]
    fn zero_size_allocations_count_but_use_nothing() {
        let mut a = Arena::new(16, Some(0)).unwrap();
        let (block, offset) = a.alloc(0).unwrap();
        assert_eq!(a.bytes(block, offset, 0).unwrap(), &[] as &[u8]);
        a.charge(0).unwrap();
        let s = a.stats();
        assert_eq!((s.used, s.allocations, s.blocks), (0, 2, 1));
    }

    #[test]
    fn handed_out_bytes_are_zero_and_writable() {
        let mut a = Arena::new(32, None).unwrap();
        let (b, o) = a.alloc(20).unwrap();
        assert!(a.bytes(b, o, 20).unwrap().iter().all(|&x| x == 0));
        a.bytes_mut(b, o, 20).unwrap().fill(0xAB);
        let (b2, o2) = a.alloc(40).unwrap();
        assert_eq!(b2, 1);
        assert!(a.bytes(b2, o2, 40).unwrap().iter().all(|&x| x == 0));
        // Growing did not move or change the first allocation.
        assert!(a.bytes(b, o, 20).unwrap().iter().all(|&x| x == 0xAB));
    }

    #[test]
    fn alloc_slice_hands_out_the_allocated_bytes() {
        let mut a = Arena::new(32, None).unwrap();
        let first = a.alloc_slice(20).unwrap();
        assert_eq!(first.len(), 20);
        assert!(first.iter().all(|&x| x == 0));
        first.fill(7);
        // The next allocation starts at the aligned offset 24.
        let second = a.alloc_slice(8).unwrap();
        assert_eq!(second, &[0; 8]);
        second.fill(9);
        assert_eq!(a.bytes(0, 0, 20).unwrap(), &[7; 20]);
        assert_eq!(a.bytes(0, 24, 8).unwrap(), &[9; 8]);
        // Growth and zero sizes work as for `alloc`.
        assert_eq!(a.alloc_slice(40).unwrap().len(), 40);
        assert_eq!(a.alloc_slice(0).unwrap().len(), 0);
        assert_eq!(a.block_capacities(), vec![32, 64]);
        assert_eq!(a.stats().allocations, 4);
        let mut bounded = Arena::new(16, Some(8)).unwrap();
        assert!(matches!(
            bounded.alloc_slice(9),
            Err(ArenaError::LimitExceeded { .. })
        ));
    }

    #[test]
    fn alloc_ptr_addresses_are_aligned_and_stable() {
        let mut a = Arena::new(64, None).unwrap();
        let mut seen = Vec::new();
        for n in [1, 3, 8, 13, 100, 7, 1000, 5] {
            let p = a.alloc_ptr(n).unwrap();
            assert_eq!(p.as_ptr() as usize % 8, 0, "alloc_ptr({n})");
            seen.push((p.as_ptr() as usize, n));
        }
        // Each address is where `alloc` put the bytes: the slices the arena
        // reports for its blocks contain them, and none overlap.
        let s = a.stats();
        assert_eq!(s.blocks, a.block_capacities().len());
        seen.sort();
        for pair in seen.windows(2) {
            assert!(pair[0].0 + pair[0].1 <= pair[1].0, "overlap: {pair:?}");
        }
        let first = a.bytes(0, 0, 1).unwrap().as_ptr() as usize;
        assert!(seen.iter().any(|&(p, _)| p == first));
        // Zero-size allocations get a non-null aligned address too.
        assert_eq!(a.alloc_ptr(0).unwrap().as_ptr() as usize % 8, 0);
        a.reset();
        assert_eq!(a.alloc_ptr(16).unwrap().as_ptr() as usize, first);
        let mut bounded = Arena::new(16, Some(8)).unwrap();
        assert!(bounded.alloc_ptr(8).is_ok());
        assert!(matches!(
            bounded.alloc_ptr(1),
            Err(ArenaError::LimitExceeded { .. })
        ));
        assert!(matches!(
            bounded.alloc_ptr(usize::MAX),
            Err(ArenaError::OutOfMemory { .. })
        ));
    }

    #[test]
    fn reset_rezeroes_reused_bytes() {
        let mut a = Arena::new(64, None).unwrap();
        let (b, o) = a.alloc(60).unwrap();
        a.bytes_mut(b, o, 60).unwrap().fill(0xFF);
        a.alloc(100).unwrap();
        a.reset();
        let (b, o) = a.alloc(64).unwrap();
        assert_eq!((b, o), (0, 0));
        assert!(a.bytes(b, o, 64).unwrap().iter().all(|&x| x == 0));
    }

    #[test]
    fn release_to_a_mark_leaves_the_arena_as_it_was() {
        let mut a = Arena::new(64, Some(1_000)).unwrap();
        a.alloc(16).unwrap();
        let mark = a.mark();
        let before = a.stats();
        for _ in 0..10 {
            let (block, offset) = a.alloc(40).unwrap();
            a.bytes_mut(block, offset, 40).unwrap().fill(0xff);
        }
        assert!(a.stats().blocks > 1);
        a.release_to(mark);
        assert_eq!(a.stats(), before);
        let (block, offset) = a.alloc(40).unwrap();
        assert!(a.bytes(block, offset, 40).unwrap().iter().all(|&b| b == 0));
    }

    #[test]
    fn the_epoch_does_not_wrap_where_a_32_bit_one_would() {
        let mut a = Arena::new(64, None).unwrap();
        a.epoch = u64::from(u32::MAX);
        let before = a.epoch();
        a.reset();
        assert_eq!(a.epoch(), 1 << 32);
        assert_ne!(a.epoch() as u32 as u64, a.epoch(), "past 32 bits");
        assert!(a.epoch() > before);
    }

    #[test]
    fn reset_keeps_first_block_only() {
        let mut a = Arena::new(64, Some(10_000)).unwrap();
        for _ in 0..20 {
            a.alloc(50).unwrap();
        }
        assert!(a.stats().blocks > 1);
        assert_eq!(a.epoch(), 0);
        a.reset();
        assert_eq!(a.epoch(), 1);
        assert_eq!(a.block_capacities(), vec![64]);
        assert_eq!(
            a.stats(),
            ArenaStats {
                used: 0,
                reserved: 64,
                blocks: 1,
                allocations: 0,
                limit: Some(10_000),
                first_block: 64,
            }
        );
        // Old places in freed blocks are gone; the first block is empty.
        assert_eq!(
            a.bytes(1, 0, 50).unwrap_err(),
            ArenaError::OutOfBounds { index: 1, len: 1 }
        );
        assert_eq!(
            a.bytes(0, 0, 50).unwrap_err(),
            ArenaError::OutOfBounds { index: 50, len: 0 }
        );
    }

    #[test]
    fn out_of_range_reads_are_errors() {
        let mut a = Arena::new(64, None).unwrap();
        a.alloc(10).unwrap();
        assert_eq!(
            a.bytes(0, 8, 3).unwrap_err(),
            ArenaError::OutOfBounds { index: 11, len: 10 }
        );
        assert_eq!(
            a.bytes_mut(0, usize::MAX, 2).unwrap_err(),
            ArenaError::OutOfBounds {
                index: usize::MAX,
                len: 10
            }
        );
        assert_eq!(
            a.bytes(7, 0, 0).unwrap_err(),
            ArenaError::OutOfBounds { index: 7, len: 1 }
        );
    }

    #[test]
    fn limit_counts_used_bytes_and_padding() {
        let mut a = Arena::new(1024, Some(100)).unwrap();
        a.alloc(1).unwrap(); // used 1
        a.alloc(50).unwrap(); // 7 padding + 50: used 58
        assert_eq!(a.stats().used, 58);
        // 6 padding + 40 = 46 more would make 104 > 100.
        let before = a.stats();
        assert_eq!(
            a.alloc(40).unwrap_err(),
            ArenaError::LimitExceeded {
                limit: 100,
                used: 58,
                requested: 40
            }
        );
        assert_eq!(a.stats(), before);
        // 6 padding + 36 = exactly 100 fits.
        assert_eq!(a.alloc(36).unwrap(), (0, 64));
        assert_eq!(a.stats().used, 100);
        assert_eq!(
            a.charge(1).unwrap_err(),
            ArenaError::LimitExceeded {
                limit: 100,
                used: 100,
                requested: 1
            }
        );
        // Zero-size allocations are still allowed at the limit.
        a.alloc(0).unwrap();
        assert_eq!(a.stats().allocations, 4);
    }

    #[test]
    fn limit_applies_when_growing() {
        let mut a = Arena::new(16, Some(40)).unwrap();
        a.alloc(16).unwrap();
        let before = a.stats();
        assert_eq!(
            a.alloc(25).unwrap_err(),
            ArenaError::LimitExceeded {
                limit: 40,
                used: 16,
                requested: 25
            }
        );
        assert_eq!(a.stats(), before);
        assert_eq!(a.block_capacities(), vec![16]);
        // A new block has no padding: 16 + 24 = 40.
        assert_eq!(a.alloc(24).unwrap(), (1, 0));
        assert_eq!(a.stats().used, 40);
        assert_eq!(a.block_capacities(), vec![16, 32]);
    }

    #[test]
    fn enormous_requests_fail_cleanly() {
        let mut a = Arena::new(1024, None).unwrap();
        a.alloc(10).unwrap();
        let before = a.stats();
        for n in [
            1_000_000_000_000_000usize,
            1 << 62,
            usize::MAX,
            usize::MAX - 7,
            usize::MAX - 15,
        ] {
            assert_eq!(
                a.alloc(n).unwrap_err(),
                ArenaError::OutOfMemory { requested: n }
            );
            assert_eq!(a.stats(), before);
        }
        // The arena still works afterwards.
        assert_eq!(a.alloc(8).unwrap(), (0, 16));
    }

    #[test]
    fn enormous_arenas_fail_cleanly() {
        for n in [1_000_000_000_000_000usize, 1 << 62, usize::MAX] {
            assert_eq!(
                Arena::new(n, None).unwrap_err(),
                ArenaError::OutOfMemory { requested: n }
            );
        }
    }

    #[test]
    fn charge_is_an_allocation() {
        let mut a = Arena::new(16, None).unwrap();
        a.charge(10).unwrap();
        a.charge(10).unwrap();
        let s = a.stats();
        // The second charge does not fit after the first: a new block.
        assert_eq!((s.used, s.allocations, s.blocks), (20, 2, 2));
        assert_eq!(a.block_capacities(), vec![16, 32]);
    }
}
