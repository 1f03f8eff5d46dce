# throw() raises inside the generator at the yield point.
def guarded():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("handled", e.args)
            yield "recovered"
g = guarded()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
def unguarded():
    yield 1
    yield 2
g = unguarded()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e.args)
try:
    next(g)
except StopIteration:
    print("closed after throw")
g = unguarded()
try:
    g.throw(IndexError)
except IndexError:
    print("throw before start")
