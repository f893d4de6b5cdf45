//! Cycle collection for reference-counted values.
//!
//! Reference counting frees everything except cycles. Every cycle contains an
//! edge made by mutating an object after it was created (construction alone can
//! only point at older objects), so each such mutation registers the mutated
//! container here as a *candidate*. When enough candidates have accumulated, a
//! collection runs trial deletion (as CPython's collector does) over the graph
//! reachable from the live candidates:
//!
//! 1. every node's references from inside the graph are counted;
//! 2. a node with more strong references than that is held from outside (a
//!    global, the value stack, a Rust local, an untraced object) and is live,
//!    and so is everything reachable from it;
//! 3. the rest is garbage held only by itself: its mutable containers are
//!    emptied, which breaks the cycles, and reference counting frees them.
//!
//! Anything the collector cannot see counts as an outside reference, so it can
//! only ever keep too much, never clear a value that is still reachable.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::value::{
    HashTable, Pair, Promise, PromiseState, Record, SpecialProc, Value, VarBox, Vector,
};

/// Candidates registered before the first collection is considered.
const MIN_THRESHOLD: usize = 4096;

/// A candidate container, held weakly so registering does not keep it alive.
enum Candidate {
    Pair(Weak<Pair>),
    Vector(Weak<Vector>),
    Boxed(Weak<VarBox>),
    Promise(Weak<Promise>),
    HashTable(Weak<HashTable>),
    Record(Weak<Record>),
    Special(Weak<SpecialProc>),
}

impl Candidate {
    fn upgrade(&self) -> Option<Value> {
        match self {
            Candidate::Pair(w) => w.upgrade().map(Value::Pair),
            Candidate::Vector(w) => w.upgrade().map(Value::Vector),
            Candidate::Boxed(w) => w.upgrade().map(Value::Boxed),
            Candidate::Promise(w) => w.upgrade().map(Value::Promise),
            Candidate::HashTable(w) => w.upgrade().map(Value::HashTable),
            Candidate::Record(w) => w.upgrade().map(Value::Record),
            Candidate::Special(w) => w.upgrade().map(Value::Special),
        }
    }
}

struct Collector {
    candidates: Vec<Candidate>,
    /// Collect when this many candidates are registered.
    threshold: usize,
    collecting: bool,
    /// Statistics, for tests and `:gc`-style diagnostics.
    collections: usize,
    cleared: usize,
}

thread_local! {
    static COLLECTOR: RefCell<Collector> = const {
        RefCell::new(Collector {
            candidates: Vec::new(),
            threshold: MIN_THRESHOLD,
            collecting: false,
            collections: 0,
            cleared: 0,
        })
    };
}

/// Registers a container that was just mutated to hold another container, and
/// collects cycles when enough have accumulated.
pub fn note_mutation(container: Value) {
    let candidate = match &container {
        Value::Pair(p) => Candidate::Pair(Rc::downgrade(p)),
        Value::Vector(v) => Candidate::Vector(Rc::downgrade(v)),
        Value::Boxed(b) => Candidate::Boxed(Rc::downgrade(b)),
        Value::Promise(p) => Candidate::Promise(Rc::downgrade(p)),
        Value::HashTable(h) => Candidate::HashTable(Rc::downgrade(h)),
        Value::Record(r) => Candidate::Record(Rc::downgrade(r)),
        Value::Special(s) => Candidate::Special(Rc::downgrade(s)),
        _ => return,
    };
    drop(container);
    let due = COLLECTOR.with(|c| {
        let mut c = c.borrow_mut();
        c.candidates.push(candidate);
        c.candidates.len() >= c.threshold && !c.collecting
    });
    if due {
        collect();
    }
}

/// Number of collections run and containers cleared so far on this thread.
pub fn stats() -> (usize, usize) {
    COLLECTOR.with(|c| {
        let c = c.borrow();
        (c.collections, c.cleared)
    })
}

