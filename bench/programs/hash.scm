;; SRFI-69 hash table: inserts n integer keys, looks each up, and looks up n absent keys;
;; the argument is n.
;; The size comes from the last command-line argument when it is a number.
(define (bench-arg default)
  (let loop ((args (command-line)) (last #f))
    (if (null? args)
        (let ((n (and last (string->number last))))
          (if n n default))
        (loop (cdr args) (car args)))))

(define (run n)
  (let ((table (make-hash-table)))
    (let fill ((i 0))
      (if (< i n)
          (begin
            (hash-table-set! table i (* 2 i))
            (fill (+ i 1)))))
    (let look ((i 0) (sum 0) (missing 0))
      (if (< i n)
          (look (+ i 1)
                (+ sum (hash-table-ref/default table i 0))
                (if (hash-table-ref/default table (+ i n) #f) missing (+ missing 1)))
          (list sum missing)))))

(define n (bench-arg 200000))
(let ((result (run n)))
  (display "hash ") (display n) (display " = ")
  (display (car result)) (display " ") (display (cadr result)) (newline))
