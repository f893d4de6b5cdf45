//! The library system: `import` sets, `define-library` namespaces, library
//! files on the search path, load-once, cycles, and the errors for each,
//! run through the `eshkol` binary as a user would run them.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The checked-in library files.
fn libraries() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/libraries")
}

fn eshkol() -> Command {
    let mut cmd = Command::cargo_bin("eshkol").expect("binary builds");
    cmd.env("NO_COLOR", "1").env_remove("ESHKOL_LIBRARY_PATH");
    cmd
}

/// A program in a fresh temporary directory, removed when dropped.
struct Program {
    dir: PathBuf,
    file: PathBuf,
}

impl Program {
    fn new(text: &str) -> Program {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("eshkol-lib-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("make temp dir");
        let file = dir.join("main.scm");
        std::fs::write(&file, text).expect("write program");
        Program { dir, file }
    }

    /// Adds a file beside the program.
    fn with_file(self, relative: &str, text: &str) -> Program {
        let path = self.dir.join(relative);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("make dirs");
        std::fs::write(path, text).expect("write file");
        self
    }

    /// Runs the program with the checked-in libraries on the search path.
    fn run(&self) -> assert_cmd::assert::Assert {
        eshkol().arg("-I").arg(libraries()).arg(&self.file).assert()
    }
}

impl Drop for Program {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn stdout_of(assert: assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.success().get_output().stdout).to_string()
}

fn stderr_of(assert: assert_cmd::assert::Assert, status: i32) -> String {
    String::from_utf8_lossy(&assert.code(status).get_output().stderr).to_string()
}

#[test]
fn a_portable_program_runs_as_written() {
    let program = Program::new(
        "(import (scheme base) (scheme write))\n\
         (define-values (q r) (floor/ 17 5))\n\
         (write (list q r))\n",
    );
    assert_eq!(stdout_of(program.run()), "(3 2)");
}

#[test]
fn a_program_that_imports_sees_only_what_it_imports() {
    let program = Program::new("(import (scheme base))\n(display \"hi\")\n");
    let err = stderr_of(program.run(), 1);
    assert!(err.contains("unbound variable `display`"), "{err}");
    assert!(err.contains("main.scm:2:2"), "{err}");
    assert!(
        err.contains(
            "`display` is exported by (scheme write): add (scheme write) to the import list"
        ),
        "{err}"
    );
}

#[test]
fn a_program_without_imports_sees_every_builtin() {
    let program = Program::new("(display (fold + 0 (iota 5)))\n");
    assert_eq!(stdout_of(program.run()), "10");
}

#[test]
fn only_except_prefix_and_rename() {
    let program = Program::new(
        "(import (only (scheme base) list define quote)\n\
                 (prefix (only (scheme write) write) out:)\n\
                 (rename (except (my util) counter bump!) (double twice))\n\
                 (rename (prefix (scheme base) b:) (b:car first)))\n\
         (out:write (list (twice 4) (first '(a b)) (b:cdr '(a b))))\n",
    );
    assert_eq!(stdout_of(program.run()), "(8 a (b))");
}

#[test]
fn import_sets_leave_out_what_they_do_not_select() {
    for (set, name) in [
        ("(only (scheme base) quote)", "car"),
        ("(except (scheme base) car)", "car"),
        ("(prefix (scheme base) b:)", "car"),
        ("(rename (scheme base) (car first))", "car"),
    ] {
        let program = Program::new(&format!("(import {set})\n(car '(1))\n"));
        let err = stderr_of(program.run(), 1);
        assert!(
            err.contains(&format!("unbound variable `{name}`")),
            "{set}: {err}"
        );
    }
}

#[test]
fn an_import_set_naming_what_the_library_lacks_is_an_error() {
    let program = Program::new("(import (only (scheme base) car no-such-name))\n");
    let err = stderr_of(program.run(), 1);
    assert!(err.contains("eshkol::library"), "{err}");
    assert!(
        err.contains("only: `no-such-name` is not in the imported set"),
        "{err}"
    );
    assert!(err.contains("main.scm:1:33"), "{err}");
}

#[test]
fn a_library_keeps_its_private_definitions_to_itself() {
    let program = Program::new(
        "(import (scheme base) (scheme write) (my util))\n\
         (write (public-helper 1))\n\
         (helper 1)\n",
    );
    let assert = program.run().code(1);
    let output = assert.get_output();
    assert_eq!(String::from_utf8_lossy(&output.stdout), "(helper 1)");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("unbound variable `helper`"), "{err}");
    assert!(err.contains("main.scm:3:2"), "{err}");
}

