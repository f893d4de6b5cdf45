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
    ["file", "load", "delete"].iter().any(|word| name.contains(word))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut interp = Interp::new_captured();
    for name in interp.bound_names() {
        if touches_files(&name) {
            interp.define_global(&name, Value::Bool(false));
        }
    }
    interp.max_calls = Some(1 << 18);
    interp.max_depth = 10_000;
    interp.max_memory = Some(1 << 30);
    if let Err(error) = interp.eval_str("fuzz.scm", text) {
        // Rendering walks the spans and the source text: part of the surface.
        let _ = interp.render_error(&error, false);
    }
    let _ = interp.take_output();
});
