(define-library (cyc a)
  (export a)
  (import (scheme base) (cyc b))
  (begin (define a 1)))
