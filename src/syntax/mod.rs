//! The reader: source text → [`Datum`] trees with spans.
//!
//! `lexer` (logos) turns text into tokens, `reader` cuts them into top-level
//! data one at a time, `parser` (LALRPOP, grammar in `grammar/eshkol.lalrpop`)
//! turns each datum's tokens into a tree, and `number_literal` parses numeric
//! syntax for both the reader and `string->number`.

pub mod datum;
pub mod lexer;
pub mod number_literal;
pub mod parser;
pub mod reader;
pub mod span;

pub use datum::{Datum, DatumKind, NumberLiteral};
pub use lexer::is_delimiter;
pub use parser::{parse_program, parse_program_with, strip_bom, Parsed, ReadError, ReadErrorKind};
pub use reader::{Reader, MAX_NESTING};
pub use span::{SourceId, Span};
