# repr of builtin values.
print(repr(1), repr(-2.5), repr("s"), repr(b"b\x00"), repr([1, "a"]), repr((1,)), repr(()))
print(repr({"k": [1, 2]}), repr(None), repr(True), repr(Ellipsis), repr(bytearray(b"ab")))
print(repr(set()), repr({1}), repr(frozenset()), repr([[], {}]))
print(repr(range(3)), repr(range(1, 5, 2)), repr(slice(1, 2)), repr(slice(None, 5, -1)))
print(repr(int), repr(ValueError), repr(ValueError("x")))
