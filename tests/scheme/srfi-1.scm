;; SRFI 1 (list library) through (import (srfi 1)): every exported name,
;; mostly with the examples of the SRFI document.

(import (srfi 1))
(define (vs thunk) (call-with-values thunk list))

;; ---- constructors ----
(cons 'a '(b))                          ; => (a b)
(list 1 2 3)                            ; => (1 2 3)
(xcons '(b c) 'a)                       ; => (a b c)
(cons* 1 2 3 4)                         ; => (1 2 3 . 4)
(cons* 1)                               ; => 1
(make-list 4 'c)                        ; => (c c c c)
(list-tabulate 4 values)                ; => (0 1 2 3)
(list-tabulate 0 values)                ; => ()
(list-tabulate -1 values)               ; error: user
(list-copy '(1 2 3 . 4))                ; => (1 2 3 . 4)
(take (circular-list 'z 'q) 5)          ; => (z q z q z)
(iota 5)                                ; => (0 1 2 3 4)
(iota 5 1)                              ; => (1 2 3 4 5)
(iota 5 0 -1)                           ; => (0 -1 -2 -3 -4)

;; ---- predicates ----
(define circ (circular-list 1 2 3))
(proper-list? '(1 2))                   ; => #t
(proper-list? '())                      ; => #t
(proper-list? '(1 . 2))                 ; => #f
(proper-list? circ)                     ; => #f
(circular-list? circ)                   ; => #t
(circular-list? (cdr circ))             ; => #t
(circular-list? '(1 2))                 ; => #f
(circular-list? '(1 . 2))               ; => #f
(circular-list? 5)                      ; => #f
(dotted-list? '(1 2 . 3))               ; => #t
(dotted-list? 'x)                       ; => #t
(dotted-list? '(1 2))                   ; => #f
(dotted-list? circ)                     ; => #f
(pair? '(a))                            ; => #t
(null? '())                             ; => #t
(not-pair? 5)                           ; => #t
(not-pair? '(1))                        ; => #f
(null-list? '())                        ; => #t
(null-list? '(1))                       ; => #f
(null-list? circ)                       ; => #f
(null-list? 5)                          ; error: user
(list= eq?)                             ; => #t
(list= eq? '(a))                        ; => #t
(list= eq? '(a b) '(a b) '(a b))        ; => #t
(list= eq? '(a b) '(a c))               ; => #f
(list= = '(1 2) '(1 2 3))               ; => #f
(list= = '(1 2.0) '(1.0 2))             ; => #t

;; ---- selectors ----
(car '(a b))                            ; => a
(cdr '(a b))                            ; => (b)
(caddr '(1 2 3))                        ; => 3
(cdddr '(1 2 3 4))                      ; => (4)
(caadr '(1 (2)))                        ; => 2
(cadddr '(1 2 3 4))                     ; => 4
;; every c[ad]r composition of two to four steps
(define tree '((((xaaaa . xaaad) . (xaada . xaadd)) . ((xadaa . xadad) . (xadda . xaddd))) . (((xdaaa . xdaad) . (xdada . xdadd)) . ((xddaa . xddad) . (xddda . xdddd)))))
(map (lambda (f) (f tree)) (list caar cadr cdar cddr caaar caadr cadar caddr cdaar cdadr cddar cdddr caaaar caaadr caadar caaddr cadaar cadadr caddar cadddr cdaaar cdaadr cdadar cdaddr cddaar cddadr cdddar cddddr)) ; => (((xaaaa . xaaad) xaada . xaadd) ((xdaaa . xdaad) xdada . xdadd) ((xadaa . xadad) xadda . xaddd) ((xddaa . xddad) xddda . xdddd) (xaaaa . xaaad) (xdaaa . xdaad) (xadaa . xadad) (xddaa . xddad) (xaada . xaadd) (xdada . xdadd) (xadda . xaddd) (xddda . xdddd) xaaaa xdaaa xadaa xddaa xaada xdada xadda xddda xaaad xdaad xadad xddad xaadd xdadd xaddd xdddd)
(list-ref '(a b c d) 2)                 ; => c
(define ten '(1 2 3 4 5 6 7 8 9 10))
(list (first ten) (second ten) (third ten) (fourth ten) (fifth ten)) ; => (1 2 3 4 5)
(list (sixth ten) (seventh ten) (eighth ten) (ninth ten) (tenth ten)) ; => (6 7 8 9 10)
(third '(a b c d e))                    ; => c
(vs (lambda () (car+cdr '(a . b))))     ; => (a b)
(take '(a b c d e) 2)                   ; => (a b)
(drop '(a b c d e) 2)                   ; => (c d e)
(take '(1 2 3 . d) 2)                   ; => (1 2)
(drop '(1 2 3 . d) 2)                   ; => (3 . d)
(take '(1 2 3 . d) 3)                   ; => (1 2 3)
(drop '(1 2 3 . d) 3)                   ; => d
(take '(1 2) 3)                         ; error: user
(drop '(1 2) 3)                         ; error: user
(take-right '(a b c d e) 2)             ; => (d e)
(drop-right '(a b c d e) 2)             ; => (a b c)
(take-right '(1 2 3 . d) 2)             ; => (2 3 . d)
(drop-right '(1 2 3 . d) 2)             ; => (1)
(take-right '(1 2 3 . d) 0)             ; => d
(drop-right '(1 2 3 . d) 0)             ; => (1 2 3)
(take! (list 1 2 3 4) 2)                ; => (1 2)
(drop-right! (list 1 2 3 4) 1)          ; => (1 2 3)
(take! (circular-list 1 2) 3)           ; => (1 2 1)
(vs (lambda () (split-at '(a b c d e f g h) 3))) ; => ((a b c) (d e f g h))
(vs (lambda () (split-at! (list 1 2 3) 0))) ; => (() (1 2 3))
(last '(1 2 3))                         ; => 3
(last-pair '(a b c))                    ; => (c)
(last-pair '(a b . c))                  ; => (b . c)

;; ---- miscellaneous ----
(length '(1 2 3))                       ; => 3
(length+ '(1 2 3))                      ; => 3
(length+ '())                           ; => 0
(length+ '(1 2 . 3))                    ; => 2
(length+ circ)                          ; => #f
(append '(x) '(y))                      ; => (x y)
(append '(a) '(b c d))                  ; => (a b c d)
(append '(a (b)) '((c)))                ; => (a (b) (c))
(append '(a b) '(c . d))                ; => (a b c . d)
(append '() 'a)                         ; => a
(append '(x y))                         ; => (x y)
(append)                                ; => ()
(append! (list 1 2) '() (list 3) 4)     ; => (1 2 3 . 4)
(concatenate '((1 2) (3) () (4 5)))     ; => (1 2 3 4 5)
(concatenate '())                       ; => ()
(concatenate! (list (list 1) (list 2 3))) ; => (1 2 3)
(reverse '(a (b c) d (e (f))))          ; => ((e (f)) d (b c) a)
(reverse! (list 1 2 3))                 ; => (3 2 1)
(append-reverse '(3 2 1) '(4 5))        ; => (1 2 3 4 5)
(append-reverse! (list 3 2 1) '(4 5))   ; => (1 2 3 4 5)
(zip '(one two three) '(1 2 3) '(odd even odd even odd even odd even)) ; => ((one 1 odd) (two 2 even) (three 3 odd))
(zip '(1 2 3))                          ; => ((1) (2) (3))
(zip '(3 1 4 1) (circular-list #f #t))  ; => ((3 #f) (1 #t) (4 #f) (1 #t))
(unzip1 '((1 a) (2 b)))                 ; => (1 2)
(vs (lambda () (unzip2 '((1 one) (2 two) (3 three))))) ; => ((1 2 3) (one two three))
(vs (lambda () (unzip3 '((1 a x) (2 b y))))) ; => ((1 2) (a b) (x y))
(vs (lambda () (unzip4 '((1 a x p) (2 b y q))))) ; => ((1 2) (a b) (x y) (p q))
(vs (lambda () (unzip5 '((1 a x p u) (2 b y q v))))) ; => ((1 2) (a b) (x y) (p q) (u v))
(count even? '(3 1 4 1 5 9 2 5 6))      ; => 3
(count < '(1 2 4 8) '(2 4 6 8 10 12 14 16)) ; => 3
(count < '(3 1 4 1) (circular-list 1 10)) ; => 2

;; ---- fold, unfold and map ----
(fold + 0 '(1 2 3))                     ; => 6
(fold cons '() '(a b c))                ; => (c b a)
(fold (lambda (x count) (if (symbol? x) (+ count 1) count)) 0 '(a 1 b 2 c)) ; => 3
(fold (lambda (s max-len) (max max-len (string-length s))) 0 '("a" "abc" "ab")) ; => 3
(fold cons* '() '(a b c) '(1 2 3 4 5))  ; => (c 3 b 2 a 1)
(fold cons* '() '(a b c) (circular-list 1 2)) ; => (c 1 b 2 a 1)
(fold-right cons '() '(a b c))          ; => (a b c)
(fold-right (lambda (x l) (if (even? x) (cons x l) l)) '() '(1 2 3 4)) ; => (2 4)
(fold-right cons* '() '(a b c) '(1 2 3 4 5)) ; => (a 1 b 2 c 3)
(fold-right cons* '() '(a b c) (circular-list 1 2)) ; => (a 1 b 2 c 1)
(pair-fold cons '() '(a b c))           ; => ((c) (b c) (a b c))
(pair-fold (lambda (pair tail) (set-cdr! pair tail) pair) '() (list 1 2 3)) ; => (3 2 1)
(pair-fold (lambda (a b acc) (cons (list (car a) (car b)) acc)) '() '(1 2 3) '(x y)) ; => ((2 y) (1 x))
(pair-fold-right cons '() '(a b c))     ; => ((a b c) (b c) (c))
(pair-fold-right (lambda (a b acc) (cons (length a) acc)) '() '(1 2 3) '(x y)) ; => (3 2)
(reduce + 0 '(1 2 3))                   ; => 6
(reduce max 0 '(3 9 2))                 ; => 9
(reduce + 0 '())                        ; => 0
(reduce - 0 '(1 2 3 4))                 ; => 2
(reduce-right append '() '((1 2) (3) (4 5))) ; => (1 2 3 4 5)
(reduce-right - 0 '(1 2 3 4))           ; => -2
(reduce-right + 0 '())                  ; => 0
(unfold (lambda (x) (> x 10)) (lambda (x) (* x x)) (lambda (x) (+ x 1)) 1) ; => (1 4 9 16 25 36 49 64 81 100)
(unfold null-list? car cdr '(1 2 3))    ; => (1 2 3)
(unfold null-list? car cdr '(1 2) (lambda (x) '(3 4))) ; => (1 2 3 4)
(unfold-right zero? (lambda (x) (* x x)) (lambda (x) (- x 1)) 10) ; => (1 4 9 16 25 36 49 64 81 100)
(unfold-right null-list? car cdr '(1 2 3)) ; => (3 2 1)
(unfold-right null-list? car cdr '(1 2 3) '(4 5)) ; => (3 2 1 4 5)
(append-map (lambda (x) (list x (- x))) '(1 3 8)) ; => (1 -1 3 -3 8 -8)
(append-map! (lambda (x) (list x (- x))) '(1 3 8)) ; => (1 -1 3 -3 8 -8)
(append-map list '(1 2 3) (circular-list 'a)) ; => (1 a 2 a 3 a)
(pair-for-each (lambda (pair) (write pair)) '(a b c)) ; out: (a b c)(b c)(c)
(pair-for-each (lambda (a b) (write (list (car a) (car b)))) '(1 2 3) '(x y)) ; out: (1 x)(2 y)
(filter-map (lambda (x) (and (number? x) (* x x))) '(a 1 b 3 c 7)) ; => (1 9 49)
(filter-map (lambda (x y) (and (< x y) (+ x y))) '(1 3 5) (circular-list 2 4)) ; => (3 7)
(map cadr '((a b) (d e) (g h)))         ; => (b e h)
(map (lambda (n) (expt n n)) '(1 2 3 4 5)) ; => (1 4 27 256 3125)
(map + '(1 2 3) '(10 20 30))            ; => (11 22 33)
(map + '(3 1 4 1) (circular-list 1 0))  ; => (4 1 5 1)
(let ((count 0)) (map (lambda (ignored) (set! count (+ count 1)) count) '(a b))) ; => (1 2)
(let ((count 0)) (map-in-order (lambda (x) (set! count (+ count 1)) count) '(a b c))) ; => (1 2 3)
(map-in-order + '(1 2) (circular-list 10)) ; => (11 12)
(let ((v (make-vector 5))) (for-each (lambda (i) (vector-set! v i (* i i))) '(0 1 2 3 4)) v) ; => #(0 1 4 9 16)
(for-each (lambda (x y) (display (+ x y))) '(1 2 3) (circular-list 10)) ; out: 111213

;; ---- filtering and partitioning ----
(filter even? '(0 7 8 8 43 -4))         ; => (0 8 8 -4)
(filter! even? (list 0 7 8 8 43 -4))    ; => (0 8 8 -4)
(vs (lambda () (partition symbol? '(one 2 3 four five 6)))) ; => ((one four five) (2 3 6))
(vs (lambda () (partition! symbol? (list 'one 2 3 'four)))) ; => ((one four) (2 3))
(remove even? '(0 7 8 8 43 -4))         ; => (7 43)
(remove! even? (list 0 7 8 8 43 -4))    ; => (7 43)

;; ---- searching ----
(find even? '(3 1 4 1 5 9))             ; => 4
(find even? '(3 1 5))                   ; => #f
(find-tail even? '(3 1 37 -8 -5 0 0))   ; => (-8 -5 0 0)
(find-tail even? '(3 1 37 -5))          ; => #f
(take-while even? '(2 18 3 10 22 9))    ; => (2 18)
(take-while! even? (list 2 18 3 10 22 9)) ; => (2 18)
(drop-while even? '(2 18 3 10 22 9))    ; => (3 10 22 9)
(vs (lambda () (span even? '(2 18 3 10 22 9)))) ; => ((2 18) (3 10 22 9))
(vs (lambda () (span! even? (list 2 18 3 10 22 9)))) ; => ((2 18) (3 10 22 9))
(vs (lambda () (break even? '(3 1 4 1 5 9 2 6)))) ; => ((3 1) (4 1 5 9 2 6))
(vs (lambda () (break! even? (list 3 1 4 1 5 9 2 6)))) ; => ((3 1) (4 1 5 9 2 6))
(any integer? '(a 3 b 2.7))             ; => #t
(any integer? '(a 3.1 b 2.7))           ; => #f
(any < '(3 1 4 1 5) '(2 7 1 8 2))       ; => #t
(any (lambda (x) (and (> x 2) (* x 10))) '(1 2 3 4)) ; => 30
(any = '(1 2 3) (circular-list 3))      ; => #t
(any = '(1 2) (circular-list 3))        ; => #f
(every integer? '())                    ; => #t
(every (lambda (x) (and (> x 0) (* x 10))) '(1 2 3)) ; => 30
(every < '(1 2) (circular-list 5))      ; => #t
(every (lambda (x y) (and (< x y) y)) '(1 2) (circular-list 5)) ; => 5
(every < '(1 7) (circular-list 5))      ; => #f
(list-index even? '(3 1 4 1 5 9))       ; => 2
(list-index < '(3 1 4 1 5 9 2 5 6) '(2 7 1 8 2)) ; => 1
(list-index = '(3 1 4 1 5 9 2 5 6) '(2 7 1 8 2)) ; => #f
(list-index = '(3 1 4) (circular-list 4)) ; => 2
(member (list 'a) '(b (a) c))           ; => ((a) c)
(member 2.0 '(1 2 3) =)                 ; => (2 3)
(member 5 '(1 2 3 7 8) <)               ; => (7 8)
(memq 'a '(a b c))                      ; => (a b c)
(memq 'b '(a b c))                      ; => (b c)
(memq 'a '(b c d))                      ; => #f
(memq (list 'a) '(b (a) c))             ; => #f
(memv 101 '(100 101 102))               ; => (101 102)

;; ---- deletion ----
(delete 'a '(a b a c))                  ; => (b c)
(delete 5 '(1 7 3 9 5) <)               ; => (1 3 5)
(delete! 2 (list 1 2 3 2))              ; => (1 3)
(delete-duplicates '(a b a c a b c z))  ; => (a b c z)
(delete-duplicates '((a . 3) (b . 7) (a . 9) (c . 1)) (lambda (x y) (eq? (car x) (car y)))) ; => ((a . 3) (b . 7) (c . 1))
(delete-duplicates! (list 1 2 1 3 2))   ; => (1 2 3)

;; ---- association lists ----
(define e '((a 1) (b 2) (c 3)))
(assq 'a e)                             ; => (a 1)
(assq 'b e)                             ; => (b 2)
(assq 'd e)                             ; => #f
(assq (list 'a) '(((a)) ((b)) ((c))))   ; => #f
(assoc (list 'a) '(((a)) ((b)) ((c))))  ; => ((a))
(assoc 2.0 '((1 1) (2 4) (3 9)) =)      ; => (2 4)
(assv 5 '((2 3) (5 7) (11 13)))         ; => (5 7)
(alist-cons 'a 1 '((b . 2)))            ; => ((a . 1) (b . 2))
(define al (list (cons 'a 1) (cons 'b 2)))
(define al2 (alist-copy al))
al2                                     ; => ((a . 1) (b . 2))
(eq? (car al) (car al2))                ; => #f
(alist-delete 'a '((a . 1) (b . 2) (a . 3))) ; => ((b . 2))
(alist-delete 2 '((1 . a) (2 . b) (3 . c)) <) ; => ((1 . a) (2 . b))
(alist-delete! 'b (list (cons 'a 1) (cons 'b 2))) ; => ((a . 1))

;; ---- lists as sets ----
(lset<= eq? '(a) '(a b a) '(a b c c))   ; => #t
(lset<= eq?)                            ; => #t
(lset<= eq? '(a))                       ; => #t
(lset<= eq? '(a d) '(a b))              ; => #f
(lset= eq? '(b e a) '(a e b) '(e e b a)) ; => #t
(lset= eq?)                             ; => #t
(lset= eq? '(a))                        ; => #t
(lset= eq? '(a b) '(a))                 ; => #f
(lset-adjoin eq? '(a b c d c e) 'a 'e 'i 'o 'u) ; => (u o i a b c d c e)
(lset-union eq? '(a b c d e) '(a e i o u)) ; => (u o i a b c d e)
(lset-union eq? '(a a c) '(x a x))      ; => (x a a c)
(lset-union eq?)                        ; => ()
(lset-union eq? '(a b c))               ; => (a b c)
(lset-union! eq? (list 'a 'b) (list 'b 'c)) ; => (c a b)
(lset-intersection eq? '(a b c d e) '(a e i o u)) ; => (a e)
(lset-intersection eq? '(a x y a) '(x a x z)) ; => (a x a)
(lset-intersection eq? '(a b c))        ; => (a b c)
(lset-intersection! eq? (list 'a 'b) (list 'b 'c)) ; => (b)
(lset-difference eq? '(a b c d e) '(a e i o u)) ; => (b c d)
(lset-difference eq? '(a b c))          ; => (a b c)
(lset-difference! eq? (list 'a 'b) (list 'b 'c)) ; => (a)
(lset= eq? (lset-xor eq? '(a b c d e) '(a e i o u)) '(d c b i o u)) ; => #t
(lset-xor eq?)                          ; => ()
(lset-xor eq? '(a b c d e))             ; => (a b c d e)
(lset= eq? (lset-xor! eq? (list 'a 'b) (list 'b 'c)) '(a c)) ; => #t
(vs (lambda () (lset-diff+intersection eq? '(a b c d e) '(a e i o u)))) ; => ((b c d) (a e))
(vs (lambda () (lset-diff+intersection eq? '(a b)))) ; => ((a b) ())
(vs (lambda () (lset-diff+intersection! eq? (list 'a 'b) (list 'b)))) ; => ((a) (b))

;; ---- primitive side effects ----
(define p (list 1 2))
(set-car! p 'x)
(set-cdr! p '(y))
p                                       ; => (x y)
