;; Merge sort of n pseudo-random numbers (the Park-Miller generator, all fixnums) in lists;
;; prints the smallest, the largest, whether the result is sorted and a checksum.
;; The size comes from the last command-line argument when it is a number.
(define (bench-arg default)
  (let loop ((args (command-line)) (last #f))
    (if (null? args)
        (let ((n (and last (string->number last))))
          (if n n default))
        (loop (cdr args) (car args)))))

(define (random-list n)
  (let loop ((i 0) (x 42) (l '()))
    (if (= i n)
        l
        (let ((next (modulo (* x 16807) 2147483647)))
          (loop (+ i 1) next (cons (quotient next 1024) l))))))

(define (split l)
  (let loop ((l l) (a '()) (b '()))
    (if (null? l)
        (cons a b)
        (loop (cdr l) (cons (car l) b) a))))

(define (merge a b)
  (let loop ((a a) (b b) (acc '()))
    (cond ((null? a) (append-reverse acc b))
          ((null? b) (append-reverse acc a))
          ((< (car b) (car a)) (loop a (cdr b) (cons (car b) acc)))
          (else (loop (cdr a) b (cons (car a) acc))))))

(define (append-reverse rev tail)
  (if (null? rev)
      tail
      (append-reverse (cdr rev) (cons (car rev) tail))))

(define (merge-sort l)
  (if (or (null? l) (null? (cdr l)))
      l
      (let ((halves (split l)))
        (merge (merge-sort (car halves)) (merge-sort (cdr halves))))))

(define (sorted? l)
  (or (null? l) (null? (cdr l))
      (and (<= (car l) (cadr l)) (sorted? (cdr l)))))

(define (checksum l)
  (let loop ((l l) (i 1) (acc 0))
    (if (null? l)
        acc
        (loop (cdr l) (+ i 1) (modulo (+ acc (* i (car l))) 1000000007)))))

(define n (bench-arg 100000))
(define sorted (merge-sort (random-list n)))
(display "sort ") (display n) (display " = ")
(display (car sorted)) (display " ")
(display (car (reverse sorted))) (display " ")
(display (if (sorted? sorted) "sorted" "unsorted")) (display " ")
(display (checksum sorted)) (newline)
