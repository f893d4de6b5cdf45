//! The arena runtime: blocks of bump-allocated bytes, freed all at once.
//!
//! Plain Rust with no knowledge of Scheme values, so the interpreter, tests
//! and a C ABI can all sit on top of it. [`Arena`] is one arena; [`Arenas`]
//! is a registry naming arenas by generational [`ArenaId`] handles and their
//! bytes by checked [`Allocation`] handles, so every use of a destroyed or
//! reset arena is an error value rather than a dangling read.
#![forbid(unsafe_code)]

mod block;
mod bump;
mod error;
mod handle;
mod registry;
mod stats;

pub use bump::{Arena, Mark};
pub use error::ArenaError;
pub use handle::{Allocation, ArenaId};
pub use registry::Arenas;
pub use stats::ArenaStats;
