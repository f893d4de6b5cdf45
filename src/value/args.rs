//! Checked access to values: the type accessors and arena liveness checks
//! that every builtin, walker and printer goes through.
//!
//! Every accessor here also refuses values owned by a destroyed arena, so a
//! builtin that takes its arguments through these functions can never read a
//! dead arena's data.

use std::rc::Rc;

use crate::diagnostics::{Error, ErrorKind, Result};
use crate::value::{ArenaTag, Bytevector, HashTable, Owner, Pair, SString, Value, Vector};

/// Fails if `value` lives in an arena that has been destroyed.
#[inline]
pub fn check_live(value: &Value) -> Result<()> {
    check_owner(value.owner())
}

/// Fails if `owner` is an arena destroyed or reset since the data was put
/// there: the one liveness check that every access to arena data makes.
#[inline]
pub fn check_owner(owner: Option<&Owner>) -> Result<()> {
    match owner {
        Some(owner) if !owner.is_live() => Err(dead_arena_error(owner)),
        _ => Ok(()),
    }
}

/// Fails if any of `values` lives in a destroyed arena: what a walker over
/// arena data checks before each step, since the procedure it calls may
/// destroy the arena (which empties the data) midway.
pub fn check_all_live(values: &[Value]) -> Result<()> {
    values.iter().try_for_each(check_live)
}

/// Calls `f` with `call` once every value of `data` is known to be alive:
/// how a walker over a snapshot of its arguments (`map`, `fold`, `any`...)
/// delivers each element, so a callback that destroys the arena stops the
/// walk with an `arena-destroyed` error instead of being fed dead data.
pub fn apply_live(
    interp: &mut crate::interp::Interp,
    data: &[Value],
    f: &Value,
    call: &[Value],
) -> Result<Value> {
    check_all_live(data)?;
    interp.apply(f, call)
}

/// The heap cost of one list element: its pair (with the `Rc` counts) and
/// the element's slot while the list is built.
const LIST_ELEMENT_BYTES: usize =
    std::mem::size_of::<crate::value::Pair>() + 16 + std::mem::size_of::<Value>();

/// Refuses, before it is built, a list of `n` elements that would take the
/// process past `--max-memory`: builtins whose result grows with their input
/// (`vector->list`, `append`, `map`...) call it first.
pub fn check_list_size(interp: &crate::interp::Interp, who: &str, n: usize) -> Result<()> {
    interp.check_allocation(who, n.saturating_mul(LIST_ELEMENT_BYTES))
}

/// The error for any use of a value that lived in an arena which has since been
/// destroyed or reset.
pub fn dead_arena_error(owner: &Owner) -> Error {
    let arena = &owner.arena;
    if !arena.alive.get() {
        return destroyed_arena_error(arena, "use of a value from arena");
    }
    let mut error = Error::new(
        ErrorKind::ArenaReset,
        format!(
            "use of a value from arena #{} after the arena was reset",
            arena.id.slot
        ),
    )
    .with_label(arena.created, "arena created here")
    .with_help(
        "values allocated before arena-reset! are gone; allocate them again after the reset",
    );
    if let Some(reset) = arena.reset_at.get() {
        error = error.with_label(reset, "reset here");
    }
    error
}

/// The error for using a destroyed arena itself (`what` says how it was used).
pub fn destroyed_arena_error(arena: &ArenaTag, what: &str) -> Error {
    let mut error = Error::new(
        ErrorKind::ArenaDestroyed,
        format!("{what} #{} after it was destroyed", arena.id.slot),
    )
    .with_label(arena.created, "arena created here")
    .with_help(
        "copy what you still need out of the arena (or into a longer-lived one) before destroying it",
    );
    if let Some(destroyed) = arena.destroyed.get() {
        error = error.with_label(destroyed, "destroyed here");
    }
    error
}

/// A pair argument.
#[inline]
pub fn pair<'a>(who: &str, value: &'a Value) -> Result<&'a Rc<Pair>> {
    match value {
        Value::Pair(p) => {
            check_live(value)?;
            Ok(p)
        }
        _ => Err(Error::wrong_type(who, "a pair", value)),
    }
}

/// A string argument.
pub fn string<'a>(who: &str, value: &'a Value) -> Result<&'a Rc<SString>> {
    match value {
        Value::Str(s) => {
            check_live(value)?;
            Ok(s)
        }
        _ => Err(Error::wrong_type(who, "a string", value)),
    }
}

/// A vector argument.
pub fn vector<'a>(who: &str, value: &'a Value) -> Result<&'a Rc<Vector>> {
    match value {
        Value::Vector(v) => {
            check_live(value)?;
            Ok(v)
        }
        _ => Err(Error::wrong_type(who, "a vector", value)),
    }
}

/// A bytevector argument (its bytes may still need the arena registry).
pub fn bytevector<'a>(who: &str, value: &'a Value) -> Result<&'a Rc<Bytevector>> {
    match value {
        Value::Bytevector(b) => {
            check_live(value)?;
            Ok(b)
        }
        _ => Err(Error::wrong_type(who, "a bytevector", value)),
    }
}

