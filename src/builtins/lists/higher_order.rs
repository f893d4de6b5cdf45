//! Builtins: the SRFI-1-style procedures that call a procedure on elements —
//! mapping, filtering, partitioning, folding, deleting, and the queries `any`,
//! `every`, `count` and `list-index`. Separate because they call back into
//! Scheme. They stay in Rust rather than `stdlib/`: programs call them in
//! loops, and a Scheme `filter` costs twice the instructions of this one
//! (`bench/micro/README.md`).

use std::rc::Rc;

use crate::builtins::equivalence::equal_in;
use crate::builtins::hashtables::key_for;
use crate::builtins::{args, Primitive};
use crate::diagnostics::Result;
use crate::eval::list_columns::columns;
use crate::interp::Interp;
use crate::prim;
use crate::value::{HashKind, Value};

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("append-map", 2, _, append_map, "(append-map f list ...): the results of f appended"),
    prim!("filter-map", 2, _, filter_map, "(filter-map f list ...): the true results of f"),
    prim!("filter", 2, 2, filter, "(filter pred list): the elements satisfying pred"),
    prim!("remove", 2, 2, remove, "(remove pred list): the elements not satisfying pred"),
    prim!("partition", 2, 2, partition, "(partition pred list): two values: elements satisfying pred, and the rest"),
    prim!("reduce", 3, 3, reduce, "(reduce f ridentity list): (f e3 (f e2 e1))..., or ridentity for ()"),
    prim!("fold-left", 3, _, fold_left, "(fold-left f init list ...): (f (f init e1) e2)..."),
    prim!("fold-right", 3, _, fold_right, "(fold-right f init list ...): (f e1 (f e2 ... init))"),
    prim!("fold", 3, _, fold, "(fold kons knil list ...): (kons e2 (kons e1 knil))..."),
    prim!("delete", 2, 3, delete, "(delete x list [=]): the list without elements equal? to x"),
    prim!("delete!", 2, 3, delete, "(delete! x list [=]): the list without elements equal? to x"),
    prim!("delete-duplicates", 1, 2, delete_duplicates, "(delete-duplicates list [=]): the list keeping only first occurrences"),
    prim!("list-index", 2, _, list_index, "(list-index pred list ...): the index of the first elements satisfying pred, or #f"),
    prim!("any", 2, _, any, "(any pred list ...): the first true result of pred, or #f"),
    prim!("every", 2, _, every, "(every pred list ...): #f if pred fails on some elements, else its last result (#t for ())"),
    prim!("count", 2, _, count, "(count pred list ...): how many elements satisfy pred"),
];

/// Calls `f` (once `data` is known to be alive) and tells whether its
/// result is true.
pub(super) fn test(interp: &mut Interp, data: &[Value], f: &Value, call: &[Value]) -> Result<bool> {
    Ok(args::apply_live(interp, data, f, call)?.is_true())
}

/// Element `i` of each list.
fn row(lists: &[Vec<Value>], i: usize) -> Vec<Value> {
    lists.iter().filter_map(|l| l.get(i).cloned()).collect()
}

// ---- higher-order ----

/// `(append-map f list ...)`
fn append_map(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("append-map", &args[0])?;
    let (lists, n) = columns("append-map", &args[1..])?;
    let mut out = Vec::new();
    for i in 0..n {
        let result = args::apply_live(interp, args, f, &row(&lists, i))?;
        out.extend(args::list("append-map", &result)?);
    }
    Ok(Value::list(out))
}

/// `(filter-map f list ...)`
fn filter_map(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("filter-map", &args[0])?;
    let (lists, n) = columns("filter-map", &args[1..])?;
    let mut out = Vec::new();
    for i in 0..n {
        let result = args::apply_live(interp, args, f, &row(&lists, i))?;
        if result.is_true() {
            out.push(result);
        }
    }
    Ok(Value::list(out))
}

/// The elements of `list` split by whether `pred` holds.
fn split(
    interp: &mut Interp,
    who: &str,
    pred: &Value,
    list: &Value,
) -> Result<(Vec<Value>, Vec<Value>)> {
    let pred = args::procedure(who, pred)?;
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for item in args::list(who, list)? {
        if test(
            interp,
            std::slice::from_ref(list),
            pred,
            std::slice::from_ref(&item),
        )? {
            yes.push(item);
        } else {
            no.push(item);
        }
    }
    Ok((yes, no))
}

/// `(filter pred list)`
fn filter(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::list(split(interp, "filter", &args[0], &args[1])?.0))
}

/// `(remove pred list)`
fn remove(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    Ok(Value::list(split(interp, "remove", &args[0], &args[1])?.1))
}

/// `(partition pred list)`
fn partition(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let (yes, no) = split(interp, "partition", &args[0], &args[1])?;
    Ok(Value::Values(Rc::new(vec![
        Value::list(yes),
        Value::list(no),
    ])))
}

/// `(reduce f ridentity list)`
fn reduce(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("reduce", &args[0])?;
    let mut items = args::list("reduce", &args[2])?.into_iter();
    let Some(mut acc) = items.next() else {
        return Ok(args[1].clone());
    };
    for item in items {
        acc = args::apply_live(interp, args, f, &[item, acc])?;
    }
    Ok(acc)
}

