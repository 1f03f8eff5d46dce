# throw() and close() are delegated through yield from to the inner generator.
def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", e.args)
        yield "recovered"
    finally:
        print("inner finally")
def outer():
    r = yield from inner()
    print("outer resumes", r)
    yield "outer-end"
g = outer()
print(next(g), g.throw(ValueError("v")), next(g))
g2 = outer(); next(g2); g2.close(); print("closed")
g3 = outer(); next(g3)
try:
    g3.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e.args)