/// A hash-table argument.
pub fn hash_table<'a>(who: &str, value: &'a Value) -> Result<&'a Rc<HashTable>> {
    match value {
        Value::HashTable(h) => Ok(h),
        _ => Err(Error::wrong_type(who, "a hash table", value)),
    }
}

/// A character argument.
pub fn character(who: &str, value: &Value) -> Result<char> {
    match value {
        Value::Char(c) => Ok(*c),
        _ => Err(Error::wrong_type(who, "a character", value)),
    }
}

/// A symbol argument.
pub fn symbol(who: &str, value: &Value) -> Result<crate::symbol::Symbol> {
    match value {
        Value::Symbol(s) => Ok(*s),
        _ => Err(Error::wrong_type(who, "a symbol", value)),
    }
}

/// A procedure argument.
pub fn procedure<'a>(who: &str, value: &'a Value) -> Result<&'a Value> {
    if value.is_procedure() {
        Ok(value)
    } else {
        Err(Error::wrong_type(who, "a procedure", value))
    }
}

/// An exact integer that fits in i64.
pub fn integer(who: &str, value: &Value) -> Result<i64> {
    match value {
        Value::Int(n) => Ok(*n),
        Value::Float(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => Ok(*x as i64),
        Value::Big(_) => Err(Error::range(
            who,
            format!("{} is too large", crate::printer::write_string_lossy(value)),
        )),
        _ => Err(Error::wrong_type(who, "an integer", value)),
    }
}

/// A non-negative exact integer usable as an index or size.
pub fn index(who: &str, value: &Value) -> Result<usize> {
    match value {
        Value::Int(n) if *n >= 0 => Ok(*n as usize),
        Value::Int(n) => Err(Error::range(who, format!("index {n} is negative"))),
        Value::Big(_) => Err(Error::range(
            who,
            format!("{} is too large", crate::printer::write_string_lossy(value)),
        )),
        _ => Err(Error::wrong_type(
            who,
            "a non-negative exact integer",
            value,
        )),
    }
}

/// An index that must be below `len`.
pub fn index_below(who: &str, value: &Value, len: usize) -> Result<usize> {
    let i = index(who, value)?;
    if i < len {
        Ok(i)
    } else {
        Err(Error::range(
            who,
            format!("index {i} is out of range for length {len}"),
        ))
    }
}

/// Brent's check for a walk along a list's cdrs: the pair the walk stood
/// on after 1, 2, 4, 8... steps is saved, and the walk meets a saved pair
/// again only in a cycle. Unlike Floyd's second cursor, this reads no cdr
/// of its own and keeps a new pair only at each power of two, so a long
/// proper list costs one pointer comparison per step.
pub struct CdrCycle {
    saved: Value,
    /// Steps since `saved` was taken, and how many until the next one.
    steps: usize,
    power: usize,
}

impl CdrCycle {
    /// A check for a walk starting at `list`.
    pub fn new(list: &Value) -> CdrCycle {
        CdrCycle {
            saved: list.clone(),
            steps: 0,
            power: 1,
        }
    }

    /// Called each time the walk moves on, to `cur`: whether the walk has
    /// gone round a cycle.
    #[inline(always)]
    pub fn cycled(&mut self, cur: &Value) -> bool {
        if let (Value::Pair(a), Value::Pair(b)) = (cur, &self.saved) {
            if Rc::ptr_eq(a, b) {
                return true;
            }
        }
        self.steps += 1;
        if self.steps == self.power {
            self.saved = cur.clone();
            self.steps = 0;
            self.power = self.power.saturating_mul(2);
        }
        false
    }
}

/// Visits each pair of a proper list in order, checking it for a dead
/// owner first; dotted and cyclic lists are refused.
fn walk_proper(who: &str, value: &Value, mut visit: impl FnMut(&Pair)) -> Result<()> {
    let mut cur = value.clone();
    let mut cycle = CdrCycle::new(value);
    loop {
        match cur {
            Value::Null => return Ok(()),
            Value::Pair(ref p) => {
                check_live(&cur)?;
                visit(p);
                let next = p.cdr();
                cur = next;
            }
            _ => return Err(Error::wrong_type(who, "a proper list", value)),
        }
        if cycle.cycled(&cur) {
            return Err(Error::wrong_type(
                who,
                "a proper list (this one is cyclic)",
                value,
            ));
        }
    }
}

/// The length of a proper list, checked as [`list`] checks it, without
/// copying the elements.
pub fn list_length(who: &str, value: &Value) -> Result<usize> {
    let mut n = 0;
    walk_proper(who, value, |_| n += 1)?;
    Ok(n)
}

/// A proper list, as a vector of its elements. Every pair is checked for a
/// dead owner; dotted and cyclic lists are refused.
pub fn list(who: &str, value: &Value) -> Result<Vec<Value>> {
    let mut out = Vec::new();
    walk_proper(who, value, |p| out.push(p.car()))?;
    Ok(out)
}
