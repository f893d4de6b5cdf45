//! What names mean at top level, kept between forms: the environments of
//! programs and libraries, the macros defined so far, and the aliases macro
//! templates introduced.

use std::collections::HashMap;
use std::rc::Rc;

use crate::symbol::Symbol;

/// The expander's state between top-level forms. `Interp` holds one.
pub struct SyntaxEnv {
    /// Macros defined at top level with `define-syntax`.
    pub(crate) macros: HashMap<Symbol, Rc<super::expand::Macro>>,
    /// Names macro templates introduced, and what they stand for.
    pub(crate) aliases: HashMap<Symbol, super::expand::Alias>,
    /// Every top-level environment: the interaction environment first, then
    /// programs', libraries' and `environment`'s (see [`super::env`]).
    pub(crate) envs: Vec<super::env::Environment>,
    /// The environment top-level forms are compiled in now.
    pub(crate) current_env: super::env::EnvId,
    /// Free references compiled while a local of a close name was in scope
    /// (see [`super::compile_toplevel`]), for "did you mean".
    pub(crate) local_suggestions: HashMap<crate::syntax::Span, Symbol>,
    /// The alias count at which unused aliases are next forgotten.
    pub(crate) prune_aliases_at: usize,
}

impl Default for SyntaxEnv {
    fn default() -> SyntaxEnv {
        SyntaxEnv {
            macros: HashMap::new(),
            aliases: HashMap::new(),
            envs: vec![super::env::Environment::interaction()],
            current_env: super::env::INTERACTION,
            local_suggestions: HashMap::new(),
            prune_aliases_at: 0,
        }
    }
}
