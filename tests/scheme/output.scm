;; display, write and friends.

(display "hello")                   ; out: hello
(write "hello")                     ; out: "hello"
(display #\a)                       ; out: a
(write #\a)                         ; out: #\a
(write #\space)                     ; out: #\space
(write #\newline)                   ; out: #\\newline
(write #\tab)                       ; out: #\tab
(write #\x0)                        ; out: #\\null
(write "a\nb\t\"q\"\\")             ; out: "a\\nb\\t\\"q\\"\\\\"
(display "a\nb")                    ; out: a\nb
(newline)                           ; out: \n
(display '(1 "two" #\3 (4.5)))      ; out: (1 two 3 (4.5))
(write '(1 "two" #\3 (4.5)))        ; out: (1 "two" #\3 (4.5))
(write '(1 . 2))                    ; out: (1 . 2)
(write '(1 2 . 3))                  ; out: (1 2 . 3)
(write '(quote x))                  ; out: (quote x)
(write ''x)                         ; out: (quote x)
(write '#(1 #(2) "s"))              ; out: #(1 #(2) "s")
(write #u8(1 2 3))                  ; out: #u8(1 2 3)
(write '())                         ; out: ()
(write #t)                          ; out: #t
(write #f)                          ; out: #f
(write 'sym)                        ; out: sym
(write car)                         ; out: #<procedure car>
(define (square x) (* x x))
(write square)                      ; out: #<procedure square>
(write (make-hash-table))           ; out: #<hash-table 0>
(display 42)                        ; out: 42
(display -7)                        ; out: -7
(display 1.5)                       ; out: 1.5

;; Cycles print with datum labels.
(define c (list 1 2))
(set-cdr! (cdr c) c)
(write c)                           ; out: #0=(1 2 . #0#)
(display c)                         ; out: #0=(1 2 . #0#)
(set-cdr! (cdr c) '())
(define vec (vector 1 2))
(vector-set! vec 1 vec)
(write vec)                         ; out: #0=#(1 #0#)
(vector-set! vec 1 2)
(define shared (list 1))
(write (list shared shared))        ; out: ((1) (1))
(write-shared (list shared shared)) ; out: (#0=(1) #0#)
(write-simple '(1 "a"))             ; out: (1 "a")

(write-string "hello")              ; out: hello
(write-string "hello" (current-output-port) 1 3) ; out: el
(write-string "hello" (current-output-port) 2 9) ; error: range at (write-string "hello" (current-output-port) 2 9)
(write-char #\z)                    ; out: z
(display "x" (current-output-port)) ; out: x
(write "x" (current-output-port))   ; out: "x"
(newline (current-output-port))     ; out: \n
(display "x" 5)                     ; error: type at (display "x" 5)
(write-char "z")                    ; error: type at (write-char "z")
(println "a" 1 'b)                  ; out: a1b\n
(println)                           ; out: \n
(flush-output-port)
(begin (display 1) (display " ") (write "2") (newline)) ; out: 1 "2"\n

;; Long and deep lists print without exhausting the stack.
(define (nest n)
  (let loop ((i 0) (acc '()))
    (if (= i n) acc (loop (+ i 1) (list acc)))))
(display (length (iota 1000000)))   ; out: 1000000
