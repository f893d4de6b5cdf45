//! The Scheme half of the library: `stdlib/*.scm`, embedded at build time and
//! evaluated into every new interpreter, and `stdlib/**/*.sld`, libraries
//! loaded the first time a program imports them. Procedures live here when
//! they read better in Scheme than in Rust and are not on a hot path.

use crate::diagnostics::Result;
use crate::interp::Interp;

/// (file name, source) of each library file, in load order.
const SOURCES: &[(&str, &str)] = &[("stdlib/testing.scm", include_str!("../stdlib/testing.scm"))];

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
