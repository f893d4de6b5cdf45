; Procedures, apply, multiple values, promises, errors, time, void, load.

(procedure? car) ; => #t
(procedure? (lambda (x) x)) ; => #t
(procedure? 'car) ; => #f
car ; => #<procedure car>
(define (named x) x)
named ; => #<procedure named>
(apply + '(1 2 3)) ; => 6
(apply + 1 2 '(3 4)) ; => 10
(apply list '()) ; => ()
(apply (lambda args args) 1 '(2)) ; => (1 2)
(apply + 1) ; error: type at (apply + 1)
(apply +) ; error: arity at (apply +)
(map (lambda (f) (apply f '(4))) (list - (lambda (x) (* x x)))) ; => (-4 16)

(call-with-values (lambda () (values 1 2 3)) list) ; => (1 2 3)
(call-with-values (lambda () (values)) list) ; => ()
(call-with-values (lambda () 5) (lambda (x) (* x 2))) ; => 10
(values 7) ; => 7

(define count 0)
(define p (delay (begin (set! count (+ count 1)) count)))
(force p) ; => 1
(force p) ; => 1
(force 5) ; => 5
(promise? (make-promise 1)) ; => #t
(promise? 1) ; => #f
(define (stream-from n) (cons-stream n (stream-from (+ n 1))))
(car (force (cdr (force (cdr (stream-from 1)))))) ; => 3

(void) ; => #<unspecified>
(void 1 2) ; => #<unspecified>
(real? (current-time)) ; => #t
(let ((t1 (current-time)) (t2 (current-time))) (<= t1 t2)) ; => #t

(error "plain message") ; error: user at (error "plain message")
(error "with irritants:" 1 "two" 'three) ; error: user
(error 'my-proc "went wrong") ; error: user
(define (fails) (error "inside"))
(fails) ; error: user at (error "inside")
(exit 2) ; error: exit
(load "/no/such/file.scm") ; error: io at (load "/no/such/file.scm")
(load 5) ; error: type at (load 5)
