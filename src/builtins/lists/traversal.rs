//! The list walker every list builtin traverses with (cycle detection and
//! dead-arena checks) and the size budget for the lists they build; shared
//! machinery, so it has no builtins of its own.

use std::rc::Rc;

use crate::builtins::args;
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::value::{Pair, Value};

/// The most elements a list builtin builds in one go.
const MAX_LIST_ELEMENTS: usize = 1 << 26;

/// A vector with room for `n` list elements, or a Memory error.
/// Elements a list builder that cannot know its result's length makes
/// between two budget checks.
pub(super) const CHECK_EVERY: usize = 1 << 16;

pub(super) fn reserve(interp: &Interp, who: &str, n: usize) -> Result<Vec<Value>> {
    let too_large = || {
        Error::new(
            ErrorKind::Memory,
            format!("{who}: a list of {n} elements is too large"),
        )
    };
    if n > MAX_LIST_ELEMENTS {
        return Err(too_large());
    }
    args::check_list_size(interp, who, n)?;
    let mut out = Vec::new();
    out.try_reserve_exact(n).map_err(|_| too_large())?;
    Ok(out)
}

/// Walks the pairs of a list with cycle detection (Floyd), checking each pair's
/// arena.
pub(super) struct Cursor<'a> {
    who: &'a str,
    list: &'a Value,
    /// The rest of the list not yet walked; after the walk, its final tail.
    pub(super) cur: Value,
    cycle: args::CdrCycle,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(who: &'a str, list: &'a Value) -> Cursor<'a> {
        Cursor {
            who,
            list,
            cur: list.clone(),
            cycle: args::CdrCycle::new(list),
        }
    }

    /// The next pair, or `None` when the rest is not a pair (see `cur`).
    /// Fails on a cycle or a dead pair.
    pub(super) fn next_any(&mut self) -> Result<Option<Rc<Pair>>> {
        let pair = match &self.cur {
            Value::Pair(p) => {
                args::check_live(&self.cur)?;
                p.clone()
            }
            _ => return Ok(None),
        };
        self.cur = pair.cdr();
        if self.cycle.cycled(&self.cur) {
            return Err(Error::wrong_type(
                self.who,
                "a proper list (this one is cyclic)",
                self.list,
            ));
        }
        Ok(Some(pair))
    }

    /// The next pair of a proper list, or `None` at its end; fails on an
    /// improper tail too.
    pub(super) fn next(&mut self) -> Result<Option<Rc<Pair>>> {
        match self.next_any()? {
            Some(p) => Ok(Some(p)),
            None if matches!(self.cur, Value::Null) => Ok(None),
            None => Err(Error::wrong_type(self.who, "a proper list", self.list)),
        }
    }
}
