//! Builtins: stable sorting of lists and vectors with a Scheme `less?`.

use super::{args, Primitive};
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::Value;

/// This topic's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("sort", 2, 2, sort, "(sort sequence less?) or (sort less? sequence): a sorted copy of a list or vector (stable)"),
    prim!("list-sort", 2, 2, sort, "(list-sort less? list): a sorted copy (stable)"),
    prim!("vector-sort", 2, 2, sort, "(vector-sort less? vector): a sorted copy (stable)"),
    prim!("sort!", 2, 2, sort_in_place, "(sort! vector less?): sorts a vector in place (stable)"),
    prim!("vector-sort!", 2, 2, sort_in_place, "(vector-sort! vector less?): sorts a vector in place (stable)"),
];

/// Accepts both argument orders: SRFI-132 `(list-sort less? seq)` and the
/// traditional `(sort seq less?)`.
fn split_args<'a>(who: &str, values: &'a [Value]) -> Result<(&'a Value, &'a Value)> {
    if values[0].is_procedure() {
        Ok((&values[0], &values[1]))
    } else if values[1].is_procedure() {
        Ok((&values[1], &values[0]))
    } else {
        Err(Error::wrong_type(
            who,
            "a procedure (the ordering)",
            &values[1],
        ))
    }
}

/// Stable merge sort calling `less` through the interpreter.
/// `sequence` is what is sorted: it must stay alive through every comparison
/// (a `less` that destroys its arena stops the sort with an error).
fn merge_sort(
    interp: &mut Interp,
    less: &Value,
    sequence: &Value,
    items: Vec<Value>,
) -> Result<Vec<Value>> {
    let mut items = items;
    let n = items.len();
    let mut buffer: Vec<Value> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        buffer.clear();
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            while i < mid && j < end {
                // Take from the right only when it is strictly less: stability.
                let pair = [items[j].clone(), items[i].clone()];
                let right_first =
                    args::apply_live(interp, std::slice::from_ref(sequence), less, &pair)?
                        .is_true();
                if right_first {
                    buffer.push(items[j].clone());
                    j += 1;
                } else {
                    buffer.push(items[i].clone());
                    i += 1;
                }
            }
            buffer.extend_from_slice(&items[i..mid]);
            buffer.extend_from_slice(&items[j..end]);
            start = end;
        }
        std::mem::swap(&mut items, &mut buffer);
        width *= 2;
    }
    Ok(items)
}

fn sort(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let (less, sequence) = split_args("sort", values)?;
    match sequence {
        Value::Vector(v) => {
            args::check_live(sequence)?;
            let items = v.items.borrow().clone();
            Ok(Value::vector(merge_sort(interp, less, sequence, items)?))
        }
        other => {
            let items = args::list("sort", other)?;
            Ok(Value::list(merge_sort(interp, less, sequence, items)?))
        }
    }
}

fn sort_in_place(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let (less, sequence) = split_args("sort!", values)?;
    let vector = args::vector("sort!", sequence)?;
    let items = vector.items.borrow().clone();
    let sorted = merge_sort(interp, less, sequence, items)?;
    args::check_live(sequence)?;
    *vector.items.borrow_mut() = sorted;
    Ok(Value::Unspecified)
}
