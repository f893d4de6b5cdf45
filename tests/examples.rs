//! Every program in `examples/` runs as its header comment says: each exits
//! successfully, except the one that shows an arena error on purpose; the
//! two-file library example prints exactly its word counts.

use std::path::Path;

use assert_cmd::Command;

/// Examples that end in an error on purpose, with the status and the error
/// kind their report names.
const FAILING_ON_PURPOSE: &[(&str, i32, &str)] =
    &[("arena-requests.scm", 1, "eshkol::arena-destroyed")];

fn run(example: &Path) -> assert_cmd::assert::Assert {
    Command::cargo_bin("eshkol")
        .expect("binary builds")
        .env("NO_COLOR", "1")
        .env_remove("ESHKOL_LIBRARY_PATH")
        .arg(example)
        .assert()
}

#[test]
fn every_example_runs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut examples: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/ exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "scm"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 7, "examples found: {examples:?}");
    for example in examples {
        let name = example.file_name().unwrap_or_default().to_string_lossy();
        match FAILING_ON_PURPOSE.iter().find(|(n, _, _)| *n == name) {
            Some((_, status, kind)) => {
                let assert = run(&example).code(*status);
                let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
                assert!(stderr.contains(kind), "{name}: {stderr}");
            }
            None => {
                run(&example).success();
            }
        }
    }
}

#[test]
fn the_library_example_counts_words() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/word-count.scm");
    run(&example).success().stdout(
        "(\"hello\" \"arena\" \"world\")\n\
         the: 3\narena: 3\nis: 3\nmade: 1\nused: 1\nand: 1\ngone: 1\nno: 1\npauses: 1\n",
    );
}
