;; elk has no command-line: every program runs at its default size.
(define (command-line) (quote ()))
