//! Unit tests of the printer: every kind of value, cycles and sharing, arena
//! values, and the lossy form's limits.

use std::cell::RefCell;

use super::*;
use crate::value::{ArenaTag, HashKind, HashTable, Owner, Pair, Promise, PromiseState, SString};

fn d(v: &Value) -> String {
    display_string(&Arenas::new(), v).unwrap()
}

fn w(v: &Value) -> String {
    write_string(&Arenas::new(), v).unwrap()
}

fn ints(items: &[i64]) -> Value {
    Value::list(items.iter().map(|&n| Value::Int(n)).collect())
}

#[test]
fn atoms() {
    assert_eq!(w(&Value::Null), "()");
    assert_eq!(w(&Value::Bool(true)), "#t");
    assert_eq!(w(&Value::Bool(false)), "#f");
    assert_eq!(w(&Value::Int(-42)), "-42");
    assert_eq!(w(&Value::Eof), "#<eof>");
    assert_eq!(w(&Value::Unspecified), "#<unspecified>");
    assert_eq!(w(&Value::Undefined), "#<undefined>");
    assert_eq!(
        w(&Value::Boxed(Rc::new(crate::value::VarBox::new(
            Value::Null
        )))),
        "#<box>"
    );
    let values = Value::Values(Rc::new(vec![
        Value::Int(1),
        Value::string("a"),
        Value::Null,
    ]));
    assert_eq!(w(&values), "1 \"a\" ()");
    assert_eq!(d(&values), "1 a ()");
}

#[test]
fn chars() {
    assert_eq!(d(&Value::Char('a')), "a");
    assert_eq!(w(&Value::Char('a')), "#\\a");
    assert_eq!(w(&Value::Char(' ')), "#\\space");
    assert_eq!(w(&Value::Char('\n')), "#\\newline");
    assert_eq!(w(&Value::Char('\t')), "#\\tab");
    assert_eq!(w(&Value::Char('\0')), "#\\null");
    assert_eq!(w(&Value::Char('\x7f')), "#\\delete");
    assert_eq!(w(&Value::Char('\x07')), "#\\alarm");
    assert_eq!(w(&Value::Char('\x08')), "#\\backspace");
    assert_eq!(w(&Value::Char('\x1b')), "#\\escape");
    assert_eq!(w(&Value::Char('\r')), "#\\return");
    assert_eq!(w(&Value::Char('\x01')), "#\\x1");
    assert_eq!(w(&Value::Char('λ')), "#\\λ");
    assert_eq!(w(&Value::Char('(')), "#\\(");
}

#[test]
fn strings() {
    let s = Value::string("a\"b\\c\nd\te\rf\x01g\x7fλ");
    assert_eq!(d(&s), "a\"b\\c\nd\te\rf\x01g\x7fλ");
    assert_eq!(w(&s), "\"a\\\"b\\\\c\\nd\\te\\rf\\x1;g\\x7f;λ\"");
    assert_eq!(w(&Value::string("")), "\"\"");
}

#[test]
fn symbols() {
    assert_eq!(w(&Value::symbol("abc")), "abc");
    assert_eq!(w(&Value::symbol("+")), "+");
    assert_eq!(w(&Value::symbol("...")), "...");
    assert_eq!(w(&Value::symbol("")), "||");
    assert_eq!(w(&Value::symbol("a b")), "|a b|");
    assert_eq!(w(&Value::symbol("a|b")), "|a\\|b|");
    assert_eq!(w(&Value::symbol("(x)")), "|(x)|");
    assert_eq!(w(&Value::symbol("x;y")), "|x;y|");
    assert_eq!(w(&Value::symbol("\"")), "|\"|");
    assert_eq!(d(&Value::symbol("a b")), "a b");
    assert_eq!(d(&Value::symbol("")), "");
}

