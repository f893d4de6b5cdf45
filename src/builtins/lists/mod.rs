//! Builtins: pairs and lists (R7RS, plus the common SRFI-1 procedures).
//!
//! Every traversal iterates along cdrs (never recursion), checks each pair for a
//! dead arena owner, and detects cyclic lists where it would otherwise loop
//! forever. Results are collected into a `Vec` and consed up from the back.
//!
//! Each concern has a file of its own, with its table of builtins next to the
//! functions; the walker they all traverse with is in `traversal.rs`.

pub mod basics;
pub mod higher_order;
pub mod pairs;
pub mod searching;
pub mod sequences;
mod traversal;

#[cfg(test)]
mod test_util;