/// `(fold-left f init list ...)`
fn fold_left(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("fold-left", &args[0])?;
    let (lists, n) = columns("fold-left", &args[2..])?;
    let mut acc = args[1].clone();
    for i in 0..n {
        let mut call = vec![acc];
        call.extend(row(&lists, i));
        acc = args::apply_live(interp, args, f, &call)?;
    }
    Ok(acc)
}

/// `(fold-right f init list ...)`
fn fold_right(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("fold-right", &args[0])?;
    let (lists, n) = columns("fold-right", &args[2..])?;
    let mut acc = args[1].clone();
    for i in (0..n).rev() {
        let mut call = row(&lists, i);
        call.push(acc);
        acc = args::apply_live(interp, args, f, &call)?;
    }
    Ok(acc)
}

/// `(fold kons knil list ...)`
fn fold(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("fold", &args[0])?;
    let (lists, n) = columns("fold", &args[2..])?;
    let mut acc = args[1].clone();
    for i in 0..n {
        let mut call = row(&lists, i);
        call.push(acc);
        acc = args::apply_live(interp, args, f, &call)?;
    }
    Ok(acc)
}

/// `(delete x list [=])` and `delete!`
fn delete(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let items = args::list("delete", &args[1])?;
    let mut out = Vec::new();
    match args.get(2) {
        None => {
            for item in items {
                if !equal_in(&interp.arenas.registry, &args[0], &item)? {
                    out.push(item);
                }
            }
        }
        Some(f) => {
            let f = args::procedure("delete", f)?;
            for item in items {
                if !test(interp, args, f, &[args[0].clone(), item.clone()])? {
                    out.push(item);
                }
            }
        }
    }
    Ok(Value::list(out))
}

/// `(delete-duplicates list [=])`
fn delete_duplicates(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let items = args::list("delete-duplicates", &args[0])?;
    let mut out: Vec<Value> = Vec::new();
    match args.get(1) {
        None => {
            // Keys that cannot be hashed by structure (deep, huge, cyclic)
            // are compared with equal? against the others like them.
            let mut seen = std::collections::HashSet::new();
            let mut unkeyed: Vec<Value> = Vec::new();
            for item in items {
                let new = match key_for(interp, HashKind::Equal, &item)? {
                    Some(key) => seen.insert(key),
                    None => {
                        let mut found = false;
                        for other in &unkeyed {
                            if equal_in(&interp.arenas.registry, other, &item)? {
                                found = true;
                                break;
                            }
                        }
                        if !found {
                            unkeyed.push(item.clone());
                        }
                        !found
                    }
                };
                if new {
                    out.push(item);
                }
            }
        }
        Some(f) => {
            let f = args::procedure("delete-duplicates", f)?;
            'items: for item in items {
                for kept in &out {
                    if test(interp, args, f, &[kept.clone(), item.clone()])? {
                        continue 'items;
                    }
                }
                out.push(item);
            }
        }
    }
    Ok(Value::list(out))
}

/// `(list-index pred list ...)`
fn list_index(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("list-index", &args[0])?;
    let (lists, n) = columns("list-index", &args[1..])?;
    for i in 0..n {
        if test(interp, args, f, &row(&lists, i))? {
            return Ok(Value::Int(i as i64));
        }
    }
    Ok(Value::Bool(false))
}

/// `(any pred list ...)`
fn any(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("any", &args[0])?;
    let (lists, n) = columns("any", &args[1..])?;
    for i in 0..n {
        let result = args::apply_live(interp, args, f, &row(&lists, i))?;
        if result.is_true() {
            return Ok(result);
        }
    }
    Ok(Value::Bool(false))
}

/// `(every pred list ...)`
fn every(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("every", &args[0])?;
    let (lists, n) = columns("every", &args[1..])?;
    let mut last = Value::Bool(true);
    for i in 0..n {
        last = args::apply_live(interp, args, f, &row(&lists, i))?;
        if !last.is_true() {
            return Ok(last);
        }
    }
    Ok(last)
}

/// `(count pred list ...)`
fn count(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let f = args::procedure("count", &args[0])?;
    let (lists, n) = columns("count", &args[1..])?;
    let mut total: i64 = 0;
    for i in 0..n {
        if test(interp, args, f, &row(&lists, i))? {
            total += 1;
        }
    }
    Ok(Value::Int(total))
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::super::test_util::*;
    use super::*;
    use crate::diagnostics::ErrorKind;

    #[test]
    fn without_procedures() {
        let l = Value::list(vec![
            Value::Int(1),
            Value::Int(2),
            Value::Int(1),
            ints(&[3]),
            ints(&[3]),
        ]);
        assert_eq!(ok(delete, &[Value::Int(1), l.clone()]), "(2 (3) (3))");
        assert_eq!(ok(delete, &[ints(&[3]), l.clone()]), "(1 2 1)");
        assert_eq!(ok(delete_duplicates, &[l.clone()]), "(1 2 (3))");
        assert_eq!(ok(delete_duplicates, &[Value::Null]), "()");
        assert_eq!(kind(filter, &[Value::Null, ints(&[1])]), ErrorKind::Type);
    }
}
