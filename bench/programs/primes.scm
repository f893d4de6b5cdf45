;; Sieve of Eratosthenes up to 10,000, repeated 50 times; the argument is the limit.
;; The size comes from the last command-line argument when it is a number.
(define (bench-arg default)
  (let loop ((args (command-line)) (last #f))
    (if (null? args)
        (let ((n (and last (string->number last))))
          (if n n default))
        (loop (cdr args) (car args)))))

(define (sieve limit)
  (let ((composite (make-vector (+ limit 1) #f)))
    (let loop ((i 2) (count 0))
      (cond ((> i limit) count)
            ((vector-ref composite i) (loop (+ i 1) count))
            (else
             (let mark ((j (* i i)))
               (if (<= j limit)
                   (begin
                     (vector-set! composite j #t)
                     (mark (+ j i)))))
             (loop (+ i 1) (+ count 1)))))))

(define limit (bench-arg 10000))
(define (run i result)
  (if (= i 0)
      result
      (run (- i 1) (sieve limit))))
(display "primes ") (display limit) (display " = ") (display (run 50 0)) (newline)
