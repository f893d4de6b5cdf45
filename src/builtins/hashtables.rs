//! Builtins: hash tables (SRFI-69 names, plus the R7RS-large spellings people
//! reach for).
//!
//! A table maps a [`HashKey`] (derived from the key under the table's
//! equivalence) to the original key and its value. No borrow of a table's map is
//! held while Scheme code runs (failure thunks, update procedures, walkers), so
//! that code may freely change the table.

use std::rc::Rc;

use super::{args, Primitive};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::{HashKey, HashKind, HashTable, Value};

/// This topic's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("make-hash-table", 0, 2, make_hash_table, "(make-hash-table [equiv]): a new table keyed by equal? (or eqv?, eq?, string=?)"),
    prim!("hash-table?", 1, 1, hash_table_p, "(hash-table? x): whether x is a hash table"),
    prim!("hash-table-set!", 3, 3, hash_table_set, "(hash-table-set! table key value): associates value with key"),
    prim!("hash-table-ref", 2, 4, hash_table_ref, "(hash-table-ref table key [failure [success]]): the value of key; calls failure (or fails) if absent"),
    prim!("hash-table-ref/default", 3, 3, hash_table_ref_default, "(hash-table-ref/default table key default): the value of key, or default"),
    prim!("hash-table-delete!", 2, 2, hash_table_delete, "(hash-table-delete! table key): removes key"),
    prim!("hash-table-contains?", 2, 2, hash_table_contains, "(hash-table-contains? table key): whether key is present"),
    prim!("hash-table-exists?", 2, 2, hash_table_contains, "(hash-table-exists? table key): whether key is present"),
    prim!("hash-table-count", 1, 1, hash_table_count, "(hash-table-count table): the number of entries"),
    prim!("hash-table-size", 1, 1, hash_table_count, "(hash-table-size table): the number of entries"),
    prim!("hash-table-keys", 1, 1, hash_table_keys, "(hash-table-keys table): the keys, in no particular order"),
    prim!("hash-table-values", 1, 1, hash_table_values, "(hash-table-values table): the values, in no particular order"),
    prim!("hash-table->alist", 1, 1, hash_table_to_alist, "(hash-table->alist table): the entries as (key . value) pairs"),
    prim!("hash-table-update!", 3, 4, hash_table_update, "(hash-table-update! table key proc [failure]): sets key to (proc old-value)"),
    prim!("hash-table-update!/default", 4, 4, hash_table_update_default, "(hash-table-update!/default table key proc default): sets key to (proc old-value-or-default)"),
    prim!("hash-table-walk", 2, 2, hash_table_walk, "(hash-table-walk table proc): calls (proc key value) on every entry"),
    prim!("hash-table-clear!", 1, 1, hash_table_clear, "(hash-table-clear! table): removes every entry"),
    prim!("hash-table-copy", 1, 2, hash_table_copy, "(hash-table-copy table [mutable?]): a new table with the same entries"),
    prim!("hash-table-equivalence-function", 1, 1, hash_table_equivalence_function, "(hash-table-equivalence-function table): the equivalence its keys are compared with"),
    prim!("alist->hash-table", 1, 3, alist_to_hash_table, "(alist->hash-table alist [equiv]): a table of the pairs' cars and cdrs (first wins)"),
];

/// Nesting (through cars and vector elements) past which an `equal?` key part
/// is identified by address instead of structure.
const MAX_KEY_DEPTH: usize = 64;

/// Key parts past which a whole `equal?` key is identified by address.
const MAX_KEY_PARTS: usize = 1_000_000;

