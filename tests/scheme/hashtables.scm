;; Hash tables (SRFI-69 names).

(define (insert-by less? x sorted)
  (cond ((null? sorted) (list x))
        ((less? x (car sorted)) (cons x sorted))
        (else (cons (car sorted) (insert-by less? x (cdr sorted))))))
(define (sort-by less? l) (fold-left (lambda (acc x) (insert-by less? x acc)) '() l))
(define (sorted-keys t) (sort-by < (hash-table-keys t)))
(define h (make-hash-table))
(hash-table? h)                     ; => #t
(hash-table? '())                   ; => #f
(hash-table-set! h 'a 1)
(hash-table-set! h "str" 2)
(hash-table-set! h '(1 2) 3)
(hash-table-set! h 2 'exact)
(hash-table-set! h 2.0 'inexact)
(hash-table-ref h 'a)               ; => 1
(hash-table-ref h (string #\s #\t #\r)) ; => 2
(hash-table-ref h (list 1 2))       ; => 3
(hash-table-ref h 2)                ; => exact
(hash-table-ref h 2.0)              ; => inexact
(hash-table-ref h 'missing)         ; error: range at (hash-table-ref h 'missing)
(hash-table-ref h 'missing (lambda () 'none)) ; => none
(hash-table-ref h 'a (lambda () 'none) (lambda (v) (* v 100))) ; => 100
(hash-table-ref/default h 'zz 0)    ; => 0
(hash-table-ref/default h 'a 0)     ; => 1
(hash-table-count h)                ; => 5
(hash-table-size h)                 ; => 5
(hash-table-contains? h "str")      ; => #t
(hash-table-exists? h 'b)           ; => #f
(hash-table-delete! h "str")
(hash-table-contains? h "str")      ; => #f
(hash-table-count h)                ; => 4
(hash-table-set! h 'a 10)
(hash-table-ref h 'a)               ; => 10
(hash-table-count h)                ; => 4
h                                   ; => #<hash-table 4>

(define n (make-hash-table))
(hash-table-set! n 3 'c)
(hash-table-set! n 1 'a)
(hash-table-set! n 2 'b)
(sorted-keys n)                     ; => (1 2 3)
(sort-by string<? (map symbol->string (hash-table-values n))) ; => ("a" "b" "c")
(sort-by (lambda (x y) (< (car x) (car y))) (hash-table->alist n)) ; => ((1 . a) (2 . b) (3 . c))
(hash-table-update! n 1 (lambda (v) (list v v)))
(hash-table-ref n 1)                ; => (a a)
(hash-table-update! n 9 (lambda (v) (+ v 1)) (lambda () 0))
(hash-table-ref n 9)                ; => 1
(hash-table-update! n 10 (lambda (v) v)) ; error: range at (hash-table-update! n 10 (lambda (v) v))
(hash-table-update!/default n 20 (lambda (v) (cons 'x v)) '())
(hash-table-update!/default n 20 (lambda (v) (cons 'y v)) '())
(hash-table-ref n 20)               ; => (y x)
(define total 0)
(hash-table-walk n (lambda (k v) (set! total (+ total k))))
total                               ; => 35
(define n2 (hash-table-copy n))
(hash-table-clear! n)
(hash-table-count n)                ; => 0
(hash-table-count n2)               ; => 5
(hash-table-ref n2 2)               ; => b

;; Word counting.
(define words '(the cat and the hat and the bat))
(define counts (make-hash-table))
(for-each (lambda (w) (hash-table-update!/default counts w (lambda (c) (+ c 1)) 0)) words)
(hash-table-ref counts 'the)        ; => 3
(hash-table-ref counts 'and)        ; => 2
(hash-table-ref/default counts 'dog 0) ; => 0

;; Other equivalences.
(define q (make-hash-table eq?))
(define key (list 1))
(hash-table-set! q key 'found)
(hash-table-ref/default q key 'no)  ; => found
(hash-table-ref/default q (list 1) 'no) ; => no
(define v (make-hash-table eqv?))
(hash-table-set! v 100000000000000000000 'big)
(hash-table-ref/default v 100000000000000000000 'no) ; => big
(hash-table-ref/default v "s" 'no)  ; => no
(define s (make-hash-table string=?))
(hash-table-set! s "k" 1)
(hash-table-ref s (string #\k))     ; => 1
(hash-table-set! s 'k 1)            ; error: type at (hash-table-set! s 'k 1)
(make-hash-table car)               ; error: type at (make-hash-table car)
(hash-table-ref 5 1)                ; error: type at (hash-table-ref 5 1)

(define t (alist->hash-table '((a . 1) (b . 2) (a . 3))))
(hash-table-count t)                ; => 2
(hash-table-ref t 'a)               ; => 1
(hash-table-ref t 'b)               ; => 2

; equal? tables find equal keys however deep, large or cyclic they are, and
; setting such a key again replaces its entry.
(define (nested n) (if (= n 0) '() (list (nested (- n 1)))))
(define deep-table (make-hash-table))
(hash-table-set! deep-table (nested 100) 'first)
(hash-table-set! deep-table (nested 100) 'second)
(hash-table-set! deep-table (nested 99) 'shallower)
(hash-table-count deep-table) ; => 2
(hash-table-ref/default deep-table (nested 100) 'missing) ; => second
(hash-table-ref/default deep-table (nested 101) 'missing) ; => missing
(hash-table-contains? deep-table (nested 99)) ; => #t
(hash-table-delete! deep-table (nested 100))
(hash-table-count deep-table) ; => 1
(define (cycle . items) (let ((l (list-copy items))) (set-cdr! (last-pair l) l) l))
(hash-table-set! deep-table (cycle 1 2) 'cyclic)
(hash-table-ref/default deep-table (cycle 1 2) 'missing) ; => cyclic
(hash-table-ref/default deep-table (cycle 1 2 1 2) 'missing) ; => cyclic
(hash-table-ref/default deep-table (cycle 2 1) 'missing) ; => missing
(hash-table-set! deep-table (iota 1100000) 'huge)
(hash-table-ref/default deep-table (iota 1100000) 'missing) ; => huge
(hash-table-count deep-table) ; => 3
(length (hash-table-keys (hash-table-copy deep-table))) ; => 3
(hash-table-update!/default deep-table (nested 99) (lambda (v) (list v)) #f)
(hash-table-ref deep-table (nested 99)) ; => (shallower)
(length (delete-duplicates (list (nested 80) (nested 80) (nested 79)))) ; => 2
(hash-table-clear! deep-table)
(hash-table-count deep-table) ; => 0
