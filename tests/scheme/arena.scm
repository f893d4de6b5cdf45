; The arena builtins: creation, allocation, copying, destruction, statistics,
; reset, limits, and every misuse as an error at the right place.

; creation and predicates
(define a (make-arena 1024))
(arena? a) ; => #t
(arena? 5) ; => #f
(arena-live? a) ; => #t
(arena-stats a) ; => ((used . 0) (reserved . 1024) (blocks . 1) (allocations . 0) (limit . #f))
(arena-stats (make-arena 100.2)) ; => ((used . 0) (reserved . 101) (blocks . 1) (allocations . 0) (limit . #f))
(arena-stats (make-arena 1/2)) ; => ((used . 0) (reserved . 8) (blocks . 1) (allocations . 0) (limit . #f))
(cdr (assq 'limit (arena-stats (make-arena 64 128)))) ; => 128

; allocation: zeroed bytes living in the arena, usable as a bytevector
(define b (arena-alloc a 10))
b ; => #u8(0 0 0 0 0 0 0 0 0 0)
(bytevector? b) ; => #t
(bytevector-u8-set! b 3 200)
(bytevector-u8-ref b 3) ; => 200
(bytevector-copy b 2 5) ; => #u8(0 200 0)
(bytevector-fill! b 7)
(bytevector-u8-ref b 9) ; => 7
(bytevector-copy! b 0 (string->utf8 "hi"))
(utf8->string b 0 2) ; => "hi"
(equal? (bytevector-copy b 0 2) (string->utf8 "hi")) ; => #t
(eq? (arena-owner b) a) ; => #t
(arena-owner (make-bytes 3)) ; => #f
(arena-used a) ; => 10
(bytevector-length (arena-alloc a 0)) ; => 0
(arena-used a) ; => 10
(cdr (assq 'allocations (arena-stats a))) ; => 2

; growth: a request that does not fit gets a doubled block
(define g (make-arena 64))
(arena-alloc g 60)
(arena-alloc g 60)
(cdr (assq 'blocks (arena-stats g))) ; => 2
(cdr (assq 'reserved (arena-stats g))) ; => 192
(arena-alloc g 1000)
(cdr (assq 'reserved (arena-stats g))) ; => 1192
(destroy-arena g)

; copy-to-arena: deep copies owned by the target arena
(define src (list 1 "two" (vector 3 'four) (string->utf8 "5")))
(define copy (copy-to-arena src a))
copy ; => (1 "two" #(3 four) #u8(53))
(equal? copy src) ; => #t
(eq? copy src) ; => #f
(eq? (arena-owner copy) a) ; => #t
(eq? (arena-owner (cadr copy)) a) ; => #t
(eq? (arena-owner (caddr copy)) a) ; => #t
(copy-to-arena 42 a) ; => 42
(copy-to-arena 'sym a) ; => sym
(copy-to-arena '() a) ; => ()
(copy-to-arena #\x a) ; => #\x
(copy-to-arena 1/3 a) ; => 1/3
(string-set! (cadr copy) 0 #\T)
(cadr copy) ; => "Two"
(cadr src) ; => "two"

; shared structure is copied once, cycles survive
(define shared (list 1 2))
(define both (copy-to-arena (list shared shared) a))
(eq? (car both) (cadr both)) ; => #t
(define ring (list 1 2 3))
(set-cdr! (cddr ring) ring)
(define ring-copy (copy-to-arena ring a))
(eq? (cdddr ring-copy) ring-copy) ; => #t
(list-ref ring-copy 7) ; => 2

; copies between arenas outlive their source
(define parent (make-arena 256))
(define child (make-arena 256))
(define in-child (copy-to-arena (list 'x (list 'y)) child))
(define in-parent (copy-to-arena in-child parent))
(destroy-arena child)
in-parent ; => (x (y))
(car in-child) ; error: arena-destroyed at (car in-child)

; things that cannot be copied; a refused copy allocates nothing
(define used-before (arena-used a))
(copy-to-arena car a) ; error: type at (copy-to-arena car a)
(copy-to-arena (lambda (x) x) a) ; error: type at (copy-to-arena (lambda (x) x) a)
(copy-to-arena (list 1 car) a) ; error: type at (copy-to-arena (list 1 car) a)
(copy-to-arena (make-hash-table) a) ; error: type
(copy-to-arena 1 'not-an-arena) ; error: type at (copy-to-arena 1 'not-an-arena)

; bad sizes
(make-arena 0) ; error: range at (make-arena 0)
(make-arena -5) ; error: range at (make-arena -5)
(make-arena "big") ; error: type at (make-arena "big")
(make-arena (expt 2 62)) ; error: memory at (make-arena (expt 2 62))
(make-arena (expt 2 100)) ; error: memory at (make-arena (expt 2 100))
(make-arena 1024 * 1024 * 100) ; error: arity at (make-arena 1024 * 1024 * 100)
(make-arena) ; error: arity at (make-arena)
(arena-alloc a -1) ; error: range at (arena-alloc a -1)
(arena-alloc a 1.5) ; error: range at (arena-alloc a 1.5)
(arena-alloc a 'ten) ; error: type at (arena-alloc a 'ten)
(arena-alloc a 1e15) ; error: memory at (arena-alloc a 1e15)
(arena-alloc 'a 10) ; error: type at (arena-alloc 'a 10)
(= (arena-used a) used-before) ; => #t

; limits
(define small (make-arena 64 100))
(arena-alloc small 64)
(arena-alloc small 64) ; error: arena-limit at (arena-alloc small 64)
(arena-alloc small 32)
(arena-used small) ; => 96
(copy-to-arena (make-string 10 #\a) small) ; error: arena-limit

; destroy: everything the arena owned dies with it
(destroy-arena a)
(arena-live? a) ; => #f
(bytevector-u8-ref b 0) ; error: arena-destroyed at (bytevector-u8-ref b 0)
(bytevector-length b) ; error: arena-destroyed at (bytevector-length b)
(car copy) ; error: arena-destroyed at (car copy)
(length copy) ; error: arena-destroyed at (length copy)
(display copy) ; error: arena-destroyed at (display copy)
(cadr src) ; => "two"
(arena-alloc a 1) ; error: arena-destroyed at (arena-alloc a 1)
(copy-to-arena 1 a) ; error: arena-destroyed at (copy-to-arena 1 a)
(arena-stats a) ; error: arena-destroyed at (arena-stats a)
(arena-reset! a) ; error: arena-destroyed at (arena-reset! a)
(destroy-arena a) ; error: arena-destroyed at (destroy-arena a)
(list 1 (car copy)) ; error: arena-destroyed at (car copy)

; reset: old values die, the arena lives on
(define r (make-arena 64))
(define old-bytes (arena-alloc r 16))
(define old-list (copy-to-arena (list 1 2) r))
(arena-alloc r 100)
(cdr (assq 'blocks (arena-stats r))) ; => 2
(arena-reset! r)
(arena-stats r) ; => ((used . 0) (reserved . 64) (blocks . 1) (allocations . 0) (limit . #f))
(bytevector-u8-ref old-bytes 0) ; error: arena-reset at (bytevector-u8-ref old-bytes 0)
(car old-list) ; error: arena-reset at (car old-list)
(define new-bytes (arena-alloc r 16))
(bytevector-u8-ref new-bytes 0) ; => 0
(destroy-arena r)

; with-arena destroys on normal exit and on errors
(define escaped #f)
(with-arena (w 128) (set! escaped w) (arena-used w)) ; => 0
(arena-live? escaped) ; => #f
(with-arena (w 128) (set! escaped w) (car '())) ; error: type at (car '())
(arena-live? escaped) ; => #f
(with-arena (w 16 32) (arena-alloc w 64)) ; error: arena-limit at (arena-alloc w 64)
(with-arena (w) 1) ; error: syntax at (with-arena (w) 1)
(with-arena (w 16)) ; error: syntax at (with-arena (w 16))

; the leak check only sees what is still alive
(destroy-arena parent)
(destroy-arena small)

; Walkers over arena data whose procedure destroys the arena midway fail at
; the next step instead of stopping short.
(define walked (make-arena 1024))
(define walked-vector (copy-to-arena (vector 1 2 3) walked))
(vector-map (lambda (x) (if (= x 1) (destroy-arena walked)) x) walked-vector) ; error: arena-destroyed at (vector-map (lambda (x) (if (= x 1) (destroy-arena walked)) x) walked-vector)
(define walked (make-arena 1024))
(define walked-vector (copy-to-arena (vector 1 2 3) walked))
(vector-for-each (lambda (x) (if (= x 2) (destroy-arena walked))) walked-vector) ; error: arena-destroyed at (vector-for-each (lambda (x) (if (= x 2) (destroy-arena walked))) walked-vector)
(define walked (make-arena 1024))
(define walked-string (copy-to-arena "abc" walked))
(string-map (lambda (c) (if (char=? c #\a) (destroy-arena walked)) c) walked-string) ; error: arena-destroyed at (string-map (lambda (c) (if (char=? c #\a) (destroy-arena walked)) c) walked-string)
(define walked (make-arena 1024))
(define walked-string (copy-to-arena "abc" walked))
(string-for-each (lambda (c) (if (char=? c #\b) (destroy-arena walked))) walked-string) ; error: arena-destroyed at (string-for-each (lambda (c) (if (char=? c #\b) (destroy-arena walked))) walked-string)

; No procedure of any kind can be copied into an arena.
(define proc-arena (make-arena 256))
(copy-to-arena (case-lambda ((x) x)) proc-arena) ; error: type at (copy-to-arena (case-lambda ((x) x)) proc-arena)
(copy-to-arena (make-parameter 1) proc-arena) ; error: type at (copy-to-arena (make-parameter 1) proc-arena)
(copy-to-arena (call/cc (lambda (k) k)) proc-arena) ; error: type at (copy-to-arena (call/cc (lambda (k) k)) proc-arena)
(define-record-type thing (make-thing a) thing? (a thing-a))
(copy-to-arena (list make-thing) proc-arena) ; error: type at (copy-to-arena (list make-thing) proc-arena)
(destroy-arena proc-arena)

; A copy that fails at the arena's limit leaves the arena as it was.
(define limited (make-arena 64 100))
(guard (e (#t 'failed)) (copy-to-arena (make-list 20 1) limited)) ; => failed
(cdr (assq 'used (arena-stats limited))) ; => 0
(bytevector-length (arena-alloc limited 96)) ; => 96
(destroy-arena limited)

; List walkers stop with an error once their procedure destroys the arena
; holding the list; sort! never writes back into a dead vector.
(define walked (make-arena 1024))
(define walked-list (copy-to-arena (list 1 2 3) walked))
(map (lambda (x) (if (= x 1) (destroy-arena walked)) x) walked-list) ; error: arena-destroyed at (map (lambda (x) (if (= x 1) (destroy-arena walked)) x) walked-list)
(define walked (make-arena 1024))
(define walked-list (copy-to-arena (list 1 2 3) walked))
(for-each (lambda (x) (if (= x 1) (destroy-arena walked))) walked-list) ; error: arena-destroyed at (for-each (lambda (x) (if (= x 1) (destroy-arena walked))) walked-list)
(define walked (make-arena 1024))
(define walked-list (copy-to-arena (list 1 2 3) walked))
(fold (lambda (x acc) (if (= x 1) (destroy-arena walked)) (+ x acc)) 0 walked-list) ; error: arena-destroyed at (fold (lambda (x acc) (if (= x 1) (destroy-arena walked)) (+ x acc)) 0 walked-list)
(define walked (make-arena 1024))
(define walked-list (copy-to-arena (list 1 2 3) walked))
(fold-right (lambda (x acc) (if (= x 3) (destroy-arena walked)) (+ x acc)) 0 walked-list) ; error: arena-destroyed at (fold-right (lambda (x acc) (if (= x 3) (destroy-arena walked)) (+ x acc)) 0 walked-list)
(define walked (make-arena 1024))
(define walked-list (copy-to-arena (list 1 2 3) walked))
(reduce (lambda (x acc) (destroy-arena walked) (+ x acc)) 0 walked-list) ; error: arena-destroyed at (reduce (lambda (x acc) (destroy-arena walked) (+ x acc)) 0 walked-list)
(define walked (make-arena 1024))
(define walked-list (copy-to-arena (list 1 2 3) walked))
(filter (lambda (x) (if (= x 1) (destroy-arena walked)) #t) walked-list) ; error: arena-destroyed at (filter (lambda (x) (if (= x 1) (destroy-arena walked)) #t) walked-list)
(define walked (make-arena 1024))
(define walked-list (copy-to-arena (list 1 2 3) walked))
(any (lambda (x) (if (= x 1) (destroy-arena walked)) #f) walked-list) ; error: arena-destroyed at (any (lambda (x) (if (= x 1) (destroy-arena walked)) #f) walked-list)
(define walked (make-arena 1024))
(define walked-list (copy-to-arena (list 1 2 3) walked))
(every (lambda (x) (if (= x 1) (destroy-arena walked)) #t) walked-list) ; error: arena-destroyed at (every (lambda (x) (if (= x 1) (destroy-arena walked)) #t) walked-list)
(define walked (make-arena 1024))
(define walked-list (copy-to-arena (list 1 2 3) walked))
(sort walked-list (lambda (a b) (if (arena-live? walked) (destroy-arena walked)) (< a b))) ; error: arena-destroyed at (sort walked-list (lambda (a b) (if (arena-live? walked) (destroy-arena walked)) (< a b)))
(define walked (make-arena 1024))
(define walked-vector (copy-to-arena (vector 3 1 2) walked))
(sort! walked-vector (lambda (a b) (if (arena-live? walked) (destroy-arena walked)) (< a b))) ; error: arena-destroyed at (sort! walked-vector (lambda (a b) (if (arena-live? walked) (destroy-arena walked)) (< a b)))

; A dead string is never read as "": not as a hash key (even inside a list),
; not as an error message.
(define gone (make-arena 1024))
(define gone-string (copy-to-arena "hello" gone))
(destroy-arena gone)
(define keyed (make-hash-table))
(hash-table-set! keyed (list gone-string) 1) ; error: arena-destroyed at (hash-table-set! keyed (list gone-string) 1)
(hash-table-ref/default keyed (vector 1 gone-string) 0) ; error: arena-destroyed at (hash-table-ref/default keyed (vector 1 gone-string) 0)
(error gone-string 1) ; error: arena-destroyed at (error gone-string 1)
(error 'who gone-string) ; error: arena-destroyed at (error 'who gone-string)
(hash-table-count keyed) ; => 0

; An arena bytevector is an equal? key by its bytes, like a heap one.
(define keys-arena (make-arena 64))
(define arena-key (arena-alloc keys-arena 4))
(bytevector-u8-set! arena-key 0 7)
(hash-table-set! keyed arena-key 'found)
(hash-table-ref/default keyed (bytevector 7 0 0 0) 'missing) ; => found
(hash-table-set! keyed (bytevector 7 0 0 0) 'again)
(hash-table-count keyed) ; => 1
; setting the key again stored the heap key in place of the arena one
(destroy-arena keys-arena)
(hash-table-ref/default keyed (bytevector 7 0 0 0) 'missing) ; => again
