//! The evaluator's hot paths, each as a small Scheme loop run through
//! `Interp::eval_str`: variable reference, procedure call, fixnum arithmetic,
//! and `cons`/`car`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use eshkol::Interp;

/// Iterations of each Scheme loop per measured call.
const N: u32 = 10_000;

/// The loops, defined once per interpreter.
const DEFINITIONS: &str = "
(define g 7)
(define (var-ref n)
  (let ((a 1) (b 2))
    (let loop ((i 0) (x 0))
      (if (= i n) x (loop (+ i 1) (begin a b g a b g a b g x))))))
(define (id x) x)
(define (call n)
  (let loop ((i 0))
    (if (= i n) i (begin (id i) (id i) (id i) (loop (+ i 1))))))
(define (arith n)
  (let loop ((i 0) (acc 0))
    (if (< i n) (loop (+ i 1) (- (+ acc (* i 3)) (* i 2))) acc)))
(define (cons-car n)
  (let loop ((i 0) (acc 0))
    (if (= i n) acc (loop (+ i 1) (+ acc (car (cons i (cons acc '()))))))))
";

fn hot_paths(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluator");
    for name in ["var-ref", "call", "arith", "cons-car"] {
        let mut interp = Interp::new_captured();
        interp
            .eval_str("definitions", DEFINITIONS)
            .expect("definitions evaluate");
        let call = format!("({name} {N})");
        group.bench_function(name, |b| {
            b.iter(|| {
                black_box(
                    interp
                        .eval_str("bench", black_box(&call))
                        .expect("loop runs"),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, hot_paths);
criterion_main!(benches);
