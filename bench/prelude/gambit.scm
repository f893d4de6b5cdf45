;; Gambit: SRFI-69 hash tables on Gambit's tables.
(define (make-hash-table) (make-table))
(define (hash-table-set! table key value) (table-set! table key value))
(define (hash-table-ref/default table key default) (table-ref table key default))
