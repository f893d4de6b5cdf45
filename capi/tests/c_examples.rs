//! Compiles and runs C programs against the arena C interface: every
//! runnable fenced ```c block of `docs/memory-management.md`, and the C tests
//! in `tests/c/`.
//!
//! Each program is compiled by the system C compiler (`cc`, or `$CC`) with
//! `include/eshkol_arena.h` and `libeshkol_capi.a`, the static library Cargo
//! built for this package next to this test binary. The programs are kept in
//! `<target>/<profile>/c-tests/` so they can be rerun, e.g. under valgrind.
//!
//! A documentation block marked ```c is run; one marked ```c no-run (code
//! shown as what not to do) is not. A block without a `main` is wrapped in
//! one: if it defines functions taking no arguments, `main` calls each in
//! order; otherwise the block's statements become `main`'s body. Each
//! `// expect: TEXT` comment in a block is one line the program must print,
//! in order, and the program's standard output must be exactly those lines.
//! Setting `ESHKOL_C_RUNNER` (e.g. to `valgrind --error-exitcode=1`) runs
//! every program under that command.

use std::path::{Path, PathBuf};
use std::process::Command;

use libtest_mimic::{Arguments, Failed, Trial};

/// The document whose C blocks are run, relative to the repository root.
const DOCUMENT: &str = "docs/memory-management.md";

/// Libraries the Rust standard library inside the static library needs.
const SYSTEM_LIBS: &[&str] = &["-lpthread", "-ldl", "-lm", "-lrt", "-lutil"];

fn main() {
    let args = Arguments::from_args();
    let capi = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = capi.parent().expect("capi/ has a parent").to_path_buf();
    let mut trials = Vec::new();

    let doc_path = root.join(DOCUMENT);
    match std::fs::read_to_string(&doc_path) {
        Ok(markdown) => {
            for block in c_blocks(&markdown) {
                let name = format!("{DOCUMENT}:{}", block.line);
                let program = Program {
                    name: format!("doc_line_{}", block.line),
                    source: wrap(&block, &doc_path),
                    expected: Some(block.expected()),
                };
                trials.push(Trial::test(name, move || program.run()));
            }
        }
        Err(e) => trials.push(Trial::test(DOCUMENT, move || {
            Err(format!("cannot read {}: {e}", doc_path.display()).into())
        })),
    }

    let c_dir = capi.join("tests/c");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&c_dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "c"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    for path in files {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = format!("tests/c/{stem}.c");
        trials.push(Trial::test(name, move || {
            let source = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Program {
                name: stem,
                source,
                expected: None,
            }
            .run()
        }));
    }

    trials.push(Trial::test("block extraction", check_extraction));
    libtest_mimic::run(&args, trials).exit();
}

/// A fenced ```c block of the document.
#[derive(Debug, Clone, PartialEq)]
struct Block {
    /// Line number of the block's first line of code.
    line: usize,
    /// The code.
    text: String,
}

impl Block {
    /// The output the block's `// expect: TEXT` comments announce.
    fn expected(&self) -> String {
        self.text
            .lines()
            .filter_map(|line| line.split_once("// expect: ").map(|(_, text)| text))
            .map(|text| format!("{}\n", text.trim_end()))
            .collect()
    }

    /// Whether the block defines its own `main`.
    fn has_main(&self) -> bool {
        self.text.lines().any(|line| line.starts_with("int main("))
    }

    /// The functions the block defines at top level with no parameters
    /// (`void name()` or `void name(void)` at the start of a line, followed
    /// by `{`), in order.
    fn entry_points(&self) -> Vec<String> {
        self.text
            .lines()
            .filter_map(|line| {
                let rest = line.strip_prefix("void ")?;
                let (name, after) = rest.split_once('(')?;
                let valid =
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                let params = after.trim_end().strip_suffix('{')?.trim_end();
                let no_params = params == ")" || params == "void)";
                (valid && no_params).then(|| name.to_string())
            })
            .collect()
    }
}

/// The fenced blocks whose info string is exactly `c`; blocks marked
/// `c no-run` (or anything else) are left out.
fn c_blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<(bool, Block)> = None;
    for (index, line) in markdown.lines().enumerate() {
        let trimmed = line.trim_start();
        match &mut current {
            None => {
                if let Some(info) = trimmed.strip_prefix("```") {
                    let block = Block {
                        line: index + 2,
                        text: String::new(),
                    };
                    current = Some((info.trim() == "c", block));
                }
            }
            Some((runnable, block)) => {
                if trimmed.starts_with("```") {
                    if *runnable {
                        blocks.push(block.clone());
                    }
                    current = None;
                } else {
                    block.text.push_str(line);
                    block.text.push('\n');
                }
            }
        }
    }
    blocks
}

/// The complete C program for a documentation block: the usual headers, a
/// `#line` directive so compiler messages point into the document, the
/// block, and a `main` if it has none.
fn wrap(block: &Block, doc_path: &Path) -> String {
    let mut source = String::from(
        "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\
         #include \"eshkol_arena.h\"\n",
    );
    let line_directive = format!("#line {} \"{}\"\n", block.line, doc_path.display());
    if block.has_main() {
        source.push_str(&line_directive);
        source.push_str(&block.text);
    } else {
        let entries = block.entry_points();
        if entries.is_empty() {
            source.push_str("int main(void) {\n");
            source.push_str(&line_directive);
            source.push_str(&block.text);
            source.push_str("return 0;\n}\n");
        } else {
            source.push_str(&line_directive);
            source.push_str(&block.text);
            source.push_str("int main(void) {\n");
            for entry in entries {
                source.push_str(&format!("    {entry}();\n"));
            }
            source.push_str("    return 0;\n}\n");
        }
    }
    source
}

