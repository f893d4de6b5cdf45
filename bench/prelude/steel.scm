;; Steel: SRFI-69 hash tables over its persistent hash maps, held in a box;
;; the box is emptied before each insert so the map is updated in place.
(define (make-hash-table) (box (hash)))
(define (hash-table-set! table key value)
  (let ((map (unbox table)))
    (set-box! table #f)
    (set-box! table (hash-insert map key value))))
(define (hash-table-ref/default table key default)
  (let ((map (unbox table)))
    (if (hash-contains? map key) (hash-ref map key) default)))
