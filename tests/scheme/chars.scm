;; Characters: predicates, conversions, comparisons, classification, case.

(char? #\a)                      ; => #t
(char? "a")                      ; => #f
(char? 97)                       ; => #f
(char->integer #\A)              ; => 65
(char->integer #\space)          ; => 32
(char->integer #\x3BB)           ; => 955
(integer->char 97)               ; => #\a
(integer->char 48)               ; => #\0
(char->integer (integer->char 1114111)) ; => 1114111
(integer->char 55296)            ; error: range at (integer->char 55296)
(integer->char 57343)            ; error: range at (integer->char 57343)
(integer->char 1114112)          ; error: range at (integer->char 1114112)
(integer->char -1)               ; error: range at (integer->char -1)
(integer->char #\a)              ; error: type at (integer->char #\a)
(char->integer "a")              ; error: type at (char->integer "a")

(char=? #\a #\a)                 ; => #t
(char=? #\a #\a #\b)             ; => #f
(char=? #\a)                     ; => #t
(char<? #\a #\b #\c)             ; => #t
(char<? #\a #\c #\b)             ; => #f
(char>? #\c #\b #\a)             ; => #t
(char<=? #\a #\a #\b)            ; => #t
(char>=? #\b #\b #\c)            ; => #f
(char<? #\Z #\a)                 ; => #t
(char<? #\a 1)                   ; error: type at (char<? #\a 1)
(char-ci=? #\a #\A)              ; => #t
(char-ci=? #\a #\A #\b)          ; => #f
(char-ci<? #\a #\B)              ; => #t
(char-ci>? #\Z #\a)              ; => #t
(char-ci<=? #\a #\A #\b)         ; => #t
(char-ci>=? #\a #\B)             ; => #f

(char-alphabetic? #\a)           ; => #t
(char-alphabetic? #\x3BB)        ; => #t
(char-alphabetic? #\1)           ; => #f
(char-alphabetic? #\space)       ; => #f
(char-numeric? #\7)              ; => #t
(char-numeric? #\x663)           ; => #t
(char-numeric? #\a)              ; => #f
(char-whitespace? #\space)       ; => #t
(char-whitespace? #\newline)     ; => #t
(char-whitespace? #\tab)         ; => #t
(char-whitespace? #\a)           ; => #f
(char-upper-case? #\A)           ; => #t
(char-upper-case? #\a)           ; => #f
(char-upper-case? #\1)           ; => #f
(char-lower-case? #\a)           ; => #t
(char-lower-case? #\A)           ; => #f
(char-alphabetic? "a")           ; error: type at (char-alphabetic? "a")

(char-upcase #\a)                ; => #\A
(char-upcase #\A)                ; => #\A
(char-upcase #\1)                ; => #\1
(char-downcase #\A)              ; => #\a
(char-foldcase #\A)              ; => #\a
(char->integer (char-upcase #\x3BB))   ; => 923
(char->integer (char-downcase #\x3A3))  ; => 963
(char->integer (char-foldcase #\x3C2))  ; => 963
(char->integer (char-upcase #\xDF))     ; => 223
(digit-value #\3)                ; => 3
(digit-value #\0)                ; => 0
(digit-value #\x664)             ; => 4
(digit-value #\a)                ; => #f
(digit-value #\x00BD)            ; => #f
(digit-value 3)                  ; error: type at (digit-value 3)

(let loop ((c #\a) (n 0))
  (if (char<=? c #\z)
      (loop (integer->char (+ 1 (char->integer c))) (+ n 1))
      n))                        ; => 26