#[test]
fn lists_and_vectors() {
    assert_eq!(w(&ints(&[1, 2, 3])), "(1 2 3)");
    assert_eq!(w(&Value::cons(Value::Int(1), Value::Int(2))), "(1 . 2)");
    assert_eq!(
        w(&Value::list_with_tail(
            vec![Value::Int(1), Value::Int(2)],
            Value::Int(3)
        )),
        "(1 2 . 3)"
    );
    let quoted = Value::list(vec![Value::symbol("quote"), Value::symbol("x")]);
    assert_eq!(w(&quoted), "(quote x)");
    let nested = Value::list(vec![ints(&[1]), Value::Null, ints(&[2, 3])]);
    assert_eq!(w(&nested), "((1) () (2 3))");
    let v = Value::vector(vec![Value::Int(1), Value::string("s"), Value::Char('c')]);
    assert_eq!(w(&v), "#(1 \"s\" #\\c)");
    assert_eq!(d(&v), "#(1 s c)");
    assert_eq!(w(&Value::vector(vec![])), "#()");
    assert_eq!(w(&Value::bytevector(vec![1, 2, 3])), "#u8(1 2 3)");
    assert_eq!(w(&Value::bytevector(vec![])), "#u8()");
    let mixed = Value::list(vec![
        Value::vector(vec![ints(&[1, 2])]),
        Value::string("a b"),
    ]);
    assert_eq!(d(&mixed), "(#((1 2)) a b)");
    assert_eq!(w(&mixed), "(#((1 2)) \"a b\")");
    let dotted_vec = Value::cons(Value::Int(1), Value::vector(vec![Value::Int(2)]));
    assert_eq!(w(&dotted_vec), "(1 . #(2))");
}

#[test]
fn objects() {
    let lambda = |name: Option<&str>| {
        let mut interp = crate::interp::Interp::new_captured();
        let source = match name {
            Some(name) => format!("(define ({name}) 1) {name}"),
            None => "(lambda () 1)".to_string(),
        };
        interp.eval_str("test", &source).unwrap()
    };
    assert_eq!(w(&lambda(Some("square"))), "#<procedure square>");
    assert_eq!(w(&lambda(None)), "#<procedure>");
    let car = crate::builtins::lists::pairs::PRIMITIVES
        .iter()
        .find(|p| p.name == "car")
        .unwrap();
    assert_eq!(w(&Value::Primitive(car)), "#<procedure car>");
    let promise = Value::Promise(Rc::new(Promise {
        state: RefCell::new(PromiseState::Forced(Value::Null)),
    }));
    assert_eq!(w(&promise), "#<promise>");
    let table = Rc::new(HashTable::new(HashKind::Equal));
    assert_eq!(w(&Value::HashTable(table.clone())), "#<hash-table 0>");
    table.map.borrow_mut().insert(
        crate::value::HashKey::Int(1),
        (Value::Int(1), Value::Int(2)),
    );
    assert_eq!(d(&Value::HashTable(table)), "#<hash-table 1>");
    assert_eq!(w(&Value::Arena(ArenaTag::for_tests(true))), "#<arena 3>");
    assert_eq!(
        d(&Value::Arena(ArenaTag::for_tests(false))),
        "#<arena 3> (destroyed)"
    );
}

#[test]
fn dead_arena_values() {
    let dead = ArenaTag::for_tests(false);
    let pair = Value::Pair(Rc::new(Pair::in_arena(
        Value::Int(1),
        Value::Null,
        Owner::current(&dead),
    )));
    let err = display_string(&Arenas::new(), &pair).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ArenaDestroyed);
    assert_eq!(write_string_lossy(&pair), "#<dead arena value>");
    // A heap list whose tail lives in a dead arena.
    let list = Value::cons(Value::Int(0), pair.clone());
    assert!(write_string(&Arenas::new(), &list).is_err());
    assert_eq!(write_string_lossy(&list), "(0 . #<dead arena value>)");
    let s = Value::Str(Rc::new(SString {
        chars: RefCell::new(vec!['a']),
        owner: Some(Owner::current(&dead)),
    }));
    assert!(display_string(&Arenas::new(), &Value::vector(vec![s.clone()])).is_err());
    assert_eq!(
        write_string_lossy(&Value::vector(vec![s])),
        "#(#<dead arena value>)"
    );
    let live = ArenaTag::for_tests(true);
    let ok = Value::Pair(Rc::new(Pair::in_arena(
        Value::Int(1),
        Value::Null,
        Owner::current(&live),
    )));
    assert_eq!(d(&ok), "(1)");
    let mut interp = crate::interp::Interp::new_captured();
    let bv = interp
        .eval_str(
            "t",
            "(define a (make-arena 64)) (define b (arena-alloc a 3)) (bytevector-u8-set! b 1 7) b",
        )
        .unwrap();
    assert_eq!(
        display_string(&interp.arenas.registry, &bv).unwrap(),
        "#u8(0 7 0)"
    );
    interp.eval_str("t", "(destroy-arena a)").unwrap();
    assert!(display_string(&interp.arenas.registry, &bv).is_err());
    assert_eq!(write_string_lossy(&bv), "#<dead arena value>");
}

