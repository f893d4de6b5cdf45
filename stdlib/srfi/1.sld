;;; SRFI 1, the list library: (import (srfi 1)).
;;;
;;; The procedures eshkol implements in Rust and that behave as SRFI 1 says
;;; are re-exported as they are (cons* make-list list-copy iota last
;;; last-pair append! reverse filter remove partition reduce delete delete!
;;; delete-duplicates member assoc map for-each fold fold-right any every
;;; count list-index append-map filter-map ...). Everything else is written below after the SRFI's reference
;;; implementation. The linear-update procedures (take!, filter!, ...) are
;;; the pure ones, as SRFI 1 permits.

(define-library (srfi 1)
  (export
   ;; constructors
   cons list xcons cons* make-list list-tabulate list-copy circular-list iota
   ;; predicates
   (rename list? proper-list?) circular-list? dotted-list? pair? null?
   not-pair? null-list? list=
   ;; selectors
   car cdr caar cadr cdar cddr caaar caadr cadar caddr cdaar cdadr cddar
   cdddr caaaar caaadr caadar caaddr cadaar cadadr caddar cadddr cdaaar
   cdaadr cdadar cdaddr cddaar cddadr cdddar cddddr list-ref
   first second third fourth fifth sixth seventh eighth ninth tenth car+cdr
   take drop take-right drop-right (rename take take!) drop-right!
   split-at (rename split-at split-at!) last last-pair
   ;; miscellaneous
   length length+ append concatenate reverse append! concatenate! reverse!
   append-reverse (rename append-reverse append-reverse!) zip unzip1 unzip2
   unzip3 unzip4 unzip5 count
   ;; fold, unfold and map
   fold unfold pair-fold reduce fold-right unfold-right pair-fold-right
   reduce-right append-map (rename append-map append-map!) pair-for-each
   filter-map (rename map map-in-order) map for-each
   ;; filtering and partitioning
   filter partition remove (rename filter filter!)
   (rename partition partition!) (rename remove remove!)
   ;; searching
   member memq memv find find-tail any every list-index take-while
   drop-while (rename take-while take-while!) span break (rename span span!)
   (rename break break!)
   ;; deletion
   delete delete-duplicates delete! (rename delete-duplicates delete-duplicates!)
   ;; association lists
   assoc assq assv alist-cons alist-copy alist-delete
   (rename alist-delete alist-delete!)
   ;; lists as sets
   lset<= lset= lset-adjoin lset-union (rename lset-union lset-union!)
   lset-intersection (rename lset-intersection lset-intersection!)
   lset-difference (rename lset-difference lset-difference!) lset-xor
   (rename lset-xor lset-xor!) lset-diff+intersection
   (rename lset-diff+intersection lset-diff+intersection!)
   ;; primitive side effects
   set-car! set-cdr!)
  (import (eshkol base))
  (begin

    ;; ---- helpers ----

    (define (check-index who k)
      (unless (and (exact-integer? k) (>= k 0))
        (error (string-append who ": expected a non-negative exact integer") k)))

    ;; ---- constructors ----

    (define (xcons d a) (cons a d))

    (define (list-tabulate n init)
      (check-index "list-tabulate" n)
      (let loop ((i (- n 1)) (acc '()))
        (if (< i 0) acc (loop (- i 1) (cons (init i) acc)))))

    (define (circular-list x . rest)
      (let ((l (cons x rest)))
        (set-cdr! (last-pair l) l)
        l))

    ;; ---- predicates ----

    (define (circular-list? x)
      (let loop ((fast x) (slow x))
        (and (pair? fast)
             (let ((fast (cdr fast)))
               (and (pair? fast)
                    (let ((fast (cdr fast)) (slow (cdr slow)))
                      (or (eq? fast slow) (loop fast slow))))))))

    (define (dotted-list? x)
      (let loop ((fast x) (slow x))
        (if (pair? fast)
            (let ((fast (cdr fast)))
              (if (pair? fast)
                  (let ((fast (cdr fast)) (slow (cdr slow)))
                    (and (not (eq? fast slow)) (loop fast slow)))
                  (not (null? fast))))
            (not (null? fast)))))

    (define (not-pair? x) (not (pair? x)))

    (define (null-list? l)
      (cond ((pair? l) #f)
            ((null? l) #t)
            (else (error "null-list?: expected a proper or circular list" l))))

    (define (list= elt= . lists)
      (define (two= a b)
        (cond ((eq? a b) #t)
              ((null-list? a) (null-list? b))
              ((null-list? b) #f)
              (else (and (elt= (car a) (car b)) (two= (cdr a) (cdr b))))))
      (let loop ((lists lists))
        (or (null? lists) (null? (cdr lists))
            (and (two= (car lists) (cadr lists)) (loop (cdr lists))))))

    ;; ---- selectors ----

    (define (first x) (car x))
    (define (second x) (cadr x))
    (define (third x) (caddr x))
    (define (fourth x) (cadddr x))
    (define (fifth x) (car (cddddr x)))
    (define (sixth x) (cadr (cddddr x)))
    (define (seventh x) (caddr (cddddr x)))
    (define (eighth x) (cadddr (cddddr x)))
    (define (ninth x) (car (cddddr (cddddr x))))
    (define (tenth x) (cadr (cddddr (cddddr x))))

    (define (car+cdr pair) (values (car pair) (cdr pair)))

    (define (take lis k)
      (check-index "take" k)
      (let loop ((lis lis) (k k) (acc '()))
        (cond ((zero? k) (reverse acc))
              ((pair? lis) (loop (cdr lis) (- k 1) (cons (car lis) acc)))
              (else (error "take: the list has fewer elements than asked for" k)))))

    (define (drop lis k)
      (check-index "drop" k)
      (let loop ((lis lis) (k k))
        (cond ((zero? k) lis)
              ((pair? lis) (loop (cdr lis) (- k 1)))
              (else (error "drop: the list has fewer elements than asked for" k)))))

    (define (take-right lis k)
      (let loop ((lag lis) (lead (drop lis k)))
        (if (pair? lead) (loop (cdr lag) (cdr lead)) lag)))

    (define (drop-right lis k)
      (let loop ((lag lis) (lead (drop lis k)) (acc '()))
        (if (pair? lead)
            (loop (cdr lag) (cdr lead) (cons (car lag) acc))
            (reverse acc))))

    (define (drop-right! lis k) (drop-right lis k))

    (define (split-at x k)
      (check-index "split-at" k)
      (let loop ((lis x) (k k) (acc '()))
        (cond ((zero? k) (values (reverse acc) lis))
              ((pair? lis) (loop (cdr lis) (- k 1) (cons (car lis) acc)))
              (else (error "split-at: the list has fewer elements than asked for" k)))))

    ;; ---- miscellaneous ----

    ;; The length of a proper or dotted list, #f for a circular one.
    (define (length+ x)
      (let loop ((fast x) (slow x) (n 0))
        (if (pair? fast)
            (let ((fast (cdr fast)) (n (+ n 1)))
              (if (pair? fast)
                  (let ((fast (cdr fast)) (slow (cdr slow)) (n (+ n 1)))
                    (and (not (eq? fast slow)) (loop fast slow n)))
                  n))
            n)))

    (define (concatenate lists) (apply append lists))
    (define (concatenate! lists) (apply append! lists))
    (define (reverse! lis) (reverse lis))

    (define (append-reverse rev-head tail)
      (if (pair? rev-head)
          (append-reverse (cdr rev-head) (cons (car rev-head) tail))
          tail))

    (define (zip lis . more) (apply map list lis more))

    (define (unzip1 lis) (map car lis))
    (define (unzip2 lis) (values (map car lis) (map cadr lis)))
    (define (unzip3 lis)
      (values (map car lis) (map cadr lis) (map caddr lis)))
    (define (unzip4 lis)
      (values (map car lis) (map cadr lis) (map caddr lis)
              (map cadddr lis)))
    (define (unzip5 lis)
      (values (map car lis) (map cadr lis) (map caddr lis)
              (map cadddr lis) (map fifth lis)))


    ;; ---- fold, unfold and map ----



    (define (pair-fold kons knil lis . more)
      (if (null? more)
          (let loop ((lis lis) (acc knil))
            (if (pair? lis)
                (let ((tail (cdr lis)))  ; kons may change (cdr lis)
                  (loop tail (kons lis acc)))
                acc))
          (let loop ((lists (cons lis more)) (acc knil))
            (if (every pair? lists)
                (let ((tails (map cdr lists)))
                  (loop tails (apply kons (append lists (list acc)))))
                acc))))

    (define (pair-fold-right kons knil lis . more)
      (if (null? more)
          (let recur ((lis lis))
            (if (pair? lis) (kons lis (recur (cdr lis))) knil))
          (let recur ((lists (cons lis more)))
            (if (every pair? lists)
                (apply kons (append lists (list (recur (map cdr lists)))))
                knil))))

    (define (reduce-right f ridentity lis)
      (if (null-list? lis)
          ridentity
          (let recur ((head (car lis)) (lis (cdr lis)))
            (if (pair? lis)
                (f head (recur (car lis) (cdr lis)))
                head))))

    (define (unfold stop? mapper successor seed . tail-gen)
      (let recur ((seed seed))
        (if (stop? seed)
            (if (pair? tail-gen) ((car tail-gen) seed) '())
            (cons (mapper seed) (recur (successor seed))))))

    (define (unfold-right stop? mapper successor seed . tail)
      (let loop ((seed seed) (acc (if (pair? tail) (car tail) '())))
        (if (stop? seed)
            acc
            (loop (successor seed) (cons (mapper seed) acc)))))


    (define (pair-for-each proc lis . more)
      (if (null? more)
          (let loop ((lis lis))
            (when (pair? lis)
              (let ((tail (cdr lis)))  ; proc may change (cdr lis)
                (proc lis)
                (loop tail))))
          (let loop ((lists (cons lis more)))
            (when (every pair? lists)
              (let ((tails (map cdr lists)))
                (apply proc lists)
                (loop tails))))))




    ;; ---- searching ----

    (define (find pred lis)
      (cond ((find-tail pred lis) => car)
            (else #f)))

    (define (find-tail pred lis)
      (let loop ((lis lis))
        (and (pair? lis)
             (if (pred (car lis)) lis (loop (cdr lis))))))

    (define (take-while pred lis)
      (let loop ((lis lis) (acc '()))
        (if (and (pair? lis) (pred (car lis)))
            (loop (cdr lis) (cons (car lis) acc))
            (reverse acc))))

    (define (drop-while pred lis)
      (let loop ((lis lis))
        (if (and (pair? lis) (pred (car lis))) (loop (cdr lis)) lis)))

    (define (span pred lis)
      (let loop ((lis lis) (acc '()))
        (if (and (pair? lis) (pred (car lis)))
            (loop (cdr lis) (cons (car lis) acc))
            (values (reverse acc) lis))))

    (define (break pred lis)
      (span (lambda (x) (not (pred x))) lis))




    ;; ---- association lists ----

    (define (alist-cons key datum alist) (cons (cons key datum) alist))

    (define (alist-copy alist)
      (map (lambda (entry) (cons (car entry) (cdr entry))) alist))

    (define (alist-delete key alist . maybe=)
      (let ((= (if (pair? maybe=) (car maybe=) equal?)))
        (remove (lambda (entry) (= key (car entry))) alist)))

    ;; ---- lists as sets ----
    ;; Element comparisons are (= x y) with x from the earlier list.

    (define (member-by = x lis)
      (find-tail (lambda (y) (= y x)) lis))

    (define (lset<= = . lists)
      (or (null? lists)
          (let loop ((a (car lists)) (rest (cdr lists)))
            (or (null? rest)
                (let ((b (car rest)))
                  (and (or (eq? a b)
                           (every (lambda (x) (member x b =)) a))
                       (loop b (cdr rest))))))))

    (define (lset= = . lists)
      (or (null? lists)
          (let loop ((a (car lists)) (rest (cdr lists)))
            (or (null? rest)
                (let ((b (car rest)))
                  (and (or (eq? a b)
                           (and (every (lambda (x) (member x b =)) a)
                                (every (lambda (y) (member-by = y a)) b)))
                       (loop b (cdr rest))))))))

    (define (lset-adjoin = lis . elts)
      (fold (lambda (elt acc) (if (member-by = elt acc) acc (cons elt acc)))
             lis elts))

    (define (lset-union = . lists)
      (reduce (lambda (lis acc)
                (cond ((null? lis) acc)
                      ((null? acc) lis)
                      ((eq? lis acc) acc)
                      (else
                       (fold (lambda (elt acc)
                                (if (member-by = elt acc) acc (cons elt acc)))
                              acc lis))))
              '() lists))

    (define (lset-intersection = lis1 . lists)
      (let ((lists (delete lis1 lists eq?)))
        (cond ((any null? lists) '())
              ((null? lists) lis1)
              (else (filter (lambda (x)
                              (every (lambda (lis) (member x lis =)) lists))
                            lis1)))))

    (define (lset-difference = lis1 . lists)
      (let ((lists (filter pair? lists)))
        (cond ((null? lists) lis1)
              ((memq lis1 lists) '())
              (else (filter (lambda (x)
                              (every (lambda (lis) (not (member x lis =)))
                                      lists))
                            lis1)))))

    (define (lset-xor = . lists)
      (reduce (lambda (b a)
                (let-values (((a-b a&b) (lset-diff+intersection = a b)))
                  (cond ((null? a-b) (lset-difference = b a))
                        ((null? a&b) (append b a))
                        (else
                         (fold (lambda (xb ans)
                                  (if (member xb a&b =) ans (cons xb ans)))
                                a-b b)))))
              '() lists))

    (define (lset-diff+intersection = lis1 . lists)
      (cond ((every null? lists) (values lis1 '()))
            ((memq lis1 lists) (values '() lis1))
            (else (partition (lambda (x)
                               (not (any (lambda (lis) (member x lis =))
                                          lists)))
                             lis1))))))
