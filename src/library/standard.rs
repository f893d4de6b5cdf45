//! The libraries built into the interpreter: R7RS-small's `(scheme ...)`,
//! the SRFIs implemented, and `(eshkol ...)`, each with its export list.
//! (SRFI 1 and SRFI 69 are written in Scheme: `stdlib/srfi/*.sld`.)
//!
//! A name of a list that eshkol does not implement is left out of the
//! library (see [`missing_names`]); everything else is exported under the
//! key of the builtin, special form or `stdlib/` definition it names.

/// R7RS-small 7.1 `(scheme base)`.
const BASE: &str = "
* + - ... / < <= = => > >= _ abs and append apply assoc assq assv begin
binary-port? boolean=? boolean? bytevector bytevector-append bytevector-copy
bytevector-copy! bytevector-length bytevector-u8-ref bytevector-u8-set!
bytevector? caar cadr call-with-current-continuation call-with-port
call-with-values call/cc car case cdar cddr cdr ceiling char->integer
char-ready? char<=? char<? char=? char>=? char>? char? close-input-port
close-output-port close-port complex? cond cond-expand cons
current-error-port current-input-port current-output-port define
define-record-type define-syntax define-values denominator do dynamic-wind
else eof-object eof-object? eq? equal? eqv? error error-object-irritants
error-object-message error-object? even? exact exact-integer-sqrt
exact-integer? exact? expt features file-error? floor floor-quotient
floor-remainder floor/ flush-output-port for-each gcd get-output-bytevector
get-output-string guard if import include include-ci inexact inexact?
input-port-open? input-port? integer->char integer? lambda lcm length let
let* let*-values let-syntax let-values letrec letrec* letrec-syntax list
list->string list->vector list-copy list-ref list-set! list-tail list?
make-bytevector make-list make-parameter make-string make-vector map max
member memq memv min modulo negative? newline not null? number->string
number? numerator odd? open-input-bytevector open-input-string
open-output-bytevector open-output-string or output-port-open? output-port?
pair? parameterize peek-char peek-u8 positive? procedure? quasiquote quote
quotient raise raise-continuable rational? rationalize read-bytevector
read-bytevector! read-char read-error? read-line read-string read-u8 real?
remainder reverse round set! set-car! set-cdr! square string string->list
string->number string->symbol string->utf8 string->vector string-append
string-copy string-copy! string-fill! string-for-each string-length
string-map string-ref string-set! string<=? string<? string=? string>=?
string>? string? substring symbol->string symbol=? symbol? syntax-error
syntax-rules textual-port? truncate truncate-quotient truncate-remainder
truncate/ u8-ready? unless unquote unquote-splicing utf8->string values
vector vector->list vector->string vector-append vector-copy vector-copy!
vector-fill! vector-for-each vector-length vector-map vector-ref vector-set!
vector? when with-exception-handler write-bytevector write-char write-string
write-u8 zero?";

const CHAR: &str = "
char-alphabetic? char-ci<=? char-ci<? char-ci=? char-ci>=? char-ci>?
char-downcase char-foldcase char-lower-case? char-numeric? char-upcase
char-upper-case? char-whitespace? digit-value string-ci<=? string-ci<?
string-ci=? string-ci>=? string-ci>? string-downcase string-foldcase
string-upcase";

const CXR: &str = "
caaar caadr cadar caddr cdaar cdadr cddar cdddr caaaar caaadr caadar caaddr
cadaar cadadr caddar cadddr cdaaar cdaadr cdadar cdaddr cddaar cddadr cdddar
cddddr";

const INEXACT: &str = "acos asin atan cos exp finite? infinite? log nan? sin sqrt tan";

const COMPLEX: &str = "angle imag-part magnitude make-polar make-rectangular real-part";

const LAZY: &str = "delay delay-force force make-promise promise?";

const TIME: &str = "current-jiffy current-second jiffies-per-second";

const FILE: &str = "
call-with-input-file call-with-output-file delete-file file-exists?
open-binary-input-file open-binary-output-file open-input-file
open-output-file with-input-from-file with-output-to-file";

const EVAL: &str = "environment eval";

const PROCESS_CONTEXT: &str = "
command-line emergency-exit exit get-environment-variable
get-environment-variables";

const CASE_LAMBDA: &str = "case-lambda";

const REPL: &str = "interaction-environment";

const LOAD: &str = "load";

const READ: &str = "read";

const WRITE: &str = "display write write-shared write-simple";

