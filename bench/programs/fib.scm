;; Doubly recursive Fibonacci: procedure calls and fixnum arithmetic.
;; The size comes from the last command-line argument when it is a number.
(define (bench-arg default)
  (let loop ((args (command-line)) (last #f))
    (if (null? args)
        (let ((n (and last (string->number last))))
          (if n n default))
        (loop (cdr args) (car args)))))

(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))

(define n (bench-arg 30))
(display "fib ") (display n) (display " = ") (display (fib n)) (newline)
