;; Micro-benchmark (bench/micro/README.md).
(define s (make-string 200 #\a))
(string-set! s 199 #\b)
(define (run n acc) (if (= n 0) acc (run (- n 1) (+ acc (string-index s #\b) (or (string-index s char-numeric?) 0)))))
(display (run 500 0))
