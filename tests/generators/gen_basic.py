# Generators yield values lazily and remember state.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")
def trace():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
for v in trace():
    print("got", v)
print(type(count_up(1)).__name__)
