//! Converting between read data and Scheme values: data become values for
//! `quote`, `read` and `case`, and values become data again for `eval`.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::diagnostics::{Error, ErrorKind, Result};
use crate::numeric;
use crate::syntax::{Datum, DatumKind, NumberLiteral, Span, MAX_NESTING};
use crate::value::{Pair, Value, Vector};

/// The value a datum denotes when quoted. Datum labels (`#0=`, `#0#`) build
/// shared and cyclic structure; a reference to a label not defined earlier in
/// the datum, or a label that stands for itself (`#0=#0#`), is an error.
pub fn datum_to_value(datum: &Datum) -> Result<Value> {
    let mut labels = HashMap::new();
    build(datum, &mut labels)
}

/// The values of the labels defined so far in one datum.
type Labels = HashMap<u64, Value>;

fn build(datum: &Datum, labels: &mut Labels) -> Result<Value> {
    crate::native_stack::deeper(|| {
        Ok(match &datum.kind {
            DatumKind::Bool(b) => Value::Bool(*b),
            DatumKind::Number(n) => numeric::from_literal(n),
            DatumKind::Char(c) => Value::Char(*c),
            DatumKind::String(s) => Value::string(s),
            DatumKind::Symbol(s) => Value::symbol(s),
            DatumKind::List(items) => Value::list(build_all(items, labels)?),
            DatumKind::DottedList(items, tail) => {
                let items = build_all(items, labels)?;
                Value::list_with_tail(items, build(tail, labels)?)
            }
            DatumKind::Vector(items) => Value::vector(build_all(items, labels)?),
            DatumKind::Bytevector(bytes) => Value::bytevector(bytes.clone()),
            DatumKind::Label(n, inner) => build_labelled(*n, inner, datum.span, labels)?,
            DatumKind::LabelRef(n) => labels.get(n).cloned().ok_or_else(|| {
                Error::new(ErrorKind::Syntax, format!("undefined datum label `#{n}#`"))
                    .at(datum.span)
            })?,
        })
    })
}

fn build_all(items: &[Datum], labels: &mut Labels) -> Result<Vec<Value>> {
    items.iter().map(|item| build(item, labels)).collect()
}

/// `#n=inner`: registers the value under construction before building its
/// parts, so references inside it resolve to the same object.
fn build_labelled(n: u64, inner: &Datum, span: Span, labels: &mut Labels) -> Result<Value> {
    let mut names = vec![n];
    let mut target = inner;
    while let DatumKind::Label(m, next) = &target.kind {
        names.push(*m);
        target = next;
    }
    let register = |labels: &mut Labels, value: &Value| {
        for name in &names {
            labels.insert(*name, value.clone());
        }
    };
    match &target.kind {
        DatumKind::List(items) if !items.is_empty() => {
            let (shell, pair) = pair_shell();
            register(labels, &shell);
            let car = build(&items[0], labels)?;
            let rest = Value::list(build_all(&items[1..], labels)?);
            pair.set_car(car);
            pair.set_cdr(rest);
            Ok(shell)
        }
        DatumKind::DottedList(items, tail) if !items.is_empty() => {
            let (shell, pair) = pair_shell();
            register(labels, &shell);
            let car = build(&items[0], labels)?;
            let rest = build_all(&items[1..], labels)?;
            let rest = Value::list_with_tail(rest, build(tail, labels)?);
            pair.set_car(car);
            pair.set_cdr(rest);
            Ok(shell)
        }
        DatumKind::Vector(items) => {
            let vector = Rc::new(Vector::new(vec![Value::Unspecified; items.len()]));
            let shell = Value::Vector(vector.clone());
            register(labels, &shell);
            for (i, item) in items.iter().enumerate() {
                let value = build(item, labels)?;
                vector.set(i, value);
            }
            Ok(shell)
        }
        DatumKind::LabelRef(m) if names.contains(m) => Err(Error::new(
            ErrorKind::Syntax,
            format!("datum label `#{m}#` refers to itself"),
        )
        .at(span)),
        _ => {
            let value = build(target, labels)?;
            register(labels, &value);
            Ok(value)
        }
    }
}

