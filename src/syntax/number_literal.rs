//! Numeric syntax shared by the reader and `string->number`.
//!
//! Implements the R7RS real-number syntax: optional radix (`#x #b #o #d`) and
//! exactness (`#e #i`) prefixes in either order, integers, rationals, decimals
//! with exponents (radix 10 only) and the special values `±inf.0` / `±nan.0`.
//! Complex numbers are not supported. Results are canonical [`NumberLiteral`]s.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, ToPrimitive, Zero};

use super::datum::NumberLiteral;

/// Why a text failed to parse as a number; lets the reader report `1/0`
/// specially instead of reading it as a symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// The text is not numeric syntax at all.
    NotNumber,
    /// The text is a rational with a zero denominator, e.g. `1/0`.
    DivisionByZero,
}

/// Largest decimal scale (`10^k`) accepted when converting a decimal to an
/// exact number, so `#e1e999999999` cannot allocate an enormous integer.
const MAX_EXACT_SCALE: i64 = 100_000;

/// Parses `text` as a Scheme number with default radix `radix` (2, 8, 10 or 16);
/// prefixes `#x #b #o #d #e #i` override the radix or set the exactness.
/// Returns `None` if `text` is not a number.
pub fn parse_number(text: &str, radix: u32) -> Option<NumberLiteral> {
    parse_number_checked(text, radix).ok()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Exactness {
    Default,
    Exact,
    Inexact,
}

/// Like [`parse_number`], but distinguishes a zero denominator from non-numbers.
pub(crate) fn parse_number_checked(text: &str, radix: u32) -> Result<NumberLiteral, NumberError> {
    use NumberError::NotNumber;
    let mut radix = radix;
    let mut radix_set = false;
    let mut exactness = Exactness::Default;
    let mut body = text;
    while let Some(rest) = body.strip_prefix('#') {
        let mut chars = rest.chars();
        let marker = chars.next().ok_or(NotNumber)?.to_ascii_lowercase();
        match marker {
            'x' | 'b' | 'o' | 'd' if !radix_set => {
                radix_set = true;
                radix = match marker {
                    'x' => 16,
                    'b' => 2,
                    'o' => 8,
                    _ => 10,
                };
            }
            'e' | 'i' if exactness == Exactness::Default => {
                exactness = if marker == 'e' {
                    Exactness::Exact
                } else {
                    Exactness::Inexact
                };
            }
            _ => return Err(NotNumber),
        }
        body = chars.as_str();
    }
    if !matches!(radix, 2 | 8 | 10 | 16) {
        return Err(NotNumber);
    }
    parse_real(body, radix, exactness)
}

fn parse_real(body: &str, radix: u32, exactness: Exactness) -> Result<NumberLiteral, NumberError> {
    use NumberError::{DivisionByZero, NotNumber};
    let (negative, unsigned, signed) = match body.as_bytes().first() {
        Some(b'+') => (false, &body[1..], true),
        Some(b'-') => (true, &body[1..], true),
        _ => (false, body, false),
    };
    if unsigned.is_empty() {
        return Err(NotNumber);
    }
    if signed {
        let special = if unsigned.eq_ignore_ascii_case("inf.0") {
            Some(f64::INFINITY)
        } else if unsigned.eq_ignore_ascii_case("nan.0") {
            Some(f64::NAN)
        } else {
            None
        };
        if let Some(value) = special {
            if exactness == Exactness::Exact {
                return Err(NotNumber);
            }
            return Ok(NumberLiteral::Real(if negative { -value } else { value }));
        }
    }
    let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_digit(radix));

    if let Some((num, den)) = unsigned.split_once('/') {
        if !all_digits(num) || !all_digits(den) {
            return Err(NotNumber);
        }
        let num = parse_digits(num, radix, negative)?;
        let den = parse_digits(den, radix, false)?;
        if den.is_zero() {
            return Err(DivisionByZero);
        }
        return Ok(finish_exact(crate::bigint::reduced(num, den), exactness));
    }
    if all_digits(unsigned) {
        let value = parse_digits(unsigned, radix, negative)?;
        if exactness == Exactness::Inexact {
            // Parse the text directly so `#i-0` keeps its sign.
            if radix == 10 {
                return body
                    .parse::<f64>()
                    .map(NumberLiteral::Real)
                    .map_err(|_| NotNumber);
            }
            return Ok(to_real(&BigRational::from_integer(value)));
        }
        return Ok(integer(value));
    }
    if radix != 10 {
        return Err(NotNumber);
    }
    let decimal = split_decimal(unsigned).ok_or(NotNumber)?;
    if exactness == Exactness::Exact {
        exact_decimal(&decimal, negative)
    } else {
        // Syntax already validated, so Rust's correctly rounded parser sees only
        // plain decimal text (it would otherwise also accept `inf`, `nan`...).
        body.parse::<f64>()
            .map(NumberLiteral::Real)
            .map_err(|_| NotNumber)
    }
}

