# set construction from strings/dicts/generators, equality with frozenset, subset chains, len after dups.
print(sorted(set("banana")), sorted(set({"k": 1, "j": 2})), sorted(set(x % 3 for x in range(10))), len(set([1, 1.0, True])))
a = {1, 2}
print(a == {2, 1}, a == frozenset(a), a < {1, 2, 3} < {1, 2, 3, 4}, set() < a, set() == frozenset(), {()} == {()})
s = set(); s.add((1, 2)); s.add((1, 2)); s.add(frozenset([1])); print(len(s))
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__)
try:
    set([{}])
except TypeError as e:
    print(type(e).__name__)
