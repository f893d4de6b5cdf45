;; Bytevectors.

(bytevector 1 2 3)               ; => #u8(1 2 3)
(bytevector)                     ; => #u8()
(bytevector 0 255)               ; => #u8(0 255)
(bytevector 256)                 ; error: range at (bytevector 256)
(bytevector -1)                  ; error: range at (bytevector -1)
(bytevector 1.0)                 ; error: type at (bytevector 1.0)
(bytevector #\a)                 ; error: type at (bytevector #\a)
(make-bytevector 3 7)            ; => #u8(7 7 7)
(make-bytevector 2)              ; => #u8(0 0)
(make-bytevector 0 1)            ; => #u8()
(make-bytevector -1)             ; error: range at (make-bytevector -1)
(make-bytevector 2 300)          ; error: range at (make-bytevector 2 300)
(make-bytevector (expt 2 50))    ; error: memory at (make-bytevector (expt 2 50))
(make-bytevector 2.5)            ; error: type at (make-bytevector 2.5)
(make-bytes 4)                   ; => #u8(0 0 0 0)
(make-bytes 2 9)                 ; => #u8(9 9)
(bytevector-length (make-bytes 100000)) ; => 100000
(bytevector? (bytevector))       ; => #t
(bytevector? (vector))           ; => #f
(bytevector? "abc")              ; => #f

(define b (bytevector 10 20 30))
(bytevector-length b)            ; => 3
(bytevector-u8-ref b 0)          ; => 10
(bytevector-u8-ref b 2)          ; => 30
(bytevector-u8-ref b 3)          ; error: range at (bytevector-u8-ref b 3)
(bytevector-u8-ref b -1)         ; error: range at (bytevector-u8-ref b -1)
(bytevector-u8-set! b 0 255)
b                                ; => #u8(255 20 30)
(bytevector-u8-set! b 0 256)     ; error: range at (bytevector-u8-set! b 0 256)
(bytevector-u8-set! b 5 1)       ; error: range at (bytevector-u8-set! b 5 1)
(bytevector-u8-set! b 0 'x)      ; error: type at (bytevector-u8-set! b 0 'x)
(bytevector-length "abc")        ; error: type at (bytevector-length "abc")

(bytevector-copy (bytevector 1 2 3 4 5))     ; => #u8(1 2 3 4 5)
(bytevector-copy (bytevector 1 2 3 4 5) 3)   ; => #u8(4 5)
(bytevector-copy (bytevector 1 2 3 4 5) 1 2) ; => #u8(2)
(bytevector-copy (bytevector 1 2 3) 2 1)     ; error: range at (bytevector-copy (bytevector 1 2 3) 2 1)
(let* ((a (bytevector 1 2 3)) (c (bytevector-copy a)))
  (bytevector-u8-set! c 0 99)
  a)                             ; => #u8(1 2 3)

(define d (bytevector 1 2 3 4 5))
(bytevector-copy! d 1 (bytevector 9 9))
d                                ; => #u8(1 9 9 4 5)
(bytevector-copy! d 0 (bytevector 7 8 9) 1 3)
d                                ; => #u8(8 9 9 4 5)
(define o (bytevector 1 2 3 4 5))
(bytevector-copy! o 1 o 0 4)
o                                ; => #u8(1 1 2 3 4)
(define o2 (bytevector 1 2 3 4 5))
(bytevector-copy! o2 0 o2 1)
o2                               ; => #u8(2 3 4 5 5)
(bytevector-copy! d 4 (bytevector 1 2)) ; error: range at (bytevector-copy! d 4 (bytevector 1 2))

(bytevector-append (bytevector 1) (bytevector) (bytevector 2 3)) ; => #u8(1 2 3)
(bytevector-append)              ; => #u8()
(bytevector-append (bytevector 1) "x") ; error: type at (bytevector-append (bytevector 1) "x")
(define z (make-bytevector 5 0))
(bytevector-fill! z 1)
z                                ; => #u8(1 1 1 1 1)
(bytevector-fill! z 2 1 3)
z                                ; => #u8(1 2 2 1 1)
(bytevector-fill! z 256)         ; error: range at (bytevector-fill! z 256)

(string->utf8 "abc")             ; => #u8(97 98 99)
(string->utf8 "λx")              ; => #u8(206 187 120)
(string->utf8 "aλb" 1)           ; => #u8(206 187 98)
(string->utf8 "aλb" 1 2)         ; => #u8(206 187)
(string->utf8 "")                ; => #u8()
(string->utf8 "ab" 3)            ; error: range at (string->utf8 "ab" 3)
(utf8->string (bytevector 104 105)) ; => "hi"
(utf8->string (bytevector 206 187 120)) ; => "λx"
(utf8->string (bytevector 65 66 67) 1)  ; => "BC"
(utf8->string (bytevector 65 66 67) 0 2) ; => "AB"
(utf8->string (bytevector 65 255 67)) ; error: type at (utf8->string (bytevector 65 255 67))
(utf8->string (bytevector 120 206 187) 0 2) ; error: type at (utf8->string (bytevector 120 206 187) 0 2)
(string-length (utf8->string (string->utf8 "日本語"))) ; => 3
(utf8->string (string->utf8 "round trip λ")) ; => "round trip λ"
