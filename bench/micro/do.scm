;; Micro-benchmark (bench/micro/README.md).
(define (run n) (do ((i 0 (+ i 1)) (acc 0 (+ acc i))) ((= i n) acc)))
(display (run 300000))
