; format (SRFI 28 directives, Guile's destinations) and pretty-print.

(format "~a and ~s" "text" "text") ; => "text and \"text\""
(format "~a~%~~" 'sym) ; => "sym\n~"
(format "~d items" 42) ; => "42 items"
(format "~A ~S" 1 #\a) ; => "1 #\\a"
(format #f "~a" '(1 "two" #\3)) ; => "(1 two 3)"
(format "no directives") ; => "no directives"
(format #t "to ~a~%" "output") ; out: to output\n
(let ((port (open-output-string)))
  (format port "~s" 'x)
  (get-output-string port)) ; => "x"
(format "~a") ; error: arity at (format "~a")
(format "~a" 1 2) ; error: arity at (format "~a" 1 2)
(format "~d" "x") ; error: type at (format "~d" "x")
(format "~q" 1) ; error: range at (format "~q" 1)
(format "trailing ~") ; error: range at (format "trailing ~")
(format 5) ; error: type at (format 5)

(define (pretty x)
  (let ((port (open-output-string)))
    (pretty-print x port)
    (get-output-string port)))
(pretty '(a b c)) ; => "(a b c)\n"
(pretty '(define (f x) (list x x))) ; => "(define (f x) (list x x))\n"
(pretty '(define (long-procedure-name argument-one argument-two) (let ((a (+ argument-one argument-two))) (if (> a 0) (list a 'positive-result-here) (list a 'negative-result-here))))) ; => "(define (long-procedure-name argument-one argument-two)\n  (let ((a (+ argument-one argument-two)))\n    (if (> a 0)\n      (list a (quote positive-result-here))\n      (list a (quote negative-result-here)))))\n"
(pretty (let ((l (list 1 2))) (set-cdr! (cdr l) l) l)) ; => "#0=(1 2 . #0#)\n"
(pretty-print 1 'not-a-port) ; error: type at (pretty-print 1 'not-a-port)
