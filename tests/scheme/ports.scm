;; Ports (R7RS 6.13): string, bytevector and file ports, reading, the current
;; ports and redirecting them.

;; Predicates.
(define in (open-input-string "hello"))
(define out (open-output-string))
(port? in)                                  ; => #t
(port? "hello")                             ; => #f
(input-port? in)                            ; => #t
(input-port? out)                           ; => #f
(output-port? out)                          ; => #t
(output-port? in)                           ; => #f
(textual-port? in)                          ; => #t
(binary-port? in)                           ; => #f
(binary-port? (open-input-bytevector #u8(1)))  ; => #t
(textual-port? (open-output-bytevector))    ; => #f
(input-port? (current-input-port))          ; => #t
(output-port? (current-output-port))        ; => #t
(output-port? (current-error-port))         ; => #t
(eq? (current-output-port) (current-output-port)) ; => #t
(input-port-open? in)                       ; => #t
(output-port-open? out)                     ; => #t
(output-port-open? in)                      ; => #f
(write in)                                  ; out: #<input-port>
(write out)                                 ; out: #<output-port>

;; Reading characters, lines and strings.
(peek-char in)                              ; => #\h
(read-char in)                              ; => #\h
(read-char in)                              ; => #\e
(read-string 2 in)                          ; => "ll"
(read-string 10 in)                         ; => "o"
(read-string 10 in)                         ; => #<eof>
(eof-object? (read-char in))                ; => #t
(eof-object? (peek-char in))                ; => #t
(read-char (open-input-string ""))          ; => #<eof>
(read-line (open-input-string ""))          ; => #<eof>
(read-string 0 (open-input-string "abc"))   ; => ""
(char-ready? (open-input-string "x"))       ; => #t
(define lines (open-input-string "first line\nsecond\r\n\nlast"))
(read-line lines)                           ; => "first line"
(read-line lines)                           ; => "second"
(read-line lines)                           ; => ""
(read-line lines)                           ; => "last"
(read-line lines)                           ; => #<eof>
(define (port->lines port)
  (let loop ((line (read-line port)) (acc '()))
    (if (eof-object? line)
        (reverse acc)
        (loop (read-line port) (cons line acc)))))
(port->lines (open-input-string "a\nbb\nccc\n")) ; => ("a" "bb" "ccc")
(read-char (open-input-string "λx"))        ; => #\λ
(eof-object)                                ; => #<eof>
(eof-object? (eof-object))                  ; => #t
(eof-object? '())                           ; => #f

;; read: one datum at a time.
(define data (open-input-string " (a . b) 42 \"str\" #(1 2) #\\x sym ; comment\n 'q"))
(read data)                                 ; => (a . b)
(read data)                                 ; => 42
(read data)                                 ; => "str"
(read data)                                 ; => #(1 2)
(read data)                                 ; => #\x
(read data)                                 ; => sym
(read data)                                 ; => (quote q)
(read data)                                 ; => #<eof>
(read data)                                 ; => #<eof>
(define mixed (open-input-string "(1 2) rest of line\nnext"))
(read mixed)                                ; => (1 2)
(read-line mixed)                           ; => " rest of line"
(read-line mixed)                           ; => "next"
(define (read-all port)
  (let loop ((x (read port)) (acc '()))
    (if (eof-object? x) (reverse acc) (loop (read port) (cons x acc)))))
(read-all (open-input-string "1 2.5 #t \"s\" (x y)")) ; => (1 2.5 #t "s" (x y))
(define bad (open-input-string "ok )"))
(read bad)                                  ; => ok
(read bad)                                  ; error: read at (read bad)
(read (open-input-string "(1 2"))           ; error: read at (read (open-input-string "(1 2"))

;; String output ports.
(define sp (open-output-string))
(write 'abc sp)
(display " " sp)
(write "q" sp)
(write-char #\! sp)
(newline sp)
(write-string "hello" sp 1 3)
(get-output-string sp)                      ; => "abc \"q\"!\nel"
(get-output-string (open-output-string))    ; => ""
(with-output-to-string (lambda () (display "in") (write "side") (newline))) ; => "in\"side\"\n"
(with-output-to-string (lambda () (println "x=" 1) (write-char #\y) (write-string "z"))) ; => "x=1\nyz"
(with-output-to-string (lambda () #t))      ; => ""
(with-output-to-string
  (lambda () (display (with-output-to-string (lambda () (display "inner")))) (display "!"))) ; => "inner!"
(call-with-output-string (lambda (port) (display "via port" port))) ; => "via port"
(define captured (open-output-string))
(with-output-to-string (lambda () (display "kept" captured)))  ; => ""
(get-output-string captured)                ; => "kept"

;; An error inside with-output-to-string restores the current output port.
(with-output-to-string (lambda () (display "lost") (car 5))) ; error: type at (car 5)
(display "back to normal")                  ; out: back to normal
(with-output-to-string (lambda () (read (open-input-string ")")))) ; error: read at (read (open-input-string ")"))
(write 'restored)                           ; out: restored

;; Closing.
(define c (open-input-string "abc"))
(close-port c)
(input-port-open? c)                        ; => #f
(close-port c)
(read-char c)                               ; error: io at (read-char c)
(define co (open-output-string))
(close-output-port co)
(output-port-open? co)                      ; => #f
(display "x" co)                            ; error: io at (display "x" co)
(close-input-port (open-output-string))     ; error: type at (close-input-port (open-output-string))
(close-output-port (open-input-string ""))  ; error: type at (close-output-port (open-input-string ""))
(close-port (current-output-port))
(display "still open")                      ; out: still open

;; Type errors.
(read-char (open-output-string))            ; error: type at (read-char (open-output-string))
(display 1 (open-input-string ""))          ; error: type at (display 1 (open-input-string ""))
(read-line 5)                               ; error: type at (read-line 5)
(get-output-string (open-input-string "")) ; error: type at (get-output-string (open-input-string ""))
(open-input-string 'sym)                    ; error: type at (open-input-string 'sym)
(with-output-to-string 5)                   ; error: type at (with-output-to-string 5)
(read-string -1 (open-input-string "abc"))  ; error: range at (read-string -1 (open-input-string "abc"))

;; Binary ports.
(define bin (open-input-bytevector #u8(1 2 3 255 4)))
(peek-u8 bin)                               ; => 1
(read-u8 bin)                               ; => 1
(u8-ready? bin)                             ; => #t
(read-bytevector 2 bin)                     ; => #u8(2 3)
(read-u8 bin)                               ; => 255
(read-bytevector 10 bin)                    ; => #u8(4)
(read-bytevector 10 bin)                    ; => #<eof>
(read-u8 bin)                               ; => #<eof>
(peek-u8 bin)                               ; => #<eof>
(define target (make-bytevector 4 0))
(read-bytevector! target (open-input-bytevector #u8(7 8 9)) 1) ; => 3
target                                      ; => #u8(0 7 8 9)
(define bout (open-output-bytevector))
(write-u8 65 bout)
(write-bytevector #u8(66 67 68) bout 1)
(get-output-bytevector bout)                ; => #u8(65 67 68)
(write-u8 256 bout)                         ; error: range at (write-u8 256 bout)
(write-u8 'a bout)                          ; error: type at (write-u8 'a bout)
(write-bytevector #u8(1 2) bout 1 5)        ; error: range at (write-bytevector #u8(1 2) bout 1 5)
(read-char (open-input-bytevector #u8(104 105))) ; => #\h

;; Files: write, read back, delete.
(define path (string-append "/tmp/eshkol-ports-test-" (number->string (current-time)) ".txt"))
(file-exists? path)                         ; => #f
(define fout (open-output-file path))
(output-port? fout)                         ; => #t
(display "line one" fout)
(newline fout)
(write '(data "here" 42) fout)
(newline fout)
(close-port fout)
(file-exists? path)                         ; => #t
(define fin (open-input-file path))
(read-line fin)                             ; => "line one"
(read fin)                                  ; => (data "here" 42)
(read fin)                                  ; => #<eof>
(close-input-port fin)
(call-with-input-file path port->lines)     ; => ("line one" "(data \"here\" 42)")
(call-with-output-file path (lambda (port) (write-string "replaced" port) 'done)) ; => done
(call-with-input-file path read-line)       ; => "replaced"
(with-output-to-file path (lambda () (display "redirected") (newline)))
(with-input-from-file path read-line)       ; => "redirected"
(with-input-from-file path (lambda () (read-char) (read-char))) ; => #\e
(with-output-to-file path (lambda () (display "partial") (car '()))) ; error: type at (car '())
(display "after file error")                ; out: after file error
(call-with-input-file path read-line)       ; => "partial"
(delete-file path)
(file-exists? path)                         ; => #f
(delete-file path)                          ; error: io at (delete-file path)
(open-input-file path)                      ; error: io at (open-input-file path)
(open-output-file "/nonexistent-dir/x.txt") ; error: io at (open-output-file "/nonexistent-dir/x.txt")
(call-with-input-file "/nonexistent-dir/x.txt" read-line) ; error: io at (call-with-input-file "/nonexistent-dir/x.txt" read-line)

;; flush-output-port accepts the current port and string ports.
(flush-output-port)
(flush-output-port (open-output-string))
