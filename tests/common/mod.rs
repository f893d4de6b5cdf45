//! The expectation-comment harness shared by the Scheme suite and the
//! documentation tests.
//!
//! A comment on the line where a form ends states what it must do:
//!
//! ```text
//! (+ 1 2)          ; => 3                     result, as `write` prints it
//! (display "a")    ; out: a                   exact output (\n for newline)
//! (car 5)          ; error: type at (car 5)   error kind, and the exact source
//!                                             text of its primary span
//! ```
//!
//! A form without such a comment must run without error.

use eshkol::syntax::parse_program;
use eshkol::Interp;

/// What a form is expected to do.
enum Expect {
    Value(String),
    Output(String),
    Error { kind: String, at: Option<String> },
    Runs,
}

fn expectation(text: &str, end: usize) -> Expect {
    let rest = &text[end..];
    let line = rest.split('\n').next().unwrap_or("").trim();
    let Some(comment) = line.strip_prefix(';') else {
        return Expect::Runs;
    };
    let comment = comment.trim_start_matches(';').trim();
    if let Some(v) = comment.strip_prefix("=>") {
        Expect::Value(v.trim().to_string())
    } else if let Some(v) = comment.strip_prefix("out:") {
        let v = v.strip_prefix(' ').unwrap_or(v);
        Expect::Output(unescape(v))
    } else if let Some(v) = comment.strip_prefix("error:") {
        let v = v.trim();
        match v.split_once(" at ") {
            Some((kind, at)) => Expect::Error {
                kind: kind.trim().to_string(),
                at: Some(at.trim().to_string()),
            },
            None => Expect::Error {
                kind: v.to_string(),
                at: None,
            },
        }
    } else {
        Expect::Runs
    }
}

/// Expected output text: `\n` is a newline and `\\` a backslash; any other
/// backslash stands for itself.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Runs every form of `text` in `interp`, checking each form's expectation
/// comment; returns one line per failed expectation. `first_line` is the line
/// number of `text`'s first line in the file it came from.
pub fn run_forms(interp: &mut Interp, name: &str, text: &str, first_line: usize) -> Vec<String> {
    let source = interp.sources.add(name, text);
    let data = match parse_program(text, source) {
        Ok(data) => data,
        Err(e) => return vec![format!("{name}: read error: {e:?}")],
    };
    let mut failures = Vec::new();
    for datum in &data {
        let end = datum.span.end as usize;
        let line = text[..end].matches('\n').count() + first_line;
        let expect = expectation(text, end);
        let result = interp.eval_datum(datum);
        let output = interp.take_output();
        let problem = match (&expect, &result) {
            (Expect::Value(want), Ok(v)) => {
                let got = eshkol::printer::write_string(&interp.arenas.registry, v)
                    .unwrap_or_else(|e| format!("<unprintable: {e:?}>"));
                (got != *want).then(|| format!("expected {want}, got {got}"))
            }
            (Expect::Output(want), Ok(_)) => {
                (output != *want).then(|| format!("expected output {want:?}, got {output:?}"))
            }
            (Expect::Runs, Ok(_)) => None,
            (Expect::Error { kind, at }, Err(e)) => {
                if e.kind().name() != kind {
                    Some(format!(
                        "expected a {kind} error, got {} error: {}",
                        e.kind().name(),
                        e.message()
                    ))
                } else {
                    match (at, e.span()) {
                        (Some(want), Some(span)) if interp.sources.snippet(span) != want => {
                            Some(format!(
                                "expected the error at `{want}`, got it at `{}`",
                                interp.sources.snippet(span)
                            ))
                        }
                        (Some(_), None) => Some("expected the error to have a location".into()),
                        _ => None,
                    }
                }
            }
            (Expect::Error { kind, .. }, Ok(v)) => Some(format!(
                "expected a {kind} error, got value {}",
                eshkol::printer::write_string_lossy(v)
            )),
            (_, Err(e)) => Some(format!(
                "unexpected {} error: {}",
                e.kind().name(),
                e.message()
            )),
        };
        if let Some(problem) = problem {
            failures.push(format!("{name}:{line}: {problem}"));
        }
    }
    failures
}
