;;; R7RS-small section 4.1: primitive expression types.
;;; Expected values come from the examples and text of the report.

(test-begin "4.1-primitive-expressions")

;; 4.1.1 Variable references
(define x 28)
(test-equal "variable reference" 28 x)

;; 4.1.2 Literal expressions
(test-equal 'a (quote a))
(test-equal '#(a b c) (quote #(a b c)))
(test-equal '(+ 1 2) (quote (+ 1 2)))
(test-equal 'a 'a)
(test-equal (vector 'a 'b 'c) '#(a b c))
(test-equal '() '())
(test-equal (list '+ 1 2) '(+ 1 2))
(test-equal (list 'quote 'a) '(quote a))
(test-equal (list 'quote 'a) ''a)
(test-equal "abc" '"abc")
(test-equal "abc" "abc")
(test-equal 145932 '145932)
(test-equal 145932 145932)
(test-equal #t '#t)
(test-equal #t #t)
(test-equal #f #false)
(test-equal #t #true)
(test-equal #\a '#\a)
(test-equal #\a #\a)
(test-equal "vector constants evaluate to themselves" (vector 'a 10) #(a 10))
(test-equal "bytevector constants evaluate to themselves" (bytevector 64 65) #u8(64 65))
(test-assert (symbol? (car '(quote a))))
(test-equal 2 (length ''a))

;; 4.1.3 Procedure calls
(test-equal 7 (+ 3 4))
(test-equal 12 ((if #f + *) 3 4))
(test-equal 3 ((lambda () 3)))
(test-equal '(1 2 3) (list 1 2 3))
(test-equal "operator is an expression" 5 ((car (list + -)) 2 3))

;; 4.1.4 Procedures
(test-assert (procedure? (lambda (x) (+ x x))))
(test-equal 8 ((lambda (x) (+ x x)) 4))
(define reverse-subtract
  (lambda (x y) (- y x)))
(test-equal 3 (reverse-subtract 7 10))
(define add4
  (let ((x 4))
    (lambda (y) (+ x y))))
(test-equal 10 (add4 6))
(test-equal '(3 4 5 6) ((lambda x x) 3 4 5 6))
(test-equal '(5 6) ((lambda (x y . z) z) 3 4 5 6))
(test-equal '() ((lambda (x y . z) z) 3 4))
(test-equal '() ((lambda x x)))
(test-equal "body with several expressions" 3 ((lambda (x) (set! x (+ x 1)) (+ x 1)) 1))
(test-equal "closures capture their own environment" '(1 2 1)
            (let* ((make-counter (lambda ()
                                   (let ((n 0))
                                     (lambda () (set! n (+ n 1)) n))))
                   (a (make-counter))
                   (b (make-counter)))
              (let* ((r1 (a)) (r2 (a)) (r3 (b)))
                (list r1 r2 r3))))
(test-equal "lexical scope, not dynamic" 1
            (let ((y 1))
              (let ((get-y (lambda () y)))
                (let ((y 2))
                  (get-y)))))
(test-equal "internal definition in a lambda body" 6
            ((lambda (n) (define (double k) (* 2 k)) (double n)) 3))

;; 4.1.5 Conditionals
(test-equal 'yes (if (> 3 2) 'yes 'no))
(test-equal 'no (if (> 2 3) 'yes 'no))
(test-equal 1 (if (> 3 2) (- 3 2) (+ 3 2)))
(test-equal "only #f is false" 'true (if '() 'true 'false))
(test-equal 'true (if 0 'true 'false))
(test-equal 'true (if "" 'true 'false))
(test-equal 'false (if #f 'true 'false))
(test-equal "the untaken branch is not evaluated" 'ok (if #t 'ok (car '())))
(test-equal 'ok (if #f (car '()) 'ok))

;; 4.1.6 Assignments
(define x 2)
(test-equal 3 (+ x 1))
(set! x 4)
(test-equal 5 (+ x 1))
(test-equal "set! on a local variable" 10
            (let ((y 1)) (set! y 10) y))
(test-equal "set! on a captured variable is seen by the closure" 7
            (let* ((v 1) (get (lambda () v)))
              (set! v 7)
              (get)))


;; 3.5 Proper tail recursion (through the primitive forms)
(define (tail-even? n) (if (= n 0) #t (tail-odd? (- n 1))))
(define (tail-odd? n) (if (= n 0) #f (tail-even? (- n 1))))
(test-equal "mutual recursion in tail position runs in constant space" #t
            (tail-even? 1000000))
(define (count-down n) (if (= n 0) 'done (apply count-down (list (- n 1)))))
(test-equal "apply in tail position" 'done (count-down 1000000))
(define (cond-loop n)
  (cond ((= n 0) 'done)
        (else (cond-loop (- n 1)))))
(test-equal "cond clause in tail position" 'done (cond-loop 1000000))

(test-end "4.1-primitive-expressions")
