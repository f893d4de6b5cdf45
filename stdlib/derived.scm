;;; Derived forms written as syntax-rules macros.
;;;
;;; Each of these forms is a plain rewrite into forms the expander already
;;; knows, so it reads better as a pattern and a template than as Rust that
;;; builds the same tree by hand. They are defined in the core environment:
;;; the names their templates use (`call-with-values`, `%case-lambda`...)
;;; mean the system's own builtins whatever a program rebinds, and every
;;; program and library sees the macros the way it sees special forms
;;; (`stdlib::CORE_SYNTAX`). A malformed use is a syntax error at the use,
;;; whose help lists the patterns.
;;;
;;; The derived forms that stay in Rust do so for a reason given in
;;; `src/compile/expand/derived.rs`.

;; (receive formals expr body ...): calls the body with expr's values bound
;; to formals (SRFI 8).
(define-syntax receive
  (syntax-rules ()
    ((_ formals expr body1 body ...)
     (call-with-values (lambda () expr) (lambda formals body1 body ...)))))

;; (case-lambda (formals body ...) ...): a procedure that runs the first
;; clause whose formals accept the arguments' count (R7RS 4.2.9).
(define-syntax case-lambda
  (syntax-rules ()
    ((_ (formals body1 body ...) ...)
     (%case-lambda (lambda formals body1 body ...) ...))))

;; (assert expr): an error naming the expression, as written, when its value
;; is #f.
(define-syntax assert
  (syntax-rules ()
    ((_ expr) (unless expr (%assert-failed 'expr)))))

;; (with-arena (name size [limit]) body ...): calls the body with a new arena
;; bound to name; `call-with-arena` destroys the arena on every exit, normal
;; or not.
(define-syntax with-arena
  (syntax-rules ()
    ((_ (name size) body1 body ...)
     (call-with-arena size (lambda (name) body1 body ...)))
    ((_ (name size limit) body1 body ...)
     (call-with-arena size (lambda (name) body1 body ...) limit))))

;; (do ((var init [step]) ...) (test result ...) command ...): a loop, the
;; named let of R7RS 7.3, so it compiles exactly as a hand-written one.
(define-syntax do
  (syntax-rules ()
    ((_ ((var init step ...) ...) (test result ...) command ...)
     (let loop ((var init) ...)
       (if test
           (%do-result result ...)
           (begin command ... (loop (%do-step var step ...) ...)))))))

;; A do loop's value: its result expressions', unspecified without any.
(define-syntax %do-result
  (syntax-rules ()
    ((_) (if #f #f))
    ((_ result ...) (begin result ...))))

;; A do variable's next value: its step, or itself without one.
(define-syntax %do-step
  (syntax-rules ()
    ((_ var) var)
    ((_ var step) step)))
