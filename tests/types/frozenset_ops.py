# frozenset: immutable, hashable, mixes with set.
f = frozenset([1, 2, 2, 3])
print(len(f), sorted(f), 2 in f, type(f).__name__)
print(sorted(f | {4}), type(f | {4}).__name__, sorted(f & {1}))
print(hash(f) == hash(frozenset([3, 2, 1])), f == {1, 2, 3})
d = {f: "frozen key"}
print(d[frozenset({1, 2, 3})])
try:
    f.add(4)
except AttributeError:
    print("AttributeError")
print(sorted({frozenset([1]), frozenset([1]), frozenset([2])}, key=sorted))
