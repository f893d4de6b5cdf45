;; Vectors.

(vector 1 2 3)                   ; => #(1 2 3)
(vector)                         ; => #()
(vector 'a "b" #\c)              ; => #(a "b" #\c)
(make-vector 3 0)                ; => #(0 0 0)
(make-vector 0 'x)               ; => #()
(vector-length (make-vector 5))  ; => 5
(make-vector -1)                 ; error: range at (make-vector -1)
(make-vector 1e12)               ; error: type at (make-vector 1e12)
(make-vector (expt 10 12))       ; error: memory at (make-vector (expt 10 12))
(make-vector 'a)                 ; error: type at (make-vector 'a)
(vector? (vector))               ; => #t
(vector? '(1 2))                 ; => #f
(vector? "abc")                  ; => #f
(vector-length (vector 1 2 3))   ; => 3
(vector-length '(1))             ; error: type at (vector-length '(1))

(define v (vector 10 20 30))
(vector-ref v 0)                 ; => 10
(vector-ref v 2)                 ; => 30
(vector-ref v 3)                 ; error: range at (vector-ref v 3)
(vector-ref v -1)                ; error: range at (vector-ref v -1)
(vector-ref v 1.0)               ; error: type at (vector-ref v 1.0)
(vector-set! v 1 'x)
v                                ; => #(10 x 30)
(vector-set! v 3 0)              ; error: range at (vector-set! v 3 0)

(vector->list (vector 1 2 3))    ; => (1 2 3)
(vector->list (vector 1 2 3) 1)  ; => (2 3)
(vector->list (vector 1 2 3) 1 2) ; => (2)
(vector->list (vector 1 2 3) 3)  ; => ()
(vector->list (vector 1 2 3) 2 1) ; error: range at (vector->list (vector 1 2 3) 2 1)
(list->vector '(a b c))          ; => #(a b c)
(list->vector '())               ; => #()
(list->vector '(1 . 2))          ; error: type at (list->vector '(1 . 2))

(define w (vector 1 2 3 4 5))
(vector-fill! w 0 1 3)
w                                ; => #(1 0 0 4 5)
(vector-fill! w 'z)
w                                ; => #(z z z z z)
(vector-fill! w 0 4 9)           ; error: range at (vector-fill! w 0 4 9)

(vector-copy (vector 1 2 3))     ; => #(1 2 3)
(vector-copy (vector 1 2 3) 1)   ; => #(2 3)
(vector-copy (vector 1 2 3) 0 2) ; => #(1 2)
(vector-copy (vector 1 2 3) 4)   ; error: range at (vector-copy (vector 1 2 3) 4)
(let* ((a (vector 1 2 3)) (b (vector-copy a)))
  (vector-set! b 0 'changed)
  a)                             ; => #(1 2 3)
(subvector (vector 1 2 3 4) 1 3) ; => #(2 3)

(define dst (vector 1 2 3 4 5))
(vector-copy! dst 1 (vector 'a 'b))
dst                              ; => #(1 a b 4 5)
(vector-copy! dst 0 (vector 'p 'q 'r) 1)
dst                              ; => #(q r b 4 5)
(define ov (vector 1 2 3 4 5))
(vector-copy! ov 1 ov 0 4)
ov                               ; => #(1 1 2 3 4)
(define ov2 (vector 1 2 3 4 5))
(vector-copy! ov2 0 ov2 1)
ov2                              ; => #(2 3 4 5 5)
(vector-copy! dst 4 (vector 1 2)) ; error: range at (vector-copy! dst 4 (vector 1 2))

(vector-append (vector 1) (vector) (vector 2 3)) ; => #(1 2 3)
(vector-append)                  ; => #()
(vector-append (vector 1) '(2))  ; error: type at (vector-append (vector 1) '(2))

(vector-map (lambda (x) (* x x)) (vector 1 2 3))           ; => #(1 4 9)
(vector-map + (vector 1 2 3) (vector 10 20))               ; => #(11 22)
(vector-map car (vector))                                   ; => #()
(let ((sum 0))
  (vector-for-each (lambda (x) (set! sum (+ sum x))) (vector 1 2 3 4))
  sum)                                                      ; => 10
(vector-for-each (lambda (x y) (display (+ x y))) (vector 1 2) (vector 10 20 30)) ; out: 1122
(vector-map 5 (vector 1))        ; error: type at (vector-map 5 (vector 1))
(vector-for-each car #(1))       ; error: type at (vector-for-each car #(1))
(vector-map + #(1 2) '(3))       ; error: type at (vector-map + #(1 2) '(3))
(vector-map + #(1 2) #(10 20 30)) ; => #(11 22)
(vector-map (lambda (x) (* x x)) #()) ; => #()

;; A vector can contain itself.
(define self (vector 1 2))
(vector-set! self 0 self)
(eq? (vector-ref self 0) self)   ; => #t

;; Large vectors.
(vector-length (make-vector 1000000 0)) ; => 1000000
(define (iota-list n)
  (let loop ((i (- n 1)) (acc '()))
    (if (< i 0) acc (loop (- i 1) (cons i acc)))))
(vector-ref (list->vector (iota-list 1000000)) 999999) ; => 999999
(length (vector->list (make-vector 1000000 'a)))     ; => 1000000
