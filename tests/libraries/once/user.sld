;; Imports (once loaded) too.
(define-library (once user)
  (export twice)
  (import (scheme base) (once loaded))
  (begin
    (define twice (* 2 value))))
