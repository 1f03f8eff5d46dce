# yield as an expression: value of yield without send is None.
def g():
    got = []
    for _ in range(3):
        x = yield
        got.append(x)
    yield got
it = g()
next(it)
next(it)
it.send("sent")
print(next(it))
def both():
    received = yield "first"
    yield "got " + repr(received)
b = both()
print(next(b), next(b))
