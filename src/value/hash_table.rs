//! Hash tables keyed by `equal?`, `eqv?` or `eq?`.

use std::cell::RefCell;

use super::drop;
use super::Value;

/// A mutable hash table keyed by `equal?` (default), `eqv?` or `eq?`.
pub struct HashTable {
    pub kind: HashKind,
    pub map: RefCell<std::collections::HashMap<HashKey, (Value, Value)>>,
    /// Entries of `equal?` keys that cannot be keyed by structure (nested
    /// too deep, too large, cyclic: see `builtins::hashtables::key_for`),
    /// found by comparing with `equal?`.
    pub overflow: RefCell<Vec<(Value, Value)>>,
}

/// Which equivalence a hash table uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashKind {
    Equal,
    Eqv,
    Eq,
    String,
}

/// A hashable key derived from a value under the table's equivalence: the map
/// stores `(key, value)` pairs under it, so lookups never clone the key twice.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum HashKey {
    Null,
    Bool(bool),
    Int(i64),
    /// Exact non-fixnum numbers by their printed form; floats by bits.
    Number(String),
    FloatBits(u64),
    Char(char),
    Symbol(u32),
    Str(String),
    /// Structural key for `equal?` on pairs, vectors, bytevectors.
    Composite(Vec<HashKey>),
    /// Identity of a heap object (eq/eqv tables, and procedures everywhere).
    Pointer(usize),
    Other(&'static str),
}

impl HashTable {
    /// An empty table.
    pub fn new(kind: HashKind) -> HashTable {
        HashTable {
            kind,
            map: RefCell::new(std::collections::HashMap::new()),
            overflow: RefCell::new(Vec::new()),
        }
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.map.borrow().len() + self.overflow.borrow().len()
    }

    /// Whether the table has no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every entry, copied out (no borrow is kept while the caller runs).
    pub fn entries(&self) -> Vec<(Value, Value)> {
        let mut entries: Vec<(Value, Value)> = self.map.borrow().values().cloned().collect();
        entries.extend(self.overflow.borrow().iter().cloned());
        entries
    }
}

impl Drop for HashTable {
    fn drop(&mut self) {
        let map = std::mem::take(self.map.get_mut());
        let overflow = std::mem::take(self.overflow.get_mut());
        if !map.is_empty() || !overflow.is_empty() {
            drop::release((map, overflow));
        }
    }
}
