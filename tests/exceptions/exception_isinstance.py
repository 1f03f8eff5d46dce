# isinstance checks on exception instances and classes.
e = KeyError("k")
for cls in (KeyError, LookupError, Exception, BaseException, ValueError, IndexError):
    print(cls.__name__, isinstance(e, cls))
print(isinstance(ZeroDivisionError(), ArithmeticError))
print(type(e) is KeyError, type(e).__name__)
print(BaseException in type(e).__mro__ if hasattr(type(e), "__mro__") else True)
errs = [ValueError(), TypeError(), StopIteration()]
print([type(x).__name__ for x in errs if isinstance(x, Exception)])
