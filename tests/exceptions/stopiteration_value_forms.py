# StopIteration.value from generator returns, explicit StopIteration(value), and next() on exhaustion.
def g():
    yield 1
    return "ret"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(e.value, e.args)
print(StopIteration().value, StopIteration(5).value, StopIteration(1, 2).value, StopIteration(1, 2).args)
def h():
    return
    yield
try:
    next(h())
except StopIteration as e:
    print(e.value, e.args)
