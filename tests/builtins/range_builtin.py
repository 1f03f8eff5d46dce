# range with positive and negative steps, indexing, slicing, membership, equality.
print(list(range(5)), list(range(2, 8)), list(range(0, 10, 3)), list(range(10, 0, -3)))
print(list(range(5, 5)), list(range(5, 0)), list(range(0, -5, -1)))
r = range(1, 20, 4)
print(r[0], r[-1], r[2], len(r), 9 in r, 10 in r)
print(list(r[1:3]), list(r[::-1]), list(r[::2]), list(range(10)[-3:]))
print(r.start, r.stop, r.step)
print(range(0, 3) == range(0, 3), range(0) == range(5, 5), repr(range(2, 9, 3)))
try:
    range(1, 2, 0)
except ValueError:
    print("ValueError zero step")
try:
    r[10]
except IndexError:
    print("IndexError")
print(sum(range(101)), list(reversed(range(4))))
