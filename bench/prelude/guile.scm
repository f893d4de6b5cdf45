;; Guile: SRFI-69 hash tables.
(use-modules (srfi srfi-69))
