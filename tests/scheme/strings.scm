;; Strings: lengths and indexes count characters, not bytes.

(string? "abc")                  ; => #t
(string? #\a)                    ; => #f
(string? 'abc)                   ; => #f
(make-string 3 #\x)              ; => "xxx"
(make-string 0 #\x)              ; => ""
(string-length (make-string 4))  ; => 4
(make-string -1 #\a)             ; error: range at (make-string -1 #\a)
(make-string 2 "a")              ; error: type at (make-string 2 "a")
(make-string (expt 2 40) #\a)    ; error: memory at (make-string (expt 2 40) #\a)
(string #\a #\b #\c)             ; => "abc"
(string)                         ; => ""
(string #\a "b")                 ; error: type at (string #\a "b")

(string-length "hello")          ; => 5
(string-length "")               ; => 0
(string-length "λx")             ; => 2
(string-length "日本語")          ; => 3
(string-ref "hello" 1)           ; => #\e
(string-ref "λx" 1)              ; => #\x
(char->integer (string-ref "λx" 0)) ; => 955
(string-ref "hello" 5)           ; error: range at (string-ref "hello" 5)
(string-ref "hello" -1)          ; error: range at (string-ref "hello" -1)
(string-ref 'hello 0)            ; error: type at (string-ref 'hello 0)
(string-length 5)                ; error: type at (string-length 5)

(define s (make-string 3 #\a))
(string-set! s 1 #\b)
s                                ; => "aba"
(string-set! s 0 #\x3BB)
(string-length s)                ; => 3
(string-set! s 3 #\c)            ; error: range at (string-set! s 3 #\c)
(string-set! s 0 "c")            ; error: type at (string-set! s 0 "c")

(substring "hello world" 6 11)   ; => "world"
(substring "hello" 1 3)          ; => "el"
(substring "hello" 2)            ; => "llo"
(substring "hello" 3 3)          ; => ""
(substring "hello" 3 2)          ; error: range at (substring "hello" 3 2)
(substring "hello" 0 6)          ; error: range at (substring "hello" 0 6)
(string-append "foo" "bar")      ; => "foobar"
(string-append "a" "" "λ" "b")   ; => "aλb"
(string-append)                  ; => ""
(string-append "a" #\b)          ; error: type at (string-append "a" #\b)
(string-copy "abc")              ; => "abc"
(string-copy "abcde" 2)          ; => "cde"
(string-copy "abcde" 1 3)        ; => "bc"
(let* ((a "abc") (b (string-copy a)))
  (string-set! b 0 #\z)
  (list a b))                    ; => ("abc" "zbc")

(define t (string-copy "abcde"))
(string-copy! t 1 "XY")
t                                ; => "aXYde"
(string-copy! t 0 "0123" 2 4)
t                                ; => "23Yde"
(define u (string-copy "abcde"))
(string-copy! u 1 u 0 3)
u                                ; => "aabce"
(string-copy! u 4 "xy")          ; error: range at (string-copy! u 4 "xy")
(define f (make-string 5 #\-))
(string-fill! f #\*)
f                                ; => "*****"
(string-fill! f #\o 1 3)
f                                ; => "*oo**"
(string-fill! f #\o 4 2)         ; error: range at (string-fill! f #\o 4 2)

(string->list "abc")             ; => (#\a #\b #\c)
(string->list "abc" 1)           ; => (#\b #\c)
(string->list "abc" 1 2)         ; => (#\b)
(string->list "")                ; => ()
(list->string '(#\h #\i))        ; => "hi"
(list->string '())               ; => ""
(list->string '(1 2))            ; error: type at (list->string '(1 2))
(string->vector "abc")           ; => #(#\a #\b #\c)
(string->vector "abc" 2)         ; => #(#\c)
(vector->string (vector #\x #\y #\z)) ; => "xyz"
(vector->string (vector #\x #\y #\z) 1 2) ; => "y"
(vector->string (vector 1 2))    ; error: type at (vector->string (vector 1 2))

(string=? "abc" "abc")           ; => #t
(string=? "abc" "abc" "abd")     ; => #f
(string=? "abc")                 ; => #t
(string<? "abc" "abd")           ; => #t
(string<? "ab" "abc")            ; => #t
(string<? "abc" "abc")           ; => #f
(string<? "a" "b" "c")           ; => #t
(string>? "b" "a")               ; => #t
(string<=? "a" "a" "b")          ; => #t
(string>=? "a" "b")              ; => #f
(string<? "Z" "a")               ; => #t
(string=? "a" 'a)                ; error: type at (string=? "a" 'a)
(string-ci=? "Hello" "hELLO")    ; => #t
(string-ci=? "Straße" "STRASSE") ; => #t
(string-ci<? "apple" "Banana")   ; => #t
(string-ci>? "Zebra" "apple")    ; => #t
(string-ci<=? "a" "A")           ; => #t
(string-ci>=? "a" "B")           ; => #f

(string-upcase "hello")          ; => "HELLO"
(string-upcase "straße")         ; => "STRASSE"
(string-downcase "HeLLo")        ; => "hello"
(string-foldcase "Straße")       ; => "strasse"
(string-length (string-upcase "straße")) ; => 7

(string-index "hello" #\l)       ; => 2
(string-index "hello" #\z)       ; => #f
(string-index "hello world" char-whitespace?) ; => 5
(string-index "abc" char-numeric?) ; => #f
(string-contains "hello world" "o w") ; => 4
(string-contains "hello" "")     ; => 0
(string-contains "hello" "xyz")  ; => #f
(string-contains "αβγ" "γ")      ; => 2
(string-prefix? "he" "hello")    ; => #t
(string-prefix? "hello" "he")    ; => #f
(string-suffix? "lo" "hello")    ; => #t
(string-suffix? "he" "hello")    ; => #f

(string-join '("a" "b" "c"))     ; => "a b c"
(string-join '("a" "b" "c") ", ") ; => "a, b, c"
(string-join '())                ; => ""
(string-join '("x"))             ; => "x"
(string-join '(1 2))             ; error: type at (string-join '(1 2))
(string-split "a,b,,c" #\,)      ; => ("a" "b" "" "c")
(string-split "" #\,)            ; => ("")
(string-split "abc" #\,)         ; => ("abc")
(string-split "a::b::c" "::")    ; => ("a" "b" "c")
(string-split "abc" 5)           ; error: type at (string-split "abc" 5)

(string-null? "")                ; => #t
(string-null? "a")               ; => #f
(string-reverse "hello")         ; => "olleh"
(string-reverse "")              ; => ""
(string-trim "  hi there  ")     ; => "hi there"
(string-trim-left "  hi  ")      ; => "hi  "
(string-trim-right "  hi  ")     ; => "  hi"
(string-trim "   ")              ; => ""
(string-trim-both "  hi  ")      ; => "hi"
(string-trim "xxhixx" #\x)       ; => "hi"
(string-trim-right "abc!!" #\!)  ; => "abc"
(string-trim " hi " 5)           ; error: type at (string-trim " hi " 5)

(string-map char-upcase "abc")   ; => "ABC"
(string-map (lambda (a b) (if (char<? a b) a b)) "adcz" "bbbb") ; => "abbb"
(string-map (lambda (c) 1) "abc") ; error: type at (string-map (lambda (c) 1) "abc")
(string-for-each (lambda (c) (display (char->integer c)) (display ",")) "AB") ; out: 65,66,
(let ((n 0))
  (string-for-each (lambda (a b) (set! n (+ n 1))) "abc" "de")
  n)                             ; => 2
(string-for-each 5 "abc")        ; error: type at (string-for-each 5 "abc")
(string-map (lambda (c) 1) "a")  ; error: type at (string-map (lambda (c) 1) "a")
(string-map char-upcase "ab" "xyz") ; error: arity at (string-map char-upcase "ab" "xyz")
(string-map (lambda (a b) b) "ab" "xyz") ; => "xy"

(string-length (make-string 1000000 #\z))          ; => 1000000
(length (string->list (make-string 1000000 #\z)))  ; => 1000000
