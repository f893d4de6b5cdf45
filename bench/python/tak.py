"""Takeuchi's function (tak 18 12 6) repeated, the equivalent of bench/programs/tak.scm."""
import sys


def tak(x, y, z):
    if not y < x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


reps = int(sys.argv[1]) if len(sys.argv) > 1 else 20
acc = 0
for _ in range(reps):
    acc += tak(18, 12, 6)
print(f"tak {reps} = {acc}")
