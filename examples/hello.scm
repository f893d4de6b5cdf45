;; A first program: define a procedure, loop, print.
(define (greet name)
  (string-append "Hello, " name "!"))

(println (greet "Eshkol"))

(define (factorial n)
  (if (= n 0) 1 (* n (factorial (- n 1)))))

(for-each (lambda (n)
            (println n "! = " (factorial n)))
          (list 5 10 20 30))
