//! The record behind `--arena-profile`: each arena's used and reserved
//! bytes after every arena operation of the program, with the moments its
//! blocks were added and it was destroyed. [`crate::arena_picture`] draws it.
//!
//! The x axis is the count of arena operations (creations, allocations,
//! copies, resets, destroys) across all arenas, so a run always gives the
//! same picture, whatever the machine's speed.

use std::collections::HashMap;

use crate::interp::Interp;
use crate::syntax::Span;
use crate::value::ArenaTag;
use eshkol_arena::{ArenaId, ArenaStats};

/// What happened to an arena at a point of its history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArenaEvent {
    /// `make-arena`, or the start of a `with-arena`.
    Created,
    /// An allocation, or a copy into the arena.
    Allocated,
    /// `arena-reset!`: its bytes are handed back, its first block kept.
    Reset,
    /// `destroy-arena`, or the end of a `with-arena`.
    Destroyed,
}

/// An arena's accounting just after one operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfilePoint {
    /// The operation's number, counted over all arenas from 1.
    pub at: u64,
    /// Bytes handed out (see [`ArenaStats::used`]).
    pub used: usize,
    /// Bytes held in blocks (see [`ArenaStats::reserved`]).
    pub reserved: usize,
}

/// One arena's history.
#[derive(Debug)]
pub struct ArenaSeries {
    /// The arena's number as the REPL and the errors show it (`#3`).
    pub number: u32,
    /// Where `make-arena` (or `with-arena`) was called.
    pub site: Span,
    /// Its accounting after each of its operations, in order.
    pub points: Vec<ProfilePoint>,
    /// The operations that added a block.
    pub blocks_added: Vec<u64>,
    /// The operation that destroyed it, if the program did.
    pub destroyed: Option<u64>,
    /// Its block count after its last operation, to see blocks added.
    blocks: usize,
}

/// Every arena the program made, in order of creation.
#[derive(Debug, Default)]
pub struct ArenaProfile {
    operations: u64,
    /// One per arena made, in order of creation.
    pub series: Vec<ArenaSeries>,
    /// Series of the arenas still alive, by handle.
    live: HashMap<ArenaId, usize>,
}

impl ArenaProfile {
    /// How many arena operations the program made.
    pub fn operations(&self) -> u64 {
        self.operations
    }

    /// Adds the point after `event` on the arena `tag`, whose accounting is
    /// now `stats` (what it held when destroyed, for `Destroyed`).
    pub fn record(&mut self, tag: &ArenaTag, stats: &ArenaStats, event: ArenaEvent) {
        self.operations += 1;
        let at = self.operations;
        let index = match self.live.get(&tag.id) {
            Some(&index) if event != ArenaEvent::Created => index,
            _ => {
                self.series.push(ArenaSeries {
                    number: tag.id.slot,
                    site: tag.created,
                    points: Vec::new(),
                    blocks_added: Vec::new(),
                    destroyed: None,
                    blocks: stats.blocks,
                });
                self.live.insert(tag.id, self.series.len() - 1);
                self.series.len() - 1
            }
        };
        let series = &mut self.series[index];
        if event == ArenaEvent::Destroyed {
            series.destroyed = Some(at);
            series.points.push(ProfilePoint {
                at,
                used: 0,
                reserved: 0,
            });
            self.live.remove(&tag.id);
            return;
        }
        if stats.blocks > series.blocks {
            series.blocks_added.push(at);
        }
        series.blocks = stats.blocks;
        series.points.push(ProfilePoint {
            at,
            used: stats.used,
            reserved: stats.reserved,
        });
    }
}

impl Interp {
    /// Records `event` on arena `tag` when the program runs under
    /// `--arena-profile`; otherwise costs one test.
    #[inline]
    pub(crate) fn note_arena(&mut self, tag: &ArenaTag, event: ArenaEvent) {
        if self.arenas.profile.is_some() {
            self.record_arena(tag, event, None);
        }
    }

    /// [`Interp::note_arena`] for a destroy, with the arena's last
    /// accounting (the registry no longer has it).
    #[inline]
    pub(crate) fn note_arena_destroyed(&mut self, tag: &ArenaTag, last: ArenaStats) {
        if self.arenas.profile.is_some() {
            self.record_arena(tag, ArenaEvent::Destroyed, Some(last));
        }
    }

    #[cold]
    fn record_arena(&mut self, tag: &ArenaTag, event: ArenaEvent, last: Option<ArenaStats>) {
        let Some(stats) = last.or_else(|| self.arenas.registry.stats(tag.id).ok()) else {
            return;
        };
        if let Some(profile) = &mut self.arenas.profile {
            profile.record(tag, &stats, event);
        }
    }
}
