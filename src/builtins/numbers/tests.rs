//! Unit tests of the number builtins, each called by name through the builtin
//! tables as a program would; kept together because one test often exercises
//! several of the concern files.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_rational::BigRational;

use crate::diagnostics::{ErrorKind, Result};
use crate::interp::Interp;
use crate::numeric::{self, normalize_rat};
use crate::value::Value;

fn call(name: &str, args: &[Value]) -> Result<Value> {
    let mut interp = Interp::new_captured();
    let prim = crate::builtins::builtin(name).unwrap_or_else(|| panic!("no builtin {name}"));
    assert!(args.len() >= prim.min_args, "{name}: too few args");
    if let Some(max) = prim.max_args {
        assert!(args.len() <= max, "{name}: too many args");
    }
    (prim.func)(&mut interp, args)
}

fn show(v: &Value) -> String {
    match v {
        Value::Values(vs) => vs.iter().map(show).collect::<Vec<_>>().join(" "),
        Value::Bool(b) => if *b { "#t" } else { "#f" }.to_string(),
        Value::Str(s) => s.to_string(),
        v => numeric::format_number(v, 10),
    }
}

fn ok(name: &str, args: &[Value]) -> String {
    show(&call(name, args).unwrap_or_else(|e| panic!("{name}: {e:?}")))
}

fn err(name: &str, args: &[Value]) -> ErrorKind {
    match call(name, args) {
        Ok(v) => panic!("{name}: expected an error, got {}", show(&v)),
        Err(e) => e.kind(),
    }
}

fn i(n: i64) -> Value {
    Value::Int(n)
}

fn f(x: f64) -> Value {
    Value::Float(x)
}

fn q(n: i64, d: i64) -> Value {
    normalize_rat(BigRational::new(BigInt::from(n), BigInt::from(d)))
}

#[test]
fn arithmetic_variadics() {
    assert_eq!(ok("+", &[]), "0");
    assert_eq!(ok("*", &[]), "1");
    assert_eq!(ok("+", &[i(1), i(2), i(3)]), "6");
    assert_eq!(ok("-", &[i(5)]), "-5");
    assert_eq!(ok("-", &[f(0.0)]), "-0.0");
    assert_eq!(ok("-", &[i(10), i(1), i(2)]), "7");
    assert_eq!(ok("/", &[i(2)]), "1/2");
    assert_eq!(ok("/", &[i(12), i(2), i(3)]), "2");
    assert_eq!(ok("/", &[f(0.0)]), "+inf.0");
    assert_eq!(err("/", &[i(0)]), ErrorKind::DivisionByZero);
    assert_eq!(err("+", &[Value::symbol("a")]), ErrorKind::Type);
    let e = call("*", &[i(2), Value::Bool(true)]).unwrap_err();
    assert_eq!(e.message(), "*: expected a number, got #t");
}

#[test]
fn comparisons() {
    assert_eq!(ok("<", &[i(1), i(2), i(3)]), "#t");
    assert_eq!(ok("<", &[i(1), i(3), i(2)]), "#f");
    assert_eq!(ok("=", &[i(1), f(1.0), q(2, 2)]), "#t");
    assert_eq!(ok(">=", &[i(3), i(3), i(2)]), "#t");
    assert_eq!(ok("<", &[i(1)]), "#t");
    assert_eq!(ok("=", &[f(f64::NAN), f(f64::NAN)]), "#f");
    assert_eq!(err("<", &[i(2), i(1), Value::symbol("x")]), ErrorKind::Type);
}