/// The address of a heap object, as an identity key.
fn pointer(value: &Value) -> HashKey {
    let address = match value {
        Value::Big(b) => Rc::as_ptr(b) as *const () as usize,
        Value::Rat(r) => Rc::as_ptr(r) as *const () as usize,
        Value::Str(s) => Rc::as_ptr(s) as *const () as usize,
        Value::Pair(p) => Rc::as_ptr(p) as *const () as usize,
        Value::Vector(v) => Rc::as_ptr(v) as *const () as usize,
        Value::Bytevector(b) => Rc::as_ptr(b) as *const () as usize,
        Value::Closure(c) => Rc::as_ptr(c) as *const () as usize,
        Value::Primitive(p) => *p as *const _ as *const () as usize,
        Value::Promise(p) => Rc::as_ptr(p) as *const () as usize,
        Value::HashTable(h) => Rc::as_ptr(h) as *const () as usize,
        Value::Arena(a) => Rc::as_ptr(a) as *const () as usize,
        Value::Values(v) => Rc::as_ptr(v) as *const () as usize,
        Value::Boxed(b) => Rc::as_ptr(b) as *const () as usize,
        _ => return HashKey::Other(value.type_name()),
    };
    HashKey::Pointer(address)
}

/// The key of an immediate value (the same under every equivalence), if it is one.
fn immediate(value: &Value) -> Option<HashKey> {
    Some(match value {
        Value::Null => HashKey::Null,
        Value::Bool(b) => HashKey::Bool(*b),
        Value::Int(n) => HashKey::Int(*n),
        Value::Float(x) => HashKey::FloatBits(x.to_bits()),
        Value::Char(c) => HashKey::Char(*c),
        Value::Symbol(s) => HashKey::Symbol(s.0),
        Value::Unspecified => HashKey::Other("unspecified"),
        Value::Eof => HashKey::Other("eof"),
        Value::Undefined => HashKey::Other("undefined"),
        _ => return None,
    })
}

/// The hash key of `value` under the equivalence `kind`: two values get equal
/// keys exactly when the equivalence holds. `None` for an `equal?` key too
/// deep (nested past 64 levels), too large (a million parts) or cyclic
/// through its cdrs to be keyed by structure: such keys go to a table's
/// overflow list, compared with `equal?` itself. Being such a key is a
/// property `equal?` preserves, so an equal key is never looked for in the
/// wrong place. Arena bytevectors are keyed by their bytes, and any part of
/// a key from a dead arena is an `arena-destroyed` error.
pub fn key_for(interp: &Interp, kind: HashKind, value: &Value) -> Result<Option<HashKey>> {
    if let Some(key) = immediate(value) {
        return Ok(Some(key));
    }
    args::check_live(value)?;
    Ok(Some(match (kind, value) {
        (HashKind::Eq, _) => pointer(value),
        (_, Value::Big(b)) => HashKey::Number(b.to_string()),
        (_, Value::Rat(r)) => HashKey::Number(r.to_string()),
        (HashKind::Eqv, _) => pointer(value),
        (_, Value::Str(s)) => HashKey::Str(s.chars.borrow().iter().collect()),
        (HashKind::String, _) => pointer(value),
        (HashKind::Equal, _) => {
            let mut parts = MAX_KEY_PARTS;
            return equal_key(interp, value, 0, &mut parts);
        }
    }))
}

/// The structural key of `value` for `equal?` tables; `None` once it is too
/// deep, too large (`parts` runs out) or cdr-cyclic.
fn equal_key(
    interp: &Interp,
    value: &Value,
    depth: usize,
    parts: &mut usize,
) -> Result<Option<HashKey>> {
    let Some(left) = parts.checked_sub(1) else {
        return Ok(None);
    };
    *parts = left;
    if let Some(key) = immediate(value) {
        return Ok(Some(key));
    }
    args::check_live(value)?;
    if depth >= MAX_KEY_DEPTH {
        return Ok(None);
    }
    match value {
        Value::Big(_) | Value::Rat(_) | Value::Str(_) => key_for(interp, HashKind::Equal, value),
        Value::Pair(_) => pair_key(interp, value, depth, parts),
        Value::Vector(v) => {
            let items = v.items.borrow().clone();
            let mut keys = vec![HashKey::Other("vector")];
            for item in &items {
                let Some(key) = equal_key(interp, item, depth + 1, parts)? else {
                    return Ok(None);
                };
                keys.push(key);
            }
            Ok(Some(HashKey::Composite(keys)))
        }
        Value::Bytevector(b) => {
            let bytes = super::bytevectors::with_bytes(interp, b, <[u8]>::to_vec)?;
            let Some(left) = parts.checked_sub(bytes.len()) else {
                return Ok(None);
            };
            *parts = left;
            let mut keys = vec![HashKey::Other("bytevector")];
            keys.extend(bytes.iter().map(|&b| HashKey::Int(b as i64)));
            Ok(Some(HashKey::Composite(keys)))
        }
        _ => Ok(Some(pointer(value))),
    }
}