/// R7RS-small 7.1 `(scheme r5rs)`: the R5RS names.
const R5RS: &str = "
* + - / < <= = > >= abs acos and angle append apply asin assoc assq assv
atan begin boolean? caaaar caaadr caaar caadar caaddr caadr caar cadaar
cadadr cadar caddar cadddr caddr cadr call-with-current-continuation
call-with-input-file call-with-output-file call-with-values car case cdaaar
cdaadr cdaar cdadar cdaddr cdadr cdar cddaar cddadr cddar cdddar cddddr
cdddr cddr cdr ceiling char->integer char-alphabetic? char-ci<=? char-ci<?
char-ci=? char-ci>=? char-ci>? char-downcase char-lower-case? char-numeric?
char-ready? char-upcase char-upper-case? char-whitespace? char<=? char<?
char=? char>=? char>? char? close-input-port close-output-port complex? cond
cons cos current-input-port current-output-port define define-syntax delay
denominator display do dynamic-wind eof-object? eq? equal? eqv? eval even?
exact->inexact exact? exp expt floor for-each force gcd if imag-part
inexact->exact inexact? input-port? integer->char integer?
interaction-environment lambda lcm length let let* let-syntax letrec
letrec-syntax list list->string list->vector list-ref list-tail list? load
log magnitude make-polar make-rectangular make-string make-vector map max
member memq memv min modulo negative? newline not null-environment null?
number->string number? numerator odd? open-input-file open-output-file or
output-port? pair? peek-char positive? procedure? quasiquote quote quotient
rational? rationalize read read-char real-part real? remainder reverse round
scheme-report-environment set! set-car! set-cdr! sin sqrt string
string->list string->number string->symbol string-append string-ci<=?
string-ci<? string-ci=? string-ci>=? string-ci>? string-copy string-fill!
string-length string-ref string-set! string<=? string<? string=? string>=?
string>? string? substring symbol->string symbol? tan truncate values vector
vector->list vector-fill! vector-length vector-ref vector-set! vector?
with-input-from-file with-output-to-file write write-char zero?";

const SRFI_6: &str = "open-input-string open-output-string get-output-string";

const SRFI_8: &str = "receive";

const SRFI_9: &str = "define-record-type";

const SRFI_23: &str = "error";

const SRFI_28: &str = "format";

const SRFI_34: &str = "with-exception-handler guard raise";

const SRFI_39: &str = "make-parameter parameterize";

/// SRFI 64 as `stdlib/testing.scm` implements it.
const SRFI_64: &str = "
test-begin test-end test-assert test-equal test-eqv test-eq test-approximate
test-error test-runner-pass-count test-runner-fail-count test-runner-reset!
test-set-file!";

/// The arena procedures of the user's design, plus the support procedures
/// its examples call.
const ESHKOL_ARENA: &str = "
make-arena arena-alloc copy-to-arena destroy-arena arena? arena-live?
arena-stats arena-used arena-reset! arena-owner call-with-arena with-arena
println current-time range make-bytes";

/// Every built-in library: its name and its export list.
const LIBRARIES: &[(&str, &str)] = &[
    ("(scheme base)", BASE),
    ("(scheme char)", CHAR),
    ("(scheme cxr)", CXR),
    ("(scheme inexact)", INEXACT),
    ("(scheme complex)", COMPLEX),
    ("(scheme lazy)", LAZY),
    ("(scheme time)", TIME),
    ("(scheme file)", FILE),
    ("(scheme eval)", EVAL),
    ("(scheme process-context)", PROCESS_CONTEXT),
    ("(scheme case-lambda)", CASE_LAMBDA),
    ("(scheme repl)", REPL),
    ("(scheme load)", LOAD),
    ("(scheme read)", READ),
    ("(scheme write)", WRITE),
    ("(scheme r5rs)", R5RS),
    ("(srfi 6)", SRFI_6),
    ("(srfi 8)", SRFI_8),
    ("(srfi 9)", SRFI_9),
    ("(srfi 23)", SRFI_23),
    ("(srfi 28)", SRFI_28),
    ("(srfi 34)", SRFI_34),
    ("(srfi 39)", SRFI_39),
    ("(srfi 64)", SRFI_64),
    ("(eshkol arena)", ESHKOL_ARENA),
];

/// The name of the library of every builtin, special form and `stdlib/`
/// definition (its exports are computed, not listed).
pub const ESHKOL_BASE: &str = "(eshkol base)";

/// The export list of the built-in library `name`, if there is one.
pub fn export_list(name: &str) -> Option<impl Iterator<Item = &'static str>> {
    LIBRARIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, names)| names.split_whitespace())
}

/// Whether library `name` exports definitions of `stdlib/*.scm`, which are
/// evaluated only when needed (see `Interp::ensure_stdlib`).
pub fn exports_stdlib(name: &str) -> bool {
    name == ESHKOL_BASE || name == "(srfi 64)"
}

/// Whether `name` names a built-in library.
pub fn is_builtin(name: &str) -> bool {
    name == ESHKOL_BASE || LIBRARIES.iter().any(|(n, _)| *n == name)
}

/// The first standard library (in the order above) that exports `name`:
/// what the help of an "unbound variable" error in a program suggests.
pub fn library_exporting(name: &str) -> Option<&'static str> {
    LIBRARIES
        .iter()
        .find(|(_, names)| names.split_whitespace().any(|n| n == name))
        .map(|(library, _)| *library)
}

/// Every built-in library name (for `:help` and documentation tests).
pub fn names() -> impl Iterator<Item = &'static str> {
    LIBRARIES
        .iter()
        .map(|(n, _)| *n)
        .chain(std::iter::once(ESHKOL_BASE))
}
