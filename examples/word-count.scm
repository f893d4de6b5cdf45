;; A portable R7RS program in two files: this one, and the library
;; text/words.sld beside it, which `import` finds and loads.
;;   eshkol examples/word-count.scm
(import (scheme base)
        (scheme write)
        (text words))

(define text
  "The arena is made, the arena is used, and the arena is gone: no pauses.")

(write (words "Hello, arena world"))
(newline)
(for-each (lambda (entry)
            (display (car entry))
            (display ": ")
            (display (cdr entry))
            (newline))
          (word-counts text))
