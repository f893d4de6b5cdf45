//! Interned symbols.
//!
//! A symbol is a `u32` index into a per-thread table of names, so that `eq?` on
//! symbols, `case` dispatch and hash-table keys compare integers, not strings.
//! The table only grows: symbol names live as long as the thread.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// An interned symbol name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(pub u32);

#[derive(Default)]
struct Interner {
    names: Vec<Rc<str>>,
    ids: HashMap<Rc<str>, u32>,
    gensym_counter: u64,
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
            table.gensym_counter += 1;
            table.gensym_counter
        });
        Symbol::intern(&format!(" {prefix}{n}"))
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
