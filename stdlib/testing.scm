;;; A subset of SRFI 64 (test suites).
;;;
;;;   (test-begin name)                       start a group
;;;   (test-end [name])                       end it; prints "N passed, M failed"
;;;   (test-equal [name] expected expr)       passes when (equal? expected expr)
;;;   (test-eqv [name] expected expr)         same with eqv?
;;;   (test-eq [name] expected expr)          same with eq?
;;;   (test-approximate [name] expected expr error)
;;;                                           passes when |expected - expr| <= error
;;;   (test-assert [name] expr)               passes when expr is true
;;;   (test-error [name] [kind] expr)         passes when evaluating expr raises;
;;;                                           kind is #t (anything) or a predicate
;;;                                           the raised object must satisfy
;;;
;;; The test forms are macros so that the tested expression is evaluated by the
;;; framework, inside a `guard`: an expression that raises fails its test (or
;;; passes a test-error) and the run goes on. A failure prints the group, the
;;; file when one was set with test-set-file!, the test name or else the tested
;;; expression, then the expected and actual values as `write` prints them.
;;; The counters are global and are read with (test-runner-pass-count) and
;;; (test-runner-fail-count).

(define test-%pass-count 0)
(define test-%fail-count 0)
(define test-%groups '())
(define test-%file #f)

(define (test-runner-pass-count) test-%pass-count)
(define (test-runner-fail-count) test-%fail-count)

;; Resets both counters and forgets every open group.
(define (test-runner-reset!)
  (set! test-%pass-count 0)
  (set! test-%fail-count 0)
  (set! test-%groups '()))

;; Names the file the following tests come from, shown in failure reports.
(define (test-set-file! name)
  (set! test-%file name))

(define (test-begin name)
  (set! test-%groups
        (cons (list name test-%pass-count test-%fail-count) test-%groups)))

(define (test-end . name)
  (if (null? test-%groups)
      (begin
        (display "test-end: no test group is open")
        (newline))
      (let* ((group (car test-%groups))
             (group-name (car group))
             (passed (- test-%pass-count (cadr group)))
             (failed (- test-%fail-count (caddr group))))
        (if (and (pair? name) (not (equal? (car name) group-name)))
            (begin
              (display "test-end: closing group ")
              (write group-name)
              (display " with the name ")
              (write (car name))
              (newline)))
        (set! test-%groups (cdr test-%groups))
        (display "# ")
        (display group-name)
        (display ": ")
        (display passed)
        (display " passed, ")
        (display failed)
        (display " failed")
        (newline))))

;; Runs thunk; returns (#t . value), or (#f . raised-object) when it raises.
(define (test-%run thunk)
  (guard (condition (#t (cons #f condition)))
    (cons #t (thunk))))

(define (test-%pass!)
  (set! test-%pass-count (+ test-%pass-count 1)))

;; The header line of a failure report.
(define (test-%fail-header! kind name form)
  (set! test-%fail-count (+ test-%fail-count 1))
  (display "FAIL")
  (if (pair? test-%groups)
      (begin
        (display " [")
        (display (car (car test-%groups)))
        (display "]")))
  (if test-%file
      (begin
        (display " ")
        (display test-%file)))
  (display " ")
  (display kind)
  (display ": ")
  (if name
      (display name)
      (write form))
  (newline))

(define (test-%show label value)
  (display "  ")
  (display label)
  (write value)
  (newline))

;; How a raised object reads in a report.
(define (test-%describe-condition condition)
  (if (error-object? condition)
      (cons (error-object-message condition)
            (error-object-irritants condition))
      condition))

(define (test-%show-raised condition)
  (test-%show "raised:   " (test-%describe-condition condition)))

;; Shared body of test-equal, test-eqv and test-eq.
(define (test-%compare kind same? name expected form thunk)
  (let ((outcome (test-%run thunk)))
    (cond ((not (car outcome))
           (test-%fail-header! kind name form)
           (test-%show "expected: " expected)
           (test-%show-raised (cdr outcome)))
          ((same? expected (cdr outcome))
           (test-%pass!))
          (else
           (test-%fail-header! kind name form)
           (test-%show "expected: " expected)
           (test-%show "actual:   " (cdr outcome))))))

(define (test-%approximate name expected form thunk error)
  (let ((outcome (test-%run thunk)))
    (cond ((not (car outcome))
           (test-%fail-header! 'test-approximate name form)
           (test-%show "expected: " expected)
           (test-%show-raised (cdr outcome)))
          ((and (number? (cdr outcome))
                (<= (abs (- expected (cdr outcome))) error))
           (test-%pass!))
          (else
           (test-%fail-header! 'test-approximate name form)
           (test-%show "expected: " expected)
           (test-%show "error:    " error)
           (test-%show "actual:   " (cdr outcome))))))

(define (test-%assert name form thunk)
  (let ((outcome (test-%run thunk)))
    (cond ((not (car outcome))
           (test-%fail-header! 'test-assert name form)
           (test-%show "expected: " 'a-true-value)
           (test-%show-raised (cdr outcome)))
          ((cdr outcome)
           (test-%pass!))
          (else
           (test-%fail-header! 'test-assert name form)
           (test-%show "expected: " 'a-true-value)
           (test-%show "actual:   " (cdr outcome))))))

;; kind: #t accepts any raised object, a procedure is a predicate on it.
(define (test-%error name kind form thunk)
  (let ((outcome (test-%run thunk)))
    (cond ((car outcome)
           (test-%fail-header! 'test-error name form)
           (test-%show "expected: " 'an-error)
           (test-%show "actual:   " (cdr outcome)))
          ((or (eq? kind #t)
               (and (procedure? kind) (kind (cdr outcome))))
           (test-%pass!))
          (else
           (test-%fail-header! 'test-error name form)
           (test-%show "expected: " kind)
           (test-%show-raised (cdr outcome))))))

(define-syntax test-equal
  (syntax-rules ()
    ((_ name expected expr)
     (test-%compare 'test-equal equal? name expected 'expr (lambda () expr)))
    ((_ expected expr)
     (test-%compare 'test-equal equal? #f expected 'expr (lambda () expr)))))

(define-syntax test-eqv
  (syntax-rules ()
    ((_ name expected expr)
     (test-%compare 'test-eqv eqv? name expected 'expr (lambda () expr)))
    ((_ expected expr)
     (test-%compare 'test-eqv eqv? #f expected 'expr (lambda () expr)))))

(define-syntax test-eq
  (syntax-rules ()
    ((_ name expected expr)
     (test-%compare 'test-eq eq? name expected 'expr (lambda () expr)))
    ((_ expected expr)
     (test-%compare 'test-eq eq? #f expected 'expr (lambda () expr)))))

(define-syntax test-approximate
  (syntax-rules ()
    ((_ name expected expr error)
     (test-%approximate name expected 'expr (lambda () expr) error))
    ((_ expected expr error)
     (test-%approximate #f expected 'expr (lambda () expr) error))))

(define-syntax test-assert
  (syntax-rules ()
    ((_ name expr)
     (test-%assert name 'expr (lambda () expr)))
    ((_ expr)
     (test-%assert #f 'expr (lambda () expr)))))

;; With two arguments the first is a name when it is a string, else a kind.
(define-syntax test-error
  (syntax-rules ()
    ((_ name kind expr)
     (test-%error name kind 'expr (lambda () expr)))
    ((_ name-or-kind expr)
     (let ((first name-or-kind))
       (if (string? first)
           (test-%error first #t 'expr (lambda () expr))
           (test-%error #f first 'expr (lambda () expr)))))
    ((_ expr)
     (test-%error #f #t 'expr (lambda () expr)))))