/// The key of a list (flattened along its cdrs, so a long list is not a deep
/// key); `None` when it is cyclic through its cdrs or a part is unkeyable.
fn pair_key(
    interp: &Interp,
    value: &Value,
    depth: usize,
    parts: &mut usize,
) -> Result<Option<HashKey>> {
    let mut items = vec![HashKey::Other("pair")];
    let mut cur = value.clone();
    let mut cycle = args::CdrCycle::new(value);
    while let Value::Pair(p) = &cur {
        args::check_live(&cur)?;
        let Some(key) = equal_key(interp, &p.car(), depth + 1, parts)? else {
            return Ok(None);
        };
        items.push(key);
        let next = p.cdr();
        cur = next;
        if cycle.cycled(&cur) {
            return Ok(None);
        }
    }
    let Some(tail) = equal_key(interp, &cur, depth + 1, parts)? else {
        return Ok(None);
    };
    items.push(tail);
    Ok(Some(HashKey::Composite(items)))
}

/// The table kind named by an equivalence procedure.
fn kind_of(who: &str, value: &Value) -> Result<HashKind> {
    match value {
        Value::Primitive(p) => match p.name {
            "equal?" => return Ok(HashKind::Equal),
            "eqv?" => return Ok(HashKind::Eqv),
            "eq?" => return Ok(HashKind::Eq),
            "string=?" => return Ok(HashKind::String),
            _ => {}
        },
        // A size hint (Guile's `(make-hash-table 100)`).
        Value::Int(n) if *n >= 0 => return Ok(HashKind::Equal),
        _ => {}
    }
    Err(Error::wrong_type(
        who,
        "equal?, eqv?, eq? or string=?",
        value,
    ))
}

/// Where the entry of a key is kept in a table.
enum Slot {
    /// In the map, under this key.
    Keyed(HashKey),
    /// In the overflow list, found by `equal?`.
    Overflow,
}

/// The slot of `key` in `table`, refusing dead values and non-strings in
/// `string=?` tables.
fn slot_in(interp: &Interp, who: &str, table: &HashTable, key: &Value) -> Result<Slot> {
    if table.kind == HashKind::String && !matches!(key, Value::Str(_)) {
        return Err(Error::wrong_type(who, "a string key", key));
    }
    Ok(match key_for(interp, table.kind, key)? {
        Some(hash_key) => Slot::Keyed(hash_key),
        None => Slot::Overflow,
    })
}

