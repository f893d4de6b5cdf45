;; The numeric tower: fixnums, bignums, exact rationals, flonums.
;; Expected values follow R7RS (checked against Guile 3.0 where Guile agrees;
;; the flonum notation and the few documented differences are marked).

;; Arithmetic and arity
(+)                                  ; => 0
(*)                                  ; => 1
(+ 1 2 3 4)                          ; => 10
(- 10)                               ; => -10
(- 10 1 2 3)                         ; => 4
(* 2 3 4)                            ; => 24
(/ 2)                                ; => 1/2
(/ 12 2 3)                           ; => 2
(/ 1 3)                              ; => 1/3
(/ 6 4)                              ; => 3/2
(/ -3 6)                             ; => -1/2
(+ 1/3 2/3)                          ; => 1
(* 2/3 3/4)                          ; => 1/2
(- 1/2 1/3)                          ; => 1/6
(+ 1 0.5)                            ; => 1.5
(* 1/2 3.0)                          ; => 1.5
(-)                                  ; error: arity at (-)
(/)                                  ; error: arity at (/)
(+ 1 'a)                             ; error: type at (+ 1 'a)
(* 2 "3")                            ; error: type at (* 2 "3")
(/ 1 0)                              ; error: division-by-zero at (/ 1 0)
(/ 1/2 0)                            ; error: division-by-zero at (/ 1/2 0)
(/ 1.0 0)                            ; => +inf.0
(/ -1 0.0)                           ; => -inf.0
(/ 0.0 0)                            ; => +nan.0

;; Fixnum overflow promotes to bignums and back
(+ 9223372036854775807 1)            ; => 9223372036854775808
(- -9223372036854775808 1)           ; => -9223372036854775809
(* 9223372036854775807 2)            ; => 18446744073709551614
(- (+ 9223372036854775807 1) 1)      ; => 9223372036854775807
(exact-integer? (- (+ 9223372036854775807 1) 1)) ; => #t
(- -9223372036854775808)             ; => 9223372036854775808
(abs -9223372036854775808)           ; => 9223372036854775808
(* 99999999999 99999999999)          ; => 9999999999800000000001
(quotient (expt 10 30) 1000)         ; => 1000000000000000000000000000
(remainder (expt 10 30) 7)           ; => 1
(/ (expt 10 20) (expt 10 18))        ; => 100
(/ (expt 2 70) (expt 2 72))          ; => 1/4

;; Comparisons
(= 1 1 1)                            ; => #t
(= 1 1.0)                            ; => #t
(= 1/2 0.5)                          ; => #t
(< 1 2 3)                            ; => #t
(< 1 3 2)                            ; => #f
(> 3 2 1)                            ; => #t
(<= 1 1 2)                           ; => #t
(>= 2 2 3)                           ; => #f
(< 1/3 0.3334)                       ; => #t
(< (expt 2 100) 1e31)                ; => #t
(> (expt 2 100) 1e30)                ; => #t
(= 9007199254740993 9007199254740992.0) ; => #f
(< 9007199254740992.0 9007199254740993) ; => #t
(< 1 +inf.0)                         ; => #t
(> (expt 10 400) +inf.0)             ; => #f
(= +nan.0 +nan.0)                    ; => #f
(< 1 +nan.0)                         ; => #f
(< 1 'a)                             ; error: type at (< 1 'a)

;; Integer division
(quotient 17 5)                      ; => 3
(quotient 17 -5)                     ; => -3
(remainder 17 -5)                    ; => 2
(remainder -17 5)                    ; => -2
(modulo 17 -5)                       ; => -3
(modulo -17 5)                       ; => 3
(modulo -7 2)                        ; => 1
(floor-quotient -7 2)                ; => -4
(floor-remainder -7 2)               ; => 1
(truncate-quotient -7 2)             ; => -3
(truncate-remainder -7 2)            ; => -1
(call-with-values (lambda () (floor/ -7 2)) list)    ; => (-4 1)
(call-with-values (lambda () (truncate/ -7 2)) list) ; => (-3 -1)
(modulo -7.0 2)                      ; => 1.0
(quotient 7.0 2)                     ; => 3.0
(quotient -9223372036854775808 -1)   ; => 9223372036854775808
(modulo (- (expt 2 64)) 10)          ; => 4
(quotient 1 0)                       ; error: division-by-zero at (quotient 1 0)
(modulo 10 0)                        ; error: division-by-zero at (modulo 10 0)
(quotient 1.5 1)                     ; error: type at (quotient 1.5 1)

