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

;; (parameterize ((param value) ...) body ...) calls this with the
;; parameters, their new values and the body as a thunk. The values are
;; converted first, so a failing converter changes nothing. Then `bound`
;; and the parameters trade values on every entry into the body and every
;; exit from it, re-entry by a continuation included, so the body always
;; sees this parameterize's values and the code around it its own
;; (R7RS 4.2.6).
(define (%parameterize params values body)
  (let ((bound (%parameter-convert params values)))
    (dynamic-wind
     (lambda () (set! bound (%parameter-swap! params bound)))
     body
     (lambda () (set! bound (%parameter-swap! params bound))))))
