//! Numeric syntax (stub).
use super::datum::NumberLiteral;

/// Parses `text` as a Scheme number in `radix` (stub).
pub fn parse_number(_text: &str, _radix: u32) -> Option<NumberLiteral> {
    None
}