#[test]
fn two_libraries_may_define_the_same_name() {
    let program = Program::new(
        "(import (scheme base) (scheme write)\n\
                 (prefix (my util) u:) (prefix (other lists) l:))\n\
         (write (list (u:double 2) (l:double '(1))))\n",
    );
    assert_eq!(stdout_of(program.run()), "(4 (1 1))");
}

#[test]
fn an_exported_macro_means_the_library_bindings_wherever_it_is_used() {
    // The importer rebinds `helper`, `let` and `if`: the macro still uses the
    // library's.
    let program = Program::new(
        "(import (scheme base) (scheme write) (my util))\n\
         (define (helper x) 'the-importers)\n\
         (define (check t) (list (my-or t 'fallback)))\n\
         (write (check 7)) (write (check #f))\n\
         (let ((if list) (t 'user-t)) (write (my-or t 0)))\n",
    );
    assert_eq!(
        stdout_of(program.run()),
        "((helper 7))(fallback)(helper user-t)"
    );
}

#[test]
fn a_library_variable_is_shared_by_its_importers() {
    let program = Program::new(
        "(import (scheme base) (scheme write) (my util))\n\
         (bump!) (bump!)\n\
         (write counter)\n",
    );
    assert_eq!(stdout_of(program.run()), "2");
}

#[test]
fn a_library_is_loaded_once() {
    let program = Program::new(
        "(import (scheme base) (scheme write) (once loaded))\n\
         (import (once user))\n\
         (import (prefix (once loaded) again:))\n\
         (write (list value twice again:value))\n",
    );
    assert_eq!(
        stdout_of(program.run()),
        "loading (once loaded)\n(42 84 42)"
    );
}

#[test]
fn a_cycle_of_imports_is_an_error_naming_the_cycle() {
    let program = Program::new("(import (cyc a))\n");
    let err = stderr_of(program.run(), 1);
    assert!(
        err.contains("import cycle: (cyc a) imports (cyc b) imports (cyc a)"),
        "{err}"
    );
    assert!(err.contains("b.sld:3:25"), "{err}");
    assert!(
        err.contains("help: a library cannot import itself"),
        "{err}"
    );
}

#[test]
fn an_unknown_library_is_an_error_saying_where_it_was_looked_for() {
    let program = Program::new("(import (scheme base)\n        (no such lib))\n");
    let err = stderr_of(program.run(), 1);
    assert!(err.contains("eshkol::library"), "{err}");
    assert!(err.contains("unknown library (no such lib)"), "{err}");
    assert!(err.contains("main.scm:2:9"), "{err}");
    assert!(
        err.contains("looked for no/such/lib.sld and no/such/lib.scm in"),
        "{err}"
    );
    let dirs = err.replace(['\n', ' '], "");
    let beside = program.dir.display().to_string().replace(' ', "");
    let on_path = libraries().display().to_string().replace(' ', "");
    assert!(dirs.contains(&format!("{beside},{on_path}")), "{err}");
}

#[test]
fn the_search_order_is_beside_the_program_then_lib_path_then_environment() {
    let search = libraries().join("search");
    let program = search.join("beside/main.scm");
    let where_from = |args: &[&Path], env: Option<&Path>| {
        let mut cmd = eshkol();
        for dir in args {
            cmd.arg("-I").arg(dir);
        }
        if let Some(dir) = env {
            cmd.env("ESHKOL_LIBRARY_PATH", dir);
        }
        cmd
    };
    let first = search.join("first");
    let second = search.join("second");
    // Beside the importing file wins over everything.
    where_from(&[&first], Some(&second))
        .arg(&program)
        .assert()
        .success()
        .stdout("beside\n");
    // Elsewhere, -I directories in order, then ESHKOL_LIBRARY_PATH.
    let elsewhere =
        Program::new("(import (scheme base) (scheme write) (where am-i))\n(display location)\n");
    let run = |args: &[&Path], env: Option<&Path>| {
        let assert = where_from(args, env).arg(&elsewhere.file).assert();
        stdout_of(assert)
    };
    assert_eq!(run(&[&first, &second], None), "first");
    assert_eq!(run(&[&second, &first], None), "second");
    assert_eq!(run(&[&second], Some(&first)), "second");
    let both = std::env::join_paths([&second, &first]).expect("paths join");
    assert_eq!(run(&[], Some(Path::new(&both))), "second");
    assert_eq!(run(&[], Some(&first)), "first");
}

