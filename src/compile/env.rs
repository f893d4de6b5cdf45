//! Top-level environments: what each free name means in the REPL, in a
//! program, or inside a library.
//!
//! Every global variable (and global macro) lives under a *key*, a symbol
//! naming its cell in the interpreter. An environment maps names to keys:
//! * the interaction environment (the REPL, `-e`, and programs that import
//!   nothing) maps every name to itself, so everything is at top level;
//! * a program that imports, and every library, is *isolated*: a name means
//!   what was imported under it or what the environment itself defines
//!   (under a key in its own namespace), nothing else.
//!
//! Builtins sit under *system keys* that no program text can spell, so a
//! library keeps its `car` whatever the program does with its own, and code
//! the expander generates refers to the builtins themselves.

use std::rc::Rc;

use crate::symbol::Symbol;

/// Index of an environment in the interpreter's table.
pub type EnvId = usize;

/// The interaction environment: always the first.
pub const INTERACTION: EnvId = 0;

/// The environment of the builtins written in Scheme (`stdlib::load_core`):
/// always the second. It is isolated in the system namespace, so its
/// definitions are builtins and its free names are the system's builtins.
pub const CORE: EnvId = 1;

/// Separates a key's namespace from its name; never part of a readable symbol.
const SEPARATOR: char = '\u{1f}';

/// Auxiliary syntax, pattern markers and the library forms: meaningful to
/// the expander wherever they are written, like the special-form keywords.
const AUXILIARY: &[&str] = &[
    "else",
    "=>",
    "_",
    "...",
    "syntax-rules",
    "syntax-error",
    "import",
    "define-library",
];

/// The macros `stdlib/derived.scm` defines in the core environment (see
/// `stdlib::load_core`). Like the special forms, every environment sees
/// them under their names unless it imports or defines the name otherwise,
/// so they are listed here, where keys are resolved, before any interpreter
/// exists; a unit test of `stdlib` checks the list against what the file
/// defines.
pub const CORE_SYNTAX: &[&str] = &["receive", "case-lambda", "assert", "with-arena", "do"];

/// One environment's names.
pub struct Environment {
    /// Names imported or defined here, and the key each denotes.
    names: rustc_hash::FxHashMap<Symbol, Symbol>,
    /// The namespace of this environment's own definitions; `None` for the
    /// interaction environment, where a name is its own key.
    namespace: Option<Rc<str>>,
}

impl Environment {
    /// The interaction environment.
    pub fn interaction() -> Environment {
        Environment {
            names: rustc_hash::FxHashMap::default(),
            namespace: None,
        }
    }

    /// An isolated environment whose definitions go to `namespace`.
    pub fn isolated(namespace: &str) -> Environment {
        Environment {
            names: rustc_hash::FxHashMap::default(),
            namespace: Some(Rc::from(namespace)),
        }
    }

    /// Whether names not imported are unbound here (a program or a library).
    pub fn is_isolated(&self) -> bool {
        self.namespace.is_some()
    }

    /// The key `name` denotes here. Special-form keywords and auxiliary
    /// syntax keep their meaning unless imported or defined otherwise, so an
    /// expansion that uses `lambda` or `else` works in any environment; so
    /// do the core's macros ([`CORE_SYNTAX`]), under their system keys.
    pub fn key(&self, name: Symbol) -> Symbol {
        if let Some(key) = self.names.get(&name) {
            return *key;
        }
        match &self.namespace {
            None => name,
            Some(_) if is_key(name) || is_syntax_word(&name.name()) => name,
            Some(_) if CORE_SYNTAX.contains(&&*name.name()) => system_key(&name.name()),
            Some(namespace) => namespaced(namespace, &name.name()),
        }
    }

    /// Binds `name` to a definition of this environment's own, replacing an
    /// import of the same name; returns the definition's key.
    pub fn define(&mut self, name: Symbol) -> Symbol {
        match &self.namespace {
            None => {
                self.names.remove(&name);
                name
            }
            Some(namespace) => {
                let key = namespaced(namespace, &name.name());
                self.names.insert(name, key);
                key
            }
        }
    }

    /// Makes `name` denote `key` (an import); a later import of the same name
    /// replaces an earlier one. In the interaction environment a builtin
    /// imported under its own name is already there, and stays rebindable.
    pub fn import(&mut self, name: Symbol, key: Symbol) {
        if self.namespace.is_none() && (key == name || key == system_key(&name.name())) {
            self.names.remove(&name);
        } else {
            self.names.insert(name, key);
        }
    }

    /// Every name imported or defined here with its key.
    pub fn bindings(&self) -> impl Iterator<Item = (Symbol, Symbol)> + '_ {
        self.names.iter().map(|(n, k)| (*n, *k))
    }
}

/// The key of a definition `name` in `namespace`.
pub fn namespaced(namespace: &str, name: &str) -> Symbol {
    Symbol::intern(&format!(" {namespace}{SEPARATOR}{name}"))
}

/// The system key of the builtin `name`: the cell libraries and generated
/// code use, which no program can rebind.
pub fn system_key(name: &str) -> Symbol {
    namespaced("", name)
}

/// Whether `name` is already a key (generated code names builtins by their
/// system keys, which mean themselves everywhere).
pub fn is_key(name: Symbol) -> bool {
    let text = name.name();
    text.starts_with(' ') && text.contains(SEPARATOR)
}

/// Whether `key` is the system key of a builtin.
pub fn is_system_key(key: Symbol) -> bool {
    key.name().starts_with(&format!(" {SEPARATOR}")[..])
}

/// The name a key was defined under, as a program wrote it (for messages).
pub fn display_name(key: Symbol) -> Symbol {
    let text = key.name();
    match text.rfind(SEPARATOR) {
        Some(i) if text.starts_with(' ') => Symbol::intern(&text[i + SEPARATOR.len_utf8()..]),
        _ => key,
    }
}

/// Whether `name` is a special-form keyword or auxiliary syntax: names
/// every environment exports under themselves.
pub fn is_syntax_word(name: &str) -> bool {
    crate::compile::expand::is_special_form(name) || AUXILIARY.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interaction_names_are_their_own_keys() {
        let env = Environment::interaction();
        let car = Symbol::intern("car");
        assert_eq!(env.key(car), car);
    }

    #[test]
    fn isolated_definitions_get_keys_of_their_namespace() {
        let mut env = Environment::isolated("(my lib)");
        let helper = Symbol::intern("helper");
        let key = env.define(helper);
        assert_eq!(env.key(helper), key);
        assert_ne!(key, helper);
        assert_eq!(display_name(key), helper);
        assert!(!is_system_key(key));
    }

    #[test]
    fn keywords_keep_their_meaning_in_isolated_environments() {
        let env = Environment::isolated("p");
        let lambda = Symbol::intern("lambda");
        assert_eq!(env.key(lambda), lambda);
        let builtin = system_key("vector");
        assert_eq!(env.key(builtin), builtin);
        assert!(is_system_key(builtin));
        assert_eq!(display_name(builtin), Symbol::intern("vector"));
    }

    #[test]
    fn a_definition_replaces_an_import() {
        let mut env = Environment::isolated("p");
        let list = Symbol::intern("list");
        env.import(list, system_key("list"));
        assert_eq!(env.key(list), system_key("list"));
        let own = env.define(list);
        assert_eq!(env.key(list), own);
    }
}
