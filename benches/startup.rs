//! Start-up: a new interpreter running a program that imports the
//! libraries most R7RS programs begin with. What a user waits for before the
//! first line of a script runs (the binary adds only process start).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use eshkol::Interp;

/// A program that imports nothing, and one that imports like a portable one.
const PROGRAMS: &[(&str, &str)] = &[
    ("no-import", "(define x 1)"),
    (
        "import-scheme-base",
        "(import (scheme base) (scheme write)) (define x 1)",
    ),
];

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    for (name, program) in PROGRAMS {
        group.bench_function(*name, |b| {
            b.iter(|| {
                let mut interp = Interp::new_captured();
                let source = interp.sources.add("program.scm", program);
                black_box(interp.run_program(source).expect("program runs"));
            })
        });
    }
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
