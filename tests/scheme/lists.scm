;; Pairs and lists: R7RS procedures and the SRFI-1 ones eshkol provides.

(cons 1 2)                          ; => (1 . 2)
(cons 1 '(2 3))                     ; => (1 2 3)
(car '(a b c))                      ; => a
(cdr '(a b c))                      ; => (b c)
(car '())                           ; error: type at (car '())
(cdr 5)                             ; error: type at (cdr 5)
(define p (cons 1 2))
(set-car! p 10)
(set-cdr! p '(20))
p                                   ; => (10 20)
(cadr '(1 2 3))                     ; => 2
(cddr '(1 2 3))                     ; => (3)
(caar '((1) 2))                     ; => 1
(cdar '((1 5) 2))                   ; => (5)
(caddr '(1 2 3))                    ; => 3
(cdddr '(1 2 3 4))                  ; => (4)
(cadddr '(1 2 3 4))                 ; => 4
(cddddr '(1 2 3 4 5))               ; => (5)
(caadr '(1 (2) 3))                  ; => 2
(cadar '((1 2) 3))                  ; => 2
(cadr '(1))                         ; error: type at (cadr '(1))

(list)                              ; => ()
(list 1 2 3)                        ; => (1 2 3)
(cons* 1 2 '(3 4))                  ; => (1 2 3 4)
(cons* 1 2)                         ; => (1 . 2)
(make-list 3 'x)                    ; => (x x x)
(make-list 0 'x)                    ; => ()
(list? '(1 2))                      ; => #t
(list? '())                         ; => #t
(list? '(1 . 2))                    ; => #f
(list? 5)                           ; => #f
(pair? '(1))                        ; => #t
(pair? '())                         ; => #f
(pair? '#(1))                       ; => #f
(null? '())                         ; => #t
(null? '(1))                        ; => #f

(length '(1 2 3))                   ; => 3
(length '())                        ; => 0
(length '(1 2 . 3))                 ; error: type at (length '(1 2 . 3))
(define circ (list 1 2 3))
(set-cdr! (cddr circ) circ)
(list? circ)                        ; => #f
(length circ)                       ; error: type at (length circ)
(set-cdr! (cddr circ) '())
(length circ)                       ; => 3

(append)                            ; => ()
(append '(1))                       ; => (1)
(append '(1 2) '(3) '() '(4 5))     ; => (1 2 3 4 5)
(append '(1) 2)                     ; => (1 . 2)
(append 1 '(2))                     ; error: type at (append 1 '(2))
(define tail (list 9))
(eq? (cdr (append '(1) tail)) tail) ; => #t
(define a1 (list 1 2))
(append! a1 (list 3) '() (list 4))  ; => (1 2 3 4)
a1                                  ; => (1 2 3 4)
(reverse '(1 2 3))                  ; => (3 2 1)
(reverse '())                       ; => ()
(list-tail '(1 2 3 4) 2)            ; => (3 4)
(list-tail '(1 2) 2)                ; => ()
(list-tail '(1 2) 3)                ; error: range at (list-tail '(1 2) 3)
(list-ref '(a b c) 1)               ; => b
(list-ref '(a b c) 3)               ; error: range at (list-ref '(a b c) 3)
(define ls (list 1 2 3))
(list-set! ls 1 'two)
ls                                  ; => (1 two 3)
(define lc (list 1 2 3))
(define lc2 (list-copy lc))
(eq? lc lc2)                        ; => #f
lc2                                 ; => (1 2 3)
(last-pair '(1 2 3))                ; => (3)
(last '(1 2 3))                     ; => 3

(memq 'c '(a b c d))                ; => (c d)
(memq 'z '(a b c))                  ; => #f
(memv 2.0 '(1.0 2.0 3.0))           ; => (2.0 3.0)
(member '(1) '((0) (1) (2)))        ; => ((1) (2))
(member "b" '("a" "b"))             ; => ("b")
(member 2.0 '(1 2 3) =)             ; => (2 3)
(assq 'b '((a 1) (b 2)))            ; => (b 2)
(assq 'z '((a 1)))                  ; => #f
(assv 2 '((1 . one) (2 . two)))     ; => (2 . two)
(assoc '(k) '(((k) . 1)))           ; => ((k) . 1)
(assoc 2.0 '((1 . a) (2 . b)) =)    ; => (2 . b)

(map (lambda (x) (* x x)) '(1 2 3)) ; => (1 4 9)
(map + '(1 2 3) '(10 20 30))        ; => (11 22 33)
(map + '(1 2 3) '(10 20))           ; => (11 22)
(map car '())                       ; => ()
(map 5 '(1))                        ; error: type at (map 5 '(1))
;; map and for-each are Scheme; their errors are reported at the program's
;; call, or in the program's own procedure, never inside the library.
(map car '((1) 2))                  ; error: type at (map car '((1) 2))
(for-each (lambda (x) (car x)) '(1)) ; error: type at (car x)
(map car)                           ; error: arity at (map car)
(map (lambda (x y) x) '(1))         ; error: arity at (map (lambda (x y) x) '(1))
(define acc '())
(for-each (lambda (x) (set! acc (cons x acc))) '(1 2 3))
acc                                 ; => (3 2 1)
(for-each (lambda (x y) (display (+ x y))) '(1 2) '(10 20)) ; out: 1122
(filter odd? '(1 2 3 4 5))          ; => (1 3 5)
(remove odd? '(1 2 3 4 5))          ; => (2 4)
(reduce + 0 '(1 2 3 4))             ; => 10
(reduce + 0 '())                    ; => 0
(reduce list 0 '(1 2 3))            ; => (3 (2 1))
(fold-left cons '() '(1 2 3))       ; => (((() . 1) . 2) . 3)
(fold-left list '() '(1 2) '(3 4))  ; => ((() 1 3) 2 4)
(fold-right cons '() '(1 2 3))      ; => (1 2 3)
(fold-right list 'end '(1 2) '(3 4)) ; => (1 3 (2 4 end))
(fold cons '() '(1 2 3))            ; => (3 2 1)
(fold + 0 '(1 2 3))                 ; => 6
(fold cons* '() '(a b c) '(1 2 3))  ; => (c 3 b 2 a 1)
(delete 2 '(1 2 3 2))               ; => (1 3)
(delete '(1) '((1) (2)))            ; => ((2))
(delete 2 '(1 2 3 4) <)             ; => (1 2)
(delete! 1 (list 1 2 1))            ; => (2)
(delete-duplicates '(a b a c b))    ; => (a b c)
(delete-duplicates '(1 2 3 4) (lambda (x y) (= (modulo x 2) (modulo y 2)))) ; => (1 2)
(iota 5)                            ; => (0 1 2 3 4)
(iota 3 1)                          ; => (1 2 3)
(iota 3 0 2)                        ; => (0 2 4)
(iota -1)                           ; error: range at (iota -1)
(list-index even? '(1 3 4 5))       ; => 2
(list-index even? '(1 3))           ; => #f
(any odd? '(2 4 5))                 ; => #t
(any (lambda (x) (and (> x 2) x)) '(1 3 5)) ; => 3
(any odd? '())                      ; => #f
(every odd? '(1 3 5))               ; => #t
(every (lambda (x) (and (odd? x) x)) '(1 3 5)) ; => 5
(every odd? '(1 2))                 ; => #f
(every odd? '())                    ; => #t
(count even? '(1 2 3 4))            ; => 2
(count < '(1 5 2) '(2 3 4))         ; => 2
(append-map (lambda (x) (list x x)) '(1 2)) ; => (1 1 2 2)
(filter-map (lambda (x) (and (odd? x) (* x 10))) '(1 2 3)) ; => (10 30)

(range 5)                           ; => (0 1 2 3 4)
(range 2 5)                         ; => (2 3 4)
(range 0 10 3)                      ; => (0 3 6 9)
(range 5 0 -2)                      ; => (5 3 1)
(range 5 2)                         ; => ()
(range 0 1 0.25)                    ; => (0.0 0.25 0.5 0.75)
(range 0 5 0)                       ; error: range at (range 0 5 0)
(range 0 1e15)                      ; error: memory at (range 0 1e15)

;; Million-element lists go through every builtin without recursion.
(define big (iota 1000000))
(length big)                        ; => 1000000
(car (reverse big))                 ; => 999999
(length (append big big))           ; => 2000000
(list-ref big 999999)               ; => 999999
(length (map (lambda (x) x) big))   ; => 1000000
(fold-right (lambda (x acc) (+ acc 1)) 0 big) ; => 1000000
(fold-left + 0 big)                 ; => 499999500000
(length (filter even? big))         ; => 500000
(last big)                          ; => 999999
(car (memv 999999 big))             ; => 999999
(length (list-copy big))            ; => 1000000
(equal? big (iota 1000000))         ; => #t

;; R7RS 6.4 / 6.10: with several lists, the walkers stop at the shortest, so
;; all but one may be circular; when every list is circular it is an error,
;; reported rather than looping forever.
(define circular (list 1 2))
(set-cdr! (cdr circular) circular)
(map * circular (list 1 2 3 4 5 6)) ; => (1 4 3 8 5 12)
(map + (list 10 20 30) circular)    ; => (11 22 31)
(map list '(a b c) circular '(x y)) ; => ((a 1 x) (b 2 y))
(map + circular '())                ; => ()
(define seen '())
(for-each (lambda (x y) (set! seen (cons (+ x y) seen))) circular '(10 20 30))
seen                                ; => (31 22 11)
(append-map list circular '(a b c)) ; => (1 a 2 b 1 c)
(filter-map (lambda (x y) (and (odd? x) y)) circular '(a b c)) ; => (a c)
(fold-left + 0 circular '(1 2 3))   ; => 10
(fold-right list 'end circular '(a b)) ; => (1 a (2 b end))
(fold cons* '() circular '(a b c))  ; => (1 c 2 b 1 a)
(any (lambda (x y) (and (> x 1) y)) circular '(a b)) ; => b
(any = circular '(5 6 7))           ; => #f
(every (lambda (x y) (< x 3)) circular '(a b c d)) ; => #t
(count = circular '(1 3 1 3))       ; => 2
(list-index = circular '(0 0 0 2))  ; => 3
(define spin (list 1))
(set-cdr! spin spin)
(map + circular spin)               ; error: type
(for-each + circular spin)          ; error: type
(any = circular spin)               ; error: type
(map + circular)                    ; error: type
(for-each + spin)                   ; error: type
(map + '(1 2) '(1 2 3 . 4))         ; => (2 4)
(map + '(1 2 3) '(1 2 . 3))         ; error: type
(map + '(1) 5)                      ; error: type
;; A program's own reverse, car or apply does not change what map does.
(define (reverse l) 'mine)
(define (apply . args) 'mine)
(map + '(1 2) '(3 4))               ; => (4 6)
(map - '(1 2))                      ; => (-1 -2)
