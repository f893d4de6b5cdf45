; syntax-rules macros: patterns, templates, hygiene, scoping, errors.

(define-syntax swap! (syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define tmp 1)
(define y 2)
(swap! tmp y)
(list tmp y) ; => (2 1)
(let ((tmp 'a) (other 'b)) (swap! tmp other) (list tmp other)) ; => (b a)

; a template's `if`/`else` keep their meaning under user bindings of those names
(define-syntax my-if (syntax-rules () ((_ c a b) (cond (c a) (else b)))))
(let ((if list) (else #f)) (my-if #t 'yes 'no)) ; => yes
(define-syntax my-or (syntax-rules () ((_) #f) ((_ e) e) ((_ e r ...) (let ((t e)) (if t t (my-or r ...))))))
(let ((t 5)) (my-or #f t)) ; => 5
(my-or) ; => #f
(my-or #f #f 3) ; => 3

(define-syntax while
  (syntax-rules ()
    ((_ cond body ...) (let loop () (when cond body ... (loop))))))
(define i 0)
(while (< i 3) (display i) (set! i (+ i 1))) ; out: 012

(define-syntax my-let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...)))))
(my-let* ((a 1) (b (+ a 1))) (* a b)) ; => 2

; literals, nested ellipses, tails, vectors, custom ellipsis, escapes
(define-syntax kw (syntax-rules (=>) ((_ a => b) (list a b)) ((_ a b) 'no-arrow)))
(kw 1 => 2) ; => (1 2)
(kw 1 2) ; => no-arrow
(define-syntax flat (syntax-rules () ((_ (a b ...) ...) '(a ... (b ... ...)))))
(flat (1 2 3) (4 5)) ; => (1 4 (2 3 5))
(define-syntax last-of (syntax-rules () ((_ a ... z) 'z)))
(last-of 1 2 3) ; => 3
(define-syntax rest-of (syntax-rules () ((_ a . r) 'r)))
(rest-of 1 2 3) ; => (2 3)
(define-syntax vec-sum (syntax-rules () ((_ #(a ...)) (+ a ...))))
(vec-sum #(1 2 3)) ; => 6
(define-syntax my-list (syntax-rules ::: () ((_ a :::) (list a :::))))
(my-list 1 2 3) ; => (1 2 3)
(define-syntax ellipsis-data (syntax-rules () ((_ a) '(a (... ...)))))
(ellipsis-data x) ; => (x ...)
(define-syntax ignore-first (syntax-rules () ((_ _ b) b)))
(ignore-first 1 2) ; => 2
(define-syntax quoter (syntax-rules () ((_ x) '(x tmp))))
(quoter 5) ; => (5 tmp)
(define-syntax qq (syntax-rules () ((_ x) `(x ,x))))
(qq (+ 1 2)) ; => ((+ 1 2) 3)

; macros that define
(define-syntax def-two (syntax-rules () ((_ a b v) (begin (define a v) (define b v)))))
(def-two p q 7)
(list p q) ; => (7 7)
(define (g) (def-two m n 3) (+ m n))
(g) ; => 6

; local macros
(let-syntax ((foo (syntax-rules () ((_ x) (* x 2))))) (foo 21)) ; => 42
(letrec-syntax ((ev? (syntax-rules () ((_ n) (if (= n 0) #t (od? (- n 1))))))
                (od? (syntax-rules () ((_ n) (if (= n 0) #f #t)))))
  (ev? 2)) ; => #t
(define (f x) (define-syntax double (syntax-rules () ((_ e) (+ e e)))) (double x))
(f 5) ; => 10
(let ((x 'outer))
  (let-syntax ((get-x (syntax-rules () ((_) x))))
    (let ((x 'inner)) (get-x)))) ; => outer

; errors point at the use site
(swap! 1) ; error: syntax at (swap! 1)
swap! ; error: syntax at swap!
(define-syntax bad (syntax-rules () ((_ a a) a))) ; error: syntax
(define-syntax bad2 (syntax-rules () ((_ a) (a ...)))) ; error: syntax
(define-syntax) ; error: syntax at (define-syntax)
(define-syntax oops (syntax-rules () ((_ x) (car x))))
(oops 5) ; error: type at (oops 5)
(define-syntax forever (syntax-rules () ((_) (forever))))
(forever) ; error: syntax at (forever)
