//! The interpreter's state and its public API, used by the command line, the
//! REPL and the tests.

use std::rc::Rc;

use std::path::Path;

use crate::diagnostics::{human_bytes, io_reason, Error, ErrorKind, Result, SourceMap};
use crate::library::LibraryForm;
use crate::port::Output;
use crate::process_memory::resident_bytes;
use crate::symbol::Symbol;
use crate::syntax::{Datum, Reader, SourceId};
use crate::value::{Global, Value};

/// Sources up to this size are read whole before they run (one pass); longer
/// ones are read twice, to check and then form by form ([`Interp::forms`]).
const READ_WHOLE_BYTES: usize = 1 << 20;

/// The forms of a source on their way to evaluation.
enum Forms {
    /// All read already.
    Whole(std::vec::IntoIter<Datum>),
    /// Read one at a time.
    Streamed(Reader),
}

/// One interpreter: its globals, sources, arenas and output.
pub struct Interp {
    /// Fx-hashed: symbols are small integers, and start-up fills it.
    pub(crate) globals: rustc_hash::FxHashMap<Symbol, Rc<Global>>,
    /// What names mean at top level: environments, macros and aliases.
    pub(crate) syntax: crate::compile::SyntaxEnv,
    /// Libraries defined or loaded, and the library search path.
    pub libraries: crate::library::Libraries,
    /// Whether `stdlib/*.scm` has been evaluated (see [`Interp::ensure_stdlib`]).
    stdlib_loaded: bool,
    /// The globals `stdlib/*.scm` defined: library internals, which the
    /// REPL's `:env` leaves out of the user's definitions.
    pub(crate) stdlib_keys: rustc_hash::FxHashSet<Symbol>,
    /// The record type of the values `environment` returns.
    pub(crate) environment_type: Rc<crate::value::RecordType>,
    /// Every source text read, for error reports.
    pub sources: SourceMap,
    /// The arenas: the runtime's registry and what Scheme knows of each.
    pub arenas: crate::builtins::arena::ArenaState,
    /// Standard output, the current ports and the file ports to flush.
    pub(crate) io: crate::port::Io,
    /// What `(command-line)` returns: the script and its arguments.
    pub command_line: Vec<String>,
    /// The evaluator's state: the stacks, the handlers and the limits.
    pub machine: crate::eval::Machine,
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
            globals: rustc_hash::FxHashMap::default(),
            syntax: crate::compile::SyntaxEnv::default(),
            libraries: crate::library::Libraries::default(),
            stdlib_loaded: false,
            stdlib_keys: Default::default(),
            environment_type: Rc::new(crate::value::RecordType {
                name: Symbol::intern("environment"),
                fields: vec![Symbol::intern("id")],
            }),
            sources: SourceMap::default(),
            arenas: crate::builtins::arena::ArenaState::default(),
            io: crate::port::Io::new(output),
            machine: crate::eval::Machine::default(),
            command_line: vec!["eshkol".to_string()],
        };
        // Each builtin under its system key, for libraries and generated
        // code, and (unless internal) under its name, for the REPL.
        for table in crate::library::builtin_tables() {
            for primitive in table {
                let system = crate::compile::env::system_key(primitive.name);
                interp.global(system).set(Value::Primitive(primitive));
                if !primitive.name.starts_with('%') {
                    interp.define_global(primitive.name, Value::Primitive(primitive));
                }
            }
        }
        if let Err(error) = crate::stdlib::load_core(&mut interp) {
            // Part of the binary and tested: failing here is a bug.
            eprint!("{}", interp.render_error(&error, false));
        }
        // Ctrl-C also stops long big-integer work (a gcd of huge numbers).
        crate::bigint::watch_interrupts(interp.machine.interrupt.clone());
        interp
    }

    /// Evaluates `stdlib/*.scm` into the interaction environment the first
    /// time code runs there (or `(srfi 64)` is imported): a program that
    /// imports sees only its imports, so it starts without paying for them.
    pub(crate) fn ensure_stdlib(&mut self) {
        if self.stdlib_loaded {
            return;
        }
        self.stdlib_loaded = true;
        let bound_before: rustc_hash::FxHashSet<Symbol> = self.bound_keys().collect();
        let result = self.in_environment(crate::compile::env::INTERACTION, crate::stdlib::load);
        let added: Vec<Symbol> = self
            .bound_keys()
            .filter(|key| !bound_before.contains(key))
            .collect();
        self.stdlib_keys.extend(added);
        if let Err(error) = result {
            // The library is part of the binary and tested: failing here is a
            // bug, reported rather than hidden.
            eprint!("{}", self.render_error(&error, false));
        }
    }

    /// The global cell `name` names in the REPL's environment (where a
    /// program without imports runs), if it is bound: what the REPL's
    /// commands and `--check` look names up in.
    pub(crate) fn bound_cell(&self, name: &str) -> Option<Rc<Global>> {
        let key = self.syntax.envs[crate::compile::env::INTERACTION].key(Symbol::intern(name));
        self.globals
            .get(&key)
            .filter(|cell| cell.is_bound())
            .cloned()
    }

    /// The global cell for `key`, created unbound on first mention.
    pub fn global(&mut self, key: Symbol) -> Rc<Global> {
        self.globals
            .entry(key)
            .or_insert_with(|| Rc::new(Global::new(crate::compile::env::display_name(key))))
            .clone()
    }

    /// Binds a global (used for builtins and `define` at top level).
    pub fn define_global(&mut self, name: &str, value: Value) {
        self.global(Symbol::intern(name)).set(value);
    }

    /// Writes program output to the current output port.
    pub fn write_output(&mut self, text: &str) -> Result<()> {
        let port = self.io.current_output.clone();
        crate::port::write(&mut self.io, &port, "write", text.as_bytes())
    }

    /// Flushes program output and, when it stopped in the middle of a line,
    /// ends that line, so what comes next (a prompt, a report) starts on a
    /// line of its own and the text stays visible.
    pub fn end_console_line(&mut self) {
        self.io.end_console_line();
    }

    /// Flushes standard output and every file port at the end of a program:
    /// a write that fails there (a full disk, a closed pipe) is an error.
    pub fn finish_output(&mut self) -> Result<()> {
        self.io.finish()
    }

    /// Flushes buffered standard output and every open file output port.
    pub fn flush_output(&mut self) {
        self.io.flush();
    }

    /// Takes the text captured so far (empty when writing to stdout).
    pub fn take_output(&mut self) -> String {
        self.io.take_output()
    }

    /// True (and cleared) when an interrupt was requested.
    #[inline]
    pub fn interrupted(&self) -> bool {
        use std::sync::atomic::Ordering;
        self.machine.interrupt.load(Ordering::Relaxed)
            && self.machine.interrupt.swap(false, Ordering::Relaxed)
    }

    /// Reads, compiles and runs every form of `text`, registered under `name`;
    /// returns the last form's value.
    pub fn eval_str(&mut self, name: &str, text: &str) -> Result<Value> {
        let source = self.sources.add(name, text);
        self.eval_source(source)
    }

    /// Evaluates library code into the interaction environment without
    /// loading `stdlib/*.scm` first (for `stdlib::load_core`).
    pub(crate) fn eval_core_source(&mut self, name: &str, text: &str) -> Result<Value> {
        let loaded = std::mem::replace(&mut self.stdlib_loaded, true);
        let result = self.eval_str(name, text);
        self.stdlib_loaded = loaded;
        result
    }

    /// Runs a registered source.
    pub fn eval_source(&mut self, source: SourceId) -> Result<Value> {
        let mut forms = self.forms(source)?;
        let mut last = Value::Unspecified;
        while let Some(datum) = self.next_form(&mut forms, source) {
            last = self.eval_datum(&datum?)?;
        }
        Ok(last)
    }

    /// The forms of a registered source, all of which read: a source with bad
    /// syntax anywhere runs none of its forms. A long source is read through
    /// once to check it and then again a form at a time, so its data are
    /// never all held at once.
    fn forms(&self, source: SourceId) -> Result<Forms> {
        let Some(text) = self.sources.get(source).map(|s| &s.text) else {
            return Ok(Forms::Whole(Vec::new().into_iter()));
        };
        if text.len() <= READ_WHOLE_BYTES {
            let data = crate::syntax::parse_program(text, source).map_err(Error::from_read)?;
            return Ok(Forms::Whole(data.into_iter()));
        }
        let mut forms = Forms::Streamed(Reader::new(source, false));
        while let Some(datum) = self.next_form(&mut forms, source) {
            datum?;
        }
        Ok(Forms::Streamed(Reader::new(source, false)))
    }

    /// The next of `forms`.
    fn next_form(&self, forms: &mut Forms, source: SourceId) -> Option<Result<Datum>> {
        match forms {
            Forms::Whole(data) => data.next().map(Ok),
            Forms::Streamed(reader) => {
                let text = &self.sources.get(source)?.text;
                reader
                    .next_datum(text, true)
                    .map(|datum| datum.map_err(Error::from_read))
            }
        }
    }

    /// Compiles and runs one datum as a top-level form of the current
    /// environment; `import` and `define-library` go to the library system.
    pub fn eval_datum(&mut self, datum: &Datum) -> Result<Value> {
        match crate::library::library_form(self, datum) {
            Some(LibraryForm::Import) => crate::library::eval_import(self, datum),
            Some(LibraryForm::DefineLibrary) => crate::library::eval_define_library(self, datum),
            None => {
                if self.syntax.current_env == crate::compile::env::INTERACTION {
                    self.ensure_stdlib();
                }
                let lambda = crate::compile::compile_toplevel(self, datum)?;
                self.run_toplevel(lambda)
            }
        }
    }

    /// Runs a script file as a program (see [`Interp::run_program`]).
    pub fn run_file(&mut self, path: &Path) -> Result<Value> {
        let source = self.load_source(path)?;
        self.run_program(source)
    }

    /// Runs a registered source as a program. A program that begins with
    /// `import` (after any `define-library`) sees only what it imports, as
    /// R7RS says; one that imports nothing sees every builtin, as the REPL
    /// does.
    pub fn run_program(&mut self, source: SourceId) -> Result<Value> {
        let mut forms = self.forms(source)?;
        let saved = self.syntax.current_env;
        let mut preamble = true;
        let mut result = Ok(Value::Unspecified);
        while let Some(datum) = self.next_form(&mut forms, source) {
            let datum = match datum {
                Ok(datum) => datum,
                Err(error) => {
                    result = Err(error);
                    break;
                }
            };
            let datum = &datum;
            if preamble {
                match crate::library::library_form(self, datum) {
                    Some(LibraryForm::Import) if saved == self.syntax.current_env => {
                        self.syntax.current_env = crate::library::new_environment(self, "program");
                    }
                    Some(_) => {}
                    None => preamble = false,
                }
            }
            result = self.eval_datum(datum);
            if result.is_err() {
                break;
            }
        }
        self.syntax.current_env = saved;
        result
    }

    /// Loads a file into the current environment (what `load` does).
    pub fn load_file(&mut self, path: &Path) -> Result<Value> {
        let source = self.load_source(path)?;
        self.eval_source(source)
    }

    /// Runs `f` with `env` as the environment of top-level forms.
    pub(crate) fn in_environment<T>(
        &mut self,
        env: crate::compile::env::EnvId,
        f: impl FnOnce(&mut Interp) -> T,
    ) -> T {
        let saved = std::mem::replace(&mut self.syntax.current_env, env);
        let result = f(self);
        self.syntax.current_env = saved;
        result
    }

    /// Reads a file into the source map, refusing invalid UTF-8 with the offset
    /// of the first bad byte.
    pub fn load_source(&mut self, path: &Path) -> Result<SourceId> {
        let bytes = std::fs::read(path).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                format!("cannot read {}: {}", path.display(), io_reason(&e)),
            )
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            Error::new(
                ErrorKind::Read,
                format!(
                    "{} is not valid UTF-8: bad byte at offset {offset}",
                    path.display()
                ),
            )
        })?;
        Ok(self.sources.add(path.display().to_string(), &text))
    }

    /// The keys of every bound global.
    fn bound_keys(&self) -> impl Iterator<Item = Symbol> + '_ {
        self.globals
            .iter()
            .filter(|(_, cell)| cell.is_bound())
            .map(|(key, _)| *key)
    }

    /// Names of every bound global a program can spell (for completion).
    pub fn bound_names(&self) -> Vec<String> {
        let imported = self.syntax.envs[crate::compile::env::INTERACTION]
            .bindings()
            .map(|(name, _)| name);
        self.bound_keys()
            .chain(imported)
            .map(|name| name.name().to_string())
            .filter(|name| !name.starts_with(' '))
            .collect()
    }

    /// The miette report for an error, against this interpreter's sources.
    pub fn render_error(&self, error: &Error, color: bool) -> String {
        if let (None, Some(name)) = (&error.0.help, error.0.unbound) {
            let unbound_import = crate::library::import_hint(&name.name()).filter(|_| {
                self.globals
                    .get(&crate::compile::env::system_key(&name.name()))
                    .is_some_and(|g| g.is_bound())
            });
            let local = error
                .0
                .span
                .and_then(|span| self.syntax.local_suggestions.get(&span));
            if let Some(local) = local {
                let mut data = (*error.0).clone();
                data.help = Some(format!("did you mean the local variable `{local}`?"));
                return self.sources.render(&Error(Box::new(data)), color);
            }
            if let Some(hint) = unbound_import {
                let mut data = (*error.0).clone();
                data.help = Some(hint);
                return self.sources.render(&Error(Box::new(data)), color);
            }
            if let Some(suggestion) = self.suggest_global(&name.name()) {
                let mut data = (*error.0).clone();
                data.help = Some(format!("did you mean `{suggestion}`?"));
                return self.sources.render(&Error(Box::new(data)), color);
            }
        }
        self.sources.render(error, color)
    }
}

