# generator patterns: nonlocal state in a generator closure, genexp in a class body, infinite
# generators with take(), throw-and-continue loops, lambda generators, nested yield from, return in try.
def acc():
    total = 0
    def add():
        nonlocal total
        while True:
            x = yield total
            total += x
    return add
g = acc()(); next(g); print(g.send(5), g.send(7))
class K:
    vals = [1, 2, 3]
    doubled = list(x * 2 for x in vals)
print(K.doubled)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib(); print([next(f) for _ in range(10)])
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
print(list(take(5, fib())), list(take(0, fib())))
def throw_target():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            yield "handled %s" % e.args[0]
t = throw_target(); next(t)
print(t.throw(ValueError("a")), next(t), t.throw(ValueError("b")))
gen_lambda = (lambda: (yield 1))()
print(next(gen_lambda))
def outer_gen():
    def inner():
        yield "inner"
    yield from inner()
    yield "outer"
print(list(outer_gen()))
def uses_return_in_try():
    try:
        yield 1
        return "r"
    finally:
        print("cleanup")
print(list(uses_return_in_try()))
nested = ((i, j) for i in range(2) for j in (lambda i=i: range(i + 1))())
print(list(nested))
