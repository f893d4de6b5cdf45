//! Builtins: lists (stub).

use super::Primitive;

/// This topic's builtins.
pub static PRIMITIVES: &[Primitive] = &[];
