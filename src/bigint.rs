//! Big-integer work that num-bigint does too slowly for huge numbers: the
//! greatest common divisor, and exact rational arithmetic, which reduces
//! every result by one.
//!
//! num-bigint's gcd is Stein's binary algorithm, which shifts the whole
//! number once per bit: quadratic in bits, so `(/ a b)` of two
//! million-digit numbers ran for minutes. Lehmer's algorithm here does the
//! same work 60 bits at a time on machine words, updating the big numbers
//! once per step, and checks between steps whether the user interrupted
//! (Ctrl-C), so even the largest gcd can be stopped.
//!
//! This module depends only on the number crates, so the reader and the
//! numeric tower can both use it.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};

/// Why a computation stopped before its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interrupted;

thread_local! {
    /// The flag Ctrl-C sets for the interpreter running on this thread.
    static INTERRUPT: RefCell<Option<Arc<AtomicBool>>> = const { RefCell::new(None) };
}

/// Makes long big-integer work on this thread stop when `flag` is set (the
/// interpreter's Ctrl-C flag); the flag is cleared when it stops work.
pub fn watch_interrupts(flag: Arc<AtomicBool>) {
    INTERRUPT.with(|slot| *slot.borrow_mut() = Some(flag));
}

/// Whether the user asked to stop; clears the request.
fn interrupt_requested() -> bool {
    INTERRUPT.with(|slot| {
        slot.borrow()
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed) && flag.swap(false, Ordering::Relaxed))
    })
}

/// Below this many bits, num-bigint's own gcd is as fast.
const LEHMER_FROM_BITS: u64 = 4096;

/// The greatest common divisor of `a` and `b` (non-negative).
pub fn gcd(a: &BigInt, b: &BigInt) -> Result<BigInt, Interrupted> {
    gcd_magnitudes(a.magnitude(), b.magnitude(), true).map(BigInt::from)
}

/// The least common multiple of `a` and `b` (non-negative).
pub fn lcm(a: &BigInt, b: &BigInt) -> Result<BigInt, Interrupted> {
    if a.is_zero() || b.is_zero() {
        return Ok(BigInt::zero());
    }
    let g = gcd(a, b)?;
    Ok((a / g * b).abs())
}

/// Lehmer's gcd (Knuth, TAOCP 4.5.2, Algorithm L) on magnitudes; stops at
/// an interrupt if `interruptible`. The numbers are kept as little-endian
/// 64-bit limbs and updated in place, one pass per step.
fn gcd_magnitudes(a: &BigUint, b: &BigUint, interruptible: bool) -> Result<BigUint, Interrupted> {
    let (a, b) = if a >= b { (a, b) } else { (b, a) };
    if b.bits() < LEHMER_FROM_BITS {
        return Ok(gcd_of_unequal(a, b));
    }
    let mut u = a.to_u64_digits();
    let mut v = b.to_u64_digits();
    while bit_length(&v) >= LEHMER_FROM_BITS {
        if interruptible && interrupt_requested() {
            return Err(Interrupted);
        }
        // The leading 62 bits of u, and the bits of v in the same places:
        // 62 bits keep every cofactor below 2^62, so each limb's update
        // fits in an i128.
        let shift = bit_length(&u) - 62;
        let mut uh = i128::from(bits_at(&u, shift));
        let mut vh = i128::from(bits_at(&v, shift));
        let (mut a, mut b, mut c, mut d) = (1i128, 0i128, 0i128, 1i128);
        // Steps of Euclid on the leading bits, while their quotient is
        // certainly the quotient of the whole numbers.
        loop {
            if vh + c <= 0 || vh + d <= 0 || uh + a < 0 || uh + b < 0 {
                break;
            }
            let q = (uh + a) / (vh + c);
            if q != (uh + b) / (vh + d) {
                break;
            }
            (a, c) = (c, a - q * c);
            (b, d) = (d, b - q * d);
            (uh, vh) = (vh, uh - q * vh);
        }
        if b == 0 {
            // No step was certain (a huge quotient): one full division.
            let (big_u, big_v) = (from_limbs(&u), from_limbs(&v));
            let r = &big_u % &big_v;
            u = v;
            v = r.to_u64_digits();
        } else {
            combine(&mut u, &mut v, [a, b, c, d]);
        }
    }
    Ok(gcd_of_unequal(&from_limbs(&u), &from_limbs(&v)))
}

