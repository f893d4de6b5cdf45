//! Raw allocation speed of the arena runtime against bumpalo and the global
//! allocator: one million 100-byte zeroed allocations, then everything freed.

use std::hint::black_box;

use bumpalo::Bump;
use criterion::{criterion_group, criterion_main, Criterion};
use eshkol_arena::Arena;

/// Allocations per iteration, as in the seed's arena-vs-GC benchmark.
const COUNT: usize = 1_000_000;
/// Bytes per allocation.
const SIZE: usize = 100;
/// First block size of the arenas, as in the seed's example.
const FIRST_BLOCK: usize = 1024;

fn allocation(c: &mut Criterion) {
    let mut group = c.benchmark_group("1M x 100 bytes");
    group.sample_size(20);

    group.bench_function("eshkol Arena", |b| {
        b.iter(|| {
            let mut arena = Arena::new(FIRST_BLOCK, None).unwrap();
            for _ in 0..COUNT {
                black_box(arena.alloc(black_box(SIZE)).unwrap());
            }
            drop(black_box(arena));
        })
    });

    group.bench_function("bumpalo Bump", |b| {
        b.iter(|| {
            let bump = Bump::with_capacity(FIRST_BLOCK);
            for _ in 0..COUNT {
                black_box(bump.alloc_slice_fill_copy(black_box(SIZE), 0u8));
            }
            drop(black_box(bump));
        })
    });

    group.bench_function("Vec per allocation", |b| {
        b.iter(|| {
            let mut all = Vec::with_capacity(COUNT);
            for _ in 0..COUNT {
                all.push(black_box(vec![0u8; black_box(SIZE)]));
            }
            drop(black_box(all));
        })
    });

    group.finish();
}

criterion_group!(benches, allocation);
criterion_main!(benches);
