;; Datum labels (R7RS 2.4) and the #!fold-case directive (R7RS 2.1).

;; Cycles and shared structure in quoted data.
(let ((x '#0=(a b . #0#))) (eq? x (cddr x)))            ; => #t
(let ((y '(#1=(x) #1#))) (eq? (car y) (cadr y)))        ; => #t
(let ((y '(#1=(x) #1#))) y)                             ; => ((x) (x))
'#0=(1 . #0#)                                           ; => #0=(1 . #0#)
'#0=(a b . #0#)                                         ; => #0=(a b . #0#)
(let ((v '#0=#(1 #0#))) (eq? v (vector-ref v 1)))       ; => #t
(let ((x '#0=#1=(a . #1#))) (eq? x (cdr x)))            ; => #t
(let ((x '(#5=(1) . #5#))) (eq? (car x) (cdr x)))       ; => #t
(let ((x '#0=(#0#))) (eq? x (car x)))                   ; => #t
'(#0=a #0#)                                             ; => (a a)
(car '#0=(1 2 3 . #0#))                                 ; => 1
(list-ref '#0=(1 2 3 . #0#) 7)                          ; => 2

;; Labels are only data: unquoted, they are a syntax error.
#0=(a)                                                  ; error: syntax at #0=(a)
(car #0=(a))                                            ; error: syntax at #0=(a)
(eval '#0=(a . #0#))                                    ; error: type
(eval (list 'quote '#0=(a . #0#)))                      ; error: type
(eval (list 'quote '(#0=(a) #0#)))                      ; => ((a) (a))

;; Reading from string ports.
(let ((x (read (open-input-string "#0=(1 . #0#)")))) (eq? x (cdr x))) ; => #t
(let ((x (read (open-input-string "(#1=(1 2) #1#)")))) (eq? (car x) (cadr x))) ; => #t
(let ((x (read (open-input-string "#1=(1 2) #1=(3 . #1#)")))) (car x)) ; => 1
(let ((p (open-input-string "#0=(a) (#0=b #0#)")))
  (let* ((a (read p)) (b (read p))) (list a b)))        ; => ((a) (b b))
(read (open-input-string "(#7#)"))                      ; error: read
(read (open-input-string "(#0=a #0=b)"))                ; error: read
(read (open-input-string "#0=#0#"))                     ; error: read
(read (open-input-string "#0=(a) #0#"))                 ; => (a)
(read-error? (guard (e (#t e)) (read (open-input-string "#0=#0#")))) ; => #t
(let ((x (list 1 2)))
  (set-cdr! (cdr x) x)
  (let ((back (read (open-input-string (let ((o (open-output-string))) (write x o) (get-output-string o))))))
    (eq? back (cddr back))))                            ; => #t

;; #!fold-case
(let ((p (open-input-string "#!fold-case ABC")))
  (read p))                                             ; => abc
(let ((p (open-input-string "#!fold-case #!no-fold-case Abc #!fold-case ABC")))
  (let* ((a (read p)) (b (read p))) (list a b)))        ; => (Abc abc)
(let ((p (open-input-string "Abc #!fold-case DEF GHI")))
  (let* ((a (read p)) (b (read p)) (c (read p))) (list a b c))) ; => (Abc def ghi)
(let ((p (open-input-string "#!fold-case (#\\NEWLINE |Keep| \"Str\")")))
  (read p))                                             ; => (#\newline Keep "Str")
#!fold-case
(eq? 'HELLO 'hello)                                     ; => #t
(symbol->string 'MixedCase)                             ; => "mixedcase"
#!no-fold-case
(eq? 'HELLO 'hello)                                     ; => #f
