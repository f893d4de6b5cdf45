//! Builtins: arenas.
//!
//! The Scheme face of [`eshkol_arena`]: `make-arena`, `arena-alloc`,
//! `copy-to-arena`, `destroy-arena` and their companions. Every value that lives
//! in an arena carries an [`Owner`]; destroying or resetting the arena makes
//! every such value refuse further use, and releases what it held at once.

use std::collections::HashMap;
use std::rc::Rc;

use super::{args, Primitive};
use crate::arena_profile::ArenaEvent;
use crate::diagnostics::{Error, ErrorKind, Result};
use crate::interp::Interp;
use crate::prim;
use crate::printer::write_string_lossy;
use crate::value::{
    ArenaObject, ArenaTag, ByteStorage, Bytevector, Owner, Pair, Record, SString, Value, Vector,
};
use eshkol_arena::{ArenaError, ArenaStats};

/// What the interpreter keeps about its arenas. The runtime's registry names
/// each arena by an `ArenaId` and checks every access to its bytes; the
/// Scheme side of the same arena is its [`ArenaTag`], which every value
/// living in the arena points to, so checking a value needs no lookup.
#[derive(Default)]
pub struct ArenaState {
    /// The arena runtime's registry.
    pub registry: eshkol_arena::Arenas,
    /// The tag of every live arena (creation site, for `:arenas` and the
    /// end-of-script leak report).
    pub live: HashMap<eshkol_arena::ArenaId, Rc<ArenaTag>>,
    /// The history of every arena, kept under `--arena-profile` only.
    pub profile: Option<crate::arena_profile::ArenaProfile>,
    /// Bytes handed out by all arenas since start-up (for the REPL's `:time`).
    pub bytes_allocated: u64,
}

/// Bytes charged to an arena for a copied pair (two machine words, as in C).
const PAIR_BYTES: usize = 16;
/// Bytes charged per vector slot and per object header.
const WORD_BYTES: usize = 8;

/// This topic's builtins.
#[rustfmt::skip] // one row per builtin, to read as a table
pub static PRIMITIVES: &[Primitive] = &[
    prim!("make-arena", 1, _, make_arena, "(make-arena size [limit]): a new arena whose first block is size bytes"),
    prim!("arena-alloc", 2, 2, arena_alloc, "(arena-alloc arena n): n zeroed bytes living in the arena, as a bytevector"),
    prim!("copy-to-arena", 2, 2, copy_to_arena, "(copy-to-arena value arena): a deep copy of value owned by arena"),
    prim!("destroy-arena", 1, 1, destroy_arena, "(destroy-arena arena): frees every block; the arena and its values die"),
    prim!("arena?", 1, 1, is_arena, "(arena? x): is x an arena?"),
    prim!("arena-live?", 1, 1, is_arena_live, "(arena-live? arena): has the arena not been destroyed?"),
    prim!("arena-stats", 1, 1, arena_stats, "(arena-stats arena): alist of used, reserved, blocks, allocations, limit"),
    prim!("arena-used", 1, 1, arena_used, "(arena-used arena): bytes handed out so far"),
    prim!("arena-reset!", 1, 1, arena_reset, "(arena-reset! arena): frees the contents, keeps the first block; old values die"),
    prim!("arena-owner", 1, 1, arena_owner, "(arena-owner x): the arena x lives in, or #f"),
    prim!("call-with-arena", 2, 3, call_with_arena, "(call-with-arena size proc [limit]): calls proc with a new arena, destroying it on every exit"),
];

/// The arena argument, which must still be alive.
fn live_arena<'a>(who: &str, value: &'a Value) -> Result<&'a Rc<ArenaTag>> {
    match value {
        Value::Arena(tag) if tag.alive.get() => Ok(tag),
        Value::Arena(tag) => Err(args::destroyed_arena_error(
            tag,
            &format!("{who}: use of arena"),
        )),
        other => Err(Error::wrong_type(who, "an arena", other)),
    }
}

