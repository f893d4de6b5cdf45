;; The arena guide's benchmark: a million 100-byte allocations from an arena
;; against a million heap bytevectors. It reports what it measured, whichever
;; side wins on this machine (docs/performance.md has the figures).

(define (benchmark-arena-vs-gc iterations)
  (define start-time (current-time))

  ;; Arena-based allocation
  (let ((arena (make-arena 1024)))
    (for-each (lambda (_)
                (arena-alloc arena 100))
              (range 0 iterations))
    (destroy-arena arena))

  (define arena-time (- (current-time) start-time))
  (set! start-time (current-time))

  ;; Heap allocation
  (for-each (lambda (_)
              (make-bytes 100))
            (range 0 iterations))

  (define gc-time (- (current-time) start-time))

  (println "Arena time: " arena-time)
  (println "GC time: " gc-time)
  (println "Ratio: " (/ gc-time arena-time))
  (println (if (< arena-time gc-time)
               "Arena allocation was faster here."
               "Heap allocation was faster here: each arena-alloc costs more than a make-bytes.")))

(benchmark-arena-vs-gc 1000000)
