;; All solutions of the n-queens problem (n = 8), found 10 times; the argument is n.
;; The size comes from the last command-line argument when it is a number.
(define (bench-arg default)
  (let loop ((args (command-line)) (last #f))
    (if (null? args)
        (let ((n (and last (string->number last))))
          (if n n default))
        (loop (cdr args) (car args)))))

(define (iota1 n)
  (let loop ((i n) (l '()))
    (if (= i 0) l (loop (- i 1) (cons i l)))))

(define (ok? row dist placed)
  (or (null? placed)
      (and (not (= (car placed) (+ row dist)))
           (not (= (car placed) (- row dist)))
           (ok? row (+ dist 1) (cdr placed)))))

(define (try x y z)
  (if (null? x)
      (if (null? y) 1 0)
      (+ (if (ok? (car x) 1 z)
             (try (append (cdr x) y) '() (cons (car x) z))
             0)
         (try (cdr x) (cons (car x) y) z))))

(define (queens n) (try (iota1 n) '() '()))

(define n (bench-arg 8))
(define (run i result)
  (if (= i 0)
      result
      (run (- i 1) (queens n))))
(display "nqueens ") (display n) (display " = ") (display (run 10 0)) (newline)
