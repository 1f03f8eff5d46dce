# list methods: append, extend, insert, pop, remove, index, count, reverse, copy, clear.
a = [3, 1, 2]
a.append(4); print(a)
a.extend([5, 6]); a.extend("xy"); print(a)
a.insert(0, "first"); a.insert(-1, "before-last"); a.insert(100, "end"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove("x"); print(a)
print(a.index(2), a.count(2), [1, 1, 2].count(1), [1, 2, 3, 2].index(2, 2))
a.reverse(); print(a)
b = a.copy(); b.append("copy only"); print(len(a), len(b))
a.clear(); print(a)
for bad in [lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(3), lambda: [].pop(3)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__)
