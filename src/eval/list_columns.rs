//! The elements of several lists, for the list builtins that take more than
//! one (`map`, `for-each`, `fold`, `any`, ...).
//!
//! R7RS 6.4 and 6.10: with several lists these stop at the end of the shortest,
//! and all but one of the lists may be circular. So each list is walked with
//! cycle detection (Floyd) only until it ends, until it is seen to be circular,
//! or until it is as long as the shortest list seen so far; circular lists are
//! then walked on to the shortest length. Finite lists cost what copying them
//! into a vector costs; the call fails only when every list is circular, since
//! it would then never end.

use crate::diagnostics::{Error, ErrorKind, Result};
use crate::value::args;
use crate::value::Value;

/// One list in a lockstep walk.
struct Strand {
    /// The rest of the list not yet walked.
    cur: Value,
    cycle: args::CdrCycle,
    /// Whether `cur` has been seen to go round a cycle.
    circular: bool,
}

impl Strand {
    fn new(list: &Value) -> Strand {
        Strand {
            cur: list.clone(),
            cycle: args::CdrCycle::new(list),
            circular: false,
        }
    }

    /// The element at `cur` (which must be a pair), moving past it.
    #[inline(always)]
    fn step(&mut self) -> Result<Value> {
        let Value::Pair(pair) = &self.cur else {
            return Ok(Value::Unspecified);
        };
        args::check_live(&self.cur)?;
        let item = pair.car();
        let next = pair.cdr();
        self.cur = next;
        if !self.circular {
            self.circular = self.cycle.cycled(&self.cur);
        }
        Ok(item)
    }
}

/// The first `n` elements of each of `lists` (one vector per list; a vector
/// may hold more), `n` being the length of the shortest list. Fails on a list
/// that ends in a non-list after at most `n` elements (as a walk side by side
/// would), and when every list is circular.
pub(crate) fn columns(who: &str, lists: &[Value]) -> Result<(Vec<Vec<Value>>, usize)> {
    if let [list] = lists {
        // One list: it must be proper, and the plain walk says so.
        let items = args::list(who, list)?;
        let n = items.len();
        return Ok((vec![items], n));
    }
    let mut strands: Vec<Strand> = Vec::with_capacity(lists.len());
    let mut columns: Vec<Vec<Value>> = Vec::with_capacity(lists.len());
    let mut n = usize::MAX;
    // The improper list that ends first, and how many elements it has.
    let mut improper: Option<(usize, &Value)> = None;
    for list in lists {
        let mut strand = Strand::new(list);
        let mut items = Vec::new();
        while !strand.circular && items.len() < n && matches!(strand.cur, Value::Pair(_)) {
            items.push(strand.step()?);
        }
        match strand.cur {
            Value::Pair(_) => {}
            Value::Null => n = items.len(),
            _ => {
                if improper.is_none_or(|(len, _)| items.len() < len) {
                    improper = Some((items.len(), list));
                }
            }
        }
        strands.push(strand);
        columns.push(items);
    }
    // A walk side by side would reach the improper tail before (or as) the
    // shortest list ends.
    if let Some((len, list)) = improper {
        if len <= n {
            return Err(Error::wrong_type(who, "a proper list", list));
        }
    }
    if n == usize::MAX {
        return Err(Error::new(
            ErrorKind::Type,
            format!("{who}: every list is circular, so the walk would never end"),
        )
        .with_help("at least one of the lists must be finite"));
    }
    // Only circular lists can be shorter than `n` here: walk them on.
    for (strand, items) in strands.iter_mut().zip(columns.iter_mut()) {
        while items.len() < n && matches!(strand.cur, Value::Pair(_)) {
            items.push(strand.step()?);
        }
    }
    Ok((columns, n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::printer::write_string_lossy;

    fn ints(items: &[i64]) -> Value {
        Value::list(items.iter().map(|n| Value::Int(*n)).collect())
    }

    /// The list `items` with its last cdr pointing back at its first pair.
    fn circular(items: &[i64]) -> Value {
        let list = ints(items);
        let mut last = list.clone();
        while let Value::Pair(p) = &last {
            match p.cdr() {
                Value::Pair(_) => last = p.cdr(),
                _ => {
                    p.set_cdr(list.clone());
                    break;
                }
            }
        }
        list
    }

    #[test]
    fn stops_at_the_shortest_list() {
        let (cols, n) = columns("map", &[circular(&[1, 2]), ints(&[7, 8, 9])]).unwrap();
        assert_eq!(n, 3);
        let first: Vec<Value> = cols[0].iter().take(n).cloned().collect();
        assert_eq!(write_string_lossy(&Value::list(first)), "(1 2 1)");
        let (_, n) = columns("map", &[circular(&[1]), circular(&[1, 2, 3]), ints(&[])]).unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn every_list_circular_is_an_error() {
        for lengths in [[1, 1], [1, 5], [7, 3]] {
            let a = circular(&vec![0; lengths[0]]);
            let b = circular(&vec![0; lengths[1]]);
            let error = columns("map", &[a, b]).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Type);
            assert!(error.message().contains("every list is circular"));
        }
        assert!(columns("map", &[circular(&[1, 2])]).is_err());
    }

    #[test]
    fn an_improper_tail_reached_is_an_error() {
        let dotted = Value::cons(Value::Int(1), Value::Int(2));
        assert!(columns("map", &[dotted.clone(), ints(&[1, 2])]).is_err());
        assert!(columns("map", &[dotted.clone(), ints(&[1])]).is_err());
        assert!(columns("map", &[ints(&[1]), Value::Int(5)]).is_err());
        assert!(columns("map", &[ints(&[]), Value::Int(5)]).is_err());
        assert!(columns("map", &[circular(&[1]), dotted.clone()]).is_err());
        // Not reached before the shortest list ends, in either order.
        let long = Value::cons(Value::Int(0), dotted);
        assert_eq!(columns("map", &[long.clone(), ints(&[1])]).unwrap().1, 1);
        assert_eq!(columns("map", &[ints(&[1]), long]).unwrap().1, 1);
    }
}
