//! One block of arena memory.

use super::error::ArenaError;

/// Alignment of every allocation's offset inside its block.
pub(crate) const ALIGN: usize = 8;

/// Rounds `n` up to a multiple of [`ALIGN`], or `None` on overflow.
#[inline]
pub(crate) fn align_up(n: usize) -> Option<usize> {
    Some(n.checked_add(ALIGN - 1)? & !(ALIGN - 1))
}

/// A fixed-capacity run of bytes handed out by bumping `data.len()`.
///
/// The storage is reserved up front with `try_reserve_exact`, so a failed
/// reservation is an error rather than an abort, and untouched pages are
/// never written. `data.len()` is the bump pointer: bytes are zero-filled only
/// as they are handed out, and `data` never grows past `capacity`, so it never
/// reallocates and handed-out bytes never move.
#[derive(Debug)]
pub(crate) struct Block {
    /// The bytes handed out so far (`len`) and the reservation (`capacity`).
    pub(crate) data: Vec<u8>,
    /// The capacity asked for; the allocator may have reserved more, but the
    /// arena never uses the excess so its accounting stays exact.
    pub(crate) capacity: usize,
}

impl Block {
    /// Reserves a block of `capacity` bytes without touching them.
    pub(crate) fn new(capacity: usize) -> Result<Block, ArenaError> {
        let mut data = Vec::new();
        data.try_reserve_exact(capacity)
            .map_err(|_| ArenaError::OutOfMemory {
                requested: capacity,
            })?;
        Ok(Block { data, capacity })
    }

    /// Forgets every byte handed out, keeping the reservation; the bytes are
    /// zeroed again when next handed out.
    pub(crate) fn clear(&mut self) {
        self.data.clear();
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
    fn new_block_reserves_without_len() {
        let b = Block::new(4096).unwrap();
        assert_eq!(b.capacity, 4096);
        assert!(b.data.capacity() >= 4096);
        assert!(b.data.is_empty());
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
