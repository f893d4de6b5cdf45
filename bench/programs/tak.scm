;; Takeuchi's function (tak 18 12 6), repeated; the argument is the repetition count.
;; The size comes from the last command-line argument when it is a number.
(define (bench-arg default)
  (let loop ((args (command-line)) (last #f))
    (if (null? args)
        (let ((n (and last (string->number last))))
          (if n n default))
        (loop (cdr args) (car args)))))

(define (tak x y z)
  (if (not (< y x))
      z
      (tak (tak (- x 1) y z)
           (tak (- y 1) z x)
           (tak (- z 1) x y))))

(define reps (bench-arg 20))
(define (run i acc)
  (if (= i 0)
      acc
      (run (- i 1) (+ acc (tak 18 12 6)))))
(display "tak ") (display reps) (display " = ") (display (run reps 0)) (newline)
