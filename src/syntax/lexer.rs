//! Tokens (stub: replaced by the logos lexer).
