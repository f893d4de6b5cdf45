;; Arena basics: create, allocate, use, watch the blocks grow, destroy.

(define arena (make-arena 1024))
(println "new arena: " (arena-stats arena))

;; The Scheme version of C's strcpy into arena memory.
(define buffer (arena-alloc arena 100))
(define greeting (string->utf8 "Hello, Eshkol!"))
(bytevector-copy! buffer 0 greeting)
(println "buffer holds: " (utf8->string buffer 0 (bytevector-length greeting)))

;; Fill the first block; the next one is twice as large.
(do ((i 0 (+ i 1))) ((= i 20)) (arena-alloc arena 100))
(println "after 21 allocations: " (arena-stats arena))

;; Keep a result beyond the arena's life: copy it to the ordinary heap.
(define kept (bytevector-copy buffer 0 5))
(destroy-arena arena)
(println "kept after destroy: " (utf8->string kept))
(println "arena alive? " (arena-live? arena))

;; with-arena destroys the arena on every exit.
(println "sum computed in a scratch arena: "
         (with-arena (scratch 256)
           (let ((bytes (arena-alloc scratch 10)))
             (do ((i 0 (+ i 1))) ((= i 10)) (bytevector-u8-set! bytes i i))
             (let loop ((i 0) (sum 0))
               (if (= i 10) sum (loop (+ i 1) (+ sum (bytevector-u8-ref bytes i))))))))
