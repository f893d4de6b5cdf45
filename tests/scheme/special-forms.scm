; Special forms: define, lambda, if, set!, quote, quasiquote, begin, let family,
; do, cond, case, and, or, when, unless, delay/force.

(define x 10)
x ; => 10
(define (square n) (* n n))
(square 7) ; => 49
(define (variadic . args) args)
(variadic) ; => ()
(variadic 1 2 3) ; => (1 2 3)
(define (head-and-rest a . rest) (list a rest))
(head-and-rest 1 2 3) ; => (1 (2 3))
((lambda args args) 4 5) ; => (4 5)
((lambda (a b . c) (list a b c)) 1 2) ; => (1 2 ())
(define ((curried a) b) (list a b))
((curried 1) 2) ; => (1 2)

; if
(if #t 'yes 'no) ; => yes
(if #f 'yes 'no) ; => no
(if '() 'true 'false) ; => true
(if 0 'true 'false) ; => true

; set!
(define counter 0)
(set! counter (+ counter 1))
counter ; => 1
(define (make-counter)
  (let ((n 0))
    (lambda () (set! n (+ n 1)) n)))
(define c1 (make-counter))
(define c2 (make-counter))
(c1) ; => 1
(c1) ; => 2
(c2) ; => 1

; quote
'a ; => a
'(1 . 2) ; => (1 . 2)
''a ; => (quote a)
'#(1 2) ; => #(1 2)
#(1 2) ; => #(1 2)
"str" ; => "str"

; quasiquote
`(1 ,(+ 1 1) ,@(list 3 4)) ; => (1 2 3 4)
`(a . ,(+ 1 2)) ; => (a . 3)
`#(1 ,(* 2 3)) ; => #(1 6)
`(1 `(2 ,(3 ,(+ 1 3)))) ; => (1 (quasiquote (2 (unquote (3 4)))))
`(1 `(2 ,(3 ,@(list 4 5)))) ; => (1 (quasiquote (2 (unquote (3 4 5)))))
`(1 `,(+ 1 ,(+ 2 3))) ; => (1 (quasiquote (unquote (+ 1 5))))
`(,@'() . tail) ; => tail
(let ((name 'x)) `(define ,name ,@(list 1))) ; => (define x 1)

; begin
(begin 1 2 3) ; => 3

; let family
(let ((a 1) (b 2)) (+ a b)) ; => 3
(let ((a 1)) (let ((a 2) (b a)) b)) ; => 1
(let* ((a 1) (b (+ a 1))) (list a b)) ; => (1 2)
(letrec ((even? (lambda (n) (if (= n 0) #t (odd? (- n 1)))))
         (odd? (lambda (n) (if (= n 0) #f (even? (- n 1))))))
  (even? 100)) ; => #t
(letrec* ((a 1) (b (+ a 1))) b) ; => 2
(let loop ((i 0) (acc '()))
  (if (= i 3) (reverse acc) (loop (+ i 1) (cons i acc)))) ; => (0 1 2)
(let () 5) ; => 5

; internal defines, including after expressions
(define (body-test)
  (define a 1)
  (display "between")
  (define b (+ a 1))
  (list a b)) 
(body-test) ; out: between
(body-test) ; => (1 2)
(define (mutual n)
  (define (ev? n) (if (= n 0) #t (od? (- n 1))))
  (define (od? n) (if (= n 0) #f (ev? (- n 1))))
  (ev? n))
(mutual 11) ; => #f

; do
(do ((i 0 (+ i 1)) (acc '() (cons i acc))) ((= i 4) acc)) ; => (3 2 1 0)
(let ((v (make-vector 3 0)))
  (do ((i 0 (+ i 1))) ((= i 3) v) (vector-set! v i (* i i)))) ; => #(0 1 4)

; cond
(cond ((> 1 2) 'a) ((< 1 2) 'b) (else 'c)) ; => b
(cond ((> 1 2) 'a) (else 'c)) ; => c
(cond ((assv 2 '((1 . one) (2 . two))) => cdr) (else 'none)) ; => two
(cond (42)) ; => 42
(cond (#f 1)) ; => #<unspecified>

; case
(case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite)) ; => composite
(case 'x ((a) 1) (else 'other)) ; => other
(case 5 ((5) => (lambda (k) (* k 10))) (else 0)) ; => 50
(case 6 ((5) 1) (else => (lambda (k) (+ k 1)))) ; => 7

; and / or
(and) ; => #t
(and 1 2 3) ; => 3
(and 1 #f 3) ; => #f
(or) ; => #f
(or #f 2) ; => 2
(or #f #f) ; => #f

; when / unless
(when (> 2 1) 'a 'b) ; => b
(unless (> 2 1) 'a) ; => #<unspecified>
(unless #f 'c) ; => c

; delay / force
(define p (delay (begin (display "once") 42)))
(force p) ; out: once
(force p) ; => 42
(force (make-promise 5)) ; => 5
(promise? p) ; => #t
(force (delay-force (delay 7))) ; => 7

; shadowing special forms with locals
(let ((if (lambda (a b c) 'shadowed))) (if 1 2 3)) ; => shadowed
(define (list-of . xs) xs)
(let ((quote 5)) quote) ; => 5

; do, receive, case-lambda, assert and with-arena are syntax-rules macros of
; the core (stdlib/derived.scm): shadowed by a local like a special form, and
; unchanged by a program's own definitions of the names their expansions use
(let ((do (lambda (x) (* 2 x)))) (do 4)) ; => 8
(do ((i 0 (+ i 1))) ((= i 2)))           ; => #<unspecified>
(do ((i 0 (+ i 1)) (j 5)) ((= i 2) j))  ; => 5
(do ((i 0 (+ i 1))) (#t 1 2))            ; => 2
(define (call-with-values . args) 'mine)
(define (call-with-arena . args) 'mine)
(define (%case-lambda . args) 'mine)
(define (%assert-failed . args) 'mine)
(define (%do-step . args) 'mine)
(receive (a . rest) (values 1 2 3) (list a rest)) ; => (1 (2 3))
((case-lambda ((x) x) ((x y) (list y x))) 1 2) ; => (2 1)
(with-arena (a 64) (bytevector-length (arena-alloc a 3))) ; => 3
(do ((i 0 (+ i 1)) (acc '() (cons i acc))) ((= i 3) acc)) ; => (2 1 0)
(assert (< 2 1)) ; error: user at (assert (< 2 1))
(receive (a) 1) ; error: syntax at (receive (a) 1)
(case-lambda (x)) ; error: syntax at (case-lambda (x))
