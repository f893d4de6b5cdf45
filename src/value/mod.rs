//! Scheme values.
//!
//! # Memory management
//!
//! Heap objects are reference counted (`Rc`), which frees most garbage the moment
//! its last reference goes away: no pauses, and predictable like the arenas this
//! interpreter exists to offer. Reference counting alone leaks cycles, and Scheme
//! makes them easily (a recursive internal `define` is a closure that captures the
//! box holding itself). Two measures close that gap:
//!
//! * The compiler avoids the most common cycle outright: a lambda that refers to
//!   the variable it is bound to (named `let`, recursive internal `define`) reaches
//!   itself through the running closure, not through a captured box.
//! * Every remaining cycle must contain an edge made by *mutation* (an object can
//!   only point at something older than itself unless it is changed later). So each
//!   mutation that stores a heap object into a container registers that container
//!   as a cycle candidate, and [`crate::gc`] periodically runs trial deletion (the
//!   algorithm of CPython's collector) over the graph reachable from the candidates,
//!   clearing the containers of any unreachable cycle so reference counting frees
//!   it. References held by the running Rust code count as external, so a
//!   collection can never clear something still in use.
//!
//! Long lists and deeply nested structures are dropped without deep native
//! recursion (see the containers' `Drop` impls and `drop.rs`).

use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;
use num_rational::BigRational;

use crate::symbol::Symbol;

pub mod args;
pub mod datum;
mod drop;
mod global;
mod hash_table;
mod ownership;
mod pair;
mod primitive;
mod procedures;
mod records;
mod sequences;

pub use global::Global;
pub use hash_table::{HashKey, HashKind, HashTable};
pub use ownership::{ArenaObject, ArenaTag, Owner};
pub use pair::Pair;
pub use primitive::{PrimFn, Primitive, TailBuiltin};
pub use procedures::{Closure, Promise, PromiseState, SpecialProc, VarBox};
pub use records::{Condition, Record, RecordType};
pub use sequences::{ByteStorage, Bytevector, SString, Vector};

/// A Scheme value: immediates inline, heap objects behind `Rc`.
#[derive(Clone, Default)]
pub enum Value {
    /// The empty list `()`.
    #[default]
    Null,
    Bool(bool),
    /// A fixnum; arithmetic overflowing it promotes to [`Value::Big`].
    Int(i64),
    Float(f64),
    Char(char),
    Symbol(Symbol),
    /// The value of forms whose value is unspecified (`define`, `set!`, `display`).
    Unspecified,
    /// The end-of-file object.
    Eof,
    /// An exact integer outside the fixnum range (always normalised: never fits i64).
    Big(Rc<BigInt>),
    /// An exact non-integer rational (always normalised: denominator > 1).
    Rat(Rc<BigRational>),
    Str(Rc<SString>),
    Pair(Rc<Pair>),
    Vector(Rc<Vector>),
    Bytevector(Rc<Bytevector>),
    Closure(Rc<Closure>),
    Primitive(&'static Primitive),
    Promise(Rc<Promise>),
    HashTable(Rc<HashTable>),
    Arena(Rc<ArenaTag>),
    /// Several values returned by `values` (never one).
    Values(Rc<Vec<Value>>),
    /// An input or output port.
    Port(Rc<crate::port::Port>),
    /// An error object: what `guard` and exception handlers receive for errors
    /// raised by builtins and by `error`.
    Condition(Rc<Condition>),
    /// An instance of a record type made by `define-record-type`.
    Record(Rc<Record>),
    /// A record type descriptor.
    RecordType(Rc<RecordType>),
    /// A procedure made at run time other than a closure: continuations,
    /// parameters, `case-lambda` procedures, record procedures.
    Special(Rc<SpecialProc>),
    /// A mutable variable box, stored in a frame slot or a closure's captures.
    /// Never visible to Scheme code.
    Boxed(Rc<VarBox>),
    /// The contents of a variable that has been declared but not yet assigned
    /// (letrec semantics). Reading it is an error. Never visible to Scheme code.
    Undefined,
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => write!(f, "()"),
            Value::Bool(b) => write!(f, "{}", if *b { "#t" } else { "#f" }),
            Value::Int(n) => write!(f, "{n}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Char(c) => write!(f, "#\\{c}"),
            Value::Symbol(s) => write!(f, "{s}"),
            Value::Str(s) => write!(f, "{:?}", s.to_string()),
            other => write!(f, "#<{}>", other.type_name()),
        }
    }
}

impl Value {
    /// Scheme truthiness: everything but `#f` is true.
    #[inline]
    pub fn is_true(&self) -> bool {
        !matches!(self, Value::Bool(false))
    }

    /// A symbol value from its name.
    pub fn symbol(name: &str) -> Value {
        Value::Symbol(Symbol::intern(name))
    }

    /// A fresh heap string.
    pub fn string(text: &str) -> Value {
        Value::Str(Rc::new(SString::new(text.chars().collect())))
    }

    /// A fresh heap string from characters.
    pub fn string_from_chars(chars: Vec<char>) -> Value {
        Value::Str(Rc::new(SString::new(chars)))
    }

    /// A fresh pair.
    #[inline]
    pub fn cons(car: Value, cdr: Value) -> Value {
        Value::Pair(Rc::new(Pair::new(car, cdr)))
    }

