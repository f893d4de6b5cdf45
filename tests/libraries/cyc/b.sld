(define-library (cyc b)
  (export b)
  (import (scheme base) (cyc a))
  (begin (define b 2)))
