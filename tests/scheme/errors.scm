; Every error kind, with the place it points at.

(car 5) ; error: type at (car 5)
undefined-thing ; error: unbound at undefined-thing
(define (one x) x)
(one 1 2) ; error: arity at (one 1 2)
((lambda (a b) a) 1) ; error: arity at ((lambda (a b) a) 1)
(car 1 2) ; error: arity at (car 1 2)
(/ 1 0) ; error: division-by-zero at (/ 1 0)
(error "something bad" 1 2) ; error: user at (error "something bad" 1 2)
(vector-ref (vector 1 2) 5) ; error: range at (vector-ref (vector 1 2) 5)
(5 3) ; error: type at (5 3)
(set! never-defined 1) ; error: unbound at (set! never-defined 1)
(if) ; error: syntax at (if)
(let ((x)) x) ; error: syntax at (x)
(lambda (x x) x) ; error: syntax at x
(define) ; error: syntax at (define)
(let loop) ; error: syntax at (let loop)
() ; error: syntax at ()
if ; error: syntax at if
(define (uses-later) (define a b) (define b 1) a)
(uses-later) ; error: unbound at b
(define (inner-error) (car '()))
(define (outer-error) (+ 1 (inner-error)))
(outer-error) ; error: type at (car '())
(exit 3) ; error: exit
(cond (5 => car)) ; error: type at (5 => car)