    /// A fresh vector.
    pub fn vector(items: Vec<Value>) -> Value {
        Value::Vector(Rc::new(Vector::new(items)))
    }

    /// A fresh heap bytevector.
    pub fn bytevector(bytes: Vec<u8>) -> Value {
        Value::Bytevector(Rc::new(Bytevector::heap(bytes)))
    }

    /// A proper list of `items`.
    pub fn list(items: Vec<Value>) -> Value {
        Value::list_with_tail(items, Value::Null)
    }

    /// `items` consed onto `tail`: `(a b . tail)`.
    pub fn list_with_tail(items: Vec<Value>, tail: Value) -> Value {
        items
            .into_iter()
            .rev()
            .fold(tail, |acc, item| Value::cons(item, acc))
    }

    /// True for the value types that can hold references to other values (and so
    /// take part in cycles).
    pub fn is_container(&self) -> bool {
        matches!(
            self,
            Value::Pair(_)
                | Value::Vector(_)
                | Value::Closure(_)
                | Value::Promise(_)
                | Value::HashTable(_)
                | Value::Values(_)
                | Value::Boxed(_)
                | Value::Record(_)
                | Value::Special(_)
        )
    }

    /// True for the values that hold no reference counted object, so
    /// forgetting one is the same as dropping it.
    #[inline(always)]
    pub fn owns_nothing(&self) -> bool {
        matches!(
            self,
            Value::Null
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::Char(_)
                | Value::Symbol(_)
                | Value::Unspecified
                | Value::Eof
                | Value::Undefined
                | Value::Primitive(_)
        )
    }

    /// True for procedures of any kind.
    pub fn is_procedure(&self) -> bool {
        matches!(
            self,
            Value::Closure(_) | Value::Primitive(_) | Value::Special(_)
        )
    }

    /// True for numbers of any kind.
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            Value::Int(_) | Value::Float(_) | Value::Big(_) | Value::Rat(_)
        )
    }

    /// A short name for the value's type, used in error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "empty list",
            Value::Bool(_) => "boolean",
            Value::Int(_) | Value::Big(_) => "integer",
            Value::Rat(_) => "rational",
            Value::Float(_) => "real",
            Value::Char(_) => "character",
            Value::Symbol(_) => "symbol",
            Value::Unspecified => "unspecified",
            Value::Eof => "eof-object",
            Value::Str(_) => "string",
            Value::Pair(_) => "pair",
            Value::Vector(_) => "vector",
            Value::Bytevector(_) => "bytevector",
            Value::Closure(_) | Value::Primitive(_) => "procedure",
            Value::Promise(_) => "promise",
            Value::HashTable(_) => "hash-table",
            Value::Arena(_) => "arena",
            Value::Values(_) => "multiple values",
            Value::Port(_) => "port",
            Value::Condition(_) => "error object",
            Value::Record(_) => "record",
            Value::RecordType(_) => "record type",
            Value::Special(_) => "procedure",
            Value::Boxed(_) => "box",
            Value::Undefined => "undefined",
        }
    }

    /// The arena that owns this value, if it lives in one.
    pub fn owner(&self) -> Option<&Owner> {
        match self {
            Value::Pair(p) => p.owner.as_ref(),
            Value::Str(s) => s.owner.as_ref(),
            Value::Vector(v) => v.owner.as_ref(),
            Value::Bytevector(b) => b.owner.as_ref(),
            Value::Record(r) => r.owner.as_ref(),
            _ => None,
        }
    }

    /// Identity comparison for heap objects, value comparison for immediates:
    /// Scheme's `eq?`.
    pub fn is_eq(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Null, Null) | (Unspecified, Unspecified) | (Eof, Eof) | (Undefined, Undefined) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Char(a), Char(b)) => a == b,
            (Symbol(a), Symbol(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Big(a), Big(b)) => Rc::ptr_eq(a, b),
            (Rat(a), Rat(b)) => Rc::ptr_eq(a, b),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b),
            (Pair(a), Pair(b)) => Rc::ptr_eq(a, b),
            (Vector(a), Vector(b)) => Rc::ptr_eq(a, b),
            (Bytevector(a), Bytevector(b)) => Rc::ptr_eq(a, b),
            (Closure(a), Closure(b)) => Rc::ptr_eq(a, b),
            (Primitive(a), Primitive(b)) => std::ptr::eq(*a, *b),
            (Promise(a), Promise(b)) => Rc::ptr_eq(a, b),
            (HashTable(a), HashTable(b)) => Rc::ptr_eq(a, b),
            (Arena(a), Arena(b)) => Rc::ptr_eq(a, b),
            (Values(a), Values(b)) => Rc::ptr_eq(a, b),
            (Boxed(a), Boxed(b)) => Rc::ptr_eq(a, b),
            (Port(a), Port(b)) => Rc::ptr_eq(a, b),
            (Condition(a), Condition(b)) => Rc::ptr_eq(a, b),
            (Record(a), Record(b)) => Rc::ptr_eq(a, b),
            (RecordType(a), RecordType(b)) => Rc::ptr_eq(a, b),
            (Special(a), Special(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// Scheme's `eqv?`: `eq?` plus numbers compared by exactness and value.
    pub fn is_eqv(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Big(a), Value::Big(b)) => a == b,
            (Value::Rat(a), Value::Rat(b)) => a == b,
            _ => self.is_eq(other),
        }
    }
}
