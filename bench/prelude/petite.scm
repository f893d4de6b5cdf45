;; Chez Scheme (petite): SRFI-69 hash tables on Chez's own.
(define (make-hash-table) (make-hashtable equal-hash equal?))
(define (hash-table-set! table key value) (hashtable-set! table key value))
(define (hash-table-ref/default table key default) (hashtable-ref table key default))
