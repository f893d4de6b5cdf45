;;; R7RS-small section 4.3: macros (let-syntax, letrec-syntax, syntax-rules).
;;; Expected values come from the examples and text of the report.

(test-begin "4.3-macros")

;; 4.3.1 Binding constructs for syntactic keywords
(test-equal 'now
            (let-syntax ((given-that (syntax-rules ()
                                       ((_ test stmt1 stmt2 ...)
                                        (if test
                                            (begin stmt1
                                                   stmt2 ...))))))
              (let ((if #t))
                (given-that if (set! if 'now))
                if)))
(test-equal 'outer
            (let ((x 'outer))
              (let-syntax ((m (syntax-rules () ((m) x))))
                (let ((x 'inner))
                  (m)))))
(test-equal 7
            (letrec-syntax
                ((my-or (syntax-rules ()
                          ((my-or) #f)
                          ((my-or e) e)
                          ((my-or e1 e2 ...)
                           (let ((temp e1))
                             (if temp
                                 temp
                                 (my-or e2 ...)))))))
              (let ((x #f)
                    (y 7)
                    (temp 8)
                    (let odd?)
                    (if even?))
                (my-or x
                       (let temp)
                       (if y)
                       y))))

;; 4.3.2 Pattern language
(define-syntax be-like-begin
  (syntax-rules ()
    ((be-like-begin name)
     (define-syntax name
       (syntax-rules ()
         ((name expr (... ...))
          (begin expr (... ...))))))))
(be-like-begin sequence)
(test-equal 4 (sequence 1 2 3 4))
(test-equal 'ok (let ((=> #f))
                  (cond (#t => 'ok))))

(define-syntax swap!
  (syntax-rules ()
    ((_ a b)
     (let ((tmp a))
       (set! a b)
       (set! b tmp)))))
(test-equal "swap! works on ordinary variables" '(2 1)
            (let ((x 1) (y 2))
              (swap! x y)
              (list x y)))
(test-equal "hygiene: swap! with a user variable named tmp" '(2 1)
            (let ((tmp 1) (other 2))
              (swap! tmp other)
              (list tmp other)))
(test-equal "hygiene: swap! with the user variable tmp second" '(2 1)
            (let ((other 1) (tmp 2))
              (swap! other tmp)
              (list other tmp)))

(define-syntax my-if-not
  (syntax-rules ()
    ((_ c then else) (if c else then))))
(test-equal "hygiene: the macro's if is the global if, not the user's local if" 'b
            (let ((if (lambda args 'user-if)))
              (my-if-not #t 'a 'b)))
(define-syntax my-unless
  (syntax-rules ()
    ((_ c body ...) (if c #f (begin body ...)))))
(test-equal "hygiene: local if and begin do not capture the template's" 'x
            (let ((if list) (begin list))
              (my-unless #f 'x)))
(define-syntax my-or2
  (syntax-rules ()
    ((_ a b) (let ((t a)) (if t t b)))))
(test-equal "hygiene: the template's t does not capture the user's t" 5
            (let ((t 5))
              (my-or2 #f t)))
(define helper-value 'global)
(define-syntax get-helper
  (syntax-rules ()
    ((_) helper-value)))
(test-equal "hygiene: free identifiers in the template refer to the definition site" 'global
            (let ((helper-value 'local))
              (get-helper)))

;; Literals
(define-syntax arrow-test
  (syntax-rules (=>)
    ((_ a => b) (list 'arrow a b))
    ((_ a b c) (list 'plain a b c))))
(test-equal '(arrow 1 2) (arrow-test 1 => 2))
(test-equal '(plain 1 2 3) (arrow-test 1 2 3))
(define-syntax for
  (syntax-rules (in from to)
    ((_ x in lst body ...) (for-each (lambda (x) body ...) lst))
    ((_ x from a to b body ...) (do ((x a (+ x 1))) ((> x b)) body ...))))
(test-equal '(3 2 1)
            (let ((acc '()))
              (for e in '(1 2 3) (set! acc (cons e acc)))
              acc))
(test-equal 15
            (let ((sum 0))
              (for i from 1 to 5 (set! sum (+ sum i)))
              sum))

;; Ellipsis patterns
(define-syntax my-list
  (syntax-rules ()
    ((_ x ...) (list x ...))))
(test-equal '() (my-list))
(test-equal '(1 2 3) (my-list 1 2 3))
(define-syntax my-let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((n v) rest ...) body ...)
     (let ((n v)) (my-let* (rest ...) body ...)))))
(test-equal 3 (my-let* ((a 1) (b (+ a 1))) (+ a b)))
(define-syntax pairs-of
  (syntax-rules ()
    ((_ (k v ...) ...) '((k . (v ...)) ...))))
(test-equal "nested ellipses" '((a 1 2) (b) (c 3))
            (pairs-of (a 1 2) (b) (c 3)))
(define-syntax last-of
  (syntax-rules ()
    ((_ x ... y) 'y)))
(test-equal "patterns after an ellipsis" 'c (last-of a b c))
(test-equal 'a (last-of a))
(define-syntax dotted
  (syntax-rules ()
    ((_ a . rest) 'rest)))
(test-equal "dotted pattern" '(2 3) (dotted 1 2 3))
(test-equal '() (dotted 1))
(define-syntax vec-pattern
  (syntax-rules ()
    ((_ #(a b ...)) (list 'a '(b ...)))))
(test-equal "vector pattern" '(1 (2 3)) (vec-pattern #(1 2 3)))
(define-syntax second-of
  (syntax-rules ()
    ((_ _ b . _) 'b)))
(test-equal "underscore matches anything" 'y (second-of x y z w))
(define-syntax my-list2
  (syntax-rules ::: ()
    ((_ x :::) (list x :::))))
(test-equal "custom ellipsis identifier" '(1 2) (my-list2 1 2))
(define-syntax ten
  (syntax-rules ()
    ((_) 10)))
(test-equal "a macro with no arguments" 10 (ten))
(define-syntax literal-match
  (syntax-rules ()
    ((_ 1) 'one)
    ((_ "two") 'two)
    ((_ #t) 'true)
    ((_ x) 'other)))
(test-equal "constant patterns match with equal?" 'one (literal-match 1))
(test-equal 'two (literal-match "two"))
(test-equal 'true (literal-match #t))
(test-equal 'other (literal-match 3))

;; Recursive macros and macros that expand into definitions
(define-syntax my-cond
  (syntax-rules (else)
    ((_ (else e ...)) (begin e ...))
    ((_ (c e ...) clause ...) (if c (begin e ...) (my-cond clause ...)))))
(test-equal 'second (my-cond (#f 'first) (#t 'second) (else 'third)))
(test-equal 'third (my-cond (#f 'first) (else 'third)))
(define-syntax define-getter
  (syntax-rules ()
    ((_ name value) (define (name) value))))
(define-getter get-seven 7)
(test-equal "a macro expanding into a top-level definition" 7 (get-seven))
(test-equal "a macro expanding into an internal definition" 8
            (let ()
              (define-getter get-eight 8)
              (get-eight)))
(define-syntax while
  (syntax-rules ()
    ((_ cond body ...)
     (let lp () (when cond body ... (lp))))))
(test-equal "a looping macro" 5
            (let ((i 0))
              (while (< i 5) (set! i (+ i 1)))
              i))
(test-equal "internal define-syntax" 6
            (let ()
              (define-syntax double
                (syntax-rules () ((_ e) (* 2 e))))
              (double 3)))
(test-equal "let-syntax body may hold several forms" 3
            (let-syntax ((one (syntax-rules () ((_) 1))))
              (+ (one) 1)
              (+ (one) 2)))
(define-syntax my-and
  (syntax-rules ()
    ((_) #t)
    ((_ e) e)
    ((_ e1 e2 ...) (if e1 (my-and e2 ...) #f))))
(test-equal #t (my-and))
(test-equal 3 (my-and 1 2 3))
(test-equal #f (my-and 1 #f 3))
(define-syntax count-args
  (syntax-rules ()
    ((_) 0)
    ((_ x rest ...) (+ 1 (count-args rest ...)))))
(test-equal 4 (count-args a b c d))
(define-syntax make-adder
  (syntax-rules ()
    ((_ n) (lambda (x) (+ x n)))))
(test-equal "hygiene: a user x passed to a macro that binds x" 11
            (let ((x 10))
              ((make-adder x) 1)))

(test-end "4.3-macros")
