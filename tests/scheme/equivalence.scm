;; eq?, eqv?, equal?, not and booleans.

(eq? 'a 'a)                         ; => #t
(eq? 'a 'b)                         ; => #f
(eq? '() '())                       ; => #t
(eq? car car)                       ; => #t
(eq? (list 1) (list 1))             ; => #f
(let ((x (list 1))) (eq? x x))      ; => #t
(eq? "" "x")                        ; => #f
(eqv? 2 2)                          ; => #t
(eqv? 2 2.0)                        ; => #f
(eqv? 100000000000000000000 100000000000000000000) ; => #t
(eqv? 1/2 1/2)                      ; => #t
(eqv? 1.5 1.5)                      ; => #t
(eqv? #\a #\a)                      ; => #t
(eqv? "abc" "abc")                  ; => #f
(eqv? (lambda () 1) (lambda () 2))  ; => #f
(equal? 'a 'a)                      ; => #t
(equal? '(a (b) c) '(a (b) c))      ; => #t
(equal? '(1 2) '(1 2 3))            ; => #f
(equal? "abc" "abc")                ; => #t
(equal? "abc" "abC")                ; => #f
(equal? 2 2.0)                      ; => #f
(equal? '#(1 (2) "x") (vector 1 (list 2) "x")) ; => #t
(equal? '#(1 2) '#(1 2 3))          ; => #f
(equal? #u8(1 2 3) (bytevector 1 2 3)) ; => #t
(equal? #u8(1 2) #u8(1 3))          ; => #f
(equal? '(1 . 2) '(1 . 2))          ; => #t
(equal? '() '())                    ; => #t
(equal? '() '#())                   ; => #f
(equal? car car)                    ; => #t

;; equal? terminates on cyclic structure.
(define c1 (list 1 2))
(set-cdr! (cdr c1) c1)
(define c2 (list 1 2 1 2))
(set-cdr! (cdddr c2) c2)
(equal? c1 c2)                      ; => #t
(define c3 (list 1 3))
(set-cdr! (cdr c3) c3)
(equal? c1 c3)                      ; => #f
(set-cdr! (cdr c1) '())
(set-cdr! (cdddr c2) '())
(set-cdr! (cdr c3) '())

;; ... and on very long or very deep lists.
(define (nest n)
  (let loop ((i 0) (acc '()))
    (if (= i n) acc (loop (+ i 1) (list acc)))))
(equal? (nest 100000) (nest 100000)) ; => #t
(equal? (nest 100000) (nest 99999))  ; => #f
(equal? (make-list 1000000 'x) (make-list 1000000 'x)) ; => #t

(not #f)                            ; => #t
(not #t)                            ; => #f
(not '())                           ; => #f
(not 0)                             ; => #f
(boolean? #f)                       ; => #t
(boolean? '())                      ; => #f
(boolean? 0)                        ; => #f
(boolean=? #t #t)                   ; => #t
(boolean=? #f #f #f)                ; => #t
(boolean=? #t #f)                   ; => #f
(boolean=? #t 1)                    ; error: type at (boolean=? #t 1)
