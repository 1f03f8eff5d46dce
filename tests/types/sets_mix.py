# sets built incrementally, frozenset operator results, in-place operators keeping identity,
# equal numbers of different types collapsing, multi-argument union/intersection.
s = set()
for i in range(100):
    s.add(i * 7 % 31)
print(len(s), sorted(s)[:5], min(s), max(s))
fs = frozenset(range(10))
print(sorted(fs - {1, 2}), type(fs - {1}).__name__)
a = {1, 2, 3}
b = a
a -= {1}
print(sorted(b), a is b)
a |= {9}
print(sorted(b))
print({x % 3 for x in range(10)} == {0, 1, 2}, set("aab") == {"a", "b"}, {1, 2} ^ {2} == {1})
print(sorted({(1, 2), (1, 2), (2, 1)}), len({1.0, 1, True, 1 + 0j}), sorted({-1, -2} | {0}))
print(sorted(set([3, 1]).union([2], (0,))), set().union(), sorted(set("ab").intersection("bc", "b")))
