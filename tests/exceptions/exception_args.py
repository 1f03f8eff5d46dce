# args, str() and repr() of exceptions raised by user code.
e = ValueError()
print(e.args, repr(str(e)))
e = ValueError("one")
print(e.args, str(e), repr(e))
e = ValueError("a", 2)
print(e.args, str(e))
e = KeyError("key")
print(e.args, str(e))
e = Exception(1, [2])
print(e.args, repr(e))
try:
    raise TypeError
except TypeError as err:
    print("class raised", type(err).__name__, err.args)
print(repr(IndexError(5)))
