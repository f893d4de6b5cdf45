//! The interpreter's state and its public API, used by the command line, the
//! REPL and the tests.

use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use crate::arena::Arenas;
use crate::diagnostics::{Error, ErrorKind, Result, SourceMap};
use crate::symbol::Symbol;
use crate::value::Value;

/// A global variable's cell. Compiled code holds an `Rc` to it, so a global
/// reference is one pointer away, with no name lookup at run time.
pub struct Global {
    pub name: Symbol,
    value: std::cell::Cell<Value>,
}

impl Global {
    /// An unbound global.
    pub fn new(name: Symbol) -> Global {
        Global {
            name,
            value: std::cell::Cell::new(Value::Undefined),
        }
    }

    /// The current value (`Value::Undefined` when unbound).
    #[inline]
    pub fn get(&self) -> Value {
        let v = self.value.take();
        let out = v.clone();
        self.value.set(v);
        out
    }

    /// Binds or assigns.
    pub fn set(&self, value: Value) {
        self.value.set(value);
    }

    /// Whether the global has a value.
    pub fn is_bound(&self) -> bool {
        let v = self.value.take();
        let bound = !matches!(v, Value::Undefined);
        self.value.set(v);
        bound
    }
}

/// Where `display` and friends send their text.
pub enum Output {
    /// Buffered standard output, flushed at the end, before errors are printed
    /// and before reading input.
    Stdout(std::io::BufWriter<std::io::Stdout>),
    /// Captured in memory (tests, `:time`, string ports built on it).
    Captured(String),
}

/// One interpreter: its globals, sources, arenas and output.
pub struct Interp {
    /// Frame slots of every active procedure call.
    pub(crate) stack: Vec<Value>,
    pub(crate) globals: HashMap<Symbol, Rc<Global>>,
    /// Every source text read, for error reports.
    pub sources: SourceMap,
    /// The arena runtime's registry.
    pub arenas: Arenas,
    pub(crate) output: Output,
    /// Current depth of non-tail calls.
    pub(crate) depth: usize,
    /// The non-tail call depth at which evaluation stops with a
    /// "recursion too deep" error.
    pub max_depth: usize,
}

impl Interp {
    /// An interpreter writing to standard output, with every builtin installed.
    pub fn new() -> Interp {
        Interp::with_output(Output::Stdout(std::io::BufWriter::new(std::io::stdout())))
    }

    /// An interpreter whose output is captured in memory (see [`Interp::take_output`]).
    pub fn new_captured() -> Interp {
        Interp::with_output(Output::Captured(String::new()))
    }

    fn with_output(output: Output) -> Interp {
        let mut interp = Interp {
            stack: Vec::with_capacity(1024),
            globals: HashMap::new(),
            sources: SourceMap::default(),
            arenas: Arenas::new(),
            output,
            depth: 0,
            max_depth: 100_000,
        };
        for table in crate::builtins::tables() {
            for primitive in table {
                interp.define_global(primitive.name, Value::Primitive(primitive));
            }
        }
        interp
    }

    /// The global cell for `name`, created unbound on first mention.
    pub fn global(&mut self, name: Symbol) -> Rc<Global> {
        self.globals
            .entry(name)
            .or_insert_with(|| Rc::new(Global::new(name)))
            .clone()
    }

    /// Binds a global (used for builtins and `define` at top level).
    pub fn define_global(&mut self, name: &str, value: Value) {
        self.global(Symbol::intern(name)).set(value);
    }

    /// Writes program output.
    pub fn write_output(&mut self, text: &str) -> Result<()> {
        match &mut self.output {
            Output::Stdout(w) => w
                .write_all(text.as_bytes())
                .map_err(|e| Error::new(ErrorKind::Io, format!("cannot write output: {e}"))),
            Output::Captured(s) => {
                s.push_str(text);
                Ok(())
            }
        }
    }

    /// Flushes buffered standard output.
    pub fn flush_output(&mut self) {
        if let Output::Stdout(w) = &mut self.output {
            let _ = w.flush();
        }
    }

    /// Takes the text captured so far (empty when writing to stdout).
    pub fn take_output(&mut self) -> String {
        match &mut self.output {
            Output::Captured(s) => std::mem::take(s),
            Output::Stdout(_) => String::new(),
        }
    }

    /// Calls a procedure with arguments (stub until the evaluator lands).
    pub fn apply(&mut self, _procedure: &Value, _args: &[Value]) -> Result<Value> {
        Err(Error::new(ErrorKind::Type, "apply: evaluator not built yet"))
    }
}

impl Default for Interp {
    fn default() -> Self {
        Interp::new()
    }
}
