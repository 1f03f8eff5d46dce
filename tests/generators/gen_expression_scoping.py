# generator expressions: the first iterable is evaluated eagerly, the rest lazily; laziness in general.
log = []
def src(name, n):
    log.append(name)
    return range(n)
g = (x * y for x in src("outer", 2) for y in src("inner", 2))
print(log)
print(list(g), log)
def noisy():
    for i in range(3):
        print("produce", i)
        yield i
it = (i * 10 for i in noisy())
print(next(it))
print(sum(it))
print(any(x > 1 for x in noisy()))
