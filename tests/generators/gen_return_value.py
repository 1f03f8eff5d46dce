# return in a generator sets StopIteration.value and ends iteration.
def g(n):
    for i in range(n):
        yield i
    return n * 100
it = g(2)
print(list(it))
it = g(1)
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("return value", e.value)
def empty():
    return "nothing"
    yield
print(list(empty()))
def early(stop):
    yield 1
    if stop:
        return
    yield 2
print(list(early(True)), list(early(False)))
