//! Ports (input and output, string and file).

/// A port.
pub struct Port {}
