;; Symbols.

(symbol? 'foo)                      ; => #t
(symbol? (car '(a b)))              ; => #t
(symbol? "bar")                     ; => #f
(symbol? 'nil)                      ; => #t
(symbol? '())                       ; => #f
(symbol->string 'flying-fish)       ; => "flying-fish"
(symbol->string 5)                  ; error: type at (symbol->string 5)
(string->symbol "mISSISSIppi")      ; => mISSISSIppi
(eq? (string->symbol "abc") 'abc)   ; => #t
(string->symbol "hello world")      ; => |hello world|
(string->symbol "")                 ; => ||
(string->symbol "42")               ; => |42|
(string->symbol 'a)                 ; error: type at (string->symbol 'a)
(symbol->string (string->symbol "a b")) ; => "a b"
(symbol=? 'a 'a)                    ; => #t
(symbol=? 'a 'a 'a)                 ; => #t
(symbol=? 'a 'b)                    ; => #f
(symbol=? 'a "a")                   ; error: type at (symbol=? 'a "a")
(symbol? (gensym))                  ; => #t
(eq? (gensym) (gensym))             ; => #f
(symbol? (gensym "tmp"))            ; => #t
(eq? (gensym "x") 'x1)              ; => #f
(display 'abc)                      ; out: abc
(display (string->symbol "a b"))    ; out: a b
(write 'abc)                        ; out: abc
(write '|a b|)                      ; out: |a b|
