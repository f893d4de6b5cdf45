;;; R7RS-small section 6.14: system interface. Results depend on the machine,
;;; so these tests check types and relations that the report guarantees.
;;; exit and emergency-exit end the process and are not tested here.

(test-begin "6.14-system")

;; load
(define load-file "/tmp/eshkol-r7rs-6.14-load.scm")
(call-with-output-file load-file
  (lambda (port)
    (write '(define loaded-value 42) port)
    (write '(define (loaded-proc x) (* x loaded-value)) port)))
(load load-file)
(test-equal "load evaluates the file's definitions" 42 loaded-value)
(test-equal 84 (loaded-proc 2))

;; file-exists?, delete-file
(test-equal #t (file-exists? load-file))
(delete-file load-file)
(test-equal #f (file-exists? load-file))
(test-error "delete-file on a missing file" (delete-file load-file))
(test-equal #t (guard (e (#t (file-error? e))) (delete-file load-file)))

;; command-line
(test-assert (list? (command-line)))
(test-assert "the command line has the command name first" (pair? (command-line)))
(test-assert (string? (car (command-line))))
(test-assert "every element is a string" (let loop ((l (command-line)))
                                          (or (null? l)
                                              (and (string? (car l)) (loop (cdr l))))))

;; get-environment-variable
(test-assert (string? (get-environment-variable "PATH")))
(test-equal #f (get-environment-variable "ESHKOL_R7RS_SURELY_UNSET_VARIABLE"))

;; current-second, current-jiffy, jiffies-per-second
(test-assert (real? (current-second)))
(test-assert (inexact? (current-second)))
(test-assert "current-second counts from 1970" (> (current-second) 1.5e9))
(test-assert (exact-integer? (current-jiffy)))
(test-assert (exact-integer? (jiffies-per-second)))
(test-assert (positive? (jiffies-per-second)))
(test-assert "current-jiffy does not go backwards"
             (let* ((a (current-jiffy)) (b (current-jiffy))) (<= a b)))
(test-assert "jiffies measure elapsed time"
             (let ((start (current-jiffy)))
               (let loop ((i 0)) (if (< i 100000) (loop (+ i 1))))
               (>= (/ (- (current-jiffy) start) (jiffies-per-second)) 0)))

(test-end "6.14-system")
