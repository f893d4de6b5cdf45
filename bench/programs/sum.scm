;; A tail-recursive loop summing 0 .. n-1; the argument is n.
;; The size comes from the last command-line argument when it is a number.
(define (bench-arg default)
  (let loop ((args (command-line)) (last #f))
    (if (null? args)
        (let ((n (and last (string->number last))))
          (if n n default))
        (loop (cdr args) (car args)))))

(define (sum n)
  (let loop ((i 0) (acc 0))
    (if (< i n)
        (loop (+ i 1) (+ acc i))
        acc)))

(define n (bench-arg 10000000))
(display "sum ") (display n) (display " = ") (display (sum n)) (newline)
