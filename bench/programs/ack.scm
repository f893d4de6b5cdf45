;; Ackermann's function (ack 3 5), repeated; the argument is the repetition count.
;; The size comes from the last command-line argument when it is a number.
(define (bench-arg default)
  (let loop ((args (command-line)) (last #f))
    (if (null? args)
        (let ((n (and last (string->number last))))
          (if n n default))
        (loop (cdr args) (car args)))))

(define (ack m n)
  (cond ((= m 0) (+ n 1))
        ((= n 0) (ack (- m 1) 1))
        (else (ack (- m 1) (ack m (- n 1))))))

(define reps (bench-arg 20))
(define (run i acc)
  (if (= i 0)
      acc
      (run (- i 1) (+ acc (ack 3 5)))))
(display "ack ") (display reps) (display " = ") (display (run reps 0)) (newline)
