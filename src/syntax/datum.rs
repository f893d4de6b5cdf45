//! The reader's output: Scheme data with a span on every node.
//!
//! Special forms are not recognised here; `quote`, macros and the syntax pass all
//! see the same plain data.

use num_bigint::BigInt;
use num_rational::BigRational;

use super::span::Span;

/// One datum read from source text.
#[derive(Clone, Debug, PartialEq)]
pub struct Datum {
    pub kind: DatumKind,
    pub span: Span,
}

/// The shape of a datum.
#[derive(Clone, Debug, PartialEq)]
pub enum DatumKind {
    Bool(bool),
    Number(NumberLiteral),
    Char(char),
    String(String),
    Symbol(String),
    /// A proper list, possibly empty: `(a b c)`, `()`.
    List(Vec<Datum>),
    /// A dotted list with at least one element before the dot: `(a b . c)`.
    DottedList(Vec<Datum>, Box<Datum>),
    Vector(Vec<Datum>),
    Bytevector(Vec<u8>),
    /// `#n=datum`: the datum, labelled `n` for references inside the same
    /// top-level datum.
    Label(u64, Box<Datum>),
    /// `#n#`: a reference to the datum labelled `n`.
    LabelRef(u64),
}

/// A numeric literal, already in its canonical form: integers that fit in `i64`
/// are `Fixnum`, rationals are normalised and never have denominator 1.
#[derive(Clone, Debug, PartialEq)]
pub enum NumberLiteral {
    Fixnum(i64),
    Bignum(BigInt),
    Rational(BigRational),
    Real(f64),
}

impl Datum {
    /// Builds a datum from its parts.
    pub fn new(kind: DatumKind, span: Span) -> Datum {
        Datum { kind, span }
    }

    /// The symbol's name, if this datum is a symbol.
    pub fn as_symbol(&self) -> Option<&str> {
        match &self.kind {
            DatumKind::Symbol(name) => Some(name),
            _ => None,
        }
    }
}
