# range: negative steps, len, indexing, slicing, membership, equality, index/count.
# (Bounds must fit a small int, as in MicroPython: see docs/differences.md.)
r = range(10, -5, -3)
print(list(r), len(r), r[0], r[-1], list(r[1:3]), 4 in r, 5 in r, r.index(1), r.count(7))
print(range(0) == range(5, 5), range(0, 3) == range(3), len(range(-(2**40), 2**40)))
print(r.start, r.stop, r.step, list(range(5)[::2]), range(3)[-1], bool(range(0)), repr(range(1, 5, 2)))
for bad in [lambda: range(1, 2, 0), lambda: range(3)[5], lambda: range(1.5), lambda: range(3).index(9)]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__)
