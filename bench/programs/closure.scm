;; Many small closures: each step makes an adder and a composition and calls them;
;; the argument is the number of steps.
;; The size comes from the last command-line argument when it is a number.
(define (bench-arg default)
  (let loop ((args (command-line)) (last #f))
    (if (null? args)
        (let ((n (and last (string->number last))))
          (if n n default))
        (loop (cdr args) (car args)))))

(define (make-adder k) (lambda (x) (+ x k)))
(define (compose f g) (lambda (x) (f (g x))))
(define (make-counter)
  (let ((count 0))
    (lambda () (set! count (+ count 1)) count)))

(define (run n)
  (let ((counter (make-counter)))
    (let loop ((i 0) (acc 0))
      (if (= i n)
          (+ acc (counter))
          (let ((step (compose (make-adder i) (make-adder 1))))
            (counter)
            (loop (+ i 1) (- (step acc) 1)))))))

(define n (bench-arg 1000000))
(display "closure ") (display n) (display " = ") (display (run n)) (newline)