/// Converts a runtime error into a Scheme error.
fn runtime_error(who: &str, tag: &ArenaTag, error: ArenaError) -> Error {
    match error {
        ArenaError::Destroyed => args::destroyed_arena_error(tag, &format!("{who}: use of arena")),
        ArenaError::Reset => Error::new(
            ErrorKind::ArenaReset,
            format!("{who}: this memory was released by arena-reset!"),
        ),
        ArenaError::LimitExceeded {
            limit,
            used,
            requested,
        } => Error::new(
            ErrorKind::ArenaLimit,
            format!(
                "{who}: allocating {requested} bytes would pass the arena's limit of {limit} bytes ({used} bytes already used)"
            ),
        )
        .with_label(tag.created, "arena created here")
        .with_help("create the arena with a larger limit, or destroy/reset it and start again"),
        ArenaError::OutOfMemory { requested } => Error::new(
            ErrorKind::Memory,
            format!("{who}: cannot allocate {requested} bytes: not enough memory"),
        ),
        other => Error::new(ErrorKind::Arena, format!("{who}: {other}")),
    }
}

/// A byte count: a non-negative real, rounded up; `who` names the caller.
fn byte_count(who: &str, value: &Value, what: &str) -> Result<usize> {
    let too_big = || {
        Error::new(
            ErrorKind::Memory,
            format!(
                "{who}: {what} of {} bytes is more than this machine can provide",
                write_string_lossy(value)
            ),
        )
    };
    match value {
        Value::Int(n) if *n >= 0 => usize::try_from(*n).map_err(|_| too_big()),
        Value::Float(x) if x.is_finite() && *x >= 0.0 => {
            let rounded = x.ceil();
            if rounded >= usize::MAX as f64 {
                Err(too_big())
            } else {
                Ok(rounded as usize)
            }
        }
        Value::Rat(r) if !num_traits::Signed::is_negative(&**r) => {
            let x = crate::numeric::to_f64(value).unwrap_or(f64::INFINITY);
            byte_count(who, &Value::Float(x), what)
        }
        // A limit past anything the machine could hold limits nothing.
        Value::Big(b) if b.sign() != num_bigint::Sign::Minus && what == "limit" => Ok(usize::MAX),
        Value::Big(b) if b.sign() != num_bigint::Sign::Minus => Err(too_big()),
        Value::Int(_) | Value::Float(_) | Value::Big(_) | Value::Rat(_) => Err(Error::range(
            who,
            format!(
                "{what} must be a non-negative number of bytes, got {}",
                write_string_lossy(value)
            ),
        )),
        other => Err(Error::wrong_type(who, "a number of bytes", other)),
    }
}

fn make_arena(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    if values.len() > 2 {
        return Err(make_arena_arity_error(values));
    }
    let size = byte_count("make-arena", &values[0], "size")?;
    if size == 0 {
        return Err(Error::range("make-arena", "size must be at least 1 byte"));
    }
    let limit = match values.get(1) {
        // A limit too large to reach (see `byte_count`) is no limit.
        Some(v) => Some(byte_count("make-arena", v, "limit")?).filter(|l| *l != usize::MAX),
        None => None,
    };
    let span = interp.machine.call_span;
    create_arena(interp, size, limit, span)
}

/// Creates an arena and its Scheme value.
fn create_arena(
    interp: &mut Interp,
    size: usize,
    limit: Option<usize>,
    span: crate::syntax::Span,
) -> Result<Value> {
    interp.check_allocation("make-arena", size)?;
    let id = interp
        .arenas
        .registry
        .create(size, limit)
        .map_err(|e| match e {
            ArenaError::OutOfMemory { requested } => Error::new(
                ErrorKind::Memory,
                format!(
                "make-arena: cannot reserve a first block of {requested} bytes: not enough memory"
            ),
            )
            .with_help(
                "ask for a smaller first block; the arena grows by doubling when it needs more",
            ),
            other => Error::new(ErrorKind::Arena, format!("make-arena: {other}")),
        })?;
    let tag = Rc::new(ArenaTag {
        id,
        alive: std::cell::Cell::new(true),
        epoch: std::cell::Cell::new(0),
        created: span,
        destroyed: std::cell::Cell::new(None),
        reset_at: std::cell::Cell::new(None),
        objects: std::cell::RefCell::new(Vec::new()),
    });
    interp.arenas.live.insert(id, tag.clone());
    interp.note_arena(&tag, ArenaEvent::Created);
    Ok(Value::Arena(tag))
}

