;; Micro-benchmark (bench/micro/README.md).
(define s (string-append "   " (make-string 200 #\a) "   "))
(define (run n acc) (if (= n 0) acc (run (- n 1) (+ acc (string-length (string-trim s))))))
(display (run 2000 0))
