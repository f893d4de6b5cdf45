//! Randomized arena sequences checked against a simple model: interleaved
//! create / alloc / copy / reset / destroy / access / stats, run through the
//! Scheme surface. Every access to a dead value errors with the right kind,
//! every live value reads back what was written, and `arena-stats` agrees with
//! the model's bump-allocator arithmetic.

use eshkol::{ErrorKind, Interp};
use proptest::prelude::*;

const SLOTS: usize = 5;

#[derive(Clone, Debug)]
enum Op {
    Create {
        slot: usize,
        size: usize,
        limit: Option<usize>,
    },
    Alloc {
        slot: usize,
        n: usize,
        seed: u8,
    },
    Copy {
        slot: usize,
        ints: Vec<i64>,
    },
    Reset {
        slot: usize,
    },
    Destroy {
        slot: usize,
    },
    Access {
        value: usize,
    },
    Stats {
        slot: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let slot = 0..SLOTS;
    prop_oneof![
        (slot.clone(), 1..200usize, proptest::option::of(0..400usize))
            .prop_map(|(slot, size, limit)| Op::Create { slot, size, limit }),
        (slot.clone(), 0..120usize, any::<u8>()).prop_map(|(slot, n, seed)| Op::Alloc {
            slot,
            n,
            seed
        }),
        (
            slot.clone(),
            proptest::collection::vec(-1000..1000i64, 0..6)
        )
            .prop_map(|(slot, ints)| Op::Copy { slot, ints }),
        slot.clone().prop_map(|slot| Op::Reset { slot }),
        slot.clone().prop_map(|slot| Op::Destroy { slot }),
        (0..64usize).prop_map(|value| Op::Access { value }),
        (0..64usize).prop_map(|value| Op::Access { value }),
        slot.prop_map(|slot| Op::Stats { slot }),
    ]
}

/// One arena as the model sees it: blocks as (capacity, used).
#[derive(Clone)]
struct ModelArena {
    blocks: Vec<(usize, usize)>,
    used: usize,
    allocations: usize,
    limit: Option<usize>,
    epoch: u32,
    alive: bool,
}

impl ModelArena {
    fn new(size: usize, limit: Option<usize>) -> ModelArena {
        ModelArena {
            blocks: vec![(size.max(8), 0)],
            used: 0,
            allocations: 0,
            limit,
            epoch: 0,
            alive: true,
        }
    }

    /// The bump allocator's rule; `false` when the limit refuses.
    fn alloc(&mut self, n: usize) -> bool {
        if n == 0 {
            self.allocations += 1;
            return true;
        }
        let (capacity, pos) = *self.blocks.last().expect("a block");
        let start = (pos + 7) & !7;
        let end = start + n;
        let needed = if end <= capacity { end - pos } else { n };
        if let Some(limit) = self.limit {
            if self.used + needed > limit {
                return false;
            }
        }
        if end <= capacity {
            self.blocks.last_mut().expect("a block").1 = end;
        } else {
            let rounded = (n + 7) & !7;
            let doubled = capacity * 2;
            self.blocks
                .push((if doubled > rounded { doubled } else { rounded }, n));
        }
        self.used += needed;
        self.allocations += 1;
        true
    }

