//! Arena pictures: the SVG of `--arena-profile` and the block bars of the
//! REPL's `:arenas`.
//!
//! The SVG draws, for each arena, its used bytes (solid) and reserved bytes
//! (dashed) against the count of arena operations, with a dot where a block
//! was added, a cross where the arena was destroyed and a ring at the
//! highest use. Arenas made at the same place share a colour and one legend
//! line, so a program that makes a thousand short-lived arenas in a loop
//! reads as one site.

use std::collections::HashMap;
use std::fmt::Write;

use svg::node::element::{Circle, Group, Line, Path, Polyline, Rectangle, Text, Title};
use svg::Document;

use crate::arena_profile::{ArenaProfile, ArenaSeries, ProfilePoint};
use crate::diagnostics::SourceMap;
use crate::syntax::Span;

const WIDTH: f64 = 960.0;
const LEFT: f64 = 100.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 60.0;
const PLOT_HEIGHT: f64 = 320.0;
const LEGEND_ROW: f64 = 22.0;
/// Legend lines shown before the rest are summed up in one line.
const LEGEND_SITES: usize = 12;
/// A longer history is thinned to this many points, keeping the points
/// where a block was added, the highest one and the last.
pub const MAX_POINTS: usize = 1000;
const COLOURS: [&str; 8] = [
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
];

/// The picture of a program's arenas, as an SVG document.
pub fn profile_svg(profile: &ArenaProfile, sources: &SourceMap) -> String {
    let sites = sites(profile);
    let legend_rows = sites.len().clamp(1, LEGEND_SITES + 1);
    let height = TOP + PLOT_HEIGHT + 60.0 + legend_rows as f64 * LEGEND_ROW;
    let scale = Scale::of(profile);
    let mut document = Document::new()
        .set("viewBox", (0, 0, WIDTH, height))
        .set("width", WIDTH)
        .set("height", height)
        .set("font-family", "sans-serif")
        .set("font-size", 13)
        .add(
            Rectangle::new()
                .set("width", WIDTH)
                .set("height", height)
                .set("fill", "white"),
        )
        .add(axes(&scale, profile.operations()));
    for series in &profile.series {
        let colour = COLOURS[sites
            .iter()
            .position(|s| s.span == series.site)
            .unwrap_or(0)
            % 8];
        document = document.add(arena_group(series, &scale, colour, sources));
    }
    document = document.add(peak_note(profile, &scale, sources));
    document.add(legend(&sites, sources)).to_string()
}

/// The arenas made at one place.
struct Site {
    span: Span,
    arenas: usize,
    peak: usize,
}

/// The creation sites, in order of first use.
fn sites(profile: &ArenaProfile) -> Vec<Site> {
    let mut sites: Vec<Site> = Vec::new();
    let mut index: HashMap<Span, usize> = HashMap::new();
    for series in &profile.series {
        let peak = series.points.iter().map(|p| p.used).max().unwrap_or(0);
        let i = *index.entry(series.site).or_insert_with(|| {
            sites.push(Site {
                span: series.site,
                arenas: 0,
                peak: 0,
            });
            sites.len() - 1
        });
        sites[i].arenas += 1;
        sites[i].peak = sites[i].peak.max(peak);
    }
    sites
}

/// From operations and bytes to the plot's coordinates.
struct Scale {
    operations: f64,
    bytes: f64,
}

impl Scale {
    fn of(profile: &ArenaProfile) -> Scale {
        let bytes = profile
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.reserved.max(p.used)))
            .max()
            .unwrap_or(0);
        Scale {
            operations: profile.operations().max(1) as f64,
            bytes: bytes.max(1) as f64,
        }
    }

    fn x(&self, at: u64) -> f64 {
        LEFT + (WIDTH - LEFT - RIGHT) * at as f64 / self.operations
    }

    fn y(&self, bytes: usize) -> f64 {
        TOP + PLOT_HEIGHT * (1.0 - bytes as f64 / self.bytes)
    }
}

/// The axes, three labelled ticks on each, and their titles.
fn axes(scale: &Scale, operations: u64) -> Group {
    let bottom = TOP + PLOT_HEIGHT;
    let mut group = Group::new()
        .set("class", "axes")
        .set("stroke", "#444")
        .add(line(LEFT, TOP, LEFT, bottom))
        .add(line(LEFT, bottom, WIDTH - RIGHT, bottom));
    for step in 0..=2u32 {
        let bytes = scale.bytes as usize * step as usize / 2;
        let y = scale.y(bytes);
        group = group
            .add(line(LEFT - 5.0, y, LEFT, y))
            .add(label(LEFT - 8.0, y + 4.0, &size(bytes)).set("text-anchor", "end"));
        let at = operations * step as u64 / 2;
        let x = scale.x(at);
        group = group
            .add(line(x, bottom, x, bottom + 5.0))
            .add(label(x, bottom + 20.0, &format!("{at}")).set("text-anchor", "middle"));
    }
    group
        .add(
            label(
                LEFT + (WIDTH - LEFT - RIGHT) / 2.0,
                bottom + 40.0,
                "arena operations (creations, allocations, copies, resets, destroys)",
            )
            .set("text-anchor", "middle"),
        )
        .add(label(
            LEFT,
            TOP - 12.0,
            "bytes: used (solid), reserved (dashed); • block added, × destroyed",
        ))
}