#[test]
fn integer_division() {
    assert_eq!(ok("quotient", &[i(17), i(-5)]), "-3");
    assert_eq!(ok("remainder", &[i(17), i(-5)]), "2");
    assert_eq!(ok("modulo", &[i(17), i(-5)]), "-3");
    assert_eq!(ok("modulo", &[i(-7), i(2)]), "1");
    assert_eq!(ok("floor/", &[i(-7), i(2)]), "-4 1");
    assert_eq!(ok("truncate/", &[i(-7), i(2)]), "-3 -1");
    assert_eq!(ok("quotient", &[i(i64::MIN), i(-1)]), "9223372036854775808");
    assert_eq!(ok("modulo", &[f(-7.0), i(2)]), "1.0");
    assert_eq!(ok("quotient", &[f(7.0), f(2.0)]), "3.0");
    assert_eq!(err("quotient", &[i(1), i(0)]), ErrorKind::DivisionByZero);
    assert_eq!(err("modulo", &[f(1.5), i(1)]), ErrorKind::Type);
    let big = call("expt", &[i(10), i(30)]).unwrap();
    assert_eq!(ok("remainder", &[big.clone(), i(7)]), "1");
    assert_eq!(
        ok("quotient", &[big, i(1000)]),
        "1000000000000000000000000000"
    );
}

#[test]
fn expt_cases() {
    assert_eq!(ok("expt", &[i(2), i(10)]), "1024");
    assert_eq!(
        ok("expt", &[i(2), i(100)]),
        "1267650600228229401496703205376"
    );
    assert_eq!(ok("expt", &[i(2), i(-2)]), "1/4");
    assert_eq!(ok("expt", &[q(2, 3), i(3)]), "8/27");
    assert_eq!(ok("expt", &[i(0), i(0)]), "1");
    assert_eq!(ok("expt", &[i(0), i(5)]), "0");
    assert_eq!(ok("expt", &[f(2.0), i(3)]), "8.0");
    assert_eq!(ok("expt", &[i(2), f(0.5)]), "1.4142135623730951");
    assert_eq!(ok("expt", &[i(4), q(1, 2)]), "2.0");
    assert_eq!(ok("expt", &[i(-1), i(1_000_000_000_001)]), "-1");
    assert_eq!(err("expt", &[i(0), i(-1)]), ErrorKind::DivisionByZero);
    let huge = call("expt", &[i(2), i(40)]).unwrap();
    assert_eq!(err("expt", &[i(2), huge]), ErrorKind::Memory);
    assert_eq!(err("expt", &[i(-8), q(1, 3)]), ErrorKind::Range);
}

#[test]
fn rounding() {
    assert_eq!(ok("round", &[f(2.5)]), "2.0");
    assert_eq!(ok("round", &[f(3.5)]), "4.0");
    assert_eq!(ok("round", &[f(-2.5)]), "-2.0");
    assert_eq!(ok("round", &[q(7, 2)]), "4");
    assert_eq!(ok("round", &[q(5, 2)]), "2");
    assert_eq!(ok("round", &[q(-5, 2)]), "-2");
    assert_eq!(ok("round", &[q(7, 3)]), "2");
    assert_eq!(ok("floor", &[q(-7, 2)]), "-4");
    assert_eq!(ok("ceiling", &[q(-7, 2)]), "-3");
    assert_eq!(ok("truncate", &[q(-7, 2)]), "-3");
    assert_eq!(ok("floor", &[f(-3.5)]), "-4.0");
    assert_eq!(ok("round", &[i(7)]), "7");
}

#[test]
fn exactness_and_roots() {
    assert_eq!(ok("exact", &[f(0.5)]), "1/2");
    assert_eq!(ok("exact", &[f(3.0)]), "3");
    assert_eq!(err("exact", &[f(f64::INFINITY)]), ErrorKind::Range);
    assert_eq!(err("exact", &[f(f64::NAN)]), ErrorKind::Range);
    assert_eq!(ok("inexact", &[q(1, 4)]), "0.25");
    assert_eq!(ok("sqrt", &[i(16)]), "4");
    assert_eq!(ok("sqrt", &[q(1, 4)]), "1/2");
    assert_eq!(ok("sqrt", &[i(2)]), "1.4142135623730951");
    assert_eq!(ok("sqrt", &[f(16.0)]), "4.0");
    assert_eq!(err("sqrt", &[i(-4)]), ErrorKind::Range);
    assert_eq!(err("sqrt", &[f(-4.0)]), ErrorKind::Range);
    let big = call("expt", &[i(10), i(40)]).unwrap();
    assert_eq!(ok("sqrt", &[big]), "100000000000000000000");
    assert_eq!(ok("exact-integer-sqrt", &[i(17)]), "4 1");
    assert_eq!(err("exact-integer-sqrt", &[i(-1)]), ErrorKind::Type);
}

