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
/// page is touched only when the program first writes to it.
///
/// Invariant: `data` is never grown, shrunk or replaced while the block
/// lives, so its heap buffer never reallocates and handed-out bytes never
/// move. Moving the `Block` itself (as the arena's list of blocks grows)
/// moves only the `Vec` header, not the buffer. An address taken into a
/// block therefore stays valid until the block is dropped (its arena is
/// dropped, or reset when the block is not the first) — the C ABI relies on
/// this. The block's bytes are `data[start..start + capacity]`, where
/// `start` puts byte 0 of the block on an 8-byte boundary, so aligned
/// offsets are aligned addresses too.
#[derive(Debug)]
pub(crate) struct Block {
    /// `capacity` zeroed bytes from `start` on (plus, in the rare case the
    /// allocator's buffer was not 8-byte aligned, up to 7 bytes before them).
    data: Vec<u8>,
    /// Where the block's bytes begin in `data`: 0 unless the buffer had to
    /// be over-allocated to find an aligned start.
    start: usize,
    /// The block's size as asked for.
    pub(crate) capacity: usize,
    /// The bump pointer: bytes `0..used` have been handed out.
    pub(crate) used: usize,
}

/// How many bytes past `address` the next multiple of [`ALIGN`] lies.
#[inline]
fn padding_to_align(address: usize) -> usize {
    address.wrapping_neg() & (ALIGN - 1)
}

/// Blocks at least this large are first requested with `try_reserve_exact`.
const PROBE_FROM: usize = 64 * 1024 * 1024;

/// A zeroed buffer of `len` bytes, or an error instead of an abort.
///
/// `vec![0; n]` gets pre-zeroed memory from the allocator (`calloc`: fresh
/// pages are not even touched), but aborts the process when the allocator
/// refuses. A request big enough to be refused is therefore first made with
/// `try_reserve_exact`, which reports failure instead; only a size the
/// allocator has just granted is then allocated for real. Smaller blocks skip
/// the probe, because freeing a probe makes the allocator serve the next large
/// request from recycled memory that must be zeroed by hand.
fn zeroed(len: usize, error: ArenaError) -> Result<Vec<u8>, ArenaError> {
    if len >= PROBE_FROM {
        let mut probe: Vec<u8> = Vec::new();
        probe.try_reserve_exact(len).map_err(|_| error)?;
        drop(probe);
    }
    Ok(vec![0; len])
}

impl Block {
    /// Allocates a zeroed block of `capacity` bytes starting on an 8-byte
    /// boundary, or fails cleanly.
    pub(crate) fn new(capacity: usize) -> Result<Block, ArenaError> {
        let error = ArenaError::OutOfMemory {
            requested: capacity,
        };
        let mut data = zeroed(capacity, error)?;
        let mut start = 0;
        // The system allocator hands out buffers aligned to at least 8 bytes
        // for any request of 8 or more, so this is a safety net: a buffer
        // that is not aligned is replaced by one 7 bytes larger, inside
        // which an aligned start exists.
        if padding_to_align(data.as_ptr() as usize) != 0 {
            drop(data);
            let len = capacity.checked_add(ALIGN - 1).ok_or(error)?;
            data = zeroed(len, error)?;
            start = padding_to_align(data.as_ptr() as usize);
        }
        Ok(Block {
            data,
            start,
            capacity,
            used: 0,
        })
    }

    /// The block's bytes `from..to`; the caller has checked
    /// `from <= to <= capacity`.
    #[inline]
    pub(crate) fn slice(&self, from: usize, to: usize) -> &[u8] {
        // `start + capacity <= data.len()`, so neither sum overflows.
        &self.data[self.start + from..self.start + to]
    }

    /// The block's bytes `from..to`, writable; the caller has checked
    /// `from <= to <= capacity`.
    #[inline]
    pub(crate) fn slice_mut(&mut self, from: usize, to: usize) -> &mut [u8] {
        &mut self.data[self.start + from..self.start + to]
    }

    /// The address of the block's byte `offset` (`offset <= capacity`),
    /// computed with [`Vec::as_mut_ptr`], which creates no reference to the
    /// buffer, so addresses handed out earlier stay usable alongside it.
    #[inline]
    pub(crate) fn address_of(&mut self, offset: usize) -> *mut u8 {
        self.data.as_mut_ptr().wrapping_add(self.start + offset)
    }

    /// Forgets every byte handed out, zeroing them for their next use.
    pub(crate) fn clear(&mut self) {
        let used = self.used;
        self.slice_mut(0, used).fill(0);
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
        assert_eq!(b.slice(0, 4096).len(), 4096);
        assert!(b.slice(0, 4096).iter().all(|&x| x == 0));
        assert_eq!(b.used, 0);
    }

    #[test]
    fn padding_to_align_reaches_the_next_multiple_of_eight() {
        assert_eq!(padding_to_align(0), 0);
        assert_eq!(padding_to_align(8), 0);
        assert_eq!(padding_to_align(1), 7);
        assert_eq!(padding_to_align(7), 1);
        assert_eq!(padding_to_align(13), 3);
        assert_eq!(padding_to_align(usize::MAX), 1);
    }

    #[test]
    fn blocks_start_on_an_eight_byte_boundary() {
        for capacity in [8, 13, 64, 1000, 4096, 1 << 20] {
            let mut b = Block::new(capacity).unwrap();
            assert_eq!(b.address_of(0) as usize % ALIGN, 0, "block of {capacity}");
            assert_eq!(b.slice(0, 0).as_ptr(), b.address_of(0) as *const u8);
        }
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
