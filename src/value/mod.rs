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
//! recursion (see the `Drop` impls below).

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;
use num_rational::BigRational;

use crate::builtins::Primitive;
use crate::compile::Lambda;
use crate::gc;
use eshkol_arena::{Allocation, ArenaId};

mod drop;
use crate::symbol::Symbol;
use crate::syntax::Span;

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

/// A pair. Fields are `Cell`s: reading clones the value out, which is cheap (an
/// `Rc` increment at most) and avoids a borrow flag per field.
pub struct Pair {
    car: Cell<Value>,
    cdr: Cell<Value>,
    /// The arena this pair was copied into, if any.
    pub owner: Option<Owner>,
}

impl Pair {
    /// A heap pair.
    #[inline]
    pub fn new(car: Value, cdr: Value) -> Pair {
        Pair {
            car: Cell::new(car),
            cdr: Cell::new(cdr),
            owner: None,
        }
    }

    /// A pair owned by an arena.
    pub fn in_arena(car: Value, cdr: Value, owner: Owner) -> Pair {
        Pair {
            car: Cell::new(car),
            cdr: Cell::new(cdr),
            owner: Some(owner),
        }
    }

    /// The first field.
    #[inline(always)]
    pub fn car(&self) -> Value {
        let v = self.car.take();
        let out = v.clone();
        // What comes back is the `Null` that `take` left: it owns nothing,
        // so it is forgotten rather than passed to the drop glue.
        std::mem::forget(self.car.replace(v));
        out
    }

    /// The second field.
    #[inline(always)]
    pub fn cdr(&self) -> Value {
        let v = self.cdr.take();
        let out = v.clone();
        // As in `car`.
        std::mem::forget(self.cdr.replace(v));
        out
    }

    /// Replaces the first field (registers a cycle candidate when needed).
    pub fn set_car(self: &Rc<Self>, value: Value) {
        if value.is_container() {
            gc::note_mutation(Value::Pair(self.clone()));
        }
        self.car.set(value);
    }

    /// Replaces the second field (registers a cycle candidate when needed).
    pub fn set_cdr(self: &Rc<Self>, value: Value) {
        if value.is_container() {
            gc::note_mutation(Value::Pair(self.clone()));
        }
        self.cdr.set(value);
    }

    /// [`Pair::set_cdr_fresh`], returning the old cdr.
    pub fn replace_cdr_fresh(&self, value: Value) -> Value {
        self.cdr.replace(value)
    }

    /// Sets the cdr of a pair that is still being built and so cannot be part of
    /// a cycle yet (list construction in builtins).
    pub fn set_cdr_fresh(&self, value: Value) {
        self.cdr.set(value);
    }

    /// Empties both fields; used by the cycle collector and arena destruction.
    pub fn clear(&self) {
        drop(self.car.take());
        drop(self.cdr.take());
    }
}

impl Drop for Pair {
    fn drop(&mut self) {
        // Unlink the cdr chain iteratively so a million-element list does not
        // recurse a million frames deep; what the cars (and a last non-pair
        // cdr, such as a stream's promise) hold goes to `release`.
        let mut next = self.cdr.take();
        loop {
            match next {
                Value::Pair(rc) => match Rc::try_unwrap(rc) {
                    Ok(mut pair) => {
                        next = pair.cdr.take();
                        let car = pair.car.take();
                        if car.is_container() {
                            drop::release(car);
                        }
                        // Emptied: forgetting it skips running this drop
                        // again on it (its owner, if any, is dropped here).
                        drop(pair.owner.take());
                        std::mem::forget(pair);
                    }
                    Err(_) => break,
                },
                tail => {
                    if tail.is_container() {
                        drop::release(tail);
                    }
                    break;
                }
            }
        }
        let car = self.car.take();
        if car.is_container() {
            drop::release(car);
        }
    }
}

