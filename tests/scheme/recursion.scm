; Non-tail recursion: deep recursion works, runaway recursion is an error.

(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))
(count 100000) ; => 100000
(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(length (build 200000)) ; => 200000
(define (forever n) (+ 1 (forever n)))
(forever 1) ; error: recursion-depth at (forever n)
; the interpreter is still usable afterwards
(count 10) ; => 10