/// Runs a collection now.
pub fn collect() {
    let roots: Vec<Value> = COLLECTOR.with(|c| {
        let mut c = c.borrow_mut();
        c.collecting = true;
        let candidates = std::mem::take(&mut c.candidates);
        candidates.iter().filter_map(Candidate::upgrade).collect()
    });
    let (visited, cleared, survivors) = trial_deletion(roots);
    COLLECTOR.with(|c| {
        let mut c = c.borrow_mut();
        c.collecting = false;
        c.collections += 1;
        c.cleared += cleared;
        c.candidates.extend(survivors);
        // Amortise: the next collection waits for new candidates in proportion
        // to the work this one did.
        c.threshold = c.candidates.len() + MIN_THRESHOLD.max(visited / 4);
    });
}

/// Address of a container, its identity in the graph.
fn address(value: &Value) -> Option<usize> {
    Some(match value {
        Value::Pair(p) => Rc::as_ptr(p) as *const () as usize,
        Value::Vector(v) => Rc::as_ptr(v) as *const () as usize,
        Value::Closure(c) => Rc::as_ptr(c) as *const () as usize,
        Value::Boxed(b) => Rc::as_ptr(b) as *const () as usize,
        Value::Promise(p) => Rc::as_ptr(p) as *const () as usize,
        Value::HashTable(h) => Rc::as_ptr(h) as *const () as usize,
        Value::Values(v) => Rc::as_ptr(v) as *const () as usize,
        Value::Record(r) => Rc::as_ptr(r) as *const () as usize,
        Value::Special(s) => Rc::as_ptr(s) as *const () as usize,
        _ => return None,
    })
}

fn strong_count(value: &Value) -> usize {
    match value {
        Value::Pair(p) => Rc::strong_count(p),
        Value::Vector(v) => Rc::strong_count(v),
        Value::Closure(c) => Rc::strong_count(c),
        Value::Boxed(b) => Rc::strong_count(b),
        Value::Promise(p) => Rc::strong_count(p),
        Value::HashTable(h) => Rc::strong_count(h),
        Value::Values(v) => Rc::strong_count(v),
        Value::Record(r) => Rc::strong_count(r),
        Value::Special(s) => Rc::strong_count(s),
        _ => usize::MAX,
    }
}

/// The containers directly referenced by `value`.
fn children(value: &Value, out: &mut Vec<Value>) {
    let mut push = |v: Value| {
        if v.is_container() {
            out.push(v);
        }
    };
    match value {
        Value::Pair(p) => {
            push(p.car());
            push(p.cdr());
        }
        Value::Vector(v) => {
            if let Ok(items) = v.items.try_borrow() {
                items.iter().cloned().for_each(push);
            }
        }
        Value::Closure(c) => c.captured.iter().cloned().for_each(push),
        Value::Boxed(b) => push(b.get()),
        Value::Promise(p) => {
            if let Ok(state) = p.state.try_borrow() {
                match &*state {
                    PromiseState::Delayed { thunk, .. } => push(thunk.clone()),
                    PromiseState::Forced(v) => push(v.clone()),
                }
            }
        }
        Value::HashTable(h) => {
            if let (Ok(map), Ok(overflow)) = (h.map.try_borrow(), h.overflow.try_borrow()) {
                for (key, value) in map.values().chain(overflow.iter()) {
                    push(key.clone());
                    push(value.clone());
                }
            }
        }
        Value::Values(items) => items.iter().cloned().for_each(push),
        Value::Record(r) => {
            if let Ok(fields) = r.fields.try_borrow() {
                fields.iter().cloned().for_each(push);
            }
        }
        Value::Special(special) => match &**special {
            SpecialProc::Parameter { value, converter } => {
                if let Ok(v) = value.try_borrow() {
                    push(v.clone());
                }
                if let Some(c) = converter {
                    push(c.clone());
                }
            }
            SpecialProc::CaseLambda(clauses) => {
                clauses.iter().for_each(|c| push(Value::Closure(c.clone())))
            }
            _ => {}
        },
        _ => {}
    }
}

