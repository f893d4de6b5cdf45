;; Sieve of Eratosthenes with a vector, then a few list operations on the result.
(define (primes-up-to n)
  (let ((sieve (make-vector (+ n 1) #t)))
    (let loop ((i 2) (found '()))
      (cond ((> i n) (reverse found))
            ((vector-ref sieve i)
             (do ((j (* i i) (+ j i))) ((> j n))
               (vector-set! sieve j #f))
             (loop (+ i 1) (cons i found)))
            (else (loop (+ i 1) found))))))

(define primes (primes-up-to 100))
(println "primes below 100: " primes)
(println "how many: " (length primes))
(println "sum: " (apply + primes))
(println "twin primes: "
         (filter (lambda (p) (memv (+ p 2) primes)) primes))
