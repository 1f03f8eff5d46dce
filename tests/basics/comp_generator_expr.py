# Generator expressions are lazy and single-use.
g = (x * 2 for x in range(4))
print(type(g).__name__)
print(next(g), next(g))
print(list(g))
print(list(g))
print(sum(x for x in range(101)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [1, 5]))
log = []
def src():
    for i in range(3):
        log.append(i)
        yield i
g = (v + 1 for v in src())
print(log)
print(next(g), log)
print(sorted(x for x in "hello"))