;; abs, min, max, gcd, lcm
(abs -7)                             ; => 7
(abs -7/2)                           ; => 7/2
(abs -2.5)                           ; => 2.5
(max 1 2 3)                          ; => 3
(min 1 2 3)                          ; => 1
(max 1 2.0)                          ; => 2.0
(min 1 2.0)                          ; => 1.0
(max 1/2 1/3)                        ; => 1/2
(min 'a 1)                           ; error: type at (min 'a 1)
(gcd)                                ; => 0
(gcd 32 -36)                         ; => 4
(gcd 0 5)                            ; => 5
(lcm)                                ; => 1
(lcm 32 -36)                         ; => 288
(lcm 4 6 10)                         ; => 60
(gcd (expt 2 80) (expt 6 40))        ; => 1099511627776

;; expt
(expt 2 10)                          ; => 1024
(expt 2 100)                         ; => 1267650600228229401496703205376
(expt 2 -2)                          ; => 1/4
(expt 2/3 3)                         ; => 8/27
(expt 0 0)                           ; => 1
(expt 0 5)                           ; => 0
(expt 2.0 3)                         ; => 8.0
(expt 2 0.5)                         ; => 1.4142135623730951
(expt 4 1/2)                         ; => 2.0
(expt -1 1000000000001)              ; => -1
(expt 0 -1)                          ; error: division-by-zero at (expt 0 -1)
(expt 2 (expt 2 40))                 ; error: memory at (expt 2 (expt 2 40))

;; Exactness
(exact 0.5)                          ; => 1/2
(exact 3.0)                          ; => 3
(exact -0.125)                       ; => -1/8
(inexact 1/4)                        ; => 0.25
(exact->inexact 1/2)                 ; => 0.5
(inexact->exact 0.25)                ; => 1/4
(exact 1e20)                         ; => 100000000000000000000
(exact +inf.0)                       ; error: range at (exact +inf.0)
(exact +nan.0)                       ; error: range at (exact +nan.0)

;; Rounding: ties go to even
(floor 2.5)                          ; => 2.0
(ceiling 2.5)                        ; => 3.0
(truncate -2.7)                      ; => -2.0
(round 2.5)                          ; => 2.0
(round 3.5)                          ; => 4.0
(round -2.5)                         ; => -2.0
(round 7/2)                          ; => 4
(round 5/2)                          ; => 2
(round 7/3)                          ; => 2
(floor -7/2)                         ; => -4
(ceiling -7/2)                       ; => -3
(truncate -7/2)                      ; => -3
(round 7)                            ; => 7

;; Roots
(sqrt 16)                            ; => 4
(sqrt 1/4)                           ; => 1/2
(sqrt 2)                             ; => 1.4142135623730951
(sqrt 16.0)                          ; => 4.0
(sqrt (expt 10 40))                  ; => 100000000000000000000
(call-with-values (lambda () (exact-integer-sqrt 17)) list) ; => (4 1)
(sqrt -4)                            ; error: range at (sqrt -4)
(sqrt -4.0)                          ; error: range at (sqrt -4.0)

