//! Every benchmark program in `bench/programs` runs through the `eshkol` binary at a
//! small size and prints the result Guile prints for the same size.

use assert_cmd::Command;

/// Program name, small-size argument, and the result line Guile 3.0 prints for it.
const CASES: &[(&str, &str, &str)] = &[
    ("ack", "1", "ack 1 = 253"),
    ("arena", "1000", "arena 1000 = 1000 1000"),
    ("closure", "1000", "closure 1000 = 500501"),
    (
        "deriv",
        "10",
        "deriv 10 = (+ (* (* 3 x x) (+ (/ 0 3) (/ 1 x) (/ 1 x))) \
         (* (* a x x) (+ (/ 0 a) (/ 1 x) (/ 1 x))) (* (* b x) (+ (/ 0 b) (/ 1 x))) 0)",
    ),
    ("fib", "15", "fib 15 = 610"),
    ("hash", "1000", "hash 1000 = 999000 1000"),
    ("nqueens", "6", "nqueens 6 = 4"),
    ("primes", "100", "primes 100 = 25"),
    ("sort", "1000", "sort 1000 = 689 2093824 sorted 307432699"),
    ("string", "1000", "string 1000 = 2890 300 4"),
    ("sum", "1000", "sum 1000 = 499500"),
    ("tak", "2", "tak 2 = 14"),
    ("takl", "1", "takl 1 = 7"),
];

fn programs_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/programs")
}

#[test]
fn every_program_has_a_case() {
    let mut names: Vec<String> = std::fs::read_dir(programs_dir())
        .expect("bench/programs exists")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "scm").then(|| path.file_stem()?.to_str().map(String::from))?
        })
        .collect();
    names.sort();
    let cases: Vec<&str> = CASES.iter().map(|(name, _, _)| *name).collect();
    assert_eq!(names, cases, "bench/programs and CASES differ");
}

#[test]
fn programs_print_their_results_at_small_sizes() {
    for (name, arg, expected) in CASES {
        let path = programs_dir().join(format!("{name}.scm"));
        let output = Command::cargo_bin("eshkol")
            .expect("binary builds")
            .env("NO_COLOR", "1")
            .arg(&path)
            .arg(arg)
            .output()
            .expect("eshkol runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{name} {arg} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(stdout.trim_end(), *expected, "{name} {arg}");
    }
}
