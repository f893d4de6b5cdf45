//! The line editor's helper: Tab completion (names, special forms,
//! commands, and file names inside strings) and highlighting (the matching
//! parenthesis, strings and comments).

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

use super::commands::command_names;

/// Completion, highlighting and hints for the line editor.
pub struct ReplHelper {
    /// Every name completion offers, sorted: bound names and special forms,
    /// refreshed after each input.
    pub names: Rc<RefCell<Vec<String>>>,
    /// Colour strings and comments.
    pub color: bool,
    files: FilenameCompleter,
}

impl ReplHelper {
    /// A helper completing from `names`.
    pub fn new(names: Rc<RefCell<Vec<String>>>, color: bool) -> ReplHelper {
        ReplHelper {
            names,
            color,
            files: FilenameCompleter::new(),
        }
    }
}

impl Helper for ReplHelper {}

impl Validator for ReplHelper {}

impl Hinter for ReplHelper {
    type Hint = String;
}

/// Characters that end a name being completed: the reader's delimiters and
/// the quote marks that may stand before a name.
fn ends_name(c: char) -> bool {
    crate::syntax::is_delimiter(c) || "'`,".contains(c)
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let trimmed = before.trim_start();
        let command_start = before.len() - trimmed.len();
        if (trimmed.starts_with(':') || trimmed.starts_with(','))
            && !trimmed.contains(char::is_whitespace)
        {
            let (prefix, word) = trimmed.split_at(1);
            let candidates = command_names()
                .filter(|c| c.starts_with(word))
                .map(|c| Pair {
                    display: format!("{prefix}{c}"),
                    replacement: format!("{prefix}{c} "),
                })
                .collect();
            return Ok((command_start, candidates));
        }
        if let Some(quote) = open_string_start(before) {
            let (start, candidates) = self.files.complete_path(&line[quote..], pos - quote)?;
            return Ok((quote + start, candidates));
        }
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| ends_name(*c))
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        let word = &before[start..];
        if word.is_empty() {
            return Ok((pos, Vec::new()));
        }
        let candidates = self
            .names
            .borrow()
            .iter()
            .filter(|n| n.starts_with(word))
            .map(|n| Pair {
                display: n.clone(),
                replacement: n.clone(),
            })
            .collect();
        Ok((start, candidates))
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        let matching = matching_paren(line, pos);
        if !self.color && matching.is_none() {
            return Cow::Borrowed(line);
        }
        Cow::Owned(highlight_line(line, matching, self.color))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        true
    }
}

/// The positions of the paren at (or just before) the cursor and its match.
pub fn matching_paren(line: &str, pos: usize) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    let at = |i: usize| bytes.get(i).copied();
    let (index, c) = match at(pos) {
        Some(c @ (b'(' | b')' | b'[' | b']')) => (pos, c),
        _ => match pos.checked_sub(1).and_then(|p| at(p).map(|c| (p, c))) {
            Some((p, c @ (b'(' | b')' | b'[' | b']'))) => (p, c),
            _ => return None,
        },
    };
    let (open, close, forward) = match c {
        b'(' => (b'(', b')', true),
        b'[' => (b'[', b']', true),
        b')' => (b'(', b')', false),
        _ => (b'[', b']', false),
    };
    let mut depth = 0usize;
    let range: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new(index..bytes.len())
    } else {
        Box::new((0..=index).rev())
    };
    for i in range {
        let b = bytes[i];
        if b == (if forward { open } else { close }) {
            depth += 1;
        } else if b == (if forward { close } else { open }) {
            depth -= 1;
            if depth == 0 {
                return Some((index, i));
            }
        }
    }
    None
}

/// Where the string the cursor is in opens (the index of its `"`), if the
/// text before the cursor leaves one open; comments and escapes are skipped.
pub fn open_string_start(before: &str) -> Option<usize> {
    let mut open = None;
    let mut escaped = false;
    let mut in_comment = false;
    for (i, c) in before.char_indices() {
        match (open, c) {
            _ if in_comment => in_comment = c != '\n',
            (Some(_), _) if escaped => escaped = false,
            (Some(_), '\\') => escaped = true,
            (Some(_), '"') => open = None,
            (None, '"') => open = Some(i),
            (None, ';') => in_comment = true,
            _ => {}
        }
    }
    open
}

/// Colours strings and comments (when `color`) and shows the matching pair of
/// parentheses in bold.
fn highlight_line(line: &str, matching: Option<(usize, usize)>, color: bool) -> String {
    const BOLD: &str = "\x1b[1;36m";
    const STRING: &str = "\x1b[32m";
    const COMMENT: &str = "\x1b[90m";
    const RESET: &str = "\x1b[0m";
    let mut out = String::with_capacity(line.len() + 16);
    let mut in_string = false;
    let mut in_comment = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        let is_match = matching.is_some_and(|(a, b)| i == a || i == b);
        if color && !in_string && !in_comment && c == ';' {
            in_comment = true;
            out.push_str(COMMENT);
        } else if color && !in_comment && c == '"' && !in_string {
            in_string = true;
            out.push_str(STRING);
            out.push(c);
            continue;
        }
        if is_match && !in_string && !in_comment {
            out.push_str(BOLD);
            out.push(c);
            out.push_str(RESET);
            continue;
        }
        out.push(c);
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                out.push_str(RESET);
            }
        }
    }
    if in_string || in_comment {
        out.push_str(RESET);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_parens() {
        assert_eq!(matching_paren("(a (b) c)", 0), Some((0, 8)));
        assert_eq!(matching_paren("(a (b) c)", 9), Some((8, 0)));
        assert_eq!(matching_paren("(a (b) c)", 5), Some((5, 3)));
        assert_eq!(matching_paren("(a b", 0), None);
        assert_eq!(matching_paren("abc", 1), None);
    }

    #[test]
    fn strings_left_open_are_found() {
        assert_eq!(open_string_start("(load \"exa"), Some(6));
        assert_eq!(open_string_start("(load \"a\" \"b"), Some(10));
        assert_eq!(open_string_start("(display \"a\\\"b\")"), None);
        assert_eq!(open_string_start("; \"x\n(f"), None);
    }

    #[test]
    fn highlighting_keeps_the_text() {
        let line = "(display \"x;y\") ; note";
        let plain = highlight_line(line, Some((0, 14)), true);
        let stripped: String = strip_ansi(&plain);
        assert_eq!(stripped, line);
        assert!(plain.contains("\x1b[32m\"x;y\"\x1b[0m"));
        assert!(plain.contains("\x1b[90m; note"));
    }

    fn strip_ansi(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for d in chars.by_ref() {
                    if d == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
