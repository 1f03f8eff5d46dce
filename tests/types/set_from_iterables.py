# Building sets from many iterable kinds; printed sorted since order is arbitrary.
print(sorted(set("mississippi")), sorted(set([3, 1, 3])), sorted(set(range(5)) - {0}))
print(sorted(set({"k": 1, "j": 2})), sorted(set((x % 3 for x in range(10)))))
print(len(set()), set() == frozenset(), sorted(frozenset("ba") | set("c")))