/// A fresh pair to be filled in, as a value and as the pair itself.
fn pair_shell() -> (Value, Rc<Pair>) {
    let pair = Rc::new(Pair::new(Value::Unspecified, Value::Null));
    (Value::Pair(pair.clone()), pair)
}

/// The datum a value stands for as code (`eval`): lists, vectors, symbols and
/// self-evaluating data. Values with no written form (procedures, ports...)
/// become quoted constants can't be expressed, so they are refused.
pub fn value_to_datum(value: &Value, span: Span) -> Result<Datum> {
    to_datum(value, span, &mut HashSet::new(), 0)
}

/// [`value_to_datum`], with the pairs and vectors being converted (whose
/// reappearance means a cycle) in `open`, `depth` levels inside the whole.
fn to_datum(value: &Value, span: Span, open: &mut HashSet<usize>, depth: usize) -> Result<Datum> {
    if depth > MAX_NESTING {
        return Err(Error::nested_too_deeply(span, None));
    }
    crate::native_stack::deeper(|| {
        let kind = match value {
            Value::Bool(b) => DatumKind::Bool(*b),
            Value::Int(n) => DatumKind::Number(NumberLiteral::Fixnum(*n)),
            Value::Float(x) => DatumKind::Number(NumberLiteral::Real(*x)),
            Value::Big(b) => DatumKind::Number(NumberLiteral::Bignum((**b).clone())),
            Value::Rat(r) => DatumKind::Number(NumberLiteral::Rational((**r).clone())),
            Value::Char(c) => DatumKind::Char(*c),
            Value::Str(s) => DatumKind::String(s.to_string()),
            Value::Symbol(s) => DatumKind::Symbol(s.name().to_string()),
            Value::Null => DatumKind::List(Vec::new()),
            Value::Pair(_) => {
                crate::value::args::check_live(value)?;
                let mut items = Vec::new();
                let mut chain = Vec::new();
                let mut cur = value.clone();
                let result = loop {
                    let Value::Pair(p) = &cur else {
                        break Ok(());
                    };
                    crate::value::args::check_live(&cur)?;
                    let key = Rc::as_ptr(p) as usize;
                    if !open.insert(key) {
                        break Err(circular(value));
                    }
                    chain.push(key);
                    match to_datum(&p.car(), span, open, depth + 1) {
                        Ok(item) => items.push(item),
                        Err(e) => break Err(e),
                    }
                    let next = p.cdr();
                    cur = next;
                };
                let tail = result.and_then(|()| match cur {
                    Value::Null => Ok(None),
                    tail => to_datum(&tail, span, open, depth + 1).map(Some),
                });
                for key in chain {
                    open.remove(&key);
                }
                match tail? {
                    None => DatumKind::List(items),
                    Some(tail) => DatumKind::DottedList(items, Box::new(tail)),
                }
            }
            Value::Vector(v) => {
                let key = Rc::as_ptr(v) as usize;
                if !open.insert(key) {
                    return Err(circular(value));
                }
                let items: Result<Vec<Datum>> = v
                    .items
                    .borrow()
                    .iter()
                    .map(|item| to_datum(item, span, open, depth + 1))
                    .collect();
                open.remove(&key);
                DatumKind::Vector(items?)
            }
            Value::Bytevector(b) => match &b.storage {
                crate::value::ByteStorage::Heap(bytes) => {
                    DatumKind::Bytevector(bytes.borrow().clone())
                }
                crate::value::ByteStorage::Arena(_) => {
                    return Err(Error::wrong_type(
                        "eval",
                        "code (an arena bytevector is data only)",
                        value,
                    ))
                }
            },
            other => return Err(Error::wrong_type("eval", "code (a datum)", other)),
        };
        Ok(Datum::new(kind, span))
    })
}

/// The error for code that contains itself.
fn circular(value: &Value) -> Error {
    Error::wrong_type("eval", "code (a datum without cycles)", value)
}