/// One arena's lines and marks.
fn arena_group(series: &ArenaSeries, scale: &Scale, colour: &str, sources: &SourceMap) -> Group {
    let points = thinned(series);
    // Steps: an arena's bytes stay as they are until its next operation.
    let polyline = |class: &str, pick: fn(&ProfilePoint) -> usize| {
        let mut coordinates = String::new();
        let mut previous: Option<f64> = None;
        for p in &points {
            let (x, y) = (scale.x(p.at), scale.y(pick(p)));
            if let Some(before) = previous {
                let _ = write!(coordinates, "{x:.1},{before:.1} ");
            }
            let _ = write!(coordinates, "{x:.1},{y:.1} ");
            previous = Some(y);
        }
        Polyline::new()
            .set("class", class)
            .set("points", coordinates.trim_end())
            .set("fill", "none")
    };
    let mut group = Group::new()
        .set("class", "arena")
        .set("data-arena", series.number)
        .set("data-points", points.len())
        .set("stroke", colour)
        .add(Title::new(format!(
            "arena #{} created at {}",
            series.number,
            sources.location(series.site)
        )))
        .add(polyline("reserved", |p| p.reserved).set("stroke-dasharray", "5 4"))
        .add(polyline("used", |p| p.used).set("stroke-width", 2));
    for &at in &series.blocks_added {
        let reserved = series
            .points
            .iter()
            .find(|p| p.at == at)
            .map_or(0, |p| p.reserved);
        group = group.add(
            Circle::new()
                .set("class", "block")
                .set("cx", format!("{:.1}", scale.x(at)))
                .set("cy", format!("{:.1}", scale.y(reserved)))
                .set("r", 3)
                .set("fill", colour),
        );
    }
    if let Some(at) = series.destroyed {
        let (x, y) = (scale.x(at), scale.y(0));
        group = group.add(
            Path::new()
                .set("class", "destroyed")
                .set("stroke-width", 2)
                .set(
                    "d",
                    format!("M{:.1},{:.1} l8,8 m0,-8 l-8,8", x - 4.0, y - 4.0),
                ),
        );
    }
    group
}

/// The series' points, at most [`MAX_POINTS`]: a longer history keeps the
/// highest point of each of `MAX_POINTS / 2` stretches (so the peak), the
/// points where a block was added and the last.
fn thinned(series: &ArenaSeries) -> Vec<ProfilePoint> {
    let points = &series.points;
    if points.len() <= MAX_POINTS {
        return points.clone();
    }
    let stretch = points.len().div_ceil(MAX_POINTS / 2);
    let mut kept: Vec<ProfilePoint> = points
        .chunks(stretch)
        .filter_map(|chunk| chunk.iter().max_by_key(|p| p.used).copied())
        .collect();
    let added = |p: &&ProfilePoint| series.blocks_added.binary_search(&p.at).is_ok();
    kept.extend(points.iter().filter(added).take(MAX_POINTS / 2 - 1));
    kept.extend(points.last());
    kept.sort_by_key(|p| p.at);
    kept.dedup();
    kept
}

/// The highest use of any one arena: a ring on it and a line that says it.
fn peak_note(profile: &ArenaProfile, scale: &Scale, sources: &SourceMap) -> Group {
    let peak = profile
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(move |p| (p, s)))
        .max_by_key(|(p, _)| (p.used, std::cmp::Reverse(p.at)));
    let mut group = Group::new().set("class", "peak");
    let text = match peak {
        Some((p, s)) if p.used > 0 => {
            group = group.add(
                Circle::new()
                    .set("cx", format!("{:.1}", scale.x(p.at)))
                    .set("cy", format!("{:.1}", scale.y(p.used)))
                    .set("r", 6)
                    .set("fill", "none")
                    .set("stroke", "black"),
            );
            format!(
                "peak: {} used by arena #{} (created at {}) after operation {}",
                size(p.used),
                s.number,
                sources.location(s.site),
                p.at
            )
        }
        _ => "no arena held any bytes".to_string(),
    };
    group.add(label(LEFT, 24.0, &text).set("font-weight", "bold"))
}