/// The index of `key`'s entry in the overflow list.
fn overflow_index(interp: &Interp, table: &HashTable, key: &Value) -> Result<Option<usize>> {
    let overflow = table.overflow.borrow();
    for (i, (k, _)) in overflow.iter().enumerate() {
        if super::equivalence::equal_in(&interp.arenas.registry, k, key)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// The value stored for `key`, if any (no borrow is kept).
fn lookup(interp: &Interp, table: &HashTable, slot: &Slot, key: &Value) -> Result<Option<Value>> {
    Ok(match slot {
        Slot::Keyed(hash_key) => table.map.borrow().get(hash_key).map(|(_, v)| v.clone()),
        Slot::Overflow => {
            overflow_index(interp, table, key)?.map(|i| table.overflow.borrow()[i].1.clone())
        }
    })
}

/// Stores an entry (replacing one of an equal key), registering the table as
/// a cycle candidate when needed.
fn insert(
    interp: &Interp,
    table: &Rc<HashTable>,
    slot: Slot,
    key: Value,
    value: Value,
) -> Result<()> {
    let container = key.is_container() || value.is_container();
    match slot {
        Slot::Keyed(hash_key) => {
            let old = table.map.borrow_mut().insert(hash_key, (key, value));
            drop(old);
        }
        Slot::Overflow => match overflow_index(interp, table, &key)? {
            Some(i) => {
                let old = std::mem::replace(&mut table.overflow.borrow_mut()[i], (key, value));
                drop(old);
            }
            None => table.overflow.borrow_mut().push((key, value)),
        },
    }
    if container {
        crate::gc::note_mutation(Value::HashTable(table.clone()));
    }
    Ok(())
}

/// Removes the entry of `key`, if there is one.
fn remove(interp: &Interp, table: &HashTable, slot: &Slot, key: &Value) -> Result<()> {
    let removed = match slot {
        Slot::Keyed(hash_key) => table.map.borrow_mut().remove(hash_key),
        Slot::Overflow => {
            overflow_index(interp, table, key)?.map(|i| table.overflow.borrow_mut().swap_remove(i))
        }
    };
    drop(removed);
    Ok(())
}

/// `(make-hash-table [equiv [hash]])`
fn make_hash_table(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let kind = match args.first() {
        Some(equiv) => kind_of("make-hash-table", equiv)?,
        None => HashKind::Equal,
    };
    if let Some(hash) = args.get(1) {
        args::procedure("make-hash-table", hash)?;
    }
    Ok(Value::HashTable(Rc::new(HashTable::new(kind))))
}

/// `(hash-table? x)`
fn hash_table_p(_: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(args[0], Value::HashTable(_))))
}

/// `(hash-table-set! table key value)`
fn hash_table_set(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-set!", &args[0])?;
    let slot = slot_in(interp, "hash-table-set!", table, &args[1])?;
    insert(interp, table, slot, args[1].clone(), args[2].clone())?;
    Ok(Value::Unspecified)
}

/// `(hash-table-ref table key [failure [success]])`
fn hash_table_ref(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "hash-table-ref";
    let table = args::hash_table(who, &args[0])?;
    let slot = slot_in(interp, who, table, &args[1])?;
    match lookup(interp, table, &slot, &args[1])? {
        Some(value) => match args.get(3) {
            Some(success) => interp.apply(args::procedure(who, success)?, &[value]),
            None => Ok(value),
        },
        None => match args.get(2) {
            Some(failure) => interp.apply(args::procedure(who, failure)?, &[]),
            None => Err(Error::range(
                who,
                format!(
                    "key not found: {}",
                    crate::printer::write_string_lossy(&args[1])
                ),
            )),
        },
    }
}

/// `(hash-table-ref/default table key default)`
fn hash_table_ref_default(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-ref/default", &args[0])?;
    let slot = slot_in(interp, "hash-table-ref/default", table, &args[1])?;
    Ok(lookup(interp, table, &slot, &args[1])?.unwrap_or_else(|| args[2].clone()))
}

/// `(hash-table-delete! table key)`
fn hash_table_delete(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-delete!", &args[0])?;
    let slot = slot_in(interp, "hash-table-delete!", table, &args[1])?;
    remove(interp, table, &slot, &args[1])?;
    Ok(Value::Unspecified)
}

/// `(hash-table-contains? table key)`
fn hash_table_contains(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-contains?", &args[0])?;
    let slot = slot_in(interp, "hash-table-contains?", table, &args[1])?;
    let present = lookup(interp, table, &slot, &args[1])?.is_some();
    Ok(Value::Bool(present))
}

