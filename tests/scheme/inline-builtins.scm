;; Builtins the evaluator runs inline (+ - * < > <= >= = car cdr cons null?
;; pair? not eq? char=? vector-ref string-ref) must behave exactly like the
;; builtins: the same results, promotions and errors, for operands that are
;; locals, captured variables and constants, and not at all once redefined.

(define (add a b) (+ a b))
(add 1 2)                                  ; => 3
(add 9223372036854775807 1)                ; => 9223372036854775808
(define (sub-one n) (- n 1))
(sub-one -9223372036854775808)             ; => -9223372036854775809
(define (times a) (* a 4611686018427387904))
(times 4)                                  ; => 18446744073709551616
(define (less a b) (< a b))
(less 1 2)                                 ; => #t
(less 2 1.5)                               ; => #f
(less 'a 1)                                ; error: type at (< a b)
(define (captured-sum n) (let loop ((i 0) (acc 0)) (if (= i n) acc (loop (+ i 1) (+ acc n)))))
(captured-sum 10)                          ; => 100

(define (first l) (car l))
(first '(1 2))                             ; => 1
(first '())                                ; error: type at (car l)
(define (nul? x) (null? x))
(nul? '())                                 ; => #t
(nul? 0)                                   ; => #f
(define (no x) (not x))
(no #f)                                    ; => #t
(no '())                                   ; => #f

(define (vref v i) (vector-ref v i))
(vref (vector 'a 'b) 1)                    ; => b
(vref (vector 'a 'b) 2)                    ; error: range at (vector-ref v i)
(vref (vector 'a 'b) -1)                   ; error: range at (vector-ref v i)
(vref '(a b) 0)                            ; error: type at (vector-ref v i)
(define (sref s i) (string-ref s i))
(sref "héllo" 1)                           ; => #\é
(sref "abc" 3)                             ; error: range at (string-ref s i)
(define (same? a b) (char=? a b))
(same? #\a #\a)                            ; => #t
(same? #\a #\b)                            ; => #f
(same? #\a "a")                            ; error: type at (char=? a b)

;; Values living in a destroyed arena are refused by the inline paths too.
(define a (make-arena 1024))
(define kept (copy-to-arena (list (vector 1 2) "xy") a))
(define kept-vector (car kept))
(define kept-string (cadr kept))
(vref kept-vector 0)                       ; => 1
(sref kept-string 1)                       ; => #\y
(destroy-arena a)
(first kept)                               ; error: arena-destroyed at (car l)
(vref kept-vector 0)                       ; error: arena-destroyed at (vector-ref v i)
(sref kept-string 0)                       ; error: arena-destroyed at (string-ref s i)

;; Comparisons as `if` tests take the same paths.
(define (pick a b) (if (< a b) 'less 'not-less))
(pick 1 2)                                 ; => less
(pick 2 2)                                 ; => not-less
(pick 1 2.5)                               ; => less
(pick 1 'x)                                ; error: type at (< a b)
(define (countdown n) (let loop ((i n) (steps 0)) (if (= i 0) steps (loop (- i 1) (+ steps 1)))))
(countdown 1000)                           ; => 1000

;; A redefined builtin is called, not inlined.
(define (use-car l) (car l))
(set! car (lambda (l) 'mine))
(use-car '(1 2))                           ; => mine
(define (use-vref v) (vector-ref v 0))
(define vector-ref (lambda (v i) 'also-mine))
(use-vref (vector 1))                      ; => also-mine
(define (test-less a b) (if (< a b) 'yes 'no))
(set! < (lambda (a b) #f))
(test-less 1 2)                            ; => no
