;; Micro-benchmark (bench/micro/README.md).
(define (run n) (let loop ((i 0) (acc 0)) (if (= i n) acc (loop (+ i 1) (receive (a b) (values i 1) (+ acc a b))))))
(display (run 200000))
