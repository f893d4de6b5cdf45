//! The R7RS-small conformance suite: every `tests/r7rs/*.scm` file runs in a
//! fresh interpreter with the SRFI-64-style framework from `stdlib/`; a file
//! passes when it runs to the end and `(test-runner-fail-count)` is 0.

use std::path::Path;

use eshkol::{Interp, Value};
use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/r7rs");
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "scm"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let trials = files
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            Trial::test(name, move || run(&path))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn count(interp: &mut Interp, expr: &str) -> Result<i64, Failed> {
    match interp.eval_str("count", expr) {
        Ok(Value::Int(n)) => Ok(n),
        other => Err(format!("{expr} gave {other:?}").into()),
    }
}

fn run(path: &Path) -> Result<(), Failed> {
    let mut interp = Interp::new_captured();
    let outcome = interp.run_file(path);
    let output = interp.take_output();
    if let Err(e) = outcome {
        return Err(format!("{output}\n{}", interp.render_error(&e, false)).into());
    }
    let failed = count(&mut interp, "(test-runner-fail-count)")?;
    let passed = count(&mut interp, "(test-runner-pass-count)")?;
    if failed > 0 || passed == 0 {
        let failures: Vec<&str> = output
            .lines()
            .filter(|l| !l.starts_with('#') || l.contains("failed"))
            .collect();
        return Err(format!("{passed} passed, {failed} failed\n{}", failures.join("\n")).into());
    }
    Ok(())
}
