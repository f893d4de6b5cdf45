(import (scheme base) (scheme write) (where am-i))
(display location)
(newline)
