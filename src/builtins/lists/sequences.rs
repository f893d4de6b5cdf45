//! Builtins: numeric sequences — `iota` and `range`. Separate because they
//! build lists from numbers rather than from other lists.

use super::traversal::reserve;
use crate::builtins::{args, Primitive};
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("iota", 1, 3, iota, "(iota count [start step]): count numbers from start (0) by step (1)"),
    prim!("range", 1, 3, range, "(range [start] end [step]): the numbers from start (0) below end by step (1)"),
];

// ---- numeric sequences ----

/// A real number for `iota` and `range`.
#[derive(Clone, Copy)]
enum Real {
    Int(i64),
    Float(f64),
}

impl Real {
    fn of(who: &str, value: &Value) -> Result<Real> {
        match value {
            Value::Int(n) => Ok(Real::Int(*n)),
            Value::Float(x) => Ok(Real::Float(*x)),
            Value::Big(_) => Err(Error::range(
                who,
                format!("{} is too large", crate::printer::write_string_lossy(value)),
            )),
            _ => Err(Error::wrong_type(who, "a fixnum or a float", value)),
        }
    }

    fn float(self) -> f64 {
        match self {
            Real::Int(n) => n as f64,
            Real::Float(x) => x,
        }
    }
}

/// `start + i * step` for `i` in `0..n`, exact when both are exact.
fn sequence(interp: &Interp, who: &str, n: usize, start: Real, step: Real) -> Result<Value> {
    let mut items = reserve(interp, who, n)?;
    match (start, step) {
        (Real::Int(s), Real::Int(d)) => {
            for i in 0..n {
                let v = (i as i64)
                    .checked_mul(d)
                    .and_then(|x| x.checked_add(s))
                    .ok_or_else(|| Error::range(who, "the numbers exceed the fixnum range"))?;
                items.push(Value::Int(v));
            }
        }
        _ => {
            let (s, d) = (start.float(), step.float());
            items.extend((0..n).map(|i| Value::Float(s + i as f64 * d)));
        }
    }
    Ok(Value::list(items))
}

/// `(iota count [start step])`
fn iota(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let n = args::index("iota", &args[0])?;
    let start = match args.get(1) {
        Some(v) => Real::of("iota", v)?,
        None => Real::Int(0),
    };
    let step = match args.get(2) {
        Some(v) => Real::of("iota", v)?,
        None => Real::Int(1),
    };
    sequence(interp, "iota", n, start, step)
}

/// `(range end)`, `(range start end)`, `(range start end step)`
fn range(interp: &mut Interp, args: &[Value]) -> Result<Value> {
    let reals = args
        .iter()
        .map(|a| Real::of("range", a))
        .collect::<Result<Vec<_>>>()?;
    let (start, end, step) = match reals.as_slice() {
        [end] => (Real::Int(0), *end, Real::Int(1)),
        [start, end] => (*start, *end, Real::Int(1)),
        [start, end, step] => (*start, *end, *step),
        _ => {
            return Err(Error::new(
                ErrorKind::Arity,
                "range: expected 1 to 3 arguments",
            ))
        }
    };
    let count: f64 = match (start, end, step) {
        (_, _, Real::Int(0)) => return Err(Error::range("range", "step must not be zero")),
        (_, _, Real::Float(d)) if d == 0.0 || d.is_nan() => {
            return Err(Error::range("range", "step must be a non-zero number"))
        }
        (Real::Int(s), Real::Int(e), Real::Int(d)) => {
            let (mut span, mut d) = (e as i128 - s as i128, d as i128);
            if d < 0 {
                span = -span;
                d = -d;
            }
            let n = if span <= 0 { 0 } else { (span + d - 1) / d };
            let n = usize::try_from(n).unwrap_or(usize::MAX);
            return sequence(interp, "range", n, start, step);
        }
        (s, e, d) => ((e.float() - s.float()) / d.float()).ceil(),
    };
    if count.is_nan() {
        return Err(Error::range("range", "the bounds must be finite"));
    }
    let n = if count <= 0.0 {
        0
    } else if count >= usize::MAX as f64 {
        usize::MAX
    } else {
        count as usize
    };
    let float = |r: Real| Real::Float(r.float());
    sequence(interp, "range", n, float(start), float(step))
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::super::basics::length;
    use super::super::pairs::car;
    use super::super::test_util::*;
    use super::*;

    #[test]
    fn numeric_sequences() {
        assert_eq!(ok(iota, &[Value::Int(5)]), "(0 1 2 3 4)");
        assert_eq!(ok(iota, &[Value::Int(3), Value::Int(1)]), "(1 2 3)");
        assert_eq!(
            ok(iota, &[Value::Int(3), Value::Int(0), Value::Int(-2)]),
            "(0 -2 -4)"
        );
        assert_eq!(ok(iota, &[Value::Int(0)]), "()");
        assert_eq!(kind(iota, &[Value::Int(-1)]), ErrorKind::Range);
        assert_eq!(
            ok(length, &[call(iota, &[Value::Int(1_000_000)]).unwrap()]),
            "1000000"
        );
        assert_eq!(ok(range, &[Value::Int(4)]), "(0 1 2 3)");
        assert_eq!(ok(range, &[Value::Int(2), Value::Int(5)]), "(2 3 4)");
        assert_eq!(
            ok(range, &[Value::Int(0), Value::Int(10), Value::Int(3)]),
            "(0 3 6 9)"
        );
        assert_eq!(
            ok(range, &[Value::Int(10), Value::Int(0), Value::Int(-3)]),
            "(10 7 4 1)"
        );
        assert_eq!(
            ok(range, &[Value::Int(10), Value::Int(1), Value::Int(-3)]),
            "(10 7 4)"
        );
        assert_eq!(ok(range, &[Value::Int(5), Value::Int(2)]), "()");
        assert_eq!(ok(range, &[Value::Int(0)]), "()");
        assert_eq!(ok(range, &[Value::Int(-3)]), "()");
        assert_eq!(
            kind(range, &[Value::Int(0), Value::Int(5), Value::Int(0)]),
            ErrorKind::Range
        );
        assert_eq!(
            kind(range, &[Value::Int(0), Value::Float(1e15)]),
            ErrorKind::Memory
        );
        assert_eq!(
            kind(range, &[Value::Int(i64::MIN), Value::Int(i64::MAX)]),
            ErrorKind::Memory
        );
        assert_eq!(kind(range, &[Value::string("a")]), ErrorKind::Type);
        let r = call(
            range,
            &[Value::Int(0), Value::Float(1.0), Value::Float(0.25)],
        )
        .unwrap();
        assert_eq!(ok(length, &[r.clone()]), "4");
        assert!(matches!(call(car, &[r]).unwrap(), Value::Float(x) if x == 0.0));
        assert_eq!(
            ok(length, &[call(range, &[Value::Int(1_000_000)]).unwrap()]),
            "1000000"
        );
    }
}
