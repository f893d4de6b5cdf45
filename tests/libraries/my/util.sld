;; A library with a private helper, a renamed export and a macro that uses
;; the helper: importers see only what is exported.
(define-library (my util)
  (export double
          (rename helper public-helper)
          my-or
          counter
          bump!)
  (import (scheme base))
  (begin
    (define (helper x) (list 'helper x))
    (define (double x) (* 2 x))
    (define counter 0)
    (define (bump!) (set! counter (+ counter 1)) counter)
    ;; `helper`, `let` and `if` mean the library's, wherever it is used.
    (define-syntax my-or
      (syntax-rules ()
        ((_ a b) (let ((t a)) (if t (helper t) b)))))))