/// `(make-arena 1024 * 1024 * 100)`: an infix size written without parentheses.
fn make_arena_arity_error(values: &[Value]) -> Error {
    let operator = values.iter().find_map(|v| match v {
        Value::Primitive(p) => Some(p.name),
        _ => None,
    });
    let numbers: Vec<String> = values
        .iter()
        .filter(|v| v.is_number())
        .map(write_string_lossy)
        .collect();
    let help = match operator {
        Some(op) if numbers.len() >= 2 => format!(
            "Scheme has no infix arithmetic: to compute the size, write (make-arena ({op} {}))",
            numbers.join(" ")
        ),
        _ => "write (make-arena size) or (make-arena size limit)".to_string(),
    };
    Error::new(
        ErrorKind::Arity,
        format!(
            "make-arena: expected 1 to 2 arguments, got {}",
            values.len()
        ),
    )
    .with_help(help)
}

fn arena_alloc(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let tag = live_arena("arena-alloc", &values[0])?;
    let n = match &values[1] {
        Value::Float(x) if x.fract() != 0.0 => {
            return Err(Error::range(
                "arena-alloc",
                format!("size must be a whole number of bytes, got {x}"),
            ))
        }
        Value::Rat(_) => {
            return Err(Error::range(
                "arena-alloc",
                format!(
                    "size must be a whole number of bytes, got {}",
                    write_string_lossy(&values[1])
                ),
            ))
        }
        other => byte_count("arena-alloc", other, "size")?,
    };
    interp.check_allocation("arena-alloc", n)?;
    let allocation = interp
        .arenas
        .registry
        .alloc(tag.id, n)
        .map_err(|e| runtime_error("arena-alloc", tag, e))?;
    interp.arenas.bytes_allocated += n as u64;
    interp.note_arena(tag, ArenaEvent::Allocated);
    Ok(Value::Bytevector(Rc::new(Bytevector {
        storage: ByteStorage::Arena(allocation),
        owner: Some(Owner::current(tag)),
    })))
}

fn destroy_arena(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let tag = match &values[0] {
        Value::Arena(tag) => tag,
        other => return Err(Error::wrong_type("destroy-arena", "an arena", other)),
    };
    if !tag.alive.get() {
        let mut error = Error::new(
            ErrorKind::ArenaDestroyed,
            format!(
                "destroy-arena: arena #{} was already destroyed",
                tag.id.slot
            ),
        )
        .with_label(tag.created, "arena created here")
        .with_help("destroy each arena exactly once");
        if let Some(first) = tag.destroyed.get() {
            error = error.with_label(first, "first destroyed here");
        }
        return Err(error);
    }
    let last = interp
        .arenas
        .registry
        .destroy(tag.id)
        .map_err(|e| runtime_error("destroy-arena", tag, e))?;
    interp.note_arena_destroyed(tag, last);
    tag.alive.set(false);
    tag.destroyed.set(Some(interp.machine.call_span));
    release_objects(tag);
    interp.arenas.live.remove(&tag.id);
    Ok(Value::Unspecified)
}

/// Empties every heap object copied into the arena, so its memory goes back now.
fn release_objects(tag: &ArenaTag) {
    let objects = std::mem::take(&mut *tag.objects.borrow_mut());
    for object in objects {
        if let Some(object) = object.upgrade() {
            object.release();
        }
    }
}

