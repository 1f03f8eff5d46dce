# Decorators are closures applied at definition time.
def trace(fn):
    def wrapper(*args, **kw):
        print("call", fn.__name__, args)
        return fn(*args, **kw)
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(2, 3))
def repeat(n):
    def deco(fn):
        def wrapper():
            return [fn() for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def ping():
    return "ping"
print(ping())
def d1(f):
    return lambda: "d1(" + f() + ")"
def d2(f):
    return lambda: "d2(" + f() + ")"
@d1
@d2
def base():
    return "base"
print(base())
