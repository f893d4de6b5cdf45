;; Micro-benchmark (bench/micro/README.md).
(define l (iota 1000))
(define (run n acc) (if (= n 0) acc (run (- n 1) (+ acc (length (filter even? l))))))
(display (run 200 0))
