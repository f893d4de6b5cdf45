;;; R7RS-small section 6.7: strings (string-map and string-for-each are in
;;; 6.10-control.scm, as in the report). Expected values come from the examples
;;; and text of the report.

(test-begin "6.7-strings")

;; Syntax and escapes
(test-equal 39 (string-length "The word \"recursion\" has many meanings."))
(test-equal #\" (string-ref "a\"b" 1))
(test-equal #\newline (string-ref "Another example:\ntwo lines of text" 16))
(test-equal "Here's text containing just one line"
            "Here's text \
             containing just one line")
(test-equal #\x3B1 (string-ref "\x03B1; is named GREEK SMALL LETTER ALPHA." 0))
(test-equal '(7 8 9 10 13 34 92 124)
            (map char->integer (string->list "\a\b\t\n\r\"\\\|")))
(test-equal "A" "\x41;")
(test-equal 3 (string-length "a
b"))
(test-equal #\newline (string-ref "a
b" 1))

;; Constructors and accessors
(test-equal #t (string? "abc"))
(test-equal #f (string? 'abc))
(test-equal #f (string? #\a))
(test-equal "***" (make-string 3 #\*))
(test-equal 3 (string-length (make-string 3)))
(test-equal "" (make-string 0 #\a))
(test-equal "abc" (string #\a #\b #\c))
(test-equal "" (string))
(test-equal 0 (string-length ""))
(test-equal 3 (string-length "abc"))
(test-equal 2 (string-length "λμ"))
(test-equal #\b (string-ref "abc" 1))
(test-equal #\μ (string-ref "λμ" 1))
(test-error (string-ref "abc" 3))
(test-error (string-ref "abc" -1))
(define (f) (make-string 3 #\*))
(test-equal "?**" (let ((s (f))) (string-set! s 0 #\?) s))
(test-equal "aλc" (let ((s (string #\a #\b #\c))) (string-set! s 1 #\λ) s))
(test-error (string-set! (make-string 2 #\a) 2 #\b))

;; Comparison
(test-equal #t (string=? "abc" "abc"))
(test-equal #f (string=? "abc" "abd"))
(test-equal #f (string=? "abc" "ab"))
(test-equal #t (string=? "a" "a" "a"))
(test-equal #f (string=? "a" "a" "b"))
(test-equal #t (string<? "abc" "abd"))
(test-equal #t (string<? "ab" "abc"))
(test-equal #f (string<? "abc" "abc"))
(test-equal #t (string<? "a" "b" "c"))
(test-equal #f (string<? "a" "c" "b"))
(test-equal #t (string>? "b" "a"))
(test-equal #t (string<=? "a" "a" "b"))
(test-equal #t (string>=? "b" "b" "a"))
(test-equal #t (string-ci=? "abc" "ABC"))
(test-equal #t (string-ci=? "abc" "ABC" "aBc"))
(test-equal #f (string-ci=? "abc" "ABD"))
(test-equal #t (string-ci<? "abc" "ABD"))
(test-equal #t (string-ci>? "ABD" "abc"))
(test-equal #t (string-ci<=? "abc" "ABC"))
(test-equal #t (string-ci>=? "abc" "ABC"))
(test-equal "string-ci=? compares after full case folding" #t (string-ci=? "Straße" "STRASSE"))

;; Case conversion
(test-equal "ABDEGH" (string-upcase "AbdEgH"))
(test-equal "abdegh" (string-downcase "AbdEgH"))
(test-equal "abdegh" (string-foldcase "AbdEgH"))
(test-equal "full uppercasing can lengthen a string" "STRASSE" (string-upcase "Straße"))
(test-equal "strasse" (string-foldcase "Straße"))
(test-equal "ΧΑΟΣ" (string-upcase "χαος"))
(test-equal "123 !" (string-upcase "123 !"))

;; substring, string-append
(test-equal "bc" (substring "abcd" 1 3))
(test-equal "" (substring "abcd" 2 2))
(test-equal "abcd" (substring "abcd" 0 4))
(test-error (substring "abcd" 2 5))
(test-error (substring "abcd" 3 2))
(test-equal "abcdef" (string-append "abc" "def"))
(test-equal "" (string-append))
(test-equal "abc" (string-append "a" "" "bc"))
(test-equal "string-append returns a new string" "abc"
            (let* ((s (string #\a #\b #\c))
                   (t (string-append s)))
              (string-set! t 0 #\z)
              s))

;; string->list, list->string
(test-equal '(#\a #\b #\c) (string->list "abc"))
(test-equal '(#\b #\c) (string->list "abc" 1))
(test-equal '(#\b) (string->list "abc" 1 2))
(test-equal '() (string->list ""))
(test-equal "abc" (list->string '(#\a #\b #\c)))
(test-equal "" (list->string '()))
(test-equal "λx" (list->string (list #\λ #\x)))

;; string-copy, string-copy!, string-fill!
(test-equal "abc" (string-copy "abc"))
(test-equal "bc" (string-copy "abc" 1))
(test-equal "b" (string-copy "abc" 1 2))
(test-equal #f (let ((s "abc")) (eq? s (string-copy s))))
(test-equal "string-copy returns a fresh mutable string" "abc"
            (let* ((s (string #\a #\b #\c))
                   (c (string-copy s)))
              (string-set! c 0 #\z)
              s))
(define a "12345")
(define b (string-copy "abcde"))
(string-copy! b 1 a 0 2)
(test-equal "a12de" b)
(test-equal "overlapping string-copy! to the right" "aabcd"
            (let ((s (string-copy "abcde")))
              (string-copy! s 1 s 0 4)
              s))
(test-equal "overlapping string-copy! to the left" "bcdee"
            (let ((s (string-copy "abcde")))
              (string-copy! s 0 s 1)
              s))
(test-equal "xyz" (let ((s (make-string 3 #\a))) (string-copy! s 0 "xyz") s))
(test-error (string-copy! (make-string 2 #\a) 0 "xyz"))
(test-equal "zzz" (let ((s (make-string 3 #\a))) (string-fill! s #\z) s))
(test-equal "azz" (let ((s (make-string 3 #\a))) (string-fill! s #\z 1) s))
(test-equal "aza" (let ((s (make-string 3 #\a))) (string-fill! s #\z 1 2) s))

(test-end "6.7-strings")