fn is_arena(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(Value::Bool(matches!(values[0], Value::Arena(_))))
}

fn is_arena_live(_: &mut Interp, values: &[Value]) -> Result<Value> {
    match &values[0] {
        Value::Arena(tag) => Ok(Value::Bool(tag.alive.get())),
        other => Err(Error::wrong_type("arena-live?", "an arena", other)),
    }
}

/// The statistics of a live arena.
fn stats_of(interp: &Interp, who: &str, value: &Value) -> Result<ArenaStats> {
    let tag = live_arena(who, value)?;
    interp
        .arenas
        .registry
        .stats(tag.id)
        .map_err(|e| runtime_error(who, tag, e))
}

fn arena_stats(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let stats = stats_of(interp, "arena-stats", &values[0])?;
    let entry = |name: &str, n: usize| Value::cons(Value::symbol(name), count(n));
    Ok(Value::list(vec![
        entry("used", stats.used),
        entry("reserved", stats.reserved),
        entry("blocks", stats.blocks),
        entry("allocations", stats.allocations),
        Value::cons(
            Value::symbol("limit"),
            stats.limit.map(count).unwrap_or(Value::Bool(false)),
        ),
    ]))
}

fn count(n: usize) -> Value {
    i64::try_from(n)
        .map(Value::Int)
        .unwrap_or_else(|_| Value::Float(n as f64))
}

fn arena_used(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(count(stats_of(interp, "arena-used", &values[0])?.used))
}

fn arena_reset(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let tag = live_arena("arena-reset!", &values[0])?;
    interp
        .arenas
        .registry
        .reset(tag.id)
        .map_err(|e| runtime_error("arena-reset!", tag, e))?;
    // 64 bits: cannot wrap in practice, so old values stay dead.
    tag.epoch.set(tag.epoch.get() + 1);
    tag.reset_at.set(Some(interp.machine.call_span));
    release_objects(tag);
    interp.note_arena(tag, ArenaEvent::Reset);
    Ok(Value::Unspecified)
}

fn arena_owner(_: &mut Interp, values: &[Value]) -> Result<Value> {
    Ok(match values[0].owner() {
        Some(owner) => Value::Arena(owner.arena.clone()),
        None => Value::Bool(false),
    })
}

fn call_with_arena(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let size = byte_count("with-arena", &values[0], "size")?;
    if size == 0 {
        return Err(Error::range("with-arena", "size must be at least 1 byte"));
    }
    let limit = match values.get(2) {
        Some(v) => Some(byte_count("with-arena", v, "limit")?),
        None => None,
    };
    let procedure = args::procedure("with-arena", &values[1])?.clone();
    let span = interp.machine.call_span;
    let arena = create_arena(interp, size, limit, span)?;
    let result = interp.apply(&procedure, std::slice::from_ref(&arena));
    if let Value::Arena(tag) = &arena {
        if tag.alive.get() {
            let saved = interp.machine.call_span;
            interp.machine.call_span = span;
            let destroyed = destroy_arena(interp, std::slice::from_ref(&arena));
            interp.machine.call_span = saved;
            destroyed?;
        }
    }
    result
}

fn copy_to_arena(interp: &mut Interp, values: &[Value]) -> Result<Value> {
    let tag = live_arena("copy-to-arena", &values[1])?.clone();
    check_copyable(&values[0])?;
    let mark = interp
        .arenas
        .registry
        .mark(tag.id)
        .map_err(|e| runtime_error("copy-to-arena", &tag, e))?;
    let copied = copy_into(interp, &tag, &values[0]);
    if copied.is_err() {
        // A copy that failed midway (at the arena's limit) is unreachable
        // now: take back what it allocated, so the arena is as it was.
        let _ = interp.arenas.registry.release_to(tag.id, mark);
    } else {
        interp.note_arena(&tag, ArenaEvent::Allocated);
    }
    copied
}

