# assorted exception and generator behaviours: yield inside finally during close, throw into a fresh
# generator, send protocols, raise from None, user exception str/repr, hierarchy of base classes.
def g():
    try:
        yield 1
    finally:
        yield 2
x = g(); next(x)
try:
    x.close()
except RuntimeError:
    print("RuntimeError on yield in finally during close")
def h():
    yield 1
it = h()
print(it.throw(ValueError, ValueError("pre")) if False else "skip")
try:
    h().throw(KeyError("fresh"))
except KeyError as e:
    print("fresh throw", e.args)
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        else:
            n += 1
c = counter(); next(c)
print(c.send(None), c.send(None), c.send("reset"), c.send(None))
e = ValueError("x")
try:
    raise e
except ValueError as caught:
    print(caught is e)
try:
    try:
        raise ValueError(1)
    except ValueError as err:
        raise err from None
except ValueError as err2:
    print(err2.__cause__, err2.__suppress_context__)
class E(Exception):
    def __str__(self):
        return "custom-" + str(self.args)
print(str(E(1, 2)), repr(E(1)) == "E(1)")
try:
    raise E("z")
except E as e:
    print(e)
def raiser():
    raise NotImplementedError
try:
    raiser()
except RuntimeError as e:
    print(type(e).__name__, isinstance(e, RuntimeError))
print([type(e).__name__ for e in (ArithmeticError(), LookupError(), UnicodeError())])
try:
    {}[[]]
except TypeError as e:
    print("unhashable TypeError")
try:
    int("x")
except (TypeError, ValueError) as e:
    print(type(e).__name__)
def deep(n):
    if n == 0:
        raise KeyError("deep")
    deep(n - 1)
try:
    deep(50)
except KeyError as e:
    print("deep", e.args)
for exc in (StopIteration, GeneratorExit, KeyboardInterrupt, SystemExit):
    try:
        raise exc
    except BaseException as e:
        print(type(e).__name__, isinstance(e, Exception))
