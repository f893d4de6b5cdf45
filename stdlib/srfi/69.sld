;;; SRFI 69, basic hash tables: (import (srfi 69)).
;;;
;;; The tables are eshkol's Rust hash tables, whose builtins are re-exported
;;; as they are. A table compares keys with equal?, eqv?, eq? or string=?
;;; (no other equivalence procedure is accepted) and hashes them itself: the
;;; hash function given to make-hash-table is checked to be a procedure and
;;; otherwise unused. make-hash-table and alist->hash-table are wrapped here
;;; to accept (and ignore) the implementation-specific arguments SRFI 69
;;; allows after the hash function. Written here: hash-table-fold,
;;; hash-table-merge!, hash-table-hash-function, and the hash functions,
;;; which are deterministic (the same value on every run) and return an
;;; exact integer below the bound, 4294967291 when none is given.

(define-library (srfi 69)
  (export make-hash-table hash-table? alist->hash-table
          hash-table-equivalence-function hash-table-hash-function
          hash-table-ref hash-table-ref/default hash-table-set!
          hash-table-delete! hash-table-exists? hash-table-update!
          hash-table-update!/default hash-table-size hash-table-keys
          hash-table-values hash-table-walk hash-table-fold
          hash-table->alist hash-table-copy hash-table-merge!
          hash string-hash string-ci-hash hash-by-identity)
  (import (except (eshkol base) make-hash-table alist->hash-table)
          (prefix (only (eshkol base) make-hash-table alist->hash-table) %))
  (begin

    ;; ---- tables ----

    ;; (make-hash-table [equiv [hash arg ...]])
    (define (make-hash-table . args)
      (if (and (pair? args) (pair? (cdr args)))
          (%make-hash-table (car args) (cadr args))
          (apply %make-hash-table args)))

    ;; (alist->hash-table alist [equiv [hash arg ...]])
    (define (alist->hash-table alist . args)
      (if (and (pair? args) (pair? (cdr args)))
          (%alist->hash-table alist (car args) (cadr args))
          (apply %alist->hash-table alist args)))

    ;; A hash function consistent with the table's equivalence.
    (define (hash-table-hash-function table)
      (let ((same? (hash-table-equivalence-function table)))
        (cond ((eq? same? equal?) hash)
              ((eq? same? string=?) string-hash)
              (else hash-by-identity))))

    ;; (hash-table-fold table kons knil), kons called as (kons key value acc);
    ;; SRFI 125's order (hash-table-fold kons knil table) is accepted too.
    (define (hash-table-fold table kons knil)
      (if (and (procedure? table) (hash-table? knil))
          (hash-table-fold knil table kons)
          (let loop ((entries (hash-table->alist table)) (acc knil))
            (if (pair? entries)
                (loop (cdr entries) (kons (caar entries) (cdar entries) acc))
                acc))))

    ;; Adds every entry of table2 to table1 (table2's value wins for a key
    ;; in both) and returns table1.
    (define (hash-table-merge! table1 table2)
      (hash-table-walk table2 (lambda (key value)
                                (hash-table-set! table1 key value)))
      table1)

    ;; ---- hash functions ----

    ;; The largest prime below 2^32: hash values stay fixnums.
    (define modulus 4294967291)

    (define (combine h x) (modulo (+ (* h 31) x) modulus))

    (define (bounded who h maybe-bound)
      (if (pair? maybe-bound)
          (let ((bound (car maybe-bound)))
            (unless (and (exact-integer? bound) (positive? bound))
              (error (string-append who ": the bound must be a positive exact integer")
                     bound))
            (modulo h bound))
          h))

    (define (string-code s)
      (let ((n (string-length s)))
        (let loop ((i 0) (h n))
          (if (< i n)
              (loop (+ i 1) (combine h (char->integer (string-ref s i))))
              h))))

    ;; A code for an object compared by identity, the same for every object
    ;; of its type (so it survives mutation).
    (define (type-code x)
      (cond ((pair? x) 1)
            ((vector? x) 2)
            ((string? x) 3)
            ((bytevector? x) 4)
            ((procedure? x) 5)
            ((hash-table? x) 6)
            ((number? x) 7)
            (else 8)))

    ;; The code of an object that eq?, eqv? and equal? all compare by value,
    ;; or #f.
    (define (immediate-code x)
      (cond ((symbol? x) (combine 11 (string-code (symbol->string x))))
            ((char? x) (combine 12 (char->integer x)))
            ((null? x) 13)
            ((eq? x #t) 14)
            ((eq? x #f) 15)
            ((and (exact-integer? x) (< (abs x) modulus)) (modulo x modulus))
            (else #f)))

    ;; Consistent with equal?: hashes the parts of pairs and vectors in
    ;; order, up to 64 of them (so cyclic and huge structures hash in bounded
    ;; time).
    (define (equal-code obj)
      (define budget 64)
      ;; h combined with the code of x.
      (define (walk x h)
        (set! budget (- budget 1))
        (cond ((negative? budget) h)
              ((immediate-code x) => (lambda (code) (combine h code)))
              ((pair? x) (walk (cdr x) (walk (car x) (combine h 1))))
              ((vector? x)
               (let ((n (vector-length x)))
                 (let loop ((i 0) (h (combine (combine h 2) n)))
                   (if (and (< i n) (positive? budget))
                       (loop (+ i 1) (walk (vector-ref x i) h))
                       h))))
              ((string? x) (combine (combine h 3) (string-code x)))
              ((bytevector? x)
               (let ((n (min 64 (bytevector-length x))))
                 (let loop ((i 0) (h (combine (combine h 4) (bytevector-length x))))
                   (if (< i n)
                       (loop (+ i 1) (combine h (bytevector-u8-ref x i)))
                       h))))
              ((number? x) (combine (combine h 7) (string-code (number->string x))))
              (else (combine h (type-code x)))))
      (walk obj 0))

    ;; (hash obj [bound])
    (define (hash obj . maybe-bound)
      (bounded "hash" (equal-code obj) maybe-bound))

    ;; (string-hash string [bound])
    (define (string-hash s . maybe-bound)
      (unless (string? s) (error "string-hash: expected a string" s))
      (bounded "string-hash" (string-code s) maybe-bound))

    ;; (string-ci-hash string [bound]): the same for strings equal by string-ci=?.
    (define (string-ci-hash s . maybe-bound)
      (unless (string? s) (error "string-ci-hash: expected a string" s))
      (bounded "string-ci-hash" (string-code (string-foldcase s)) maybe-bound))

    ;; (hash-by-identity obj [bound]): consistent with eq?.
    (define (hash-by-identity obj . maybe-bound)
      (bounded "hash-by-identity"
               (or (immediate-code obj) (type-code obj))
               maybe-bound))))