/// The gcd of `a ≥ b` where `b` is small: one division brings `a` down to
/// `b`'s size first (Stein's algorithm on a huge and a small number would
/// shift the huge one once per bit of it).
fn gcd_of_unequal(a: &BigUint, b: &BigUint) -> BigUint {
    if b.is_zero() {
        return a.clone();
    }
    (a % b).gcd(b)
}

/// `(u, v) ← (a·u + b·v, c·u + d·v)`, in place. Both results are
/// non-negative (Lehmer's cofactors guarantee it), and `v ≤ u`. Each
/// product is one 64×64→128-bit multiplication of a cofactor's magnitude.
fn combine(u: &mut Vec<u64>, v: &mut Vec<u64>, [a, b, c, d]: [i128; 4]) {
    let magnitude = |k: i128| (k.unsigned_abs() as u64, k < 0);
    let ((a, a_neg), (b, b_neg)) = (magnitude(a), magnitude(b));
    let ((c, c_neg), (d, d_neg)) = (magnitude(c), magnitude(d));
    let term = |k: u64, negative: bool, x: u64| {
        let p = (u128::from(k) * u128::from(x)) as i128;
        if negative {
            -p
        } else {
            p
        }
    };
    v.resize(u.len(), 0);
    let (mut carry_u, mut carry_v) = (0i128, 0i128);
    for (ui, vi) in u.iter_mut().zip(v.iter_mut()) {
        let (x, y) = (*ui, *vi);
        let next_u = term(a, a_neg, x) + term(b, b_neg, y) + carry_u;
        let next_v = term(c, c_neg, x) + term(d, d_neg, y) + carry_v;
        *ui = next_u as u64;
        *vi = next_v as u64;
        carry_u = next_u >> 64;
        carry_v = next_v >> 64;
    }
    debug_assert!(carry_u == 0 && carry_v == 0);
    trim(u);
    trim(v);
}

/// Drops high zero limbs.
fn trim(x: &mut Vec<u64>) {
    while x.last() == Some(&0) {
        x.pop();
    }
}

/// The number of bits of a trimmed limb vector.
fn bit_length(x: &[u64]) -> u64 {
    match x.last() {
        Some(top) => (x.len() as u64 - 1) * 64 + u64::from(64 - top.leading_zeros()),
        None => 0,
    }
}

/// The 64 bits of `x` from bit `shift` up (zeros past the end).
fn bits_at(x: &[u64], shift: u64) -> u64 {
    let (limb, offset) = ((shift / 64) as usize, shift % 64);
    let low = x.get(limb).copied().unwrap_or(0) >> offset;
    let high = match offset {
        0 => 0,
        _ => x.get(limb + 1).copied().unwrap_or(0) << (64 - offset),
    };
    low | high
}

/// A `BigUint` from little-endian 64-bit limbs.
fn from_limbs(x: &[u64]) -> BigUint {
    let halves: Vec<u32> = x
        .iter()
        .flat_map(|limb| [*limb as u32, (*limb >> 32) as u32])
        .collect();
    BigUint::new(halves)
}

/// `numer / denom` in lowest terms, for the reader (whose input bounds the
/// work, and which has no way to report an interrupt); `denom` is not zero.
pub fn reduced(numer: BigInt, denom: BigInt) -> BigRational {
    let (numer, denom) = if denom.is_negative() {
        (-numer, -denom)
    } else {
        (numer, denom)
    };
    let g = gcd_magnitudes(numer.magnitude(), denom.magnitude(), false)
        .map(BigInt::from)
        .unwrap_or_else(|Interrupted| numer.gcd(&denom));
    if g.is_one() {
        return BigRational::new_raw(numer, denom);
    }
    BigRational::new_raw(numer / &g, denom / g)
}

/// `x + y`, reduced (Knuth 4.5.1: the gcds are of the denominators, not of
/// the much larger cross products).
pub fn add(x: &BigRational, y: &BigRational) -> Result<BigRational, Interrupted> {
    if x.denom().is_one() && y.denom().is_one() {
        return Ok(BigRational::from_integer(x.numer() + y.numer()));
    }
    let d1 = gcd(x.denom(), y.denom())?;
    if d1.is_one() {
        let numer = x.numer() * y.denom() + y.numer() * x.denom();
        return Ok(BigRational::new_raw(numer, x.denom() * y.denom()));
    }
    let t = x.numer() * (y.denom() / &d1) + y.numer() * (x.denom() / &d1);
    let d2 = gcd(&t, &d1)?;
    let numer = &t / &d2;
    let denom = (x.denom() / &d1) * (y.denom() / &d2);
    Ok(BigRational::new_raw(numer, denom))
}

