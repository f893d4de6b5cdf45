;;; R7RS-small section 6.10: control features (plus receive from SRFI 8).
;;; Continuations are tested as escapes here; re-entry (generators, amb, the
;;; report's dynamic-wind example) is tested in tests/scheme/control-r7rs.scm.
;;; Expected values come from the examples and text of the report.

(test-begin "6.10-control")

;; procedure?
(test-equal #t (procedure? car))
(test-equal #f (procedure? 'car))
(test-equal #t (procedure? (lambda (x) (* x x))))
(test-equal #f (procedure? '(lambda (x) (* x x))))
(test-equal #t (call-with-current-continuation procedure?))
(test-equal #t (procedure? (make-parameter 1)))

;; apply
(test-equal 7 (apply + (list 3 4)))
(define compose
  (lambda (f g)
    (lambda args
      (f (apply g args)))))
(test-equal 30 ((compose sqrt *) 12 75))
(test-equal 10 (apply + 1 2 '(3 4)))
(test-equal '() (apply list '()))
(test-equal '(1 2 3) (apply list 1 2 '(3)))
(test-equal 3 (apply max '(1 3 2)))

;; map, string-map, vector-map
(test-equal '(b e h) (map cadr '((a b) (d e) (g h))))
(test-equal '(1 4 27 256 3125) (map (lambda (n) (expt n n)) '(1 2 3 4 5)))
(test-equal '(5 7 9) (map + '(1 2 3) '(4 5 6 7)))
(test-assert (member (let ((count 0))
                       (map (lambda (ignored)
                              (set! count (+ count 1))
                              count)
                            '(a b)))
                     '((1 2) (2 1))))
(test-equal '() (map car '()))
(test-equal '((1 . a) (2 . b)) (map cons '(1 2) '(a b)))
(test-equal "abdegh" (string-map char-foldcase "AbdEgH"))
(test-equal "IBM" (string-map
                   (lambda (c)
                     (integer->char (+ 1 (char->integer c))))
                   "HAL"))
(test-equal "StUdLyCaPs"
            (string-map
             (lambda (c k)
               ((if (eqv? k #\u) char-upcase char-downcase)
                c))
             "studlycaps xxx"
             "ululululul"))
(test-equal "" (string-map char-upcase ""))
(test-equal #(b e h) (vector-map cadr '#((a b) (d e) (g h))))
(test-equal #(1 4 27 256 3125) (vector-map (lambda (n) (expt n n)) '#(1 2 3 4 5)))
(test-equal #(5 7 9) (vector-map + '#(1 2 3) '#(4 5 6 7)))
(test-assert (member (let ((count 0))
                       (vector-map
                        (lambda (ignored)
                          (set! count (+ count 1))
                          count)
                        '#(a b)))
                     '(#(1 2) #(2 1))))
(test-equal #() (vector-map car #()))

;; for-each, string-for-each, vector-for-each
(test-equal #(0 1 4 9 16)
            (let ((v (make-vector 5)))
              (for-each (lambda (i)
                          (vector-set! v i (* i i)))
                        '(0 1 2 3 4))
              v))
(test-equal "for-each runs in order" '(3 2 1)
            (let ((acc '()))
              (for-each (lambda (x) (set! acc (cons x acc))) '(1 2 3))
              acc))
(test-equal "for-each over two lists stops at the shortest" '((2 b) (1 a))
            (let ((acc '()))
              (for-each (lambda (x y) (set! acc (cons (list x y) acc)))
                        '(1 2 3) '(a b))
              acc))
(test-equal '(101 100 99 98 97)
            (let ((v '()))
              (string-for-each
               (lambda (c) (set! v (cons (char->integer c) v)))
               "abcde")
              v))
(test-equal '((#\b . #\y) (#\a . #\x))
            (let ((v '()))
              (string-for-each (lambda (a b) (set! v (cons (cons a b) v)))
                               "abc" "xy")
              v))
(test-equal '(0 1 4 9 16)
            (let ((v (make-list 5)))
              (vector-for-each
               (lambda (i) (list-set! v i (* i i)))
               '#(0 1 2 3 4))
              v))
(test-equal '(4 2)
            (let ((v '()))
              (vector-for-each (lambda (a b) (set! v (cons (+ a b) v)))
                               #(1 2) #(1 2 3))
              v))

;; call-with-current-continuation used for escapes
(test-equal -3
            (call-with-current-continuation
             (lambda (exit)
               (for-each (lambda (x)
                           (if (negative? x)
                               (exit x)))
                         '(54 0 37 -3 245 19))
               #t)))
(define list-length
  (lambda (obj)
    (call-with-current-continuation
     (lambda (return)
       (letrec ((r
                 (lambda (obj)
                   (cond ((null? obj) 0)
                         ((pair? obj)
                          (+ (r (cdr obj)) 1))
                         (else (return #f))))))
         (r obj))))))
(test-equal 4 (list-length '(1 2 3 4)))
(test-equal #f (list-length '(a b . c)))
(test-equal "call/cc is call-with-current-continuation" 5
            (call/cc (lambda (k) (+ 1 (k 5)))))
(test-equal "a continuation that is not called: the procedure's value" 3
            (call/cc (lambda (k) 3)))
(test-equal "escape from nested procedure calls" 'found
            (call/cc
             (lambda (return)
               (let loop ((i 0))
                 (if (= i 100) (return 'found))
                 (loop (+ i 1))))))
(test-equal "escape from a deep recursion" 'escaped
            (call/cc
             (lambda (k)
               (let deep ((n 10000))
                 (if (= n 0) (k 'escaped) (+ 1 (deep (- n 1))))))))
(test-equal "a continuation stored and called while its extent is live" 42
            (let ((saved #f))
              (+ 0 (call/cc (lambda (k) (set! saved k) (saved 42))))))
(test-equal "a continuation accepting several values" '(1 2)
            (call-with-values
                (lambda () (call/cc (lambda (k) (k 1 2))))
              list))

;; values, call-with-values, receive
(test-equal 5 (call-with-values (lambda () (values 4 5))
                (lambda (a b) b)))
(test-equal -1 (call-with-values * -))
(test-equal '() (call-with-values (lambda () (values)) list))
(test-equal 1 (call-with-values (lambda () 1) (lambda (x) x)))
(test-equal '(1 2 3) (call-with-values (lambda () (values 1 2 3)) list))
(test-equal "values with one argument is that value" 7 (+ (values 7) 0))
(test-equal "receive (SRFI 8)" '(1 (2 3))
            (receive (a . rest) (values 1 2 3) (list a rest)))
(test-equal '(1 2) (receive all (values 1 2) all))
(test-equal 3 (receive (a b) (values 1 2) (+ a b)))

;; dynamic-wind
(test-equal "before, thunk and after run once each, in order" '(before during after)
            (let ((path '()))
              (dynamic-wind
               (lambda () (set! path (cons 'before path)))
               (lambda () (set! path (cons 'during path)))
               (lambda () (set! path (cons 'after path))))
              (reverse path)))
(test-equal "dynamic-wind returns the thunk's value" 'result
            (dynamic-wind (lambda () #f) (lambda () 'result) (lambda () #f)))
(test-equal "an escape runs the after thunk" '(connect talk disconnect)
            (let ((path '()))
              (call/cc
               (lambda (k)
                 (dynamic-wind
                  (lambda () (set! path (cons 'connect path)))
                  (lambda () (set! path (cons 'talk path)) (k 'out) (set! path (cons 'never path)))
                  (lambda () (set! path (cons 'disconnect path))))))
              (reverse path)))
(test-equal "nested dynamic-wind: afters run inner first on an escape"
            '(outer-in inner-in inner-out outer-out)
            (let ((path '()))
              (call/cc
               (lambda (k)
                 (dynamic-wind
                  (lambda () (set! path (cons 'outer-in path)))
                  (lambda ()
                    (dynamic-wind
                     (lambda () (set! path (cons 'inner-in path)))
                     (lambda () (k 'escape))
                     (lambda () (set! path (cons 'inner-out path)))))
                  (lambda () (set! path (cons 'outer-out path))))))
              (reverse path)))
(test-equal "guard unwinds (running after) before evaluating its clauses" '(after caught)
            (let ((path '()))
              (guard (e (#t (set! path (cons 'caught path))))
                (dynamic-wind
                 (lambda () #f)
                 (lambda () (raise 'oops))
                 (lambda () (set! path (cons 'after path)))))
              (reverse path)))
(test-equal "dynamic-wind returns several values" '(1 2)
            (call-with-values
                (lambda () (dynamic-wind (lambda () #f) (lambda () (values 1 2)) (lambda () #f)))
              list))

(test-end "6.10-control")