    fn reset(&mut self) {
        self.blocks.truncate(1);
        self.blocks[0].1 = 0;
        self.used = 0;
        self.allocations = 0;
        self.epoch += 1;
    }
}

enum Contents {
    Bytes(Vec<u8>),
    List(Vec<i64>),
}

struct ModelValue {
    name: String,
    arena: usize,
    epoch: u32,
    contents: Contents,
}

struct Model {
    arenas: Vec<ModelArena>,
    slots: [Option<usize>; SLOTS],
    values: Vec<ModelValue>,
}

impl Model {
    /// The error kind a use of arena `index` (or of a value from `epoch`) gets.
    fn dead(&self, index: usize, epoch: Option<u32>) -> Option<ErrorKind> {
        let arena = &self.arenas[index];
        if !arena.alive {
            Some(ErrorKind::ArenaDestroyed)
        } else if epoch.is_some_and(|e| e != arena.epoch) {
            Some(ErrorKind::ArenaReset)
        } else {
            None
        }
    }
}

fn written(list: &[i64]) -> String {
    let items: Vec<String> = list.iter().map(|n| n.to_string()).collect();
    format!("({})", items.join(" "))
}

/// Runs `code`, returning what it wrote or the error's kind.
fn run(interp: &mut Interp, code: &str) -> Result<String, ErrorKind> {
    interp.take_output();
    match interp.eval_str("op", code) {
        Ok(_) => Ok(interp.take_output()),
        Err(error) => Err(error.kind()),
    }
}

fn check(ops: &[Op]) -> Result<(), TestCaseError> {
    let mut interp = Interp::new_captured();
    let mut model = Model {
        arenas: Vec::new(),
        slots: [None; SLOTS],
        values: Vec::new(),
    };
    for (step, op) in ops.iter().enumerate() {
        let name = format!("v{step}");
        match op {
            Op::Create { slot, size, limit } => {
                let limit_text = limit.map(|l| format!(" {l}")).unwrap_or_default();
                let code = format!("(define a{slot} (make-arena {size}{limit_text}))");
                prop_assert_eq!(run(&mut interp, &code), Ok(String::new()), "{}", code);
                model.arenas.push(ModelArena::new(*size, *limit));
                model.slots[*slot] = Some(model.arenas.len() - 1);
            }
            Op::Alloc { slot, n, seed } => {
                let Some(index) = model.slots[*slot] else {
                    continue;
                };
                let bytes: Vec<u8> = (0..*n)
                    .map(|i| seed.wrapping_add((i as u8).wrapping_mul(7)))
                    .collect();
                let code = format!(
                    "(define {name} (arena-alloc a{slot} {n}))
                     (do ((i 0 (+ i 1))) ((= i {n}))
                       (bytevector-u8-set! {name} i (modulo (+ {seed} (* i 7)) 256)))"
                );
                let expected = match model.dead(index, None) {
                    Some(kind) => Err(kind),
                    None if model.arenas[index].alloc(*n) => {
                        model.values.push(ModelValue {
                            name: name.clone(),
                            arena: index,
                            epoch: model.arenas[index].epoch,
                            contents: Contents::Bytes(bytes),
                        });
                        Ok(String::new())
                    }
                    None => Err(ErrorKind::ArenaLimit),
                };
                prop_assert_eq!(run(&mut interp, &code), expected, "{}", code);
            }
            Op::Copy { slot, ints } => {
                let Some(index) = model.slots[*slot] else {
                    continue;
                };
                let code = format!("(define {name} (copy-to-arena '{} a{slot}))", written(ints));
                // A copy that hits the limit takes back what it allocated.
                let before = model.arenas[index].clone();
                let expected = match model.dead(index, None) {
                    Some(kind) => Err(kind),
                    None if ints.iter().all(|_| model.arenas[index].alloc(16)) => {
                        model.values.push(ModelValue {
                            name: name.clone(),
                            arena: index,
                            epoch: model.arenas[index].epoch,
                            contents: Contents::List(ints.clone()),
                        });
                        Ok(String::new())
                    }
                    None => {
                        model.arenas[index] = before;
                        Err(ErrorKind::ArenaLimit)
                    }
                };
                prop_assert_eq!(run(&mut interp, &code), expected, "{}", code);
            }
            Op::Reset { slot } => {
                let Some(index) = model.slots[*slot] else {
                    continue;
                };
                let code = format!("(arena-reset! a{slot})");
                let expected = match model.dead(index, None) {
                    Some(kind) => Err(kind),
                    None => {
                        model.arenas[index].reset();
                        Ok(String::new())
                    }
                };
                prop_assert_eq!(run(&mut interp, &code), expected, "{}", code);
            }
            Op::Destroy { slot } => {
                let Some(index) = model.slots[*slot] else {
                    continue;
                };
                let code = format!("(destroy-arena a{slot})");
                let expected = match model.dead(index, None) {
                    Some(kind) => Err(kind),
                    None => {
                        model.arenas[index].alive = false;
                        Ok(String::new())
                    }
                };
                prop_assert_eq!(run(&mut interp, &code), expected, "{}", code);
            }
            Op::Access { value } => {
                if model.values.is_empty() {
                    continue;
                }
                let v = &model.values[value % model.values.len()];
                let (code, live) = match &v.contents {
                    Contents::Bytes(bytes) => (
                        format!("(write (bytevector-copy {}))", v.name),
                        format!(
                            "#u8{}",
                            written(&bytes.iter().map(|&b| i64::from(b)).collect::<Vec<_>>())
                        ),
                    ),
                    Contents::List(ints) => (format!("(write {})", v.name), written(ints)),
                };
                let owned = match &v.contents {
                    Contents::Bytes(_) => true,
                    Contents::List(ints) => !ints.is_empty(),
                };
                let expected = match model.dead(v.arena, Some(v.epoch)) {
                    Some(kind) if owned => Err(kind),
                    _ => Ok(live),
                };
                prop_assert_eq!(run(&mut interp, &code), expected, "{}", code);
            }
            Op::Stats { slot } => {
                let Some(index) = model.slots[*slot] else {
                    continue;
                };
                let code = format!(
                    "(let ((s (arena-stats a{slot})))
                       (write (map (lambda (k) (cdr (assq k s))) '(used allocations blocks))))"
                );
                let arena = &model.arenas[index];
                let expected = match model.dead(index, None) {
                    Some(kind) => Err(kind),
                    None => Ok(format!(
                        "({} {} {})",
                        arena.used,
                        arena.allocations,
                        arena.blocks.len()
                    )),
                };
                prop_assert_eq!(run(&mut interp, &code), expected, "{}", code);
            }
        }
    }
    Ok(())
}

/// 64 cases unless `PROPTEST_CASES` asks for more.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arenas_follow_the_model(ops in proptest::collection::vec(op(), 1..60)) {
        check(&ops)?;
    }
}
