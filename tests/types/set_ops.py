# set operators and methods; output printed sorted because set order is arbitrary.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(a <= a, {1} < a, a >= {1, 2}, a > a, a.issubset({1, 2, 3, 4, 5}), a.issuperset([1]), a.isdisjoint({7}))
c = set()
c.add(5); c.add(5); c.update([1, 2], (3,))
print(sorted(c), len(c))
c.discard(99); c.remove(5)
print(sorted(c))
try:
    c.remove(99)
except KeyError:
    print("KeyError")
print(c.pop() in {1, 2, 3}, len(c))
c.clear()
print(c, set() == set(), {1, 2} == {2, 1})
