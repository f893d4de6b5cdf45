//! What the interpreter says about its live arenas: the end-of-script leak
//! warnings and the REPL's `:arenas` listing.

use crate::interp::Interp;
use crate::syntax::Span;
use crate::value::ArenaTag;
use eshkol_arena::ArenaStats;

impl Interp {
    /// The arenas still alive, as warnings (the "memory leak in arena" a
    /// script should not have): one line per creation site, the site holding
    /// the most bytes first, so a handler that forgets `destroy-arena` a
    /// thousand times gives one line, not a thousand.
    pub fn arena_leak_warnings(&self) -> Vec<String> {
        let mut sites: Vec<(Span, Vec<(&ArenaTag, ArenaStats)>)> = Vec::new();
        for (tag, stats) in self.live_arenas() {
            match sites.last_mut() {
                Some((site, group)) if *site == tag.created => group.push((tag, stats)),
                _ => sites.push((tag.created, vec![(tag, stats)])),
            }
        }
        let total = |group: &[(&ArenaTag, ArenaStats)], f: fn(&ArenaStats) -> usize| {
            group.iter().map(|(_, s)| f(s)).sum::<usize>()
        };
        sites.sort_by_key(|(_, group)| std::cmp::Reverse(total(group, |s| s.used)));
        sites
            .into_iter()
            .map(|(site, group)| {
                let blocks = total(&group, |s| s.blocks);
                let held = format!(
                    "{} bytes in {blocks} block{} ({} bytes reserved)",
                    total(&group, |s| s.used),
                    if blocks == 1 { "" } else { "s" },
                    total(&group, |s| s.reserved),
                );
                let place = self.sources.location(site);
                match &group[..] {
                    [(tag, _)] => format!(
                        "warning: arena #{} created at {place} was never destroyed: it still holds {held}",
                        tag.id.slot
                    ),
                    _ => format!(
                        "warning: {} arenas created at {place} were never destroyed: they still hold {held}",
                        group.len()
                    ),
                }
            })
            .collect()
    }

    /// Every live arena with its statistics, in order of creation site.
    fn live_arenas(&self) -> Vec<(&ArenaTag, ArenaStats)> {
        let mut tags: Vec<_> = self.arenas.live.values().collect();
        tags.sort_by_key(|t| (t.created.source, t.created.start));
        tags.into_iter()
            .filter_map(|tag| Some((&**tag, self.arenas.registry.stats(tag.id).ok()?)))
            .collect()
    }

    /// Per live arena, a line with its creation site, bytes used and
    /// reserved, blocks and allocations, then its blocks drawn as bars
    /// ([`crate::arena_picture::block_bars`]).
    pub fn live_arena_summaries(&self) -> Vec<String> {
        self.live_arenas()
            .into_iter()
            .flat_map(|(tag, stats)| {
                let summary = format!(
                    "arena #{} created at {}: {} bytes used of {} reserved, {} block{}, {} allocation{}",
                    tag.id.slot,
                    self.sources.location(tag.created),
                    stats.used,
                    stats.reserved,
                    stats.blocks,
                    if stats.blocks == 1 { "" } else { "s" },
                    stats.allocations,
                    if stats.allocations == 1 { "" } else { "s" },
                );
                let blocks = self.arenas.registry.block_usage(tag.id).unwrap_or_default();
                std::iter::once(summary).chain(crate::arena_picture::block_bars(&blocks))
            })
            .collect()
    }
}