/// `(hash-table-count table)`
fn hash_table_count(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-count", &args[0])?;
    let n = table.len();
    Ok(Value::Int(n as i64))
}

/// `(hash-table-keys table)`
fn hash_table_keys(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-keys", &args[0])?;
    Ok(Value::list(
        table.entries().into_iter().map(|(k, _)| k).collect(),
    ))
}

/// `(hash-table-values table)`
fn hash_table_values(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-values", &args[0])?;
    Ok(Value::list(
        table.entries().into_iter().map(|(_, v)| v).collect(),
    ))
}

/// `(hash-table->alist table)`
fn hash_table_to_alist(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table->alist", &args[0])?;
    Ok(Value::list(
        table
            .entries()
            .into_iter()
            .map(|(k, v)| Value::cons(k, v))
            .collect(),
    ))
}

/// `(hash-table-update! table key proc [failure])`
fn hash_table_update(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "hash-table-update!";
    let table = args::hash_table(who, &args[0])?;
    let slot = slot_in(interp, who, table, &args[1])?;
    let proc = args::procedure(who, &args[2])?;
    let current = match lookup(interp, table, &slot, &args[1])? {
        Some(value) => value,
        None => match args.get(3) {
            Some(failure) => interp.apply(args::procedure(who, failure)?, &[])?,
            None => {
                return Err(Error::range(
                    who,
                    format!(
                        "key not found: {}",
                        crate::printer::write_string_lossy(&args[1])
                    ),
                ))
            }
        },
    };
    let new = interp.apply(proc, &[current])?;
    insert(interp, table, slot, args[1].clone(), new)?;
    Ok(Value::Unspecified)
}

/// `(hash-table-update!/default table key proc default)`
fn hash_table_update_default(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "hash-table-update!/default";
    let table = args::hash_table(who, &args[0])?;
    let slot = slot_in(interp, who, table, &args[1])?;
    let proc = args::procedure(who, &args[2])?;
    let current = lookup(interp, table, &slot, &args[1])?.unwrap_or_else(|| args[3].clone());
    let new = interp.apply(proc, &[current])?;
    insert(interp, table, slot, args[1].clone(), new)?;
    Ok(Value::Unspecified)
}

/// `(hash-table-walk table proc)`
fn hash_table_walk(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-walk", &args[0])?;
    let proc = args::procedure("hash-table-walk", &args[1])?;
    for (k, v) in table.entries() {
        interp.apply(proc, &[k, v])?;
    }
    Ok(Value::Unspecified)
}

/// `(hash-table-clear! table)`
fn hash_table_clear(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-clear!", &args[0])?;
    let old = std::mem::take(&mut *table.map.borrow_mut());
    let old_overflow = std::mem::take(&mut *table.overflow.borrow_mut());
    drop((old, old_overflow));
    Ok(Value::Unspecified)
}

/// `(hash-table-copy table [mutable?])`
fn hash_table_copy(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-copy", &args[0])?;
    let copy = HashTable::new(table.kind);
    *copy.map.borrow_mut() = table.map.borrow().clone();
    *copy.overflow.borrow_mut() = table.overflow.borrow().clone();
    Ok(Value::HashTable(Rc::new(copy)))
}

/// `(hash-table-equivalence-function table)`: the builtin `equal?`, `eqv?`,
/// `eq?` or `string=?` the table was made with.
fn hash_table_equivalence_function(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "hash-table-equivalence-function";
    let table = args::hash_table(who, &args[0])?;
    let name = match table.kind {
        HashKind::Equal => "equal?",
        HashKind::Eqv => "eqv?",
        HashKind::Eq => "eq?",
        HashKind::String => "string=?",
    };
    super::builtin(name)
        .map(Value::Primitive)
        .ok_or_else(|| Error::new(ErrorKind::Unbound, format!("{who}: no builtin {name}")))
}

