//! Builtins: bytevectors (stub).

use super::Primitive;

/// This topic's builtins.
pub static PRIMITIVES: &[Primitive] = &[];

/// Runs `f` on the bytes of a bytevector (heap or arena), refusing dead arenas.
pub fn with_bytes<R>(
    interp: &crate::interp::Interp,
    bv: &crate::value::Bytevector,
    f: impl FnOnce(&[u8]) -> R,
) -> crate::diagnostics::Result<R> {
    if let Some(owner) = &bv.owner {
        if !owner.is_live() {
            return Err(super::args::dead_arena_error(owner));
        }
    }
    match &bv.storage {
        crate::value::ByteStorage::Heap(bytes) => Ok(f(&bytes.borrow())),
        crate::value::ByteStorage::Arena(a) => interp
            .arenas
            .bytes(a)
            .map(f)
            .map_err(|e| crate::diagnostics::Error::new(crate::diagnostics::ErrorKind::Arena, e.to_string())),
    }
}
