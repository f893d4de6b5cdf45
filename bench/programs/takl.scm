;; Gabriel's takl: tak on lists as unary numbers, repeated; the argument is the repetition count.
;; The size comes from the last command-line argument when it is a number.
(define (bench-arg default)
  (let loop ((args (command-line)) (last #f))
    (if (null? args)
        (let ((n (and last (string->number last))))
          (if n n default))
        (loop (cdr args) (car args)))))

(define (listn n)
  (if (= n 0)
      '()
      (cons n (listn (- n 1)))))

(define (shorterp x y)
  (and (not (null? y))
       (or (null? x)
           (shorterp (cdr x) (cdr y)))))

(define (mas x y z)
  (if (not (shorterp y x))
      z
      (mas (mas (cdr x) y z)
           (mas (cdr y) z x)
           (mas (cdr z) x y))))

(define l18 (listn 18))
(define l12 (listn 12))
(define l6 (listn 6))
(define reps (bench-arg 2))
(define (run i acc)
  (if (= i 0)
      acc
      (run (- i 1) (+ acc (length (mas l18 l12 l6))))))
(display "takl ") (display reps) (display " = ") (display (run reps 0)) (newline)
