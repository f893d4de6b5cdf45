; Exceptions: raise, raise-continuable, with-exception-handler, guard, error
; objects, and every builtin error as a catchable condition.

(guard (e (#t (list 'caught e))) (raise 'boom)) ; => (caught boom)
(guard (e ((symbol? e) 'symbol) ((string? e) 'string)) (raise "s")) ; => string
(guard (e ((assq 'a e) => cdr) ((assq 'b e))) (raise (list (cons 'a 42)))) ; => 42
(guard (e ((assq 'a e) => cdr) ((assq 'b e))) (raise (list (cons 'b 23)))) ; => (b . 23)
(guard (e (else 'fallback)) (+ 1 (raise 'x))) ; => fallback
(guard (e ((string? e) 'no)) (raise 'unmatched)) ; error: raise at (raise 'unmatched)
(guard (e ((number? e) (* e 2))) (guard (e2 ((string? e2) 'inner)) (raise 21))) ; => 42
(guard (e (#t 'never)) 'no-error) ; => no-error
(define (safe-div a b) (guard (e ((error-object? e) (error-object-message e))) (/ a b)))
(safe-div 10 2) ; => 5
(safe-div 1 0) ; => "/: division by zero"

; builtin errors are error objects with a kind
(guard (e ((error-object? e) (error-object-kind e))) (car 5)) ; => type
(guard (e ((error-object? e) (error-object-kind e))) (vector-ref (vector) 1)) ; => range
(guard (e ((error-object? e) (error-object-kind e))) (undefined-variable)) ; => unbound
(guard (e ((error-object? e) (error-object-kind e))) ((lambda (x) x))) ; => arity
(guard (e ((error-object? e) (error-object-message e))) (error "custom" 1 2)) ; => "custom"
(guard (e ((error-object? e) (condition/report-string e))) (error "custom" 1 "two")) ; => "custom 1 \"two\""
(guard (e ((error-object? e) (error-object-irritants e))) (error "custom" 1 2)) ; => (1 2)
(guard (e ((file-error? e) 'file)) (load "/no/such/file.scm")) ; => file
(guard (e ((read-error? e) 'read)) (eval (quote (car 1 2)))) ; error: arity
(guard (e ((arena-error? e) 'arena)) (let ((a (make-arena 8))) (destroy-arena a) (destroy-arena a))) ; => arena
(guard (e ((arena-destroyed-error? e) 'dead)) (let ((a (make-arena 8))) (destroy-arena a) (arena-alloc a 1))) ; => dead
(guard (e ((arena-error? e) (error-object-kind e))) (arena-alloc (make-arena 8 8) 100)) ; => arena-limit
(guard (e ((error-object? e) (error-object-kind e))) (define (f) (f1)) (define (f1) (+ 1 (f1))) (f)) ; => recursion-depth

; re-raising keeps the original location
(guard (e ((string? e) 'no)) (car 'x)) ; error: type at (car 'x)

; with-exception-handler
(with-exception-handler (lambda (e) 10) (lambda () (+ 1 (raise-continuable 'c)))) ; => 11
(call/cc (lambda (k) (with-exception-handler (lambda (e) (k (list 'handled e))) (lambda () (raise 'oops))))) ; => (handled oops)
(call/cc (lambda (k) (with-exception-handler (lambda (e) (k (error-object-kind e))) (lambda () (car 1))))) ; => type
(with-exception-handler (lambda (e) 'ignored) (lambda () (raise 'non-continuable))) ; error: raise
(with-exception-handler (lambda (e) 'ignored) (lambda () (car 1))) ; error: type
(with-exception-handler
  (lambda (e) (display "[outer]") 1)
  (lambda ()
    (with-exception-handler
      (lambda (e) (display "[inner]") (+ (raise-continuable e) 1))
      (lambda () (raise-continuable 'x))))) ; out: [inner][outer]
(with-exception-handler (lambda (e) 0) (lambda () (guard (e ((string? e) 'guarded)) (raise-continuable "s")))) ; => guarded

; errors inside dynamic-wind still run the after thunk
(define log '())
(guard (e (#t (reverse log)))
  (dynamic-wind
    (lambda () (set! log (cons 'before log)))
    (lambda () (car '()))
    (lambda () (set! log (cons 'after log))))) ; => (before after)

; raise of a condition object
(guard (outer ((error-object? outer) (error-object-message outer)))
  (guard (inner ((string? inner) 'no))
    (error "deep" 'problem))) ; => "deep"

; assert
(assert (= 1 1))
(assert (= 1 2)) ; error: user at (assert (= 1 2))
(guard (e (#t (error-object-message e))) (assert (> 0 1))) ; => "assertion failed: (> 0 1)"

; uncatchable: exit unwinds through guard
(guard (e (#t 'caught-exit)) (exit 3)) ; error: exit

; a million caught errors in a loop
(define (count-errors n)
  (let loop ((i 0) (caught 0))
    (if (= i n) caught
        (loop (+ i 1) (guard (e (#t (+ caught 1))) (car i))))))
(count-errors 100000) ; => 100000
