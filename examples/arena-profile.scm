;; A program whose arenas are worth a picture (docs/memory-management.md
;; shows the one `eshkol --arena-profile` draws of it):
;; - a long-lived arena that grows block by block as a table fills it;
;; - twenty short-lived arenas, one per "request", made at one place;
;; - a scratch arena reset between two batches.

(define table (make-arena 1024))
(define (fill-table n)
  (let loop ((i 0))
    (when (< i n)
      (arena-alloc table 256)
      (loop (+ i 1)))))

(define (handle-request id)
  (with-arena (scratch 4096)
    (let loop ((i 0))
      (when (< i (+ 4 (modulo id 5)))
        (arena-alloc scratch 600)
        (loop (+ i 1))))
    id))

(fill-table 10)
(let loop ((id 0))
  (when (< id 20)
    (handle-request id)
    (fill-table 2)
    (loop (+ id 1))))

(define batch (make-arena 2048))
(define (run-batch n)
  (let loop ((i 0))
    (when (< i n)
      (copy-to-arena (list i (* i i) "row") batch)
      (loop (+ i 1)))))
(run-batch 12)
(arena-reset! batch)
(run-batch 6)
(destroy-arena batch)
(display (arena-stats table))
(newline)
(destroy-arena table)