/// One line per creation site: its colour, place, arena count and peak.
fn legend(sites: &[Site], sources: &SourceMap) -> Group {
    let mut group = Group::new().set("class", "legend");
    let top = TOP + PLOT_HEIGHT + 62.0;
    for (i, site) in sites.iter().take(LEGEND_SITES).enumerate() {
        let y = top + i as f64 * LEGEND_ROW;
        let arenas = if site.arenas == 1 {
            "1 arena".to_string()
        } else {
            format!("{} arenas", site.arenas)
        };
        group = group
            .add(
                Rectangle::new()
                    .set("x", LEFT)
                    .set("y", y - 10.0)
                    .set("width", 14)
                    .set("height", 10)
                    .set("fill", COLOURS[i % 8]),
            )
            .add(label(
                LEFT + 22.0,
                y,
                &format!(
                    "created at {}: {arenas}, peak {}",
                    sources.location(site.span),
                    size(site.peak)
                ),
            ));
    }
    if sites.len() > LEGEND_SITES {
        let rest = &sites[LEGEND_SITES..];
        let arenas: usize = rest.iter().map(|s| s.arenas).sum();
        let y = top + LEGEND_SITES as f64 * LEGEND_ROW;
        group = group.add(label(
            LEFT + 22.0,
            y,
            &format!("and {} more sites ({arenas} arenas)", rest.len()),
        ));
    }
    if sites.is_empty() {
        group = group.add(label(LEFT, top, "the program made no arena"));
    }
    group
}

fn line(x1: f64, y1: f64, x2: f64, y2: f64) -> Line {
    Line::new()
        .set("x1", format!("{x1:.1}"))
        .set("y1", format!("{y1:.1}"))
        .set("x2", format!("{x2:.1}"))
        .set("y2", format!("{y2:.1}"))
}

fn label(x: f64, y: f64, text: &str) -> Text {
    Text::new(text)
        .set("x", format!("{x:.1}"))
        .set("y", format!("{y:.1}"))
        .set("stroke", "none")
        .set("fill", "#222")
}

/// Widest bar of [`block_bars`], for an arena's largest block.
const BAR_WIDTH: usize = 40;

/// An arena's blocks as text bars, one line each, oldest first: each bar is
/// as long as its block is large next to the largest (so doubling shows),
/// and filled as far as the block is used.
pub fn block_bars(blocks: &[(usize, usize)]) -> Vec<String> {
    let largest = blocks
        .iter()
        .map(|&(capacity, _)| capacity)
        .max()
        .unwrap_or(1)
        .max(1);
    let label_width = blocks
        .iter()
        .map(|&(c, _)| size(c).len())
        .max()
        .unwrap_or(0);
    blocks
        .iter()
        .enumerate()
        .map(|(i, &(capacity, used))| {
            let width = (capacity * BAR_WIDTH).div_ceil(largest).max(1);
            let filled = if used >= capacity {
                width
            } else {
                (used * width / capacity.max(1)).min(width)
            };
            format!(
                "  block {:<2} {:>label_width$} [{}{}] {:>3}%",
                i + 1,
                size(capacity),
                "█".repeat(filled),
                "·".repeat(width - filled),
                used * 100 / capacity.max(1),
            )
        })
        .collect()
}

/// A byte count as people read it: `512 B`, `1.5 KiB`, `64 MiB`.
pub fn size(bytes: usize) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value.fract() == 0.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_bars_grow_with_the_blocks_and_fill_with_their_use() {
        let bars = block_bars(&[(1024, 1024), (2048, 1024), (4096, 0)]);
        assert_eq!(
            bars,
            [
                format!("  block 1  1 KiB [{}] 100%", "█".repeat(10)),
                format!(
                    "  block 2  2 KiB [{}{}]  50%",
                    "█".repeat(10),
                    "·".repeat(10)
                ),
                format!("  block 3  4 KiB [{}]   0%", "·".repeat(40)),
            ]
        );
    }

    #[test]
    fn a_tiny_block_still_gets_a_bar() {
        let bars = block_bars(&[(8, 8), (1 << 20, 100)]);
        assert_eq!(bars[0], "  block 1    8 B [█] 100%");
        assert_eq!(
            bars[1],
            format!("  block 2  1 MiB [{}]   0%", "·".repeat(40))
        );
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(0), "0 B");
        assert_eq!(size(1023), "1023 B");
        assert_eq!(size(1024), "1 KiB");
        assert_eq!(size(1536), "1.5 KiB");
        assert_eq!(size(64 << 20), "64 MiB");
        assert_eq!(size(3 << 30), "3 GiB");
    }
}
