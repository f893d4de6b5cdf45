;; A small library: split text into words and count them. Its helpers stay
;; private; programs see only what `export` lists.
(define-library (text words)
  (export words word-counts)
  (import (scheme base) (scheme char))
  (begin
    ;; The words of a string: runs of letters, folded to lower case.
    (define (words text)
      (let loop ((chars (string->list text)) (current '()) (found '()))
        (cond ((null? chars) (reverse (flush current found)))
              ((char-alphabetic? (car chars))
               (loop (cdr chars) (cons (char-downcase (car chars)) current) found))
              (else (loop (cdr chars) '() (flush current found))))))

    (define (flush current found)
      (if (null? current)
          found
          (cons (list->string (reverse current)) found)))

    ;; Each distinct word with its count, most frequent first (ties in the
    ;; order the words first appear).
    (define (word-counts text)
      (let loop ((ws (words text)) (counts '()))
        (if (null? ws)
            (sort-by-count (reverse counts))
            (let ((entry (assoc (car ws) counts)))
              (if entry
                  (begin (set-cdr! entry (+ (cdr entry) 1))
                         (loop (cdr ws) counts))
                  (loop (cdr ws) (cons (cons (car ws) 1) counts)))))))

    ;; A stable insertion sort on the counts.
    (define (sort-by-count counts)
      (define (insert entry sorted)
        (cond ((null? sorted) (list entry))
              ((> (cdr entry) (cdr (car sorted))) (cons entry sorted))
              (else (cons (car sorted) (insert entry (cdr sorted))))))
      (let loop ((rest counts) (sorted '()))
        (if (null? rest)
            sorted
            (loop (cdr rest) (insert (car rest) sorted)))))))
