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
use crate::value::{ByteStorage, HashKey, HashKind, HashTable, Value};

/// This topic's builtins.
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
/// keys exactly when the equivalence holds, except that `equal?` keys nested
/// deeper than 64 levels, cyclic through cdrs, or with more than a million parts
/// fall back to identity.
pub fn key_for(kind: HashKind, value: &Value) -> HashKey {
    if let Some(key) = immediate(value) {
        return key;
    }
    match (kind, value) {
        (HashKind::Eq, _) => pointer(value),
        (_, Value::Big(b)) => HashKey::Number(b.to_string()),
        (_, Value::Rat(r)) => HashKey::Number(r.to_string()),
        (HashKind::Eqv, _) => pointer(value),
        (_, Value::Str(s)) => HashKey::Str(s.chars.borrow().iter().collect()),
        (HashKind::String, _) => pointer(value),
        (HashKind::Equal, _) => {
            let mut parts = MAX_KEY_PARTS;
            equal_key(value, 0, &mut parts).unwrap_or_else(|| pointer(value))
        }
    }
}

/// The structural key of `value` for `equal?` tables; `None` once `parts` runs out.
fn equal_key(value: &Value, depth: usize, parts: &mut usize) -> Option<HashKey> {
    *parts = parts.checked_sub(1)?;
    if let Some(key) = immediate(value) {
        return Some(key);
    }
    match value {
        Value::Big(_) | Value::Rat(_) | Value::Str(_) => Some(key_for(HashKind::Equal, value)),
        Value::Pair(_) | Value::Vector(_) if depth >= MAX_KEY_DEPTH => Some(pointer(value)),
        Value::Pair(_) => {
            let mut items = vec![HashKey::Other("pair")];
            let mut cur = value.clone();
            let mut slow = value.clone();
            let mut steps = 0usize;
            while let Value::Pair(p) = &cur {
                items.push(equal_key(&p.car(), depth + 1, parts)?);
                *parts = parts.checked_sub(1)?;
                let next = p.cdr();
                cur = next;
                steps += 1;
                if steps.is_multiple_of(2) {
                    if let Value::Pair(s) = &slow {
                        let next = s.cdr();
                        slow = next;
                    }
                    if matches!(cur, Value::Pair(_)) && cur.is_eq(&slow) {
                        return Some(pointer(value));
                    }
                }
            }
            items.push(equal_key(&cur, depth + 1, parts)?);
            Some(HashKey::Composite(items))
        }
        Value::Vector(v) => {
            let items = v.items.borrow().clone();
            let mut keys = vec![HashKey::Other("vector")];
            for item in &items {
                keys.push(equal_key(item, depth + 1, parts)?);
            }
            Some(HashKey::Composite(keys))
        }
        Value::Bytevector(b) => match &b.storage {
            ByteStorage::Heap(bytes) => {
                let bytes = bytes.borrow();
                *parts = parts.checked_sub(bytes.len())?;
                let mut keys = vec![HashKey::Other("bytevector")];
                keys.extend(bytes.iter().map(|&b| HashKey::Int(b as i64)));
                Some(HashKey::Composite(keys))
            }
            ByteStorage::Arena(_) => Some(pointer(value)),
        },
        _ => Some(pointer(value)),
    }
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

/// The key of `key` in `table`, refusing dead values and non-strings in
/// `string=?` tables.
fn key_in(who: &str, table: &HashTable, key: &Value) -> Result<HashKey> {
    args::check_live(key)?;
    if table.kind == HashKind::String && !matches!(key, Value::Str(_)) {
        return Err(Error::wrong_type(who, "a string key", key));
    }
    Ok(key_for(table.kind, key))
}

/// Stores an entry, registering the table as a cycle candidate when needed.
fn insert(table: &Rc<HashTable>, hash_key: HashKey, key: Value, value: Value) {
    let container = key.is_container() || value.is_container();
    table.map.borrow_mut().insert(hash_key, (key, value));
    if container {
        crate::gc::note_mutation(Value::HashTable(table.clone()));
    }
}

/// The value stored under `hash_key`, if any (no borrow is kept).
fn lookup(table: &HashTable, hash_key: &HashKey) -> Option<Value> {
    table.map.borrow().get(hash_key).map(|(_, v)| v.clone())
}

/// Every entry, copied out of the table.
fn entries(table: &HashTable) -> Vec<(Value, Value)> {
    table.map.borrow().values().cloned().collect()
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
fn hash_table_set(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-set!", &args[0])?;
    let key = key_in("hash-table-set!", table, &args[1])?;
    insert(table, key, args[1].clone(), args[2].clone());
    Ok(Value::Unspecified)
}

/// `(hash-table-ref table key [failure [success]])`
fn hash_table_ref(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "hash-table-ref";
    let table = args::hash_table(who, &args[0])?;
    let key = key_in(who, table, &args[1])?;
    match lookup(table, &key) {
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
fn hash_table_ref_default(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-ref/default", &args[0])?;
    let key = key_in("hash-table-ref/default", table, &args[1])?;
    Ok(lookup(table, &key).unwrap_or_else(|| args[2].clone()))
}

/// `(hash-table-delete! table key)`
fn hash_table_delete(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-delete!", &args[0])?;
    let key = key_in("hash-table-delete!", table, &args[1])?;
    let removed = table.map.borrow_mut().remove(&key);
    drop(removed);
    Ok(Value::Unspecified)
}

/// `(hash-table-contains? table key)`
fn hash_table_contains(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-contains?", &args[0])?;
    let key = key_in("hash-table-contains?", table, &args[1])?;
    let present = table.map.borrow().contains_key(&key);
    Ok(Value::Bool(present))
}

/// `(hash-table-count table)`
fn hash_table_count(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-count", &args[0])?;
    let n = table.map.borrow().len();
    Ok(Value::Int(n as i64))
}

/// `(hash-table-keys table)`
fn hash_table_keys(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-keys", &args[0])?;
    Ok(Value::list(
        entries(table).into_iter().map(|(k, _)| k).collect(),
    ))
}

/// `(hash-table-values table)`
fn hash_table_values(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-values", &args[0])?;
    Ok(Value::list(
        entries(table).into_iter().map(|(_, v)| v).collect(),
    ))
}

/// `(hash-table->alist table)`
fn hash_table_to_alist(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table->alist", &args[0])?;
    Ok(Value::list(
        entries(table)
            .into_iter()
            .map(|(k, v)| Value::cons(k, v))
            .collect(),
    ))
}

/// `(hash-table-update! table key proc [failure])`
fn hash_table_update(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "hash-table-update!";
    let table = args::hash_table(who, &args[0])?;
    let key = key_in(who, table, &args[1])?;
    let proc = args::procedure(who, &args[2])?;
    let current = match lookup(table, &key) {
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
    insert(table, key, args[1].clone(), new);
    Ok(Value::Unspecified)
}

/// `(hash-table-update!/default table key proc default)`
fn hash_table_update_default(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let who = "hash-table-update!/default";
    let table = args::hash_table(who, &args[0])?;
    let key = key_in(who, table, &args[1])?;
    let proc = args::procedure(who, &args[2])?;
    let current = lookup(table, &key).unwrap_or_else(|| args[3].clone());
    let new = interp.apply(proc, &[current])?;
    insert(table, key, args[1].clone(), new);
    Ok(Value::Unspecified)
}

/// `(hash-table-walk table proc)`
fn hash_table_walk(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-walk", &args[0])?;
    let proc = args::procedure("hash-table-walk", &args[1])?;
    for (k, v) in entries(table) {
        interp.apply(proc, &[k, v])?;
    }
    Ok(Value::Unspecified)
}

/// `(hash-table-clear! table)`
fn hash_table_clear(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-clear!", &args[0])?;
    let old = std::mem::take(&mut *table.map.borrow_mut());
    drop(old);
    Ok(Value::Unspecified)
}

/// `(hash-table-copy table [mutable?])`
fn hash_table_copy(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let table = args::hash_table("hash-table-copy", &args[0])?;
    let copy = HashTable::new(table.kind);
    *copy.map.borrow_mut() = table.map.borrow().clone();
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
fn alist_to_hash_table(_: &mut Interp, args: &[Value]) -> Result<Value> {
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
        let hash_key = key_in(who, &table, &k)?;
        if !table.map.borrow().contains_key(&hash_key) {
            insert(&table, hash_key, k, v);
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
        for table in crate::builtins::tables() {
            if let Some(p) = table.iter().find(|p| p.name == name) {
                return Value::Primitive(p);
            }
        }
        panic!("no primitive {name}")
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
        // Long list keys are flattened, not nested.
        let long: Vec<Value> = (0..100_000).map(Value::Int).collect();
        let a = key_for(HashKind::Equal, &Value::list(long.clone()));
        let b = key_for(HashKind::Equal, &Value::list(long));
        assert_eq!(a, b);
        // Deeply nested keys fall back to identity past the depth bound.
        let mut deep = Value::Null;
        for _ in 0..100_000 {
            deep = Value::cons(deep, Value::Null);
        }
        assert!(matches!(
            key_for(HashKind::Equal, &deep),
            HashKey::Composite(_)
        ));
        let mut shallow = Value::Null;
        for _ in 0..10 {
            shallow = Value::cons(shallow, Value::Null);
        }
        let mut shallow2 = Value::Null;
        for _ in 0..10 {
            shallow2 = Value::cons(shallow2, Value::Null);
        }
        assert_eq!(
            key_for(HashKind::Equal, &shallow),
            key_for(HashKind::Equal, &shallow2)
        );
        // Exact and inexact numbers differ; equal strings agree.
        assert_ne!(
            key_for(HashKind::Equal, &Value::Int(2)),
            key_for(HashKind::Equal, &Value::Float(2.0))
        );
        assert_eq!(
            key_for(HashKind::Equal, &Value::string("ab")),
            key_for(HashKind::Equal, &Value::string("ab"))
        );
        assert_ne!(
            key_for(HashKind::Eqv, &Value::string("ab")),
            key_for(HashKind::Eqv, &Value::string("ab"))
        );
        // A pair and a one-element vector differ.
        assert_ne!(
            key_for(HashKind::Equal, &ints(&[1])),
            key_for(HashKind::Equal, &Value::vector(vec![Value::Int(1)]))
        );
        // Cyclic keys terminate.
        let c = ints(&[1, 2]);
        if let Value::Pair(p) = &c {
            if let Value::Pair(q) = p.cdr() {
                q.set_cdr(c.clone());
                assert!(matches!(key_for(HashKind::Equal, &c), HashKey::Pointer(_)));
                q.set_cdr(Value::Null);
            }
        }
    }
}
