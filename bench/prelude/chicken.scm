;; Chicken: command-line as the script name followed by its arguments.
(import (chicken process-context))
(define (command-line) (cons "script" (command-line-arguments)))
