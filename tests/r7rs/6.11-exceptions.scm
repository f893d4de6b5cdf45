;;; R7RS-small section 6.11: exceptions.
;;; Expected values come from the examples and text of the report.

(test-begin "6.11-exceptions")

;; with-exception-handler with an escaping handler
(test-equal 'exception
            (call-with-current-continuation
             (lambda (k)
               (with-exception-handler
                (lambda (x)
                  (k 'exception))
                (lambda ()
                  (+ 1 (raise 'an-error)))))))
(test-equal "the handler receives the raised object" 'an-error
            (call/cc
             (lambda (k)
               (with-exception-handler
                (lambda (x) (k x))
                (lambda () (raise 'an-error))))))
(test-equal "the handler's output" "condition: an-error\n"
            (let ((out (open-output-string)))
              (call-with-current-continuation
               (lambda (k)
                 (with-exception-handler
                  (lambda (x)
                    (display "condition: " out)
                    (write x out)
                    (newline out)
                    (k 'exception))
                  (lambda ()
                    (+ 1 (raise 'an-error))))))
              (get-output-string out)))
(test-equal "with-exception-handler returns the thunk's value" 3
            (with-exception-handler (lambda (e) 0) (lambda () (+ 1 2))))

;; A handler returning from raise: a secondary exception is raised
(test-equal "returning from a raise handler raises again in the outer context" 'secondary
            (guard (e (#t 'secondary))
              (with-exception-handler
               (lambda (x) 'ignored)
               (lambda ()
                 (+ 1 (raise 'an-error))))))
(test-equal "the handler runs with the outer handler installed" '(inner outer)
            (let ((seen '()))
              (guard (e (#t (reverse seen)))
                (with-exception-handler
                 (lambda (x) (set! seen (cons 'outer seen)) (raise 'again))
                 (lambda ()
                   (with-exception-handler
                    (lambda (x) (set! seen (cons 'inner seen)) (raise x))
                    (lambda () (raise 'first))))))))

;; raise-continuable
(test-equal 65
            (with-exception-handler
             (lambda (con)
               (cond
                ((string? con)
                 42)
                (else
                 0)))
             (lambda ()
               (+ (raise-continuable "should be a number")
                  23))))
(test-equal "raise-continuable returns the handler's values" '(1 2)
            (with-exception-handler
             (lambda (c) (values 1 2))
             (lambda ()
               (call-with-values (lambda () (raise-continuable 'c)) list))))
(test-equal "the handler is reinstalled after raise-continuable returns" 20
            (with-exception-handler
             (lambda (c) 10)
             (lambda ()
               (+ (raise-continuable 'a) (raise-continuable 'b)))))

;; error and error objects
(define (null-list? l)
  (cond ((pair? l) #f)
        ((null? l) #t)
        (else
         (error
          "null-list?: argument out of domain"
          l))))
(test-equal #t (null-list? '()))
(test-error (null-list? 5))
(test-equal "null-list?: argument out of domain"
            (guard (e ((error-object? e) (error-object-message e)))
              (null-list? 5)))
(test-equal '(5)
            (guard (e ((error-object? e) (error-object-irritants e)))
              (null-list? 5)))
(test-equal '(1 "two" three)
            (guard (e (#t (error-object-irritants e)))
              (error "msg" 1 "two" 'three)))
(test-equal '()
            (guard (e (#t (error-object-irritants e)))
              (error "no irritants")))
(test-equal #t (guard (e (#t (error-object? e))) (error "x")))
(test-equal #f (guard (e (#t (error-object? e))) (raise 'not-an-error-object)))
(test-equal #f (error-object? 'sym))
(test-equal #f (error-object? "string"))
(test-equal "raise may raise any object" 42 (guard (e (#t e)) (raise 42)))
(test-equal '(a list) (guard (e (#t e)) (raise '(a list))))
(test-equal "guard catches an error raised by a builtin" 'caught
            (guard (e (#t 'caught)) (car '())))
(test-equal "file-error? on a missing file" #t
            (guard (e (#t (file-error? e)))
              (open-input-file "/nonexistent/r7rs-conformance/missing.txt")))
(test-equal #f (file-error? 'x))
(test-equal "read-error? on an incomplete datum" #t
            (guard (e (#t (read-error? e)))
              (read (open-input-string "(1 2"))))
(test-equal #f (read-error? 'x))
(test-equal #f (guard (e (#t (read-error? e))) (error "plain")))

;; guard details (see also 4.2-derived-expressions.scm)
(test-equal "a guard clause can use =>" 'c
            (guard (e ((memq 'b e) => cadr))
              (raise '(a b c))))
(test-equal "guard re-raises with raise-continuable when no clause matches" 11
            (with-exception-handler
             (lambda (c) 10)
             (lambda ()
               (+ 1 (guard (e ((string? e) 'string))
                      (raise-continuable 'not-a-string))))))
(test-equal "guard inside a loop" '(0 caught 2 caught 4)
            (map (lambda (i)
                   (guard (e ((eq? e 'odd) 'caught))
                     (if (odd? i) (raise 'odd) i)))
                 '(0 1 2 3 4)))
(test-equal "an error object from error is not a string" #f
            (guard (e (#t (string? e))) (error "m")))

(test-end "6.11-exceptions")