#[test]
fn a_library_defined_in_the_program_can_be_imported_below() {
    let program = Program::new(
        "(define-library (local greet)\n\
           (export greet)\n\
           (import (scheme base) (scheme write))\n\
           (begin (define (greet who) (display \"hello, \") (display who))))\n\
         (import (scheme base) (local greet))\n\
         (greet \"world\")\n",
    );
    assert_eq!(stdout_of(program.run()), "hello, world");
}

#[test]
fn library_declarations_from_files_and_cond_expand() {
    let program = Program::new(
        "(import (scheme base) (scheme write) (shapes circle))\n\
         (write (list (area 2) (shout 'x) feature (> (circumference 1) 6.28)))\n",
    );
    assert_eq!(stdout_of(program.run()), "(12 (loud x) eshkol #t)");
}

#[test]
fn a_library_file_beside_the_program_is_found() {
    let program =
        Program::new("(import (scheme base) (scheme write) (app config))\n(write (port-number))\n")
            .with_file(
                "app/config.sld",
                "(define-library (app config) (export port-number) (import (scheme base))\n\
           (begin (define (port-number) 8080)))\n",
            );
    assert_eq!(stdout_of(program.run()), "8080");
}

#[test]
fn exporting_what_a_library_does_not_define_is_an_error() {
    let program = Program::new(
        "(define-library (bad exports) (export missing) (import (scheme base)) (begin (define x 1)))\n",
    );
    let err = stderr_of(program.run(), 1);
    assert!(
        err.contains(
            "library (bad exports) exports `missing`, which it neither defines nor imports"
        ),
        "{err}"
    );
    assert!(err.contains("main.scm:1:39"), "{err}");
}

#[test]
fn a_file_that_does_not_define_the_library_is_an_error() {
    let program = Program::new("(import (wrong name))\n").with_file(
        "wrong/name.sld",
        "(define-library (right name) (export) (import (scheme base)))\n",
    );
    let err = stderr_of(program.run(), 1);
    assert!(
        err.contains("does not define library (wrong name)"),
        "{err}"
    );
}

#[test]
fn an_imported_builtin_cannot_be_assigned() {
    let program = Program::new("(import (scheme base))\n(set! car cdr)\n");
    let err = stderr_of(program.run(), 2);
    assert!(
        err.contains("set!: `car` is an imported builtin and cannot be assigned"),
        "{err}"
    );
    assert!(err.contains("main.scm:2:7"), "{err}");
}

#[test]
fn a_program_may_define_a_name_it_imported() {
    // The definition shadows the import in the program; libraries keep theirs.
    let program = Program::new(
        "(import (scheme base) (scheme write) (my util))\n\
         (define (list . xs) 'mine)\n\
         (write (list (public-helper 1)))\n",
    );
    assert_eq!(stdout_of(program.run()), "mine");
}

#[test]
fn derived_forms_use_the_builtins_whatever_the_program_defines() {
    let program = Program::new(
        "(define %vector list) (define vector list) (define %vector-ref car)\n\
         (define vector-ref car) (define call-with-values 0) (define %call-with-values 0)\n\
         (define-values (a b) (values 1 2))\n\
         (define-record-type point (make-point x y) point? (x point-x) (y point-y))\n\
         (display (list a b (point-x (make-point 3 4))))\n",
    );
    assert_eq!(stdout_of(program.run()), "(1 2 3)");
}

#[test]
fn eval_in_an_environment_built_from_import_sets() {
    let program = Program::new(
        "(import (scheme base) (scheme write) (scheme eval))\n\
         (write (eval '(* 6 7) (environment '(scheme base))))\n\
         (write (eval '(u:double 5) (environment '(prefix (my util) u:))))\n\
         (eval '(display 1) (environment '(only (scheme base) +)))\n",
    );
    let assert = program.run().code(1);
    let output = assert.get_output();
    assert_eq!(String::from_utf8_lossy(&output.stdout), "4210");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("unbound variable `display`"), "{err}");
}

