# StopIteration carries a value.
e = StopIteration(7)
print(e.value, e.args)
e = StopIteration()
print(e.value, e.args)
def gen():
    yield 1
    return "done"
g = gen()
next(g)
try:
    next(g)
except StopIteration as si:
    print("value", si.value)
