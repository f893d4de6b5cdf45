//! Interned symbols.
//!
//! A symbol is a `u32` index into a per-thread table of names, so that `eq?` on
//! symbols, `case` dispatch and hash-table keys compare integers, not strings.
//! Names live as long as the thread; only generated names (see
//! [`Symbol::gensym`]) are handed back for reuse once nothing refers to them.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// An interned symbol name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(pub u32);

#[derive(Default)]
struct Interner {
    names: Vec<Rc<str>>,
    /// Fx-hashed: interning is on the start-up path (every builtin's name).
    ids: rustc_hash::FxHashMap<Rc<str>, u32>,
    gensym_counter: u64,
    /// Generated names given back with [`Symbol::recycle_gensym`], by the
    /// prefix they were made from.
    free_gensyms: HashMap<Rc<str>, Vec<Symbol>>,
}

thread_local! {
    static INTERNER: RefCell<Interner> = RefCell::new(Interner::default());
}

impl Symbol {
    /// The symbol named `name`, creating it on first use.
    pub fn intern(name: &str) -> Symbol {
        INTERNER.with(|cell| {
            let mut table = cell.borrow_mut();
            if let Some(&id) = table.ids.get(name) {
                return Symbol(id);
            }
            let id = table.names.len() as u32;
            let shared: Rc<str> = Rc::from(name);
            table.names.push(shared.clone());
            table.ids.insert(shared, id);
            Symbol(id)
        })
    }

    /// The symbol's name.
    pub fn name(self) -> Rc<str> {
        INTERNER.with(|cell| cell.borrow().names[self.0 as usize].clone())
    }

    /// A fresh symbol that no program text can spell, for generated code.
    pub fn gensym(prefix: &str) -> Symbol {
        let n = INTERNER.with(|cell| {
            let mut table = cell.borrow_mut();
            if let Some(reused) = table.free_gensyms.get_mut(prefix).and_then(Vec::pop) {
                return Err(reused);
            }
            table.gensym_counter += 1;
            Ok(table.gensym_counter)
        });
        match n {
            Ok(n) => Symbol::intern(&format!(" {prefix}{n}")),
            Err(reused) => reused,
        }
    }

    /// Hands back a name `gensym(prefix)` made, which nothing refers to any
    /// more, so that generating names in a long loop does not grow the table.
    pub fn recycle_gensym(symbol: Symbol, prefix: Symbol) {
        INTERNER.with(|cell| {
            let mut table = cell.borrow_mut();
            let key = table.names[prefix.0 as usize].clone();
            table.free_gensyms.entry(key).or_default().push(symbol);
        });
    }

    /// Every interned name (for completion and "did you mean" suggestions).
    pub fn all_names() -> Vec<Rc<str>> {
        INTERNER.with(|cell| cell.borrow().names.clone())
    }
}

impl std::fmt::Display for Symbol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name())
    }
}
