;; Tail calls run in constant space: ten million iterations of a named let,
;; and a deep non-tail recursion that the interpreter grows its stack for.
(define (sum-to n)
  (let loop ((i 0) (acc 0))
    (if (> i n) acc (loop (+ i 1) (+ acc i)))))

(println "sum of 0..10,000,000 = " (sum-to 10000000))

(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1)))))
(println "non-tail recursion 100,000 deep: " (count 100000))
