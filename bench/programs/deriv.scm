;; Gabriel's deriv: symbolic differentiation, repeated; the argument is the repetition count.
;; The size comes from the last command-line argument when it is a number.
(define (bench-arg default)
  (let loop ((args (command-line)) (last #f))
    (if (null? args)
        (let ((n (and last (string->number last))))
          (if n n default))
        (loop (cdr args) (car args)))))

(define (deriv-aux a) (list '/ (deriv a) a))

(define (deriv a)
  (cond ((not (pair? a))
         (if (eq? a 'x) 1 0))
        ((eq? (car a) '+)
         (cons '+ (map deriv (cdr a))))
        ((eq? (car a) '-)
         (cons '- (map deriv (cdr a))))
        ((eq? (car a) '*)
         (list '* a (cons '+ (map deriv-aux (cdr a)))))
        ((eq? (car a) '/)
         (list '-
               (list '/ (deriv (cadr a)) (caddr a))
               (list '/ (cadr a) (list '* (caddr a) (caddr a) (deriv (caddr a))))))
        (else (error "deriv: no derivation for" a))))

(define expr '(+ (* 3 x x) (* a x x) (* b x) 5))
(define reps (bench-arg 20000))
(define (run i last)
  (if (= i 0)
      last
      (run (- i 1) (deriv expr))))
(display "deriv ") (display reps) (display " = ") (write (run reps #f)) (newline)
