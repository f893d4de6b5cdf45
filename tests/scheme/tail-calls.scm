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