/// The deep copy of `value` into the arena of `tag`.
fn copy_into(interp: &mut Interp, tag: &Rc<ArenaTag>, value: &Value) -> Result<Value> {
    let mut copier = Copier {
        interp,
        owner: Owner::current(tag),
        tag: tag.clone(),
        copies: HashMap::new(),
        pending: Vec::new(),
    };
    let root = copier.shell(value)?;
    while let Some((source, copy)) = copier.pending.pop() {
        copier.fill(&source, &copy)?;
    }
    Ok(root)
}

/// Refuses, before anything is allocated, a value that contains something that
/// cannot live in an arena (procedures, hash tables, promises, arenas).
fn check_copyable(value: &Value) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    let mut pending = vec![value.clone()];
    while let Some(v) = pending.pop() {
        args::check_live(&v)?;
        match &v {
            Value::Pair(p) if seen.insert(Rc::as_ptr(p) as *const () as usize) => {
                pending.push(p.car());
                pending.push(p.cdr());
            }
            Value::Vector(items) if seen.insert(Rc::as_ptr(items) as *const () as usize) => {
                pending.extend(items.items.borrow().iter().cloned());
            }
            Value::Record(r) if seen.insert(Rc::as_ptr(r) as *const () as usize) => {
                pending.extend(r.fields.borrow().iter().cloned());
            }
            // Every kind of procedure: closures, builtins, case-lambda,
            // parameters, record procedures and continuations.
            Value::Closure(_) | Value::Primitive(_) | Value::Special(_) => {
                return Err(Error::wrong_type(
                    "copy-to-arena",
                    "data (pairs, lists, vectors, strings, bytevectors, numbers, symbols...), not a procedure",
                    &v,
                ))
            }
            Value::Promise(_) | Value::HashTable(_) | Value::Arena(_) | Value::Values(_) => {
                return Err(Error::wrong_type(
                    "copy-to-arena",
                    "data (pairs, lists, vectors, strings, bytevectors, numbers, symbols...)",
                    &v,
                ))
            }
            _ => {}
        }
    }
    Ok(())
}

/// Deep copy into an arena without recursion: `shell` makes an empty copy of a
/// container (once per source object, so sharing and cycles are preserved) and
/// queues it; `fill` copies its fields.
struct Copier<'a> {
    interp: &'a mut Interp,
    tag: Rc<ArenaTag>,
    owner: Owner,
    copies: HashMap<usize, Value>,
    pending: Vec<(Value, Value)>,
}

