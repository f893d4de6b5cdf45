;; SRFI 69 (basic hash tables) through (import (srfi 69)): every exported
;; name, with the behaviour the SRFI document specifies.

(import (srfi 69))
(define (sorted-alist t)
  (sort (hash-table->alist t) (lambda (a b) (< (car a) (car b)))))

;; ---- constructors and predicate ----
(define t (make-hash-table))
(hash-table? t)                          ; => #t
(hash-table? '((a . 1)))                 ; => #f
(hash-table? (make-hash-table eq?))      ; => #t
(hash-table? (make-hash-table eqv? hash-by-identity)) ; => #t
(hash-table? (make-hash-table equal? hash 100)) ; => #t
(hash-table? (make-hash-table string=? string-hash 100 'extra)) ; => #t
(make-hash-table equal? 5)               ; error: type
(make-hash-table (lambda (a b) #t))      ; error: type

;; ---- reading and writing ----
(hash-table-set! t 1 'one)
(hash-table-set! t 2 'two)
(hash-table-set! t '(3) 'three)
(hash-table-ref t 1)                     ; => one
(hash-table-ref t (list 3))              ; => three
(hash-table-ref t 4)                     ; error: range
(hash-table-ref t 4 (lambda () 'absent)) ; => absent
(hash-table-ref t 1 (lambda () 'absent)) ; => one
(hash-table-ref/default t 2 'none)       ; => two
(hash-table-ref/default t 5 'none)       ; => none
(hash-table-exists? t 2)                 ; => #t
(hash-table-exists? t 5)                 ; => #f
(hash-table-size t)                      ; => 3
(hash-table-delete! t '(3))
(hash-table-exists? t '(3))              ; => #f
(hash-table-delete! t 'not-there)
(hash-table-size t)                      ; => 2
(hash-table-update! t 1 (lambda (v) (list v v)))
(hash-table-ref t 1)                     ; => (one one)
(hash-table-update! t 7 (lambda (v) (+ v 1)) (lambda () 0))
(hash-table-ref t 7)                     ; => 1
(hash-table-update! t 8 (lambda (v) v))  ; error: range
(hash-table-update!/default t 9 (lambda (v) (* v 10)) 5)
(hash-table-ref t 9)                     ; => 50
(hash-table-update!/default t 9 (lambda (v) (* v 10)) 5)
(hash-table-ref t 9)                     ; => 500

;; ---- the whole table ----
(define n (alist->hash-table '((1 . a) (2 . b) (1 . ignored))))
(hash-table-ref n 1)                     ; => a
(hash-table-size n)                      ; => 2
(sort (hash-table-keys n) <)             ; => (1 2)
(sort (map symbol->string (hash-table-values n)) string<?) ; => ("a" "b")
(sorted-alist n)                         ; => ((1 . a) (2 . b))
(define walked '())
(hash-table-walk n (lambda (k v) (set! walked (cons (cons k v) walked))))
(sort walked (lambda (a b) (< (car a) (car b)))) ; => ((1 . a) (2 . b))
(hash-table-fold n (lambda (k v acc) (+ k acc)) 0) ; => 3
(hash-table-fold (make-hash-table) (lambda (k v acc) (+ k acc)) 'empty) ; => empty
(hash-table-fold (lambda (k v acc) (cons v acc)) '() (alist->hash-table '((1 . x)))) ; => (x)
(define c (hash-table-copy n))
(hash-table-set! c 3 'c)
(hash-table-size n)                      ; => 2
(hash-table-size c)                      ; => 3
(hash-table-size (hash-table-copy n #t)) ; => 2
(define m (alist->hash-table '((2 . new) (4 . d))))
(eq? (hash-table-merge! n m) n)          ; => #t
(sorted-alist n)                         ; => ((1 . a) (2 . new) (4 . d))
(hash-table-size m)                      ; => 2

;; ---- equivalences ----
(define s (make-hash-table string=? string-hash))
(hash-table-set! s (string #\a #\b) 1)
(hash-table-ref s "ab")                  ; => 1
(hash-table-set! s 'ab 1)                ; error: type
(define q (make-hash-table eq?))
(hash-table-set! q (list 1) 'x)
(hash-table-exists? q (list 1))          ; => #f
(define a (alist->hash-table '((x . 1)) eq?))
(hash-table-ref a 'x)                    ; => 1
(eq? (hash-table-equivalence-function (make-hash-table)) equal?) ; => #t
(eq? (hash-table-equivalence-function q) eq?) ; => #t
(eq? (hash-table-equivalence-function (make-hash-table eqv?)) eqv?) ; => #t
(eq? (hash-table-equivalence-function s) string=?) ; => #t
(eq? (hash-table-equivalence-function (alist->hash-table '() eqv? hash 10 'x)) eqv?) ; => #t
(hash-table-equivalence-function 5)      ; error: type
(eq? (hash-table-hash-function (make-hash-table)) hash) ; => #t
(eq? (hash-table-hash-function s) string-hash) ; => #t
(eq? (hash-table-hash-function q) hash-by-identity) ; => #t

;; ---- hash functions ----
;; Deterministic, consistent with the equivalences, and below the bound.
(hash "abc")                             ; => 185820
(= (hash (list 1 "two" #\3 'four 5.5 #(6))) (hash (list 1 (string #\t #\w #\o) #\3 'four 5.5 (vector 6)))) ; => #t
(= (hash (list 1 2)) (hash (list 2 1)))  ; => #f
(< (hash '(a b c) 10) 10)                ; => #t
(hash 12345 100)                         ; => 45
(hash (expt 10 30) 1)                    ; => 0
(exact-integer? (hash (expt 10 30)))     ; => #t
(exact-integer? (hash (lambda (x) x)))   ; => #t
(exact-integer? (hash (make-hash-table))) ; => #t
(define cyc (list 1 2))
(set-cdr! (cdr cyc) cyc)
(exact-integer? (hash cyc))              ; => #t
(hash 'a 0)                              ; error: user
(string-hash "abc")                      ; => 185727
(= (string-hash "abc") (string-hash (string #\a #\b #\c))) ; => #t
(= (string-hash "abc") (string-hash "abd")) ; => #f
(< (string-hash "hello world" 7) 7)      ; => #t
(string-hash 'abc)                       ; error: user
(= (string-ci-hash "Hello") (string-ci-hash "hELLO")) ; => #t
(< (string-ci-hash "Hello" 3) 3)         ; => #t
(= (hash-by-identity 'sym) (hash-by-identity 'sym)) ; => #t
(= (hash-by-identity 42 1000) (hash-by-identity 42 1000)) ; => #t
(define v (vector 1 2))
(define before (hash-by-identity v))
(vector-set! v 0 'changed)
(= before (hash-by-identity v))          ; => #t
(< (hash-by-identity v 5) 5)             ; => #t
