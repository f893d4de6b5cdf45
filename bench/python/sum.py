"""A loop summing 0 .. n-1, the equivalent of bench/programs/sum.scm (Python has no tail calls)."""
import sys


def total(n):
    i = 0
    acc = 0
    while i < n:
        acc += i
        i += 1
    return acc


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000000
print(f"sum {n} = {total(n)}")
