//! Eshkol: a Scheme-subset interpreter with explicit arena memory.
#![forbid(unsafe_code)]

pub mod arena;
pub mod syntax;