impl Default for Interp {
    fn default() -> Self {
        Interp::new()
    }
}

impl Drop for Interp {
    /// A global's procedure refers to the global cells its code uses, often
    /// its own: a cycle that reference counting alone never frees. Emptying
    /// every cell breaks those cycles; a final collection frees the rest, so
    /// a program that creates many interpreters does not leak them.
    fn drop(&mut self) {
        for global in self.globals.values() {
            global.set(Value::Undefined);
        }
        self.syntax.macros.clear();
        self.syntax.aliases.clear();
        self.machine.stack.clear();
        crate::gc::collect();
    }
}

impl Interp {
    /// Refuses, with a memory error, an allocation of `bytes` that would take
    /// the process over the `--max-memory` bound. Builtins that size an object
    /// from an argument call it first, so `(make-vector 1e9 0)` fails at once
    /// instead of after filling gigabytes. Small requests are checked once they add up to 64 MiB.
    pub(crate) fn check_allocation(&self, who: &str, bytes: usize) -> Result<()> {
        const CHECKED_FROM: usize = 1 << 20;
        const SMALL_BYTES_BETWEEN_CHECKS: usize = 64 << 20;
        let Some(limit) = self.machine.max_memory else {
            return Ok(());
        };
        if bytes < CHECKED_FROM {
            // Many small objects add up: check once they reach 64 MiB.
            let pending = self.machine.unchecked_bytes.get() + bytes;
            if pending < SMALL_BYTES_BETWEEN_CHECKS {
                self.machine.unchecked_bytes.set(pending);
                return Ok(());
            }
        }
        self.machine.unchecked_bytes.set(0);
        let resident = resident_bytes().unwrap_or(0);
        if resident.saturating_add(bytes) <= limit {
            return Ok(());
        }
        let over = resident > limit;
        let (resident, limit) = (human_bytes(resident), human_bytes(limit));
        let message = if over {
            format!("{who}: memory limit exceeded: {resident} resident, the limit is {limit}")
        } else {
            format!(
                "{who}: allocating {} would pass the memory limit ({resident} resident, the limit is {limit})",
                human_bytes(bytes)
            )
        };
        Err(Error::new(ErrorKind::Memory, message)
            .with_help("raise the bound with --max-memory, or build smaller or fewer objects"))
    }
}