/// `x - y`, reduced.
pub fn sub(x: &BigRational, y: &BigRational) -> Result<BigRational, Interrupted> {
    add(x, &-y)
}

/// `x * y`, reduced (cross gcds, so the products need no further reduction).
pub fn mul(x: &BigRational, y: &BigRational) -> Result<BigRational, Interrupted> {
    let g1 = gcd(x.numer(), y.denom())?;
    let g2 = gcd(y.numer(), x.denom())?;
    let numer = (x.numer() / &g1) * (y.numer() / &g2);
    let denom = (x.denom() / &g2) * (y.denom() / &g1);
    if numer.is_zero() {
        return Ok(BigRational::zero());
    }
    Ok(BigRational::new_raw(numer, denom))
}

/// `x / y`, reduced; `y` is not zero.
pub fn div(x: &BigRational, y: &BigRational) -> Result<BigRational, Interrupted> {
    let (numer, denom) = if y.numer().is_negative() {
        (-y.denom(), -y.numer())
    } else {
        (y.denom().clone(), y.numer().clone())
    };
    mul(x, &BigRational::new_raw(numer, denom))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(text: &str) -> BigInt {
        text.parse().unwrap()
    }

    #[test]
    fn lehmer_gcd_agrees_with_binary_gcd() {
        let three = BigInt::from(3);
        let seven = BigInt::from(7);
        let common: BigInt = num_traits::pow(three.clone(), 3000) + 1;
        for (x, y) in [
            (
                num_traits::pow(three.clone(), 9000),
                num_traits::pow(seven.clone(), 4000),
            ),
            (
                &common * (num_traits::pow(seven.clone(), 2000) + 2),
                &common * (num_traits::pow(three.clone(), 5000) - 2),
            ),
            (&common * 12345, -&common),
            (common.clone(), BigInt::zero()),
        ] {
            assert_eq!(gcd(&x, &y).unwrap(), x.gcd(&y));
            assert_eq!(lcm(&x, &y).unwrap(), x.lcm(&y).abs());
        }
    }

    #[test]
    fn lehmer_gcd_agrees_on_random_numbers() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut random = |limbs: usize| {
            let digits: Vec<u32> = (0..limbs * 2)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u32
                })
                .collect();
            BigInt::from(BigUint::new(digits))
        };
        for round in 0..40 {
            let common = random(1 + round % 5);
            let x = random(70 + round * 7) * &common;
            let y = random(64 + round * 5) * &common;
            assert_eq!(gcd(&x, &y).unwrap(), x.gcd(&y), "round {round}");
        }
    }

    #[test]
    fn rational_arithmetic_is_reduced() {
        let x = BigRational::new(
            big("123456789012345678901234567890"),
            big("-98765432109876"),
        );
        let y = BigRational::new(big("-5"), big("1234567890123456789012"));
        assert_eq!(add(&x, &y).unwrap(), &x + &y);
        assert_eq!(sub(&x, &y).unwrap(), &x - &y);
        assert_eq!(mul(&x, &y).unwrap(), &x * &y);
        assert_eq!(div(&x, &y).unwrap(), &x / &y);
        assert_eq!(sub(&x, &x).unwrap(), BigRational::zero());
        assert_eq!(
            reduced(big("6"), big("-4")),
            BigRational::new(big("-3"), big("2"))
        );
    }

    #[test]
    fn an_interrupt_stops_a_long_gcd() {
        let flag = Arc::new(AtomicBool::new(true));
        watch_interrupts(flag.clone());
        let x = num_traits::pow(BigInt::from(3), 100_000) + 1;
        let y = num_traits::pow(BigInt::from(7), 60_000) + 2;
        assert_eq!(gcd(&x, &y), Err(Interrupted));
        assert!(!flag.load(Ordering::Relaxed), "the request is consumed");
        assert_eq!(gcd(&x, &y).unwrap(), BigInt::one());
    }
}