#[test]
fn the_repl_imports_into_its_environment() {
    eshkol()
        .arg("-I")
        .arg(libraries())
        .write_stdin("(import (prefix (my util) u:))\n(u:double 21)\n(car '(1))\n")
        .assert()
        .success()
        .stdout("42\n1\n");
}

#[test]
fn built_in_libraries_export_what_r7rs_lists() {
    let program = Program::new(
        "(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact)\n\
                 (scheme lazy) (scheme time) (scheme file) (scheme eval)\n\
                 (scheme process-context) (scheme case-lambda) (scheme repl)\n\
                 (scheme load) (scheme read) (scheme complex) (eshkol arena))\n\
         (define f (case-lambda ((x) x) ((x y) (+ x y))))\n\
         (write (list (char-upcase #\\a) (caddr '(1 2 3)) (exact (floor (sqrt 16)))\n\
                      (force (delay 5)) (f 1 2) (real? (current-second))\n\
                      (environment? 1)))\n",
    );
    // `environment?` is not R7RS: the isolated program does not see it.
    let err = stderr_of(program.run(), 1);
    assert!(err.contains("unbound variable `environment?`"), "{err}");
    let program = Program::new(
        "(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact)\n\
                 (scheme lazy) (scheme case-lambda) (eshkol arena))\n\
         (define f (case-lambda ((x) x) ((x y) (+ x y))))\n\
         (write (list (char-upcase #\\a) (caddr '(1 2 3)) (exact (floor (sqrt 16)))\n\
                      (force (delay 5)) (f 1 2)))\n\
         (with-arena (a 64) (write (bytevector-length (arena-alloc a 3))))\n",
    );
    assert_eq!(stdout_of(program.run()), "(#\\A 3 4 5 3)3");
}

#[test]
fn cond_expand_knows_the_libraries() {
    let program = Program::new(
        "(import (scheme base) (scheme write))\n\
         (cond-expand ((library (scheme base)) (display \"base \")) (else (display \"none \")))\n\
         (cond-expand ((library (my util)) (display \"util \")) (else (display \"no-util \")))\n\
         (import (my util))\n\
         (cond-expand ((library (my util)) (display \"util\")) (else (display \"no-util\")))\n",
    );
    assert_eq!(stdout_of(program.run()), "base no-util util");
}

#[test]
fn a_program_on_standard_input_is_a_program_too() {
    let assert = eshkol()
        .arg("-")
        .write_stdin("(import (scheme base))\n(display 1)\n")
        .assert();
    let err = stderr_of(assert, 1);
    assert!(err.contains("unbound variable `display`"), "{err}");
    assert!(err.contains("<stdin>:2:2"), "{err}");
}

#[test]
fn load_runs_a_file_in_the_environment_given() {
    let program = Program::new(
        "(import (scheme base) (scheme write) (scheme load) (scheme eval))\n\
         (define env (environment '(scheme base)))\n\
         (load \"defs.scm\" env)\n\
         (write (eval '(triple 3) env))\n\
         (load \"defs.scm\")\n\
         (write (triple 4))\n",
    )
    .with_file("defs.scm", "(define (triple x) (* 3 x))\n");
    let dir = program.dir.clone();
    let assert = eshkol().current_dir(&dir).arg(&program.file).assert();
    assert_eq!(stdout_of(assert), "912");
}

#[test]
fn a_program_may_define_a_procedure_named_like_an_eshkol_special_form() {
    // `assert` is a special form of eshkol's, not of R7RS: a portable program
    // that defines its own gets its own.
    let program = Program::new(
        "(import (scheme base) (scheme write))\n\
         (define (assert ok message) (if ok 'fine message))\n\
         (write (list (assert #t \"a\") (assert #f \"b\")))\n",
    );
    assert_eq!(stdout_of(program.run()), "(fine \"b\")");
}

#[test]
fn import_inside_a_body_is_a_syntax_error() {
    let program = Program::new("(define (f)\n  (import (scheme base)))\n");
    let err = stderr_of(program.run(), 2);
    assert!(err.contains("import: only allowed at top level"), "{err}");
    assert!(err.contains("main.scm:2:3"), "{err}");
}
