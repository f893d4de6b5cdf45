;;; R7RS-small chapter 5: program structure (definitions, define-values,
;;; define-record-type, define-syntax at top level and in bodies).
;;; Expected values come from the examples and text of the report.

(test-begin "5-program-structure")

;; 5.3 Variable definitions
(define add3
  (lambda (x) (+ x 3)))
(test-equal 6 (add3 3))
(define first car)
(test-equal 1 (first '(1 2)))
(define (proc-form a b) (+ a b))
(test-equal 3 (proc-form 1 2))
(define (rest-form a . rest) (list a rest))
(test-equal '(1 (2 3)) (rest-form 1 2 3))
(define (all-rest . args) args)
(test-equal '(1 2) (all-rest 1 2))
(test-equal '() (all-rest))
(define redefined 1)
(define redefined 2)
(test-equal "a top-level define of a defined variable acts as set!" 2 redefined)
(begin (define spliced-a 1) (define spliced-b 2))
(test-equal "definitions in a top-level begin are top-level definitions" 3
            (+ spliced-a spliced-b))

;; 5.3.2 Internal definitions
(test-equal 45
            (let ((x 5))
              (define foo (lambda (y) (bar x y)))
              (define bar (lambda (a b) (+ (* a b) a)))
              (foo (+ x 3))))
(test-equal "internal definitions are mutually recursive" #t
            (let ()
              (define (ev? n) (if (= n 0) #t (od? (- n 1))))
              (define (od? n) (if (= n 0) #f (ev? (- n 1))))
              (ev? 100)))
(test-equal "internal definitions shadow globals" 'inner
            (let ()
              (define add3 'inner)
              add3))
(test-equal "add3 is unchanged outside" 6 (add3 3))
(test-equal "internal definitions inside a begin are spliced" 3
            (let ()
              (begin (define a 1) (define b 2))
              (+ a b)))
(test-equal "internal definitions in lambda, let* and letrec bodies" '(1 2 3)
            (list ((lambda () (define v 1) v))
                  (let* ((w 1)) (define v (+ w 1)) v)
                  (letrec ((w 2)) (define v (+ w 1)) v)))

;; 5.3.3 Multiple-value definitions
(define-values (root rem) (exact-integer-sqrt 17))
(test-equal '(4 1) (list root rem))
(test-equal 3
            (let ()
              (define-values (x y) (values 1 2))
              (+ x y)))
(define-values (dv-first . dv-rest) (values 1 2 3))
(test-equal 1 dv-first)
(test-equal '(2 3) dv-rest)
(define-values dv-all (values 4 5))
(test-equal '(4 5) dv-all)
(define-values () (values))
(test-equal "define-values inside a body" '(a (b c))
            (let ()
              (define-values (h . t) (values 'a 'b 'c))
              (list h t)))

;; 5.4 Syntax definitions
(define-syntax kons-macro
  (syntax-rules ()
    ((_ a b) (cons a b))))
(test-equal '(1 . 2) (kons-macro 1 2))

;; 5.5 Record-type definitions
(define-record-type <pare>
  (kons x y)
  pare?
  (x kar set-kar!)
  (y kdr))
(test-equal #t (pare? (kons 1 2)))
(test-equal #f (pare? (cons 1 2)))
(test-equal 1 (kar (kons 1 2)))
(test-equal 2 (kdr (kons 1 2)))
(test-equal 3
            (let ((k (kons 1 2)))
              (set-kar! k 3)
              (kar k)))
(test-equal "mutating one record leaves another alone" 1
            (let ((k1 (kons 1 2)) (k2 (kons 1 2)))
              (set-kar! k1 10)
              (kar k2)))
(define-record-type point
  (make-point x y)
  point?
  (x point-x set-point-x!)
  (y point-y set-point-y!)
  (tag point-tag set-point-tag!))
(test-equal "constructor with fields in the order given" '(3 4)
            (let ((p (make-point 3 4))) (list (point-x p) (point-y p))))
(test-equal "a field not in the constructor can be set" 'red
            (let ((p (make-point 0 0)))
              (set-point-tag! p 'red)
              (point-tag p)))
(define-record-type <reordered>
  (make-reordered b a)
  reordered?
  (a reordered-a)
  (b reordered-b))
(test-equal "constructor arguments follow the constructor's field list" '(1 2)
            (let ((r (make-reordered 2 1)))
              (list (reordered-a r) (reordered-b r))))
(test-equal "record types are distinct" #f (point? (kons 1 2)))
(test-equal #f (pare? (make-point 1 2)))
(test-equal "records are a new type" '(#f #f #f #f #f)
            (let ((k (kons 1 2)))
              (list (pair? k) (vector? k) (procedure? k) (symbol? k) (string? k))))
(test-equal #f (pare? 5))
(test-error "an accessor applied to another record type" (kar (make-point 1 2)))
(test-equal "define-record-type inside a body" 'inner
            (let ()
              (define-record-type box (make-box v) box? (v unbox))
              (unbox (make-box 'inner))))

(test-end "5-program-structure")
