//! Finding the pairs and vectors that need a datum label: those on a cycle
//! (`write`) or reached more than once (`write-shared`), without recursion.

use std::collections::HashMap;
use std::rc::Rc;

use super::Labels;
use crate::value::Value;

/// Structures with at most this many pairs and vectors are checked for cycles by
/// a plain walk, without the cost of a visited set.
const PLAIN_WALK_BUDGET: usize = 4096;

/// The identity of a pair or vector, for cycle detection.
pub(super) fn container_id(value: &Value) -> Option<usize> {
    match value {
        Value::Pair(p) => Some(Rc::as_ptr(p) as *const () as usize),
        Value::Vector(v) => Some(Rc::as_ptr(v) as *const () as usize),
        Value::Record(r) => Some(Rc::as_ptr(r) as *const () as usize),
        _ => None,
    }
}

/// Pushes the values directly inside `value` (pairs, vectors, multiple values).
fn push_children<T>(value: &Value, stack: &mut Vec<T>, wrap: impl Fn(Value) -> T) {
    match value {
        Value::Pair(p) => {
            stack.push(wrap(p.cdr()));
            stack.push(wrap(p.car()));
        }
        Value::Vector(v) => {
            if let Ok(items) = v.items.try_borrow() {
                stack.extend(items.iter().rev().cloned().map(wrap));
            }
        }
        Value::Values(vs) => stack.extend(vs.iter().rev().cloned().map(wrap)),
        Value::Record(r) => {
            if let Ok(fields) = r.fields.try_borrow() {
                stack.extend(fields.iter().rev().cloned().map(wrap));
            }
        }
        _ => {}
    }
}

/// Walks `root` as a tree, giving up after `budget` containers. Completing means
/// there is no cycle (a cycle would make the walk endless).
fn plain_walk_finishes(root: &Value, budget: usize) -> bool {
    let mut stack = vec![root.clone()];
    let mut seen = 0usize;
    while let Some(value) = stack.pop() {
        if matches!(
            value,
            Value::Pair(_) | Value::Vector(_) | Value::Values(_) | Value::Record(_)
        ) {
            seen += 1;
            if seen > budget {
                return false;
            }
            push_children(&value, &mut stack, |v| v);
        }
    }
    true
}

/// A step of the labelling pass.
enum Visit {
    Enter(Value),
    Exit(usize),
}

/// Finds the pairs and vectors that need a datum label: those reached again
/// while still being visited (cycles), plus, for `write-shared`, those reached
/// twice at all. Gives up (no labels) past `budget` objects.
pub(super) fn find_labels(
    root: &Value,
    mode: Labels,
    budget: Option<usize>,
) -> HashMap<usize, Option<usize>> {
    let mut labels = HashMap::new();
    if !matches!(
        root,
        Value::Pair(_) | Value::Vector(_) | Value::Values(_) | Value::Record(_)
    ) {
        return labels;
    }
    if mode == Labels::Cycles && plain_walk_finishes(root, PLAIN_WALK_BUDGET) {
        return labels;
    }
    // true = still being visited, false = finished.
    let mut active: HashMap<usize, bool> = HashMap::new();
    let mut stack = vec![Visit::Enter(root.clone())];
    while let Some(step) = stack.pop() {
        match step {
            Visit::Exit(id) => {
                active.insert(id, false);
            }
            Visit::Enter(value) => {
                let Some(id) = container_id(&value) else {
                    push_children(&value, &mut stack, Visit::Enter);
                    continue;
                };
                match active.get(&id) {
                    Some(true) => {
                        labels.insert(id, None);
                    }
                    Some(false) => {
                        if mode == Labels::Shared {
                            labels.insert(id, None);
                        }
                    }
                    None => {
                        if budget.is_some_and(|b| active.len() >= b) {
                            return HashMap::new();
                        }
                        active.insert(id, true);
                        stack.push(Visit::Exit(id));
                        push_children(&value, &mut stack, Visit::Enter);
                    }
                }
            }
        }
    }
    labels
}
