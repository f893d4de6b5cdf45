//! The expander's lexical scopes, innermost last. A count of the local
//! bindings of each name lets a lookup of a name bound nowhere (every special
//! form keyword, every global) answer at once instead of walking every
//! enclosing scope, so expanding deeply nested code stays linear.

use rustc_hash::FxHashMap;

use super::macros::Binding;
use crate::symbol::Symbol;

/// A stack of scopes, each a list of bindings in the order they were made.
#[derive(Default)]
pub(super) struct Scopes {
    frames: Vec<Vec<(Symbol, Binding)>>,
    /// How many bindings of each name the open scopes hold.
    bound: FxHashMap<Symbol, u32>,
}

impl Scopes {
    /// Opens a scope holding `bindings`.
    pub fn push(&mut self, bindings: Vec<(Symbol, Binding)>) {
        for (name, _) in &bindings {
            *self.bound.entry(*name).or_insert(0) += 1;
        }
        self.frames.push(bindings);
    }

    /// Closes the innermost scope.
    pub fn pop(&mut self) {
        let Some(bindings) = self.frames.pop() else {
            return;
        };
        for (name, _) in bindings {
            self.forget(name);
        }
    }

    /// Closes scopes until `depth` remain.
    pub fn truncate(&mut self, depth: usize) {
        while self.frames.len() > depth {
            self.pop();
        }
    }

    /// Adds a binding to the innermost scope (nothing at top level).
    pub fn bind(&mut self, name: Symbol, binding: Binding) {
        if let Some(scope) = self.frames.last_mut() {
            scope.push((name, binding));
            *self.bound.entry(name).or_insert(0) += 1;
        }
    }

    /// How many scopes are open.
    pub fn len(&self) -> usize {
        self.frames.len()
    }

    /// Whether no scope is open (top level).
    pub fn is_empty(&self) -> bool {
        self.frames.is_empty()
    }

    /// The innermost binding of `name` in the outermost `depth` scopes.
    pub fn find(&self, name: Symbol, depth: usize) -> Option<Binding> {
        if !self.bound.contains_key(&name) {
            return None;
        }
        self.frames[..depth.min(self.frames.len())]
            .iter()
            .rev()
            .flat_map(|scope| scope.iter().rev())
            .find(|(n, _)| *n == name)
            .map(|(_, b)| b.clone())
    }

    /// Every binding, innermost first.
    pub fn innermost_first(&self) -> impl Iterator<Item = &(Symbol, Binding)> {
        self.frames
            .iter()
            .rev()
            .flat_map(|scope| scope.iter().rev())
    }

    fn forget(&mut self, name: Symbol) {
        if let Some(count) = self.bound.get_mut(&name) {
            *count -= 1;
            if *count == 0 {
                self.bound.remove(&name);
            }
        }
    }
}
