;; Builds a string from the decimal digits of 0 .. n-1, then scans it: length, count of
;; the digit 7, and how many 3-character windows read "123"; the argument is n.
;; The size comes from the last command-line argument when it is a number.
(define (bench-arg default)
  (let loop ((args (command-line)) (last #f))
    (if (null? args)
        (let ((n (and last (string->number last))))
          (if n n default))
        (loop (cdr args) (car args)))))

(define (digits-string n)
  (let loop ((i 0) (chars '()))
    (if (= i n)
        (list->string (reverse chars))
        (loop (+ i 1) (append (reverse (string->list (number->string i))) chars)))))

(define (count-char s c)
  (let ((len (string-length s)))
    (let loop ((i 0) (count 0))
      (if (= i len)
          count
          (loop (+ i 1) (if (char=? (string-ref s i) c) (+ count 1) count))))))

(define (count-substring s pattern)
  (let ((len (string-length s))
        (plen (string-length pattern)))
    (let loop ((i 0) (count 0))
      (if (> (+ i plen) len)
          count
          (loop (+ i 1)
                (if (string=? (substring s i (+ i plen)) pattern) (+ count 1) count))))))

(define n (bench-arg 100000))
(define s (digits-string n))
(display "string ") (display n) (display " = ")
(display (string-length s)) (display " ")
(display (count-char s #\7)) (display " ")
(display (count-substring s "123")) (newline)
