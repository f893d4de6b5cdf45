;; Per-request arenas with a long-lived session arena: request data dies with
;; its request, session data is copied into the session arena and survives.

(define session-arena (make-arena 16384))
(define sessions '())

(define (parse-request text)
  ;; Pretend parsing needs scratch space proportional to the request.
  (list 'user text 'length (string-length text)))

(define (handle-request text)
  (define request-arena (make-arena 1024))
  (let* ((scratch (arena-alloc request-arena (* 4 (string-length text))))
         (parsed (parse-request text))
         (session-copy (copy-to-arena parsed session-arena)))
    (bytevector-fill! scratch 1)
    (set! sessions (cons session-copy sessions))
    (destroy-arena request-arena)
    (string-append "hello, " text)))

(for-each (lambda (name) (println (handle-request name)))
          '("ada" "grace" "barbara"))

(println "sessions: " sessions)
(println "session arena: " (arena-stats session-arena))
(destroy-arena session-arena)

;; The session copies died with their arena: using one is an error.
(println "after destroy, (car (car sessions)) fails with:")
(car (car sessions))
