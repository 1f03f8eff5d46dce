# None is a singleton with falsy truth value.
print(None, repr(None), type(None).__name__, None is None, bool(None))
def f():
    pass
print(f() is None, [None] * 2, None in [None], {None: 1}[None])
try:
    None.attr
except AttributeError:
    print("AttributeError")
