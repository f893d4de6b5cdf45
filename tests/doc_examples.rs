//! Runs the Scheme examples of the documentation: every fenced ```scheme block
//! in `README.md` and `docs/*.md`. The blocks of one document run in order in
//! one interpreter, like a notebook; each form is checked against its
//! expectation comment (`;; => value`, `;; out: text`, `;; error: kind`, see
//! `common`), and a form without one must run without error.

mod common;

use std::path::{Path, PathBuf};

use eshkol::Interp;
use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut documents = vec![root.join("README.md")];
    if let Ok(entries) = std::fs::read_dir(root.join("docs")) {
        let mut docs: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        docs.sort();
        documents.extend(docs);
    }
    let trials = documents
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            Trial::test(name, move || run_document(&path))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

/// The fenced blocks with info string `scheme`: (first line number, text).
pub fn scheme_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (index, line) in markdown.lines().enumerate() {
        let trimmed = line.trim_start();
        match &mut current {
            None => {
                if let Some(info) = trimmed.strip_prefix("```") {
                    if info.trim() == "scheme" {
                        current = Some((index + 2, String::new()));
                    }
                }
            }
            Some((_, text)) => {
                if trimmed.starts_with("```") {
                    blocks.extend(current.take());
                } else {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    blocks
}

fn run_document(path: &Path) -> Result<(), Failed> {
    let markdown = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let blocks = scheme_blocks(&markdown);
    let mut interp = Interp::new_captured();
    let mut failures = Vec::new();
    for (line, text) in &blocks {
        let name = path.display().to_string();
        failures.extend(common::run_forms(&mut interp, &name, text, *line));
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n").into())
    }
}
