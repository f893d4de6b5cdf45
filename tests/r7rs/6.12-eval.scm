;;; R7RS-small section 6.12: environments and evaluation. Expected values
;;; come from the examples and text of the report.

(test-begin "6.12-eval")

(define env (interaction-environment))
(test-equal 21 (eval '(* 7 3) env))
(test-equal 20 (let ((f (eval '(lambda (f x) (f x x)) env)))
                 (f + 10)))
(test-equal 5 (eval 5 env))
(test-equal "abc" (eval "abc" env))
(test-equal 'a (eval ''a env))
(test-equal 3 (eval (list '+ 1 2) env))
(test-equal 2 (eval '(if #f 1 2) env))
(test-equal '(1 2) (eval '(let-values (((a b) (values 1 2))) (list a b)) env))
(test-equal "eval returns every value" '(1 2)
            (call-with-values (lambda () (eval '(values 1 2) env)) list))
(eval '(define eval-defined 32) env)
(test-equal "a definition made by eval is visible to eval" 32 (eval 'eval-defined env))
(test-equal "a definition made by eval is visible to the program" 32 eval-defined)
(define program-defined 'from-program)
(test-equal "eval sees the program's top-level definitions" 'from-program
            (eval 'program-defined env))
(define shadowed 'global)
(test-equal "eval does not see local variables" 'global
            (let ((shadowed 'local))
              (eval 'shadowed env)))
(eval '(set! program-defined 'changed) env)
(test-equal "set! through eval changes the top-level variable" 'changed program-defined)
(eval '(define-syntax eval-twice (syntax-rules () ((_ e) (begin e e)))) env)
(test-equal "a macro defined through eval can be used through eval" 2
            (eval '(let ((n 0)) (eval-twice (set! n (+ n 1))) n) env))
(test-equal "eval of a lambda that closes over an eval definition" 33
            ((eval '(lambda () (+ eval-defined 1)) env)))
(test-equal "nested eval" 6 (eval '(eval '(* 2 3) (interaction-environment)) env))
(test-equal "eval of a datum returned by read" 10
            (eval (read (open-input-string "(apply + '(1 2 3 4))")) env))
(test-error "an error inside eval can be caught" (eval '(raise 'inside) env))
(test-assert (procedure? (eval 'car env)))


(test-equal "the report's example" 21
            (eval '(* 7 3) (environment '(scheme base))))
(define base-env (environment '(only (scheme base) + define)))
(eval '(define seven 7) base-env)
(test-equal "a definition stays in its environment" 8 (eval '(+ seven 1) base-env))
(test-error "an environment holds only what it imports" (eval 'car base-env))
(test-error "definitions in another environment are not visible" (eval 'seven env))
(test-equal "import sets in environment specifiers" '(1 2)
            (eval '(lst 1 2) (environment '(rename (scheme base) (list lst)))))
(test-equal "import through eval" 2
            (let ((e (environment '(scheme base))))
              (eval '(import (prefix (scheme cxr) x:)) e)
              (eval '(x:caddr '(0 1 2)) e)))
(test-equal "scheme-report-environment holds the R5RS names" 2.5
            (eval '(exact->inexact 5/2) (scheme-report-environment 5)))
(test-error "an unknown library" (environment '(no such library)))

(test-end "6.12-eval")
