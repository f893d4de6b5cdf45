//! What the REPL says about names and values: `:doc`, `:describe`,
//! `:apropos` and `:env`.

use crate::compile::env::INTERACTION;
use crate::diagnostics::human_bytes;
use crate::interp::Interp;
use crate::printer;
use crate::symbol::Symbol;
use crate::value::{Owner, Value};

use super::special_forms::{special_form_doc, SPECIAL_FORMS};

/// Values longer than this are cut in descriptions.
const SHOWN_CHARS: usize = 200;

/// The value a name has in the REPL's environment (`None` when unbound).
fn lookup(interp: &Interp, name: &str) -> Option<Value> {
    interp.bound_cell(name).map(|cell| cell.get())
}

/// `:doc NAME`: a special form's shape, a builtin's or procedure's arity and
/// documentation, a macro, or a suggestion when the name is unknown.
pub fn doc(interp: &Interp, name: &str) -> Vec<String> {
    if let Some((shape, what)) = special_form_doc(name) {
        return vec![format!("{shape} — special form: {what}")];
    }
    if let Some(value) = lookup(interp, name) {
        return match value {
            Value::Closure(_) | Value::Primitive(_) => describe(interp, &value),
            other => {
                let mut lines = vec![format!("{name} is a variable")];
                lines.extend(describe(interp, &other));
                lines
            }
        };
    }
    let key = interp.syntax.envs[INTERACTION].key(Symbol::intern(name));
    if interp.syntax.macros.contains_key(&key) {
        return vec![format!(
            "{name} — a macro (syntax-rules); :expand shows what a use becomes"
        )];
    }
    let mut line = format!("{name}: not defined");
    if let Some(close) = interp.suggest_global(name) {
        line.push_str(&format!("; did you mean `{close}`?"));
    }
    vec![line]
}

/// `:describe`: what a value is, with what matters for its kind: a
/// procedure's arity, source and documentation; an arena's state, statistics
/// and creation site; the arena a value lives in.
pub fn describe(interp: &Interp, value: &Value) -> Vec<String> {
    let mut lines = match value {
        Value::Primitive(p) => vec![
            format!("the builtin procedure `{}`, {}", p.name, primitive_arity(p)),
            p.doc.to_string(),
        ],
        Value::Closure(c) => {
            let lambda = &c.lambda;
            let what = if interp.sources.is_library(lambda.span) {
                "the builtin procedure"
            } else {
                "a procedure"
            };
            let mut lines = vec![format!(
                "{what} `{}` of {}, defined at {}",
                lambda.display_name(),
                lambda.arity_text(),
                interp.sources.location(lambda.span)
            )];
            lines.extend(lambda.doc.as_deref().map(str::to_string));
            lines
        }
        Value::Arena(tag) => describe_arena(interp, tag),
        Value::Pair(_) => match list_length(value) {
            Some(n) => vec![format!(
                "a list of {n} element{}: {}",
                plural(n),
                shown(value)
            )],
            None => vec![format!("a pair: {}", shown(value))],
        },
        Value::Str(s) => {
            let n = s.to_string().chars().count();
            vec![format!(
                "a string of {n} character{}: {}",
                plural(n),
                shown(value)
            )]
        }
        Value::Vector(v) => {
            let n = v.items.borrow().len();
            vec![format!(
                "a vector of {n} element{}: {}",
                plural(n),
                shown(value)
            )]
        }
        Value::Bytevector(_) => vec![format!("a bytevector: {}", shown(value))],
        Value::Record(r) => vec![format!(
            "a record of type {} with fields {}: {}",
            r.rtype.name,
            field_names(&r.rtype.fields),
            shown(value)
        )],
        other => vec![format!("a {}: {}", other.type_name(), shown(other))],
    };
    if let Some(owner) = value.owner() {
        lines.push(owner_line(interp, owner));
    }
    lines
}

