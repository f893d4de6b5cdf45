;; Declarations from other files: include, include-ci,
;; include-library-declarations, and cond-expand.
(define-library (shapes circle)
  (include-library-declarations "circle-exports.scm")
  (import (scheme base))
  (include "circle-area.scm")
  (include-ci "circle-shout.scm")
  (cond-expand
    ((library (scheme inexact))
     (import (scheme inexact))
     (begin (define (circumference r) (* 2 (acos -1) r))))
    (else
     (begin (define (circumference r) 'unknown))))
  (cond-expand
    (no-such-feature (begin (define feature 'wrong)))
    (eshkol (begin (define feature 'eshkol)))))
