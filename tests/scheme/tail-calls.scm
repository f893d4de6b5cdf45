; Proper tail calls in every tail position: each loop runs a million
; iterations, far deeper than any native stack could hold as real calls.

(define n 1000000)
(let loop ((i 0)) (if (< i n) (loop (+ i 1)) i)) ; => 1000000
(define (count-cond i) (cond ((= i n) 'done) (else (count-cond (+ i 1)))))
(count-cond 0) ; => done
(define (count-and i) (and #t (if (= i n) 'done (count-and (+ i 1)))))
(count-and 0) ; => done
(define (count-or i) (or #f (if (= i n) 'done (count-or (+ i 1)))))
(count-or 0) ; => done
(define (count-when i) (if (= i n) 'done (when #t (count-when (+ i 1)))))
(count-when 0) ; => done
(define (count-unless i) (if (= i n) 'done (unless #f (count-unless (+ i 1)))))
(count-unless 0) ; => done
(define (count-case i) (case (if (= i n) 'stop 'go) ((stop) 'done) (else (count-case (+ i 1)))))
(count-case 0) ; => done
(define (count-let i) (let ((j (+ i 1))) (if (> j n) 'done (count-let j))))
(count-let 0) ; => done
(define (count-let* i) (let* ((j (+ i 1))) (if (> j n) 'done (count-let* j))))
(count-let* 0) ; => done
(define (count-begin i) (begin 1 (if (= i n) 'done (count-begin (+ i 1)))))
(count-begin 0) ; => done
(define (count-apply i) (if (= i n) 'done (apply count-apply (list (+ i 1)))))
(count-apply 0) ; => done
(define (count-arrow i) (cond ((= i n) 'done) ((+ i 1) => count-arrow)))
(count-arrow 0) ; => done
(do ((i 0 (+ i 1))) ((= i n) 'done)) ; => done
; mutual recursion in tail position
(define (ping i) (if (= i n) 'done (pong (+ i 1))))
(define (pong i) (ping i))
(ping 0) ; => done
; a tail call through a closure made in the loop
(define (trampoline i) (if (= i n) 'done ((lambda () (trampoline (+ i 1))))))
(trampoline 0) ; => done
; R7RS 3.5: the consumer of call-with-values and the receiver of call/cc are
; called in tail position, however they are reached.
(define (count-cwv i) (if (= i n) 'done (call-with-values (lambda () (+ i 1)) count-cwv)))
(count-cwv 0) ; => done
(define (count-cwv-many i) (if (= i n) 'done (call-with-values (lambda () (values i 1)) (lambda (a b) (count-cwv-many (+ a b))))))
(count-cwv-many 0) ; => done
(define (count-callcc i) (if (= i n) 'done (call/cc (lambda (k) (count-callcc (+ i 1))))))
(count-callcc 0) ; => done
(define (count-callcc-long i) (if (= i n) 'done (call-with-current-continuation (lambda (k) (count-callcc-long (+ i 1))))))
(count-callcc-long 0) ; => done
(define (count-apply-cwv i) (if (= i n) 'done (apply call-with-values (list (lambda () (+ i 1)) count-apply-cwv))))
(count-apply-cwv 0) ; => done
(define (count-cwv-apply i) (if (= i n) 'done (call-with-values (lambda () (values count-cwv-apply (list (+ i 1)))) apply)))
(count-cwv-apply 0) ; => done
(define (count-apply-callcc i) (if (= i n) 'done (apply call/cc (list (lambda (k) (count-apply-callcc (+ i 1)))))))
(count-apply-callcc 0) ; => done
(define (count-callcc-cwv i) (if (= i n) 'done (call/cc (lambda (k) (call-with-values (lambda () (+ i 1)) count-callcc-cwv)))))
(count-callcc-cwv 0) ; => done
; a receiver reached through a variable, not a literal lambda
(define (count-receiver i) (if (= i n) 'done (call/cc (make-receiver (+ i 1)))))
(define (make-receiver j) (lambda (k) (count-receiver j)))
(count-receiver 0) ; => done
; the escapes still work (and re-entry): from the millionth iteration to the first
; continuation, and from a non-tail position inside the receiver
(define first-k #f)
(define (escape-late i) (if (= i n) (first-k 'escaped) (call/cc (lambda (k) (if (not first-k) (set! first-k k)) (escape-late (+ i 1))))))
(escape-late 0) ; => escaped
(first-k 1) ; => 1
(define (escape-each i) (if (= i n) 'done (escape-each (+ 1 (call/cc (lambda (k) (k i)))))))
(escape-each 0) ; => done
(+ 1 (call/cc (lambda (k) (map (lambda (x) (k (* 10 x))) '(4 5))))) ; => 41
(list (call/cc (lambda (outer) (call/cc (lambda (inner) (outer 'outer)))))) ; => (outer)
(list (call/cc (lambda (outer) (+ 1 (call/cc (lambda (inner) (inner 1))))))) ; => (2)
(call-with-values (lambda () (call/cc (lambda (k) (k 1 2)))) (lambda (a b) (call/cc (lambda (k) (k (+ a b)))))) ; => 3
(call/cc (lambda (k) (with-exception-handler (lambda (e) (k (list 'caught e))) (lambda () (raise 'boom))))) ; => (caught boom)
(guard (e (#t (list 'guarded e))) (call/cc (lambda (k) (raise 'inside)))) ; => (guarded inside)
(call/cc call/cc) ; runs
(call/cc (lambda (k) (call/cc k))) ; runs
(call/cc values) ; runs
(call/cc (lambda (a b) a)) ; error: arity
(call/cc 5) ; error: type
(call-with-values (lambda () (values 1 2)) 7) ; error: type