#[test]
fn lossy_truncates() {
    let long: Vec<Value> = (0..1000).map(Value::Int).collect();
    let text = write_string_lossy(&Value::list(long));
    assert!(text.starts_with("(0 1 2 3"));
    assert!(text.ends_with("..."));
    assert!(text.len() <= LOSSY_LIMIT + 3);
    let s = Value::string(&"x".repeat(10_000));
    assert!(write_string_lossy(&s).len() <= LOSSY_LIMIT + 3);
    assert_eq!(write_string_lossy(&Value::Int(7)), "7");
}

#[test]
fn cycles_use_labels() {
    // #0=(1 . #0#)
    let p = Rc::new(Pair::new(Value::Int(1), Value::Null));
    p.set_cdr(Value::Pair(p.clone()));
    let v = Value::Pair(p.clone());
    assert_eq!(w(&v), "#0=(1 . #0#)");
    assert_eq!(d(&v), "#0=(1 . #0#)");
    assert_eq!(write_string_lossy(&v), "#0=(1 . #0#)");
    // (1 . #0=(2 3 . #0#))
    let l = ints(&[1, 2, 3]);
    let Value::Pair(first) = &l else {
        unreachable!()
    };
    let second = first.cdr();
    let Value::Pair(sp) = &second else {
        unreachable!()
    };
    let Value::Pair(third) = sp.cdr() else {
        unreachable!()
    };
    third.set_cdr(second.clone());
    assert_eq!(w(&l), "(1 . #0=(2 3 . #0#))");
    // A pair whose car is itself.
    let q = Rc::new(Pair::new(Value::Null, Value::Null));
    q.set_car(Value::Pair(q.clone()));
    assert_eq!(w(&Value::Pair(q.clone())), "#0=(#0#)");
    // A vector containing itself.
    let vec = Rc::new(Vector::new(vec![Value::Int(1), Value::Null]));
    vec.set(1, Value::Vector(vec.clone()));
    assert_eq!(w(&Value::Vector(vec.clone())), "#0=#(1 #0#)");
    // Shared but acyclic structure is printed plainly by write.
    let shared = ints(&[1]);
    let twice = Value::list(vec![shared.clone(), shared.clone()]);
    assert_eq!(w(&twice), "((1) (1))");
    assert_eq!(
        write_shared_string(&Arenas::new(), &twice).unwrap(),
        "(#0=(1) #0#)"
    );
    // A large cyclic list (past the plain-walk budget).
    let big = ints(&(0..10_000).collect::<Vec<_>>());
    let mut cur = big.clone();
    while let Value::Pair(p) = &cur {
        let next = p.cdr();
        if matches!(next, Value::Null) {
            p.set_cdr(big.clone());
            break;
        }
        cur = next;
    }
    let text = w(&big);
    assert!(text.starts_with("#0=(0 1 2"));
    assert!(text.ends_with("9999 . #0#)"));
    assert!(write_string_lossy(&big).ends_with("..."));
    // Break the cycles so the test does not leak.
    p.set_cdr(Value::Null);
    third.set_cdr(Value::Null);
    q.set_car(Value::Null);
    vec.set(1, Value::Null);
    if let Value::Pair(p) = &cur {
        p.set_cdr(Value::Null);
    }
}

#[test]
fn long_list() {
    let mut v = Value::Null;
    for i in (0..1_000_000).rev() {
        v = Value::cons(Value::Int(i), v);
    }
    let text = w(&v);
    assert!(text.starts_with("(0 1 2 "));
    assert!(text.ends_with(" 999999)"));
    assert!(write_string_lossy(&v).ends_with("..."));
}

#[test]
fn deep_list() {
    let depth = 100_000;
    let mut v = Value::Null;
    for _ in 0..depth {
        v = Value::cons(v, Value::Null);
    }
    let text = w(&v);
    assert_eq!(text.len(), 2 * depth + 2);
    assert!(text.starts_with("(((("));
    let mut vec = Value::Int(1);
    for _ in 0..depth {
        vec = Value::vector(vec![vec]);
    }
    let text = d(&vec);
    assert!(text.starts_with("#(#(#("));
    assert!(text.contains("#(#(1)))") && text.len() == 3 * depth + 1);
}