/// A mutable string of Unicode characters (`string-ref` is O(1)).
pub struct SString {
    pub chars: RefCell<Vec<char>>,
    /// The arena this string was copied into, if any.
    pub owner: Option<Owner>,
}

impl SString {
    /// A heap string.
    pub fn new(chars: Vec<char>) -> SString {
        SString {
            chars: RefCell::new(chars),
            owner: None,
        }
    }
}

impl fmt::Display for SString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.chars.borrow().iter() {
            fmt::Write::write_char(f, *c)?;
        }
        Ok(())
    }
}

/// A vector.
pub struct Vector {
    pub items: RefCell<Vec<Value>>,
    /// The arena this vector was copied into, if any.
    pub owner: Option<Owner>,
}

impl Vector {
    /// A heap vector.
    pub fn new(items: Vec<Value>) -> Vector {
        Vector {
            items: RefCell::new(items),
            owner: None,
        }
    }

    /// Stores `value` at `index` (caller checked the bounds); registers a cycle
    /// candidate when needed.
    pub fn set(self: &Rc<Self>, index: usize, value: Value) {
        if value.is_container() {
            gc::note_mutation(Value::Vector(self.clone()));
        }
        self.items.borrow_mut()[index] = value;
    }
}

impl Drop for Vector {
    fn drop(&mut self) {
        let items = std::mem::take(self.items.get_mut());
        if items.iter().any(Value::is_container) {
            drop::release(items);
        }
    }
}

/// A bytevector: bytes on the heap, or bytes living in an arena block.
pub struct Bytevector {
    pub storage: ByteStorage,
    /// The arena whose block holds (or which owns) these bytes, if any.
    pub owner: Option<Owner>,
}

/// Where a bytevector's bytes are.
pub enum ByteStorage {
    Heap(RefCell<Vec<u8>>),
    /// Bytes inside an arena block; reached through the interpreter's arena
    /// registry, which refuses stale allocations.
    Arena(Allocation),
}

impl Bytevector {
    /// A heap bytevector.
    pub fn heap(bytes: Vec<u8>) -> Bytevector {
        Bytevector {
            storage: ByteStorage::Heap(RefCell::new(bytes)),
            owner: None,
        }
    }
}

/// The Scheme-side identity of an arena: what `make-arena` returns and what every
/// value living in the arena points back to (through an [`Owner`]). `alive` and
/// `epoch` make use-after-destroy and use-after-reset a two-comparison check on
/// any access, without consulting the registry.
pub struct ArenaTag {
    pub id: ArenaId,
    pub alive: Cell<bool>,
    /// Bumped by `arena-reset!`: values made in an earlier epoch are dead.
    pub epoch: Cell<u64>,
    /// Where `make-arena` was called.
    pub created: Span,
    /// Where `destroy-arena` was called, once it has been.
    pub destroyed: Cell<Option<Span>>,
    /// Where `arena-reset!` was last called.
    pub reset_at: Cell<Option<Span>>,
    /// Heap objects copied into the arena, emptied when it is destroyed or reset
    /// so their memory goes back at once.
    pub objects: RefCell<Vec<std::rc::Weak<dyn ArenaObject>>>,
}

impl ArenaTag {
    /// The tag of a newly created, live arena.
    pub fn new(id: ArenaId, created: Span) -> ArenaTag {
        ArenaTag {
            id,
            alive: Cell::new(true),
            epoch: Cell::new(0),
            created,
            destroyed: Cell::new(None),
            reset_at: Cell::new(None),
            objects: RefCell::new(Vec::new()),
        }
    }
}

/// The arena (and the epoch of it) that a value lives in.
#[derive(Clone)]
pub struct Owner {
    pub arena: Rc<ArenaTag>,
    pub epoch: u64,
}

impl Owner {
    /// An owner in the arena's current epoch.
    pub fn current(arena: &Rc<ArenaTag>) -> Owner {
        Owner {
            arena: arena.clone(),
            epoch: arena.epoch.get(),
        }
    }

