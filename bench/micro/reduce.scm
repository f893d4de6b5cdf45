;; Micro-benchmark (bench/micro/README.md).
(define l (iota 1000))
(define (run n acc) (if (= n 0) acc (run (- n 1) (+ acc (reduce + 0 l)))))
(display (run 200 0))
