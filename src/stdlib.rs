//! The Scheme half of the library: `stdlib/*.scm`, embedded at build time and
//! evaluated into every new interpreter, and `stdlib/**/*.sld`, libraries
//! loaded the first time a program imports them. Procedures live here when
//! they read better in Scheme than in Rust and are not on a hot path.

use crate::compile::env::CORE_SYNTAX;
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
/// reported at the program's call.
pub fn load_core(interp: &mut Interp) -> Result<()> {
    let env = crate::compile::env::CORE;
    debug_assert_eq!(interp.envs.len(), env, "the core environment comes second");
    interp
        .envs
        .push(crate::compile::env::Environment::isolated(""));
    for (name, walk) in crate::eval::walk_procedures(interp) {
        let key = interp.envs[env].define(name);
        interp.global(key).set(walk);
    }
    let result = interp.in_environment(env, |interp| {
        CORE.iter()
            .try_for_each(|(name, text)| interp.eval_core_source(name, text).map(drop))
    });
    interp.sources.seal_library();
    result?;
    let mut macros = Vec::new();
    for (name, key) in core_definitions(interp) {
        if let Some(m) = interp.macros.get(&key).cloned() {
            // The interaction environment's names are their own keys.
            interp.macros.insert(name, m);
            macros.push(name);
            continue;
        }
        let value = interp.global(key).get();
        interp.global(name).set(value);
        interp.stdlib_keys.insert(name);
    }
    debug_assert!(
        macros.len() == CORE_SYNTAX.len()
            && macros.iter().all(|m| CORE_SYNTAX.contains(&&*m.name())),
        "CORE_SYNTAX lists the macros of CORE: {macros:?}"
    );
    Ok(())
}

/// The builtins [`CORE`] defines for programs: (name, system key).
pub fn core_definitions(interp: &Interp) -> Vec<(crate::symbol::Symbol, crate::symbol::Symbol)> {
    interp.envs[crate::compile::env::CORE]
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
