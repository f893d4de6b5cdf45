//! Builtins: `random`, with its per-thread xorshift64* generator. Separate
//! because it is the one number builtin with state.

use std::cell::Cell;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

use crate::builtins::Primitive;
use crate::diagnostics::{Error, Result};
use crate::interp::Interp;
use crate::numeric::normalize_big;
use crate::prim;
use crate::value::Value;

/// This file's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[prim!(
    "random",
    0,
    1,
    random,
    "(random [n]): a random integer in [0, n), or a flonum in [0, n) for real n"
)];

thread_local! {
    static RNG: Cell<u64> = const { Cell::new(0) };
}

/// The next xorshift64* output, seeding from the clock on first use.
fn next_random() -> u64 {
    RNG.with(|cell| {
        let mut x = cell.get();
        if x == 0 {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0);
            x = (nanos ^ 0x9E37_79B9_7F4A_7C15) | 1;
        }
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        cell.set(x);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    })
}

/// A uniform flonum in [0, 1).
fn random_unit() -> f64 {
    (next_random() >> 11) as f64 / (1u64 << 53) as f64
}

/// (random [n]): uniform random integer in [0, n), or flonum for real n.
fn random(_: &mut Interp, args: &[Value]) -> Result<Value> {
    let Some(limit) = args.first() else {
        return Ok(Value::Float(random_unit()));
    };
    let not_positive = || Error::range("random", "the limit must be positive");
    match limit {
        Value::Int(n) if *n > 0 => {
            let r = (u128::from(next_random()) * (*n as u128)) >> 64;
            Ok(Value::Int(r as i64))
        }
        Value::Big(b) if b.is_positive() => {
            let words = b.bits() / 64 + 2;
            let mut acc = BigInt::zero();
            for _ in 0..words {
                acc = (acc << 64u32) + BigInt::from(next_random());
            }
            Ok(normalize_big(acc.mod_floor(b)))
        }
        Value::Float(x) if *x > 0.0 && x.is_finite() => Ok(Value::Float(random_unit() * x)),
        Value::Int(_) | Value::Big(_) | Value::Float(_) => Err(not_positive()),
        other => Err(Error::wrong_type(
            "random",
            "a positive integer or real",
            other,
        )),
    }
}