    /// Whether the value may still be used: the arena is alive and has not been
    /// reset since the value was made.
    #[inline]
    pub fn is_live(&self) -> bool {
        self.arena.alive.get() && self.arena.epoch.get() == self.epoch
    }
}

/// A heap object owned by an arena, which the arena empties when it dies.
pub trait ArenaObject {
    /// Drops the object's contents.
    fn release(&self);
}

impl ArenaObject for Pair {
    fn release(&self) {
        self.clear();
    }
}

impl ArenaObject for SString {
    fn release(&self) {
        *self.chars.borrow_mut() = Vec::new();
    }
}

impl ArenaObject for Vector {
    fn release(&self) {
        let items = std::mem::take(&mut *self.items.borrow_mut());
        drop(items);
    }
}

/// A compiled procedure together with the values it captured.
pub struct Closure {
    pub lambda: Rc<Lambda>,
    /// Captured variables (values, or [`VarBox`]es for assigned variables), in
    /// the order of the lambda's capture list.
    pub captured: Box<[Value]>,
}

impl Drop for Closure {
    fn drop(&mut self) {
        let captured = std::mem::take(&mut self.captured);
        if captured.iter().any(Value::is_container) {
            drop::release(captured);
        }
    }
}

/// A variable that is both captured and assigned, shared between the frame that
/// declares it and the closures that capture it.
pub struct VarBox {
    value: Cell<Value>,
}

impl VarBox {
    /// A box holding `value`.
    pub fn new(value: Value) -> VarBox {
        VarBox {
            value: Cell::new(value),
        }
    }

    /// The current value.
    #[inline(always)]
    pub fn get(&self) -> Value {
        let v = self.value.take();
        let out = v.clone();
        // As in `Pair::car`.
        std::mem::forget(self.value.replace(v));
        out
    }

    /// Assigns (registers a cycle candidate when needed).
    pub fn set(self: &Rc<Self>, value: Value) {
        if value.is_container() {
            gc::note_mutation(Value::Boxed(self.clone()));
        }
        self.value.set(value);
    }

    /// Empties the box; used by the cycle collector.
    pub fn clear(&self) {
        drop(self.value.take());
    }
}

impl Drop for VarBox {
    fn drop(&mut self) {
        let value = self.value.take();
        if value.is_container() {
            drop::release(value);
        }
    }
}

/// A promise made by `delay`, `delay-force` or `make-promise`.
pub struct Promise {
    pub state: RefCell<PromiseState>,
}

/// Whether a promise has been forced.
pub enum PromiseState {
    /// Not yet forced: the thunk computes the value (or another promise, for
    /// `delay-force`).
    Delayed {
        thunk: Value,
        is_stream: bool,
    },
    Forced(Value),
}

impl Drop for Promise {
    fn drop(&mut self) {
        let state = std::mem::replace(
            self.state.get_mut(),
            PromiseState::Forced(Value::Unspecified),
        );
        let (PromiseState::Delayed { thunk: value, .. } | PromiseState::Forced(value)) = state;
        if value.is_container() {
            drop::release(value);
        }
    }
}

/// A mutable hash table keyed by `equal?` (default), `eqv?` or `eq?`.
pub struct HashTable {
    pub kind: HashKind,
    pub map: RefCell<std::collections::HashMap<HashKey, (Value, Value)>>,
    /// Entries of `equal?` keys that cannot be keyed by structure (nested
    /// too deep, too large, cyclic: see `builtins::hashtables::key_for`),
    /// found by comparing with `equal?`.
    pub overflow: RefCell<Vec<(Value, Value)>>,
}

/// Which equivalence a hash table uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashKind {
    Equal,
    Eqv,
    Eq,
    String,
}

