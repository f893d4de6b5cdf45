//! Eshkol: a Scheme-subset interpreter with explicit arena memory.
//!
//! The pipeline, one module per stage: [`syntax`] reads text into data,
//! [`compile`] turns data into expressions with resolved variables, [`eval`] runs
//! them with proper tail calls, calling [`builtins`]. The arena runtime
//! underneath is its own crate, `eshkol_arena`, independent of the interpreter.
#![forbid(unsafe_code)]

pub mod arena_picture;
pub mod arena_profile;
pub mod arena_report;
pub mod bigint;
pub mod builtins;
pub mod check;
pub mod compile;
pub mod diagnostics;
pub mod eval;
pub mod gc;
pub mod interp;
pub mod library;
pub mod native_stack;
pub mod numeric;
pub mod port;
pub mod printer;
pub mod process_memory;
pub mod repl;
pub mod stdlib;
pub mod symbol;
pub mod syntax;
pub mod value;

pub use diagnostics::{Error, ErrorKind};
pub use interp::Interp;
pub use value::Value;