/// `(alist->hash-table alist [equiv [hash]])`
fn alist_to_hash_table(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "alist->hash-table";
    let kind = match args.get(1) {
        Some(equiv) => kind_of(who, equiv)?,
        None => HashKind::Equal,
    };
    if let Some(hash) = args.get(2) {
        args::procedure(who, hash)?;
    }
    let table = Rc::new(HashTable::new(kind));
    for entry in args::list(who, &args[0])? {
        let pair = match args::pair(who, &entry) {
            Ok(p) => p,
            Err(e) if e.kind() == crate::diagnostics::ErrorKind::Type => {
                return Err(Error::wrong_type(
                    who,
                    "an association list (of pairs)",
                    &args[0],
                ))
            }
            Err(e) => return Err(e),
        };
        let (k, v) = (pair.car(), pair.cdr());
        let slot = slot_in(interp, who, &table, &k)?;
        if lookup(interp, &table, &slot, &k)?.is_none() {
            insert(interp, &table, slot, k, v)?;
        }
    }
    Ok(Value::HashTable(table))
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::diagnostics::ErrorKind;
    use crate::printer::write_string_lossy as w;

    fn string_eq(_: &mut Interp, _: &[Value]) -> Result<Value> {
        Ok(Value::Bool(false))
    }

    static STRING_EQ: Primitive = crate::prim!("string=?", 2, 2, string_eq, "test stand-in");

    fn prim(name: &str) -> Value {
        if name == "string=?" {
            return Value::Primitive(&STRING_EQ);
        }
        let p = crate::builtins::builtin(name).unwrap_or_else(|| panic!("no primitive {name}"));
        Value::Primitive(p)
    }

    fn table(i: &mut Interp, equiv: Option<&str>) -> Value {
        let args: Vec<Value> = equiv.map(prim).into_iter().collect();
        make_hash_table(i, &args).unwrap()
    }

    fn ints(items: &[i64]) -> Value {
        Value::list(items.iter().map(|&n| Value::Int(n)).collect())
    }

    fn get(i: &mut Interp, t: &Value, k: Value) -> String {
        w(&hash_table_ref_default(i, &[t.clone(), k, Value::symbol("none")]).unwrap())
    }

    #[test]
    fn equal_tables() {
        let mut i = Interp::new_captured();
        let t = table(&mut i, None);
        assert_eq!(w(&t), "#<hash-table 0>");
        assert!(hash_table_p(&mut i, &[t.clone()]).unwrap().is_true());
        assert!(!hash_table_p(&mut i, &[Value::Null]).unwrap().is_true());
        let keys = [
            Value::Int(2),
            Value::Float(2.0),
            Value::string("k"),
            ints(&[1, 2]),
            Value::vector(vec![Value::Int(1), Value::string("v")]),
            Value::bytevector(vec![1, 2]),
            Value::symbol("sym"),
            Value::Char('c'),
            Value::Null,
            Value::cons(Value::Int(1), Value::Int(2)),
        ];
        for (n, k) in keys.iter().enumerate() {
            hash_table_set(&mut i, &[t.clone(), k.clone(), Value::Int(n as i64)]).unwrap();
        }
        assert_eq!(w(&hash_table_count(&mut i, &[t.clone()]).unwrap()), "10");
        // Fresh but equal? keys find the entries.
        assert_eq!(get(&mut i, &t, Value::Int(2)), "0");
        assert_eq!(get(&mut i, &t, Value::Float(2.0)), "1");
        assert_eq!(get(&mut i, &t, Value::string("k")), "2");
        assert_eq!(get(&mut i, &t, ints(&[1, 2])), "3");
        assert_eq!(
            get(
                &mut i,
                &t,
                Value::vector(vec![Value::Int(1), Value::string("v")])
            ),
            "4"
        );
        assert_eq!(get(&mut i, &t, Value::bytevector(vec![1, 2])), "5");
        assert_eq!(get(&mut i, &t, Value::symbol("sym")), "6");
        assert_eq!(get(&mut i, &t, Value::Char('c')), "7");
        assert_eq!(get(&mut i, &t, Value::Null), "8");
        assert_eq!(
            get(&mut i, &t, Value::cons(Value::Int(1), Value::Int(2))),
            "9"
        );
        assert_eq!(get(&mut i, &t, ints(&[1, 2, 3])), "none");
        assert_eq!(
            get(
                &mut i,
                &t,
                Value::vector(vec![Value::Int(1), Value::Int(2)])
            ),
            "none"
        );
        // Overwrite, delete, contains.
        hash_table_set(
            &mut i,
            &[t.clone(), Value::string("k"), Value::symbol("new")],
        )
        .unwrap();
        assert_eq!(get(&mut i, &t, Value::string("k")), "new");
        assert_eq!(w(&hash_table_count(&mut i, &[t.clone()]).unwrap()), "10");
        hash_table_delete(&mut i, &[t.clone(), ints(&[1, 2])]).unwrap();
        assert!(!hash_table_contains(&mut i, &[t.clone(), ints(&[1, 2])])
            .unwrap()
            .is_true());
        assert!(hash_table_contains(&mut i, &[t.clone(), Value::Int(2)])
            .unwrap()
            .is_true());
        assert_eq!(w(&hash_table_count(&mut i, &[t.clone()]).unwrap()), "9");
        // ref without a failure thunk.
        assert_eq!(
            w(&hash_table_ref(&mut i, &[t.clone(), Value::Int(2)]).unwrap()),
            "0"
        );
        let e = hash_table_ref(&mut i, &[t.clone(), Value::symbol("missing")]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Range);
        assert_eq!(e.message(), "hash-table-ref: key not found: missing");
        // keys / values / alist / copy / clear.
        let keys = args::list("test", &hash_table_keys(&mut i, &[t.clone()]).unwrap()).unwrap();
        assert_eq!(keys.len(), 9);
        let values = args::list("test", &hash_table_values(&mut i, &[t.clone()]).unwrap()).unwrap();
        assert_eq!(values.len(), 9);
        let alist =
            args::list("test", &hash_table_to_alist(&mut i, &[t.clone()]).unwrap()).unwrap();
        assert_eq!(alist.len(), 9);
        let copy = hash_table_copy(&mut i, &[t.clone()]).unwrap();
        hash_table_clear(&mut i, &[t.clone()]).unwrap();
        assert_eq!(w(&t), "#<hash-table 0>");
        assert_eq!(w(&copy), "#<hash-table 9>");
        assert_eq!(get(&mut i, &copy, Value::Int(2)), "0");
    }

    #[test]
    fn other_kinds() {
        let mut i = Interp::new_captured();
        let eq = table(&mut i, Some("eq?"));
        let s = Value::string("k");
        hash_table_set(&mut i, &[eq.clone(), s.clone(), Value::Int(1)]).unwrap();
        assert_eq!(get(&mut i, &eq, s.clone()), "1");
        assert_eq!(get(&mut i, &eq, Value::string("k")), "none");
        hash_table_set(&mut i, &[eq.clone(), Value::symbol("a"), Value::Int(2)]).unwrap();
        assert_eq!(get(&mut i, &eq, Value::symbol("a")), "2");
        let eqv = table(&mut i, Some("eqv?"));
        let big = Value::Big(Rc::new(num_bigint::BigInt::from(10).pow(30)));
        hash_table_set(&mut i, &[eqv.clone(), big, Value::Int(3)]).unwrap();
        let big2 = Value::Big(Rc::new(num_bigint::BigInt::from(10).pow(30)));
        assert_eq!(get(&mut i, &eqv, big2), "3");
        assert_eq!(get(&mut i, &eqv, ints(&[1])), "none");
        let st = table(&mut i, Some("string=?"));
        hash_table_set(&mut i, &[st.clone(), Value::string("x"), Value::Int(4)]).unwrap();
        assert_eq!(get(&mut i, &st, Value::string("x")), "4");
        let e = hash_table_set(&mut i, &[st, Value::symbol("x"), Value::Int(4)]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Type);
        assert_eq!(
            make_hash_table(&mut i, &[prim("car")]).unwrap_err().kind(),
            ErrorKind::Type
        );
        assert!(make_hash_table(&mut i, &[Value::Int(100)]).is_ok());
        assert_eq!(
            hash_table_count(&mut i, &[Value::Null]).unwrap_err().kind(),
            ErrorKind::Type
        );
    }

    #[test]
    fn alist_conversion() {
        let mut i = Interp::new_captured();
        let alist = Value::list(vec![
            Value::cons(Value::symbol("a"), Value::Int(1)),
            Value::cons(Value::symbol("b"), Value::Int(2)),
            Value::cons(Value::symbol("a"), Value::Int(3)),
        ]);
        let t = alist_to_hash_table(&mut i, &[alist]).unwrap();
        assert_eq!(w(&t), "#<hash-table 2>");
        assert_eq!(get(&mut i, &t, Value::symbol("a")), "1");
        let bad = Value::list(vec![Value::Int(1)]);
        assert_eq!(
            alist_to_hash_table(&mut i, &[bad]).unwrap_err().kind(),
            ErrorKind::Type
        );
        let t = alist_to_hash_table(&mut i, &[Value::Null, prim("eq?")]).unwrap();
        assert_eq!(w(&t), "#<hash-table 0>");
    }

    #[test]
    fn keys() {
        let i = Interp::new_captured();
        let key = |kind, value: &Value| key_for(&i, kind, value).unwrap();
        // Long list keys are flattened, not nested.
        let long: Vec<Value> = (0..100_000).map(Value::Int).collect();
        let a = key(HashKind::Equal, &Value::list(long.clone()));
        let b = key(HashKind::Equal, &Value::list(long));
        assert!(a.is_some());
        assert_eq!(a, b);
        // Deeply nested keys are not keyed by structure past the depth bound.
        let mut deep = Value::Null;
        for _ in 0..100_000 {
            deep = Value::cons(deep, Value::Null);
        }
        assert_eq!(key(HashKind::Equal, &deep), None);
        let mut shallow = Value::Null;
        for _ in 0..10 {
            shallow = Value::cons(shallow, Value::Null);
        }
        let mut shallow2 = Value::Null;
        for _ in 0..10 {
            shallow2 = Value::cons(shallow2, Value::Null);
        }
        assert_eq!(
            key(HashKind::Equal, &shallow),
            key(HashKind::Equal, &shallow2)
        );
        // Exact and inexact numbers differ; equal strings agree.
        assert_ne!(
            key(HashKind::Equal, &Value::Int(2)),
            key(HashKind::Equal, &Value::Float(2.0))
        );
        assert_eq!(
            key(HashKind::Equal, &Value::string("ab")),
            key(HashKind::Equal, &Value::string("ab"))
        );
        assert_ne!(
            key(HashKind::Eqv, &Value::string("ab")),
            key(HashKind::Eqv, &Value::string("ab"))
        );
        // A pair and a one-element vector differ.
        assert_ne!(
            key(HashKind::Equal, &ints(&[1])),
            key(HashKind::Equal, &Value::vector(vec![Value::Int(1)]))
        );
        // Cyclic keys terminate.
        let c = ints(&[1, 2]);
        if let Value::Pair(p) = &c {
            if let Value::Pair(q) = p.cdr() {
                q.set_cdr(c.clone());
                assert_eq!(key(HashKind::Equal, &c), None);
                q.set_cdr(Value::Null);
            }
        }
    }
}
