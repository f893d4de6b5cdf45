//! The arena pictures: `--arena-profile FILE.svg` (checked through its XML
//! structure) and the docs' picture, which must be the one the checked-in
//! example gives today.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;

fn eshkol() -> Command {
    let mut cmd = Command::cargo_bin("eshkol").expect("binary builds");
    cmd.env("NO_COLOR", "1");
    cmd
}

/// A fresh path in the temp directory for test `name`'s file `file`.
fn temp(name: &str, file: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("eshkol-pictures-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(file)
}

/// Runs `program` under `--arena-profile`, expecting exit status `status`,
/// and returns the SVG written.
fn profile_of(name: &str, program: &str, status: i32) -> String {
    let source = temp(name, "program.scm");
    let svg = temp(name, "profile.svg");
    std::fs::write(&source, program).expect("write program");
    eshkol()
        .arg("--arena-profile")
        .arg(&svg)
        .arg(&source)
        .assert()
        .code(status);
    std::fs::read_to_string(&svg).expect("the profile is written")
}

/// The arena groups of a profile: (arena number, data-points, points in
/// the used line, block dots, destroy crosses).
fn arenas(svg: &str) -> Vec<(u32, usize, usize, usize, usize)> {
    let document = roxmltree::Document::parse(svg).expect("the profile is well-formed XML");
    assert_eq!(document.root_element().tag_name().name(), "svg");
    document
        .descendants()
        .filter(|n| n.attribute("class") == Some("arena"))
        .map(|group| {
            let children = |class: &'static str| {
                group
                    .children()
                    .filter(move |c| c.attribute("class") == Some(class))
            };
            let used = children("used").next().expect("a used line");
            let coordinates = used.attribute("points").unwrap_or("").split(' ').count();
            (
                group.attribute("data-arena").unwrap().parse().unwrap(),
                group.attribute("data-points").unwrap().parse().unwrap(),
                coordinates,
                children("block").count(),
                children("destroyed").count(),
            )
        })
        .collect()
}

#[test]
fn a_profile_has_one_series_per_arena_with_a_point_per_operation() {
    // a: created, 3 allocations (the second adds a block), destroyed.
    // b: created by with-arena, 1 allocation, destroyed on exit.
    // c: created, 1 allocation, never destroyed.
    let svg = profile_of(
        "series",
        "(define a (make-arena 64))\n\
         (arena-alloc a 40) (arena-alloc a 40) (arena-alloc a 40)\n\
         (destroy-arena a)\n\
         (with-arena (b 100) (arena-alloc b 10))\n\
         (define c (make-arena 32))\n\
         (arena-alloc c 8)\n",
        0,
    );
    // A step line has two coordinates per point but the first. Arena
    // numbers are registry slots, reused once an arena is destroyed.
    assert_eq!(
        arenas(&svg),
        [(0, 5, 9, 1, 1), (0, 3, 5, 0, 1), (0, 2, 3, 0, 0)]
    );
    assert!(svg.contains("peak: 120 B used by arena #0"), "{svg}");
}

#[test]
fn a_thousand_short_lived_arenas_share_one_legend_line() {
    let svg = profile_of(
        "thousand",
        "(do ((i 0 (+ i 1))) ((= i 1000))\n\
         \x20 (with-arena (a 64) (arena-alloc a 16)))\n",
        0,
    );
    let groups = arenas(&svg);
    assert_eq!(groups.len(), 1000);
    assert!(groups.iter().all(|g| g.1 == 3 && g.4 == 1));
    let document = roxmltree::Document::parse(&svg).unwrap();
    let legend: Vec<String> = document
        .descendants()
        .filter(|n| n.attribute("class") == Some("legend"))
        .flat_map(|n| n.descendants().filter(|t| t.has_tag_name("text")))
        .map(|t| t.text().unwrap_or("").trim().to_string())
        .collect();
    assert_eq!(legend.len(), 1, "{legend:?}");
    assert!(
        legend[0].ends_with(":2:3: 1000 arenas, peak 16 B"),
        "{legend:?}"
    );
}

#[test]
fn a_long_history_is_thinned_to_a_thousand_points_keeping_the_peak() {
    let svg = profile_of(
        "long",
        "(define a (make-arena 64))\n\
         (do ((i 0 (+ i 1))) ((= i 5000)) (arena-alloc a 8))\n\
         (arena-reset! a)\n\
         (destroy-arena a)\n",
        0,
    );
    let groups = arenas(&svg);
    assert_eq!(groups.len(), 1);
    let (_, points, coordinates, blocks, destroyed) = groups[0];
    assert!(points <= 1000, "{points} points");
    assert_eq!(coordinates, 2 * points - 1);
    assert_eq!((blocks, destroyed), (9, 1));
    assert!(svg.contains("peak: 39.1 KiB used by arena #0"), "{svg}");
}

#[test]
fn the_profile_is_written_when_the_program_fails() {
    let svg = profile_of(
        "failing",
        "(define a (make-arena 64))\n(arena-alloc a 8)\n(car 1)\n",
        1,
    );
    assert_eq!(arenas(&svg), [(0, 2, 3, 0, 0)]);
}

#[test]
fn the_docs_picture_is_the_one_the_example_draws() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let svg = temp("docs", "arena-profile.svg");
    eshkol()
        .current_dir(root)
        .args(["--arena-profile"])
        .arg(&svg)
        .arg("examples/arena-profile.scm")
        .assert()
        .success();
    let drawn = std::fs::read_to_string(&svg).unwrap();
    let checked_in = std::fs::read_to_string(root.join("docs/images/arena-profile.svg")).unwrap();
    assert!(
        drawn == checked_in,
        "docs/images/arena-profile.svg is out of date; regenerate it with\n  \
         cargo run --release -- --arena-profile docs/images/arena-profile.svg examples/arena-profile.scm"
    );
}
