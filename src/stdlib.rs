//! The Scheme half of the library: `stdlib/*.scm`, embedded at build time and
//! evaluated into every new interpreter, and `stdlib/**/*.sld`, libraries
//! loaded the first time a program imports them. Procedures live here when
//! they read better in Scheme than in Rust and are not on a hot path.

use crate::diagnostics::Result;
use crate::interp::Interp;

/// (file name, source) of each library file, in load order.
const SOURCES: &[(&str, &str)] = &[("stdlib/testing.scm", include_str!("../stdlib/testing.scm"))];

/// Builtins written in Scheme, evaluated into every interpreter as it is
/// made: each is bound under its system key too, like a Rust builtin, so
/// every environment and library sees it.
const CORE: (&str, &str) = ("stdlib/control.scm", include_str!("../stdlib/control.scm"));

/// The names `CORE` defines.
const CORE_NAMES: &[&str] = &["dynamic-wind"];

/// Evaluates [`CORE`] into a new interpreter (the internal builtins it calls
/// are visible to it under their own names).
pub fn load_core(interp: &mut Interp) -> Result<()> {
    for table in crate::builtins::tables() {
        for primitive in table.iter().filter(|p| p.name.starts_with("%wind-")) {
            interp.define_global(primitive.name, crate::value::Value::Primitive(primitive));
        }
    }
    interp.eval_core_source(CORE.0, CORE.1)?;
    for name in CORE_NAMES {
        let key = crate::symbol::Symbol::intern(name);
        interp.stdlib_keys.insert(key);
        let value = interp.global(key).get();
        interp
            .global(crate::compile::env::system_key(name))
            .set(value);
    }
    Ok(())
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
