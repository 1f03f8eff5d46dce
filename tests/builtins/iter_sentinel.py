# iter(callable, sentinel) calls until the sentinel is returned; next() with a default.
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
data = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(data), "")))
it = iter([1])
print(next(it, "d"), next(it, "d"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
for bad in [lambda: iter(5), lambda: next([1]), lambda: iter(5, 1)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__)
