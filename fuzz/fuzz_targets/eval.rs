//! Feeds arbitrary text to the reader, the expander and the evaluator.
//!
//! Each input runs in a fresh interpreter bounded in calls, recursion depth
//! and memory, so a generated endless loop or runaway allocation ends with an
//! error like any other. The property is that nothing panics, aborts or
//! overflows the stack. Procedures that touch the file system are unbound
//! first, so the fuzzer cannot write or delete files.
#![no_main]

use eshkol::{Interp, Value};
use libfuzzer_sys::fuzz_target;

/// Builtins the fuzzer must not call: they touch the file system.
fn touches_files(name: &str) -> bool {
    ["file", "load", "delete"]
        .iter()
        .any(|word| name.contains(word))
}

/// `ESHKOL_FUZZ_LAST=path` writes each input to `path` before running it:
/// a stack overflow kills the process before libFuzzer can save the input.
fn record_input(data: &[u8]) {
    static PATH: std::sync::OnceLock<Option<std::ffi::OsString>> = std::sync::OnceLock::new();
    if let Some(path) = PATH.get_or_init(|| std::env::var_os("ESHKOL_FUZZ_LAST")) {
        let _ = std::fs::write(path, data);
    }
}

fuzz_target!(|data: &[u8]| {
    record_input(data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut interp = Interp::new_captured();
    for name in interp.bound_names() {
        if touches_files(&name) {
            interp.define_global(&name, Value::Bool(false));
        }
    }
    interp.max_calls = Some(1 << 16);
    interp.max_depth = 10_000;
    interp.max_memory = Some(1 << 30);
    if let Err(error) = interp.eval_str("fuzz.scm", text) {
        // Rendering walks the spans and the source text: part of the surface.
        let _ = interp.render_error(&error, false);
    }
    let _ = interp.take_output();
});
