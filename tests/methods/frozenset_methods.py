# frozenset: hashable, usable as set element and dict key; methods return frozensets.
f = frozenset("abc")
print(sorted(f), hash(f) == hash(frozenset("cba")), len({f, frozenset("bca")}))
d = {f: 1}; print(d[frozenset("cab")])
print(type(f.union("d")).__name__, sorted(f.union("d")), type(f.copy()).__name__, sorted(f.difference("a")))
print(frozenset() == set(), frozenset([1]) in {frozenset([1])}, {frozenset([1])} == {frozenset([1])})
print(sorted(f.intersection("bz")), sorted(f.symmetric_difference("cz")), f.issubset("abcd"))
