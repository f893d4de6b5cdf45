;; Micro-benchmark (bench/micro/README.md).
(define l (iota 1000))
(define (run n acc) (if (= n 0) acc (run (- n 1) (+ acc (call-with-values (lambda () (partition even? l)) (lambda (a b) (length a)))))))
(display (run 200 0))
