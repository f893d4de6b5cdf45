;; Micro-benchmark (bench/micro/README.md).
(define (run n) (let loop ((i 0)) (assert (<= i n)) (if (= i n) i (loop (+ i 1)))))
(display (run 300000))