/// A C program to compile, run and check.
struct Program {
    /// File name for the source and the executable.
    name: String,
    source: String,
    /// The exact standard output expected, or `None` to check only the
    /// exit status.
    expected: Option<String>,
}

impl Program {
    fn run(&self) -> Result<(), Failed> {
        let (library_dir, library) = static_library()?;
        let capi = Path::new(env!("CARGO_MANIFEST_DIR"));
        let out_dir = library_dir.join("c-tests");
        std::fs::create_dir_all(&out_dir)
            .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
        let source_path = out_dir.join(format!("{}.c", self.name));
        let exe_path = out_dir.join(&self.name);
        std::fs::write(&source_path, &self.source)
            .map_err(|e| format!("cannot write {}: {e}", source_path.display()))?;

        let compiler = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
        let compiled = Command::new(&compiler)
            .args(["-std=gnu11", "-g", "-Wall", "-Wextra", "-Werror", "-I"])
            .arg(capi.join("include"))
            .arg(&source_path)
            .arg(&library)
            .args(SYSTEM_LIBS)
            .arg("-o")
            .arg(&exe_path)
            .output()
            .map_err(|e| {
                format!(
                    "cannot run the C compiler `{compiler}`: {e}\n\
                     The C examples need a C compiler: install one (e.g. `apt-get install gcc`) \
                     or point $CC at it."
                )
            })?;
        if !compiled.status.success() {
            return Err(format!(
                "{} did not compile ({}):\n{}\n--- program ---\n{}",
                source_path.display(),
                compiled.status,
                String::from_utf8_lossy(&compiled.stderr),
                self.source
            )
            .into());
        }

        let mut command = match std::env::var("ESHKOL_C_RUNNER") {
            Ok(runner) if !runner.trim().is_empty() => {
                let mut words = runner.split_whitespace();
                let mut command = Command::new(words.next().unwrap_or_default());
                command.args(words).arg(&exe_path);
                command
            }
            _ => Command::new(&exe_path),
        };
        let ran = command
            .output()
            .map_err(|e| format!("cannot run {}: {e}", exe_path.display()))?;
        let stdout = String::from_utf8_lossy(&ran.stdout);
        let stderr = String::from_utf8_lossy(&ran.stderr);
        if !ran.status.success() {
            return Err(format!(
                "{} failed ({}):\n--- stdout ---\n{stdout}--- stderr ---\n{stderr}",
                exe_path.display(),
                ran.status
            )
            .into());
        }
        if let Some(expected) = &self.expected {
            if expected.is_empty() {
                return Err("the block has no `// expect:` comment: say what it prints".into());
            }
            if stdout != *expected {
                return Err(format!(
                    "{} printed\n{stdout}--- but the block expects ---\n{expected}",
                    exe_path.display()
                )
                .into());
            }
        }
        Ok(())
    }
}

/// The directory holding `libeshkol_capi.a` for this build, and the
/// library's path.
///
/// This test binary lives in `<target>/<profile>/deps/`; Cargo builds the
/// package's library (all its crate types) before its tests, putting the
/// static library in `deps/` (which is searched first: a copy in
/// `<target>/<profile>/` may be left from an earlier `cargo build`).
fn static_library() -> Result<(PathBuf, PathBuf), Failed> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the test binary: {e}"))?;
    let deps = exe
        .parent()
        .ok_or("the test binary has no directory")?
        .to_path_buf();
    let profile = deps.parent().unwrap_or(&deps).to_path_buf();
    for dir in [&deps, &profile] {
        let library = dir.join("libeshkol_capi.a");
        if library.is_file() {
            return Ok((profile.clone(), library));
        }
    }
    Err(format!(
        "libeshkol_capi.a is not in {} or {}: build it with `cargo build -p eshkol-capi` \
         (same profile as the tests), or run `cargo test --workspace`",
        profile.display(),
        deps.display()
    )
    .into())
}

/// Checks how blocks are found, classified and wrapped.
fn check_extraction() -> Result<(), Failed> {
    let md = "text\n```c\nint x;\n// expect: a\n```\n```c no-run\nbad();\n```\n\
              ```scheme\n(+ 1 2)\n```\n```c\nvoid f() {\n}\nvoid g(int y) {\n}\n\
              void h(void) {\n}\n```\n";
    let blocks = c_blocks(md);
    let found: Vec<(usize, String, Vec<String>)> = blocks
        .iter()
        .map(|b| (b.line, b.expected(), b.entry_points()))
        .collect();
    let wanted = vec![
        (3, "a\n".to_string(), vec![]),
        (13, String::new(), vec!["f".to_string(), "h".to_string()]),
    ];
    if found != wanted {
        return Err(format!("found {found:?}, wanted {wanted:?}").into());
    }
    let wrapped = wrap(&blocks[1], Path::new("doc.md"));
    if !wrapped.ends_with("int main(void) {\n    f();\n    h();\n    return 0;\n}\n") {
        return Err(format!("wrapped as:\n{wrapped}").into());
    }
    Ok(())
}
