;; Micro-benchmark (bench/micro/README.md).
(define f (case-lambda ((x) x) ((x y) (+ x y))))
(define (run n) (let loop ((i 0) (acc 0)) (if (= i n) acc (loop (+ i 1) (+ acc (f i 1))))))
(display (run 200000))