impl Copier<'_> {
    fn charge(&mut self, bytes: usize) -> Result<()> {
        self.interp
            .arenas
            .registry
            .charge(self.tag.id, bytes)
            .map_err(|e| runtime_error("copy-to-arena", &self.tag, e))?;
        self.interp.arenas.bytes_allocated += bytes as u64;
        Ok(())
    }

    fn register(&self, object: std::rc::Weak<dyn ArenaObject>) {
        self.tag.objects.borrow_mut().push(object);
    }

    fn shell(&mut self, value: &Value) -> Result<Value> {
        args::check_live(value)?;
        let key = match value {
            Value::Pair(p) => Rc::as_ptr(p) as *const () as usize,
            Value::Vector(v) => Rc::as_ptr(v) as *const () as usize,
            Value::Str(s) => Rc::as_ptr(s) as *const () as usize,
            Value::Bytevector(b) => Rc::as_ptr(b) as *const () as usize,
            Value::Record(r) => Rc::as_ptr(r) as *const () as usize,
            // Immediates are shared; everything else was refused by
            // `check_copyable`.
            _ => return Ok(value.clone()),
        };
        if let Some(copy) = self.copies.get(&key) {
            return Ok(copy.clone());
        }
        let copy = match value {
            Value::Pair(_) => {
                self.charge(PAIR_BYTES)?;
                let pair = Rc::new(Pair::in_arena(Value::Null, Value::Null, self.owner.clone()));
                let weak: std::rc::Weak<dyn ArenaObject> = Rc::downgrade(&pair) as _;
                self.register(weak);
                Value::Pair(pair)
            }
            Value::Vector(v) => {
                let len = v.items.borrow().len();
                self.charge(WORD_BYTES.saturating_mul(len.saturating_add(1)))?;
                let vector = Rc::new(Vector {
                    items: std::cell::RefCell::new(Vec::new()),
                    owner: Some(self.owner.clone()),
                });
                let weak: std::rc::Weak<dyn ArenaObject> = Rc::downgrade(&vector) as _;
                self.register(weak);
                Value::Vector(vector)
            }
            Value::Record(r) => {
                let count = r.fields.borrow().len();
                self.charge(WORD_BYTES.saturating_mul(count.saturating_add(1)))?;
                let record = Rc::new(Record {
                    rtype: r.rtype.clone(),
                    fields: std::cell::RefCell::new(Vec::new()),
                    owner: Some(self.owner.clone()),
                });
                let weak: std::rc::Weak<dyn ArenaObject> = Rc::downgrade(&record) as _;
                self.register(weak);
                Value::Record(record)
            }
            Value::Str(s) => {
                let chars = s.chars.borrow().clone();
                let bytes: usize = chars.iter().map(|c| c.len_utf8()).sum();
                self.charge(bytes.max(1))?;
                let string = Rc::new(SString {
                    chars: std::cell::RefCell::new(chars),
                    owner: Some(self.owner.clone()),
                });
                let weak: std::rc::Weak<dyn ArenaObject> = Rc::downgrade(&string) as _;
                self.register(weak);
                Value::Str(string)
            }
            Value::Bytevector(b) => {
                let bytes = crate::builtins::bytevectors::with_bytes(self.interp, b, |bytes| {
                    bytes.to_vec()
                })?;
                let allocation = self
                    .interp
                    .arenas
                    .registry
                    .alloc(self.tag.id, bytes.len())
                    .map_err(|e| runtime_error("copy-to-arena", &self.tag, e))?;
                self.interp
                    .arenas
                    .registry
                    .bytes_mut(&allocation)
                    .map_err(|e| runtime_error("copy-to-arena", &self.tag, e))?
                    .copy_from_slice(&bytes);
                Value::Bytevector(Rc::new(Bytevector {
                    storage: ByteStorage::Arena(allocation),
                    owner: Some(self.owner.clone()),
                }))
            }
            _ => return Ok(value.clone()),
        };
        self.copies.insert(key, copy.clone());
        if matches!(value, Value::Pair(_) | Value::Vector(_) | Value::Record(_)) {
            self.pending.push((value.clone(), copy.clone()));
        }
        Ok(copy)
    }

    fn fill(&mut self, source: &Value, copy: &Value) -> Result<()> {
        match (source, copy) {
            (Value::Pair(from), Value::Pair(to)) => {
                let car = self.shell(&from.car())?;
                let cdr = self.shell(&from.cdr())?;
                to.set_car(car);
                to.set_cdr(cdr);
            }
            (Value::Vector(from), Value::Vector(to)) => {
                let items: Vec<Value> = from.items.borrow().clone();
                let mut copied = Vec::new();
                copied
                    .try_reserve_exact(items.len())
                    .map_err(|_| Error::new(ErrorKind::Memory, "copy-to-arena: out of memory"))?;
                for item in &items {
                    copied.push(self.shell(item)?);
                }
                if copied.iter().any(Value::is_container) {
                    crate::gc::note_mutation(copy.clone());
                }
                *to.items.borrow_mut() = copied;
            }
            (Value::Record(from), Value::Record(to)) => {
                let fields: Vec<Value> = from.fields.borrow().clone();
                let mut copied = Vec::with_capacity(fields.len());
                for field in &fields {
                    copied.push(self.shell(field)?);
                }
                if copied.iter().any(Value::is_container) {
                    crate::gc::note_mutation(copy.clone());
                }
                *to.fields.borrow_mut() = copied;
            }
            _ => {}
        }
        Ok(())
    }
}
