//! The arena runtime (stub).
