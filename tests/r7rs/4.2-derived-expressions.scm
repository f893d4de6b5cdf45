;;; R7RS-small section 4.2: derived expression types.
;;; Expected values come from the examples and text of the report.

(test-begin "4.2-derived-expressions")

;; 4.2.1 Conditionals: cond
(test-equal 'greater
            (cond ((> 3 2) 'greater)
                  ((< 3 2) 'less)))
(test-equal 'equal
            (cond ((> 3 3) 'greater)
                  ((< 3 3) 'less)
                  (else 'equal)))
(test-equal 2
            (cond ((assv 'b '((a 1) (b 2))) => cadr)
                  (else #f)))
(test-equal "a clause with only a test returns the test's value" '(b c)
            (cond ((memq 'b '(a b c)))
                  (else 'no)))
(test-equal "clause bodies are sequences" 3
            (cond (#t 1 2 3)))

;; case
(test-equal 'composite
            (case (* 2 3)
              ((2 3 5 7) 'prime)
              ((1 4 6 8 9) 'composite)))
(test-equal 'c
            (case (car '(c d))
              ((a e i o u) 'vowel)
              ((w y) 'semivowel)
              (else => (lambda (x) x))))
(test-equal 'vowel
            (case (car '(e d))
              ((a e i o u) 'vowel)
              ((w y) 'semivowel)
              (else 'consonant)))
(test-equal 'consonant
            (case 'z
              ((a e i o u) 'vowel)
              ((w y) 'semivowel)
              (else 'consonant)))
(test-equal "case compares with eqv?" 'char
            (case #\a
              ((#\a) 'char)
              (else 'other)))
(test-equal 'empty
            (case '()
              ((()) 'empty)
              (else 'other)))
(test-equal "=> in a datum clause" 6
            (case 5
              ((5) => (lambda (x) (+ x 1)))
              (else 0)))

;; and / or
(test-equal #t (and (= 2 2) (> 2 1)))
(test-equal #f (and (= 2 2) (< 2 1)))
(test-equal '(f g) (and 1 2 'c '(f g)))
(test-equal #t (and))
(test-equal "and stops at the first false value" #f (and #f (car '())))
(test-equal #t (or (= 2 2) (> 2 1)))
(test-equal #t (or (= 2 2) (< 2 1)))
(test-equal #f (or #f #f #f))
(test-equal '(b c) (or (memq 'b '(a b c)) (/ 3 0)))
(test-equal #f (or))
(test-equal 5 (or #f 5))

;; when / unless
(test-equal "when with a true test returns the last body value" 2
            (when (= 1 1.0) 1 2))
(test-equal "unless with a false test returns the last body value" 2
            (unless (= 1 2) 1 2))
(test-equal "when runs its body in order" '(2 1)
            (let ((acc '()))
              (when #t (set! acc (cons 1 acc)) (set! acc (cons 2 acc)))
              acc))
(test-equal "when with a false test does not run its body" '()
            (let ((acc '()))
              (when #f (set! acc (cons 1 acc)))
              acc))
(test-equal '()
            (let ((acc '()))
              (unless #t (set! acc (cons 1 acc)))
              acc))

;; cond-expand
(test-equal 'yes (cond-expand (r7rs 'yes) (else 'no)))
(test-equal 'else (cond-expand (this-feature-does-not-exist 'no) (else 'else)))
(test-equal 'not (cond-expand ((not this-feature-does-not-exist) 'not) (else 'no)))
(test-equal 'or (cond-expand ((or this-feature-does-not-exist r7rs) 'or) (else 'no)))
(test-equal 'and (cond-expand ((and r7rs (not this-feature-does-not-exist)) 'and) (else 'no)))
(test-equal 'lib (cond-expand ((library (scheme base)) 'lib) (else 'no)))

;; 4.2.2 Binding constructs
(test-equal 6 (let ((x 2) (y 3)) (* x y)))
(test-equal 35
            (let ((x 2) (y 3))
              (let ((x 7)
                    (z (+ x y)))
                (* z x))))
(test-equal 70
            (let ((x 2) (y 3))
              (let* ((x 7)
                     (z (+ x y)))
                (* z x))))
(test-equal "let* with no bindings" 1 (let* () 1))
(test-equal "let* allows a name twice" 2 (let* ((x 1) (x (+ x 1))) x))
(test-equal #t
            (letrec ((even?
                      (lambda (n)
                        (if (zero? n)
                            #t
                            (odd? (- n 1)))))
                     (odd?
                      (lambda (n)
                        (if (zero? n)
                            #f
                            (even? (- n 1))))))
              (even? 88)))
(test-equal 5
            (letrec* ((p
                       (lambda (x)
                         (+ 1 (q (- x 1)))))
                      (q
                       (lambda (y)
                         (if (zero? y)
                             0
                             (+ 1 (p (- y 1))))))
                      (x (p 5))
                      (y x))
              y))
(test-equal "letrec* evaluates left to right" '(1 2)
            (letrec* ((a 1) (b (+ a 1))) (list a b)))
(test-equal 35
            (let-values (((root rem) (exact-integer-sqrt 32)))
              (* root rem)))
(test-equal '(x y x y)
            (let ((a 'a) (b 'b) (x 'x) (y 'y))
              (let*-values (((a b) (values x y))
                            ((x y) (values a b)))
                (list a b x y))))
(test-equal "let-values with a rest formal" '(1 (2 3))
            (let-values (((a . rest) (values 1 2 3))) (list a rest)))
(test-equal "let-values with a single identifier formal" '(1 2)
            (let-values ((all (values 1 2))) all))
(test-equal "let-values binds in the outer environment" '(2 1)
            (let ((a 1) (b 2))
              (let-values (((a b) (values b a))
                           ((c) (values a)))
                (list a c))))

;; 4.2.3 Sequencing
(define x 0)
(test-equal 6 (and (= x 0)
                   (begin (set! x 5)
                          (+ x 1))))
(test-equal 3 (begin 1 2 3))

;; 4.2.4 Iteration
(test-equal #(0 1 2 3 4)
            (do ((vec (make-vector 5))
                 (i 0 (+ i 1)))
                ((= i 5) vec)
              (vector-set! vec i i)))
(test-equal 25
            (let ((x '(1 3 5 7 9)))
              (do ((x x (cdr x))
                   (sum 0 (+ sum (car x))))
                  ((null? x) sum))))
(test-equal "do with a body and several result expressions" 10
            (let ((n 0))
              (do ((i 0 (+ i 1)))
                  ((= i 4) 'ignored n)
                (set! n (+ n i 1)))))
(test-equal '((6 1 3) (-5 -2))
            (let loop ((numbers '(3 -2 1 6 -5))
                       (nonneg '())
                       (neg '()))
              (cond ((null? numbers) (list nonneg neg))
                    ((>= (car numbers) 0)
                     (loop (cdr numbers)
                           (cons (car numbers) nonneg)
                           neg))
                    ((< (car numbers) 0)
                     (loop (cdr numbers)
                           nonneg
                           (cons (car numbers) neg))))))
(test-equal "named let in tail position runs in constant space" 'done
            (let loop ((i 0))
              (if (= i 1000000) 'done (loop (+ i 1)))))

;; 4.2.5 Delayed evaluation
(test-equal 3 (force (delay (+ 1 2))))
(test-equal '(3 3)
            (let ((p (delay (+ 1 2))))
              (list (force p) (force p))))
(define integers
  (letrec ((next
            (lambda (n)
              (delay (cons n (next (+ n 1)))))))
    (next 0)))
(define (head stream) (car (force stream)))
(define (tail stream) (cdr (force stream)))
(test-equal 2 (head (tail (tail integers))))
(define (stream-filter p? s)
  (delay-force
   (if (null? (force s))
       (delay '())
       (let ((h (car (force s)))
             (t (cdr (force s))))
         (if (p? h)
             (delay (cons h (stream-filter p? t)))
             (stream-filter p? t))))))
(test-equal 5 (head (tail (tail (stream-filter odd? integers)))))
(define count 0)
(define p
  (delay (begin (set! count (+ count 1))
                (if (> count x)
                    count
                    (force p)))))
(define x 5)
(test-assert (promise? p))
(test-equal 6 (force p))
(test-assert (promise? p))
(test-equal 6 (begin (set! x 10)
                     (force p)))
(test-equal "a promise is forced only once" 1
            (let* ((n 0)
                   (q (delay (begin (set! n (+ n 1)) n))))
              (force q)
              (force q)
              n))
(define (delay-force-loop n)
  (delay-force (if (= n 0) (delay 'done) (delay-force-loop (- n 1)))))
(test-equal "delay-force chains are forced iteratively" 'done
            (force (delay-force-loop 100000)))
(test-equal 7 (force (make-promise 7)))
(test-assert (promise? (make-promise 7)))
(test-assert "make-promise on a promise returns it"
             (let ((q (delay 1))) (eq? q (make-promise q))))
(test-assert (not (promise? 5)))
(test-assert (promise? (delay-force (delay 1))))

;; 4.2.6 Dynamic bindings
(define radix
  (make-parameter
   10
   (lambda (x)
     (if (and (exact-integer? x) (<= 2 x 16))
         x
         (error "invalid radix")))))
(define (f n) (number->string n (radix)))
(test-equal "12" (f 12))
(test-equal "1100" (parameterize ((radix 2))
                     (f 12)))
(test-equal "12" (f 12))
(test-error "the converter rejects a bad value" (parameterize ((radix 0)) (f 12)))
(test-equal "the converter is applied to the initial value" 10
            ((make-parameter "10" string->number)))
(test-equal "the converter is applied to parameterize values" 16
            (let ((p (make-parameter 1 (lambda (x) (* x 2)))))
              (parameterize ((p 8)) (p))))
(test-equal "parameterize restores the value on a non-local exit" 10
            (begin
              (call-with-current-continuation
               (lambda (k)
                 (parameterize ((radix 2))
                   (k 'escaped))))
              (radix)))
(test-equal "nested parameterize" '(3 2 1)
            (let ((p (make-parameter 1)))
              (let ((outer (p)))
                (parameterize ((p 2))
                  (let ((middle (p)))
                    (parameterize ((p 3))
                      (list (p) middle outer)))))))

;; 4.2.7 Exception handling: guard
(test-equal 42
            (guard (condition
                    ((assq 'a condition) => cdr)
                    ((assq 'b condition)))
              (raise (list (cons 'a 42)))))
(test-equal '(b . 23)
            (guard (condition
                    ((assq 'a condition) => cdr)
                    ((assq 'b condition)))
              (raise (list (cons 'b 23)))))
(test-equal "guard with else" 'other
            (guard (e ((string? e) 'string) (else 'other))
              (raise 'boom)))
(test-equal "guard without a raise returns the body's value" 3
            (guard (e (#t 'caught)) 1 2 3))
(test-equal "an unmatched condition is re-raised to the outer guard" 'outer
            (guard (e ((symbol? e) 'outer))
              (guard (e ((string? e) 'inner))
                (raise 'sym))))
(test-equal "guard catches error objects" "bad thing"
            (guard (e ((error-object? e) (error-object-message e)))
              (error "bad thing" 1 2)))

;; 4.2.8 Quasiquotation
(test-equal '(list 3 4) `(list ,(+ 1 2) 4))
(test-equal '(list a (quote a)) (let ((name 'a)) `(list ,name ',name)))
(test-equal '(a 3 4 5 6 b) `(a ,(+ 1 2) ,@(map abs '(4 -5 6)) b))
(test-equal '((foo 7) . cons) `((foo ,(- 10 3)) ,@(cdr '(c)) . ,(car '(cons))))
(test-equal #(10 5 2 4 3 8) `#(10 5 ,(sqrt 4) ,@(map sqrt '(16 9)) 8))
(test-equal '(a `(b ,(+ 1 2) ,(foo 4 d) e) f)
            `(a `(b ,(+ 1 2) ,(foo ,(+ 1 3) d) e) f))
(test-equal '(a `(b ,x ,'y d) e)
            (let ((name1 'x)
                  (name2 'y))
              `(a `(b ,,name1 ,',name2 d) e)))
(test-equal '(list 3 4) (quasiquote (list (unquote (+ 1 2)) 4)))
(test-equal '`(list ,(+ 1 2) 4) '(quasiquote (list (unquote (+ 1 2)) 4)))
(test-equal '(1 2 3) `(1 ,@'() 2 3))
(test-equal "splicing at the end" '(1 2 3) `(1 ,@(list 2 3)))
(test-equal "unquote of a literal" 5 `,5)

;; 4.2.9 Case-lambda
(define cl-range
  (case-lambda
    ((e) (cl-range 0 e))
    ((b e) (do ((r '() (cons e r))
                (e (- e 1) (- e 1)))
               ((< e b) r)))))
(test-equal '(0 1 2) (cl-range 3))
(test-equal '(3 4) (cl-range 3 5))
(define cl-arity
  (case-lambda
    (() 'zero)
    ((a) 'one)
    ((a b) 'two)
    ((a b . rest) (list 'many rest))))
(test-equal 'zero (cl-arity))
(test-equal 'one (cl-arity 1))
(test-equal 'two (cl-arity 1 2))
(test-equal '(many (3 4)) (cl-arity 1 2 3 4))
(test-equal "a case-lambda is a procedure" #t (procedure? cl-arity))
(test-error "no clause matches the argument count"
            ((case-lambda ((a) a)) 1 2))

(test-end "4.2-derived-expressions")
