//! One block of arena memory.

use super::error::ArenaError;

/// Alignment of every allocation's offset inside its block.
pub(crate) const ALIGN: usize = 8;

/// Rounds `n` up to a multiple of [`ALIGN`], or `None` on overflow.
#[inline]
pub(crate) fn align_up(n: usize) -> Option<usize> {
    Some(n.checked_add(ALIGN - 1)? & !(ALIGN - 1))
}

/// A fixed-size run of zeroed bytes handed out by bumping `used`.
///
/// The storage comes zeroed from the allocator (`calloc`, which for large
/// blocks maps fresh zero pages), so handing bytes out costs nothing and a
/// page is touched only when the program first writes to it. `data` never
/// grows, so it never reallocates and handed-out bytes never move.
#[derive(Debug)]
pub(crate) struct Block {
    /// Exactly `capacity` zeroed bytes.
    pub(crate) data: Vec<u8>,
    /// The block's size as asked for.
    pub(crate) capacity: usize,
    /// The bump pointer: bytes `0..used` have been handed out.
    pub(crate) used: usize,
}

impl Block {
    /// Allocates a zeroed block of `capacity` bytes, or fails cleanly.
    pub(crate) fn new(capacity: usize) -> Result<Block, ArenaError> {
        let error = ArenaError::OutOfMemory {
            requested: capacity,
        };
        // `vec![0; n]` aborts the process when the allocator refuses, so first
        // ask with `try_reserve_exact`, which reports failure instead; only a
        // request the allocator has just granted is then made for real.
        let mut probe: Vec<u8> = Vec::new();
        probe.try_reserve_exact(capacity).map_err(|_| error)?;
        drop(probe);
        Ok(Block {
            data: vec![0; capacity],
            capacity,
            used: 0,
        })
    }

    /// Forgets every byte handed out, zeroing them for their next use.
    pub(crate) fn clear(&mut self) {
        self.data[..self.used].fill(0);
        self.used = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn align_up_rounds_to_eight() {
        assert_eq!(align_up(0), Some(0));
        assert_eq!(align_up(1), Some(8));
        assert_eq!(align_up(8), Some(8));
        assert_eq!(align_up(9), Some(16));
        assert_eq!(align_up(usize::MAX), None);
        assert_eq!(align_up(usize::MAX - 6), None);
        assert_eq!(align_up(usize::MAX - 7), Some(usize::MAX - 7));
        assert_eq!(align_up(usize::MAX - 8), Some(usize::MAX - 7));
    }

    #[test]
    fn new_block_is_zeroed_and_unused() {
        let b = Block::new(4096).unwrap();
        assert_eq!(b.capacity, 4096);
        assert_eq!(b.data.len(), 4096);
        assert!(b.data.iter().all(|&x| x == 0));
        assert_eq!(b.used, 0);
    }

    #[test]
    fn huge_block_is_an_error_not_an_abort() {
        let e = Block::new(1 << 62).unwrap_err();
        assert_eq!(e, ArenaError::OutOfMemory { requested: 1 << 62 });
        let e = Block::new(usize::MAX).unwrap_err();
        assert_eq!(
            e,
            ArenaError::OutOfMemory {
                requested: usize::MAX
            }
        );
    }
}
