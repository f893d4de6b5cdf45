;;; Control procedures that read better in Scheme.

;; (dynamic-wind before thunk after): after runs however thunk is left, and
;; before again whenever a continuation re-enters thunk (R7RS 6.10). Written
;; here, not in Rust, so thunk runs on the machine like any call: a
;; continuation captured inside it stays re-entrant. Leaving by an error or an
;; escape runs after from the machine's unwinding (eval::wind).
(define (dynamic-wind before thunk after)
  (%wind-check before thunk after)
  (before)
  (%wind-enter before after)
  (let ((result (thunk)))
    (%wind-leave)
    (after)
    result))
