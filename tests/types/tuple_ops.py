# Tuples: creation, immutability, methods, comparison, hashing.
t = (1, 2, 3, 2)
print(t, (), (1,), tuple("ab"), t[1:3], t[-2:], t * 2, t + (9,))
print(t.count(2), t.index(3), 2 in t, len(t))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 5), () < (0,))
try:
    t[0] = 5
except TypeError:
    print("TypeError immutable")
print(hash((1, "a")) == hash((1, "a")), {(1, 2): "x"}[(1, 2)])
try:
    hash(([1],))
except TypeError:
    print("TypeError unhashable element")
a, b = t[:2]
print(a, b, type(t[0:1]).__name__)
one = 1,
print(one, type(one).__name__)