fn describe_arena(interp: &Interp, tag: &crate::value::ArenaTag) -> Vec<String> {
    let created = interp.sources.location(tag.created);
    let mut lines = vec![format!("arena #{} created at {created}", tag.id.slot)];
    match interp.arenas.registry.stats(tag.id) {
        Ok(stats) if tag.alive.get() => {
            lines.push(format!(
                "live: {} used of {} reserved in {} block{} (first block {}), {} allocation{}",
                human_bytes(stats.used),
                human_bytes(stats.reserved),
                stats.blocks,
                plural(stats.blocks),
                human_bytes(stats.first_block),
                stats.allocations,
                plural(stats.allocations),
            ));
            if let Some(limit) = stats.limit {
                lines.push(format!("limit: {}", human_bytes(limit)));
            }
        }
        _ => lines.push(match tag.destroyed.get() {
            Some(at) => format!("destroyed at {}", interp.sources.location(at)),
            None => "destroyed".to_string(),
        }),
    }
    lines
}

/// Which arena a value lives in, and whether that arena is still alive.
fn owner_line(interp: &Interp, owner: &Owner) -> String {
    let arena = &owner.arena;
    let created = interp.sources.location(arena.created);
    if owner.is_live() {
        format!("lives in arena #{} (created at {created})", arena.id.slot)
    } else {
        format!(
            "lived in arena #{} (created at {created}), which is gone: using it is an error",
            arena.id.slot
        )
    }
}

/// `:apropos TEXT`: every bound name and special form containing `text`,
/// each with what it is.
pub fn apropos(interp: &Interp, text: &str) -> Vec<String> {
    let mut names: Vec<String> = interp
        .bound_names()
        .into_iter()
        .chain(SPECIAL_FORMS.iter().map(|(name, _, _)| name.to_string()))
        .chain(
            interp
                .syntax
                .macros
                .keys()
                .map(|key| key.name().to_string()),
        )
        .filter(|name| name.contains(text) && !name.starts_with(' '))
        .collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .map(|name| {
            let kind = if special_form_doc(&name).is_some() {
                "special form"
            } else {
                match lookup(interp, &name) {
                    Some(Value::Primitive(_)) => "builtin",
                    Some(Value::Closure(c)) if interp.sources.is_library(c.lambda.span) => {
                        "builtin"
                    }
                    Some(Value::Closure(_) | Value::Special(_)) => "procedure",
                    Some(_) => "variable",
                    None => "macro",
                }
            };
            format!("{name:<28} {kind}")
        })
        .collect()
}

/// The globals the user defined, for `:env`: builtins, library internals
/// (`stdlib/*.scm`, `%` helpers) and the REPL's own `$N` results left out.
pub fn user_definitions(interp: &Interp) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = interp
        .globals
        .iter()
        .filter(|(key, _)| !interp.stdlib_keys.contains(key))
        .filter_map(|(key, cell)| {
            let value = cell.get();
            let name = key.name();
            let builtin = matches!(&value, Value::Primitive(p) if *p.name == *name);
            let hidden = name.starts_with(' ') || name.starts_with('%') || is_result_name(&name);
            (!builtin && !hidden && !matches!(value, Value::Undefined))
                .then(|| (name.to_string(), value))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// `$1`, `$2`...: the names the REPL gives printed values.
fn is_result_name(name: &str) -> bool {
    name.len() > 1 && name.starts_with('$') && name[1..].bytes().all(|b| b.is_ascii_digit())
}

fn primitive_arity(p: &crate::value::Primitive) -> String {
    match p.max_args {
        Some(max) if max == p.min_args => format!("{max} argument{}", plural(max)),
        Some(max) => format!("{} to {max} arguments", p.min_args),
        None => format!("at least {} argument{}", p.min_args, plural(p.min_args)),
    }
}

fn list_length(value: &Value) -> Option<usize> {
    let mut n = 0;
    let mut rest = value.clone();
    while let Value::Pair(pair) = rest {
        n += 1;
        rest = pair.cdr();
        if n > 10_000_000 {
            return None;
        }
    }
    matches!(rest, Value::Null).then_some(n)
}

fn field_names(fields: &[Symbol]) -> String {
    let names: Vec<String> = fields.iter().map(|f| f.name().to_string()).collect();
    names.join(", ")
}

/// The written value, cut to [`SHOWN_CHARS`] characters.
fn shown(value: &Value) -> String {
    let text = printer::write_string_lossy(value);
    if text.chars().count() <= SHOWN_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(SHOWN_CHARS).collect();
    cut.push_str(" ...");
    cut
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