/// Empties a garbage container. Containers currently borrowed are skipped.
fn clear(value: &Value) -> bool {
    match value {
        Value::Pair(p) => p.clear(),
        Value::Boxed(b) => b.clear(),
        Value::Vector(v) => match v.items.try_borrow_mut() {
            Ok(mut items) => drop(std::mem::take(&mut *items)),
            Err(_) => return false,
        },
        Value::Promise(p) => match p.state.try_borrow_mut() {
            Ok(mut state) => *state = PromiseState::Forced(Value::Unspecified),
            Err(_) => return false,
        },
        Value::HashTable(h) => match (h.map.try_borrow_mut(), h.overflow.try_borrow_mut()) {
            (Ok(mut map), Ok(mut overflow)) => {
                drop(std::mem::take(&mut *map));
                drop(std::mem::take(&mut *overflow));
            }
            _ => return false,
        },
        Value::Record(r) => match r.fields.try_borrow_mut() {
            Ok(mut fields) => drop(std::mem::take(&mut *fields)),
            Err(_) => return false,
        },
        Value::Special(special) => match &**special {
            SpecialProc::Parameter { value, .. } => match value.try_borrow_mut() {
                Ok(mut v) => drop(std::mem::take(&mut *v)),
                Err(_) => return false,
            },
            _ => return false,
        },
        _ => return false,
    }
    true
}

/// Returns (nodes visited, containers cleared, surviving candidates).
fn trial_deletion(roots: Vec<Value>) -> (usize, usize, Vec<Candidate>) {
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut nodes: Vec<Value> = Vec::new();
    let mut edges: Vec<Vec<usize>> = Vec::new();
    let mut candidate_nodes = Vec::new();
    for root in roots {
        if let Some(addr) = address(&root) {
            if let std::collections::hash_map::Entry::Vacant(e) = index.entry(addr) {
                e.insert(nodes.len());
                candidate_nodes.push(nodes.len());
                nodes.push(root);
                edges.push(Vec::new());
            }
        }
    }
    // Build the graph reachable from the candidates.
    let mut next = 0;
    let mut scratch = Vec::new();
    while next < nodes.len() {
        scratch.clear();
        children(&nodes[next], &mut scratch);
        for child in scratch.drain(..) {
            let Some(addr) = address(&child) else {
                continue;
            };
            let id = *index.entry(addr).or_insert_with(|| {
                nodes.push(child.clone());
                edges.push(Vec::new());
                nodes.len() - 1
            });
            edges[next].push(id);
        }
        next += 1;
    }
    // References from inside the graph.
    let mut internal = vec![0usize; nodes.len()];
    for targets in &edges {
        for &t in targets {
            internal[t] += 1;
        }
    }
    // Nodes held from outside, and everything they reach, are live.
    let mut live = vec![false; nodes.len()];
    let mut stack: Vec<usize> = (0..nodes.len())
        .filter(|&i| strong_count(&nodes[i]).saturating_sub(1) > internal[i])
        .collect();
    while let Some(i) = stack.pop() {
        if live[i] {
            continue;
        }
        live[i] = true;
        stack.extend(edges[i].iter().copied().filter(|&t| !live[t]));
    }
    let mut cleared = 0;
    for (i, node) in nodes.iter().enumerate() {
        if !live[i] && clear(node) {
            cleared += 1;
        }
    }
    let survivors = candidate_nodes
        .into_iter()
        .filter(|&i| live[i])
        .filter_map(|i| match &nodes[i] {
            Value::Pair(p) => Some(Candidate::Pair(Rc::downgrade(p))),
            Value::Vector(v) => Some(Candidate::Vector(Rc::downgrade(v))),
            Value::Boxed(b) => Some(Candidate::Boxed(Rc::downgrade(b))),
            Value::Promise(p) => Some(Candidate::Promise(Rc::downgrade(p))),
            Value::HashTable(h) => Some(Candidate::HashTable(Rc::downgrade(h))),
            Value::Record(r) => Some(Candidate::Record(Rc::downgrade(r))),
            Value::Special(s) => Some(Candidate::Special(Rc::downgrade(s))),
            _ => None,
        })
        .collect();
    let visited = nodes.len();
    drop(nodes);
    (visited, cleared, survivors)
}