/// A hashable key derived from a value under the table's equivalence: the map
/// stores `(key, value)` pairs under it, so lookups never clone the key twice.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum HashKey {
    Null,
    Bool(bool),
    Int(i64),
    /// Exact non-fixnum numbers by their printed form; floats by bits.
    Number(String),
    FloatBits(u64),
    Char(char),
    Symbol(u32),
    Str(String),
    /// Structural key for `equal?` on pairs, vectors, bytevectors.
    Composite(Vec<HashKey>),
    /// Identity of a heap object (eq/eqv tables, and procedures everywhere).
    Pointer(usize),
    Other(&'static str),
}

impl HashTable {
    /// An empty table.
    pub fn new(kind: HashKind) -> HashTable {
        HashTable {
            kind,
            map: RefCell::new(std::collections::HashMap::new()),
            overflow: RefCell::new(Vec::new()),
        }
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.map.borrow().len() + self.overflow.borrow().len()
    }

    /// Whether the table has no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every entry, copied out (no borrow is kept while the caller runs).
    pub fn entries(&self) -> Vec<(Value, Value)> {
        let mut entries: Vec<(Value, Value)> = self.map.borrow().values().cloned().collect();
        entries.extend(self.overflow.borrow().iter().cloned());
        entries
    }
}

impl Drop for HashTable {
    fn drop(&mut self) {
        let map = std::mem::take(self.map.get_mut());
        let overflow = std::mem::take(self.overflow.get_mut());
        if !map.is_empty() || !overflow.is_empty() {
            drop::release((map, overflow));
        }
    }
}

/// An error object, kept with everything needed to report it again when it is
/// re-raised (so an uncaught re-raise still points at the original place).
pub struct Condition {
    pub kind: crate::diagnostics::ErrorKind,
    /// The message alone (`error-object-message`).
    pub message: String,
    /// The message with its irritants, as reported.
    pub report: String,
    /// The irritants, as a list.
    pub irritants: Value,
    pub span: Option<Span>,
    pub help: Option<String>,
    pub labels: Vec<(Span, String)>,
    pub trace: crate::diagnostics::Trace,
}

/// A record type made by `define-record-type`.
pub struct RecordType {
    pub name: Symbol,
    pub fields: Vec<Symbol>,
}

/// A record instance.
pub struct Record {
    pub rtype: Rc<RecordType>,
    pub fields: RefCell<Vec<Value>>,
    /// The arena the record was copied into, if any.
    pub owner: Option<Owner>,
}

impl Drop for Record {
    fn drop(&mut self) {
        let fields = std::mem::take(self.fields.get_mut());
        if fields.iter().any(Value::is_container) {
            drop::release(fields);
        }
    }
}

impl ArenaObject for Record {
    fn release(&self) {
        let fields = std::mem::take(&mut *self.fields.borrow_mut());
        drop(fields);
    }
}

/// Procedures created at run time that are not closures.
pub enum SpecialProc {
    /// A continuation from `call/cc`. An escape-only one is usable while
    /// its extent lasts; one the frame machine `captured` (its frames, held
    /// opaquely here) can be re-entered while the machine run that made it
    /// lasts.
    Continuation {
        id: u64,
        active: Cell<bool>,
        captured: Option<Rc<dyn std::any::Any>>,
    },
    /// A parameter object from `make-parameter`.
    Parameter {
        value: RefCell<Value>,
        converter: Option<Value>,
    },
    /// A `case-lambda` procedure: the first clause whose arity fits is called.
    CaseLambda(Vec<Rc<Closure>>),
    /// Builds a record from the given fields (by index), the rest unspecified.
    RecordConstructor {
        rtype: Rc<RecordType>,
        name: Symbol,
        fields: Vec<usize>,
    },
    RecordPredicate {
        rtype: Rc<RecordType>,
        name: Symbol,
    },
    RecordAccessor {
        rtype: Rc<RecordType>,
        name: Symbol,
        index: usize,
    },
    RecordModifier {
        rtype: Rc<RecordType>,
        name: Symbol,
        index: usize,
    },
}