/// The parts of an unsigned decimal `int.frac e exp`.
struct Decimal<'a> {
    int: &'a str,
    frac: &'a str,
    exp: &'a str,
}

/// Validates `digits [. digits] [e [sign] digits]` with at least one mantissa digit.
fn split_decimal(text: &str) -> Option<Decimal<'_>> {
    let (mantissa, exp) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((int, frac)) => (int, frac),
        None => (mantissa, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() && frac.is_empty() || !digits(int) || !digits(frac) {
        return None;
    }
    if text.len() > mantissa.len() {
        let exp_digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
        if exp_digits.is_empty() || !digits(exp_digits) {
            return None;
        }
    }
    Some(Decimal { int, frac, exp })
}

/// Converts a validated decimal to an exact number (`#e1.5` is 3/2).
fn exact_decimal(decimal: &Decimal<'_>, negative: bool) -> Result<NumberLiteral, NumberError> {
    let mut digits = String::with_capacity(decimal.int.len() + decimal.frac.len());
    digits.push_str(decimal.int);
    digits.push_str(decimal.frac);
    let mantissa = parse_digits(&digits, 10, negative)?;
    if mantissa.is_zero() {
        return Ok(NumberLiteral::Fixnum(0));
    }
    let exp = if decimal.exp.is_empty() {
        0
    } else {
        let (neg, digits) = match decimal.exp.as_bytes()[0] {
            b'-' => (true, &decimal.exp[1..]),
            b'+' => (false, &decimal.exp[1..]),
            _ => (false, decimal.exp),
        };
        let magnitude: i64 = digits.trim_start_matches('0').parse().unwrap_or(
            if digits.trim_start_matches('0').is_empty() {
                0
            } else {
                i64::MAX
            },
        );
        if neg {
            -magnitude
        } else {
            magnitude
        }
    };
    let scale = exp.saturating_sub(decimal.frac.len() as i64);
    if scale.abs() > MAX_EXACT_SCALE {
        return Err(NumberError::NotNumber);
    }
    let power = num_traits::pow(BigInt::from(10u32), scale.unsigned_abs() as usize);
    let value = if scale >= 0 {
        BigRational::from_integer(mantissa * power)
    } else {
        crate::bigint::reduced(mantissa, power)
    };
    Ok(rational(value))
}

fn parse_digits(digits: &str, radix: u32, negative: bool) -> Result<BigInt, NumberError> {
    let value = BigInt::parse_bytes(digits.as_bytes(), radix).ok_or(NumberError::NotNumber)?;
    Ok(if negative { -value } else { value })
}

fn finish_exact(value: BigRational, exactness: Exactness) -> NumberLiteral {
    if exactness == Exactness::Inexact {
        to_real(&value)
    } else {
        rational(value)
    }
}

/// The nearest `f64` to an exact rational (correctly rounded).
fn to_real(value: &BigRational) -> NumberLiteral {
    NumberLiteral::Real(value.to_f64().unwrap_or(f64::NAN))
}

/// Canonical form of an integer: `Fixnum` when it fits in `i64`.
fn integer(value: BigInt) -> NumberLiteral {
    match value.to_i64() {
        Some(small) => NumberLiteral::Fixnum(small),
        None => NumberLiteral::Bignum(value),
    }
}

/// Canonical form of a normalised rational: an integer when the denominator is 1.
fn rational(value: BigRational) -> NumberLiteral {
    if value.denom().is_one() {
        integer(value.to_integer())
    } else {
        NumberLiteral::Rational(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_denominator_is_reported() {
        assert_eq!(
            parse_number_checked("1/0", 10),
            Err(NumberError::DivisionByZero)
        );
        assert_eq!(
            parse_number_checked("#x-a/0", 10),
            Err(NumberError::DivisionByZero)
        );
        assert_eq!(parse_number_checked("1/x", 10), Err(NumberError::NotNumber));
    }

    #[test]
    fn huge_exact_exponent_is_rejected() {
        assert_eq!(parse_number("#e1e999999999999999999999", 10), None);
        assert!(matches!(
            parse_number("#e1e400", 10),
            Some(NumberLiteral::Bignum(_))
        ));
        assert_eq!(
            parse_number("#e0e999999999999999999999", 10),
            Some(NumberLiteral::Fixnum(0))
        );
    }
}
