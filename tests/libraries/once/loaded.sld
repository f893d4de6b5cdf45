;; Prints when its body runs: a library is loaded once however often imported.
(define-library (once loaded)
  (export value)
  (import (scheme base) (scheme write))
  (begin
    (display "loading (once loaded)")
    (newline)
    (define value 42)))