;; Predicates
(number? 1)                          ; => #t
(number? 'a)                         ; => #f
(complex? 1.5)                       ; => #t
(real? 1/2)                          ; => #t
(rational? 1/2)                      ; => #t
(rational? 0.5)                      ; => #t
(rational? +inf.0)                   ; => #f
(integer? 2.0)                       ; => #t
(integer? 5/2)                       ; => #f
(integer? "2")                       ; => #f
(exact? 1/2)                         ; => #t
(exact? 0.5)                         ; => #f
(inexact? 0.5)                       ; => #t
(exact? 'a)                          ; error: type at (exact? 'a)
(exact-integer? 5)                   ; => #t
(exact-integer? 5.0)                 ; => #f
(exact-rational? 1/3)                ; => #t
(nan? +nan.0)                        ; => #t
(infinite? -inf.0)                   ; => #t
(finite? 1/3)                        ; => #t
(zero? 0)                            ; => #t
(zero? -0.0)                         ; => #t
(zero? 'a)                           ; error: type at (zero? 'a)
(positive? 1/2)                      ; => #t
(negative? (- (expt 2 70)))          ; => #t
(positive? +nan.0)                   ; => #f
(odd? 7)                             ; => #t
(even? 0)                            ; => #t
(even? (expt 2 70))                  ; => #t
(odd? 3.0)                           ; => #t
(even? 1.5)                          ; error: type at (even? 1.5)

;; Transcendental functions
(exp 0)                              ; => 1.0
(log 1)                              ; => 0.0
(sin 0.0)                            ; => 0.0
(cos 0.0)                            ; => 1.0
(atan 1 1)                           ; => 0.7853981633974483
(log 100 10)                         ; => 2.0
(square 5)                           ; => 25
(square 1/2)                         ; => 1/4
(square 1.5)                         ; => 2.25
(numerator 6/4)                      ; => 3
(denominator 6/4)                    ; => 2
(denominator 5)                      ; => 1
(denominator 0.5)                    ; => 2.0

;; Text: flonums print the shortest digits that read back the same value
(number->string 255 16)              ; => "ff"
(number->string -255 2)              ; => "-11111111"
(number->string 1/3)                 ; => "1/3"
(number->string 0.1)                 ; => "0.1"
(number->string 100.0)               ; => "100.0"
(number->string 123456.789)          ; => "123456.789"
(number->string -0.0)                ; => "-0.0"
(number->string 1e21)                ; => "1.0e21"
(number->string 1e100)               ; => "1.0e100"
(number->string 1.5e-10)             ; => "1.5e-10"
(number->string 1e20)                ; => "100000000000000000000.0"
;; R7RS 6.2.7: an inexact number is written with a decimal point, in every
;; notation, and reads back as the same number.
(number->string 5e-324)              ; => "5.0e-324"
(number->string -2.5e21)             ; => "-2.5e21"
(number->string 1.2345e-7)           ; => "0.00000012345"
(number->string 1.2345e-8)           ; => "1.2345e-8"
(number->string 1e-8)                ; => "1.0e-8"
(number->string 1.7976931348623157e308) ; => "1.7976931348623157e308"
5e-324                               ; => 5.0e-324
1e21                                 ; => 1.0e21
-1e300                               ; => -1.0e300
(display 1e21)                       ; out: 1.0e21
(write 5e-324)                       ; out: 5.0e-324
(display (list 1e22 1.5 -0.0))       ; out: (1.0e22 1.5 -0.0)
(define (reads-back? x)
  (let ((text (number->string x)))
    (and (eqv? (string->number text) x)
         (eqv? (read (open-input-string text)) x)
         (eqv? (read (open-input-string (let ((p (open-output-string))) (write x p) (get-output-string p)))) x))))
(reads-back? 1.5)                    ; => #t
(reads-back? 100.0)                  ; => #t
(reads-back? 1e100)                  ; => #t
(reads-back? 1e21)                   ; => #t
(reads-back? 5e-324)                 ; => #t
(reads-back? -0.0)                   ; => #t
(reads-back? 1.2345e-7)              ; => #t
(reads-back? 1.7976931348623157e308) ; => #t
(reads-back? +inf.0)                 ; => #t
(reads-back? -inf.0)                 ; => #t
(let ((x (string->number (number->string +nan.0)))) (and (real? x) (not (= x x)))) ; => #t
(number->string +nan.0)              ; => "+nan.0"
(number->string (/ 1. 3))            ; => "0.3333333333333333"
(number->string (sqrt -0.0))         ; => "-0.0"
(number->string 10 7)                ; error: range at (number->string 10 7)
(string->number "42")                ; => 42
(string->number "1/3")               ; => 1/3
(string->number "ff" 16)             ; => 255
(string->number "1e3")               ; => 1000.0
(string->number "abc")               ; => #f
(= (string->number (number->string 0.1)) 0.1)         ; => #t
(= (string->number (number->string 1.5e-10)) 1.5e-10) ; => #t
(= (string->number (number->string 1e21)) 1e21)       ; => #t
(let loop ((i 0) (x 0.1) (ok #t))
  (if (= i 200)
      ok
      (loop (+ i 1) (* x 1.37)
            (and ok (= x (string->number (number->string x)))))))  ; => #t
(let ((r (random 10))) (and (exact-integer? r) (<= 0 r 9)))    ; => #t
