//! Strings, vectors and bytevectors: the indexed containers.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use super::drop;
use super::{Owner, Value};
use crate::gc;
use eshkol_arena::Allocation;

/// A mutable string of Unicode characters (`string-ref` is O(1)).
pub struct SString {
    pub chars: RefCell<Vec<char>>,
    /// The arena this string was copied into, if any.
    pub owner: Option<Owner>,
}

impl SString {
    /// A heap string.
    pub fn new(chars: Vec<char>) -> SString {
        SString {
            chars: RefCell::new(chars),
            owner: None,
        }
    }
}

impl fmt::Display for SString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.chars.borrow().iter() {
            fmt::Write::write_char(f, *c)?;
        }
        Ok(())
    }
}

/// A vector.
pub struct Vector {
    pub items: RefCell<Vec<Value>>,
    /// The arena this vector was copied into, if any.
    pub owner: Option<Owner>,
}

impl Vector {
    /// A heap vector.
    pub fn new(items: Vec<Value>) -> Vector {
        Vector {
            items: RefCell::new(items),
            owner: None,
        }
    }

    /// Stores `value` at `index` (caller checked the bounds); registers a cycle
    /// candidate when needed.
    pub fn set(self: &Rc<Self>, index: usize, value: Value) {
        if value.is_container() {
            gc::note_mutation(Value::Vector(self.clone()));
        }
        self.items.borrow_mut()[index] = value;
    }
}

impl Drop for Vector {
    fn drop(&mut self) {
        let items = std::mem::take(self.items.get_mut());
        if items.iter().any(Value::is_container) {
            drop::release(items);
        }
    }
}

/// A bytevector: bytes on the heap, or bytes living in an arena block.
pub struct Bytevector {
    pub storage: ByteStorage,
    /// The arena whose block holds (or which owns) these bytes, if any.
    pub owner: Option<Owner>,
}

/// Where a bytevector's bytes are.
pub enum ByteStorage {
    Heap(RefCell<Vec<u8>>),
    /// Bytes inside an arena block; reached through the interpreter's arena
    /// registry, which refuses stale allocations.
    Arena(Allocation),
}

impl Bytevector {
    /// A heap bytevector.
    pub fn heap(bytes: Vec<u8>) -> Bytevector {
        Bytevector {
            storage: ByteStorage::Heap(RefCell::new(bytes)),
            owner: None,
        }
    }
}
