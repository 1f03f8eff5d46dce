# the exception type raised by many wrong operations on builtins (indexing, arithmetic, calls,
# conversions, container methods, hashing, attribute access), one per lambda.
none, five, text = None, 5, "x"
s = "hello"
for bad in [lambda: s[10], lambda: s.__setitem__ if False else s[1.5], lambda: s["a"], lambda: [][0], lambda: ()[-1], lambda: {}[0],
            lambda: [1][none], lambda: "a" + 1, lambda: 1 + "a", lambda: [] + (), lambda: None + 1, lambda: -"a", lambda: ~1.5,
            lambda: len(5), lambda: five(), lambda: text(), lambda: iter(None), lambda: next(iter([])), lambda: int.foo,
            lambda: (1).real.foo, lambda: object().x, lambda: None.x, lambda: [].nope(), lambda: {}.fromkeys(1),
            lambda: sorted([None, 1]), lambda: max(None, 1), lambda: abs(None), lambda: "%d" % "s", lambda: "{}".format(),
            lambda: 1 / 0, lambda: 1 % 0.0, lambda: divmod(1, 0), lambda: 2 ** -1 // 0, lambda: int("1.0"), lambda: float("x"),
            lambda: chr(-5), lambda: [].index(1), lambda: "".index("x"), lambda: (1, 2).index(3), lambda: {1}.remove(2),
            lambda: [].pop(), lambda: {}.popitem(), lambda: set().pop(), lambda: bytes([300]), lambda: bytearray(-1),
            lambda: list(5), lambda: tuple(None), lambda: dict(5), lambda: set(1), lambda: frozenset(2), lambda: range("a"),
            lambda: slice(1, 2)(), lambda: hash([]), lambda: {[]: 1}, lambda: {{1}}, lambda: getattr(1, "x"),
            lambda: setattr(1, "x", 2), lambda: delattr(1, "real"), lambda: issubclass(1, int), lambda: isinstance(1, 1)]:
    try:
        bad()
        print("no error")
    except Exception as e:
        print(type(e).__name__, end=" ")
print()
