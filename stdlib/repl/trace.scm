;;; The REPL's tracer (`:trace PROC`): a traced procedure is replaced by a
;;; wrapper that shows each call and what it returns, indented by how many
;;; traced calls are active, in the style of Racket's trace:
;;;   >(fact 2)
;;;   > (fact 1)
;;;   < 1
;;;   <2
;;; Evaluated in an environment of its own, so a program's definitions
;;; cannot change what the wrapper calls.

(import (scheme base) (scheme write))

(define depth 0)

(define (show-line mark text)
  (write-string mark)
  (write-string (make-string depth #\space))
  (write-string text)
  (newline))

(define (written value)
  (let ((port (open-output-string)))
    (write value port)
    (get-output-string port)))

(define (written-values values)
  (if (null? values)
      ""
      (let loop ((text (written (car values))) (rest (cdr values)))
        (if (null? rest)
            text
            (loop (string-append text " " (written (car rest))) (cdr rest))))))

;; The wrapper for `original`, shown as `name`. The depth is restored
;; however the call exits (an error, an escape), so the next trace starts
;; at the left again.
(define (make-traced name original)
  (lambda arguments
    (show-line ">" (written (cons name arguments)))
    (let ((outer depth))
      (call-with-values
          (lambda ()
            (dynamic-wind
                (lambda () (set! depth (+ outer 1)))
                (lambda () (apply original arguments))
                (lambda () (set! depth outer))))
        (lambda results
          (show-line "<" (written-values results))
          (apply values results))))))

make-traced
