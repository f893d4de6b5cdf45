//! The Scheme half of the library: `stdlib/*.scm`, embedded at build time and
//! evaluated into every new interpreter, and `stdlib/**/*.sld`, libraries
//! loaded the first time a program imports them. Procedures live here when
//! they read better in Scheme than in Rust and are not on a hot path.

use crate::diagnostics::Result;
use crate::interp::Interp;

/// (file name, source) of each library file, in load order.
const SOURCES: &[(&str, &str)] = &[("stdlib/testing.scm", include_str!("../stdlib/testing.scm"))];

/// Builtins written in Scheme, (file name, source) in load order. They are
/// evaluated into every interpreter as it is made, in an environment whose
/// every name is a system key: a definition there is a builtin, and the
/// builtins it calls are the system's own, whatever a program rebinds. Each
/// definition whose name does not start with `%` is also bound under its
/// name, like a Rust builtin.
const CORE: &[(&str, &str)] = &[
    ("stdlib/control.scm", include_str!("../stdlib/control.scm")),
    ("stdlib/derived.scm", include_str!("../stdlib/derived.scm")),
];

/// Evaluates [`CORE`] into a new interpreter, beside the procedures the
/// machine implements itself (the walks: `map`, `for-each`...); their
/// sources are then sealed as library text, so errors inside them are
/// reported at the program's call. Each definition for programs is copied
/// under its plain name, the key the interaction environment uses: a value
/// into its global, a macro into the macro table.
pub fn load_core(interp: &mut Interp) -> Result<()> {
    let env = crate::compile::env::CORE;
    debug_assert_eq!(
        interp.syntax.envs.len(),
        env,
        "the core environment comes second"
    );
    interp
        .syntax
        .envs
        .push(crate::compile::env::Environment::isolated(""));
    for (name, walk) in crate::eval::walk_procedures(interp) {
        let key = interp.syntax.envs[env].define(name);
        interp.global(key).set(walk);
    }
    let result = interp.in_environment(env, |interp| {
        CORE.iter()
            .try_for_each(|(name, text)| interp.eval_core_source(name, text).map(drop))
    });
    interp.sources.seal_library();
    result?;
    for (name, key) in core_definitions(interp) {
        if let Some(m) = interp.syntax.macros.get(&key).cloned() {
            // The interaction environment's names are their own keys.
            interp.syntax.macros.insert(name, m);
            continue;
        }
        let value = interp.global(key).get();
        interp.global(name).set(value);
        interp.stdlib_keys.insert(name);
    }
    Ok(())
}

/// The builtins [`CORE`] defines for programs: (name, system key).
pub fn core_definitions(interp: &Interp) -> Vec<(crate::symbol::Symbol, crate::symbol::Symbol)> {
    interp.syntax.envs[crate::compile::env::CORE]
        .bindings()
        .filter(|(name, _)| !name.name().starts_with('%'))
        .collect()
}

/// Evaluates every library file into `interp`.
pub fn load(interp: &mut Interp) -> Result<()> {
    for (name, text) in SOURCES {
        interp.eval_str(name, text)?;
    }
    Ok(())
}

/// (library name, file name, source) of each library written in Scheme.
const LIBRARIES: &[(&str, &str, &str)] = &[
    (
        "(srfi 1)",
        "stdlib/srfi/1.sld",
        include_str!("../stdlib/srfi/1.sld"),
    ),
    (
        "(srfi 69)",
        "stdlib/srfi/69.sld",
        include_str!("../stdlib/srfi/69.sld"),
    ),
];

/// The file name and source of the Scheme library `name`, if it is one.
pub fn library_source(name: &str) -> Option<(&'static str, &'static str)> {
    LIBRARIES
        .iter()
        .find(|(library, _, _)| *library == name)
        .map(|(_, file, text)| (*file, *text))
}

#[cfg(test)]
mod tests {
    use crate::compile::env::{system_key, CORE, CORE_SYNTAX};
    use crate::interp::Interp;

    /// `CORE_SYNTAX`, which environments read before any interpreter
    /// exists, lists exactly the macros the core defines for programs.
    #[test]
    fn core_syntax_lists_the_macros_of_the_core() {
        let interp = Interp::new();
        let mut defined: Vec<String> = interp.syntax.envs[CORE]
            .bindings()
            .filter(|(name, key)| {
                !name.name().starts_with('%') && interp.syntax.macros.contains_key(key)
            })
            .map(|(name, _)| name.name().to_string())
            .collect();
        defined.sort();
        let mut listed: Vec<&str> = CORE_SYNTAX.to_vec();
        listed.sort();
        assert_eq!(defined, listed);
        for name in CORE_SYNTAX {
            assert!(
                interp.syntax.macros.contains_key(&system_key(name)),
                "{name}"
            );
        }
    }
}