#[test]
fn min_max_gcd_lcm() {
    assert_eq!(ok("max", &[i(1), f(2.0)]), "2.0");
    assert_eq!(ok("max", &[i(3), f(2.0)]), "3.0");
    assert_eq!(ok("min", &[i(3), q(1, 2), i(7)]), "1/2");
    assert_eq!(ok("gcd", &[]), "0");
    assert_eq!(ok("gcd", &[i(32), i(-36)]), "4");
    assert_eq!(ok("gcd", &[i(i64::MIN), i(0)]), "9223372036854775808");
    assert_eq!(ok("lcm", &[i(32), i(-36)]), "288");
    assert_eq!(ok("lcm", &[]), "1");
    assert_eq!(ok("lcm", &[i(32), f(-36.0)]), "288.0");
    assert_eq!(ok("abs", &[i(i64::MIN)]), "9223372036854775808");
    assert_eq!(ok("abs", &[q(-1, 2)]), "1/2");
}

#[test]
fn predicates_and_strings() {
    assert_eq!(ok("integer?", &[f(2.0)]), "#t");
    assert_eq!(ok("integer?", &[Value::symbol("a")]), "#f");
    assert_eq!(ok("rational?", &[f(f64::INFINITY)]), "#f");
    assert_eq!(err("zero?", &[Value::symbol("a")]), ErrorKind::Type);
    assert_eq!(ok("zero?", &[f(-0.0)]), "#t");
    assert_eq!(ok("positive?", &[f(f64::NAN)]), "#f");
    assert_eq!(ok("odd?", &[f(3.0)]), "#t");
    assert_eq!(err("even?", &[f(1.5)]), ErrorKind::Type);
    assert_eq!(ok("number->string", &[i(255), i(16)]), "ff");
    assert_eq!(ok("number->string", &[f(1e21)]), "1.0e21");
    assert_eq!(err("number->string", &[i(255), i(7)]), ErrorKind::Range);
    assert_eq!(err("number->string", &[f(0.5), i(2)]), ErrorKind::Range);
    assert_eq!(ok("numerator", &[q(6, 4)]), "3");
    assert_eq!(ok("denominator", &[f(0.5)]), "2.0");
    assert_eq!(ok("log", &[i(1)]), "0.0");
    assert_eq!(ok("exp", &[i(0)]), "1.0");
    assert_eq!(ok("atan", &[i(1), i(1)]), "0.7853981633974483");
    let big = call("expt", &[i(10), i(400)]).unwrap();
    let l = call("log", &[big]).unwrap();
    assert!(matches!(l, Value::Float(x) if (x - 921.0340371976183).abs() < 1e-9));
}

#[test]
fn random_ranges() {
    for _ in 0..1000 {
        match call("random", &[i(10)]).unwrap() {
            Value::Int(n) => assert!((0..10).contains(&n)),
            _ => panic!("random: not an integer"),
        }
        match call("random", &[f(2.0)]).unwrap() {
            Value::Float(x) => assert!((0.0..2.0).contains(&x)),
            _ => panic!("random: not a flonum"),
        }
    }
    let big = call("expt", &[i(10), i(30)]).unwrap();
    let r = call("random", std::slice::from_ref(&big)).unwrap();
    assert_eq!(
        numeric::compare("<", &r, &big).unwrap(),
        Some(Ordering::Less)
    );
    assert_eq!(err("random", &[i(0)]), ErrorKind::Range);
}
