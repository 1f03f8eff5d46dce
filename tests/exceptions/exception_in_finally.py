# An exception raised in finally replaces the pending one.
try:
    try:
        raise ValueError
    finally:
        raise KeyError("from finally")
except KeyError as e:
    print("KeyError", e.args)
except ValueError:
    print("wrong")
def f():
    try:
        return 1
    finally:
        raise IndexError("overrides return")
try:
    f()
except IndexError as e:
    print("IndexError", e.args)
