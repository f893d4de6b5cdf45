;; Micro-benchmark (bench/micro/README.md).
(define (run n) (let loop ((i 0) (acc 0)) (if (= i n) acc (loop (+ i 1) (+ acc (with-arena (a 64) (bytevector-length (arena-alloc a 8))))))))
(display (run 100000))
