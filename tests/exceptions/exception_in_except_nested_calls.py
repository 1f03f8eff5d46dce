# the handled exception is restored after a nested try/except inside a handler (bare raise sees it).
def inner():
    try:
        raise KeyError("inner")
    except KeyError:
        return "handled inner"
try:
    try:
        raise ValueError("outer")
    except ValueError:
        print(inner())
        raise
except ValueError as e:
    print("outer re-raised", e.args)
def gen():
    try:
        yield 1
    except ValueError:
        yield "gen handled"
g = gen(); next(g)
try:
    raise KeyError("k")
except KeyError:
    print(g.throw(ValueError()))
    try:
        raise
    except KeyError as e:
        print("still KeyError", e.args)
