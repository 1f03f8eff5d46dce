# range objects are lazy sequences with value semantics.
r = range(0, 20, 5)
print(r, list(r), len(r), r[1], r[-1], 15 in r, 16 in r)
print(list(range(3, -3, -2)), len(range(3, -3, -2)), list(range(-3)))
big = range(10 ** 12)
print(len(big) == 10 ** 12, big[-1], 10 ** 11 in big)
print(list(range(10)[2:8:3]), range(10)[2:8:3])
print(bool(range(0)), bool(range(1)), [x for x in range(2) for _ in range(2)])
