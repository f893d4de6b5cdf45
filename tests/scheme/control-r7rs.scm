; call/cc (escapes and re-entry), dynamic-wind, values forms, case-lambda, parameters,
; records, eval, system procedures, sorting.

(call/cc (lambda (k) (+ 1 (k 42)))) ; => 42
(call-with-current-continuation (lambda (k) 5)) ; => 5
(define (find-first pred lst)
  (call/cc (lambda (return) (for-each (lambda (x) (when (pred x) (return x))) lst) #f)))
(find-first even? '(1 3 4 5 6)) ; => 4
(find-first even? '(1 3)) ; => #f
(call/cc (lambda (k) (k 1 2))) ; => 1 2
(call-with-values (lambda () (call/cc (lambda (k) (k 1 2)))) list) ; => (1 2)
(define saved #f)
(+ 1 (call/cc (lambda (k) (set! saved k) 1))) ; => 2
(saved 10) ; => 11
(procedure? saved) ; => #t

(define trail '())
(define (note x) (set! trail (cons x trail)))
(call/cc (lambda (k) (dynamic-wind (lambda () (note 'in)) (lambda () (k 'escaped)) (lambda () (note 'out))))) ; => escaped
(reverse trail) ; => (in out)
(dynamic-wind (lambda () #f) (lambda () 'value) (lambda () #f)) ; => value

(let-values (((a b) (values 1 2)) ((c) (values 3))) (list a b c)) ; => (1 2 3)
(let-values (((a . rest) (values 1 2 3))) (list a rest)) ; => (1 (2 3))
(let-values ((all (values 1 2))) all) ; => (1 2)
(let ((a 'outer)) (let-values (((a) (values 1)) ((b) (values a))) (list a b))) ; => (1 outer)
(let*-values (((a b) (values 1 2)) ((c) (values (+ a b)))) (list a b c)) ; => (1 2 3)
(let-values (((a b) (values 1))) a) ; error: arity
(receive (a . rest) (values 1 2 3) (list a rest)) ; => (1 (2 3))
(define-values (q r) (floor/ 17 5))
(list q r) ; => (3 2)
(define-values (x . more) (values 1 2 3))
(list x more) ; => (1 (2 3))
(define (internal-values)
  (define-values (a b) (values 10 20))
  (+ a b))
(internal-values) ; => 30

(define plus (case-lambda ((a) a) ((a b) (+ a b)) ((a b . c) (apply + a b c))))
(plus 1) ; => 1
(plus 1 2) ; => 3
(plus 1 2 3 4) ; => 10
(define only-two (case-lambda ((a b) 'two)))
(only-two 1) ; error: arity at (only-two 1)

(define radix (make-parameter 10))
(radix) ; => 10
(parameterize ((radix 2)) (radix)) ; => 2
(radix) ; => 10
(define checked (make-parameter 5 (lambda (x) (if (integer? x) x (error "not an integer" x)))))
(parameterize ((checked 7)) (checked)) ; => 7
(parameterize ((checked 'no)) (checked)) ; error: user
(checked) ; => 5
(define (show) (radix))
(parameterize ((radix 16)) (show)) ; => 16
(guard (e (#t (radix))) (parameterize ((radix 3)) (raise 'x))) ; => 10

(define-record-type <point> (make-point x y) point? (x point-x set-point-x!) (y point-y))
(define p (make-point 1 2))
(point? p) ; => #t
(point? 5) ; => #f
(point-x p) ; => 1
(set-point-x! p 10)
(point-x p) ; => 10
p ; => #<point 10 2>
(point-x 5) ; error: type at (point-x 5)
(make-point 1) ; error: arity at (make-point 1)
(define-record-type node (make-node value) node? (value node-value) (next node-next set-node-next!))
(define n (make-node 1))
(node-next n) ; => #f
(set-node-next! n n)
(eq? (node-next n) n) ; => #t
n ; => #0=#<node 1 #0#>
(define a (make-arena 256))
(define copied (copy-to-arena (make-point (list 1 2) "s") a))
(point-x copied) ; => (1 2)
(eq? (arena-owner (point-x copied)) a) ; => #t
(destroy-arena a)
(point-x copied) ; error: arena-destroyed at (point-x copied)

(eval '(+ 1 2)) ; => 3
(eval '(* 6 7) (interaction-environment)) ; => 42
(eval '(define evaluated 5) (interaction-environment))
evaluated ; => 5
(eval (list 'car 5)) ; error: type

(list? (command-line)) ; => #t
(string? (get-environment-variable "PATH")) ; => #t
(get-environment-variable "ESHKOL_SURELY_NOT_SET") ; => #f
(real? (current-second)) ; => #t
(exact-integer? (current-jiffy)) ; => #t
(jiffies-per-second) ; => 1000000000
(memq 'r7rs (features)) ; => (r7rs exact-closed ratios full-unicode eshkol arenas)

(sort '(3 1 2) <) ; => (1 2 3)
(list-sort < '(5 4 6)) ; => (4 5 6)
(sort (vector 3 1 2) <) ; => #(1 2 3)
(sort '((1 . a) (0 . b) (1 . c) (0 . d)) (lambda (x y) (< (car x) (car y)))) ; => ((0 . b) (0 . d) (1 . a) (1 . c))
(define v (vector 5 3 9 1))
(vector-sort! v <)
v ; => #(1 3 5 9)
(sort '(1 2) 5) ; error: type

; Re-entering continuations: a loop through one, backtracking, a generator.
(define (count-by-reentry)
  (let ((n 0) (seen '()))
    (let ((v (call/cc (lambda (c) (set! saved c) 0))))
      (set! seen (cons v seen))
      (set! n (+ n 1))
      (if (< n 4) (saved (* n 10)) (reverse seen)))))
(count-by-reentry) ; => (0 10 20 30)
(define fail-stack '())
(define (fail) (let ((b (car fail-stack))) (set! fail-stack (cdr fail-stack)) (b b)))
(define (amb choices)
  (let ((cc (call/cc (lambda (c) c))))
    (if (null? choices)
        (fail)
        (let ((choice (car choices)))
          (set! choices (cdr choices))
          (set! fail-stack (cons cc fail-stack))
          choice))))
(let* ((a (amb '(1 2 3 4 5 6 7))) (b (amb '(1 2 3 4 5 6 7))) (c (amb '(1 2 3 4 5 6 7)))) (if (and (= (* c c) (+ (* a a) (* b b))) (< a b)) (list a b c) (fail))) ; => (3 4 5)
(define (tree-walk tree yield)
  (cond ((null? tree) #t)
        ((pair? tree) (tree-walk (car tree) yield) (tree-walk (cdr tree) yield))
        (else (yield tree))))
(define (make-generator tree)
  (define return #f)
  (define resume #f)
  (lambda ()
    (call/cc (lambda (r)
      (set! return r)
      (if resume
          (resume 'go)
          (begin (tree-walk tree (lambda (leaf) (call/cc (lambda (k) (set! resume k) (return leaf)))))
                 (return 'done)))))))
(define next-leaf (make-generator '((a b) (c (d)) e)))
(next-leaf) ; => a
(next-leaf) ; => b
(let loop ((acc '())) (let ((x (next-leaf))) (if (eq? x 'done) (reverse acc) (loop (cons x acc))))) ; => (c d e)

; Re-entry through dynamic-wind: the report's example (R7RS 6.10), verbatim.
(let ((path '())
      (c #f))
  (let ((add (lambda (s)
               (set! path (cons s path)))))
    (dynamic-wind
      (lambda () (add 'connect))
      (lambda ()
        (add (call-with-current-continuation
               (lambda (c0)
                 (set! c c0)
                 'talk1))))
      (lambda () (add 'disconnect)))
    (if (< (length path) 4)
        (c 'talk2)
        (reverse path)))) ; => (connect talk1 disconnect connect talk2 disconnect)
; Nested extents: leaving runs the afters innermost first, re-entering the befores outermost first.
(define wind-log '())
(define (wind-note x) (set! wind-log (cons x wind-log)))
(define wind-k #f)
(define wind-passes 0)
(begin
  (dynamic-wind
    (lambda () (wind-note 'in1))
    (lambda () (dynamic-wind (lambda () (wind-note 'in2)) (lambda () (call/cc (lambda (k) (set! wind-k k)))) (lambda () (wind-note 'out2))))
    (lambda () (wind-note 'out1)))
  (set! wind-passes (+ wind-passes 1))
  (if (< wind-passes 2) (wind-k 'again))
  (reverse wind-log)) ; => (in1 in2 out2 out1 in1 in2 out2 out1)
; An error caught by guard runs the afters of the extents it leaves, before the handler.
(define guard-log '())
(guard (e (#t (set! guard-log (cons 'handler guard-log)) (reverse guard-log)))
  (dynamic-wind (lambda () (set! guard-log (cons 'before guard-log)))
                (lambda () (error "boom"))
                (lambda () (set! guard-log (cons 'after guard-log))))) ; => (before after handler)
(call-with-values (lambda () (dynamic-wind (lambda () #f) (lambda () (values 1 2)) (lambda () #f))) list) ; => (1 2)
(dynamic-wind 1 (lambda () #f) (lambda () #f)) ; error: type
;; Re-entry into the callbacks of map, for-each and the vector and string walks
;; (Scheme procedures, so their calls are machine frames like any other).
;; Resuming a map callback leaves the list map returned first as it was.
(let ((k #f) (results '()))
  (let ((r (map (lambda (x) (call/cc (lambda (c) (if (= x 2) (set! k c)) x))) '(1 2 3))))
    (set! results (cons r results))
    (if (= (length results) 1) (k 20))
    results)) ; => ((1 20 3) (1 2 3))
;; Resumed twice from the last element: the results before it are shared
;; with the continuation, and no earlier list changes.
(let ((k #f) (results '()))
  (let ((r (map (lambda (x) (call/cc (lambda (c) (if (= x 3) (set! k c)) x))) '(1 2 3))))
    (set! results (cons r results))
    (if (< (length results) 3) (k (* 10 (length results))))
    results)) ; => ((1 2 20) (1 2 10) (1 2 3))
;; Generators over for-each and vector-for-each, suspended in the callback:
;; each call resumes the walk where the last one left it.
(define (walk-generator walk sequence)
  (define return #f)
  (define resume #f)
  (lambda ()
    (call/cc
     (lambda (r)
       (set! return r)
       (if resume
           (resume #f)
           (begin
             (walk (lambda (x) (call/cc (lambda (next) (set! resume next) (return x)))) sequence)
             (return 'done)))))))
(define next-item (walk-generator for-each '(a b c)))
(let* ((a (next-item)) (b (next-item)) (c (next-item)) (d (next-item))) (list a b c d)) ; => (a b c done)
(define next-element (walk-generator vector-for-each #(1 2)))
(let* ((a (next-element)) (b (next-element)) (c (next-element))) (list a b c)) ; => (1 2 done)
(let ((k #f) (results '()))
  (let ((s (string-map (lambda (c) (call/cc (lambda (r) (if (char=? c #\b) (set! k r)) c))) "abc")))
    (set! results (cons s results))
    (if (= (length results) 1) (k #\X))
    results)) ; => ("aXc" "abc")
;; A continuation captured in a for-each callback, resumed by a later form:
;; the rest of the walk runs again, as in Guile and Chez.
(define callback-k #f)
(for-each (lambda (x) (display x) (if (= x 2) (call/cc (lambda (c) (set! callback-k c))))) '(1 2 3 4)) ; out: 1234
(callback-k #f) ; out: 34
;; A parameterize body re-entered by a continuation sees its parameter's
;; value again; outside, the parameter keeps its own.
(define pz (make-parameter 1))
(define pz-k #f)
(define pz-seen '())
(parameterize ((pz 5)) (call/cc (lambda (c) (set! pz-k c))) (set! pz-seen (cons (pz) pz-seen)))
(pz) ; => 1
(if (< (length pz-seen) 2) (pz-k #f))
pz-seen ; => (5 5)
(pz) ; => 1
(define pz-sums '())
(set! pz-sums (cons (parameterize ((pz 2)) (+ (pz) (call/cc (lambda (c) (set! pz-k c) 0)))) pz-sums))
(if (< (length pz-sums) 2) (pz-k 10))
pz-sums ; => (12 2)
;; The other builtins that call back (fold, sort, filter, hash-table-walk...)
;; are Rust loops: their callbacks' continuations can be re-entered only while
;; the builtin runs; later, calling one is a clear error.
(define fold-k #f)
(fold (lambda (x acc) (if (= x 2) (call/cc (lambda (c) (set! fold-k c)))) (+ x acc)) 0 '(1 2 3)) ; => 6
(fold-k 0) ; error: continuation at (fold-k 0)
;; A continuation of map's callback resumed from a later form finishes that
;; map again from where it was suspended, then the later form goes on.
(define map-k #f)
(define map-results '())
(set! map-results (cons (map (lambda (x) (call/cc (lambda (c) (if (= x 2) (set! map-k c)) (* x 10)))) '(1 2 3)) map-results))
map-results ; => ((10 20 30))
(if (< (length map-results) 3) (map-k (length map-results)))
map-results ; => ((10 1 30) (10 20 30))
; One continuation called a million times.
(define (reenter-many n)
  (let ((i 0) (k #f))
    (call/cc (lambda (c) (set! k c)))
    (set! i (+ i 1))
    (if (< i n) (k #f) i)))
(reenter-many 1000000) ; => 1000000
;; Continuations share the frames they have in common: a capture copies only
;; what was pushed since the last one, and a re-entry only what the live
;; stack does not hold. call/cc for early exit, 100,000 times in a loop
;; running 10,000 frames deep, copies those frames once.
(define (down n thunk) (if (= n 0) (thunk) (+ n (down (- n 1) thunk))))
(define (escapes i acc)
  (if (= i 0) acc (escapes (- i 1) (+ acc (call/cc (lambda (k) (k 1)))))))
(- (down 10000 (lambda () (escapes 100000 0))) 50005000) ; => 100000
;; Re-entered after the frames below the capture were popped and others
;; pushed in their place.
(define (mixed-depths)
  (let ((k #f) (log '()))
    (let ((v (down 100 (lambda () (call/cc (lambda (c) (set! k c) 0))))))
      (set! log (cons v log))
      (down 30 (lambda () 0))
      (if (< (length log) 3) (k (length log)) (reverse log)))))
(mixed-depths) ; => (5050 5051 5052)
;; Re-entered from deeper in the same stack, which still holds its frames.
(define (k-from-deeper)
  (let* ((count 0)
         (sum (down 40 (lambda ()
                         (let ((v (call/cc (lambda (c) c))))
                           (set! count (+ count 1))
                           (if (procedure? v) (down 10 (lambda () (v 7))) v))))))
    (list sum count)))
(k-from-deeper) ; => (827 2)
;; A generator over a non-tail walk of 3,000 elements, resumed from a loop
;; 1,000 frames deep: each resumption switches between the two stacks.
(define (make-walker lst)
  (define return #f)
  (define resume #f)
  (define (walk l)
    (if (pair? l)
        (begin (call/cc (lambda (k) (set! resume k) (return (car l)))) (walk (cdr l)) 0)
        0))
  (lambda ()
    (call/cc (lambda (r)
               (set! return r)
               (if resume (resume #f) (begin (walk lst) (return 'done)))))))
(define next-number (make-walker (iota 3000 1)))
(down 1000 (lambda () (let loop ((s 0)) (let ((x (next-number))) (if (eq? x 'done) s (loop (+ s x))))))) ; => 5002000
